// A normalized document → ExtractResult: structure, clauses, and per clause the extractors.
// Pure: no I/O (STYLE.md rule 5); the pipeline reads the file and validates the result.
import type { Block, Deadline, DocumentMeta, ExtractResult, Message, PageFacts, Person, Quantity, RawDocument, Task, Unit } from './model.js';
import { unifyDocNumberBrackets } from './normalize/characters.js';
import { resolveJurisdiction } from './structure/jurisdiction.js';
import { parseDocNumber } from '../extractors/doc-numbers.js';
import { parseFullDate } from '../extractors/dates.js';
import { SCHEMA_VERSION } from './model.js';
import { message } from './messages.js';
import { extractMetadata, type StructureMeta } from './structure/metadata.js';
import { buildTree, headingLevel, type HeadingNode } from './structure/headings.js';
import { locateAttachments } from './structure/attachments.js';
import { embeddedHeaderBlocks } from './structure/embedded.js';
import { SEP, isGuidingStatement, splitClauses, type Clause } from './tasks.js';
import { readTaskTables } from './task-tables.js';
import { extractDeadlines, isBeforeIssue } from '../extractors/deadlines.js';
import { extractQuantities } from '../extractors/quantities.js';
import { extractPeople } from '../extractors/people.js';
import { findAllResponsibilities } from '../extractors/units.js';

/**
 * "牵头县领导：", "责任人：": the accountability block that closes a task guide. It starts at a label
 * naming people; unit labels inside it ("牵头县直部门：") belong to it too.
 */
const PEOPLE_LABEL = /^(牵头|责任|分管|包保|联系)[\u4e00-\u9fff]{0,4}(领导|人)\s*[：:]/u;

export function documentId(source: RawDocument['source'], meta: StructureMeta): string {
  const stem = source.path.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  const slug = stem.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'doc';
  return [slug, source.format, meta.docNumber ? String(meta.docNumber.serial) : ''].filter(Boolean).join('-');
}

interface PeopleBlock {
  first: number;
  last: number;
  leaders: Person[];
  owners: Person[];
  units: Unit[];
}

/** Each attachment's closing accountability lines, read once for every task of that attachment. */
function findPeopleBlocks(blocks: Block[], pathOf: string[][], skip: Set<number>): PeopleBlock[] {
  const out: PeopleBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (skip.has(i) || !PEOPLE_LABEL.test(blocks[i].text.trim())) continue;
    const top = pathOf[i]?.[0];
    let j = i;
    const goesOn = (k: number) =>
      k < blocks.length && !skip.has(k) && pathOf[k]?.[0] === top && headingLevel(blocks[k].text) === null && !/[。；]/u.test(blocks[k].text);
    while (goesOn(j + 1)) j++;
    const lines = blocks.slice(i, j + 1).map((b) => b.text.trim());
    out.push({ first: i, last: j, ...extractPeople(lines) });
    i = j;
  }
  return out;
}

function headingOnlyBlocks(blocks: Block[], nodes: HeadingNode[]): number[] {
  const out: number[] = [];
  const walk = (ns: HeadingNode[]) => {
    for (const n of ns) {
      // a numbered item that is a whole sentence ("1.完成230名…帮扶工作。") is content, not a title
      const text = blocks[n.block].text.trim();
      const h = headingLevel(text);
      if (!h || (!h.body && !/[。！？；]$/u.test(text))) out.push(n.block);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/**
 * What a people block is about: a whole task guide when it closes an attachment ("附件3 …"), else the
 * heading it is written under (above any numbered items it follows).
 */
function peopleScope(path: string[], itemPaths: Set<string>, others: string[][]): string[] {
  if (path[0]?.startsWith('附件')) return path.slice(0, 1);
  if (!itemPaths.has(path.join(SEP))) return path;
  // after a numbered item: that item's own block when its sibling items have blocks too, else the
  // block closes the items' heading ("（一）…（二）…（四）…" then one 责任领导 line for the section)
  const parent = path.slice(0, -1);
  // top-level items ("一、…" run-in headings) have the empty path as parent: every item is their sibling
  const siblingsHaveTheirs = others.some((o) =>
    o !== path && o.length === path.length && parent.every((x, i) => x === o[i]) && o.join(SEP) !== path.join(SEP));
  return siblingsHaveTheirs ? path : parent;
}

/** The same due date, start or duty said twice (in the text and again in a 完成时限 cell) counts once. */
function distinctDeadlines(ds: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = [d.kind, d.date ?? '', d.recurrence ?? '', d.interval ?? ''].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isUnder(path: string[], scope: string[]): boolean {
  return scope.length > 0 && scope.length <= path.length && scope.every((x, i) => x === path[i]);
}

/**
 * Numbered headings with nothing under them ("1.储备燃煤" then "2.检修管网"): each is a measure of its
 * own. A heading followed by body text, or by subheadings, is not. Attachment titles are not measures.
 */
function leafHeadingsWithoutBody(blocks: Block[], nodes: HeadingNode[], titleOnly: Set<number>): Set<number> {
  const out = new Set<number>();
  const walk = (ns: HeadingNode[]) => {
    for (const n of ns) {
      walk(n.children);
      if (n.children.length || n.level === 0 || !titleOnly.has(n.block)) continue;
      // the very next paragraph decides: another heading, a responsibility line closing the list, or
      // the end means nothing was written under it
      const next = blocks[n.block + 1];
      const closes = next !== undefined && findAllResponsibilities(next.text).some((r) => r.standalone);
      if (next === undefined || headingLevel(next.text) !== null || closes) out.add(n.block);
    }
  };
  walk(nodes);
  return out;
}

function headingBlocks(nodes: HeadingNode[]): number[] {
  return nodes.flatMap((n) => [n.block, ...headingBlocks(n.children)]);
}

function taskNumbers(clauses: Clause[]): string[] {
  // "2.1.1" from the heading path's position among siblings, and ".k" when one path holds several tasks
  const seen = new Map<string, number>();
  const childCount = new Map<string, string[]>();
  const ordinal = (parent: string, label: string) => {
    const list = childCount.get(parent) ?? [];
    if (!list.includes(label)) list.push(label);
    childCount.set(parent, list);
    return list.indexOf(label) + 1;
  };
  return clauses.map((c) => {
    const parts: number[] = [];
    c.path.forEach((label, k) => parts.push(ordinal(c.path.slice(0, k).join('\u0001'), label)));
    const base = parts.join('.') || '0';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}.${n}`;
  });
}

/** The text's own skeleton first; what the web page states around the article fills the gaps. */
function withPageFacts(meta: StructureMeta, facts: PageFacts | undefined): StructureMeta {
  if (!facts) return meta;
  const docNumber = meta.docNumber ?? (facts.docNumber ? parseDocNumber(unifyDocNumberBrackets(facts.docNumber)) : null);
  const date = meta.date || (facts.date ? parseFullDate(facts.date) ?? '' : '');
  const issuer = meta.issuer || facts.issuer || '';
  const jurisdiction = meta.jurisdiction ?? (issuer ? resolveJurisdiction(issuer, meta.title) : null);
  return { ...meta, docNumber, date, issuer, jurisdiction };
}

export function buildResult(raw: RawDocument): ExtractResult {
  const { blocks } = raw;
  const meta = withPageFacts(extractMetadata(blocks), raw.pageFacts);
  const tree = buildTree(blocks);
  const year = meta.date ? Number(meta.date.slice(0, 4)) : meta.docNumber?.year;
  const ctx = { year, issued: meta.date || undefined };
  const id = documentId(raw.source, meta);

  const skip = new Set<number>(meta.boilerplate);
  for (let i = 0; i < Math.min(meta.bodyStart, blocks.length); i++) skip.add(i);
  // headings are the path, not clause text, unless body text follows the label in the same paragraph
  const titleOnly = new Set(headingOnlyBlocks(blocks, tree.headings));
  for (const i of titleOnly) skip.add(i);
  const leafItems = leafHeadingsWithoutBody(blocks, tree.headings, titleOnly);
  const itemPaths = new Set(
    headingBlocks(tree.headings).filter((i) => !titleOnly.has(i) || leafItems.has(i)).map((i) => tree.pathOf[i].join(SEP)),
  );
  for (const i of embeddedHeaderBlocks(blocks, meta.bodyStart)) skip.add(i);
  const layout = locateAttachments(blocks);
  for (const i of [...layout.listBlocks, ...layout.titleBlocks]) skip.add(i);
  const people = meta.isPlan ? findPeopleBlocks(blocks, tree.pathOf, skip) : [];
  for (const p of people) for (let i = p.first; i <= p.last; i++) skip.add(i);

  const tables = meta.isPlan ? readTaskTables(blocks, tree.pathOf) : [];
  for (const t of tables) for (const b of t.blocks) skip.add(b);
  const fromTable = new Map(tables.map((t) => [t.clause, t]));
  const peoplePaths = people.map((p) => tree.pathOf[p.first] ?? []);
  const clauses = meta.isPlan
    ? [...splitClauses({ blocks, pathOf: tree.pathOf, skip, itemPaths, headless: tree.headings.length === 0, leafItems }), ...tables.map((t) => t.clause)]
        .filter((c) => c.units.length > 0 || !isGuidingStatement(c.text))
        .sort((a, b) => a.block - b.block)
    : [];
  const numbers = taskNumbers(clauses);
  const warnings: Message[] = [...raw.messages];
  const tasks: Task[] = clauses.map((c, k): Task => {
    const taskId = `${id}#${numbers[k]}`;
    const att = people.find((p) => isUnder(c.headingPath, peopleScope(tree.pathOf[p.first] ?? [], itemPaths, peoplePaths)));
    const row = fromTable.get(c);
    const deadlines = distinctDeadlines([
      ...extractDeadlines(c.text, ctx),
      ...(row?.deadlineText ? extractDeadlines(row.deadlineText, ctx) : []),
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
      units: c.units.length && !(c.inlineUnits && att?.units.length) ? c.units : att?.units ?? [],
      leaders: row?.leaders.length ? row.leaders : att?.leaders ?? [],
      owners: row?.owners.length ? row.owners : att?.owners ?? [],
      deadlines,
      quantities: extractQuantities(c.text, { title: meta.title }),
      where: { block: c.block, page: blocks[c.block]?.page },
    };
  });

  const inTasks = new Set(clauses.flatMap((c) => range(c.block, c.blockEnd)));
  const docQuantities: Quantity[] = [];
  blocks.forEach((b, i) => {
    if (inTasks.has(i) || meta.boilerplate.includes(i)) return;
    for (const q of extractQuantities(b.text, { title: meta.title })) docQuantities.push({ ...q, where: { ...q.where, block: i, page: b.page } });
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
  return { schemaVersion: SCHEMA_VERSION, document, tasks, warnings };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}
