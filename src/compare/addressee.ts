// Who a sentence addresses. A provincial clause often sets one duty per level in one breath
// ("省委、省政府每季度…，各市委、市政府每两个月…，各县委、县政府每月…"); a county is bound by the
// part addressed to counties, not by the province's own quarterly meeting.
import type { Level } from '../model.js';
import { addressees } from '../lexicon/word-lists.js';

/** Bodies that name the level a duty is laid on (data/addressees.json). Scopes such as 省级贫困县 are not addressees. */
export const ADDRESSEES: Readonly<Record<string, Level>> = addressees;

const ADDRESSEE = new RegExp(Object.keys(ADDRESSEES).sort((a, b) => b.length - a.length).join('|'), 'gu');
// A duty's addressee stands in the same clause of the sentence, between these marks.
const CLAUSE_BREAK = /[，,；;。！？!?：:\n]/u;

/**
 * Start of each item's words in the clause. Extraction already says where each item stands
 * (`where.start`, an offset into the clause text); that is read first, so two equal words
 * ("一次" … "一次") are never confused. Items without a usable `where` (hand-made inputs, older
 * JSON) fall back to the k-th occurrence of the same words for their k-th repeat.
 */
export function itemOffsets(text: string, items: readonly { text: string; where?: { start?: number } }[], base = 0): (number | null)[] {
  const next = new Map<string, number>();
  return items.map((item) => {
    const at = item.where?.start === undefined ? undefined : item.where.start - base;
    if (at !== undefined && at >= 0 && item.text && text.startsWith(item.text, at)) {
      next.set(item.text, Math.max(next.get(item.text) ?? 0, at + item.text.length));
      return at;
    }
    const from = next.get(item.text) ?? 0;
    const found = item.text ? text.indexOf(item.text, from) : -1;
    if (found < 0) return null;
    next.set(item.text, found + item.text.length);
    return found;
  });
}

// A sentence cut out of a clause keeps its items (the same objects, so a finding names the item
// as extraction wrote it); their `where` still counts from the clause's start, so the sentence
// remembers where it begins.
const SENTENCE_START = new WeakMap<object, number>();

/** Record that `part` is the text of a clause from `start` on (a sentence of it). */
export function markSentenceStart(part: object, start: number): void {
  SENTENCE_START.set(part, start);
}

/** Where a sentence begins in its clause (0 for a whole clause). */
export function sentenceStart(part: object): number {
  return SENTENCE_START.get(part) ?? 0;
}

/** Start of each item's words in this clause or sentence. */
export function offsetsIn(task: { text: string }, items: readonly { text: string; where?: { start?: number } }[]): (number | null)[] {
  return itemOffsets(task.text, items, sentenceStart(task));
}

/** The levels named as addressees in the clause of the sentence around `at` (empty: no addressee named). */
export function addressedLevels(text: string, at: number): Set<Level> {
  let start = at;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !CLAUSE_BREAK.test(text[end])) end++;
  const levels = new Set<Level>();
  for (const m of text.slice(start, end).matchAll(ADDRESSEE)) levels.add(ADDRESSEES[m[0]]);
  return levels;
}

/** Does the item at `at` in a higher clause speak to bodies of `level`? Unaddressed items speak to all. */
export function addresses(text: string, at: number | null, level: Level | undefined): boolean {
  if (at === null || !level) return true;
  const levels = addressedLevels(text, at);
  return levels.size === 0 || levels.has(level);
}
