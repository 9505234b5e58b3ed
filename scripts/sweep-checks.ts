// The invariants of a sweep over real pages (issue #11): every file read or refused with one line,
// no E_INTERNAL, no task text under 6 characters, none that is site furniture, no task from a page
// that is not a plan. Shared by `npm run sweep` (scripts/sweep.ts) and tests/sweep-invariants.test.ts.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isBreadcrumb, isEditorLine, isSiteControl } from '../src/normalize/site-furniture.js';
import { documentKind } from '../src/structure/doc-kind.js';
import { extractFile, type ExtractOutcome } from '../src/pipeline.js';

/** The document formats taizhang reads; anything else in a folder (README.md, index.csv, .json) is not swept. */
const DOCUMENT_EXT = /\.(pdf|docx|doc|html?|txt)$/iu;
const MIN_TASK_CHARS = 6;
/** Site furniture that may hide inside a longer task text (as sweep-harness.ts checks). */
const FURNITURE_INSIDE = /ICP备|公网安备|责任编辑|分享到|打印本页|关闭窗口|扫一扫|附件下载|浏览次数|相关解读|公开方式[:：]|索引号[:：]/u;

export interface SweepLine {
  file: string;
  ok: boolean;
  /** failure code, for a refused file */
  code?: string;
  /** the one line a user sees */
  line: string;
  tasks: number;
  tables: number;
  ms: number;
  violations: string[];
}

/** Every document file under the folders, in a stable order; folders that do not exist give none. */
export function documentFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (DOCUMENT_EXT.test(name)) out.push(p);
    }
  };
  for (const d of dirs) {
    try {
      if (statSync(d).isDirectory()) walk(d);
    } catch {
      // an absent folder is skipped; the caller says so
    }
  }
  return out;
}

export function violationsOf(o: ExtractOutcome): string[] {
  if (!o.ok) return o.code === 'E_INTERNAL' ? [`E_INTERNAL: ${o.line}`] : [];
  const v: string[] = [];
  const { document, tasks } = o.result;
  const notPlan = !document.isPlan || documentKind(document.title, document.docType) !== 'plan';
  if (notPlan && tasks.length) v.push(`${tasks.length} task(s) from a page that is not a plan (${document.title})`);
  for (const t of tasks) {
    const text = t.text.replace(/\s+/gu, '');
    if (text.length < MIN_TASK_CHARS) v.push(`task under ${MIN_TASK_CHARS} characters: “${t.text}”`);
    if (isSiteControl(t.text) || isBreadcrumb(t.text) || isEditorLine(t.text) || FURNITURE_INSIDE.test(t.text)) v.push(`site furniture as a task: “${t.text.slice(0, 40)}”`);
  }
  return v;
}

export async function sweepFile(file: string): Promise<SweepLine> {
  const t0 = performance.now();
  const o = await extractFile(file);
  const ms = performance.now() - t0;
  const violations = violationsOf(o);
  if (!o.ok) return { file, ok: false, code: o.code, line: o.line, tasks: 0, tables: 0, ms, violations };
  const d = o.result.document;
  const line = `${file}: ${d.isPlan ? '' : '（非计划）'}${d.title || '（无标题）'} · 任务 ${o.result.tasks.length} · 表格 ${o.result.tables?.length ?? 0}`;
  return { file, ok: true, line, tasks: o.result.tasks.length, tables: o.result.tables?.length ?? 0, ms, violations };
}
