// taizhang import / due / calendar / report / track / conflicts-track: the living 台账 at the command
// line. Parse options, open the store, call src/track, print one line per thing.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { failureLine, MESSAGES, oneTerminalLine, ReadFailure } from '../messages.js';
import type { TaskStore } from '../store/store.js';
import { TASK_STATUSES, type TaskStatus, type TrackingUpdate } from '../store/tracking.js';
import { parseToday, machineToday } from './register.js';
import { parseFullDate } from '../../extractors/dates.js';
import { parseWithin } from '../track/within.js';

const DB_HELP = '台账数据库路径（默认 .taizhang/taizhang.sqlite，也可用环境变量 TAIZHANG_DB）';

function parseStatus(v: string): TaskStatus {
  const s = v.trim();
  if (!(TASK_STATUSES as readonly string[]).includes(s)) throw new InvalidArgumentError(`${MESSAGES.E_TRACK_BAD_STATUS} [E_TRACK_BAD_STATUS]`);
  return s as TaskStatus;
}

function parseWithinOption(v: string): number {
  const days = parseWithin(v);
  if (days === null) throw new InvalidArgumentError(`${MESSAGES.E_TRACK_BAD_WITHIN} [E_TRACK_BAD_WITHIN]`);
  return days;
}

function parseDay(v: string): string {
  const iso = parseFullDate(v.trim());
  if (!iso) throw new InvalidArgumentError(`${MESSAGES.E_BAD_DATE} [E_BAD_DATE]`);
  return iso;
}

function positiveDays(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 365) throw new InvalidArgumentError('请给出 0 到 365 之间的整数天数');
  return n;
}

/** Opens the store, runs, closes; a store failure is one Chinese line and exit code 1. */
async function withStore(db: string | undefined, shown: string, run: (store: TaskStore) => Promise<void>): Promise<void> {
  let store: TaskStore | undefined;
  try {
    const { openStore } = await import('../store/index.js');
    store = openStore(db);
    await run(store);
  } catch (e) {
    if (!(e instanceof ReadFailure)) throw e;
    console.error(failureLine(shown, e).line);
    process.exitCode = 1;
  } finally {
    await store?.close();
  }
}

async function ledgerOf(store: TaskStore) {
  const { loadLedger } = await import('../track/ledger.js');
  const ledger = await loadLedger(store);
  if (!ledger.results.length) throw new ReadFailure('E_TRACK_NOTHING');
  return ledger;
}

export function addTrackCommands(program: Command): void {
  program
    .command('import')
    .description('导入各单位填报后交回的台账 XLSX：按隐藏的“任务键”对应任务，记录每处改动（谁、何时、哪个文件哪一格）')
    .argument('<文件...>', '填报后的台账 .xlsx')
    .requiredOption('--by <单位或姓名>', '填报单位或填报人，如 县教育局')
    .option('--db <路径>', DB_HELP)
    .action(async (files: string[], opts: { by: string; db?: string }) => {
      await withStore(opts.db, files[0], async (store) => {
        const { importWorkbook } = await import('../track/import.js');
        const ledger = await ledgerOf(store);
        for (const file of files) {
          try {
            const r = await importWorkbook(store, file, { by: opts.by, ledger });
            for (const i of r.issues) console.error(i.line);
            const changedKeys = new Set(r.events.map((e) => e.key)).size;
            console.log(oneTerminalLine(`已导入 ${file}：${r.matched}/${r.rows} 行对上任务，${changedKeys} 项有改动（${r.events.length} 处），新冲突 ${r.conflicts} 处，任务内容修改建议 ${r.proposals} 条，未导入的格 ${r.issues.filter((i) => i.code === 'E_TRACK_BAD_DATE' || i.code === 'E_TRACK_BAD_STATUS').length} 处`));
            if (r.issues.some((i) => i.code !== 'E_TRACK_CONFLICT' && i.code !== 'E_TRACK_TEXT_PROPOSED')) process.exitCode = 1;
          } catch (e) {
            if (!(e instanceof ReadFailure)) throw e;
            console.error(failureLine(file, e).line);
            process.exitCode = 1;
          }
        }
      });
    });

  program
    .command('conflicts-track')
    .description('列出导入时各单位填报不一致的冲突和任务内容修改建议；用 --resolve 编号 --take 处理冲突')
    .option('--all', '连已处理的冲突一起列出')
    .option('--resolve <编号>', '处理这条冲突', (v) => positiveDays(v))
    .option('--take <取值>', 'kept：保留现值；offered：采用后交回的值', (v) => {
      if (v !== 'kept' && v !== 'offered') throw new InvalidArgumentError('只能是 kept（保留现值）或 offered（采用后交回的值）');
      return v;
    })
    .option('--by <姓名>', '处理人', '')
    .option('--db <路径>', DB_HELP)
    .action(async (opts: { all?: boolean; resolve?: number; take?: 'kept' | 'offered'; by: string; db?: string }) => {
      await withStore(opts.db, 'conflicts-track', async (store) => {
        if (opts.resolve !== undefined) {
          if (!opts.take || !opts.by) throw new ReadFailure('E_MISSING_OPTION', '--take 和 --by');
          const events = await store.resolveConflict(opts.resolve, opts.take, { by: opts.by, source: 'cli' });
          console.log(`冲突 #${opts.resolve} 已处理：${opts.take === 'offered' ? `采用后交回的值（${events.length} 处改动）` : '保留现值'}`);
          return;
        }
        const conflicts = await store.conflicts({ all: opts.all });
        const { FIELD_WORDS } = await import('../track/report.js');
        for (const c of conflicts) {
          const done = c.resolvedAt ? `（已于 ${c.resolvedAt.slice(0, 10)} 由 ${c.resolvedBy} 处理）` : '';
          console.log(oneTerminalLine(`#${c.id} ${c.key} ${FIELD_WORDS[c.field]}：现值“${c.kept ?? ''}”（${c.keptBy ?? ''} ${c.keptRef ?? ''}）；${c.offeredBy} 交回“${c.offered ?? ''}”（${c.offeredRef ?? ''}）${done}`));
        }
        const proposals = await store.proposals();
        for (const p of proposals) console.log(oneTerminalLine(`修改建议 ${p.key}（${p.by}，${p.sourceRef ?? ''}）：原文“${p.original}” → “${p.proposed}”`));
        console.log(`冲突 ${conflicts.length} 条，任务内容修改建议 ${proposals.length} 条`);
      });
    });

  program
    .command('due')
    .description('列出逾期和即将到期的事项（已完成、申请销号、已销号的不列）')
    .option('--within <时长>', '列出多少天内到期的，如 30d、2w、1m、30天', parseWithinOption, 30)
    .option('--unit <单位>', '只列该单位牵头或配合的事项')
    .option('--today <日期>', '从哪天算起，如 2020-06-30（默认今天）', parseToday)
    .option('--db <路径>', DB_HELP)
    .action(async (opts: { within: number; unit?: string; today?: string; db?: string }) => {
      await withStore(opts.db, 'due', async (store) => {
        const { dueList, dueLine } = await import('../track/due.js');
        const list = dueList((await ledgerOf(store)).items, { today: opts.today ?? machineToday(), within: opts.within, unit: opts.unit });
        for (const i of [...list.overdue, ...list.upcoming]) console.log(oneTerminalLine(dueLine(i)));
        console.log(`逾期 ${list.overdue.length} 项，${list.within} 天内到期 ${list.upcoming.length} 项（按 ${list.today} 计）`);
      });
    });

  program
    .command('calendar')
    .description('把台账导出为日历文件（.ics，可导入 Outlook、WPS、手机日历），定期事项按重复规则列出')
    .requiredOption('-o, --out <路径>', '日历输出路径，如 台账.ics')
    .option('--remind <天数>', '到期前几天提醒', positiveDays)
    .option('--unit <单位>', '只列该单位牵头或配合的事项')
    .option('--db <路径>', DB_HELP)
    .action(async (opts: { out: string; remind?: number; unit?: string; db?: string }) => {
      await withStore(opts.db, opts.out, async (store) => {
        const { buildCalendar } = await import('../track/calendar.js');
        const { itemsOfUnit } = await import('../track/ledger.js');
        const items = itemsOfUnit((await ledgerOf(store)).items, opts.unit);
        await writeFile(opts.out, buildCalendar(items, { remindDays: opts.remind }));
        console.log(`日历 → ${opts.out}（${items.filter((i) => i.due).length} 个到期事项）`);
      });
    });

  program
    .command('report')
    .description('生成向上报送的进展情况：各单位各状态数量、逾期事项、自上次报送以来的变化（.xlsx 或 .md）')
    .requiredOption('-o, --out <路径>', '输出路径，如 进展.xlsx 或 进展.md')
    .option('--since <日期>', '列出该日以来的变化（默认上次报送以来）', parseDay)
    .option('--today <日期>', '统计日期（默认今天）', parseToday)
    .option('--by <姓名>', '报送人（记入报送记录）', 'taizhang')
    .option('--db <路径>', DB_HELP)
    .action(async (opts: { out: string; since?: string; today?: string; by: string; db?: string }) => {
      await withStore(opts.db, opts.out, async (store) => {
        const ext = extname(opts.out).toLowerCase();
        if (ext !== '.xlsx' && ext !== '.md') throw new ReadFailure('E_TRACK_BAD_FORMAT', opts.out);
        const { buildReport, reportMarkdown, reportWorkbook } = await import('../track/report.js');
        const since = opts.since ?? (await store.lastReport());
        const changes = since ? await store.changesSince(opts.since ? `${since}T00:00:00` : since) : [];
        const today = opts.today ?? machineToday();
        const report = buildReport((await ledgerOf(store)).items, changes, { today, since });
        if (ext === '.md') await writeFile(opts.out, reportMarkdown(report));
        else await reportWorkbook(report).xlsx.writeFile(opts.out);
        await store.recordReport(new Date().toISOString(), opts.by);
        console.log(`进展情况 → ${opts.out}（${report.units.length} 个单位，逾期 ${report.overdue.length} 项，变化 ${changes.length} 条）`);
      });
    });

  program
    .command('track')
    .description('在命令行修改一个事项的跟踪情况；不给修改项时列出它的现状和全部改动记录')
    .argument('<任务键>', '事项的任务键（见 taizhang due 或台账的“任务键”列）')
    .option('--status <状态>', `状态：${TASK_STATUSES.join('、')}`, parseStatus)
    .option('--note <进展>', '追加一条进展情况')
    .option('--problem <问题>', '存在问题')
    .option('--next <打算>', '下步打算')
    .option('--done <日期>', '完成时间，如 2020-06-30', parseDay)
    .option('--evidence <材料...>', '佐证材料（文件名或链接）')
    .option('--supervise', '列为督办')
    .option('--no-supervise', '取消督办')
    .option('--by <姓名>', '填报人', '')
    .option('--db <路径>', DB_HELP)
    .action(async (key: string, opts: { status?: TaskStatus; note?: string; problem?: string; next?: string; done?: string; evidence?: string[]; supervise?: boolean; by: string; db?: string }) => {
      await withStore(opts.db, key, async (store) => {
        const ledger = await ledgerOf(store);
        if (!ledger.keys.has(key)) throw new ReadFailure('E_TRACK_NO_KEY', key);
        const update: TrackingUpdate = {
          ...(opts.status ? { status: opts.status } : {}), ...(opts.note ? { progress: opts.note } : {}), ...(opts.problem !== undefined ? { problems: opts.problem } : {}),
          ...(opts.next !== undefined ? { nextSteps: opts.next } : {}), ...(opts.done ? { completedOn: opts.done } : {}), ...(opts.evidence ? { evidence: opts.evidence } : {}),
          ...(opts.supervise !== undefined ? { supervised: opts.supervise } : {}),
        };
        const { FIELD_WORDS } = await import('../track/report.js');
        if (Object.keys(update).length) {
          if (!opts.by) throw new ReadFailure('E_MISSING_OPTION', '--by');
          const events = await store.updateTracking(key, update, { by: opts.by, source: 'cli' });
          console.log(oneTerminalLine(`${key}：${events.length ? events.map((e) => `${FIELD_WORDS[e.field]} ${e.before ?? '（空）'} → ${e.after ?? '（空）'}`).join('；') : '没有改动'}`));
          return;
        }
        const state = (await store.tracking([key])).get(key);
        console.log(oneTerminalLine(`${key}：${state?.status ?? '未开始'}${state?.completedOn ? `，完成时间 ${state.completedOn}` : ''}${state?.supervised ? '，督办' : ''}`));
        for (const e of await store.history(key)) console.log(oneTerminalLine(`${e.at} ${e.by}（${e.source}${e.sourceRef ? ` ${e.sourceRef}` : ''}）${FIELD_WORDS[e.field]}：${e.before ?? '（空）'} → ${e.after ?? '（空）'}`));
      });
    });
}
