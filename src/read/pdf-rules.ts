// The rules (borders) drawn on a PDF page, from pdf.js's operator list: stroked lines, stroked
// boxes and thin filled bars — Word and WPS draw cell borders all three ways. Shading and page
// backgrounds (filled areas) and clipping paths are not rules. Pure: the operator codes come in.

/** An axis-aligned rule in page space: `pos` is its y (horizontal) or x (vertical), from..to along it. */
export interface Rule {
  horizontal: boolean;
  pos: number;
  from: number;
  to: number;
}

/** The operator codes this file needs (pdf.js OPS), passed in so tests need not load pdf.js. */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  endPath: number;
  fill: number;
  eoFill: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF's "cm" pre-multiplies the current matrix)
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A cell border is at most this thick when drawn as a filled bar (points). */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter strokes are underlines, bullets or glyph parts, not borders. */
const MIN_RULE_LENGTH = 4;

/**
 * The rules drawn on a page: pdf.js 5 hands every path as constructPath [paintOp, [Float32Array of
 * DrawOPS], minMax] in user space, so the current matrix is tracked through save/restore/cm and
 * form XObjects. Clipping paths (endPath) draw nothing.
 */
export function rulesFromOperatorList(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OpCodes): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args.slice(0, 6) as Matrix);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as ArrayLike<number> | null;
      if (m && m.length === 6) ctm = multiply(ctm, Array.from(m) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      if (paint === ops.endPath) continue;
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!data) continue;
      const filled = paint === ops.fill || paint === ops.eoFill;
      for (const sub of subpaths(data)) rules.push(...rulesOfSubpath(sub.map(([x, y]) => apply(ctm, x, y)), filled));
    }
  }
  return rules;
}

/** DrawOPS: moveTo 0 (x y), lineTo 1 (x y), curveTo 2 (6), quadraticCurveTo 3 (4), closePath 4. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let k = 0; k < data.length; ) {
    const op = data[k];
    if (op === 0) {
      if (cur.length) out.push(cur);
      cur = [[data[k + 1], data[k + 2]]];
      k += 3;
    } else if (op === 1) {
      cur.push([data[k + 1], data[k + 2]]);
      k += 3;
    } else if (op === 2) {
      // a curve is no border: end the subpath here
      if (cur.length) out.push(cur);
      cur = [[data[k + 5], data[k + 6]]];
      k += 7;
    } else if (op === 3) {
      if (cur.length) out.push(cur);
      cur = [[data[k + 3], data[k + 4]]];
      k += 5;
    } else {
      if (cur.length > 2) cur.push(cur[0]);
      k += 1;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

function rulesOfSubpath(pts: [number, number][], filled: boolean): Rule[] {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  if (filled) {
    // a filled bar is a border only when thin; a filled area (shading, a page background) is not
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) return [{ horizontal: true, pos: (Math.max(...ys) + Math.min(...ys)) / 2, from: Math.min(...xs), to: Math.max(...xs) }];
    if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) return [{ horizontal: false, pos: (Math.max(...xs) + Math.min(...xs)) / 2, from: Math.min(...ys), to: Math.max(...ys) }];
    return [];
  }
  const out: Rule[] = [];
  for (let k = 1; k < pts.length; k++) {
    const [x1, y1] = pts[k - 1];
    const [x2, y2] = pts[k];
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x2 - x1) >= MIN_RULE_LENGTH) out.push({ horizontal: true, pos: y1, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y2 - y1) >= MIN_RULE_LENGTH) out.push({ horizontal: false, pos: x1, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
  return out;
}
