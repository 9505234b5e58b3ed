// Responsibility phrasings of notices outside the Liaoning corpus: 牵头抓总, a law's 所在地/当地 body, the
// competent body of an 办法 (是…主管部门，负责…) and 主管 as a verb. Sentences written for these tests.
import { describe, expect, test } from 'vitest';
import { findAllResponsibilities } from '../../extractors/units.js';

function units(p: string): string[] {
  return findAllResponsibilities(p).flatMap((r) => r.units.map((u) => (u.role === 'lead' ? `${u.name}*` : u.name)));
}

const valid: [sentence: string, want: string[], reason: string][] = [
  ['市人社局牵头抓总，市教育局、市财政局、团市委等按职责分工抓好落实。', ['市人社局*', '市教育局', '市财政局', '团市委'],
    '牵头抓总 leads, the bodies after it take part'],
  ['县卫生健康局牵头抓总，县医保局配合。', ['县卫生健康局*', '县医保局'], '牵头抓总 + 配合'],
  ['已建成居住区无养老服务设施的，所在地县级人民政府应当在三年内配置。', ['所在地县级人民政府*'], '所在地 + level body, 应当'],
  ['由所在地乡镇人民政府负责受理登记。', ['所在地乡镇人民政府*'], '由 + 所在地 body'],
  ['当地人民政府应当及时组织转移安置。', ['当地人民政府*'], '当地 + body'],
  ['市住房城乡建设局是本市燃气行业主管部门，负责燃气安全专项整治的组织协调。', ['市住房城乡建设局*'],
    '是 … 主管部门 followed by the duties it is named for'],
  ['县级以上地方人民政府民政部门主管本行政区域内的养老服务工作。', ['县级以上地方人民政府民政部门*'], '主管 as the verb'],
  ['各县（市、区）政府是实施主体，要落实属地责任。', ['各县（市、区）政府*'], '是 … 主体 followed by 要'],
  ['市农业农村局、市林业局等部门要加强农药市场监管。', ['市农业农村局*', '市林业局'], '等部门 closing a list of named bodies'],
  ['由市商务局、市财政局等部门负责。', ['市商务局*', '市财政局'], '由 + list + 等部门'],
  ['市数据局统筹推进，市直各部门配合。', ['市数据局*', '市直各部门'], '统筹 closing its clause leads'],
  ['以上任务由市应急管理局统筹，各成员单位按照职责抓好落实。', ['市应急管理局*', '各成员单位'], '统筹 + 按照职责抓好落实'],
  ['区民政局牵头，区财政局、区卫生健康委按照职责分工负责。', ['区民政局*', '区财政局', '区卫生健康委'], '按照职责分工 before 负责'],
];

const invalid: [sentence: string, reason: string][] = [
  ['要充分发挥县教育局牵头抓总作用。', '牵头抓总作用 is a role described, not assigned'],
  ['乡镇人民政府是本辖区防汛工作的责任主体。', '是 alone states what a body is'],
  ['当地群众要积极参与植树活动。', 'people, not a body'],
  ['在所在地县级人民政府的领导下开展工作。', 'a body in a prepositional phrase'],
  ['县财政局等部门的资金要及时拨付。', '等部门 before 的 is a modifier'],
  ['加强统筹，形成合力。', '统筹 with no body before it'],
];

describe('responsibility phrasings: valid', () => {
  test.each(valid)('%s (%s)', (p, want) => expect(units(p)).toEqual(want));
});

describe('responsibility phrasings: invalid', () => {
  test.each(invalid)('%s (%s)', (p) => expect(units(p)).toEqual([]));
});
