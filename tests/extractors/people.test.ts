import { describe, expect, test } from 'vitest';
import { extractPeople, isPersonName, parsePersons, type People } from '../../extractors/people.js';

// Attachment blocks written for these tests; names are invented.
const blocks: [string, string[], Partial<People>][] = [
  ['leader, department, owner', ['牵头市领导：李建华 副市长', '牵头市直部门：市教育局', '责任人：赵明 市教育局局长'], {
    leaders: [{ name: '李建华', title: '副市长' }],
    owners: [{ name: '赵明', title: '市教育局局长' }],
    units: [{ name: '市教育局', role: 'lead' }],
  }],
  ['continuation lines belong to the label above', ['牵头县直部门：县民政局', '县残联', '责任人：孙丽 县民政局局长', '周强 县残联理事长'], {
    units: [{ name: '县民政局', role: 'lead' }, { name: '县残联', role: 'lead' }],
    owners: [{ name: '孙丽', title: '县民政局局长' }, { name: '周强', title: '县残联理事长' }],
  }],
  ['several people on one line', ['责任领导：张志远 副县长、刘芳 县长助理'], {
    leaders: [{ name: '张志远', title: '副县长' }, { name: '刘芳', title: '县长助理' }],
  }],
  ['one person, two posts', ['责任人：陈刚 县农业农村局局长、县乡村振兴局局长'], {
    owners: [{ name: '陈刚', title: '县农业农村局局长、县乡村振兴局局长' }],
  }],
  ['name glued to title', ['牵头领导：王磊县委常委副县长'], { leaders: [{ name: '王磊', title: '县委常委副县长' }] }],
  ['three-character name glued to title', ['责任人：欧阳明县水务局局长'], { owners: [{ name: '欧阳明', title: '县水务局局长' }] }],
  ['contact with a telephone number', ['联系人：吴敏 县扶贫办副主任 024-12345678'], {
    owners: [{ name: '吴敏', title: '县扶贫办副主任' }],
  }],
  ['contact without a title', ['联系人：郑伟'], { owners: [{ name: '郑伟' }] }],
  ['two labels on one line', ['牵头领导：钱进 副区长  责任人：何平 区卫健局局长'], {
    leaders: [{ name: '钱进', title: '副区长' }], owners: [{ name: '何平', title: '区卫健局局长' }],
  }],
  ['a heading after the block ends it', ['责任人：冯涛 县交通运输局局长', '附件 3', '住房安全工作任务指南'], {
    owners: [{ name: '冯涛', title: '县交通运输局局长' }],
  }],
  ['prose after a department line is not a department', ['牵头部门：县商务局', '加快发展农村电商，拓宽销售渠道。'], {
    units: [{ name: '县商务局', role: 'lead' }],
  }],
  ['配合部门 lists participants', ['牵头部门：县财政局、县审计局', '配合部门：各乡镇'], {
    units: [{ name: '县财政局', role: 'lead' }, { name: '县审计局', role: 'lead' }, { name: '各乡镇', role: 'participant' }],
  }],
  ['blank lines inside the block are skipped', ['牵头县直部门：县工信局', '', '县科协'], {
    units: [{ name: '县工信局', role: 'lead' }, { name: '县科协', role: 'lead' }],
  }],
  ['a 责任单位 list reads by order', ['责任单位：县教育局、县财政局'], {
    units: [{ name: '县教育局', role: 'lead' }, { name: '县财政局', role: 'participant' }],
  }],
  ['post in brackets after the name', ['责任领导：许文斌（县委常委、副县长）', '责任单位：县水利局', '责任人：韩冬（县水利局局长）'], {
    leaders: [{ name: '许文斌', title: '县委常委、副县长' }],
    owners: [{ name: '韩冬', title: '县水利局局长' }],
    units: [{ name: '县水利局', role: 'lead' }],
  }],
  ['two people with bracketed posts', ['责任人：蒋雪(副镇长)、邱明（镇农办主任）'], {
    owners: [{ name: '蒋雪', title: '副镇长' }, { name: '邱明', title: '镇农办主任' }],
  }],
  ['牵头处室/配合处室 in a department\'s own plan', ['牵头处室：规划信息处；配合处室：财务处、人事处'], {
    units: [{ name: '规划信息处', role: 'lead' }, { name: '财务处', role: 'participant' }, { name: '人事处', role: 'participant' }],
  }],
  ['no labels, nothing', ['切实降低贫困人口就医负担。', '张三 副县长'], { leaders: [], owners: [], units: [] }],
];

describe('extractPeople', () => {
  test.each(blocks)('%s', (_name, lines, want) => {
    const got = extractPeople(lines);
    for (const key of Object.keys(want) as (keyof People)[]) expect(got[key]).toMatchObject(want[key]!); // each fact also carries its words and where (evidence.test.ts)
  });
});

test.each<[string, boolean]>([
  ['于海', true], ['欧阳明远', true], ['副县长', false], ['局长', false], ['县教育局', false], ['县委常委', false],
  ['张', false], ['李建华同志们', false],
])('isPersonName %s → %s', (s, want) => expect(isPersonName(s)).toBe(want));

test('parsePersons keeps the title words as written', () => {
  expect(parsePersons('高峰 县委常委 副县长')).toEqual([{ name: '高峰', title: '县委常委副县长' }]);
});
