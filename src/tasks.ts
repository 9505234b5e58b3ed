// Body paragraphs → task clauses. A task is a leaf clause of the heading tree, or the run of
// paragraphs one responsibility statement governs (issue 4):
// - a statement ending a paragraph governs that paragraph and the unclaimed paragraphs before it
//   under the same heading; several statements in one paragraph cut it into several tasks;
// - a statement on a line of its own governs the unclaimed paragraphs above it under the same
//   heading, or, when there are none, every unit-less task of the heading's subtree;
// - the document's role rule ("第一个单位为牵头单位…，下同") applies from where it is written on.
import type { Block, Unit } from './model.js';
import { findAllResponsibilities, findRoleRule, type Responsibility, type RoleRule } from '../extractors/units.js';

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
}

export interface SplitInput {
  blocks: Block[];
  pathOf: string[][];
  /** blocks that are headings (their label is in pathOf) or boilerplate: never clause text */
  skip: Set<number>;
}

/** Sections whose text states principles, not measures: they give no task rows. */
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

export function isTaskSection(path: string[]): boolean {
  return path.length > 0 && !path.some((p) => NON_TASK_SECTION.test(p));
}

export function splitClauses(input: SplitInput): Clause[] {
  const { blocks, pathOf, skip } = input;
  const clauses: Clause[] = [];
  let pending: Clause[] = [];
  let rule: RoleRule | undefined;

  const flush = () => {
    clauses.push(...pending);
    pending = [];
  };

  for (let i = 0; i < blocks.length; i++) {
    if (skip.has(i)) continue;
    const path = pathOf[i] ?? [];
    const text = blocks[i].text.trim();
    if (!text) continue;
    if (pending.length && !samePath(pending[0].headingPath, path)) flush();
    rule = findRoleRule(text) ?? rule;
    const statements = findAllResponsibilities(text, rule);

    if (statements.length === 1 && statements[0].standalone) {
      const units = statements[0].units;
      if (pending.length) {
        for (const c of pending) c.units = units;
        flush();
      } else {
        // a statement closing a heading: it governs the subtree's clauses that have no units yet
        for (let k = clauses.length - 1; k >= 0 && isUnder(clauses[k].headingPath, path); k--) {
          if (!clauses[k].units.length) {
            clauses[k].units = units;
            clauses[k].inherited = true;
          }
        }
      }
      continue;
    }
    if (!isTaskSection(path)) continue;

    if (!statements.length) {
      pending.push(makeClause(path, text, i));
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
      if (k === 0 && pending.length) {
        // the run of unclaimed paragraphs above belongs to the first statement too
        const run = [...pending.map((c) => c.text), own.text].join('\n');
        own.text = run;
        own.block = pending[0].block;
        pending = [];
      }
      if (own.text) clauses.push(own);
      from = end;
    });
  }
  flush();
  return clauses;
}

function makeClause(headingPath: string[], text: string, block: number): Clause {
  const label = ordinalLabel(text);
  return { path: label ? [...headingPath, label] : [...headingPath], headingPath, text, units: [], block, blockEnd: block };
}
