// The task splitter on small documents written for the test: which paragraphs a responsibility
// statement governs, and what is not a task.
import { describe, expect, test } from 'vitest';
import { extractLines } from './extract-lines.js';
import { isGuidingStatement, isOpeningTarget } from '../src/extract/clauses.js';

const extract = extractLines;

const HEAD = ['某某县农业农村局', '某农发〔2022〕5号', '某某县2022年春耕生产实施方案', '为抓好春耕生产，制定本方案。'];
const TAIL = ['某某县农业农村局', '2022年3月1日'];
const rows = (lines: string[]) =>
  extract([...HEAD, ...lines, ...TAIL]).tasks.map((t) => ({ path: t.path.at(-1), text: t.text, units: t.units.map((u) => `${u.name}${u.role === 'lead' ? '*' : ''}`) }));

describe('responsibility scope', () => {
  test('a statement ending a paragraph governs that paragraph only', () => {
    expect(rows(['一、重点任务', '（一）备足农资。组织化肥调运。（责任单位：县供销社、各乡镇）', '（二）抓好培训。开展技术培训。（责任单位：县农技中心）'])).toEqual([
      { path: '（一）备足农资', text: '（一）备足农资。组织化肥调运。', units: ['县供销社*', '各乡镇'] },
      { path: '（二）抓好培训', text: '（二）抓好培训。开展技术培训。', units: ['县农技中心*'] },
    ]);
  });

  test('a statement on its own line governs the paragraphs above it under the same heading', () => {
    expect(rows(['一、重点任务', '（一）备足农资', '组织化肥调运。', '做好种子储备。', '（责任单位：县供销社、各乡镇）'])).toEqual([
      { path: '（一）备足农资', text: '组织化肥调运。', units: ['县供销社*', '各乡镇'] },
      { path: '（一）备足农资', text: '做好种子储备。', units: ['县供销社*', '各乡镇'] },
    ]);
  });

  test('a statement closing a heading governs its unit-less subtree', () => {
    const r = rows(['一、重点任务', '（一）备足农资', '1.组织化肥调运。', '2.做好种子储备。', '（二）抓好培训', '开展技术培训。（责任单位：县农技中心）']);
    expect(r.map((x) => x.units)).toEqual([[], [], ['县农技中心*']]);
    const closed = rows(['一、重点任务', '（一）备足农资', '1.组织化肥调运。', '2.做好种子储备。', '（责任单位：县供销社）']);
    expect(closed.map((x) => x.units)).toEqual([['县供销社*'], ['县供销社*']]);
  });

  test('一是…二是… with their own statements are separate tasks', () => {
    const r = rows(['一、重点任务', '一是备足农资。组织化肥调运。（责任单位：县供销社）二是抓好培训。开展技术培训。（责任单位：县农技中心，各乡镇）']);
    expect(r).toEqual([
      { path: '一是备足农资', text: '一是备足农资。组织化肥调运。', units: ['县供销社*'] },
      { path: '二是抓好培训', text: '二是抓好培训。开展技术培训。', units: ['县农技中心*', '各乡镇'] },
    ]);
  });

  test('one statement after 一是…二是… covers them all as one task', () => {
    const r = rows(['一、重点任务', '（一）保障供应。一是组织化肥调运。二是做好种子储备。（责任单位：县供销社）']);
    expect(r).toHaveLength(1);
    expect(r[0].units).toEqual(['县供销社*']);
  });

  test('牵头单位 and 配合单位 on two lines are one statement', () => {
    const r = rows(['一、重点任务', '（一）备足农资', '组织化肥调运。', '牵头单位：县供销社', '配合单位：县财政局、各乡镇']);
    expect(r).toEqual([{ path: '（一）备足农资', text: '组织化肥调运。', units: ['县供销社*', '县财政局', '各乡镇'] }]);
  });

  test('the document\'s role rule applies from where it is written on', () => {
    const r = rows([
      '一、重点任务',
      '（一）备足农资。组织化肥调运。（责任单位：县供销社、县财政局。排名第一的为牵头单位，其余为配合单位，下同）',
      '（二）抓好培训。开展技术培训。（责任单位：县农技中心、各乡镇）',
    ]);
    expect(r.map((x) => x.units)).toEqual([['县供销社*', '县财政局'], ['县农技中心*', '各乡镇']]);
  });
});

describe('what is not a task', () => {
  test('preamble, guiding principles, headings and signatures give no rows', () => {
    const result = extract([
      ...HEAD,
      '一、指导思想',
      '以新时代思想为指导，全面落实乡村振兴战略。',
      '二、基本原则',
      '坚持因地制宜，分类施策。',
      '三、主要目标',
      '全县粮食播种面积稳定在50万亩以上。',
      '四、重点任务',
      '（一）备足农资。组织化肥调运。（责任单位：县供销社）',
      ...TAIL,
    ]);
    expect(result.tasks.map((t) => t.text)).toEqual(['全县粮食播种面积稳定在50万亩以上。', '（一）备足农资。组织化肥调运。']);
    expect(result.tasks[0].kind).toBe('target');
    expect(result.tasks.flatMap((t) => t.text)).not.toContain('某某县农业农村局');
  });

  test('a bulletin gives no tasks and keeps its numbers on the document', () => {
    const result = extract(['工作简报', '第3期', '某某县农业农村局', '2022年3月5日', '全县春耕备耕有序推进', '截至3月4日，全县已调运化肥1.2万吨。']);
    expect(result.document.isPlan).toBe(false);
    expect(result.tasks).toEqual([]);
    expect(result.document.quantities.map((q) => [q.value, q.unit])).toContainEqual([12000, '吨']);
  });
});

test('task ids are stable and unique', () => {
  const lines = ['一、重点任务', '（一）备足农资', '组织化肥调运。（责任单位：县供销社）', '做好种子储备。（责任单位：县种子站）', '（二）抓好培训。开展培训。（责任单位：县农技中心）'];
  const a = extract([...HEAD, ...lines, ...TAIL]).tasks.map((t) => t.id);
  expect(a).toEqual(extract([...HEAD, ...lines, ...TAIL]).tasks.map((t) => t.id));
  expect(new Set(a).size).toBe(a.length);
  expect(a).toEqual(['某农发-2022-5-00000000#1.1', '某农发-2022-5-00000000#1.1.2', '某农发-2022-5-00000000#1.2']);
});

describe('documents with other skeletons', () => {
  test('办法: chapters and articles; 总则 and 附则 give no rows', () => {
    const result = extract([
      '某某市财政局', '某财农〔2022〕8号', '某某市乡村振兴补助资金管理办法',
      '第一章 总则', '第一条 为加强资金管理，制定本办法。',
      '第二章 资金使用', '第二条 资金重点支持产业发展，比例不低于55%。（市财政局、市农业农村局负责）', '第三条 每个脱贫村补助不超过30万元。',
      '第三章 附则', '第四条 本办法自2022年6月1日起施行。',
      '某某市财政局', '2022年5月20日',
    ]);
    expect(result.tasks.map((t) => [t.path.join('/'), t.units.map((u) => u.name)])).toEqual([
      ['第二章 资金使用/第二条', ['市财政局', '市农业农村局']],
      ['第二章 资金使用/第三条', []],
    ]);
  });

  test('条例 with its chapter titles spaced out ("第一章　总　　则"): 总则 and 附则 still give no rows', () => {
    const result = extract([
      '某某省人民代表大会常务委员会', '某某省物业管理条例',
      '第一章　总　　则', '第一条　为了规范物业管理活动，维护业主合法权益，根据有关法律，结合本省实际，制定本条例。', '第二条　本条例适用于本省行政区域内的物业管理活动。',
      '第二章　业主大会', '第三条　街道办事处应当在三十日内指导成立业主大会筹备组。',
      '第三章　附　　则', '第四条　本条例自2024年1月1日起施行。',
    ]);
    expect(result.tasks.map((t) => t.path.join('/').replace(/\s+/gu, ' '))).toEqual(['第二章 业主大会/第三条']);
  });

  test('a notice without headings: paragraphs that name their units are tasks, the rest is not', () => {
    const result = extract([
      '某某县人民政府办公室', '关于做好秋季森林防火工作的通知', '各乡镇人民政府，县直各部门：',
      '为切实做好今年秋季森林防火工作，现就有关事项通知如下。',
      '各乡镇要在10月15日前完成防火隔离带清理。（责任单位：各乡镇人民政府）',
      '县应急管理局要加强值班值守，每周调度一次火情。（责任单位：县应急管理局）',
      '某某县人民政府办公室', '2022年9月28日',
    ]);
    expect(result.tasks.map((t) => [t.text, t.units[0]?.name, t.deadlines[0]?.date ?? t.deadlines[0]?.recurrence])).toEqual([
      ['各乡镇要在10月15日前完成防火隔离带清理。', '各乡镇人民政府', '2022-10-15'],
      ['县应急管理局要加强值班值守，每周调度一次火情。', '县应急管理局', 'weekly'],
    ]);
  });
});

test('a leader line under a heading belongs to that heading\'s tasks only', () => {
  const result = extract([
    ...HEAD,
    '一、重点任务',
    '（一）备足农资', '组织化肥调运。（责任单位：县供销社）', '责任领导：王明 副县长',
    '（二）抓好培训', '开展技术培训。（责任单位：县农技中心）',
    ...TAIL,
  ]);
  expect(result.tasks.map((t) => t.leaders.map((p) => p.name))).toEqual([['王明'], []]);
});

test('numbered headings with nothing under them are measures, and a closing statement covers them', () => {
  const r = rows(['一、重点任务', '（一）加强热源保障', '1.储备燃煤', '2.检修管网', '（责任单位：县住建局、各乡镇）', '（二）做好应急处置', '制定应急预案。（责任单位：县应急局）']);
  expect(r).toEqual([
    { path: '1.储备燃煤', text: '1.储备燃煤', units: ['县住建局*', '各乡镇'] },
    { path: '2.检修管网', text: '2.检修管网', units: ['县住建局*', '各乡镇'] },
    { path: '（二）做好应急处置', text: '制定应急预案。', units: ['县应急局*'] },
  ]);
});

test('in a task guide, the attachment\'s accountable departments outweigh a body named in passing', () => {
  const result = extract([
    ...HEAD,
    '一、重点任务', '（一）抓好春播。落实春播面积。（责任单位：县农业农村局）',
    ...TAIL,
    '附件1', '种子保障工作任务指南', '主要政策和措施：', '做好良种调运，由各市种子站负责，确保供种充足。',
    '牵头县领导：王明 副县长', '牵头县直部门：县种子管理站', '责任人：李华 县种子管理站站长',
  ]);
  const guide = result.tasks.find((t) => t.text.includes('良种调运'))!;
  expect(guide.units).toMatchObject([{ name: '县种子管理站', role: 'lead' }]);
  expect(guide.leaders.map((p) => p.name)).toEqual(['王明']);
});

describe('guiding statements', () => {
  test.each([
    ['以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进。', true],
    ['（一）总体思路。以推动高质量发展为主线，统筹发展和安全。', true],
    ['高举中国特色社会主义伟大旗帜，全面落实各项部署。', true],
    ['以乡镇为单位，开展贫困人口核查工作。', false],
    ['全面贯彻落实责任制，6月底前完成排查。', false],
    ['1.以村为单位建立台账，每季度更新一次。', false],
  ])('%s', (text, want) => expect(isGuidingStatement(text)).toBe(want));

  test('a guiding paragraph under a mixed heading gives no row; the targets beside it do', () => {
    const r = rows(['一、总体要求', '以新时代思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。', '到2023年底，全县农村自来水普及率达到92%。']);
    expect(r.map((x) => x.text)).toEqual(['到2023年底，全县农村自来水普及率达到92%。']);
  });
});

describe('opening targets', () => {
  test.each([
    ['为加快县域经济发展，力争全年地区生产总值增长6.5%，制定以下措施。', true],
    ['为确保2024年完成新建农房改造300户，特制定本方案。', true],
    ['为进一步做好春季动物防疫工作，现将有关事项通知如下。', false],
    ['根据《中华人民共和国安全生产法》第8条规定，制定本办法。', false],
  ])('%s', (text, want) => expect(isOpeningTarget(text)).toBe(want));
});
