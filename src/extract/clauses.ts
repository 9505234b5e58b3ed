// Body paragraphs → task clauses. A task is a leaf clause of the heading tree, or the run of
// paragraphs one responsibility statement governs (issue 4):
// - a statement ending a paragraph governs that paragraph and the unclaimed paragraphs before it
//   under the same heading; several statements in one paragraph cut it into several tasks;
// - a statement on a line of its own governs the unclaimed paragraphs above it under the same
//   heading, or, when there are none, every unit-less task of the heading's subtree;
// - the document's role rule ("第一个单位为牵头单位…，下同") applies from where it is written on.
import type { Block, Unit } from '../model.js';
import { findAllResponsibilities, findRoleRule, type Responsibility, type RoleRule } from '../../extractors/units.js';
import { unitsWithEvidence } from '../lexicon/evidence.js';

export interface Clause {
  /** heading labels from the top, plus the clause's own 一是… label where it has one */
  path: string[];
  /** heading path without the ordinal label: the key a standalone statement matches on */
  headingPath: string[];
  text: string;
  units: Unit[];
  /** index of the first and last block the clause draws on */
  block: number;
  blockEnd: number;
  /** units were given by a statement closing a whole heading, not next to the clause */
  inherited?: boolean;
  /** units come only from words inside a running sentence ("由县财政局负责"), the weakest evidence */
  inlineUnits?: boolean;
  /** units come only from the subjects of its sentences: a unit line closing the paragraphs outweighs them */
  subjectUnits?: boolean;
}

export interface SplitInput {
  blocks: Block[];
  pathOf: string[][];
  /** blocks that are headings (their label is in pathOf) or boilerplate: never clause text */
  skip: Set<number>;
  /** heading paths of numbered items that carry content ("1.完成…。"), joined with SEP */
  itemPaths: Set<string>;
  /** the document has no headings at all: a paragraph that names its responsible units is still a task */
  headless?: boolean;
  /** headings with no body and no subheadings ("1.储备燃煤"): the measure is the heading itself */
  leafItems?: Set<number>;
}

export const SEP = '\u0001';

/** Sections whose text states principles, not measures: they give no task rows. */
// A law's 总则/附则 are not here: their articles that give duties are tasks (extract/index.ts keeps those).
const NON_TASK_SECTION = /(指导思想|基本原则|工作原则|总体思路|重要意义|编制依据|背景|形势|主要问题|面临的)/u;

/** "一是精准实施特色产业扶贫。…" → "一是精准实施特色产业扶贫" */
const ORDINAL_LEAD = /^([一二三四五六七八九十]+是)([^。；;！!？?]{1,40})[。；;！!？?]/u;

function ordinalLabel(text: string): string | null {
  const m = ORDINAL_LEAD.exec(text.trim());
  return m ? m[1] + m[2] : null;
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function isUnder(path: string[], heading: string[]): boolean {
  return heading.length <= path.length && heading.every((x, i) => x === path[i]);
}

function cutStatement(text: string, r: Responsibility): string {
  if (r.inline) return text;
  return (text.slice(0, r.start) + text.slice(r.end)).replace(/\s+$/u, '').trim();
}

/**
 * A guiding-thought paragraph written without its own heading ("以…为指导，全面贯彻…，坚持…"): it
 * states principles, not a measure.
 */
const GUIDING = /^(?:以[^。；]{2,80}?为(?:指导|引领|统领|主线|根本遵循|核心)|高举[^。]{2,30}旗帜|全面贯彻(?:落实)?(?:党的|习近平)|深入贯彻(?:落实)?(?:党的|习近平))/u;
const LEADING_LABEL = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.])[^。；]{0,24}[。：:]/u;

/**
 * The opening paragraph above the first heading that sets a measured goal ("为…，力争2023年增速达到全市
 * 平均水平的1.2倍，制定以下措施"): the document's overall target, a task of its own.
 */
const OPENING_TARGET = /(?:力争|确保|目标是)[^。；]*?\d(?:\.\d+)?\s*(?:%|％|倍|个百分点|万|亿|个|人|户|元|家|项)/u;

export function isOpeningTarget(text: string): boolean {
  return OPENING_TARGET.test(text);
}

export function isGuidingStatement(text: string): boolean {
  return GUIDING.test(text.trim().replace(LEADING_LABEL, ''));
}

export function isTaskSection(path: string[]): boolean {
  return path.length > 0 && !path.some((p) => NON_TASK_SECTION.test(p));
}

export function splitClauses(input: SplitInput): Clause[] {
  const { blocks, pathOf, skip, itemPaths, headless = false, leafItems = new Set<number>() } = input;
  const clauses: Clause[] = [];
  let pending: Clause[] = [];
  let rule: RoleRule | undefined;
  // the clauses the previous block's standalone statement went to: "牵头单位：A" then "配合单位：B" on
  // the next line is one statement written on two lines
  let lastStatement: { block: number; clauses: Clause[] } | null = null;

  const flush = () => {
    clauses.push(...pending);
    pending = [];
  };
  // the run of unclaimed paragraphs above a statement under the same heading belongs to it too
  const claimPending = (own: Clause) => {
    if (!pending.length) return;
    own.text = [...pending.map((c) => c.text), own.text].join('\n');
    own.block = pending[0].block;
    pending = [];
  };

  // paragraphs whose units are only their sentences' subjects, right above an explicit statement under
  // the same heading, are its measure too: the explicit words outweigh the subjects (as a unit line does)
  const claimSubjectOnly = (own: Clause) => {
    const taken: Clause[] = [];
    for (let last = clauses.at(-1); last?.subjectUnits && samePath(last.headingPath, own.headingPath); last = clauses.at(-1)) {
      taken.unshift(clauses.pop()!);
    }
    if (!taken.length) return;
    own.text = [...taken.map((c) => c.text), own.text].join('\n');
    own.block = taken[0].block;
  };

  for (let i = 0; i < blocks.length; i++) {
    if (leafItems.has(i)) {
      flush();
      if (isTaskSection(pathOf[i] ?? [])) clauses.push(makeClause(pathOf[i] ?? [], blocks[i].text.trim(), i));
      continue;
    }
    if (skip.has(i)) continue;
    const path = pathOf[i] ?? [];
    const text = blocks[i].text.trim();
    if (!text) continue;
    if (pending.length && !samePath(pending[0].headingPath, path)) flush();
    rule = findRoleRule(text) ?? rule;
    // each unit keeps its words in the block: cutStatement takes a label run out of the task text
    const lead = blocks[i].text.length - blocks[i].text.trimStart().length;
    const statements = findAllResponsibilities(text, rule).map((r) => ({
      ...r,
      units: unitsWithEvidence(r.units, { block: i, text: blocks[i].text, start: lead + r.start, end: lead + r.end }),
    }));

    if (statements.length === 1 && statements[0].standalone) {
      const units = statements[0].units;
      if (lastStatement && lastStatement.block === prevTextBlock(blocks, skip, i)) {
        for (const c of lastStatement.clauses) c.units = [...c.units, ...units.filter((u) => !c.units.some((x) => x.name === u.name))];
        lastStatement.block = i;
        continue;
      }
      flush();
      // The unclaimed clauses above, back to the previous statement, within the statement's heading
      // (or the whole subtree when the statement closes a heading). A statement written after a
      // numbered item ("1.…。2.…。（责任单位：…）") closes the items' heading, not the last item.
      let scope = path;
      while (scope.length && itemPaths.has(scope.join(SEP))) scope = scope.slice(0, -1);
      const governed: Clause[] = [];
      for (let k = clauses.length - 1; k >= 0 && isUnder(clauses[k].headingPath, scope) && (!clauses[k].units.length || clauses[k].subjectUnits); k--) {
        clauses[k].units = units;
        clauses[k].subjectUnits = undefined;
        clauses[k].inlineUnits = undefined;
        if (clauses[k].headingPath.length > scope.length) clauses[k].inherited = true;
        governed.push(clauses[k]);
      }
      lastStatement = { block: i, clauses: governed };
      continue;
    }
    if (!isTaskSection(path) && !(headless && path.length === 0 && statements.length > 0) && !(path.length === 0 && isOpeningTarget(text))) {
      continue;
    }

    if (!statements.length) {
      pending.push(makeClause(path, text, i));
      continue;
    }
    // bodies named inside running sentences: each sentence whose own subject names bodies starts a
    // statement of its own ("A负责审核。B负责拨付"); sentences without one go with the statement above,
    // and the sentences before the first subject open the first statement
    if (statements.every((r) => r.inline)) {
      statementGroups(text, statements).forEach((g, k, all) => {
        const own = makeClause(path, text.slice(k === 0 ? 0 : g.from, all[k + 1]?.from ?? text.length).trim().replace(/[，,]$/u, ''), i);
        // the first statement's bodies keep their roles; later ones take part (the first unit leads)
        own.units = mergeUnits(g.statements.map((r, n) => (n === 0 ? r.units : r.units.map((u) => ({ ...u, role: 'participant' as const })))));
        own.inlineUnits = true;
        if (g.statements.every((r) => r.subject)) own.subjectUnits = true;
        if (k === 0) claimPending(own);
        if (k === 0 && g.statements.some((r) => r.explicit)) claimSubjectOnly(own);
        clauses.push(own);
      });
      continue;
    }
    // cut the paragraph after each statement: "一是…（责任单位：A）二是…（责任单位：B）"
    let from = 0;
    statements.forEach((r, k) => {
      const last = k === statements.length - 1;
      const end = last ? text.length : r.end;
      const piece = text.slice(from, end);
      const local = { ...r, start: r.start - from, end: r.end - from };
      const own = makeClause(path, cutStatement(piece, local), i);
      own.units = r.units;
      if (r.inline) own.inlineUnits = true;
      // (here every statement is explicit: running-sentence forms are read only when none is)
      if (k === 0) {
        claimPending(own);
        claimSubjectOnly(own);
      }
      if (own.text) clauses.push(own);
      from = end;
    });
  }
  flush();
  return clauses;
}

/** A sentence ends at 。！？ and at ；, which in notices separates duties of different bodies. */
const SENTENCE_END = /[。；;！!？?]/u;

/** A statement that names its bodies' own duty ("省财政厅负责"), not only who the sentence is about. */
function dutyOfItsOwn(text: string, r: Responsibility): boolean {
  return r.text.endsWith('负责') || text.startsWith('负责', r.end);
}

/** Statements grouped by the sentence they stand in; `from` is where the group's text starts. */
function statementGroups(text: string, statements: Responsibility[]): { from: number; statements: Responsibility[] }[] {
  const groups: { from: number; sentence: number; statements: Responsibility[] }[] = [];
  for (const r of statements) {
    let sentence = r.start;
    while (sentence > 0 && !SENTENCE_END.test(text[sentence - 1])) sentence--;
    const last = groups[groups.length - 1];
    const prev = last?.statements[last.statements.length - 1];
    // "A负责审核，B负责拨付": two bodies each 负责 its own duty in one sentence are two statements
    const ownDuty = prev !== undefined && dutyOfItsOwn(text, prev) && dutyOfItsOwn(text, r) && /[，,]\s*$/u.test(text.slice(0, r.start));
    if (last && last.sentence === sentence && !ownDuty) last.statements.push(r);
    else groups.push({ from: last && last.sentence === sentence ? r.start : sentence, sentence, statements: [r] });
  }
  return groups;
}

/** Units of several statements, each body once, in the order named. */
function mergeUnits(lists: Unit[][]): Unit[] {
  const out: Unit[] = [];
  for (const u of lists.flat()) if (!out.some((x) => x.name === u.name)) out.push(u);
  return out;
}

/** The nearest block before i that carries text of its own (not skipped). */
function prevTextBlock(blocks: Block[], skip: Set<number>, i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!skip.has(k) && blocks[k].text.trim()) return k;
  return -1;
}

function makeClause(headingPath: string[], text: string, block: number): Clause {
  const label = ordinalLabel(text);
  return { path: label ? [...headingPath, label] : [...headingPath], headingPath, text, units: [], block, blockEnd: block };
}
