// Test helpers: a corpus PDF made into a sealed scan. Every page is drawn by pdf.js, a red seal is
// stamped over the signature date as GB/T 9704-2012 §7.3.5.1 has it (the signature and the date in
// the seal's lower part), and the pages are written as an image-only PDF (one JPEG per page, the
// way phone scan apps and copiers write them). No font is needed: the seal is drawn in strokes.
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { drawPdfPage, openPdf } from './render.js';

/** Where a line of text whose characters (spaces aside) are `needle` stands: page and box in points from the top left. */
export async function locateLine(file: string, needle: string): Promise<{ page: number; pages: number; x0: number; x1: number; top: number; bottom: number } | null> {
  const doc = await openPdf(file);
  const want = needle.replace(/\s+/gu, '');
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const rows = new Map<number, { str: string; x: number; w: number; h: number; y: number }[]>();
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const y = Math.round(it.transform[5]);
        const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
        rows.set(key, [...(rows.get(key) ?? []), { str: it.str, x: it.transform[4], w: it.width, h: it.height || Math.abs(it.transform[3]), y }]);
      }
      for (const items of rows.values()) {
        items.sort((a, b) => a.x - b.x);
        if (items.map((i) => i.str).join('').replace(/\s+/gu, '') !== want) continue;
        const h = Math.max(...items.map((i) => i.h));
        const base = items[0].y;
        return { page: n, pages: doc.numPages, x0: items[0].x, x1: Math.max(...items.map((i) => i.x + i.w)), top: height - base - h, bottom: height - base };
      }
    }
    return null;
  } finally {
    await doc.destroy();
  }
}

/** How the seal's ink lies on the toner: opaque over it (the black under a stroke is lost), or mixed with it (it shows dark). */
export type SealInk = 'over' | 'multiply';

/**
 * A round seal of 4.2 cm: a ring, a star in the middle, and the ring's characters as short strokes,
 * drawn so that the line at `lineY` (the date) crosses the seal's lower part.
 */
export function stampSeal(ctx: SKRSContext2D, cx: number, lineY: number, dpi: number, ink: SealInk): void {
  const r = (2.1 / 2.54) * dpi;
  const cy = lineY - r * 0.35;
  ctx.save();
  ctx.globalCompositeOperation = ink === 'multiply' ? 'multiply' : 'source-over';
  ctx.globalAlpha = ink === 'multiply' ? 1 : 0.92;
  ctx.strokeStyle = 'rgb(220,30,35)';
  ctx.fillStyle = 'rgb(220,30,35)';
  ctx.lineWidth = r * 0.07;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.stroke();
  // the star
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r * 0.3 : r * 0.12;
    ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  // the ring's characters, from 8 to 4 o'clock over the top: three strokes each
  ctx.lineWidth = r * 0.045;
  for (let k = 0; k < 11; k++) {
    const a = Math.PI * (0.8 + (1.4 * k) / 10);
    const gx = cx + r * 0.72 * Math.cos(a);
    const gy = cy + r * 0.72 * Math.sin(a);
    const s = r * 0.13;
    ctx.beginPath();
    ctx.moveTo(gx - s, gy - s * 0.6);
    ctx.lineTo(gx + s, gy - s * 0.6);
    ctx.moveTo(gx, gy - s);
    ctx.lineTo(gx, gy + s);
    ctx.moveTo(gx - s * 0.8, gy + s * 0.7);
    ctx.lineTo(gx + s * 0.8, gy + s * 0.5);
    ctx.stroke();
  }
  ctx.restore();
}

/** A PDF whose pages are the JPEG images given, each on an A4-sized page: no text of its own. */
export function imagePdf(pages: { jpeg: Buffer; width: number; height: number }[]): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  const object = (id: number, body: (Buffer | string)[]) => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    body.forEach(push);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = pages.map((_, k) => `${3 + k * 3} 0 R`).join(' ');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  pages.forEach((p, k) => {
    const [page, image, content] = [3 + k * 3, 4 + k * 3, 5 + k * 3];
    const draw = `q 595 0 0 842 0 0 cm /Im0 Do Q`;
    object(page, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`]);
    object(image, [`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`, p.jpeg, '\nendstream']);
    object(content, [`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
  });
  const xref = length;
  const count = 3 + pages.length * 3;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/**
 * The PDF as a scan: its pages (all, or the first, the date's page and `more`) drawn at `dpi`, the
 * seal over the line `dateLine` unless `ink` is null (the same scan without a seal).
 */
export async function sealedScan(file: string, dateLine: string, dpi: number, ink: SealInk | null, only?: { more?: number[] }): Promise<Buffer> {
  const at = await locateLine(file, dateLine);
  if (!at) throw new Error(`${dateLine} not found in ${file}`);
  const keep = only ? new Set([1, at.page, ...(only.more ?? [])]) : null;
  const pages: { jpeg: Buffer; width: number; height: number }[] = [];
  for (let n = 1; n <= at.pages; n++) {
    if (keep && !keep.has(n)) continue;
    const canvas: Canvas = await drawPdfPage(file, n, dpi);
    if (n === at.page && ink) {
      const k = dpi / 72;
      stampSeal(canvas.getContext('2d'), ((at.x0 + at.x1) / 2) * k, ((at.top + at.bottom) / 2) * k, dpi, ink);
    }
    pages.push({ jpeg: await canvas.encode('jpeg', 88), width: canvas.width, height: canvas.height });
  }
  return imagePdf(pages);
}
