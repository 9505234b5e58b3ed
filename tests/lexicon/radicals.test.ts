// Radical code points a PDF text layer used for common characters (⻄ U+2EC4 for 西, ⼈ U+2F08 for 人)
// fold to the characters, in every field, one UTF-16 unit for one.
import { describe, expect, test } from 'vitest';
import { foldRadicals } from '../../src/lexicon/radicals.js';
import { normalizeDocument } from '../../src/normalize/index.js';
import { buildResult } from '../../src/extract/index.js';
import type { RawDocument } from '../../src/model.js';

/** The sentence as such a text layer gives it: each listed character written as its radical. */
const asRadicals = (s: string, radicals: Record<string, string>) => [...s].map((c) => radicals[c] ?? c).join('');
const R = { 西: '\u2EC4', 人: '\u2F08', 民: '\u2EA0', 工: '\u2F2F', 广: '\u2F34', 长: '\u2ED3', 门: '\u2ED4', 马: '\u2EE2', 车: '\u2ECB', 见: '\u2EC5', 食: '\u2EDD', 龙: '\u2EF0', 风: '\u2EDB', 力: '\u2F12', 大: '\u2F24', 生: '\u2F63', 田: '\u2F65', 金: '\u2FA6', 水: '\u2F54' };

describe('radicals in a text layer', () => {
  test.each([
    '江西省人民政府关于下达2020年国民经济和社会发展计划的通知',
    '县交通运输局牵头，负责农村公路养护工程，2025年底前完成。',
    '市场监管部门要加强食品生产企业监督检查，发现问题及时移交公安机关。',
    '黑龙江省水利厅会同财政厅做好农田水利设施建设资金保障。',
    '各地要大力推进生态保护修复，防风固沙林面积达到5万亩。',
    '县委宣传部、县广播电视台做好政策解读，切实提高群众知晓率。',
    '省人力资源社会保障厅牵头，金融机构配合，开展职业技能培训不少于3000人次。',
  ])('%s', (sentence) => {
    const layer = asRadicals(sentence, R);
    expect(layer).not.toBe(sentence);
    expect(foldRadicals(layer)).toBe(sentence);
    expect(foldRadicals(layer)).toHaveLength(layer.length);
  });

  test('text without radicals is the same string', () => {
    const s = '各乡镇人民政府，县直各部门：';
    expect(foldRadicals(s)).toBe(s);
  });

  test('a radical standing for a character outside the BMP stays (offsets must not move)', () => {
    expect(foldRadicals('\u2E87')).toBe('\u2E87');
  });

  test('units are found in a document whose text layer used radicals', () => {
    const text = asRadicals('县农业农村局牵头，县人力资源和社会保障局配合，2025年6月底前完成高标准农田建设1万亩。', R);
    const raw: RawDocument = {
      source: { path: 'x.pdf', format: 'pdf', sha256: '0'.repeat(64), pages: 1 },
      blocks: [{ text: asRadicals('某某县人民政府关于做好高标准农田建设工作的通知', R) }, { text: '一、建设任务' }, { text }],
      messages: [],
    };
    const result = buildResult(normalizeDocument(raw));
    const units = result.tasks.flatMap((t) => t.units.map((u) => u.name));
    expect(units).toContain('县农业农村局');
    expect(units).toContain('县人力资源和社会保障局');
    expect(result.document.title).toBe('某某县人民政府关于做好高标准农田建设工作的通知');
  });
});
