// What the pages list: the current documents and one row per task of the plans among them. Rows are
// rebuilt only when the stored documents change (their sha256 and ingest time), so a register of
// 5,000 tasks is filtered and paged from memory instead of re-reading every document's JSON.
import type { ExtractResult, Task } from '../model.js';
import { formatPeople, unitNames } from '../register/format.js';
import { taskItems } from '../register/items.js';
import { isTaskSource } from '../register/rows.js';
import type { StoredDocument, TaskStore } from '../store/store.js';

export const LEVEL_NAMES: Readonly<Record<string, string>> = { national: '国家', province: '省级', city: '市级', county: '县级', township: '乡镇级' };

export interface DocEntry {
  id: string;
  sha256: string;
  title: string;
  docNumber: string;
  issuer: string;
  date: string;
  level: string;
  jurisdiction: string;
  docType: string;
  isPlan: boolean;
  tasks: number;
  pages?: number;
  version: number;
  file: string;
}

export interface TaskEntry {
  /** the tracking key: the task's id, or `<task id>@<YYYY-MM-DD>` for one of its several time nodes */
  key: string;
  docId: string;
  docTitle: string;
  taskId: string;
  path: string[];
  text: string;
  lead: string[];
  participants: string[];
  leaders: string;
  owners: string;
  deadlines: string;
  /** the notice's own words for this time limit (时限原文) when they differ from `deadlines` */
  deadlineWords: string;
  /** the stated due date, YYYY-MM-DD (none when the notice states none: a presumed year end is not counted) */
  dueDates: string[];
  recurring: boolean;
  page?: number;
  superseded: boolean;
}

export interface CatalogView {
  docs: DocEntry[];
  tasks: TaskEntry[];
  results: Map<string, ExtractResult>;
}

function docEntry(d: StoredDocument, r: ExtractResult): DocEntry {
  const j = r.document.jurisdiction;
  return {
    id: d.docId, sha256: d.sha256, title: r.document.title, docNumber: r.document.docNumber?.text ?? '', issuer: r.document.issuer,
    date: r.document.date, level: j ? (LEVEL_NAMES[j.level] ?? j.level) : '', jurisdiction: j?.name ?? '', docType: r.document.docType,
    isPlan: r.document.isPlan, tasks: r.tasks.length, pages: r.document.source.pages, version: d.version,
    file: r.document.source.path.split(/[\\/]/u).pop() ?? '',
  };
}

/**
 * The rows a task gives: one per tracked item, as the register has them (src/register/items.ts): the
 * task, or each of its dated time nodes, keyed as the store's tracking keys them.
 */
export function taskEntries(r: ExtractResult, t: Task): TaskEntry[] {
  const common = {
    docId: r.document.id, docTitle: r.document.title, taskId: t.id, path: t.path, text: t.text,
    lead: unitNames(t.units, 'lead'), participants: unitNames(t.units, 'participant'),
    leaders: formatPeople(t.leaders), owners: formatPeople(t.owners),
    recurring: t.deadlines.some((d) => d.kind === 'recurring'), page: t.where?.page, superseded: t.superseded === true,
  };
  return taskItems(t, r).map((item) => ({
    ...common, key: item.key, deadlines: item.label, deadlineWords: item.words && item.words !== item.label ? item.words : '',
    dueDates: item.due && !item.presumed ? [item.due] : [],
  }));
}

export class Catalog {
  private signature = '';
  private view: CatalogView = { docs: [], tasks: [], results: new Map() };
  /** results by sha256 and ingest time: a re-extraction of the same bytes is read again */
  private cache = new Map<string, ExtractResult>();

  constructor(private readonly store: TaskStore) {}

  async current(): Promise<CatalogView> {
    const stored = (await this.store.documents()).filter((d) => d.current);
    const signature = stored.map((d) => `${d.sha256}:${d.ingestedAt}`).join('|');
    if (signature === this.signature) return this.view;
    const results = new Map<string, ExtractResult>();
    const docs: DocEntry[] = [];
    const tasks: TaskEntry[] = [];
    // newest first on the page; tasks in the order their documents came in
    for (const d of stored) {
      const key = `${d.sha256}:${d.ingestedAt}`;
      const r = this.cache.get(key) ?? (await this.store.result(d.sha256));
      if (!r) continue;
      this.cache.set(key, r);
      results.set(d.sha256, r);
      docs.push(docEntry(d, r));
      if (isTaskSource(r)) for (const t of r.tasks) tasks.push(...taskEntries(r, t));
    }
    // results of versions no longer current are let go
    const used = new Set(stored.map((d) => `${d.sha256}:${d.ingestedAt}`));
    for (const key of this.cache.keys()) if (!used.has(key)) this.cache.delete(key);
    this.view = { docs: docs.reverse(), tasks, results };
    this.signature = signature;
    return this.view;
  }

  /** A current document's result by its id or sha256 (prefix of 8+), else any stored version the store knows. */
  async result(ref: string): Promise<ExtractResult | null> {
    const view = await this.current();
    const doc = view.docs.find((d) => d.id === ref || (ref.length >= 8 && d.sha256.startsWith(ref.toLowerCase())));
    if (doc) return view.results.get(doc.sha256) ?? null;
    return this.store.result(ref);
  }
}
