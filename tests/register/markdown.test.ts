import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ExtractResult } from '../../src/model.js';
import { markdownCell, toMarkdown } from '../../src/register/markdown.js';
import { registerRows } from '../../src/register/rows.js';

const fixture = (name: string) => ExtractResult.parse(JSON.parse(readFileSync(new URL(`../fixtures/results/${name}.json`, import.meta.url), 'utf8')));

test('tracking columns show once something is filled in', () => {
  const results = [fixture('county-plan')];
  const tracking = new Map([['qinghe-2020-7#2.2', {
    key: 'qinghe-2020-7#2.2', status: '推进中' as const, progress: [{ date: '2020-05-06', text: '已开工120户', by: '县住建局' }],
    problems: '', nextSteps: '', evidence: [], supervised: true,
  }]]);
  const md = toMarkdown(results, registerRows(results, { unit: '住建局' }, { tracking }));
  expect(md).toContain('| 出处 | 状态 | 进展情况 | 督办 | 备注 |');
  expect(md).toContain('| 推进中 | 2020-05-06 县住建局：已开工120户 | 是 |  |');
});

test('cells escape | and keep line breaks inside the row', () => {
  expect(markdownCell('甲|乙')).toBe('甲\\|乙');
  expect(markdownCell('每月\n每季度')).toBe('每月<br>每季度');
  expect(markdownCell(3)).toBe('3');
});

test('one section per document, a table per plan, a note for a bulletin', () => {
  const results = [fixture('county-plan'), fixture('bulletin')];
  const md = toMarkdown(results, registerRows(results, { unit: '住建局' }));
  expect(md.split('\n')).toEqual([
    '# 任务台账',
    '',
    '## 清河县2020年脱贫攻坚巩固提升实施方案',
    '',
    '清县扶贫发〔2020〕7号 · 清河县扶贫开发领导小组 · 2020-03-20',
    '',
    '| 序号 | 任务类别 | 任务内容 | 牵头单位 | 配合单位 | 责任领导 | 责任人 | 完成时限 | 时限原文 | 距截止 | 量化指标 | 出处 | 备注 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 3 | 二、重点任务 | 完成贫困户D级危房改造189户，每户补助1.5万-2万元，9月30日前全部竣工验收。 | 县住建局 | 县扶贫办、县财政局、相关乡镇 | 赵志刚（副县长） | 孙立新（县住建局局长） | 2020-09-30 | 9月30日前 |  | 完成贫困户D级危房改造189户<br>每户补助1.5万-2万元 | qinghe-2020.pdf 第5页<br>二、重点任务 > （二）住房安全保障 |  |',
    '',
    '## 脱贫攻坚快报（第8期）',
    '',
    '清河县脱贫攻坚领导小组办公室 · 2019-05-10',
    '',
    '（快报，不是任务来源，未列任务）',
    '',
  ]);
});
