// Issue 12: a paragraph whose sentences name their own bodies as subjects gives one task per statement;
// sentences without a subject go with the statement above. Documents written for the test.
import { describe, expect, test } from 'vitest';
import { extractLines } from './extract-lines.js';

function rows(lines: string[]) {
  const head = ['某某市人民政府办公室', '某政办发〔2023〕8号', '某某市2023年城市更新工作方案', '为推进城市更新，制定本方案。'];
  return extractLines([...head, ...lines, '某某市人民政府办公室', '2023年3月1日']).tasks.map((t) => ({ text: t.text, units: t.units.map((u) => `${u.name}${u.role === 'lead' ? '*' : ''}`) }));
}

describe('one task per statement', () => {
  test('two bodies with their own duties in one paragraph are two tasks', () => {
    expect(rows(['一、工作任务', '（一）资金保障。市财政局负责资金预算安排；市审计局负责资金使用审计。'])).toEqual([
      { text: '（一）资金保障。市财政局负责资金预算安排；', units: ['市财政局*'] },
      { text: '市审计局负责资金使用审计。', units: ['市审计局*'] },
    ]);
  });

  test('sentences without a subject stay with the statement above; leading ones open the first', () => {
    const r = rows(['一、工作任务', '（一）老旧小区改造。改造范围为2000年前建成的小区。市住房城乡建设局要制定年度计划。要优先改造水电气管网。各区人民政府应当于6月底前完成摸底。']);
    expect(r).toEqual([
      { text: '（一）老旧小区改造。改造范围为2000年前建成的小区。市住房城乡建设局要制定年度计划。要优先改造水电气管网。', units: ['市住房城乡建设局*'] },
      { text: '各区人民政府应当于6月底前完成摸底。', units: ['各区人民政府*'] },
    ]);
  });

  test('several subjects in one sentence answer together for it', () => {
    const r = rows(['一、工作任务', '（一）补助兑付。区住房城乡建设部门在验收后5个工作日内，向财政部门提交兑付申请，财政部门于10个工作日内拨付资金。']);
    expect(r).toEqual([{ text: r[0].text, units: ['区住房城乡建设部门*', '财政部门'] }]);
  });

  test('会同 gives a lead and a participant', () => {
    const r = rows(['一、工作任务', '（一）规划编制。市自然资源和规划局会同市发展改革委编制城市更新专项规划。']);
    expect(r[0].units).toEqual(['市自然资源和规划局*', '市发展改革委']);
  });

  test('a unit line closing the paragraph outweighs the subjects of its sentences', () => {
    const r = rows(['一、工作任务', '（一）安全监管。各区要加强施工安全巡查。', '（责任单位：市住房城乡建设局、各区人民政府）']);
    expect(r.map((x) => x.units)).toEqual([['市住房城乡建设局*', '各区人民政府']]);
  });

  test('a noun phrase that only looks like a subject gives no task of its own', () => {
    const r = rows(['一、工作任务', '（一）联合执法。健全住房城乡建设和城管部门牵头，其他部门支持的联合执法机制。']);
    expect(r).toEqual([{ text: '（一）联合执法。健全住房城乡建设和城管部门牵头，其他部门支持的联合执法机制。', units: [] }]);
  });
});

describe('A负责…，B负责…', () => {
  test('two bodies each 负责 their own duty in one sentence are two tasks', () => {
    const r = rows(['一、工作任务', '（一）职责分工。市教育局负责制定课后服务指南，市财政局负责落实课后服务经费。']);
    expect(r).toEqual([
      { text: '（一）职责分工。市教育局负责制定课后服务指南', units: ['市教育局*'] },
      { text: '市财政局负责落实课后服务经费。', units: ['市财政局*'] },
    ]);
  });

  test('a body held to a date after a comma shares the sentence with the first one', () => {
    const r = rows(['一、工作任务', '（一）兑付。区农业农村局在公示后5个工作日内提交申请，区财政局于10个工作日内拨付资金。']);
    expect(r.map((x) => x.units)).toEqual([['区农业农村局*', '区财政局']]);
  });
});

test('three bodies each 负责 their own duty in one sentence are three tasks, in order', () => {
  const r = rows(['一、工作任务', '（一）分工。区民政局负责摸底，区财政局负责拨款，区审计局负责审计。']);
  expect(r).toEqual([
    { text: '（一）分工。区民政局负责摸底', units: ['区民政局*'] },
    { text: '区财政局负责拨款', units: ['区财政局*'] },
    { text: '区审计局负责审计。', units: ['区审计局*'] },
  ]);
});

test('an explicit statement ending the next paragraph takes in the paragraphs above that only had subjects', () => {
  const r = rows(['一、工作任务', '（一）资金监管。县财政局要建立资金台账。', '各乡镇要配合做好资金拨付。（责任单位：县财政局、各乡镇）']);
  expect(r).toEqual([{ text: '（一）资金监管。县财政局要建立资金台账。\n各乡镇要配合做好资金拨付。', units: ['县财政局*', '各乡镇'] }]);
});

test('a bracket with its deadline still takes in the subject-only paragraph above', () => {
  const r = rows(['一、工作任务', '（一）校舍改造。区教育局要完成校舍排查。', '加固危旧校舍。（责任单位：区教育局、区住房城乡建设局；完成时限：2023年8月底前）']);
  expect(r).toHaveLength(1);
  expect(r[0].units).toEqual(['区教育局*', '区住房城乡建设局']);
});
