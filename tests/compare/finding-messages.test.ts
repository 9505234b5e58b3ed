// A finding is a message with two sides (issue 18, move 3): the code, severity and message a document's
// warnings carry, wording from src/messages.ts, and which document governs on each side.
import { describe, expect, test } from 'vitest';
import { checkPlan, conflictsAcross, diffDocuments } from '../../src/compare/diff.js';
import { FINDING_SEVERITY } from '../../src/compare/finding-messages.js';
import { DiffResult, type Finding, FindingType } from '../../src/compare/schema.js';
import { MESSAGES } from '../../src/messages.js';
import { Message, type ExtractResult } from '../../src/model.js';
import { county, newNotice, oldNotice, otherCity, province } from '../fixtures/compare/planted.js';

const roles = (f: Finding) => (f.sides ?? []).map((s) => `${s.role}:${s.docId}`);

/** What every finding taizhang writes must hold, whatever its type. */
function expectMessageShape(findings: Finding[]) {
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings) {
    expect(f.code).toBe(f.type);
    expect(f.severity).toBe(FINDING_SEVERITY[f.type]);
    expect(f.message).toBe(`${MESSAGES[f.type]}：${f.reason}`);
    // the same shape as a document's warning: it would validate as one
    expect(Message.parse({ code: f.code, severity: f.severity, message: f.message })).toBeTruthy();
    expect(f.sides).toHaveLength([f.a, f.b].filter(Boolean).length);
    for (const s of f.sides ?? []) {
      const clause = [f.a, f.b].find((c) => c?.docId === s.docId && c.taskId === s.taskId)!;
      expect(clause).toBeDefined();
      if (s.quote) expect(clause.text.slice(s.quote.start, s.quote.end)).toBe(s.quote.text);
    }
  }
}

describe('a county plan against its province', () => {
  const r = diffDocuments(province, county);

  test('every finding carries code, severity, message and sides', () => expectMessageShape(r.findings));

  test('the province is the higher side, the county the lower, whichever order they were given in', () => {
    const conflict = r.findings.find((f) => f.type === 'conflict')!;
    expect(roles(conflict)).toEqual(['higher:prov-2019-5', 'lower:benxi-2020-19']);
    expect(conflict.severity).toBe('error');
    expect(conflict.sides![1].quote?.text).toBe(conflict.b!.fact!.text);
    const reversed = diffDocuments(county, province).findings.find((f) => f.type === 'conflict')!;
    expect(roles(reversed)).toEqual(['lower:benxi-2020-19', 'higher:prov-2019-5']);
  });

  test('a clause inside one document has one side or two of the same document, neither governing', () => {
    const early = r.findings.find((f) => f.type === 'deadline-before-issue')!;
    expect(roles(early)).toEqual(['either:benxi-2020-19']);
    expect(early.message).toMatch(/^完成时限早于发文日期，请核对：《本溪满族自治县2020年脱贫攻坚实施方案》要求/u);
    const twice = r.findings.find((f) => f.type === 'inconsistent-within')!;
    expect(roles(twice)).toEqual(['either:benxi-2020-19', 'either:benxi-2020-19']);
  });

  test('agreements are info, and say so', () => {
    const ok = r.findings.filter((f) => ['compliant', 'consistent', 'equivalent'].includes(f.type));
    expect(ok.map((f) => f.severity)).toEqual(ok.map(() => 'info'));
  });
});

describe('other pairs', () => {
  test('an unrelated city: both sides either', () => {
    const f = diffDocuments(otherCity, county).findings.find((x) => x.type === 'informational')!;
    expect(roles(f)).toEqual(['either:dalian-2020-3', 'either:benxi-2020-19']);
    expect(f.message).toMatch(/^两份文件无上下级关系，仅供参考：大连市与本溪县无上下级关系/u);
  });

  test('a superseded notice: older and newer', () => {
    const r = diffDocuments(oldNotice, newNotice);
    expectMessageShape(r.findings);
    expect(roles(r.findings.find((x) => x.type === 'superseded')!)).toEqual(['older:benxi-2018-7', 'newer:benxi-2020-21']);
  });

  test('a plan checked against its superior: the uncovered measure is the higher side', () => {
    const r = checkPlan(county, province);
    expectMessageShape(r.findings);
    const u = r.findings.find((x) => x.type === 'uncovered')!;
    expect(roles(u)).toEqual(['higher:prov-2019-5']);
  });

  test('conflicts across a store: each pair’s own governing side', () => {
    const r = conflictsAcross([province, county, otherCity]);
    expectMessageShape(r.findings);
    expect(r.findings.filter((f) => f.type === 'conflict').map(roles)).toEqual([
      ['higher:prov-2019-5', 'lower:benxi-2020-19'],
      ['higher:prov-2019-5', 'lower:dalian-2020-3'],
      ['higher:prov-2019-5', 'lower:benxi-2020-19'],
      ['higher:prov-2019-5', 'lower:benxi-2020-19'],
    ]);
  });
});

describe('the sides say where', () => {
  test('a clause with a block and a page gives both to its side', () => {
    const placed = (d: ExtractResult, block: number): ExtractResult => ({
      ...d,
      tasks: d.tasks.map((t, k) => ({ ...t, where: { ...t.where, block: block + k, page: 2 } })),
    });
    const f = diffDocuments(placed(province, 10), placed(county, 40)).findings.find((x) => x.type === 'conflict')!;
    expect(f.sides!.map((s) => [s.block, s.page])).toEqual([[f.a!.block, 2], [f.b!.block, 2]]);
    expect(f.sides![0].block).toBeGreaterThanOrEqual(10);
    expect(f.sides![1].block).toBeGreaterThanOrEqual(40);
  });
});

test('diff JSON written before findings were messages still reads', () => {
  const r = diffDocuments(province, county);
  const old = { ...r, findings: r.findings.map(({ code, severity, message, sides, ...rest }) => rest) };
  expect(DiffResult.parse(old).findings).toHaveLength(r.findings.length);
});

test('every finding type has its line in src/messages.ts and a severity', () => {
  for (const t of FindingType.options) {
    expect(MESSAGES[t]).toMatch(/[\u4e00-\u9fff]/u);
    expect(['error', 'warning', 'info']).toContain(FINDING_SEVERITY[t]);
  }
});
