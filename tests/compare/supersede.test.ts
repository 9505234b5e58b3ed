import { describe, expect, test } from 'vitest';
import { findSupersessions, titleStem } from '../../src/compare/supersede.js';
import type { ExtractResult } from '../../src/model.js';
import { COUNTY, doc, task } from '../fixtures/compare/builders.js';
import { newNotice, oldNotice, plan2018, plan2019 } from '../fixtures/compare/planted.js';

describe('titleStem', () => {
  const cases: [string, string][] = [
    ['新宾县2018年脱贫攻坚工作实施方案', '新宾县脱贫攻坚工作实施方案'],
    ['东洲区2018—2020年脱贫攻坚三年规划实施方案', '东洲区脱贫攻坚三年规划实施方案'],
    ['关于印发《本溪县2020年度扶贫资金管理办法（试行）》的通知', '本溪县扶贫资金管理办法'],
    ['关于加强驻村帮扶工作管理的通知', '关于加强驻村帮扶工作管理的通知'],
  ];
  test.each(cases)('%s', (title, stem) => expect(titleStem(title)).toBe(stem));
});

test('a notice repealed by its 发文字号: the whole older notice, every task', () => {
  expect(findSupersessions([oldNotice, newNotice])).toEqual([
    {
      older: 'benxi-2018-7',
      newer: 'benxi-2020-21',
      scope: 'whole',
      basis: 'explicit',
      evidence: '《关于加强驻村帮扶工作管理的通知》（本县扶贫发〔2018〕7号）同时废止',
      taskIds: ['benxi-2018-7#1', 'benxi-2018-7#2'],
    },
  ]);
});

test('a different serial number repeals nothing', () => {
  const other = { ...oldNotice, document: { ...oldNotice.document, id: 'other', docNumber: { ...oldNotice.document.docNumber!, serial: 8 } } };
  expect(findSupersessions([other, newNotice])).toEqual([]);
});

test('a newer edition of the same issuer, type and title stem replaces the older', () => {
  const [s] = findSupersessions([plan2019, plan2018]);
  expect(s).toEqual({
    older: 'xinbin-2018-2',
    newer: 'xinbin-2019-4',
    scope: 'whole',
    basis: 'implicit',
    evidence: '同一发文机关（新宾满族自治县脱贫攻坚领导小组）、同类文件（实施方案）、标题主干相同（新宾县脱贫攻坚工作实施方案），发文日期更晚',
    taskIds: ['xinbin-2018-2#1'],
  });
});

test('issues of a bulletin do not replace each other', () => {
  const issue = (id: string, date: string): ExtractResult =>
    doc({ id, title: '脱贫攻坚快报', jurisdiction: COUNTY, date, docType: '快报', isPlan: false, issuer: '县扶贫办' }, []);
  expect(findSupersessions([issue('k24', '2019-05-01'), issue('k25', '2019-06-01')])).toEqual([]);
});

test('"以本…为准" supersedes only the older tasks that disagree', () => {
  const older = doc({ id: 'old', title: '旧意见', jurisdiction: COUNTY, date: '2016-01-01', issuer: 'A', docNumber: { text: '辽委发〔2016〕3号', issuerCode: '辽委发', year: 2016, serial: 3 } }, [
    task('1', 'x'),
    task('2', 'y'),
  ]);
  const newer = doc(
    { id: 'new', title: '新意见', jurisdiction: COUNTY, date: '2019-03-01', issuer: 'A', supersedes: [{ issuerCode: '辽委发', year: 2016, serial: 3, scope: 'where-inconsistent', evidence: '以本实施意见为准' }] },
    [],
  );
  const [s] = findSupersessions([older, newer], { inconsistentTasks: (o) => [o.tasks[1].id] });
  expect(s.scope).toBe('where-inconsistent');
  expect(s.taskIds).toEqual(['old#2']);
});

test('a clause naming a title without a number matches by title', () => {
  const newer = {
    ...newNotice,
    document: { ...newNotice.document, supersedes: [{ title: '关于加强驻村帮扶工作管理的通知', scope: 'whole' as const, evidence: '《关于加强驻村帮扶工作管理的通知》同时废止' }] },
  };
  expect(findSupersessions([oldNotice, newer]).map((s) => [s.older, s.newer, s.basis])).toEqual([['benxi-2018-7', 'benxi-2020-21', 'explicit']]);
});
