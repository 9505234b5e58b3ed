// Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; halves of a surrogate
// pair standing alone). One of them in a shared string makes the whole XLSX invalid: LibreOffice then
// shows every text cell empty. They mean nothing to a reader, so every writer drops them, and the
// document says where, so staff can look at the original there.
import type { ExtractResult, Message } from '../model.js';
import { message } from '../messages.js';

/** No u flag: surrogates must be seen as the code units they are. */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

export function hasXmlForbidden(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(text);
  FORBIDDEN.lastIndex = 0;
  return found;
}

/** Every string inside a value, cleaned; `found` counts what was dropped. */
function cleanDeep<T>(value: T, found: { n: number }): T {
  if (typeof value === 'string') {
    const clean = stripXmlForbidden(value);
    found.n += value.length - clean.length;
    return clean as T;
  }
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, found)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v, found)])) as T;
  }
  return value;
}

/**
 * The results as the writers may write them: forbidden characters dropped everywhere, and a
 * W_XML_CHARS warning on the document for each task (or the document itself) that had some. A
 * result without any is returned as it was.
 */
export function cleanForWriters(results: ExtractResult[]): ExtractResult[] {
  return results.map((result) => {
    const probe = { n: 0 };
    cleanDeep(result, probe);
    if (probe.n === 0) return result;
    const warnings: Message[] = [];
    const say = (n: number, taskId?: string) => {
      if (n > 0) warnings.push(message('W_XML_CHARS', 'warning', { detail: `删去 ${n} 个字符`, ...(taskId ? { taskId } : {}) }));
    };
    const docFound = { n: 0 };
    const document = cleanDeep(result.document, docFound);
    say(docFound.n);
    const tasks = result.tasks.map((t) => {
      const found = { n: 0 };
      const clean = cleanDeep(t, found);
      say(found.n, clean.id);
      return clean;
    });
    const kept = cleanDeep(result.warnings, { n: 0 });
    return { ...result, document, tasks, warnings: [...kept, ...warnings] };
  });
}
