// A scan's last page, on made-up boxes: a QR code or logo read as digits must not set the text
// column's edge (every body line would then end "short" and its paragraph fall apart), the gaps
// tesseract leaves between narrow character boxes are no spaces, and the 落款 set right of the
// page centre is marked so structure can tell it by its place. No OCR engine here, only geometry.
import { describe, expect, test } from 'vitest';
import { buildResult } from '../../src/extract/index.js';
import type { Block } from '../../src/model.js';
import { normalizeDocument } from '../../src/normalize/index.js';
import { dropPictureNoise, lineText, markOcrBlocks, ocrPageLines, pageNumberLines, type OcrPdfLine } from '../../src/read/ocr-layout.js';
import type { OcrLine, OcrPage, OcrWord } from '../../src/read/ocr.js';
import { pageLinesToBlocks } from '../../src/read/pdf.js';
import { ocrSignatureBlocks } from '../../src/structure/closing.js';

// an A4 page at 200 dpi (1654 × 2339 px): margin 220 px, text column 1220 px wide, characters 44 px
const H = 44;
const LEFT = 220;
const COLUMN = 1220;
/** characters a full body line holds */
const PER = 31;

/** One line of words, each character one `h` wide, words 2 px apart (+ `gaps` before word i). */
function line(texts: string[], x: number, y: number, h = H, conf = 90, gaps: Record<number, number> = {}): OcrLine {
  let at = x;
  const ws: OcrWord[] = texts.map((t, i) => {
    at += gaps[i] ?? 0;
    const w = { text: t, confidence: conf, x0: at, y0: y, x1: at + [...t].length * h, y1: y + h };
    at = w.x1 + 2;
    return w;
  });
  return { words: ws, confidence: conf, x0: ws[0].x0, y0: y, x1: ws[ws.length - 1].x1, y1: y + h };
}

const page = (lines: OcrLine[], n = 1): OcrPage => ({ page: n, dpi: 200, width: 1654, height: 2339, confidence: 88, lines });

// a paragraph of a made-up notice, cut into lines of PER characters
const PARAGRAPH = [
  '各县区要加强组织领导，建立健全河湖长制工作机制，县级水利部门牵',
  '头会同生态环境等部门尽快制定本地实施方案，并报市水利局备案后实',
  '施。要加强部门协同，各地出台的河道管理政策，要体现系统治理要求',
  '，确保上下游、左右岸、干支流相关政策取向一致；乡镇和村两级要围',
  '绕巡河护河加强协同，推动形成齐抓共管的良好局面。各级水利部门要',
  '会同财政部门，对河湖治理项目优先安排资金；要加强政策宣传解读和',
  '业务培训，切实提升群众知晓度和参与度。',
];

describe('a QR code read as digits does not set the text column', () => {
  const body = (extra: OcrLine[]) =>
    page([
      line(['一、工作要求'], LEFT + 2 * H, 200),
      ...PARAGRAPH.map((t, k) => (k === PARAGRAPH.length - 1 ? line([t], LEFT, 280 + k * 70) : line([t], LEFT, 280 + k * 70, COLUMN / PER))),
      ...extra,
    ]);
  const qr = line(['00000', '00'], 1320, 2280, 24, 67, { 1: 40 });
  const logo = line(['Ss|l'], 1400, 30, 30, 70);

  test.each<[string, OcrLine[]]>([
    ['nothing else on the page', []],
    ['a QR code read as digits in the bottom right corner, outside the column', [qr]],
    ['a logo read as letters in the top margin', [logo]],
  ])('%s: the paragraph stays one block', (_name, extra) => {
    const blocks = pageLinesToBlocks([ocrPageLines(body(extra))]);
    expect(blocks.map((b) => b.text)).toEqual(['一、工作要求', PARAGRAPH.join('')]);
  });

  test('a last page of few lines takes the document\'s column: a QR code on it spoils nothing', () => {
    const first = body([]);
    const last = page([line([PARAGRAPH[0]], LEFT, 200, COLUMN / PER), line([PARAGRAPH[6]], LEFT, 270), qr], 2);
    const blocks = pageLinesToBlocks([ocrPageLines(first), ocrPageLines(last)]);
    expect(blocks.map((b) => b.text)).toEqual(['一、工作要求', PARAGRAPH.join(''), PARAGRAPH[0] + PARAGRAPH[6]]);
  });
});

describe('dropPictureNoise', () => {
  const at = (text: string, x: number, right: number, y: number, size = 16): OcrPdfLine => ({ text, x, right, y, size, page: 1, confidence: 80, low: [], pageWidth: 595 });
  const han = [at('为进一步做好秋冬季森林防火工作，现将有关事项', 80, 500, 700), at('通知如下。各地要落实属地责任，加强巡山护林', 80, 500, 672), at('和火源管控，确保不发生重大森林火灾。', 80, 380, 644)];
  test.each<[string, OcrPdfLine, boolean]>([
    ['digits standing out to the right of the column (a QR code)', at('00000 00', 482, 570, 19, 9.5), false],
    ['letters in the bottom margin inside the column (a barcode)', at('ll1Il 0O', 250, 330, 20), false],
    ['marks in the top margin (a logo)', at('@ S', 90, 140, 820), false],
    ['a page number under the text', at('—3—', 280, 310, 60), true],
    ['a bare page number', at('12', 290, 300, 60), true],
    ['a date written with dots under the signature, inside the column', at('2024.4.23', 360, 450, 560), true],
    ['a web address on its own line inside the column', at('http://www.example.gov.cn/zwgk', 80, 330, 616), true],
    ['figures of a table row inside the column', at('12 35 470 18.5', 80, 420, 616), true],
    ['a Chinese line outside the column (kept: not a picture)', at('扫描全能王 创建', 480, 580, 15), true],
  ])('%s → kept: %s', (_name, l, kept) => {
    expect(dropPictureNoise([...han, l], 842).includes(l)).toBe(kept);
  });
  test('a page with one or two Chinese lines has no column to stand out of: only the margins count', () => {
    const date = at('2024.4.23', 420, 520, 560);
    expect(dropPictureNoise([han[2], date], 842)).toEqual([han[2], date]);
    expect(dropPictureNoise([han[2], date, at('00000 00', 482, 570, 19, 9.5)], 842)).toEqual([han[2], date]);
  });
});

describe('a page number read with a dash lost', () => {
  const at = (text: string, y: number): OcrPdfLine => ({ text, x: 280, right: 320, y, size: 12, page: 3, confidence: 46, low: [], pageWidth: 595 });
  test.each<[string, string, string]>([
    ['3一', '—3—', 'the first dash lost, the second read as 一'],
    ['_ 1 一', '—1—', 'an underscore and a 一'],
    ['- 12', '—12—', 'one hyphen'],
    ['一 4 一', '—4—', 'both read as 一'],
    ['2024', '2024', 'a bare number is left to the page-number rule'],
  ])('%s → %s (%s)', (text, want) => {
    const out = pageNumberLines([at('各地要加强组织领导，确保各项任务落实到位。', 700), at(text, 76)]);
    expect(out[1].text).toBe(want);
  });
  test('only at the foot or the head of the page', () => {
    const mid = at('3一', 400);
    expect(pageNumberLines([at('第一行', 700), mid, at('最后一行', 100)])[1].text).toBe('3一');
  });
  test('the paragraph it cut off goes on into the next page', () => {
    const p1 = page([
      ...PARAGRAPH.slice(0, 3).map((t, k) => line([t], LEFT, 300 + k * 70, COLUMN / PER)),
      line(['3', '一'], 780, 2200, 30, 46, { 1: 4 }),
    ], 1);
    const p2 = page([...PARAGRAPH.slice(3).map((t, k) => (k === 3 ? line([t], LEFT, 300 + k * 70) : line([t], LEFT, 300 + k * 70, COLUMN / PER)))], 2);
    const blocks = pageLinesToBlocks([ocrPageLines(p1), ocrPageLines(p2)]);
    expect(blocks.map((b) => b.text)).toEqual([PARAGRAPH.join('')]);
  });
});

describe('lineText: the gaps between narrow character boxes', () => {
  /** Words of one line, each character at a pitch of 44 px in a box `w` px wide; extra px before word i. */
  const narrow = (texts: string[], w: number, extra: Record<number, number> = {}): OcrWord[] => {
    let at = 100;
    return texts.map((t, i) => {
      at += extra[i] ?? 0;
      const n = [...t].length;
      const word = { text: t, confidence: 88, x0: at, y0: 300, x1: at + (n - 1) * 44 + w, y1: 340 };
      at += n * 44;
      return word;
    });
  };
  test.each<[string, OcrWord[], string]>([
    ['boxes 12–20 px wide for 40 px characters: gaps of up to 0.8 of a character', narrow([...'切实提升政策知晓度'], 12), '切实提升政策知晓度'],
    ['boxes 30 px wide', narrow(['推广', '应', '用', '端要', '围绕'], 30), '推广应用端要围绕'],
    ['a signature and its date a few characters apart', narrow(['某县', '人', '民', '政府', '2024年'], 30, { 4: 150 }), '某县人民政府 2024年'],
    ['joint issuers a character and a half apart', narrow(['中共', '某', '县委', '某县', '人民', '政府'], 36, { 3: 60 }), '中共某县委 某县人民政府'],
  ])('%s', (_name, ws, want) => {
    expect(lineText(ws)).toBe(want);
  });
});

describe('the 落款 of a scan, told by its place', () => {
  const lastPage = page([
    ...PARAGRAPH.slice(4).map((t, k) => (k === 2 ? line([t], LEFT, 200 + k * 70) : line([t], LEFT, 200 + k * 70, COLUMN / PER))),
    // the seal spoiled both lines: no issuer name, no date the rules can parse
    line(['某县水禾', '局公搬'], 900, 520, 60, 45, { 1: 20 }),
    line(['2024年6月152'], 910, 600, H, 59),
    line(['某县水利局办公室', '2024年6月16日印发'], LEFT + H, 900, H, 88, { 1: 300 }),
  ]);
  const lines = ocrPageLines(lastPage);
  const raw = markOcrBlocks(pageLinesToBlocks([lines]), lines, new Set([1]));

  test('the lines right of the page centre are marked; the body and the 版记 are not', () => {
    expect(raw.map((b) => [b.text, b.style?.right === true])).toEqual([
      [PARAGRAPH.slice(4).join(''), false],
      ['某县水禾局公搬', true],
      ['2024年6月152', true],
      ['某县水利局办公室 2024年6月16日印发', false],
    ]);
  });

  test('structure makes them the signature: no task, the body paragraph one task', () => {
    const head: Block[] = [
      { text: '某县水利局关于加强河湖管护工作的通知', page: 1, source: 'ocr', style: { center: true } },
      { text: '各乡镇人民政府：', page: 1, source: 'ocr' },
    ];
    const doc = normalizeDocument({ source: { path: 'scan.pdf', format: 'pdf', sha256: '0' }, blocks: [...head, ...raw], messages: [] });
    const result = buildResult(doc);
    expect(result.tasks.map((t) => t.text).join('')).not.toMatch(/公搬|152|印发/u);
    expect(result.tasks.map((t) => t.text).join('')).toContain('切实提升群众知晓度和参与度。');
  });

  const ocr = (text: string, right = false, pageNo = 3): Block => ({ text, page: pageNo, source: 'ocr', ...(right ? { style: { right: true } } : {}) });
  test.each<[string, Block[], number[]]>([
    ['a spoiled signature and date after the body, then the 版记', [ocr('要加强督促检查，确保各项措施落到实处。'), ocr('某市教禾局', true), ocr('2025年3月1O', true), ocr('抄送：市政府办公室。')], [1, 2]],
    ['after the body at the end of the document', [ocr('请各单位认真贯彻执行。'), ocr('特此通知。'), ocr('某区卫生健康委', true), ocr('2023年9月8', true)], [2, 3]],
    ['before an attachment', [ocr('请于10月底前报送。'), ocr('某县财政局', true), ocr('附件：项目清单'), ocr('1.某某项目')], [1]],
    ['the last lines of a page, the next page beginning another part', [ocr('请于10月底前报送。'), ocr('某县财政局', true), ocr('2024年1月5', true), ocr('某某项目清单', false, 4)], [1, 2]],
    ['a right-set line inside the body (a table\'s unit) is body', [ocr('各乡镇完成情况如下。'), ocr('单位：万元', true), ocr('全县共投入资金一千二百万元，完成年度目标。')], []],
    ['a right-set line after a paragraph that runs on is not a signature', [ocr('各乡镇要加强组织'), ocr('某县人民政府', true)], []],
    ['a long sentence set right is no signature', [ocr('请认真执行。'), ocr('各乡镇要在本月底前完成排查整治。', true)], []],
    ['text from a text layer never counts', [{ text: '请认真执行。' }, { text: '某县人民政府', style: { right: true } }], []],
  ])('%s', (_name, blocks, want) => {
    expect(ocrSignatureBlocks(blocks, 0)).toEqual(want);
  });
});
