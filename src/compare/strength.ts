// How strongly a sentence lays a duty, in words rather than figures: how soon (立即 > 及时 > none),
// how binding (必须/应当 > 要 > 可以/鼓励/支持), how wide (所有/全部/每个 > none > 有条件的/逐步), and
// which bodies a "下列单位应当…" list names. A lower sentence aligned to a higher one that lays the same
// duty more weakly is a finding (减弱) where the higher governs; more strongly, compliant.
import type { Task } from '../model.js';
import { REASONS, type Names } from './reasons.js';
import type { Fact } from './schema.js';
import type { Sentence } from './sentences.js';

export type Dimension = 'time' | 'modality' | 'scope';

/** 时限用词: higher is sooner. A sentence without one ranks 0. (即时 is left out: 即时结算, 即时通讯 name a kind of service.) */
export const TIME_WORDS: Readonly<Record<string, number>> = {
  立即: 3,
  立刻: 3,
  马上: 3,
  第一时间: 3,
  及时: 2,
  尽快: 2,
  适时: 1,
};

/** 约束用词: higher binds more. 应/要 alone only where the next or previous character makes no other word (below). */
export const MODALITY_WORDS: Readonly<Record<string, number>> = {
  必须: 3,
  务必: 3,
  应当: 3,
  严禁: 3,
  不得: 3,
  禁止: 3,
  应: 3,
  须: 3,
  要: 2,
  可以: 1,
  可: 1,
  鼓励: 1,
  支持: 1,
  提倡: 1,
  引导: 1,
};

/** 范围用词: universal 3, none 2, limited 1. */
export const SCOPE_WORDS: Readonly<Record<string, number>> = {
  所有: 3,
  全部: 3,
  每个: 3,
  一律: 3,
  全面: 3,
  有条件的: 1,
  有条件地: 1,
  逐步: 1,
  部分: 1,
  试点: 1,
  选择性: 1,
};
const NO_SCOPE_WORD = 2;

/**
 * Single characters that are also parts of other words: 应 in 应急/相应/供应, 要 in 要求/重要/主要,
 * 可 in 可能/许可, 须 in 必须 (counted as 必须), 支持 in 支持性. A match with one of these neighbours is
 * not a modal word.
 */
const NOT_MODAL: Readonly<Record<string, { before: string; after: string }>> = {
  应: { before: '相供响适对反效报呼顺理感回答', after: '急用对届收付变聘激该' },
  要: { before: '主重需纲概摘提只紧首必扼', after: '求素点件害职闻务领员道是么' },
  可: { before: '许认不宁', after: '能行靠持观控视追及是爱见口' },
  须: { before: '必无', after: '知' },
  支持: { before: '', after: '性率' },
  引导: { before: '', after: '性员' },
  部分: { before: '大一', after: '' },
};

export interface DutyWord {
  dimension: Dimension;
  word: string;
  rank: number;
  /** offset in the sentence */
  at: number;
}

const DIMENSIONS: readonly [Dimension, Readonly<Record<string, number>>][] = [
  ['time', TIME_WORDS],
  ['modality', MODALITY_WORDS],
  ['scope', SCOPE_WORDS],
];

function wordRegex(table: Readonly<Record<string, number>>): RegExp {
  return new RegExp(Object.keys(table).sort((a, b) => b.length - a.length).join('|'), 'gu');
}
const REGEX: Readonly<Record<Dimension, RegExp>> = {
  time: wordRegex(TIME_WORDS),
  modality: wordRegex(MODALITY_WORDS),
  scope: wordRegex(SCOPE_WORDS),
};

/** Every duty word of a sentence, in order. */
export function dutyWords(text: string): DutyWord[] {
  const out: DutyWord[] = [];
  for (const [dimension, table] of DIMENSIONS) {
    for (const m of text.matchAll(REGEX[dimension])) {
      const at = m.index!;
      const stop = NOT_MODAL[m[0]];
      if (stop && ((at > 0 && stop.before.includes(text[at - 1])) || stop.after.includes(text[at + m[0].length] ?? ''))) continue;
      out.push({ dimension, word: m[0], rank: table[m[0]], at });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}

/** The strongest word of one dimension in a sentence, or null when it has none. */
function strongest(words: DutyWord[], d: Dimension): DutyWord | null {
  return words.filter((w) => w.dimension === d).reduce<DutyWord | null>((best, w) => (!best || w.rank > best.rank ? w : best), null);
}

export interface SentenceSide {
  task: Task;
  s: Sentence;
  /** per character of the sentence: 0 outside the stretch aligned with the other sentence (align.ts marks) */
  marks?: Uint8Array;
}

export interface StrengthChange {
  dimension: Dimension | 'list';
  outcome: 'weaker' | 'stricter';
  /** the compared words on each side: a duty word, or the whole sentence when it has none */
  high: Fact;
  low: Fact;
  reason: string;
}

const LABEL: Readonly<Record<Dimension | 'list', string>> = { time: '时限要求', modality: '约束力', scope: '适用范围', list: '适用范围' };

function wordFact(s: Sentence, w: DutyWord): Fact {
  const start = s.start + w.at;
  return { text: w.word, start, end: start + w.word.length };
}

function sentenceFact(s: Sentence): Fact {
  return { text: s.text, start: s.start, end: s.end };
}

/**
 * The duty-word changes between a higher sentence and its aligned lower sentence. Time: a time word
 * dropped or softened counts. Modality: only when both sentences carry a modal word (a notice often
 * states a duty without one: "县教育局负责…"). Scope: only when the lower names a limit (逐步, 有条件的)
 * the higher does not; dropping 所有 alone ("所有贫困县" → "全县") is a change of words, not of duty.
 */
export function strengthChanges(high: SentenceSide, low: SentenceSide, n: Names): StrengthChange[] {
  // Only words inside the stretch the two sentences share speak about the shared duty: "应予以重用"
  // in the half of a sentence the lower plan did not take up is another duty.
  const inStretch = (side: SentenceSide) => (w: DutyWord) => !side.marks || side.marks[w.at] !== 0;
  const hw = dutyWords(high.s.text).filter(inStretch(high));
  const lw = dutyWords(low.s.text).filter(inStretch(low));
  const out: StrengthChange[] = [];
  for (const [d] of DIMENSIONS) {
    const h = strongest(hw, d);
    const l = strongest(lw, d);
    const hr = h?.rank ?? (d === 'scope' ? NO_SCOPE_WORD : 0);
    const lr = l?.rank ?? (d === 'scope' ? NO_SCOPE_WORD : 0);
    if (hr === lr) continue;
    if (d === 'modality' && (!h || !l)) continue;
    // Dropping a word is ambiguous (部分丧失劳动能力 is no scope); only an added stronger word is stricter.
    if (lr > hr && !l) continue;
    if (d === 'scope' && lr > hr && hr !== 1) continue;
    if (d === 'scope' && lr < hr && lr !== 1) continue;
    const hf = h ? wordFact(high.s, h) : sentenceFact(high.s);
    const lf = l ? wordFact(low.s, l) : sentenceFact(low.s);
    const outcome = lr < hr ? 'weaker' : 'stricter';
    const reason = wordReason(n, outcome, h?.word ?? null, l?.word ?? null, LABEL[d]);
    out.push({ dimension: d, outcome, high: hf, low: lf, reason });
  }
  return out;
}

/** Which words changed, said once for each way a word can come or go. */
function wordReason(n: Names, outcome: 'weaker' | 'stricter', high: string | null, low: string | null, what: string): string {
  if (outcome === 'weaker') return high && low ? REASONS.weakenedWord(n, high, low, what) : high ? REASONS.droppedWord(n, high, what) : REASONS.addedLimit(n, low ?? '', what);
  return high && low ? REASONS.strengthenedWord(n, high, low) : low ? REASONS.addedWord(n, low) : REASONS.droppedLimit(n, high ?? '');
}

// "下列单位应当…" / "有下列情形之一的": a duty laid on the items listed after it.
const LIST_HEAD = /下列[^。；;]{0,30}?[：:]/u;
const ITEM_MARK = /(?:（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\(\d+\)|（\d+）|[①②③④⑤⑥⑦⑧⑨⑩])/gu;

export interface ListItem {
  text: string;
  start: number;
  end: number;
}

/** The items of a "下列…：（一）…（二）…" list in a clause, or null when it has none. */
export function listItems(text: string): { head: ListItem; items: ListItem[] } | null {
  const head = LIST_HEAD.exec(text);
  if (!head) return null;
  const from = head.index + head[0].length;
  const marks = [...text.slice(from).matchAll(ITEM_MARK)].map((m) => from + m.index!);
  if (marks.length < 2) return null;
  const items = marks.map((start, k) => {
    const end = k + 1 < marks.length ? marks[k + 1] : text.length;
    return { text: text.slice(start, end).replace(/[；;。，,\s]+$/u, ''), start, end: start + text.slice(start, end).replace(/[；;。，,\s]+$/u, '').length };
  });
  // The sentence opening the list runs back to the previous sentence end.
  let s = head.index;
  while (s > 0 && !/[。；;\n]/u.test(text[s - 1])) s--;
  return { head: { text: text.slice(s, from), start: s, end: from }, items };
}

// A residual item ("（三）其他风险管控措施", "其他依法应当履行的职责") closes many lists of one
// kind: a 建设用地 list and a 农用地 list both end with it, so sharing only it does not make two
// lists one list.
const RESIDUAL_ITEM = /^\s*(?:（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[①②③④⑤⑥⑦⑧⑨⑩]|\d+[.、．])?\s*其他/u;

/** True when every item the lower list shares with the higher one is a residual "其他…" item. */
export function sharesOnlyResidual(items: readonly { text: string }[], missing: readonly { text: string }[]): boolean {
  return items.every((x) => missing.includes(x) || RESIDUAL_ITEM.test(x.text));
}

/**
 * A lower clause repeating a higher "下列…" list with items left out narrows whom the duty binds.
 * `same(x, y)` says whether two items are the same entry (the caller aligns them).
 */
export function listChanges(highText: string, lowText: string, n: Names, same: (x: string, y: string) => boolean): StrengthChange[] {
  const h = listItems(highText);
  const l = listItems(lowText);
  if (!h || !l) return [];
  const missing = h.items.filter((x) => !l.items.some((y) => same(x.text, y.text)));
  // Every item gone (but a residual one): the lists are different lists, not one list narrowed.
  if (missing.length === 0 || sharesOnlyResidual(h.items, missing)) return [];
  return missing.map((x) => ({
    dimension: 'list' as const,
    outcome: 'weaker' as const,
    high: { text: x.text, start: x.start, end: x.end },
    low: { text: l.head.text, start: l.head.start, end: l.head.end },
    reason: REASONS.listNarrowed(n, x.text, h.items.length, l.items.length),
  }));
}
