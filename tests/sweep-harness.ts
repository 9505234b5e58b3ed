// The sweep harness shared by sweep.test.ts and sweep2.test.ts: one test per document's meta, one for
// site furniture and header lines in tasks, one per expected task. Expectations are written as
//   units: "A*,B" — names in order, * marks the lead
//   deadlines: "due:2024-06-30" | "start:2024-04-10" | "rec:quarterly" (compared as a set)
//   quantities: "value[-max] unit[/per/per] comparator" (compared as a set)
// titles and issuers compared without spaces, as score.py does.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ExtractResult, Task } from '../src/model.js';
import { extractFile } from '../src/pipeline.js';

export interface Meta {
  title: string;
  docType: string;
  isPlan: boolean;
  docNumber: [string, number, number] | null;
  issuer: string;
  date: string;
  jurisdiction: [string, string];
  /** a news sheet: no task at all */
  noTasks?: boolean;
}

export interface Want {
  key: string;
  units?: string;
  leaders?: string[];
  owners?: string[];
  deadlines?: string[];
  quantities?: string[];
}

/** A task that is only a header line: a 发文字号, a 主送 line, a title (of a forwarded document). */
const HEADER_LINE = /^[^。；]*(?:〔\d{4}〕\d+号|：|的通知|的意见)$/u;

/** What no task may contain: the site's furniture and the document's 版记. */
const FURNITURE = /ICP备|公网安备|责任编辑|分享到|打印本页|抄送|印发$|此件(公开发布|主动公开)|扫一扫|附件下载|\.(docx|xlsx)|浏览次数|字体/u;

const cache = new Map<string, Promise<ExtractResult>>();
function extract(file: string): Promise<ExtractResult> {
  if (!cache.has(file)) {
    cache.set(file, extractFile(file).then((o) => {
      if (!o.ok) throw new Error(o.line);
      return o.result;
    }));
  }
  return cache.get(file)!;
}

const squeeze = (s: string) => s.replace(/\s+/gu, '');

/** The shortest task whose text holds the key (as score.py finds it). */
function findTask(tasks: Task[], key: string): Task | undefined {
  return tasks.filter((t) => squeeze(t.text).includes(squeeze(key))).sort((a, b) => a.text.length - b.text.length)[0];
}

const unitsOf = (t: Task) => t.units.map((u) => `${u.name}${u.role === 'lead' ? '*' : ''}`).join(',');
const deadlinesOf = (t: Task) =>
  t.deadlines.map((d) => (d.kind === 'recurring' ? `rec:${d.recurrence}` : `${d.kind}:${d.date}`)).sort();
const quantitiesOf = (t: Task) =>
  t.quantities.map((q) => `${q.value}${q.max !== undefined ? `-${q.max}` : ''} ${q.unit}${(q.per ?? []).map((p) => `/${p}`).join('')} ${q.comparator ?? '='}`).sort();

/** One describe block per document of a folder of pages. */
export function runSweep(dir: string, docs: [string, Meta, Want[]][]): void {
  describe.each(docs)('%s', (name, meta, wants) => {
    const file = path.join(dir, name);
    test('meta', async () => {
      const d = (await extract(file)).document;
      expect({
        title: squeeze(d.title), docType: d.docType, isPlan: d.isPlan, issuer: squeeze(d.issuer ?? ''), date: d.date,
        docNumber: d.docNumber ? [d.docNumber.issuerCode, d.docNumber.year, d.docNumber.serial] : null,
        jurisdiction: d.jurisdiction ? [d.jurisdiction.name, d.jurisdiction.level] : null,
      }).toEqual({ ...meta, title: squeeze(meta.title), issuer: squeeze(meta.issuer), noTasks: undefined });
      if (meta.noTasks) expect((await extract(file)).tasks.map((t) => t.text)).toEqual([]);
    });

    test('no site furniture or 版记 in any task', async () => {
      const r = await extract(file);
      expect(r.tasks.filter((t) => FURNITURE.test(t.text) || HEADER_LINE.test(t.text.trim())).map((t) => t.text)).toEqual([]);
    });

    for (const w of wants) {
      test(`task ${w.key}`, async () => {
        const t = findTask((await extract(file)).tasks, w.key);
        expect(t, `no task holds “${w.key}”`).toBeDefined();
        const got: Partial<Record<keyof Want, unknown>> = {};
        const want: Partial<Record<keyof Want, unknown>> = {};
        if (w.units !== undefined) [got.units, want.units] = [unitsOf(t!), w.units];
        if (w.leaders) [got.leaders, want.leaders] = [t!.leaders.map((p) => p.name), w.leaders];
        if (w.owners) [got.owners, want.owners] = [t!.owners.map((p) => p.name), w.owners];
        if (w.deadlines) [got.deadlines, want.deadlines] = [deadlinesOf(t!), [...w.deadlines].sort()];
        if (w.quantities) [got.quantities, want.quantities] = [quantitiesOf(t!), [...w.quantities].sort()];
        expect(got).toEqual(want);
      });
    }
  });
}
