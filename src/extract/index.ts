// A normalized document → ExtractResult: structure, clauses, and per clause the extractors.
// Pure: no I/O (STYLE.md rule 5); the pipeline reads the file and validates the result.
import { markOcrTasks } from './ocr-doubt.js';
import { createHash } from 'node:crypto';
import type { Block, Deadline, DocumentMeta, ExtractResult, Message, Quantity, RawDocument, Task } from '../model.js';
import { SCHEMA_VERSION } from '../model.js';
import { message } from '../messages.js';
import type { StructureMeta } from '../structure/metadata.js';
import type { HeadingInfo, HeadingNode } from '../structure/headings.js';
import { APPARATUS_LAYERS, TASK_LAYERS, carriesDuty, isGeneralProvisions, structureDocument } from '../structure/layers.js';
import { SEP, isGuidingStatement, splitClauses, type Clause } from './clauses.js';
import { collectTables, readTaskTables, type TableTask } from './tables.js';
import { documentKind } from '../structure/doc-kind.js';
import { extractDeadlines, isBeforeIssue } from '../../extractors/deadlines.js';
import { extractQuantities } from '../../extractors/quantities.js';
import { withPage } from '../lexicon/evidence.js';
import { findPeopleBlocks, isUnder, peopleScope } from './accountability.js';
import { taskNumbers } from './numbering.js';

export { taskNumbers } from './numbering.js';
import { findAllResponsibilities } from '../../extractors/units.js';

/** A task says what is to be done: shorter running text is a label or a fragment left by the layout. */
const MIN_TASK_CHARS = 6;

/** Hex characters of the bytes' sha256 that end an id: enough to tell a store's files apart, short enough to type. */
export const ID_HASH_CHARS = 8;
/** Characters of a title kept in an id when the document has no 文号. */
const ID_TITLE_CHARS = 24;
/** Title words every notice shares: they would fill the id without telling documents apart. */
const ID_TITLE_FRAME = { head: /^关于(?:印发|转发|进一步)?/u, tail: /的(?:通知|函|批复|报告|意见)$/u } as const;

function idSlug(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/gu, '');
}

/**
 * Same bytes → same id, whatever the file is called or wherever it lies (OUTPUT.md): a readable
 * slug of the document's own 文号 (本县扶贫发-2020-19), or of its title when it has none, then the
 * first hex characters of the bytes' sha256, so two different files never share an id.
 */
export function documentId(source: RawDocument['source'], meta: StructureMeta, blocks: Block[] = []): string {
  const n = meta.docNumber;
  const title = meta.title.trim().replace(ID_TITLE_FRAME.head, '').replace(ID_TITLE_FRAME.tail, '');
  const slug = (n ? idSlug(`${n.issuerCode}-${n.year}-${n.serial}`) : '') || Array.from(idSlug(title)).slice(0, ID_TITLE_CHARS).join('').replace(/-+$/u, '') || 'doc';
  // a result built from blocks without a file (tests, tools) still gets an id that follows its text
  const sha = /^[0-9a-f]{64}$/iu.test(source.sha256)
    ? source.sha256.toLowerCase()
    : createHash('sha256').update(blocks.map((b) => b.text).join('\n')).digest('hex');
  return `${slug}-${sha.slice(0, ID_HASH_CHARS)}`;
}

/** The same due date, start or duty said twice (in the text and again in a 完成时限 cell) counts once. */
function distinctDeadlines(ds: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    // a limit left without a date (no year known, a season word) is told apart by its words
    const key = [d.kind, d.date ?? '', d.recurrence ?? '', d.interval ?? '', d.date || d.recurrence ? '' : d.text.replace(/\s+/gu, '')].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Numbered headings with nothing under them ("1.储备燃煤" then "2.检修管网"): each is a measure of its
 * own. A heading followed by body text, or by subheadings, is not. Attachment titles are not measures.
 */
function leafHeadingsWithoutBody(blocks: Block[], nodes: HeadingNode[], titleOnly: Set<number>, headingOf: (HeadingInfo | null)[]): Set<number> {
  const out = new Set<number>();
  const walk = (ns: HeadingNode[]) => {
    for (const n of ns) {
      walk(n.children);
      if (n.children.length || n.level === 0 || !titleOnly.has(n.block)) continue;
      // the very next paragraph decides: another heading, a responsibility line closing the list, or
      // the end means nothing was written under it
      const next = blocks[n.block + 1];
      const closes = next !== undefined && findAllResponsibilities(next.text).some((r) => r.standalone);
      if (next === undefined || headingOf[n.block + 1] !== null || closes) out.add(n.block);
    }
  };
  walk(nodes);
  return out;
}

function headingBlocks(nodes: HeadingNode[]): number[] {
  return nodes.flatMap((n) => [n.block, ...headingBlocks(n.children)]);
}

/** "第十条": a law's article, whose （一）… items are part of it. */
const ARTICLE_LABEL = /^第[一二三四五六七八九十百零〇\d]{1,4}条$/u;

/**
 * A law's article and the item paragraphs under it ("第十条 …履行下列职责：" then "（一）…；（二）…。")
 * are one task: the items stay inside their article. A paragraph cut into several statements stays cut.
 */
function mergeArticleItems(clauses: Clause[], isTableRow: (c: Clause) => boolean): void {
  for (let k = clauses.length - 1; k > 0; k--) {
    const [a, b] = [clauses[k - 1], clauses[k]];
    const label = a.path[a.path.length - 1] ?? '';
    if (!ARTICLE_LABEL.test(label) || isTableRow(a) || isTableRow(b) || a.path.join(SEP) !== b.path.join(SEP) || b.block <= a.blockEnd) continue;
    a.text = `${a.text}\n${b.text}`;
    a.blockEnd = Math.max(a.blockEnd, b.blockEnd);
    for (const u of b.units) if (!a.units.some((x) => x.name === u.name)) a.units.push(u);
    clauses.splice(k, 1);
  }
}

/** The first year a title names ("某某县2025年春季学校安全工作方案", "…行动方案（2024—2026年）"). */
export function titleYear(title: string | undefined): number | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})\s*(?:年|[-－—–~～至到]\s*(?:19|20)\d{2}\s*年)/u.exec(title ?? '');
  return m ? Number(m[1]) : undefined;
}

export function buildResult(raw: RawDocument): ExtractResult {
  const doc = structureDocument(raw.blocks, raw.pageFacts);
  const { blocks, tree } = doc;
  const facts = doc.meta;
  // a 解读, a personnel notice, news or a disclosure assigns no task
  const meta = { ...facts, isPlan: facts.isPlan && documentKind(facts.title, facts.docType) === 'plan' };
  // without a 成文日期 or 文号 (a plan posted alone, an attachment) the year its title names is the document's
  const year = meta.date ? Number(meta.date.slice(0, 4)) : meta.docNumber?.year ?? titleYear(meta.title);
  const ctx = { year, issued: meta.date || undefined };
  const id = documentId(raw.source, meta, blocks);

  // tasks come from the layers that hold measures; headings are the path, not clause text, unless
  // body text follows the label in the same paragraph
  const skip = new Set<number>();
  blocks.forEach((b, i) => {
    if (!TASK_LAYERS.has(b.layer!) || doc.headingOnly.has(i)) skip.add(i);
  });
  const titleOnly = doc.headingOnly;
  // a numbered heading with nothing under it is a measure only where the layer holds measures
  const leafItems = new Set([...leafHeadingsWithoutBody(blocks, tree.headings, titleOnly, doc.headingOf)].filter((i) => TASK_LAYERS.has(blocks[i].layer!)));
  const itemPaths = new Set(
    headingBlocks(tree.headings).filter((i) => !titleOnly.has(i) || leafItems.has(i)).map((i) => tree.pathOf[i].join(SEP)),
  );
  const people = meta.isPlan ? findPeopleBlocks(blocks, tree.pathOf, skip, doc.headingOf) : [];
  for (const p of people) for (let i = p.first; i <= p.last; i++) skip.add(i);

  // a task row counts where its layer holds measures (not in a 版头 or an appendix)
  const tables = meta.isPlan ? readTaskTables(blocks, tree.pathOf).filter((t) => TASK_LAYERS.has(blocks[t.clause.block]?.layer ?? 'body')) : [];
  for (const t of tables) for (const b of t.blocks) skip.add(b);
  // any other table is kept as rows of cells, never read as clauses
  const otherTables = collectTables(blocks, new Set(tables.flatMap((t) => t.blocks)));
  for (const b of otherTables.blocks) skip.add(b);
  const fromTable = new Map(tables.map((t) => [t.clause, t]));
  const peoplePaths = people.map((p) => tree.pathOf[p.first] ?? []);
  const clauses = meta.isPlan
    ? [...splitClauses({ blocks, pathOf: tree.pathOf, skip, itemPaths, headless: tree.headings.length === 0, leafItems }), ...tables.map((t) => t.clause)]
        .filter((c) => c.units.length > 0 || !isGuidingStatement(c.text))
        // a law's 总则/附则 articles are tasks only where they give a duty
        .filter((c) => !isGeneralProvisions(c.path) || c.units.length > 0 || carriesDuty(c.text))
        // a fragment under 6 characters ("附件：", a bare label) is no measure; a task table's cell is one
        .filter((c) => fromTable.has(c) || c.text.replace(/\s+/gu, '').length >= MIN_TASK_CHARS)
        .sort((a, b) => a.block - b.block)
    : [];
  mergeArticleItems(clauses, (c) => fromTable.has(c));
  const numbers = taskNumbers(clauses);
  // one list: what the reader and the structure stage said, then what extraction finds
  const warnings: Message[] = [...raw.messages, ...meta.messages];
  const pageOf = (b: number) => blocks[b]?.page;
  const tasks: Task[] = clauses.map((c, k): Task => {
    const taskId = `${id}#${numbers[k]}`;
    const att = people.find((p) => isUnder(c.headingPath, peopleScope(tree.pathOf[p.first] ?? [], itemPaths, peoplePaths)));
    const row = fromTable.get(c);
    const deadlines = distinctDeadlines([
      ...extractDeadlines(c.text, ctx),
      ...(row?.deadlineText ? extractDeadlines(row.deadlineText, ctx).map((d) => inCell(d, row)) : []),
    ]);
    for (const d of deadlines) {
      // with the document's year known, a due date left without a date is a season or holiday word
      if (d.kind === 'due' && !d.date && year !== undefined) {
        warnings.push(message('deadline-unparsed', 'warning', { detail: `“${d.text}”`, taskId }));
      }
      if (meta.date && isBeforeIssue(d, meta.date)) {
        warnings.push(message('deadline-before-issue', 'warning', { detail: `“${d.text}”（${d.date}）早于发文日期 ${meta.date}`, taskId }));
      }
    }
    return {
      id: taskId,
      path: c.path,
      text: c.text,
      kind: c.path.some((p) => /目标/u.test(p)) ? 'target' : 'measure',
      // a task guide's own accountability block outweighs a body named in passing inside its text
      units: withPage(c.units.length && !(c.inlineUnits && att?.units.length) ? c.units : att?.units ?? [], pageOf),
      leaders: withPage(row?.leaders.length ? row.leaders : att?.leaders ?? [], pageOf),
      owners: withPage(row?.owners.length ? row.owners : att?.owners ?? [], pageOf),
      deadlines,
      quantities: extractQuantities(c.text, { title: meta.title }),
      where: { block: c.block, page: blocks[c.block]?.page },
    };
  });

  const inTasks = new Set(clauses.flatMap((c) => range(c.block, c.blockEnd)));
  const docQuantities: Quantity[] = [];
  const inTables = new Set(otherTables.blocks);
  blocks.forEach((b, i) => {
    // an appendix's numbers are serials and thresholds of a catalogue, not the document's targets;
    // the attachment list and an attachment's title name documents ("促进3岁以下…职责分工")
    if (inTasks.has(i) || inTables.has(i) || APPARATUS_LAYERS.has(b.layer!) || b.layer === 'attachment-appendix' || b.layer === 'attachment-list') return;
    if (doc.attachments.titleBlocks.has(i)) return;
    for (const q of extractQuantities(b.text, { title: meta.title })) docQuantities.push({ ...q, where: { ...q.where, block: i, page: b.page, in: 'block' } });
  });

  const document: DocumentMeta = {
    id,
    source: raw.source,
    title: meta.title,
    docType: meta.docType,
    isPlan: meta.isPlan,
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    date: meta.date,
    jurisdiction: meta.jurisdiction,
    recipients: meta.recipients,
    attachments: meta.attachments,
    articles: meta.articles,
    references: meta.references,
    supersedes: meta.supersedes,
    quantities: docQuantities,
  };
  // tasks read from a scan say so; facts on words the OCR was unsure of are flagged (issue 13)
  const ocr = markOcrTasks(tasks, blocks);
  warnings.push(...ocr.warnings);
  return { schemaVersion: SCHEMA_VERSION, document, tasks: ocr.tasks, tables: otherTables.tables, warnings };
}

/**
 * A deadline read from a table's 完成时限 cell: its span is in the cell, so it points into the row's
 * block; a cell made of two halves or columns keeps only the row's block.
 */
function inCell(d: Deadline, row: TableTask): Deadline {
  const span = row.deadlineSpan;
  if (!span || d.where?.start === undefined || d.where.end === undefined) return { ...d, where: { block: row.clause.block, in: 'block' } };
  return { ...d, where: { block: span.block, start: span.start + d.where.start, end: span.start + d.where.end, in: 'block' } };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}
