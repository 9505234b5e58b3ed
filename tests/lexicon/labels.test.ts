// One label vocabulary (src/lexicon/labels.ts): a label gives the same role in a running paragraph, in
// a 牵头领导/责任人 block and as the header of a task table.
import { describe, expect, test } from 'vitest';
import { findAllResponsibilities } from '../../extractors/units.js';
import { extractPeople } from '../../extractors/people.js';
import { readHeader } from '../../src/extract/tables.js';
import { LABEL_NOUNS, LABEL_WORDS, labelWords } from '../../src/lexicon/labels.js';

// [label, role it gives, a body, why the case is here]
const CASES: [string, 'lead' | 'participant' | 'default', string, string][] = [
  ['牵头单位', 'lead', '县农业农村局', 'the common label of a county plan'],
  ['主办部门', 'lead', '市文化广电旅游局', 'an events notice names its 主办'],
  ['主责单位', 'lead', '区卫生健康局', 'a health notice'],
  ['牵头县直部门', 'lead', '县水利局', 'a level’s direct units between word and noun'],
  ['牵头处室', 'lead', '省教育厅基础教育处', 'a department’s own plan assigns its 处室'],
  ['配合单位', 'participant', '县财政局', 'the common second label'],
  ['协作部门', 'participant', '市公安局', 'a public-security notice writes 协作'],
  ['协同单位', 'participant', '县生态环境局', 'an environment plan writes 协同'],
  ['责任单位', 'default', '县住房城乡建设局', 'one list, roles by order or verbs'],
  ['实施主体', 'default', '各乡镇人民政府', 'a project plan names who carries it out'],
];

describe('one label vocabulary', () => {
  test.each(CASES)('%s → %s (%s; %s)', (label, role, body) => {
    const paragraph = findAllResponsibilities(`完成农村危房改造任务。${label}：${body}`).flatMap((r) => r.units);
    expect(paragraph.map((u) => u.name)).toEqual([body]);
    if (role !== 'default') expect(paragraph[0].role).toBe(role);

    const block = extractPeople([`${label}：${body}`]).units;
    expect(block.map((u) => u.name)).toEqual([body]);
    if (role !== 'default') expect(block[0].role).toBe(role);

    const header = readHeader(['序号', '工作任务', label, '完成时限']);
    expect(header?.[2]).toBe(role === 'default' ? 'responsible' : role);
  });

  test('a word that needs its noun is no label alone, and 责任人 is a person, not a unit', () => {
    expect(findAllResponsibilities('完成农村危房改造任务。责任：县住房城乡建设局').flatMap((r) => r.units)).toEqual([]);
    expect(extractPeople(['责任人：王明']).units).toEqual([]);
    expect(readHeader(['工作任务', '责任人'])).toBeNull();
  });

  test('the roles partition the words, and every noun is a label noun', () => {
    const all = [labelWords('lead'), labelWords('participant'), labelWords('default')].flatMap((w) => w.split('|'));
    expect(all.sort()).toEqual(Object.keys(LABEL_WORDS).sort());
    expect(LABEL_NOUNS).toContain('股室');
  });
});
