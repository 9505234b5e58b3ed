// The 成文日期 of a scanned notice is read through the seal that GB/T 9704 presses over it: a date
// read there is checked against the 版记's 印发日期 and the OCR's certainty, never given wrong.
// Documents written for this test, from several fields.
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/model.js';
import { extractMetadata } from '../../src/structure/metadata.js';
import { checkSignatureDate, isBrokenDateLine, printedDate } from '../../src/structure/signature-date.js';

const ocr = (text: string, lowConfidence: string[] = []): Block => ({ text, source: 'ocr', confidence: 80, lowConfidence, page: 3 });
const txt = (text: string): Block => ({ text });

/** A county notice: title, addressees, body, signature and date (`dateLine`), 版记 (`printed`). */
function notice(dateLine: Block, printed: string | null, low: string[] = []): Block[] {
  return [
    ocr('某某县教育局关于做好2025年秋季学期中小学开学工作的通知'),
    ocr('各乡镇中心学校，县直各学校：'),
    ocr('一、各校要在8月25日前完成校舍安全排查，县教育局安全股牵头。'),
    ocr('二、各校要在开学前完成教材发放。'),
    ocr('某某县教育局', low),
    dateLine,
    ...(printed ? [ocr('抄送：县人民政府办公室。'), ocr(`某某县教育局办公室 ${printed}印发`)] : []),
  ];
}

describe('a date read under the seal', () => {
  test('a date that agrees with the 印发日期 is kept, without a word', () => {
    const meta = extractMetadata(notice(ocr('2025年8月11日'), '2025年8月12日'));
    expect(meta.date).toBe('2025-08-11');
    expect(meta.messages.filter((m) => m.code.startsWith('signature-date'))).toEqual([]);
  });

  test('a date after the 印发日期, or months before it, is left empty and the user told what was read', () => {
    for (const [line, printed] of [
      ['2025年9月11日', '2025年8月12日'], // after it: a 4 read for a 1, say
      ['2024年4月23日', '2025年1月24日'], // nine months before it
    ]) {
      const meta = extractMetadata(notice(ocr(line), printed));
      expect(meta.date).toBe('');
      const m = meta.messages.find((x) => x.code === 'signature-date-doubtful');
      expect(m?.message).toContain(line);
      expect(m?.message).toContain(printedDate(notice(ocr(line), printed), 0));
      expect(m?.where?.page).toBe(3);
    }
  });

  test('a date whose digits the OCR was unsure of is kept and flagged', () => {
    const meta = extractMetadata(notice(ocr('2025年8月11日', ['11']), null));
    expect(meta.date).toBe('2025-08-11');
    expect(meta.messages.map((m) => m.code)).toContain('signature-date-unsure');
  });

  test('a date line the OCR broke leaves the date empty with the line quoted', () => {
    const meta = extractMetadata(notice(ocr('2024年4月232'), '2025年1月24日'));
    expect(meta.date).toBe('');
    const m = meta.messages.find((x) => x.code === 'signature-date-unread');
    expect(m?.message).toContain('“2024年4月232”');
    expect(m?.message).toContain('2025-01-24');
  });

  test('a scan with no date line at all is said to have none', () => {
    const doc = notice(ocr('某某县教育局'), '2025年8月12日').slice(0, 4);
    const meta = extractMetadata(doc);
    expect(meta.date).toBe('');
    expect(meta.messages.map((m) => m.code)).toContain('signature-date-unread');
    // a printed notice without a date is not a scan's misreading: nothing is said
    expect(extractMetadata(doc.map((b) => ({ text: b.text }))).messages.map((m) => m.code)).not.toContain('signature-date-unread');
  });

  test('a printed (not scanned) notice keeps its own dates, whatever their order', () => {
    const doc = notice(txt('2025年9月11日'), '2025年8月12日').map((b) => ({ text: b.text }));
    const meta = extractMetadata(doc);
    expect(meta.date).toBe('2025-09-11');
    expect(meta.messages.filter((m) => m.code.startsWith('signature-date'))).toEqual([]);
  });

  test('the check itself, on a health commission notice and a township plan', () => {
    const blocks = [
      ocr('某某市卫生健康委员会关于开展2026年爱国卫生月活动的通知'),
      ocr('某某市卫生健康委员会'),
      ocr('2026年3月2日'),
      ocr('某某市卫生健康委员会办公室 2026年3月3日印发'),
    ];
    expect(checkSignatureDate(blocks, '2026-03-02', 2, 1)).toEqual({ date: '2026-03-02', messages: [] });
    expect(checkSignatureDate(blocks, '2026-03-09', 2, 1).date).toBe('');
    // no 版记: nothing to check against, the date stands
    expect(checkSignatureDate(blocks.slice(0, 3), '2026-03-09', 2, 1).date).toBe('2026-03-09');
    // a header date (dateBlock -1) is not the signature's and is not touched
    expect(checkSignatureDate(blocks, '2027-01-01', -1, 1).date).toBe('2027-01-01');
  });
});

describe('what a broken date line looks like', () => {
  test.each([
    ['2024年4月232', true],
    ['202和4年1月2?日', true],
    ['20Q5 年 1 月 2 3 日', true],
    ['202S年12月3l日', true],
    ['（2025年6月3O）', true],
    ['CO年4月全', true], // the year and the day under the seal's ring
    ['0年4月于', true],
    ['2025年3月份', false],
    ['第3年1月', false],
    ['2019年12月底', false], // a deadline in the body
    ['2026年6月底前', false],
    ['2025年1月中旬', false],
    ['2025年1月23日', false], // it parses: not broken
    ['2025年3月', false], // a month, not a date gone wrong
    ['要在2025年3月底前完成全部排查工作', false],
    ['某某镇人民政府', false],
    ['二〇二五年一月二十三', false], // no digits to have misread
  ])('%s → %s', (line, broken) => {
    expect(isBrokenDateLine(line)).toBe(broken);
  });
});
