// Conflicts over a whole store: hundreds of documents, never compared all against all. Phrase pairs
// come from the shingle index and quantity subjects from a hash map; only pairs of documents where
// one body governs the other are judged (unrelated places only on request), and superseded
// documents and tasks are left out — their rules no longer hold.
import type { ExtractResult, Quantity, Task } from '../model.js';
import { findCandidatePairs, type CandidateOptions } from './candidates.js';
import { addressedToLower, findingsForPhrases, orderFindings, tasksDisagreeingWith } from './compare-pair.js';
import { phrasesWithItems } from './sentences.js';
import { effectiveJurisdiction, relateDocuments } from './jurisdiction-relation.js';
import { compareQuantityPair, type PairContext } from './rules.js';
import type { Finding } from './schema.js';
import { normalizeForShingles } from './shingles.js';
import { findSupersessions, supersessionFinding, type Supersession } from './supersede.js';
import { isScaleFree, toComparable } from './units.js';
import { deadlinesBeforeIssue, inconsistentWithin } from './within.js';
import { asMessage, type HigherOf } from './finding-messages.js';

export interface AcrossOptions {
  candidates?: CandidateOptions;
  /** also report differences between unrelated places (type informational) */
  includeInformational?: boolean;
  /** also report agreements (compliant, consistent, equivalent) */
  includeAgreements?: boolean;
  /** a quantity subject held by more documents than this is too general to pair on */
  maxSubjectDocs?: number;
  /**
   * Candidate phrase pairs taken from an index elsewhere (PostgreSQL's phrase_shingles) instead of
   * the in-memory one: each end names a document, a task and the number of the phrase in
   * phrasesWithItems(task). Ends that are not among the phrases compared here (superseded, a copy of
   * another document) are passed over.
   */
  phrasePairs?: ReadonlyArray<{ a: PhraseRef; b: PhraseRef }>;
}

export interface PhraseRef {
  docId: string;
  taskId: string;
  phrase: number;
}

export interface AcrossResult {
  documents: number;
  /** document pairs whose clauses were judged */
  documentPairs: number;
  findings: Finding[];
  superseded: Supersession[];
}

interface Clause {
  doc: number;
  task: Task;
}

const AGREEMENTS: ReadonlySet<Finding['type']> = new Set(['compliant', 'consistent', 'equivalent']);

/**
 * The same notice stored as PDF, DOCX and web page is one document: compared once, or every finding
 * would come back once per pair of copies. The copy with page numbers is kept, for citations.
 */
export function distinctDocuments(results: ExtractResult[]): ExtractResult[] {
  const kept = new Map<string, ExtractResult>();
  for (const r of results) {
    const d = r.document;
    const key = [d.docNumber?.text ?? '', d.title, d.date, d.issuer, r.tasks.length].join('\u0001');
    const other = kept.get(key);
    if (!other || (d.source.pages !== undefined && other.document.source.pages === undefined)) kept.set(key, r);
  }
  const chosen = new Set(kept.values());
  return results.filter((r) => chosen.has(r));
}

export function conflictsAcross(all: ExtractResult[], options: AcrossOptions = {}): AcrossResult {
  const results = distinctDocuments(all);
  const superseded = findSupersessions(results, { inconsistentTasks: tasksDisagreeingWith });
  const byId = new Map(results.map((r) => [r.document.id, r]));
  const goneDocs = new Set(superseded.filter((s) => s.scope === 'whole').map((s) => s.older));
  const goneTasks = new Set(superseded.flatMap((s) => s.taskIds));

  const clauses: Clause[] = [];
  results.forEach((r, doc) => {
    if (goneDocs.has(r.document.id)) return;
    for (const task of r.tasks) if (!task.superseded && !goneTasks.has(task.id)) clauses.push({ doc, task });
  });

  const contexts = new Map<string, PairContext | null>();
  const contextOf = (i: number, j: number): PairContext | null => {
    const key = `${i}:${j}`;
    if (!contexts.has(key)) {
      const a = { ...results[i].document, jurisdiction: effectiveJurisdiction(results[i].document) };
      const b = { ...results[j].document, jurisdiction: effectiveJurisdiction(results[j].document) };
      const { relation, higher } = relateDocuments(a, b);
      contexts.set(key, relation === 'binding' || options.includeInformational ? { a, b, relation, higher } : null);
    }
    return contexts.get(key)!;
  };

  // The index holds phrases that write a figure or a deadline: short, so a copied duty inside two
  // long, otherwise different paragraphs still stands out, and nothing else can conflict.
  const phrases = clauses.flatMap((c) => phrasesWithItems(c.task).map((phrase, k) => ({ ...c, phrase, k })));
  const findings: Finding[] = [];
  const phrasePairs = options.phrasePairs
    ? givenPairs(phrases.map((p) => phraseKey(results[p.doc].document.id, p.task.id, p.k)), options.phrasePairs)
    : findCandidatePairs(
        phrases.map((p) => ({ group: String(p.doc), text: p.phrase.text })),
        options.candidates,
      );
  for (const p of phrasePairs) {
    const x = phrases[p.i];
    const y = phrases[p.j];
    const ctx = contextOf(x.doc, y.doc);
    if (ctx) findings.push(...findingsForPhrases(ctx, x.task, y.task, x.phrase, y.phrase));
  }
  findings.push(...subjectFindings(clauses, contextOf, options.maxSubjectDocs ?? 64));

  for (const s of superseded) findings.push(supersessionFinding(s, byId.get(s.older)!, byId.get(s.newer)!));
  for (const r of results) if (!goneDocs.has(r.document.id)) findings.push(...inconsistentWithin(r), ...deadlinesBeforeIssue(r));

  const kept = findings.filter((f) => options.includeAgreements || !AGREEMENTS.has(f.type));
  const indexOf = new Map(results.map((r, i) => [r.document.id, i]));
  const higherOf: HigherOf = (x, y) => {
    const [i, j] = [indexOf.get(x), indexOf.get(y)];
    const ctx = i === undefined || j === undefined ? null : contextOf(i, j);
    return ctx?.higher === 'a' ? x : ctx?.higher === 'b' ? y : null;
  };
  const pairs = [...contexts.values()].filter(Boolean).length;
  return { documents: results.length, documentPairs: pairs, findings: orderFindings(kept).map((f) => asMessage(f, higherOf)), superseded };
}

const phraseKey = (docId: string, taskId: string, phrase: number) => `${docId}\u0000${taskId}\u0000${phrase}`;

/** Pairs given by reference, as indexes into this run's phrases (i < j, each pair once, sorted as findCandidatePairs sorts). */
function givenPairs(keys: string[], given: NonNullable<AcrossOptions['phrasePairs']>): Array<{ i: number; j: number }> {
  const at = new Map(keys.map((k, i) => [k, i]));
  const seen = new Set<string>();
  const out: Array<{ i: number; j: number }> = [];
  for (const g of given) {
    const x = at.get(phraseKey(g.a.docId, g.a.taskId, g.a.phrase));
    const y = at.get(phraseKey(g.b.docId, g.b.taskId, g.b.phrase));
    if (x === undefined || y === undefined || x === y) continue;
    const [i, j] = x < y ? [x, y] : [y, x];
    if (seen.has(`${i}:${j}`)) continue;
    seen.add(`${i}:${j}`);
    out.push({ i, j });
  }
  return out.sort((p, q) => p.i - q.i || p.j - q.j);
}

/** Same subject, same comparable unit, different documents: grouped by a hash key, not compared all against all. */
function subjectFindings(
  clauses: Clause[],
  contextOf: (i: number, j: number) => PairContext | null,
  maxDocs: number,
): Finding[] {
  const groups = new Map<string, { c: Clause; q: Quantity }[]>();
  for (const c of clauses) {
    for (const q of c.task.quantities) {
      if (!q.subject || !isScaleFree(q)) continue;
      const key = `${normalizeForShingles(q.subject).chars}\u0000${toComparable(q)!.key}`;
      const list = groups.get(key) ?? [];
      list.push({ c, q });
      groups.set(key, list);
    }
  }
  const out: Finding[] = [];
  for (const list of groups.values()) {
    const docs = new Set(list.map((e) => e.c.doc));
    if (docs.size < 2 || docs.size > maxDocs) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = list[i].c.doc < list[j].c.doc ? [list[i], list[j]] : [list[j], list[i]];
        if (x.c.doc === y.c.doc) continue;
        const ctx = contextOf(x.c.doc, y.c.doc);
        if (!ctx || !addressedToLower(ctx, x.c.task, y.c.task, x.q, y.q, 'quantities')) continue;
        const f = compareQuantityPair(ctx, x.c.task, x.q, y.c.task, y.q);
        if (f) out.push(f);
      }
    }
  }
  return out;
}
