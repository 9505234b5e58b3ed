// The bracket sets Chinese notices write, named once so every reader steps over the same pairs. Each
// string lists openers and closers in matching order (the k-th closer closes the k-th opener).

/** Brackets that enclose a gloss or a unit list inside a sentence: 各县（市、区）, 【牵头单位】, 〔2020〕. */
export const NESTING_OPEN = '（([【〔';
export const NESTING_CLOSE = '）)]】〕';

/** The same, with quotes: a separator inside “五个一批” or 「…」 splits nothing. */
export const QUOTED_OPEN = `${NESTING_OPEN}“‘「`;
export const QUOTED_CLOSE = `${NESTING_CLOSE}”’」`;

/** What a 文号's year stands in as files write it: the standard 〔〕 and the [] 【】 () （） ［］ people type. */
export const DOC_NUMBER_OPEN = '〔[【(（［';
export const DOC_NUMBER_CLOSE = '〕]】)）］';

/** A set of brackets as the inside of a regex character class: `[${charClass(DOC_NUMBER_OPEN)}]`. */
export function charClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/gu, '\\$&');
}
