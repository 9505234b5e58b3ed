// Digits under a seal, read again against the notice's own digits. GB/T 9704 presses the seal over
// the 成文日期, and a seal's ink printed over the toner (a phone app's scan makes it opaque) hides
// the black under its strokes: the OCR then reads a 3 whose lower half lies under the ring as 2, a 5
// cut by a stroke as 4. Every notice prints its digits elsewhere too (list numbers, years,
// percentages, the 版记's date), in the same fonts, with nothing over them. So while a page is
// read, the digits it prints clean are kept as small bitmaps (templates), and each line under a
// seal that holds a date keeps its ink and where the seal hid it. Once every page is read, each
// digit the OCR saw in such a line is matched against the templates of every digit, counting only
// the pixels the seal left visible; where another digit explains what is visible clearly better
// than the OCR's, it takes its place. The words stay marked as read under a seal: the date is still
// flagged for checking against the paper (src/structure/signature-date.ts).
import type { OcrLine, OcrPage, OcrWord } from './ocr.js';
import { median } from './pdf-lines.js';

/** A bitmap of ink (1) and paper (0), packed 8 pixels to a byte, as base64: small enough for the OCR cache. */
export interface PackedBitmap {
  w: number;
  h: number;
  bits: string;
}

/** A clean digit printed on the page: a template. */
export interface GlyphSample extends PackedBitmap {
  c: string;
}

/** A line under a seal as the page showed it: its ink, and the pixels the seal hid. */
export interface SealedBand {
  line: number;
  x0: number;
  y0: number;
  ink: PackedBitmap;
  hidden: PackedBitmap;
  /** each digit of the line's words (word index, character index) and its columns, in band pixels */
  digits: { word: number; at: number; x0: number; x1: number }[];
}

interface Bitmap {
  w: number;
  h: number;
  px: Uint8Array;
}

/** Ink on the grey page OCR reads: darker than mid-grey. */
const INK = 128;
/** A template is drawn at this height; one digit class keeps at most MAX_SAMPLES of them per page. */
const SAMPLE_HEIGHT = 28;
const MAX_SAMPLES = 4;
/** Templates of one digit kept for a document (the first pages' come first). */
const MAX_TEMPLATES = 8;
/** A word read at least this sure, away from any seal, gives templates. */
const SAMPLE_CONFIDENCE = 85;

export function pack(b: Bitmap): PackedBitmap {
  const bytes = new Uint8Array(Math.ceil((b.w * b.h) / 8));
  for (let i = 0; i < b.px.length; i++) if (b.px[i]) bytes[i >> 3] |= 1 << (i & 7);
  return { w: b.w, h: b.h, bits: Buffer.from(bytes).toString('base64') };
}

export function unpack(p: PackedBitmap): Bitmap {
  const bytes = Buffer.from(p.bits, 'base64');
  const px = new Uint8Array(p.w * p.h);
  for (let i = 0; i < px.length; i++) px[i] = (bytes[i >> 3] >> (i & 7)) & 1;
  return { w: p.w, h: p.h, px };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The grey OCR image of a page (one byte per pixel, or RGBA) and the pixels its seals hid. */
export interface PageInk {
  width: number;
  height: number;
  /** grey value of pixel i at data[i * stride] */
  data: Uint8ClampedArray;
  stride: number;
  hidden?: Uint8Array;
}

const inkAt = (img: PageInk, x: number, y: number) => img.data[(y * img.width + x) * img.stride] < INK;

/** Connected patches of ink (8-neighbour) inside a box of the page. */
function components(img: PageInk, box: Box): Box[] {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(img.width - 1, Math.ceil(box.x1));
  const y1 = Math.min(img.height - 1, Math.ceil(box.y1));
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  if (w <= 0 || h <= 0) return [];
  const seen = new Uint8Array(w * h);
  const out: (Box & { area: number })[] = [];
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const k = (y - y0) * w + (x - x0);
      if (seen[k] || !inkAt(img, x, y)) continue;
      const c = { x0: x, y0: y, x1: x, y1: y, area: 0 };
      const stack = [k];
      seen[k] = 1;
      while (stack.length) {
        const q = stack.pop()!;
        const qx = (q % w) + x0;
        const qy = Math.floor(q / w) + y0;
        c.area++;
        c.x0 = Math.min(c.x0, qx);
        c.x1 = Math.max(c.x1, qx);
        c.y0 = Math.min(c.y0, qy);
        c.y1 = Math.max(c.y1, qy);
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const nx = qx + dx;
            const ny = qy + dy;
            if (nx < x0 || ny < y0 || nx > x1 || ny > y1) continue;
            const n = (ny - y0) * w + (nx - x0);
            if (!seen[n] && inkAt(img, nx, ny)) {
              seen[n] = 1;
              stack.push(n);
            }
          }
      }
      out.push(c);
    }
  return out;
}

/** The box's ink, scaled to `height` rows (a pixel is ink when most of what it covers is). */
function crop(img: PageInk, box: Box, height: number): Bitmap {
  const bw = box.x1 - box.x0 + 1;
  const bh = box.y1 - box.y0 + 1;
  const h = height;
  const w = Math.max(1, Math.round((bw * h) / bh));
  const px = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx0 = box.x0 + (x * bw) / w;
      const sy0 = box.y0 + (y * bh) / h;
      let ink = 0;
      let all = 0;
      for (let sy = Math.floor(sy0); sy < Math.max(Math.floor(sy0) + 1, Math.ceil(sy0 + bh / h)); sy++)
        for (let sx = Math.floor(sx0); sx < Math.max(Math.floor(sx0) + 1, Math.ceil(sx0 + bw / w)); sx++) {
          if (sx > box.x1 || sy > box.y1) continue;
          all++;
          if (inkAt(img, sx, sy)) ink++;
        }
      px[y * w + x] = ink * 2 >= all && all > 0 ? 1 : 0;
    }
  return { w, h, px };
}

const overlaps = (a: Box, b: Box) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/**
 * Templates from one page: each run of two digits or more in a word read sure, away from the seals,
 * whose columns (the OCR's boxes of its characters) hold as many patches of ink as the run has
 * digits, all about as tall (a digit of a 公文's fonts is one stroke of ink; touching digits, a
 * speck or a neighbour's stroke make the count or the heights wrong, and the run gives none). A
 * lone digit ("1月") counts only on a line whose runs told how tall its digits are: its box may
 * hold a stroke of the character beside it, which is not as tall as a digit, or is part of a taller patch.
 */
export function digitSamples(page: OcrPage, img: PageInk, seals: Box[]): GlyphSample[] {
  const out: GlyphSample[] = [];
  const count = new Map<string, number>();
  for (const line of page.lines) {
    const runs: { run: { text: string; x0: number; x1: number }[]; word: OcrWord }[] = [];
    for (const word of line.words) {
      const sym = word.symbols;
      if (!sym || sym.map((c) => c.text).join('') !== word.text) continue;
      if (word.confidence < SAMPLE_CONFIDENCE || seals.some((s) => overlaps(s, word))) continue;
      for (let i = 0; i < sym.length; ) {
        let j = i;
        while (j < sym.length && /^\d$/u.test(sym[j].text)) j++;
        if (j > i) runs.push({ run: sym.slice(i, j), word });
        i = Math.max(j, i + 1);
      }
    }
    const heights: number[] = [];
    for (const r of runs) if (r.run.length >= 2) heights.push(...sampleRun(r.run, r.word, img, out, count));
    if (heights.length === 0) continue;
    for (const r of runs) if (r.run.length === 1) sampleRun(r.run, r.word, img, out, count, median(heights));
  }
  return out;
}

/**
 * The digits of one run as templates; returns their heights. With `height` (a lone digit), the one
 * patch about that tall is the digit.
 */
function sampleRun(run: { text: string; x0: number; x1: number }[], word: Box, img: PageInk, out: GlyphSample[], count: Map<string, number>, height?: number): number[] {
  // the OCR's boxes of characters stand up to half a character right of their ink, and a run's last
  // box often runs on over what follows ("5" over "5年"): the patches are looked for a character
  // wide around the run, and those whose middle lies in it are its digits
  const widths = run.map((c) => c.x1 - c.x0);
  const w = height ? Math.min(...widths, height) : median(widths);
  const last = run[run.length - 1];
  const left = run[0].x0 - w * 0.75;
  const right = Math.min(last.x1, last.x0 + w * 1.2);
  const area = { x0: left - w, y0: word.y0 - 4, x1: right + w, y1: word.y1 + 4 };
  const parts = components(img, area)
    .filter((c) => (c.x0 + c.x1) / 2 >= left && (c.x0 + c.x1) / 2 <= right)
    .sort((a, b) => a.x0 - b.x0);
  if (parts.length === 0) return [];
  const tall = Math.max(...parts.map((c) => c.y1 - c.y0));
  const digits = height ? parts.filter((c) => Math.abs(c.y1 - c.y0 + 1 - height) <= height * 0.1) : parts.filter((c) => c.y1 - c.y0 >= tall * 0.8);
  // specks aside, nothing else may stand in the run; no digit may be cut by the area's edge
  if (digits.length !== run.length || parts.some((c) => !digits.includes(c) && c.y1 - c.y0 > (height ?? tall) * 0.25 && c.y1 - c.y0 + 1 < (height ?? tall) * 1.1)) return [];
  if (digits.some((c) => c.x0 <= Math.ceil(area.x0) || c.x1 >= Math.floor(area.x1) || c.y0 <= Math.ceil(area.y0) || c.y1 >= Math.floor(area.y1))) return [];
  digits.forEach((p, i) => {
    const c = run[i].text;
    if ((count.get(c) ?? 0) >= MAX_SAMPLES) return;
    count.set(c, (count.get(c) ?? 0) + 1);
    out.push({ c, ...pack(crop(img, p, SAMPLE_HEIGHT)) });
  });
  return digits.map((c) => c.y1 - c.y0 + 1);
}

const DATE_LINE = /\d[^年]{0,6}年|年[^月]{0,4}月|月[^日]{0,4}日/u;

/** The lines under a seal that hold a date, kept as they were seen: ink, and what the seal hid. */
export function sealedBands(page: OcrPage, img: PageInk, seals: Box[]): SealedBand[] {
  if (!img.hidden || seals.length === 0) return [];
  const out: SealedBand[] = [];
  page.lines.forEach((line, i) => {
    const text = line.words.map((w) => w.text).join('');
    if (!/\d/u.test(text) || !DATE_LINE.test(text) || !seals.some((s) => overlaps(s, line))) return;
    const pad = Math.round((line.y1 - line.y0) * 0.3);
    const x0 = Math.max(0, line.x0 - pad);
    const y0 = Math.max(0, line.y0 - pad);
    const x1 = Math.min(img.width - 1, line.x1 + pad);
    const y1 = Math.min(img.height - 1, line.y1 + pad);
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const ink = new Uint8Array(w * h);
    const hid = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        ink[y * w + x] = inkAt(img, x0 + x, y0 + y) ? 1 : 0;
        hid[y * w + x] = img.hidden![(y0 + y) * img.width + x0 + x];
      }
    // the pale rim of a red stroke hides as much as the stroke does
    const grown = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        if (!hid[y * w + x]) continue;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < w && ny < h && !ink[ny * w + nx]) grown[ny * w + nx] = 1;
          }
      }
    const digits: SealedBand['digits'] = [];
    line.words.forEach((word, wi) => {
      const chars = [...word.text];
      // the OCR's box of each character where it gave them (a word's box can run far past its last digit)
      const own = word.symbols && word.symbols.map((c) => c.text).join('') === word.text ? word.symbols : undefined;
      const step = (word.x1 - word.x0) / Math.max(1, chars.length);
      chars.forEach((ch, ci) => {
        const sx0 = own ? own[ci].x0 : word.x0 + ci * step;
        const sx1 = own ? own[ci].x1 : word.x0 + (ci + 1) * step;
        if (/\d/u.test(ch)) digits.push({ word: wi, at: ci, x0: sx0 - x0, x1: sx1 - x0 });
      });
    });
    out.push({ line: i, x0, y0, ink: pack({ w, h, px: ink }), hidden: pack({ w, h, px: grown }), digits });
  });
  return out;
}

/** A template drawn at `height` rows. */
function scaled(t: Bitmap, height: number): Bitmap {
  const h = Math.max(4, Math.round(height));
  const w = Math.max(1, Math.round((t.w * h) / t.h));
  const px = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) px[y * w + x] = t.px[Math.min(t.h - 1, Math.floor(((y + 0.5) * t.h) / h)) * t.w + Math.min(t.w - 1, Math.floor(((x + 0.5) * t.w) / w))];
  return { w, h, px };
}

/**
 * How well a template placed at (x, y) explains the band's ink, on the pixels the seal left
 * visible: the correlation of template and ink over them. Undefined when the seal hid more than
 * half of the template's strokes: too little is left to tell digits apart.
 */
function maskedScore(t: Bitmap, band: Bitmap, hidden: Bitmap, x: number, y: number): number | undefined {
  let n = 0;
  let st = 0;
  let so = 0;
  let stt = 0;
  let soo = 0;
  let sto = 0;
  let strokes = 0;
  let seen = 0;
  for (let ty = 0; ty < t.h; ty++)
    for (let tx = 0; tx < t.w; tx++) {
      const bx = x + tx;
      const by = y + ty;
      const tv = t.px[ty * t.w + tx];
      if (tv) strokes++;
      if (bx < 0 || by < 0 || bx >= band.w || by >= band.h) continue;
      const k = by * band.w + bx;
      if (hidden.px[k]) continue;
      if (tv) seen++;
      const ov = band.px[k];
      n++;
      st += tv;
      so += ov;
      stt += tv * tv;
      soo += ov * ov;
      sto += tv * ov;
    }
  if (n === 0 || seen * 2 < strokes) return undefined;
  const cov = sto / n - (st / n) * (so / n);
  const vt = stt / n - (st / n) ** 2;
  const vo = soo / n - (so / n) ** 2;
  if (vt <= 0 || vo <= 0) return 0;
  return cov / Math.sqrt(vt * vo);
}

/** A digit taking another's place must explain the visible ink at least this well, and this much better. */
const MIN_SCORE = 0.5;
const MIN_GAIN = 0.1;

interface Read {
  c: string;
  score: number;
  x: number;
  w: number;
}

/** Each digit's templates drawn at a line's digit height, a little smaller and larger too. */
function scaledTemplates(templates: Map<string, Bitmap[]>, height: number): Map<string, Bitmap[]> {
  return new Map([...templates].map(([c, list]) => [c, list.flatMap((t) => [0.94, 1, 1.06].map((f) => scaled(t, height * f)))]));
}

/** The best digit for the ink around `near` (band pixels): each class's best placement. */
function bestDigits(templates: Map<string, Bitmap[]>, band: Bitmap, hidden: Bitmap, top: number, height: number, near: Box): Read[] {
  const reads: Read[] = [];
  for (const [c, list] of templates) {
    let best: Read | undefined;
    for (const t of list) {
      // the OCR's box of a character stands up to half a character right of its ink
      const from = Math.floor(near.x0 - height * 0.5);
      const to = Math.ceil(Math.max(near.x0, near.x1 - t.w) + height * 0.15);
      for (let x = from; x <= to; x++)
        for (let y = top - 3; y <= top + 3; y++) {
          const s = maskedScore(t, band, hidden, x, y + Math.round((height - t.h) / 2));
          if (s !== undefined && (!best || s > best.score)) best = { c, score: s, x, w: t.w };
        }
    }
    if (best) reads.push(best);
  }
  return reads.sort((a, b) => b.score - a.score);
}


/**
 * Reads again each digit of the sealed date lines (see the top of this file), with the templates of
 * every page of the document. Pages without sealed lines, or a document without templates of at
 * least half the digits, are returned as they were.
 */
export function rereadSealedDigits(pages: OcrPage[]): OcrPage[] {
  if (!pages.some((p) => p.sealed?.length)) return pages;
  const templates = new Map<string, Bitmap[]>();
  // a few of each digit are enough, and keep a long scan's matching short
  for (const p of pages)
    for (const g of p.glyphs ?? []) {
      const list = templates.get(g.c) ?? [];
      if (list.length < MAX_TEMPLATES) templates.set(g.c, [...list, unpack(g)]);
    }
  if (templates.size < 5) return pages;
  return pages.map((p) => {
    if (!p.sealed?.length) return p;
    const lines = [...p.lines];
    for (const s of p.sealed) {
      const line = lines[s.line];
      if (line) lines[s.line] = rereadLine(line, s, templates);
    }
    return { ...p, lines };
  });
}

function rereadLine(line: OcrLine, s: SealedBand, templates: Map<string, Bitmap[]>): OcrLine {
  const band = unpack(s.ink);
  const hidden = unpack(s.hidden);
  const digits = s.digits.map((d) => ({ word: d.word, at: d.at, box: { x0: d.x0, y0: 0, x1: d.x1, y1: band.h - 1 } }));
  if (digits.length === 0) return line;
  // the digit row: rows of the band whose ink lies in digit columns the seal did not touch
  const rows = digitRow(band, hidden, digits.map((d) => d.box));
  if (!rows) return line;
  const drawn = scaledTemplates(templates, rows.height);
  const reads = digits.map((d) => {
    const width = Math.min(d.box.x1 - d.box.x0, rows.height * 0.8);
    const near = { ...d.box, x1: d.box.x0 + Math.max(width, rows.height * 0.4) };
    return bestDigits(drawn, band, hidden, rows.top, rows.height, near);
  });
  // two of the OCR's digits of one word best read as the same digit in the same place are one
  // digit (a 3 whose halves were read as "32")
  const keep = digits.map(() => true);
  for (let i = 1; i < digits.length; i++) {
    const a = reads[i - 1][0];
    const b = reads[i][0];
    if (!a || !b || digits[i].word !== digits[i - 1].word) continue;
    if (a.c === b.c && Math.abs(a.x - b.x) <= rows.height * 0.1 && a.score >= MIN_SCORE) keep[i] = false;
  }
  const words: OcrWord[] = line.words.map((w) => ({ ...w }));
  const texts = words.map((w) => [...w.text]);
  let changed = false;
  digits.forEach((d, i) => {
    const ch = texts[d.word][d.at];
    if (!keep[i]) {
      texts[d.word][d.at] = '';
      changed = true;
      return;
    }
    const best = reads[i][0];
    if (!best || best.c === ch || best.score < MIN_SCORE) return;
    // a digit is only ever put in place of one the templates can also say how well it explains
    const own = reads[i].find((r) => r.c === ch);
    if (!own) return;
    if (best.score - own.score < MIN_GAIN) return;
    texts[d.word][d.at] = best.c;
    changed = true;
  });
  if (!changed) return line;
  words.forEach((w, i) => (w.text = texts[i].join('')));
  return { ...line, words: words.filter((w) => w.text !== '') };
}

/**
 * The top and height of the digits in a band: the ink rows under the digits' boxes, from the boxes
 * the seal hid least of (under a twentieth of the box); else the tallest box's.
 */
function digitRow(band: Bitmap, hidden: Bitmap, boxes: Box[]): { top: number; height: number } | undefined {
  const rows: { top: number; bottom: number; hid: number }[] = [];
  for (const b of boxes) {
    const bx0 = Math.max(0, Math.floor(b.x0));
    const bx1 = Math.min(band.w - 1, Math.ceil(b.x1));
    let top = -1;
    let bottom = -1;
    for (let y = 0; y < band.h; y++)
      for (let x = bx0; x <= bx1; x++)
        if (band.px[y * band.w + x]) {
          if (top < 0) top = y;
          bottom = y;
        }
    if (top < 0 || bottom - top < 4) continue;
    let hid = 0;
    for (let y = top; y <= bottom; y++) for (let x = bx0; x <= bx1; x++) hid += hidden.px[y * band.w + x];
    rows.push({ top, bottom, hid: hid / ((bottom - top + 1) * (bx1 - bx0 + 1)) });
  }
  if (rows.length === 0) return undefined;
  const clean = rows.filter((r) => r.hid < 0.05);
  if (clean.length === 0) {
    const tall = rows.reduce((a, r) => (r.bottom - r.top > a.bottom - a.top ? r : a));
    return { top: tall.top, height: tall.bottom - tall.top + 1 };
  }
  const top = median(clean.map((r) => r.top));
  return { top, height: median(clean.map((r) => r.bottom)) - top + 1 };
}
