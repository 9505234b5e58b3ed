// splitClauses on its own input: blocks with their heading paths, as structure hands them over,
// without buildResult's filters around it.
import { describe, expect, test } from 'vitest';
import { SEP, splitClauses, type SplitInput } from '../src/extract/clauses.js';

/** Lines "heading > heading | text" → a SplitInput; a line without "|" is a heading block (skipped). */
function input(lines: string[], extra: Partial<SplitInput> = {}): SplitInput {
  const blocks: SplitInput['blocks'] = [];
  const pathOf: string[][] = [];
  const skip = new Set<number>();
  for (const line of lines) {
    const [head, text] = line.includes('|') ? line.split('|') : [line, undefined];
    const path = head.split('>').map((s) => s.trim()).filter(Boolean);
    if (text === undefined) skip.add(blocks.length);
    blocks.push({ text: text ?? path.at(-1)! });
    pathOf.push(path);
  }
  return { blocks, pathOf, skip, itemPaths: new Set(), ...extra };
}

const view = (s: SplitInput) => splitClauses(s).map((c) => ({ path: c.path.join(' > '), text: c.text, units: c.units.map((u) => u.name) }));

describe('splitClauses', () => {
  test('a responsibility line closing a heading goes to the paragraphs above it under that heading', () => {
    const s = input([
      '二、重点任务',
      '二、重点任务 > （一）改造农村危房',
      '二、重点任务 > （一）改造农村危房|全面排查农村低收入群体住房安全状况。',
      '二、重点任务 > （一）改造农村危房|年底前完成存量危房改造。',
      '二、重点任务 > （一）改造农村危房|责任单位：县住房城乡建设局、县民政局',
    ]);
    const out = view(s);
    expect(out.map((c) => c.text)).toEqual(['全面排查农村低收入群体住房安全状况。', '年底前完成存量危房改造。']);
    for (const c of out) expect(c.units).toEqual(['县住房城乡建设局', '县民政局']);
  });

  test('one paragraph with two bracketed statements is cut into two tasks, each with its own body', () => {
    const out = view(input([
      '三、保障措施 > （二）强化资金保障|一是统筹安排专项资金。（责任单位：市财政局）二是加强资金绩效评价。（责任单位：市审计局）',
    ]));
    expect(out).toHaveLength(2);
    expect(out[0].text).toContain('统筹安排专项资金');
    expect(out[0].units).toEqual(['市财政局']);
    expect(out[1].text).toContain('加强资金绩效评价');
    expect(out[1].units).toEqual(['市审计局']);
  });

  test('a principles section gives no task, a measures section beside it does', () => {
    const out = view(input([
      '一、指导思想|坚持以人民为中心，统筹发展和安全。',
      '二、主要措施|各乡镇要在6月底前完成河道清障。',
    ]));
    expect(out.map((c) => c.path)).toEqual(['二、主要措施']);
  });

  test('skipped blocks are never clause text, and a leaf item heading is the measure itself', () => {
    const s = input([
      '四、工作安排',
      '四、工作安排 > 1.储备燃煤',
      '四、工作安排 > 2.检修供热管网',
    ]);
    s.leafItems = new Set([1, 2]);
    s.itemPaths = new Set([['四、工作安排', '1.储备燃煤'].join(SEP), ['四、工作安排', '2.检修供热管网'].join(SEP)]);
    expect(view(s).map((c) => c.text)).toEqual(['1.储备燃煤', '2.检修供热管网']);
    expect(view(input(['四、工作安排', '四、工作安排 > 1.储备燃煤']))).toEqual([]);
  });

  test('in a document without headings only paragraphs naming their bodies are tasks', () => {
    const s = input(['|今年汛期来得早，防汛形势严峻。', '|县应急管理局负责组织开展汛前安全检查。'], { headless: true });
    const out = view(s);
    expect(out.map((c) => c.units)).toEqual([['县应急管理局']]);
  });
});
