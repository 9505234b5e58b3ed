// Cited documents (《标题》(发文字号)) and explicit supersession clauses. The 党政机关公文处理工作条例
// leaves supersession to the text itself: "与本意见不一致的，以本意见为准" keeps the old document in
// force except where it conflicts; "原《…》同时废止" / "自…起施行，…废止" ends it entirely.
import type { Block, DocNumber, Reference, Supersedes } from '../model.js';
import { findDocNumbers } from '../lexicon/doc-numbers.js';
import { endsWithTitleWord, sameTitle } from './titles.js';

export const meta = {
  name: 'citations',
  description: '引用与废止: cited 《title》(number) documents and 以本…为准 / 废止 clauses',
} as const;

/** "与本意见不一致的，以本意见为准", "凡与本方案不符的，按本方案执行", "与本办法相抵触的…". */
const WHERE_INCONSISTENT =
  /(?:不一致|不相一致|不符|相抵触|相冲突|有冲突)[^。；;]*?(?:以本|按本|按照本|依照本|执行本)[^。；;]{0,12}?(?:为准|执行)/u;
/**
 * "原《…》同时废止", "…自印发之日起施行，《…》(…)废止", "不再执行", "停止执行": the ending word must
 * follow the named document (or 原…), so "防止政策失效" and "不得擅自废止" are not supersessions.
 */
const WHOLE = /(?:[》)）号]|^原|[，,；;]原)[^。]{0,40}?(?:废止|失效|不再执行|停止执行)/u;
/** A title in 《》 whose inner 〈〉 may nest one level. */
const TITLE = /《([^《》]{2,120})》/gu;
/** 《意见》, 《方案》: a short back-reference to a document named in full earlier, not a new citation. */
const MIN_BARE_TITLE = 6;

/** Sentences with their offsets, cut at 。 so each clause's evidence stays whole. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？]+[。！？]?/gu;
  for (const m of text.matchAll(re)) if (m[0].trim() !== '') out.push({ text: m[0].trim(), start: m.index! });
  return out;
}

interface Cited {
  number: DocNumber | null;
  title: string | undefined;
}

/** The documents one stretch of text cites: numbers with the 《title》 right before them, then bare titles. */
function citedIn(text: string): Cited[] {
  const out: Cited[] = [];
  const titledSpans: [number, number][] = [];
  for (const hit of findDocNumbers(text)) {
    const before = text.slice(0, hit.start);
    // 《title》(X发〔Y〕N号) or 《title》（X发…）: the bracket between may be either width.
    const m = /《([^《》]{2,120})》\s*[（(]?\s*$/u.exec(before);
    if (m) titledSpans.push([m.index, hit.end]);
    out.push({ number: { text: hit.text, issuerCode: hit.issuerCode, year: hit.year, serial: hit.serial }, title: m ? m[1] : undefined });
  }
  for (const m of text.matchAll(TITLE)) {
    const at = m.index!;
    if (titledSpans.some(([s, e]) => at >= s && at < e)) continue;
    // A bare 《…》 counts as a document only when it is named like one (…办法, …意见, …条例).
    if (m[1].length < MIN_BARE_TITLE || (!endsWithTitleWord(m[1]) && !/(?:法|条例|纲要)$/u.test(m[1]))) continue;
    out.push({ number: null, title: m[1] });
  }
  return out;
}

function sameNumber(a: DocNumber, b: DocNumber): boolean {
  return a.issuerCode === b.issuerCode && a.year === b.year && a.serial === b.serial;
}

export interface Self {
  docNumber: DocNumber | null;
  /** titles this document goes by (the notice's and the plan's): citing them is not a reference */
  titles: string[];
}

function isSelf(c: Cited, self: Self): boolean {
  if (c.number && self.docNumber && sameNumber(c.number, self.docNumber)) return true;
  return c.number === null && c.title !== undefined && self.titles.some((t) => sameTitle(t, c.title!));
}

/** Every cited document, once each, in order of first mention; the document's own number and title are not references. */
export function findReferences(blocks: Block[], self: Self): Reference[] {
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const b of blocks) {
    for (const c of citedIn(b.text)) {
      if (isSelf(c, self)) continue;
      const key = c.number ? `${c.number.issuerCode}|${c.number.year}|${c.number.serial}` : `title|${c.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ref: Reference = c.number ? { ...c.number } : { text: `《${c.title}》` };
      if (c.title !== undefined) ref.title = c.title;
      out.push(ref);
    }
  }
  return out;
}

/**
 * Supersession clauses. Where-inconsistent clauses that cite no document apply to all earlier
 * documents on the matter: they are kept as one entry without a number, the sentence as evidence.
 */
export function findSupersedes(blocks: Block[], self: Self): Supersedes[] {
  const out: Supersedes[] = [];
  for (const b of blocks) {
    for (const s of sentences(b.text)) {
      const scope = WHERE_INCONSISTENT.test(s.text) ? 'where-inconsistent' : WHOLE.test(s.text) ? 'whole' : null;
      if (!scope) continue;
      const cited = citedIn(s.text).filter((c) => !isSelf(c, self));
      if (cited.length === 0) {
        out.push({ scope, evidence: s.text });
        continue;
      }
      for (const c of cited) {
        const entry: Supersedes = { scope, evidence: s.text };
        if (c.number) Object.assign(entry, { issuerCode: c.number.issuerCode, year: c.number.year, serial: c.number.serial });
        if (c.title !== undefined) entry.title = c.title;
        out.push(entry);
      }
    }
  }
  return out;
}
