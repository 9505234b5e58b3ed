// Facts resting on words the OCR read with low confidence (issue 13): a task read from a scan whose
// unit, deadline or number holds such a word gets a warning, so staff check it against the paper,
// and the task says it came from OCR with its block's confidence. Text-layer documents pass through.
import type { Block, Message, Task } from '../model.js';
import { message } from '../messages.js';
import { repairOcrText } from '../normalize/ocr.js';

const squash = (s: string) => s.replace(/\s+/gu, '');

/** A task's text with this share of its characters in unsure words is itself in doubt. */
const DOUBTFUL_TEXT_SHARE = 0.15;

export function markOcrTasks(tasks: Task[], blocks: Block[]): { tasks: Task[]; warnings: Message[] } {
  const warnings: Message[] = [];
  const out = tasks.map((t) => {
    const block = t.where?.block !== undefined ? blocks[t.where.block] : undefined;
    if (block?.source !== 'ocr') return t;
    // the words as the repairs left them in the text ("5O" is "50" there)
    const low = [...new Set((block.lowConfidence ?? []).map((w) => squash(repairOcrText(w))).filter(Boolean))];
    const hits: string[] = [];
    const check = (kind: string, text: string | undefined) => {
      const s = squash(text ?? '');
      const words = low.filter((w) => s.includes(w) && /[\p{L}\p{N}]/u.test(w));
      if (words.length) hits.push(`${kind}“${s}”（${words.join('、')}）`);
    };
    for (const u of t.units) check('单位', u.text && u.text.length <= 30 ? u.text : u.name);
    for (const d of t.deadlines) check('时限', d.text);
    for (const q of t.quantities) check('数字', q.text);
    const text = squash(t.text);
    const unsure = low.filter((w) => text.includes(w)).reduce((n, w) => n + w.length, 0);
    if (!hits.length && text.length && unsure / text.length >= DOUBTFUL_TEXT_SHARE) hits.push(`任务文字（${low.filter((w) => text.includes(w)).join('、')}）`);
    if (hits.length) warnings.push(message('ocr-low-confidence', 'warning', { detail: hits.join('；'), taskId: t.id, where: { block: t.where!.block, page: t.where!.page } }));
    return { ...t, ocr: { confidence: block.confidence ?? 0 } };
  });
  return { tasks: out, warnings };
}
