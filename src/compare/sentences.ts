// Two long paragraphs that share a sentence — the province's paragraph of ten duties and a county
// paragraph repeating two of them — are compared phrase by phrase: a whole-paragraph alignment maps
// only its best stretch, and the figures elsewhere in the paragraphs would not meet. Phrases (cut
// at commas too) because one sentence often lays several duties ("…每月至少研究一次，…每个月至少要有
// 10个工作日…"); scopes and addressees are read in the whole sentence.
import type { Task } from '../model.js';
import { markSentenceStart, offsetsIn, sentenceStart } from './addressee.js';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const SENTENCE_END = /[。；;！？!?\n]/u;
const PHRASE_END = /[。；;！？!?\n，,]/u;
// A fragment shorter than this ("二是", "（一）") says nothing to align.
const MIN_SENTENCE = 6;

export function splitSentences(text: string, unit: 'sentence' | 'phrase' = 'sentence'): Sentence[] {
  const breaks = unit === 'phrase' ? PHRASE_END : SENTENCE_END;
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !breaks.test(text[i])) continue;
    const end = i < text.length ? i + 1 : i;
    if (end - start >= MIN_SENTENCE) out.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  return out;
}

/** The task narrowed to one sentence or phrase: its text, and the figures and deadlines written inside it. */
export function sentenceTask(task: Task, s: Sentence): Task {
  const inside = <T extends { text: string }>(items: T[]): T[] => {
    const at = offsetsIn(task, items);
    return items.filter((_, i) => at[i] !== null && at[i]! >= s.start && at[i]! + items[i].text.length <= s.end);
  };
  const part = { ...task, text: s.text, quantities: inside(task.quantities), deadlines: inside(task.deadlines) };
  markSentenceStart(part, sentenceStart(task) + s.start);
  return part;
}

/** Phrases that carry something to compare. */
export function phrasesWithItems(task: Task): Task[] {
  return splitSentences(task.text, 'phrase')
    .map((s) => sentenceTask(task, s))
    .filter((t) => t.quantities.length > 0 || t.deadlines.length > 0);
}
