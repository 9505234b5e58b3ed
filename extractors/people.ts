// Leaders, owners and departments named in attachment blocks of task guides:
//   牵头县领导：董国飞 副县长 / 牵头县直部门：县卫生健康局 / 县医疗保障局 / 责任人：于守信 县卫生健康局局长
// A line without a label continues the label above it, as long as it reads like that label's content.
import type { Person, Unit } from '../src/model.js';
import { isUnitName } from './unit-names.js';
import { parseUnitList, type ListRole } from './unit-list.js';
import { peopleWithEvidence, unitsWithEvidence, type Span } from '../src/lexicon/evidence.js';
import { DIRECT, LABEL_NOUN, labelWords, type LabelRole } from '../src/lexicon/labels.js';

export const meta = {
  name: 'people',
  description: '牵头领导/责任人/联系人 (name, title) and 牵头县直部门 blocks, with continuation lines',
} as const;

type Slot = 'leaders' | 'owners' | 'units';

/** A unit label giving `role` (the lexicon's words and nouns, as the paragraph rule reads them). */
const unitLabel = (role: LabelRole) => new RegExp(`(?:${labelWords(role)})${DIRECT}?${LABEL_NOUN}\\s*[：:]`, 'u');

/** Labels, tried in order; 牵头 and 配合 labels give every body under them their role, 责任 lists read by order. */
const LABELS: readonly { re: RegExp; slot: Slot; role?: LabelRole }[] = [
  { re: /(?:牵头|责任|分管|包保|联系|挂帅|主管|包联)?(?:[省市县区乡镇]级?)?领导(?:同志)?\s*[：:]/u, slot: 'leaders' },
  { re: /(?:具体|直接|第一|主要)?(?:责任人|联系人|负责人)\s*[：:]/u, slot: 'owners' },
  { re: unitLabel('lead'), slot: 'units', role: 'lead' },
  { re: unitLabel('participant'), slot: 'units', role: 'participant' },
  { re: unitLabel('default'), slot: 'units', role: 'default' },
];

/** Words a title starts with; they also mark where a name written without a space ends (王辉县农业农村局局长). */
const TITLE_STARTS = ['县', '市', '区', '省', '州', '旗', '乡', '镇', '村', '副', '常务', '党', '中共', '正', '主任',
  '局长', '书记', '主席', '总', '驻'] as const;

/** Endings of posts; a short token ending so is a title, not a name (局长, 副主任). */
const TITLE_ENDS = ['长', '主任', '书记', '主席', '助理', '委员', '常委', '秘书', '干事', '科员', '经理', '部长',
  '专员', '调研员', '巡视员', '负责人'] as const;

export interface People {
  leaders: Person[];
  owners: Person[];
  /** departments named by 牵头县直部门 (all lead) / 配合单位 (all take part) / 责任单位 lines (the first leads) */
  units: Unit[];
}

/**
 * Read leaders, owners and units from the lines of one attachment block. Each fact carries its words
 * with `where.block` = the index of its line in `lines` and start/end in that line as given.
 */
export function extractPeople(lines: string[]): People {
  const out: People = { leaders: [], owners: [], units: [] };
  const block: Block = { label: null, unitsSeen: 0 };
  lines.forEach((raw, k) => {
    const line = raw.trim();
    if (!line) return;
    const lead = raw.length - raw.trimStart().length;
    const segments = splitAtLabels(line);
    if (segments.length === 0) {
      // an unlabelled line continues the label above only if it reads like that label's content
      if (block.label && !readInto(out, block, line, true)) block.label = null;
      else placeNew(out, { block: k, text: raw, start: lead, end: lead + line.length });
      return;
    }
    for (const seg of segments) {
      block.label = seg.label;
      block.unitsSeen = 0;
      readInto(out, block, seg.content, false);
      placeNew(out, { block: k, text: raw, start: lead + seg.from, end: lead + seg.from + seg.content.length });
    }
  });
  return out;
}

/** The facts just read (those without evidence yet) stand in this span. */
function placeNew(out: People, span: Span): void {
  out.leaders = peopleWithEvidence(out.leaders, span);
  out.owners = peopleWithEvidence(out.owners, span);
  out.units = unitsWithEvidence(out.units, span);
}

interface Block { label: (typeof LABELS)[number] | null; unitsSeen: number }

/** Labels anywhere in a line (at its start or after a space): "牵头县领导：张三 副县长  责任人：李四 局长". */
function splitAtLabels(line: string): { label: (typeof LABELS)[number]; content: string; from: number }[] {
  const hits: { at: number; len: number; label: (typeof LABELS)[number] }[] = [];
  for (const label of LABELS) {
    const re = new RegExp(label.re.source, 'gu');
    for (const m of line.matchAll(re)) {
      const at = m.index ?? 0;
      if (at > 0 && !/[\s；;。]/u.test(line[at - 1])) continue;
      if (hits.some((h) => at < h.at + h.len && h.at < at + m[0].length)) continue;
      hits.push({ at, len: m[0].length, label });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  if (hits.length === 0 || hits[0].at !== 0) return [];
  return hits.map((h, k) => {
    const rest = line.slice(h.at + h.len, hits[k + 1]?.at ?? line.length);
    return { label: h.label, content: rest.trim(), from: h.at + h.len + rest.length - rest.trimStart().length };
  });
}

/** Add a line's content under the block's label; a continuation line that does not fit is refused. */
function readInto(out: People, block: Block, content: string, continuation: boolean): boolean {
  const label = block.label;
  if (!label) return false;
  if (label.slot === 'units') {
    const items = parseUnitList(content, continuation);
    if (!items || items.length === 0) return !continuation;
    for (const it of items) {
      const first = block.unitsSeen++ === 0;
      if (out.units.some((u) => u.name === it.name)) continue;
      // an explicit label names every body under it (牵头县直部门：A / B → both lead); a plain 责任单位 list
      // reads by order, the first leading
      const role: ListRole = label.role === 'lead' || label.role === 'participant' ? label.role : it.marker ?? (first ? 'lead' : 'participant');
      out.units.push({ name: it.name, role });
    }
    return true;
  }
  const persons = parsePersons(content);
  // "附件 6" after a 责任人 line looks like a name and a title; a continuation needs a real post
  if (persons.length === 0 || (continuation && !persons.every((p) => p.title && isTitle(p.title)))) return false;
  out[label.slot].push(...persons);
  return true;
}

/** A person's name: 2–4 Chinese characters that are neither a title nor a unit. */
export function isPersonName(token: string): boolean {
  if (!/^[\u4e00-\u9fff·]{2,4}$/u.test(token)) return false;
  if (TITLE_STARTS.some((w) => token.startsWith(w) && w.length > 1)) return false;
  if (['县', '市', '区', '省', '副'].includes(token[0])) return false;
  return !TITLE_ENDS.some((w) => token.endsWith(w)) && !isUnitName(token);
}

/** A post: 副县长, 县卫生健康局局长, 县委常委组织部长. */
export function isTitle(s: string): boolean {
  return TITLE_ENDS.some((w) => s.endsWith(w)) || /(?:长|主任|书记|主席|委员|常委)/u.test(s);
}

/** "王辉县农业农村局局长" → 王辉 + 县农业农村局局长: the name ends where a title word begins. */
function splitGluedName(token: string): Person | null {
  for (const k of [2, 3, 4]) {
    const name = token.slice(0, k);
    const title = token.slice(k);
    if (title.length >= 2 && isPersonName(name) && TITLE_STARTS.some((w) => title.startsWith(w))) return { name, title };
  }
  return null;
}

/**
 * "董国飞 副县长", "张三 副县长、李四 县长助理", "王辉 县农业农村局局长、县扶贫办主任" (one person, two
 * posts). A title token after a person extends that person's title, joined as written.
 */
export function parsePersons(content: string): Person[] {
  const bracketed = bracketedPersons(content);
  if (bracketed) return bracketed;
  const persons: Person[] = [];
  const re = /([\s、，,；;]*)([^\s、，,；;]+)/gu;
  for (const m of content.matchAll(re)) {
    const sep = m[1].replace(/\s+/gu, '');
    const token = m[2];
    const last = persons[persons.length - 1];
    const glued = token.length > 4 ? splitGluedName(token) : null;
    if (/^[\d\-－—()（）+]+$/u.test(token)) continue; // a telephone number beside a contact
    if (isPersonName(token)) {
      persons.push({ name: token });
    } else if (glued) {
      persons.push(glued);
    } else if (last) {
      last.title = last.title ? last.title + (sep ? sep[0] : '') + token : token;
    } else return [];
  }
  return persons;
}

/** "刘建华（县委常委、副县长）", "王强(副镇长)、李明（镇应急办主任）": the post in brackets after the name. */
const BRACKETED_PERSON = /([\u4e00-\u9fff·]{2,4})\s*[（(]([^（）()]{2,30})[）)]/gu;

/** Every person of a list written name（post）, or null when any part of the content is written otherwise. */
function bracketedPersons(content: string): Person[] | null {
  const persons: Person[] = [];
  let at = 0;
  for (const m of content.matchAll(BRACKETED_PERSON)) {
    if (!/^[\s、，,；;]*$/u.test(content.slice(at, m.index))) return null;
    if (!isPersonName(m[1])) return null;
    persons.push({ name: m[1], title: m[2].trim() });
    at = m.index! + m[0].length;
  }
  if (persons.length === 0 || !/^[\s、，,；;。]*$/u.test(content.slice(at))) return null;
  return persons;
}
