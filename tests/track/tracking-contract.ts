// The tracking half of any store backend (SQLite here; the PostgreSQL backend runs the same cases):
// state, append-only history, conflicts, proposals, carried keys, report times.
import { afterEach, describe, expect, test } from 'vitest';
import type { TaskStore } from '../../src/store/store.js';
import type { TrackingUpdate } from '../../src/store/tracking.js';

/** `open` gives a fresh, empty store each time; `reopen` (optional) opens the same store again after close. */
export interface TrackingBackend {
  name: string;
  open: () => Promise<TaskStore>;
  reopen?: (store: TaskStore) => Promise<TaskStore>;
  cleanup?: () => Promise<void>;
}

export function describeTrackingStore(backend: TrackingBackend): void {
  const fresh = backend.open;
  afterEach(async () => {
    await backend.cleanup?.();
  });
  const cli = (by: string, at: string) => ({ by, source: 'cli' as const, at });

  describe(`${backend.name}: updateTracking`, () => {
    // each row: an update on a fresh key, the fields whose events are expected [field, before, after]
    const cases: [string, TrackingUpdate, [string, string | null, string | null][]][] = [
      ['status', { status: '推进中' }, [['status', '未开始', '推进中']]],
      ['same status as the blank state', { status: '未开始' }, []],
      ['progress appends', { progress: '已完成摸底排查' }, [['progress', null, '已完成摸底排查']]],
      ['problems and next steps', { problems: '资金未到位', nextSteps: '协调财政局' }, [['problems', null, '资金未到位'], ['nextSteps', null, '协调财政局']]],
      ['empty problems is no change', { problems: '' }, []],
      ['completed on', { completedOn: '2020-06-28' }, [['completedOn', null, '2020-06-28']]],
      ['evidence and 督办', { evidence: ['验收报告.pdf'], supervised: true }, [['evidence', null, '["验收报告.pdf"]'], ['supervised', '否', '是']]],
      ['responsible', { responsible: '张三' }, [['responsible', null, '张三']]],
    ];
    test.each(cases)('%s', async (_name, update, want) => {
      const s = await fresh();
      const events = await s.updateTracking('d#1', update, cli('李四', '2020-05-01T08:00:00Z'));
      expect(events.map((e) => [e.field, e.before, e.after])).toEqual(want);
      expect(await s.history('d#1')).toEqual(events);
      expect((await s.tracking(['d#1'])).size).toBe(want.length ? 1 : 0);
      await s.close();
    });

    test('a state builds up; the same update again records nothing; history is oldest first', async () => {
      const s = await fresh();
      await s.updateTracking('d#2@2020-06-30', { status: '推进中', progress: '已开工' }, { by: '教育局', source: 'import', at: '2020-05-01T00:00:00Z', sourceRef: 'a.xlsx!教育局!J5' });
      expect(await s.updateTracking('d#2@2020-06-30', { status: '推进中', progress: '已开工' }, cli('教育局', '2020-05-02T00:00:00Z'))).toEqual([]);
      await s.updateTracking('d#2@2020-06-30', { status: '已完成', progress: '已验收', completedOn: '2020-06-20' }, cli('王五', '2020-06-21T00:00:00Z'));
      const state = (await s.tracking(['d#2@2020-06-30', 'nobody']))!.get('d#2@2020-06-30')!;
      expect(state).toMatchObject({ status: '已完成', completedOn: '2020-06-20', updatedBy: '王五', updatedAt: '2020-06-21T00:00:00Z' });
      expect(state.progress).toEqual([
        { date: '2020-05-01', text: '已开工', by: '教育局' },
        { date: '2020-06-21', text: '已验收', by: '王五' },
      ]);
      const history = await s.history('d#2@2020-06-30');
      expect(history.map((e) => `${e.field}:${e.before}→${e.after}`)).toEqual(['status:未开始→推进中', 'progress:null→已开工', 'status:推进中→已完成', 'progress:已开工→已验收', 'completedOn:null→2020-06-20']);
      expect(history[0]).toMatchObject({ source: 'import', sourceRef: 'a.xlsx!教育局!J5', by: '教育局' });
      expect((await s.changesSince('2020-06-01T00:00:00Z')).length).toBe(3);
      await s.close();
    });

    test('an unknown status is refused by the contract, nothing recorded', async () => {
      const s = await fresh();
      await expect(s.updateTracking('d#3', { status: '差不多' } as unknown as TrackingUpdate, cli('x', '2020-01-01T00:00:00Z'))).rejects.toThrow();
      expect(await s.history('d#3')).toEqual([]);
      await s.close();
    });

    test.skipIf(!backend.reopen)('the state survives closing and reopening the store', async () => {
      const s = await fresh();
      await s.updateTracking('d#4', { status: '滞后', supervised: true }, cli('x', '2020-01-01T00:00:00Z'));
      await s.close();
      const again = await backend.reopen!(s);
      expect((await again.tracking(['d#4'])).get('d#4')).toMatchObject({ status: '滞后', supervised: true });
      await again.close();
    });
  });

  describe(`${backend.name}: conflicts, proposals, carried keys, reports`, () => {
    test('a conflict is kept once, listed, and resolved by taking the offer', async () => {
      const s = await fresh();
      await s.updateTracking('d#5', { status: '推进中' }, { by: '教育局', source: 'import', at: '2020-05-01T00:00:00Z' });
      const c = { key: 'd#5', field: 'status' as const, kept: '推进中', keptBy: '教育局', offered: '已完成', offeredBy: '财政局', offeredRef: 'b.xlsx!财政局!H4', at: '2020-05-02T00:00:00Z' };
      expect(await s.recordConflict(c)).toBe(true);
      expect(await s.recordConflict({ ...c, at: '2020-05-03T00:00:00Z' })).toBe(false);
      const [open] = await s.conflicts();
      expect(open).toMatchObject({ key: 'd#5', kept: '推进中', offered: '已完成', offeredBy: '财政局' });
      const events = await s.resolveConflict(open.id, 'offered', cli('科长', '2020-05-04T00:00:00Z'));
      expect(events.map((e) => [e.field, e.before, e.after])).toEqual([['status', '推进中', '已完成']]);
      expect(await s.conflicts()).toEqual([]);
      expect((await s.conflicts({ all: true }))[0]).toMatchObject({ resolvedBy: '科长' });
      await expect(s.resolveConflict(open.id, 'kept', cli('科长', '2020-05-04T00:00:00Z'))).rejects.toThrow(/E_TRACK_NO_CONFLICT|冲突/u);
      await s.close();
    });

    test('a proposed text is kept once, the notice text untouched', async () => {
      const s = await fresh();
      const p = { key: 'd#6', taskId: 'd#6', original: '完成10所学校改造', proposed: '完成12所学校改造', by: '教育局', at: '2020-05-01T00:00:00Z' };
      expect(await s.proposeText(p)).toBe(true);
      expect(await s.proposeText(p)).toBe(false);
      expect(await s.proposals()).toEqual([p]);
      await s.close();
    });

    test('carrying a key to a new version copies its state and history; a key with its own state keeps it', async () => {
      const s = await fresh();
      await s.updateTracking('old#1', { status: '推进中', progress: '已启动' }, cli('x', '2020-05-01T00:00:00Z'));
      await s.updateTracking('old#2', { status: '已完成' }, cli('x', '2020-05-01T00:00:00Z'));
      await s.updateTracking('new#2', { status: '滞后' }, cli('y', '2020-06-01T00:00:00Z'));
      expect(await s.carryTracking([{ from: 'old#1', to: 'new#1' }, { from: 'old#2', to: 'new#2' }, { from: 'old#9', to: 'new#9' }])).toBe(1);
      const states = await s.tracking(['new#1', 'new#2', 'new#9']);
      expect(states.get('new#1')).toMatchObject({ status: '推进中', progress: [{ text: '已启动' }] });
      expect(states.get('new#2')!.status).toBe('滞后');
      expect(states.has('new#9')).toBe(false);
      expect((await s.history('new#1')).map((e) => e.field)).toEqual(['status', 'progress']);
      await s.close();
    });

    test('report times', async () => {
      const s = await fresh();
      expect(await s.lastReport()).toBeNull();
      await s.recordReport('2020-06-01T00:00:00Z', '科长');
      await s.recordReport('2020-07-01T00:00:00Z', '科长');
      expect(await s.lastReport()).toBe('2020-07-01T00:00:00Z');
      await s.close();
    });
  });
}
