// A minimal PDF writer for tests: pages of text and ruled lines, nothing else. Chinese text is set
// in the non-embedded STSong-Light with the predefined UniGB-UCS2-H CMap (every PDF reader knows
// it; pdf.js maps it back to Unicode from the CMaps it ships), Latin text in Helvetica.

export interface PdfText {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** A stroked line from (x1, y1) to (x2, y2), or a box when `box` is set (drawn with "re"). */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  box?: boolean;
  /** draw as a thin filled bar (how Word exports cell borders) */
  bar?: boolean;
}

export interface PdfPage {
  texts: PdfText[];
  rules?: PdfRule[];
  width?: number;
  height?: number;
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/u.test(s);

function textOp(t: PdfText): string {
  const size = t.size ?? 10;
  if (isAscii(t.text)) {
    const esc = t.text.replace(/[\\()]/gu, (c) => `\\${c}`);
    return `BT /F1 ${size} Tf 1 0 0 1 ${t.x} ${t.y} Tm (${esc}) Tj ET`;
  }
  const hex = [...t.text].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  return `BT /F2 ${size} Tf 1 0 0 1 ${t.x} ${t.y} Tm <${hex}> Tj ET`;
}

function ruleOp(r: PdfRule): string {
  if (r.bar) {
    const horizontal = Math.abs(r.y1 - r.y2) < 0.01;
    return horizontal ? `${r.x1} ${r.y1 - 0.25} ${r.x2 - r.x1} 0.5 re f` : `${r.x1 - 0.25} ${Math.min(r.y1, r.y2)} 0.5 ${Math.abs(r.y2 - r.y1)} re f`;
  }
  if (r.box) return `${r.x1} ${r.y1} ${r.x2 - r.x1} ${r.y2 - r.y1} re S`;
  return `${r.x1} ${r.y1} m ${r.x2} ${r.y2} l S`;
}

export function makePdf(pages: PdfPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /FontDescriptor 6 0 R >>');
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const kids: number[] = [];
  for (const p of pages) {
    const content = ['0.5 w', ...(p.rules ?? []).map(ruleOp), ...p.texts.map(textOp)].join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.width ?? 595} ${p.height ?? 842}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A ruled grid: column edges `xs`, row edges `ys` (top first), cell texts by row; a cell given as
 * null is merged with the cell above it (no rule between them).
 */
export function ruledTable(xs: number[], ys: number[], cells: (string | null)[][], size = 10): { texts: PdfText[]; rules: PdfRule[] } {
  const texts: PdfText[] = [];
  const rules: PdfRule[] = [];
  rules.push({ x1: xs[0], y1: ys[0], x2: xs[xs.length - 1], y2: ys[0] });
  rules.push({ x1: xs[0], y1: ys[ys.length - 1], x2: xs[xs.length - 1], y2: ys[ys.length - 1] });
  for (const x of xs) rules.push({ x1: x, y1: ys[0], x2: x, y2: ys[ys.length - 1] });
  for (let r = 1; r < ys.length - 1; r++) {
    for (let c = 0; c < xs.length - 1; c++) {
      // the rule above row r in column c, unless that cell is merged with the one above
      if (cells[r]?.[c] !== null) rules.push({ x1: xs[c], y1: ys[r], x2: xs[c + 1], y2: ys[r] });
    }
  }
  cells.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text) texts.push({ text, x: xs[c] + 3, y: ys[r + 1] + 4, size });
    }),
  );
  return { texts, rules };
}
