// Responsibility statements: which bodies answer for a measure, and which of them leads.
// Works on one normalized paragraph; the task splitter decides which paragraphs a statement governs.
import type { Unit } from '../src/model.js';
import { NESTING_CLOSE, NESTING_OPEN } from '../src/lexicon/brackets.js';
import { LABEL_NOUN, LABEL_WORDS, NEEDS_NOUN, type LabelRole } from '../src/lexicon/labels.js';
import {
  parseUnitList, readBareList, readListSentences, type ListItem, type ListRole,
} from './unit-list.js';
import { ENUMERATOR, inlineStatements as inlineLists } from './unit-inline.js';
import { subjectStatements } from './unit-subject.js';

export const meta = {
  name: 'units',
  description: '责任单位: （责任单位：A、B，C）, 【牵头单位】, 牵头单位/配合单位, bare （A，B） after a measure, '
    + '（A牵头，B等按职责分工负责）, 由A牵头B配合, A负责',
} as const;

/** A document-wide rule on reading unit lists ("第一个单位为牵头单位，其它为参与单位，下同"). */
export type RoleRule = 'first-leads' | 'all-lead';

export interface Responsibility {
  units: Unit[];
  /** the exact source words of the statement */
  text: string;
  /** span of the statement in the paragraph: paragraph.slice(start, end) === text */
  start: number;
  end: number;
  /** the statement is the whole paragraph (a line of its own) */
  standalone: boolean;
  /** a role rule written inside this paragraph; the splitter carries it to the rest of the document */
  roleRule?: RoleRule;
  /**
   * the statement is part of a running sentence ("由县财政局牵头，各乡镇配合落实"): the words stay in the
   * task text, the splitter must not cut them out
   */
  inline?: boolean;
  /** the bodies are only the subject of a running sentence ("各乡镇要…"): a unit line below outweighs them */
  subject?: boolean;
  /** a labelled or bracketed statement (not words of a running sentence), even when its words stay in the task */
  explicit?: boolean;
}

// The label words (牵头, 配合, 责任…), the nouns they end in and the roles they give: src/lexicon/labels.ts.
const LABEL_WORD = Object.keys(LABEL_WORDS).join('|');
/** Words that may stand before a label: 主要责任单位, 市直责任部门. */
const LABEL_QUALIFIER = '(?:主要|具体|直接|[省市县区]直)';
// PDF text may carry stray spaces anywhere ("责任 单位 ："), so spaces are allowed between the parts
const UNIT_LABEL = new RegExp(
  `${LABEL_QUALIFIER}?(${LABEL_WORD})\\s*((?:[省市县区]直)?\\s*${LABEL_NOUN})?\\s*[：:]`, 'gu');
/** A label written in brackets without a colon: 【牵头单位】市水务局【完成时限】6月底前. */
const BRACKET_LABEL = /[【〔]\s*([\u4e00-\u9fff]{2,8})\s*[】〕](?=\s*[^\s【〔])/gu;
/** Words of time in what a bracket says besides its units: they belong to the task, not the statement. */
const TIME_WORDS = /[0-9０-９]|[一二三四五六七八九十]+[年月日]|年底|月底|年内|季度|时限|长期|持续|每[年月季周半]/u;
/** Any other "名目：" label ends a unit statement: 完成时限：, 责任人：, 牵头领导：. */
const OTHER_LABEL = /[\u4e00-\u9fff]{2,8}\s*[：:]/u;

const RULE_FIRST = /(?:排名|排序|排在|列在|列于|列|排)?(?:第一个|第一家|第一位|第一|首个|首位|首家|最前面|最前|前者)(?:的|位)?(?:单位|部门|责任单位)?(?:为|是|作为|系)(?:牵头|主责|主办)/u;
const RULE_ALL = /(?:均|都|皆|同)(?:为|是|系)(?:牵头|主责)(?:单位|部门)/u;

const OPEN = NESTING_OPEN;
const CLOSE = NESTING_CLOSE;
/** Punctuation that may follow a statement at the end of its paragraph. */
const TRAILING = /^[\s。．.；;，,、]*$/u;

/** The document's rule for reading unit lists, if this text states one. */
export function findRoleRule(text: string): RoleRule | null {
  if (RULE_FIRST.test(text)) return 'first-leads';
  if (RULE_ALL.test(text)) return 'all-lead';
  return null;
}

/** The first responsibility statement in the paragraph (labelled or bracketed before inline forms). */
export function findResponsibility(paragraph: string, rule?: RoleRule): Responsibility | null {
  return findAllResponsibilities(paragraph, rule)[0] ?? null;
}

/**
 * Every explicit statement in the paragraph, in order ("一是…（责任单位：A）二是…（责任单位：B）");
 * inline forms (由A牵头, A负责) only when the paragraph has no explicit one.
 */
export function findAllResponsibilities(paragraph: string, rule?: RoleRule): Responsibility[] {
  const found = findRoleRule(paragraph);
  const effective = found ?? rule;
  const scan = unbracketLabels(paragraph);
  const spans = [...bracketStatements(scan), ...labelledLines(scan)].sort((a, b) => a.start - b.start);
  const chosen = (spans.length > 0 ? spans : inlineStatements(scan)).map((s) => fitSpan(paragraph, scan, s));
  return chosen.flatMap((s) => {
    const units = assignRoles(s.sections, effective);
    if (units.length === 0) return [];
    const standalone = paragraph.slice(0, s.start).trim() === '' && TRAILING.test(paragraph.slice(s.end));
    const r: Responsibility = { units, text: paragraph.slice(s.start, s.end), start: s.start, end: s.end, standalone };
    if (found) r.roleRule = found;
    if (s.inline && !standalone) r.inline = true;
    if (s.subject) r.subject = true;
    if (spans.length > 0) r.explicit = true;
    return [r];
  });
}

/**
 * "加快建设【牵头单位】A【完成时限】B" → "加快建设；牵头单位：A；完成时限：B": a bracketed label ends the
 * sentence before it like a semicolon. Same length, so spans found in the result fit the paragraph.
 */
function unbracketLabels(p: string): string {
  return p.replace(BRACKET_LABEL, (all, word: string) => `；${word}：`.padEnd(all.length, ' '));
}

/** Give a span found in the unbracketed text back its 【 and leave the next label's 【 out. */
function fitSpan(paragraph: string, scan: string, s: Span): Span {
  let { start, end } = s;
  if (start > 0 && paragraph[start - 1] !== scan[start - 1]) start--;
  while (end > start && paragraph[end - 1] !== scan[end - 1]) end--;
  return start === s.start && end === s.end ? s : { ...s, start, end };
}

interface Section { role: LabelRole; items: ListItem[] }
interface Span { start: number; end: number; sections: Section[]; inline?: boolean; subject?: boolean }

/** "由A牵头，B配合" and "A负责" first; bodies written as a clause's subject fill the rest of the paragraph. */
function inlineStatements(p: string): Span[] {
  const lists = inlineLists(p);
  const subjects = subjectStatements(p).filter((s) => !lists.some((l) => s.start < l.end && l.start < s.end));
  return [...lists, ...subjects.map((s) => ({ ...s, subject: true }))].sort((a, b) => a.start - b.start)
    .map(({ start, end, items, ...rest }) => ({
      start, end, sections: [{ role: 'default' as const, items }], inline: true, ...('subject' in rest ? { subject: true } : {}),
    }));
}

/** Index of the bracket closing the one opened at `open`, or -1 when the paragraph ends first. */
function matchingClose(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (OPEN.includes(p[i])) depth++;
    else if (CLOSE.includes(p[i]) && --depth === 0) return i;
  }
  return -1;
}

/** "（责任单位：…）" anywhere; unlabelled "（A，B）" closing a measure, "（A牵头，B负责）" closing a clause. */
function bracketStatements(p: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < p.length; i++) {
    if (!OPEN.includes(p[i])) continue;
    const close = matchingClose(p, i);
    const end = close < 0 ? p.length : close + 1;
    const inner = p.slice(i + 1, close < 0 ? p.length : close);
    const labelled = readLabelled(inner);
    if (labelled) {
      // "（责任单位：A；完成时限：6月底前）": the words stay in the task so its deadline is still read
      const keep = TIME_WORDS.test(besidesUnits(inner, labelled.sections));
      out.push({ start: i, end, sections: labelled.sections, inline: keep || undefined });
      i = end - 1;
      continue;
    }
    if (close < 0 || /[：:]/u.test(inner)) continue;
    const list = readBareList(inner);
    if (list && bareListFits(p.slice(0, i).trim(), p.slice(end), list.verbal)) {
      out.push({ start: i, end, sections: [{ role: 'default', items: list.items }], inline: list.remark || undefined });
      i = end - 1;
    }
  }
  return out;
}

/**
 * An unlabelled bracket is a statement when it closes a measure ("…。（县商务局，各乡镇）"), or when
 * its bodies carry a role verb ("加强监管（财政部负责）。"), which no bracketed remark has. A remark
 * after a verb list ("（省财政厅负责，2020年底前完成）") keeps the statement's words in the task.
 */
function bareListFits(before: string, after: string, verbal: boolean): boolean {
  if (TRAILING.test(after) || before === '' || /[。；;！!？?]$/u.test(before)) return true;
  return verbal && /^\s*(?:[。；;，,！!？?]|$)/u.test(after);
}

/** What a labelled bracket says besides its unit names and labels ("完成时限：2021年6月底前"). */
function besidesUnits(inner: string, sections: Section[]): string {
  const names = sections.flatMap((s) => s.items.map((it) => it.name)).sort((a, b) => b.length - a.length);
  return names.reduce((acc, n) => acc.split(n).join(''), cutRoleRule(inner));
}

/** "责任单位：…" / "牵头单位：A；配合单位：B" outside brackets, at the start or after a sentence. */
function labelledLines(p: string): Span[] {
  const masked = maskBrackets(p);
  for (const m of masked.matchAll(UNIT_LABEL)) {
    const at = m.index ?? 0;
    const before = p.slice(0, at).replace(ENUMERATOR, '').trim();
    if (before !== '' && !/[。；;！!？?]$/u.test(before)) continue;
    if (!isLabel(m)) continue;
    const read = readLabelled(p.slice(at));
    if (!read) continue;
    let end = at + read.length;
    while (end < p.length && /[。．.；;]/u.test(p[end])) end++;
    return [{ start: at, end, sections: read.sections }];
  }
  return [];
}

/** Replace bracketed text by blanks so labels inside brackets are left to bracketStatements. */
function maskBrackets(p: string): string {
  let depth = 0;
  // split(''), not [...p]: offsets must stay UTF-16 indices of the paragraph
  return p.split('').map((ch) => {
    if (OPEN.includes(ch)) depth++;
    const out = depth > 0 ? '□' : ch;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    return out;
  }).join('');
}

function isLabel(m: RegExpMatchArray): boolean {
  return !(NEEDS_NOUN.includes(m[1]) && !m[2]);
}

/**
 * Read text that starts with a unit label, possibly after a role-rule sentence; sections run to the
 * next label; another kind of label ("完成时限：") ends the statement. `length` is how much was read.
 */
function readLabelled(text: string): { sections: Section[]; length: number } | null {
  const body = cutRoleRule(text);
  const labels = [...body.matchAll(UNIT_LABEL)].filter(isLabel);
  if (labels.length === 0) return null;
  // only blanks, or other labels ("牵头领导：张三；责任单位：…"), may come before the first unit label
  const pre = body.slice(0, labels[0].index);
  const onlyBlanks = pre.replace(/[□\s。；;，,]/gu, '') === '';
  if (!onlyBlanks && !(/^\s*[\u4e00-\u9fff]{2,8}\s*[：:]/u.test(pre) && /[；;。]\s*$/u.test(pre))) return null;
  const sections: Section[] = [];
  let length = text.length;
  for (let k = 0; k < labels.length; k++) {
    const m = labels[k];
    const from = (m.index ?? 0) + m[0].length;
    let to = k + 1 < labels.length ? labels[k + 1].index ?? body.length : body.length;
    const other = OTHER_LABEL.exec(body.slice(from, to));
    if (other) {
      to = from + other.index;
      length = Math.min(length, to);
    }
    const items = readListSentences(body.slice(from, to));
    if (items.length > 0) sections.push({ role: LABEL_WORDS[m[1]], items });
    if (other) break;
  }
  // keep the span tight: trailing blanks of a cut rule belong to the statement only inside brackets
  return sections.length > 0 ? { sections, length: length === text.length ? text.trimEnd().length : length } : null;
}

/** Blank out a role-rule clause (from the comma before it to its sentence end), keeping offsets. */
function cutRoleRule(text: string): string {
  let out = text;
  for (const re of [RULE_FIRST, RULE_ALL]) {
    const m = re.exec(out);
    if (!m) continue;
    const head = out.slice(0, m.index);
    const from = Math.max(...['。', '；', ';', '，', ',', '：', ':'].map((c) => head.lastIndexOf(c))) + 1;
    const stop = out.slice(m.index).search(/[。；;]/u);
    const to = stop < 0 ? out.length : m.index + stop;
    out = out.slice(0, from) + '□'.repeat(to - from) + out.slice(to);
  }
  return out;
}

/**
 * Roles: explicit labels and verbs win; a 责任单位 section next to a 牵头单位 section is the participants
 * (and the leads next to a 配合单位 section); otherwise the rule, and by default the first body leads.
 */
function assignRoles(sections: Section[], rule: RoleRule | undefined): Unit[] {
  const hasLead = sections.some((s) => s.role === 'lead' || s.items.some((it) => it.marker === 'lead'));
  const hasHelp = sections.some((s) => s.role === 'participant');
  const units: Unit[] = [];
  // "（县扶贫办负责，各乡镇配合）": the first body no verb or label ranks is the lead
  let leadGiven = false;
  for (const s of sections) {
    const roles: ListRole[] = [];
    s.items.forEach((it) => {
      let role: ListRole;
      if (it.aliasOf !== undefined) role = roles[it.aliasOf];
      else if (it.marker) role = it.marker;
      else if (s.role !== 'default') role = s.role;
      else if (hasLead) role = 'participant';
      else if (hasHelp || rule === 'all-lead') role = 'lead';
      else role = leadGiven ? 'participant' : 'lead';
      if (s.role === 'default' && it.aliasOf === undefined && role === 'lead') leadGiven = true;
      roles.push(role);
      if (!units.some((u) => u.name === it.name)) units.push({ name: it.name, role });
    });
    if (s.role === 'default' && s.items.length > 0) leadGiven = true;
  }
  return units;
}
