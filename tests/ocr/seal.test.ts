// Words read under a seal are unsure whatever the OCR says of them: the black under a red stroke is
// gone, and the model is sure of a digit it guessed from half of it.
import { describe, expect, test } from 'vitest';
import type { OcrLine, OcrPage, OcrWord } from '../../src/read/ocr.js';
import { dropRedInk, markSealedWords, SEALED_CONFIDENCE, type SealBox } from '../../src/read/ocr-pages.js';
import { LOW_CONFIDENCE } from '../../src/read/ocr-layout.js';

const word = (text: string, x0: number, y0: number, confidence = 95): OcrWord => ({ text, confidence, x0, y0, x1: x0 + text.length * 40, y1: y0 + 40 });
const line = (ws: OcrWord[]): OcrLine => ({ words: ws, confidence: 95, x0: ws[0].x0, y0: ws[0].y0, x1: ws[ws.length - 1].x1, y1: ws[0].y1 });
const page = (lines: OcrLine[]): OcrPage => ({ page: 2, dpi: 200, width: 1654, height: 2339, confidence: 92, lines });

describe('words under a seal', () => {
  const seal: SealBox = { x0: 1000, y0: 1500, x1: 1400, y1: 1900 };
  const p = page([
    line([word('各单位要按时报送材料。', 200, 1400)]),
    line([word('某某市市场监督管理局', 1000, 1700)]),
    line([word('2026', 1100, 1780), word('年', 1260, 1780), word('3', 1310, 1780), word('月', 1360, 1780), word('9', 1410, 1780), word('日', 1460, 1780)]),
  ]);

  test('are marked unsure: a word a third under the seal or more, and no other', () => {
    const out = markSealedWords(p, [seal]);
    const conf = Object.fromEntries(out.lines.flatMap((l) => l.words.map((w) => [w.text, w.confidence])));
    expect(conf['各单位要按时报送材料。']).toBe(95); // above the seal
    expect(conf['某某市市场监督管理局']).toBeLessThan(LOW_CONFIDENCE); // 400 of its 400 px width inside
    expect(conf['2026']).toBe(SEALED_CONFIDENCE);
    expect(conf['月']).toBe(SEALED_CONFIDENCE); // 1360–1400 of 1360–1400: inside
    expect(conf['9']).toBe(95); // starts at the seal's edge: outside
    expect(out.lines[2].confidence).toBeLessThan(95);
  });

  test('a page without a seal is left as it was', () => {
    expect(markSealedWords(p, [])).toBe(p);
  });

  test('dropRedInk reports where the seal lay', () => {
    const w = 400;
    const h = 560;
    const data = new Uint8ClampedArray(w * h * 4).fill(255);
    for (let y = 400; y < 490; y++) for (let x = 250; x < 340; x++) data.set([210, 40, 40, 255], (y * w + x) * 4);
    const seals: SealBox[] = [];
    dropRedInk(data, w, h, seals);
    expect(seals).toHaveLength(1);
    const [s] = seals;
    expect(s.x0).toBeLessThanOrEqual(250);
    expect(s.x1).toBeGreaterThanOrEqual(340);
    expect(s.y0).toBeLessThanOrEqual(400);
    expect(s.y1).toBeGreaterThanOrEqual(490);
    expect(s.x1 - s.x0).toBeLessThan(140);
  });
});
