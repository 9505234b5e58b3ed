// Who a sentence addresses. A provincial clause often sets one duty per level in one breath
// ("省委、省政府每季度…，各市委、市政府每两个月…，各县委、县政府每月…"); a county is bound by the
// part addressed to counties, not by the province's own quarterly meeting.
import type { Level } from '../model.js';

/** Bodies that name the level a duty is laid on. Scopes such as 省级贫困县 are not addressees. */
export const ADDRESSEES: Readonly<Record<string, Level>> = {
  省委: 'province',
  省政府: 'province',
  省直: 'province',
  市委: 'city',
  市政府: 'city',
  市直: 'city',
  各市: 'city',
  县委: 'county',
  县政府: 'county',
  县直: 'county',
  各县: 'county',
  县级党委: 'county',
  乡镇党委: 'township',
  乡镇政府: 'township',
  各乡镇: 'township',
};

const ADDRESSEE = new RegExp(Object.keys(ADDRESSEES).sort((a, b) => b.length - a.length).join('|'), 'gu');
// A duty's addressee stands in the same clause of the sentence, between these marks.
const CLAUSE_BREAK = /[，,；;。！？!?：:\n]/u;

/** Start of each item's words in the text, the k-th repeat of the same words at their k-th occurrence. */
export function itemOffsets(text: string, items: readonly { text: string }[]): (number | null)[] {
  const next = new Map<string, number>();
  return items.map((item) => {
    const from = next.get(item.text) ?? 0;
    const at = item.text ? text.indexOf(item.text, from) : -1;
    if (at < 0) return null;
    next.set(item.text, at + item.text.length);
    return at;
  });
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
