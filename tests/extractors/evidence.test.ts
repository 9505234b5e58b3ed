// Evidence on units and people (issue 18): each names its words as written and where they stand in
// the block (`where.in` = 'block'), so a 牵头单位 cut out of the task text can still be quoted back.
// Sentences written for these tests, from several fields; names of people are invented.
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import { extractPeople } from '../../extractors/people.js';
import { unitsWithEvidence } from '../../src/lexicon/evidence.js';
import type { Block, Person, RawDocument, Unit } from '../../src/model.js';

const HEAD = ['某县2024年重点工作实施方案', '一、重点任务'];

function run(lines: (string | Block)[]) {
  const blocks: Block[] = [...HEAD, ...lines].map((l) => (typeof l === 'string' ? { text: l } : l));
  const raw: RawDocument = { source: { path: 'x.txt', format: 'txt', sha256: '0' }, blocks, messages: [] };
  return { result: buildResult(raw), blocks };
}

/** The words each fact's where points at in its block. */
function quoted(facts: (Unit | Person)[], blocks: Block[]): string[] {
  return facts.map((f) => {
    expect(f.where?.in).toBe('block');
    const said = blocks[f.where!.block!].text.slice(f.where!.start, f.where!.end);
    expect(said).toBe(f.text);
    return said;
  });
}

const row = (...cells: string[]): Block => ({ text: cells.join('\t'), style: { table: true } });

// [case, lines after the heading, task text it is about, the units' words, the people's words]
const CASES: [string, (string | Block)[], string, string[], string[]][] = [
  // labels and brackets: the statement leaves the task text, its words stay quotable in the block
  ['bracket after a measure', ['（一）完善校舍安全排查机制。（牵头单位：县教育局；配合单位：县住房城乡建设局）'], '校舍', ['县教育局', '县住房城乡建设局'], []],
  ['label line of its own', ['（一）开展河道清淤整治。', '牵头单位：县水利局', '配合单位：县生态环境分局、各乡镇人民政府'], '河道', ['县水利局', '县生态环境分局', '各乡镇人民政府'], []],
  ['责任单位 list, the first leads', ['（一）推进农村供水保障工程建设。责任单位：县水务局、县财政局'], '供水', ['县水务局', '县财政局'], []],
  ['square-bracket labels', ['（一）加快建设冷链物流中心。【牵头单位】县商务局【配合单位】县交通运输局、各乡镇'], '冷链', ['县商务局', '县交通运输局', '各乡镇'], []],
  ['two statements in one paragraph', ['一是建立养老服务补贴制度（责任单位：县民政局）二是开展适老化改造（责任单位：县住建局）'], '养老', ['县民政局'], []],
  ['leading whitespace in the block', ['  （一）做好森林防火巡查。（责任单位：县林业局）'], '森林', ['县林业局'], []],
  // running sentences: the words stay in the task text and in the block
  ['由…牵头，…配合', ['（一）由县卫生健康局牵头，县医疗保障局配合，做好家庭医生签约服务。'], '家庭医生', ['县卫生健康局', '县医疗保障局'], []],
  ['A负责', ['（一）县交通运输局负责农村公路养护，确保路况良好。'], '公路', ['县交通运输局'], []],
  ['subject with 会同', ['（一）县市场监管局会同县公安局开展食品安全专项整治。'], '食品', ['县市场监管局', '县公安局'], []],
  ['collective subject', ['（一）各乡镇人民政府要落实秸秆禁烧属地责任。'], '秸秆', ['各乡镇人民政府'], []],
  ['two bodies each with its own duty', ['（一）县财政局负责资金拨付，县审计局负责绩效审计。'], '资金', ['县财政局'], []],
  // task tables: the words are in the row's cells
  ['table row', [row('序号', '工作任务', '牵头单位', '配合单位', '完成时限'), row('1', '建成智慧农业示范园', '县农业农村局', '县科技局、县自然资源局', '2024年12月底')], '智慧农业', ['县农业农村局', '县科技局', '县自然资源局'], []],
  ['table with leader and owner columns', [row('工作任务', '责任单位', '责任领导', '责任人'), row('完成老旧小区改造', '县住建局', '王志强 副县长', '刘海 县住建局局长')], '老旧小区', ['县住建局'], ['王志强 副县长', '刘海 县住建局局长']],
  ['table cell with spaces around', [row('工作任务', '牵头单位'), row('开展职业技能培训', '  县人社局 ')], '技能', ['县人社局'], []],
];

// accountability blocks of a task guide (附件): leaders, departments and owners on labelled lines
const GUIDE = ['附件1', '就业帮扶工作任务指南', '主要政策和措施：', '开展就业技能培训，提升务工收入。'];
const GUIDE_CASES: [string, string[], string[], string[]][] = [
  ['leader, department, owner', ['牵头县领导：赵建国 副县长', '牵头县直部门：县人社局', '责任人：钱丽 县人社局局长'], ['县人社局'], ['赵建国 副县长', '钱丽 县人社局局长']],
  ['配合 label after the lead', ['牵头县直部门：县人社局', '配合县直部门：县残联、县总工会', '责任人：孙涛 县人社局局长'], ['县人社局', '县残联', '县总工会'], ['孙涛 县人社局局长']],
  ['two labels on one line', ['牵头县领导：周平 副县长  责任人：吴敏 县人社局副局长', '牵头县直部门：县人社局'], ['县人社局'], ['周平 副县长', '吴敏 县人社局副局长']],
  ['post in brackets', ['牵头县领导：郑凯（县委常委、副县长）', '牵头县直部门：县人社局'], ['县人社局'], ['郑凯（县委常委、副县长）']],
  ['name glued to the post', ['牵头县领导：冯涛县委常委副县长', '牵头县直部门：县人社局'], ['县人社局'], ['冯涛县委常委副县长']],
];

describe('units and people quote their words from the block', () => {
  test.each(CASES)('%s', (_name, lines, about, units, people) => {
    const { result, blocks } = run(lines);
    const task = result.tasks.find((t) => t.text.includes(about))!;
    expect(task, about).toBeDefined();
    expect(quoted(task.units, blocks)).toEqual(units);
    expect(quoted([...task.leaders, ...task.owners], blocks)).toEqual(people);
  });

  test.each(GUIDE_CASES)('task guide: %s', (_name, lines, units, people) => {
    const { result, blocks } = run(['（一）做好转移就业工作。（责任单位：县人社局）', ...GUIDE, ...lines]);
    const task = result.tasks.find((t) => t.text.includes('就业技能培训'))!;
    expect(quoted(task.units, blocks)).toEqual(units);
    expect(quoted([...task.leaders, ...task.owners], blocks)).toEqual(people);
  });
});

describe('what the evidence also says', () => {
  test('extractPeople places each fact by its line and the span in that line, continuation lines too', () => {
    const lines = ['  牵头县直部门：县民政局', '县残联', '责任人：孙丽 县民政局局长'];
    const got = extractPeople(lines);
    const at = (f: Unit | Person) => [f.where!.block, lines[f.where!.block!].slice(f.where!.start, f.where!.end)];
    expect(got.units.map(at)).toEqual([[0, '县民政局'], [1, '县残联']]);
    expect(got.owners.map(at)).toEqual([[2, '孙丽 县民政局局长']]);
  });

  test('a name written with a space in it is quoted as written', () => {
    const { result, blocks } = run(['（一）落实课后服务经费。（责任单位：县教育 局）']);
    expect(result.tasks[0].units.map((u) => u.name)).toEqual(['县教育局']);
    expect(quoted(result.tasks[0].units, blocks)).toEqual(['县教育 局']);
  });

  test('a name not written out in its statement points at the whole statement', () => {
    const text = '（一）落实耕地保护责任。（责任单位：县直各部门）';
    const [u] = unitsWithEvidence([{ name: '县直部门', role: 'lead' }], { block: 4, text, start: 12, end: text.length });
    expect(u).toMatchObject({ text: '（责任单位：县直各部门）', where: { block: 4, start: 12, end: text.length, in: 'block' } });
  });

  test('a label cut out of the task text is still quotable, with the block it stands in', () => {
    const { result, blocks } = run(['（一）完善校舍安全排查机制。（牵头单位：县教育局）']);
    const [task] = result.tasks;
    expect(task.text).not.toContain('县教育局');
    expect(task.units[0]).toMatchObject({ name: '县教育局', text: '县教育局', where: { block: 2, in: 'block' } });
    expect(blocks[2].text.slice(0, task.units[0].where!.start)).toBe('（一）完善校舍安全排查机制。（牵头单位：');
  });

  test('a unit and its person take the page of their block', () => {
    const { result } = run([{ text: '（一）开展河道清淤整治。（牵头单位：县水利局）', page: 3 }]);
    expect(result.tasks[0].units[0].where).toMatchObject({ block: 2, page: 3 });
    expect(result.tasks[0].where?.page).toBe(3);
  });

  test('a deadline read from a table cell points into the row', () => {
    const { result, blocks } = run([row('工作任务', '牵头单位', '完成时限'), row('建成乡镇污水处理站', '县生态环境分局', '2024年9月底前')]);
    const d = result.tasks[0].deadlines[0];
    expect(d.where?.in).toBe('block');
    expect(blocks[d.where!.block!].text.slice(d.where!.start, d.where!.end)).toBe(d.text);
  });
});
