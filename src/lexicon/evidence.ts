// Evidence for units and people (issue 18): the words as written and where they stand in their block.
// The extractor already knows the span of the statement, cell or label line that names a body; inside
// that span the body's own name is looked for, so two bodies of one statement each point at their own
// words. A name the extractor rewrote (a 简称 expanded, a 兼 split) is not in the span as written: it
// then points at the whole span, which is what the notice says about it.
import type { Person, Unit, Where } from '../model.js';

export interface Span {
  block: number;
  /** the block's text, as normalized: where.start/end index into it */
  text: string;
  start: number;
  end: number;
}

/** A fact's words inside a span: its own name from `from` on where written whole, else the span. */
function place(span: Span, words: string[], from: number): { text: string; where: Where; next: number } {
  const inside = span.text.slice(0, span.end);
  for (const at of [Math.max(from, span.start), span.start]) {
    const hit = find(inside, words[0], at);
    if (!hit) continue;
    const k = hit.start;
    // a person's post written right after the name ("董国飞 副县长") is part of the same words
    let end = hit.end;
    for (const w of words.slice(1)) {
      const gap = inside.slice(end).match(/^[\s（(]{0,3}/u)![0];
      if (!w || !inside.startsWith(w, end + gap.length)) break;
      end += gap.length + w.length;
      // "郑凯（县委常委、副县长）": the bracket opened before the post closes after it
      if (/[（(]/u.test(gap) && /[）)]/u.test(inside[end] ?? '')) end++;
    }
    return { text: span.text.slice(k, end), where: { block: span.block, start: k, end, in: 'block' }, next: end };
  }
  return { text: span.text.slice(span.start, span.end), where: { block: span.block, start: span.start, end: span.end, in: 'block' }, next: from };
}

/**
 * A name as written from `at` on: verbatim, else with spaces between its characters, as a PDF line or
 * a typist may space a name out ("县教育 局"; the extractor reads it without them).
 */
function find(text: string, name: string, at: number): { start: number; end: number } | null {
  if (!name) return null;
  const k = text.indexOf(name, at);
  if (k >= 0) return { start: k, end: k + name.length };
  const spaced = new RegExp([...name].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('\\s*'), 'gu');
  spaced.lastIndex = at;
  const m = spaced.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Units named inside one span, each with its own words. */
export function unitsWithEvidence(units: Unit[], span: Span): Unit[] {
  let from = span.start;
  return units.map((u) => {
    if (u.where) return u;
    const p = place(span, [u.name], from);
    from = p.next;
    return { ...u, text: p.text, where: p.where };
  });
}

/** People named inside one span, each with the name and, where written next to it, the post. */
export function peopleWithEvidence(people: Person[], span: Span): Person[] {
  let from = span.start;
  return people.map((p) => {
    if (p.where) return p;
    const found = place(span, [p.name, p.title ?? ''], from);
    from = found.next;
    return { ...p, text: found.text, where: found.where };
  });
}

/** The page of the block each fact names (set once, when the document's blocks are known). */
export function withPage<T extends { where?: Where }>(facts: T[], pageOf: (block: number) => number | undefined): T[] {
  return facts.map((f) => {
    if (f.where?.block === undefined || f.where.page !== undefined) return f;
    const page = pageOf(f.where.block);
    return page === undefined ? f : { ...f, where: { ...f.where, page } };
  });
}
