// OCR boxes → lines → blocks, on made-up pages: no OCR engine here, only geometry.
import { describe, expect, test } from 'vitest';
import { dropSealNoise, lineText, markOcrBlocks, ocrPageLines, snapSizes, LOW_CONFIDENCE } from '../../src/read/ocr-layout.js';
import type { OcrLine, OcrPage, OcrWord } from '../../src/read/ocr.js';
import { dropRedInk, looksMisoriented, textLineHeight } from '../../src/read/ocr-pages.js';
import { pageLinesToBlocks } from '../../src/read/pdf.js';

/** Words of `h` pixels laid left to right from x, each character one `h` wide, with `gaps` extra pixels before word i. */
function words(texts: string[], x: number, y: number, h = 40, gaps: Record<number, number> = {}, conf = 92): OcrWord[] {
  let at = x;
  return texts.map((t, i) => {
    at += gaps[i] ?? 0;
    const w = { text: t, confidence: conf, x0: at, y0: y, x1: at + t.length * h, y1: y + h };
    at = w.x1 + 2;
    return w;
  });
}

function line(ws: OcrWord[]): OcrLine {
  return { words: ws, confidence: Math.round(ws.reduce((s, w) => s + w.confidence, 0) / ws.length), x0: ws[0].x0, y0: ws[0].y0, x1: ws[ws.length - 1].x1, y1: ws[0].y1 };
}

const page = (lines: OcrLine[], n = 1): OcrPage => ({ page: n, dpi: 200, width: 1654, height: 2339, confidence: 90, lines });

describe('lineText', () => {
  test('one-character words close together join without spaces', () => {
    expect(lineText(words(['关于', '做', '好', '春耕', '备耕', '工作', '的', '通知'], 100, 100))).toBe('关于做好春耕备耕工作的通知');
  });
  test('a wide gap is a real space (joint issuers)', () => {
    expect(lineText(words(['中共某县委', '某县人民政府'], 100, 100, 40, { 1: 80 }))).toBe('中共某县委 某县人民政府');
  });
  test('two numbers next to each other keep a space', () => {
    expect(lineText(words(['2018-2020', '年'], 100, 100))).toBe('2018-2020年');
    expect(lineText(words(['GB/T', '9704'], 100, 100, 40, { 1: 10 }))).toBe('GB/T 9704');
  });
});

describe('pages of OCR lines are laid out by the PDF rules', () => {
  // an A4 page at 200 dpi: margin 220 px, text column 1220 px wide, 16 pt characters (44 px)
  const h = 44;
  const full = (t: string, y: number, indent = 0) => line(words([t], 220 + indent, y, h));
  const p = page([
    line(words(['关于加强乡村学校建设的通知'], 540, 300, 52)),
    full('各乡镇人民政府，县直有关部门：', 420),
    full('为改善乡村学校办学条件，提高义务教育质量，经县政府同', 500, 2 * h),
    full('意，现就加强乡村学校建设的有关事项通知如下，请认真贯彻', 560),
    full('执行。', 620),
  ]);
  const lines = ocrPageLines(p);
  test('boxes become points, y from the bottom', () => {
    expect(lines[0].y).toBeGreaterThan(lines[1].y);
    expect(lines[1].x).toBeCloseTo((220 * 72) / 200, 1);
    expect(lines[1].size).toBeGreaterThan(14);
  });
  test('a centred title, a salutation and an indented paragraph running over two lines', () => {
    const blocks = pageLinesToBlocks([lines]);
    expect(blocks.map((b) => b.text)).toEqual(['关于加强乡村学校建设的通知', '各乡镇人民政府，县直有关部门：', '为改善乡村学校办学条件，提高义务教育质量，经县政府同意，现就加强乡村学校建设的有关事项通知如下，请认真贯彻执行。']);
  });
  test('every block says it came from OCR, with its confidence and unsure words', () => {
    const unsure = page([line([...words(['完成'], 220, 300, h), ...words(['5O'], 220 + 2 * h + 2, 300, h, {}, 41), ...words(['所'], 220 + 4 * h + 4, 300, h)])]);
    const ls = ocrPageLines(unsure);
    const blocks = markOcrBlocks(pageLinesToBlocks([ls]), ls, new Set([1]));
    expect(blocks[0]).toMatchObject({ source: 'ocr', text: '完成5O所', lowConfidence: ['5O'] });
    expect(blocks[0].confidence).toBeLessThan(92);
    expect(41).toBeLessThan(LOW_CONFIDENCE);
  });
  test('blocks of pages with a text layer stay as they were', () => {
    const blocks = markOcrBlocks([{ text: '正文', page: 2 }], [], new Set([1]));
    expect(blocks[0].source).toBeUndefined();
  });
});

describe('sizes', () => {
  test('body lines measured a point or two apart are one size; a title keeps its own', () => {
    expect(snapSizes([15, 14.5, 16.5, 15.5, 22, 21, 15])).toEqual([15.5, 15.5, 15.5, 15.5, 22, 22, 15.5]);
  });
});

describe('the seal over the signature', () => {
  test('very unsure non-digit words low on the page go; the date and confident words stay', () => {
    const p = page([
      line(words(['县农业农村局'], 900, 1700, 44)),
      line([...words(['2025年'], 900, 1780, 44), ...words(['@#'], 1200, 1780, 44, {}, 12), ...words(['1月23日'], 1300, 1780, 44)]),
      line(words(['业'], 200, 300, 44, {}, 20)),
    ]);
    const out = dropSealNoise(p);
    expect(out.lines.map((l) => l.words.map((w) => w.text).join(''))).toEqual(['县农业农村局', '2025年1月23日', '业']);
  });
});

describe('page images', () => {
  /** An RGBA page of `w`×`h` white pixels with filled boxes of a colour. */
  function image(w: number, h: number, boxes: [x: number, y: number, bw: number, bh: number, rgb: [number, number, number]][]) {
    const data = new Uint8ClampedArray(w * h * 4).fill(255);
    for (const [x, y, bw, bh, [r, g, b]] of boxes)
      for (let j = y; j < y + bh; j++)
        for (let i = x; i < x + bw; i++) data.set([r, g, b, 255], (j * w + i) * 4);
    return data;
  }
  const RED: [number, number, number] = [210, 40, 40];
  const BLACK: [number, number, number] = [20, 20, 20];

  test('a square patch of red (a seal) is dropped to white; a red line of text stays dark', () => {
    const w = 400;
    const data = image(w, 560, [[250, 400, 90, 90, RED], [40, 40, 320, 14, RED], [40, 200, 300, 12, BLACK]]);
    const dropped = dropRedInk(data, w, 560);
    const at = (x: number, y: number) => data[(y * w + x) * 4];
    expect(at(290, 440)).toBeGreaterThanOrEqual(200); // the seal
    expect(at(100, 46)).toBeLessThan(128); // the red masthead line
    expect(at(100, 205)).toBeLessThan(40); // black text
    expect(dropped).toBeGreaterThan(0.03);
  });

  test('the height of text lines is measured from rows of ink', () => {
    const w = 300;
    const boxes: [number, number, number, number, [number, number, number]][] = [];
    for (let k = 0; k < 6; k++) boxes.push([20, 30 + k * 60, 250, 36, BLACK]);
    const data = image(w, 420, boxes);
    expect(textLineHeight(data, w, 420)).toBe(36);
    expect(textLineHeight(image(w, 100, []), w, 100)).toBe(0);
  });

  test('a page read as noise may lie on its side', () => {
    expect(looksMisoriented({ ...page([line(words(['一', '丨'], 100, 100, 40, {}, 30))]), confidence: 30 })).toBe(true);
    const good = page(Array.from({ length: 20 }, (_, k) => line(words(['各地要加强组织领导'], 200, 200 + k * 60))));
    expect(looksMisoriented(good)).toBe(false);
  });
});
