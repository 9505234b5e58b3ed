// Digits under a seal read again against the notice's own clean digits (src/read/ocr-glyphs.ts).
// The digits here are drawn as seven-segment shapes: 2 and 3 differ only in their lower left and
// lower right strokes, so what the seal hides decides what can be told apart, and the tests say
// which way each case must go.
import { describe, expect, test } from 'vitest';
import type { OcrLine, OcrPage, OcrWord } from '../../src/read/ocr.js';
import { digitSamples, pack, rereadSealedDigits, sealedBands, unpack, type GlyphSample, type PageInk, type SealedBand } from '../../src/read/ocr-glyphs.js';

const W = 14;
const H = 24;
const T = 3;
type Seg = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
const SEGMENTS: Record<string, Seg[]> = {
  '0': ['a', 'b', 'c', 'd', 'e', 'f'],
  '1': ['b', 'c'],
  '2': ['a', 'b', 'g', 'e', 'd'],
  '3': ['a', 'b', 'g', 'c', 'd'],
  '4': ['f', 'g', 'b', 'c'],
  '5': ['a', 'f', 'g', 'c', 'd'],
  '6': ['a', 'f', 'g', 'e', 'd', 'c'],
  '7': ['a', 'b', 'c'],
  '8': ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
  '9': ['a', 'b', 'c', 'd', 'f', 'g'],
};
function inSegment(s: Seg, x: number, y: number): boolean {
  const mid = H / 2;
  switch (s) {
    case 'a': return y < T;
    case 'd': return y >= H - T;
    case 'g': return y >= mid - 1 && y <= mid + 1;
    case 'b': return x >= W - T && y <= mid;
    case 'c': return x >= W - T && y >= mid;
    case 'f': return x < T && y <= mid;
    case 'e': return x < T && y >= mid;
  }
}
const lit = (c: string, x: number, y: number) => SEGMENTS[c].some((s) => inSegment(s, x, y));

function glyph(c: string): GlyphSample {
  const px = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) px[y * W + x] = lit(c, x, y) ? 1 : 0;
  return { c, ...pack({ w: W, h: H, px }) };
}

/** A band of digits (ink 1) with a hidden rectangle per glyph where asked. */
function band(chars: string, hide: Record<number, (x: number, y: number) => boolean> = {}) {
  const w = 20 * chars.length + 20;
  const h = 40;
  const ink = new Uint8Array(w * h);
  const hidden = new Uint8Array(w * h);
  [...chars].forEach((c, i) => {
    const gx = 10 + i * 20;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const k = (8 + y) * w + gx + x;
        if (hide[i]?.(x, y)) hidden[k] = 1;
        else ink[k] = lit(c, x, y) ? 1 : 0;
      }
  });
  return { w, h, ink, hidden, at: (i: number) => 10 + i * 20 };
}

const word = (text: string, x0: number, x1: number, confidence = 95): OcrWord => ({ text, confidence, x0, y0: 100, x1, y1: 130 });

/** Page 1 prints every digit clean; page 2 holds the sealed line `read` over the ink of `truth`. */
function pages(truth: string, read: string[], hide: Record<number, (x: number, y: number) => boolean>, boxes?: [number, number][], classes = '0123456789'): OcrPage[] {
  const b = band(truth, hide);
  let k = 0;
  const digits: SealedBand['digits'] = [];
  read.forEach((text, wi) =>
    [...text].forEach((_c, ci) => {
      // the OCR's boxes stand a little right of the ink, as tesseract's do
      const [x0, x1] = boxes?.[k] ?? [b.at(k) + 3, b.at(k) + W + 3];
      digits.push({ word: wi, at: ci, x0, x1 });
      k++;
    }),
  );
  const line: OcrLine = { words: read.map((t, i) => word(t, 100 + i * 40, 130 + i * 40, 50)), confidence: 50, x0: 100, y0: 100, x1: 400, y1: 130 };
  const sealed: SealedBand = { line: 0, x0: 90, y0: 92, ink: pack({ w: b.w, h: b.h, px: b.ink }), hidden: pack({ w: b.w, h: b.h, px: b.hidden }), digits };
  const base = { dpi: 300, width: 2480, height: 3508, confidence: 90 };
  return [
    { page: 1, ...base, lines: [], glyphs: [...classes].map(glyph) },
    { page: 2, ...base, lines: [line], sealed: [sealed] },
  ];
}
const text = (p: OcrPage[]) => p[1].lines[0].words.map((w) => w.text).join('|');

describe('a digit under a seal, read again', () => {
  // lower left of the glyph: where a 2 has its stroke and a 3 has none
  const lowerLeft = (x: number, y: number) => x < W / 2 && y > H / 2;

  test('a 3 whose lower left lies under the seal, read as 2, is a 3 again: its lower right stroke shows', () => {
    expect(text(rereadSealedDigits(pages('2023', ['2022'], { 3: lowerLeft })))).toBe('2023');
  });

  test('a 5 read as 4 with its top under the seal: what shows is a 5', () => {
    const topHalfRight = (x: number, y: number) => x > W / 2 && y < H / 2;
    expect(text(rereadSealedDigits(pages('25', ['24'], { 1: topHalfRight })))).toBe('25');
  });

  test('a digit the notice prints nowhere clean is never put in place, nor replaced', () => {
    // no template of 2: the OCR's 2 cannot be weighed against the 3 the ink shows
    expect(text(rereadSealedDigits(pages('2023', ['2022'], { 3: lowerLeft }, undefined, '013456789')))).toBe('2022');
  });

  test('a digit read as two ("3" read "32", its halves apart) is one again', () => {
    const b = band('123');
    const boxes: [number, number][] = [[b.at(0) + 3, b.at(0) + 17], [b.at(1) + 3, b.at(1) + 17], [b.at(2) + 2, b.at(2) + 9], [b.at(2) + 9, b.at(2) + 16]];
    expect(text(rereadSealedDigits(pages('123', ['12', '32'], { 2: lowerLeft }, boxes)))).toBe('12|3');
  });

  test('a notice with digits of fewer than five kinds printed clean is left as read', () => {
    expect(text(rereadSealedDigits(pages('2023', ['2022'], { 3: lowerLeft }, undefined, '0123')))).toBe('2022');
  });

  test('pages without a sealed line come back as they were', () => {
    const p = pages('2023', ['2022'], {});
    const plain = [p[0], { ...p[1], sealed: undefined }];
    expect(rereadSealedDigits(plain)).toBe(plain);
  });
});

describe('what a page keeps while it is read', () => {
  // a grey page (one byte a pixel) with digits drawn where the words say
  function page(words: { text: string; x: number; symbols?: boolean }[], y = 100) {
    const width = 600;
    const height = 300;
    const data = new Uint8ClampedArray(width * height).fill(255);
    const ocrWords: OcrWord[] = words.map(({ text, x, symbols = true }) => {
      const chars = [...text];
      chars.forEach((c, i) => {
        if (!SEGMENTS[c]) {
          // a Chinese character: a box taller than the digits
          for (let yy = y - 6; yy < y + H + 6; yy++) for (let xx = x + i * 20; xx < x + i * 20 + 26; xx++) if (yy === y - 6 || xx === x + i * 20 || yy === y + H + 5) data[yy * width + xx] = 0;
          return;
        }
        for (let yy = 0; yy < H; yy++) for (let xx = 0; xx < W; xx++) if (lit(c, xx, yy)) data[(y + yy) * width + x + i * 20 + xx] = 0;
      });
      return {
        text,
        confidence: 95,
        x0: x + 4,
        y0: y - 2,
        x1: x + chars.length * 20 + 2,
        y1: y + H + 2,
        ...(symbols ? { symbols: chars.map((c, i) => ({ text: c, x0: x + i * 20 + 4, x1: x + i * 20 + 18 })) } : {}),
      };
    });
    const img: PageInk = { width, height, data, stride: 1, hidden: new Uint8Array(width * height) };
    const line: OcrLine = { words: ocrWords, confidence: 95, x0: ocrWords[0].x0, y0: y - 2, x1: ocrWords[ocrWords.length - 1].x1, y1: y + H + 2 };
    const p: OcrPage = { page: 1, dpi: 300, width, height, confidence: 95, lines: [line] };
    return { p, img };
  }

  test('numbers of two digits or more give their digits as templates, a lone digit beside them too', () => {
    const { p, img } = page([{ text: '2025', x: 20 }, { text: '7', x: 200 }]);
    const got = digitSamples(p, img, []);
    expect(got.map((g) => g.c).join('')).toBe('20257');
    // each is the digit's own shape
    const two = unpack(got[0]);
    expect(two.h).toBe(28);
    expect(two.px.some((v) => v === 1)).toBe(true);
  });

  test('a lone digit on a line without numbers gives none; a number under a seal gives none', () => {
    expect(digitSamples(page([{ text: '7', x: 200 }]).p, page([{ text: '7', x: 200 }]).img, [])).toEqual([]);
    const { p, img } = page([{ text: '2025', x: 20 }]);
    expect(digitSamples(p, img, [{ x0: 0, y0: 0, x1: 300, y1: 300 }])).toEqual([]);
  });

  test('a date line under a seal is kept with its digits; a line under no seal, or with no date, is not', () => {
    const { p, img } = page([{ text: '2025', x: 20 }, { text: '年', x: 110 }, { text: '1', x: 150 }, { text: '月', x: 180 }]);
    const seal = { x0: 100, y0: 50, x1: 300, y1: 200 };
    const bands = sealedBands(p, img, [seal]);
    expect(bands).toHaveLength(1);
    expect(bands[0].digits.map((d) => `${d.word}.${d.at}`)).toEqual(['0.0', '0.1', '0.2', '0.3', '2.0']);
    expect(sealedBands(p, img, [])).toEqual([]);
    const plain = page([{ text: '2025', x: 20 }, { text: '12', x: 150 }]);
    expect(sealedBands(plain.p, plain.img, [seal])).toEqual([]);
  });
});
