// A task's source as the page shows it: the paragraphs of the notice around the task's own, as
// normalized (the text `taizhang text` prints, whose paragraph numbers the task's `where.block`
// counts), with the task's words marked and the page named. The file is read again from where it
// was stored; a document whose file is gone shows the task text alone and says so.
import { existsSync } from 'node:fs';
import type { ExtractResult, NormalizedDocument, Task } from '../model.js';
import { readDocumentFile } from '../pipeline.js';

/** Paragraphs shown before and after the task's own. */
const CONTEXT_BLOCKS = 4;
/** Normalized documents kept in memory: a person reads one notice's tasks one after another. */
const CACHED_DOCUMENTS = 6;
/** The shortest start of a task's text that is still taken as the task when the whole is not found. */
const MIN_PREFIX = 6;

export interface SourceBlock {
  index: number;
  page?: number;
  text: string;
  /** the task's words in this paragraph, as [start, end) offsets */
  mark?: [number, number];
}

export interface SourceView {
  docId: string;
  title: string;
  file: string;
  taskId?: string;
  page?: number;
  /** false when the notice's file is no longer where it was stored */
  available: boolean;
  blocks: SourceBlock[];
}

export type SourceReader = (file: string) => Promise<NormalizedDocument>;

/** Reads files through read → normalize, keeping the last few. */
export function cachedSourceReader(read: SourceReader = (f) => readDocumentFile(f)): SourceReader {
  const cache = new Map<string, Promise<NormalizedDocument>>();
  return (file) => {
    const hit = cache.get(file);
    if (hit) return hit;
    const p = read(file);
    cache.set(file, p);
    p.catch(() => cache.delete(file));
    if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
    return p;
  };
}

/** Where the task's text stands in its paragraph: the whole text, else its longest start found there. */
export function taskSpan(paragraph: string, taskText: string): [number, number] | undefined {
  const whole = paragraph.indexOf(taskText);
  if (whole >= 0) return [whole, whole + taskText.length];
  for (let n = taskText.length - 1; n >= MIN_PREFIX; n--) {
    const at = paragraph.indexOf(taskText.slice(0, n));
    if (at >= 0) return [at, at + n];
  }
  return undefined;
}

export async function sourceView(read: SourceReader, result: ExtractResult, task?: Task): Promise<SourceView> {
  const file = result.document.source.path;
  const base = {
    docId: result.document.id, title: result.document.title, file: file.split(/[\\/]/u).pop() ?? file,
    ...(task ? { taskId: task.id, page: task.where?.page } : {}),
  };
  const missing = (): SourceView => ({ ...base, available: false, blocks: task ? [{ index: task.where?.block ?? 0, page: task.where?.page, text: task.text, mark: [0, task.text.length] }] : [] });
  if (!existsSync(file)) return missing();
  let doc: NormalizedDocument;
  try {
    doc = await read(file);
  } catch {
    return missing();
  }
  const at = task?.where?.block ?? 0;
  const from = task ? Math.max(0, at - CONTEXT_BLOCKS) : 0;
  const to = task ? Math.min(doc.blocks.length, at + CONTEXT_BLOCKS + 1) : doc.blocks.length;
  const blocks: SourceBlock[] = [];
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i];
    const mark = task && i === at ? taskSpan(b.text, task.text) : undefined;
    blocks.push({ index: i, page: b.page, text: b.text, ...(mark ? { mark } : {}) });
  }
  return { ...base, available: true, blocks };
}
