// Two long paragraphs that share a sentence — the province's paragraph of ten duties and a county
// paragraph repeating two of them — are compared sentence by sentence: a whole-paragraph alignment
// maps only its best stretch, and the figures elsewhere in the paragraphs would not meet.
import type { Task } from '../model.js';
import { itemOffsets } from './addressee.js';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const SENTENCE_END = /[。；;！？!?\n]/u;
// A fragment shorter than this ("二是", "（一）") says nothing to align.
const MIN_SENTENCE = 6;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.test(text[i])) continue;
    const end = i < text.length ? i + 1 : i;
    if (end - start >= MIN_SENTENCE) out.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  return out;
}

/** The task narrowed to one sentence: its text, and the figures and deadlines written inside it. */
export function sentenceTask(task: Task, s: Sentence): Task {
  const inside = <T extends { text: string }>(items: T[]): T[] => {
    const at = itemOffsets(task.text, items);
    return items.filter((_, i) => at[i] !== null && at[i]! >= s.start && at[i]! + items[i].text.length <= s.end);
  };
  return { ...task, text: s.text, quantities: inside(task.quantities), deadlines: inside(task.deadlines) };
}

/** Sentences that carry something to compare. */
export function sentencesWithItems(task: Task): Task[] {
  return splitSentences(task.text)
    .map((s) => sentenceTask(task, s))
    .filter((t) => t.quantities.length > 0 || t.deadlines.length > 0);
}
