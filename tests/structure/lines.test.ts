// One table of header, number, date, heading and attachment lines, each with the exact reading the
// structure stage must give it. Lines are written for this test (other places, years and topics).
import { describe, expect, test } from 'vitest';
import { parseAttachmentMarker } from '../../src/structure/attachments.js';
import { dateLine, signedDateLine } from '../../src/structure/closing.js';
import { headerDocNumber, parseRecipients } from '../../src/structure/header.js';
import { headingLevel } from '../../src/structure/headings.js';
import { mastheadIssuer, splitIssuers } from '../../src/structure/issuers.js';
import { docTypeOf } from '../../src/structure/titles.js';

type Row =
  | ['number', string, [string, number, number] | null]
  | ['date', string, string | null]
  | ['signed', string, [string, string] | null]
  | ['heading', string, [number, string] | null]
  | ['masthead', string, string | null]
  | ['issuers', string, string[] | null]
  | ['recipients', string, string[] | null]
  | ['attachment', string, [number, string] | null]
  | ['docType', string, string];

const rows: Row[] = [
  // 发文字号: every bracket the standard's 〔〕 is replaced by in practice, and stray spaces.
  ['number', '宽政发〔2019〕12号', ['宽政发', 2019, 12]],
  ['number', '岫扶贫发[2018]7号', ['岫扶贫发', 2018, 7]],
  ['number', '彰委办发【2020】31号', ['彰委办发', 2020, 31]],
  ['number', '建政办发(2017)105号', ['建政办发', 2017, 105]],
  ['number', '清政发（2021）3号', ['清政发', 2021, 3]],
  ['number', '铁扶贫组发〔2019〕24 号', ['铁扶贫组发', 2019, 24]],
  ['number', '桓政发 〔2016〕 8 号', ['桓政发', 2016, 8]],
  ['number', '葫政发〔2018〕第6号', ['葫政发', 2018, 6]],
  ['number', '辽扶贫发〔2019〕9号  签发人：王某某', ['辽扶贫发', 2019, 9]],
  ['number', '根据宽政发〔2019〕12号文件要求', null],
  ['number', '2019年第12号', null],
  // 成文日期 lines, Arabic and Chinese numerals, bracketed under a title.
  ['date', '2019年6月30日', '2019-06-30'],
  ['date', '二〇一九年六月三十日', '2019-06-30'],
  ['date', '二○二一年十二月一日', '2021-12-01'],
  ['date', '2018 年 11 月 5 日', '2018-11-05'],
  ['date', '（2017年9月12日）', '2017-09-12'],
  ['date', '2019年6月30日前完成', null],
  ['date', '2019年6月', null],
  ['signed', '岫岩满族自治县人民政府 2019年6月30日', ['岫岩满族自治县人民政府', '2019-06-30']],
  ['signed', '中共彰武县委 彰武县人民政府 二〇二〇年一月八日', ['中共彰武县委 彰武县人民政府', '2020-01-08']],
  ['signed', '截至2019年6月30日', null],
  // 结构层次序数 and the lines that only look like them.
  ['heading', '一、总体目标', [1, '一、总体目标']],
  ['heading', '十二、其他事项', [1, '十二、其他事项']],
  ['heading', '三．保障措施', [1, '三．保障措施']],
  ['heading', '（一）实施产业带动工程', [2, '（一）实施产业带动工程']],
  ['heading', '(二) 完善兜底保障', [2, '(二) 完善兜底保障']],
  ['heading', '（十一）加强督查考核。每季度通报一次进展。', [2, '（十一）加强督查考核']],
  ['heading', '1.发展庭院经济', [3, '1.发展庭院经济']],
  ['heading', '2、改善人居环境。年内完成改厕800户。', [3, '2、改善人居环境']],
  ['heading', '3．强化技能培训', [3, '3．强化技能培训']],
  ['heading', '4. 推进消费扶贫：组织认购农产品。', [3, '4. 推进消费扶贫']],
  ['heading', '1.9月底前完成验收。', [3, '1.9月底前完成验收']],
  ['heading', '（1）建立台账', [4, '（1）建立台账']],
  ['heading', '(2)落实资金', [4, '(2)落实资金']],
  ['heading', '3）定期回访', [4, '3）定期回访']],
  ['heading', '①摸清底数', [5, '①摸清底数']],
  ['heading', '附件2', [0, '附件2']],
  ['heading', '附件 3：产业项目清单', [0, '附件 3：产业项目清单']],
  ['heading', '2021年全面完成改造任务。', null],
  ['heading', '1.5万人次参加培训。', null],
  ['heading', '12.8%的农户已脱贫。', null],
  ['heading', '一是摸清底数。二是建立台账。', null],
  ['heading', '——坚持精准方略。', null],
  ['heading', '（责任单位：县民政局）', null],
  ['heading', '一、二类村庄率先完成。', null],
  // 版头 and issuer lines.
  ['masthead', '宽甸满族自治县人民政府文件', '宽甸满族自治县人民政府'],
  ['masthead', '中共铁岭市委 铁岭市人民政府文件', '中共铁岭市委 铁岭市人民政府'],
  ['masthead', '关于报送材料的文件', null],
  ['issuers', '葫芦岛市脱贫攻坚领导小组办公室', ['葫芦岛市脱贫攻坚领导小组办公室']],
  ['issuers', '中共建昌县委、建昌县人民政府', ['中共建昌县委', '建昌县人民政府']],
  ['issuers', '各乡镇人民政府', null],
  ['issuers', '2019年6月30日', null],
  // 主送机关.
  ['recipients', '各乡镇人民政府，县政府各部门：', ['各乡镇人民政府', '县政府各部门']],
  ['recipients', '各市人民政府，省政府有关部门：', ['各市人民政府', '省政府有关部门']],
  ['recipients', '县民政局：', ['县民政局']],
  ['recipients', '现将有关事项通知如下：', null],
  ['recipients', '主要任务：', null],
  // 附件 markers: the body's "附件N", not the list head "附件：".
  ['attachment', '附件1', [1, '']],
  ['attachment', '附件 4', [4, '']],
  ['attachment', '附件二：资金分配表', [2, '资金分配表']],
  ['attachment', '附件', [0, '']],
  ['attachment', '附件：1.项目清单', null],
  ['attachment', '附件要求各单位认真填写。', null],
  // 文种 from the title's last words.
  ['docType', '彰武县2019年产业扶贫工作方案', '实施方案'],
  ['docType', '关于加强农村低保管理的实施意见（试行）', '实施意见'],
  ['docType', '关于做好春节期间走访慰问工作的通知', '通知'],
  ['docType', '关于表彰脱贫攻坚先进集体的决定', '决定'],
  ['docType', '关于2019年脱贫攻坚工作情况的报告', '报告'],
  ['docType', '扶贫工作简报', '快报'],
  ['docType', '县扶贫开发三年规划（2018—2020年）', '其他'],
];

function run(row: Row): unknown {
  const [kind, line] = row;
  switch (kind) {
    case 'number': {
      const n = headerDocNumber(line);
      return n ? [n.issuerCode, n.year, n.serial] : null;
    }
    case 'date':
      return dateLine(line);
    case 'signed': {
      const s = signedDateLine(line);
      return s ? [s.signer, s.date] : null;
    }
    case 'heading': {
      const h = headingLevel(line);
      return h ? [h.level, h.label] : null;
    }
    case 'masthead':
      return mastheadIssuer(line);
    case 'issuers':
      return splitIssuers(line);
    case 'recipients':
      return parseRecipients(line);
    case 'attachment': {
      const a = parseAttachmentMarker(line);
      return a ? [a.index, a.title] : null;
    }
    case 'docType':
      return docTypeOf(line);
  }
}

describe('header, number, date, heading and attachment lines', () => {
  test('the table covers at least 40 lines', () => expect(rows.length).toBeGreaterThanOrEqual(40));
  test.each(rows)('%s: %s', (...row) => expect(run(row as Row)).toEqual(row[2]));
});
