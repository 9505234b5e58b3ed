// --due-before as staff write dates: 2020-06-30, 2020年6月30日, 2020/6/30, 6月30日, 6月底, 年底.
// The date words are the lexicon's (src/lexicon/dates.ts), as the extractors read them; a date
// without a year takes the documents' year, so `--due-before 6月底` on a 2020 plan means 2020-06-30.
import { InvalidArgumentError } from 'commander';
import { findTimePhrases, monthDayIso, parseFullDate, phraseYear, type TimePhrase } from '../lexicon/dates.js';
import { MESSAGES } from '../messages.js';
import type { ExtractResult } from '../model.js';

/** A --due-before value: a whole date, or a phrase whose year comes from the documents. */
export type DueBefore = { iso: string; text: string } | { phrase: TimePhrase; text: string };

/** commander value parser: one whole date or time phrase, nothing else around it. */
export function parseDueBefore(value: string): DueBefore {
  const text = value.trim();
  const iso = parseFullDate(text);
  if (iso) return { iso, text };
  const phrases = findTimePhrases(text);
  const [p] = phrases;
  // "6月底前" is as clear as "6月底"; anything else left over means we did not understand it
  const rest = p ? (text.slice(0, p.start) + text.slice(p.end)).replace(/^(之前|以前|前)$/u, '') : text;
  if (phrases.length !== 1 || rest !== '' || p.yearOnly) throw new InvalidArgumentError(`${MESSAGES.E_BAD_DATE} [E_BAD_DATE]`);
  return { phrase: p, text };
}

/** The year a date without one falls in: the latest issue year among the documents, else this year. */
export function documentsYear(results: ExtractResult[], now = new Date()): number {
  const years = results.map((r) => Number(/^(\d{4})/u.exec(r.document.date)?.[1])).filter((y) => Number.isInteger(y) && y > 1900);
  return years.length ? Math.max(...years) : now.getFullYear();
}

/** The last day the value names, as YYYY-MM-DD; null for a day that does not exist (2月30日). */
export function resolveDueBefore(due: DueBefore, year: number): string | null {
  if ('iso' in due) return due.iso;
  const y = phraseYear(due.phrase, year) ?? year;
  return monthDayIso(y, due.phrase.last);
}
