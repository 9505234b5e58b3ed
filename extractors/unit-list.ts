// Lists of responsible bodies as documents write them: "县农业农村局（县扶贫办），各乡镇",
// "县财政局牵头，各乡镇配合", "省财政厅、省农业农村厅等按职责分工负责", "各市、县（市、区）人民政府负责".
// units.ts finds where a list is; this file reads one list into names and the roles its verbs give.
import { QUOTED_CLOSE, QUOTED_OPEN } from '../src/lexicon/brackets.js';
import {
  hasJurisdictionPrefix, isCollectiveUnit, isProse, isSharedSuffixName, isUnitName, squeezeCjkSpaces, stripOuterQuotes,
  LEVEL_WORD,
} from './unit-names.js';

export const meta = {
  name: 'unit-list',
  description: '单位列表: 顿号/逗号分隔的单位名, 牵头/配合/负责 动词, 会同, 括号别名与限定, 各市、县（市、区）人民政府',
} as const;

export type ListRole = 'lead' | 'participant';

/**
 * A verb closing a list item gives the items since the previous verb their role. 负责/落实/实施 only say
 * the bodies answer for the work, without ranking them ('named'): the statement's reading decides
 * (the first listed leads, unless another body 牵头).
 */
export const ROLE_VERBS: Readonly<Record<string, ListRole | 'named'>> = {
  共同牵头: 'lead', 牵头: 'lead', 主责: 'lead',
  配合: 'participant', 参与: 'participant', 协助: 'participant', 协同: 'participant', 协办: 'participant',
  参加: 'participant', 为成员: 'participant', 为成员单位: 'participant',
  负责: 'named', 落实: 'named', 实施: 'named', 组织实施: 'named', 组织落实: 'named', 抓好落实: 'named',
  抓落实: 'named', 督促落实: 'named',
};
/** Longest first, so 组织实施 is read before 实施. */
const VERBS = Object.keys(ROLE_VERBS).sort((a, b) => b.length - a.length);
const RANK: Readonly<Record<ListRole | 'named', number>> = { lead: 2, participant: 1, named: 0 };

/**
 * Words between a name and its verb: 县财政局具体负责, 各乡镇共同参与, 省农业农村厅等按职责分工负责.
 * 等 ends an open list ("财政部等"): the named bodies are the ones that answer.
 */
export const ROLE_ADVERBS = /(?:要|应|须|具体|主要|分别|统一|全面|共同|积极|切实|各自|按照各自职责|按照职责分工|按照职责|根据职责|依据职责|按职责分工|按职责|依职责|按分工|分工|等)+$/u;

/** A bracket after a name that says its role: 县财政局（牵头）. */
const BRACKET_ROLES: Readonly<Record<string, ListRole>> = {
  牵头: 'lead', 牵头单位: 'lead', 主责: 'lead', 主责单位: 'lead', 牵头部门: 'lead',
  配合: 'participant', 配合单位: 'participant', 参与: 'participant', 协办: 'participant', 配合部门: 'participant',
};

/** Organs written without their place after a sibling that has it: 县纪委、监委 is one merged body. */
const BARE_SIBLINGS = ['监委', '纪委', '政府', '人大', '政协'] as const;

/**
 * A level word alone ("各市", "县（市、区）", "自治区") is no body: followed by 、 it opens a name shared by
 * several levels, 各市、县（市、区）人民政府 or 各省、自治区、直辖市人民政府.
 */
const LEVEL_ONLY = new RegExp(`^(?:各|全|有关|相关)?(?:${LEVEL_WORD})+(?:[（(〔][^（()）〔〕]*[）)〕])?$`, 'u');

/** "各市委、市政府": 各 covers both organs of one level, which answer together as one body. */
function sharesEach(prev: string, next: string): boolean {
  const m = /^各([省市县区乡镇])(?:党)?委$/u.exec(prev);
  return m !== null && (next === `${m[1]}政府` || next === `${m[1]}人民政府`);
}

const LEADING_LINKS = /^(?:并由|统一由|由|以及|及|和)/u;

export interface ListItem {
  name: string;
  marker?: ListRole;
  /** index of the item this one is bracketed after (县农业农村局（县扶贫办）): it shares that item's role */
  aliasOf?: number;
}

const OPENERS = QUOTED_OPEN;
const CLOSERS = QUOTED_CLOSE;

/** Split at separators that are not inside brackets or quotes; pieces keep their separator before them. */
export function splitTopLevel(text: string, seps: RegExp): { piece: string; sep: string }[] {
  const out: { piece: string; sep: string }[] = [];
  let depth = 0;
  let cur = '';
  let sep = '';
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.test(ch)) {
      out.push({ piece: cur, sep });
      cur = '';
      sep = ch;
    } else cur += ch;
  }
  out.push({ piece: cur, sep });
  return out;
}

/**
 * Strip the verbs and adverbs closing a list item: "省农业农村厅等按职责分工负责" → 省农业农村厅 and
 * 'named'; "各市政府负责落实" → 各市政府; "县财政局牵头负责" → lead (the strongest verb wins).
 */
export function readRoleTail(item: string): { name: string; role?: ListRole | 'named' } {
  let name = item;
  let role: ListRole | 'named' | undefined;
  for (;;) {
    const verb = VERBS.find((v) => name.endsWith(v));
    if (verb) {
      const r = ROLE_VERBS[verb];
      if (role === undefined || RANK[r] > RANK[role]) role = r;
      name = name.slice(0, -verb.length);
      continue;
    }
    if (role === undefined) break;
    const stripped = name.replace(ROLE_ADVERBS, '');
    if (stripped === name) break;
    name = stripped;
  }
  return { name: name.trim(), role };
}

/** Does any item of the list end in a role verb ("A牵头，B配合", "A、B按职责分工负责")? */
export function hasRoleVerb(text: string): boolean {
  return splitTopLevel(text, /[、，,；;]/u).some(({ piece }) => readRoleTail(piece.trim()).role !== undefined);
}

/** A name that can open a list item on its own, so a space or 和 before it separates two bodies. */
function standsAlone(name: string): boolean {
  return hasJurisdictionPrefix(name) || isCollectiveUnit(name) || name.startsWith('“') || name.length >= 5;
}

/** "县扶贫办 县财政局" are two bodies; "县人力 资源社会保障局" is one name broken by a line end. */
function splitSpaces(s: string): string[] {
  const parts = s.split(/\s+/u).filter(Boolean);
  if (parts.length > 1 && parts.every(isUnitName) && parts.slice(1).every(standsAlone)) return parts;
  return [squeezeCjkSpaces(s)];
}

/** "县扶贫办和县财政局" are two bodies; "县工业和信息化局", "第一书记和驻村工作队" are one. */
function splitConjunction(s: string): string[] {
  const m = /^(.+?)(?:和|及|与|以及)(.+)$/u.exec(s);
  if (m && isUnitName(m[1]) && isUnitName(m[2]) && (hasJurisdictionPrefix(m[1]) || standsAlone(m[1])) && standsAlone(m[2])) {
    return [m[1], ...splitConjunction(m[2])];
  }
  return [s];
}

/** Join "各市" + "、" + "县（市、区）人民政府" back into the one name they are. */
function joinLevelRuns(pieces: { piece: string; sep: string }[]): { piece: string; sep: string }[] {
  const out: { piece: string; sep: string; last: string }[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    // "某某银保监分局和各市" + "、县（区）人民政府": the level run starts after the 和
    const tail = prev ? prev.last.trim().replace(LEADING_LINKS, '').split(/和|及|与|以及/u).pop() ?? '' : '';
    if (prev && p.sep === '、' && LEVEL_ONLY.test(tail)) {
      prev.piece += `、${p.piece}`;
      prev.last = p.piece;
    } else out.push({ ...p, last: p.piece });
  }
  return out.map(({ piece, sep }) => ({ piece, sep }));
}

/** A category closing an open list ("工会、妇联等群团组织"): the named bodies answer, the category names none. */
const CATEGORY_TAIL = /等(?:群团组织|人民团体|社会组织|组织|部门|单位|机构|成员单位)$/u;

function dropCategory(name: string): string {
  const m = CATEGORY_TAIL.exec(name);
  return m && isUnitName(name.slice(0, m.index)) ? name.slice(0, m.index) : name;
}

/**
 * Join fields written before one shared collective noun back into the one unit they are:
 * "各级农业农村" + "、" + "财政部门"; "…、市场监管等部门（单位）和工会" gives the shared name, then 工会.
 */
function joinSharedSuffix(pieces: { piece: string; sep: string }[]): { piece: string; sep: string }[] {
  const out: { piece: string; sep: string }[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const first = pieces[k].piece.trim().replace(LEADING_LINKS, '');
    if (isUnitName(first) || first.length > 16 || !/^[\u4e00-\u9fff（）()]+$/u.test(first)) {
      out.push(pieces[k]);
      continue;
    }
    let acc = pieces[k].piece;
    let done = false;
    for (let j = k + 1; j < pieces.length && pieces[j].sep === '、' && !done; j++) {
      const whole = `${acc}、${pieces[j].piece}`;
      if (isSharedSuffixName(readRoleTail(whole.trim().replace(LEADING_LINKS, '')).name)) {
        out.push({ piece: whole, sep: pieces[k].sep });
        k = j;
        done = true;
        break;
      }
      // the list goes on after the shared name: "…等部门（单位）和工会"
      for (const m of pieces[j].piece.matchAll(/和|及|以及/gu)) {
        const left = pieces[j].piece.slice(0, m.index);
        const right = pieces[j].piece.slice((m.index ?? 0) + m[0].length);
        if (isSharedSuffixName(`${acc}、${left}`.trim().replace(LEADING_LINKS, '')) && right.trim() !== '') {
          out.push({ piece: `${acc}、${left}`, sep: pieces[k].sep }, { piece: right, sep: '、' });
          k = j;
          done = true;
          break;
        }
      }
      acc = whole;
    }
    if (!done) out.push(pieces[k]);
  }
  return out;
}

/**
 * Read a list of responsible bodies. `strict`: every item must look like a unit, else null (used for
 * unlabeled brackets, where "（摘帽不摘责任、不摘政策）" must not become units); not strict: the label
 * already said these are units, so items are kept as written.
 */
export function parseUnitList(text: string, strict: boolean): ListItem[] | null {
  const items: ListItem[] = [];
  let unmarkedFrom = 0;
  for (const { piece, sep } of joinSharedSuffix(joinLevelRuns(splitTopLevel(text, /[、，,；;]/u)))) {
    const clean = piece.trim().replace(LEADING_LINKS, '').replace(/[。．.：:]+$/u, '').trim();
    const tail = readRoleTail(clean);
    const marker = tail.role === 'named' ? undefined : tail.role;
    const s = dropCategory(tail.name.replace(/等$/u, '').trim());
    if (!s) {
      if (marker) items.slice(unmarkedFrom).forEach((it) => { it.marker ??= marker; });
      if (tail.role) unmarkedFrom = items.length;
      continue;
    }
    const compact = squeezeCjkSpaces(s);
    const prev = items[items.length - 1];
    const sibling = (BARE_SIBLINGS as readonly string[]).includes(compact) && standsAlone(prev?.name ?? '');
    if (sep === '、' && prev && prev.aliasOf === undefined && (sibling || sharesEach(prev.name, compact))) {
      prev.name += `、${compact}`;
    } else {
      // "A会同B": A leads the work, B joins it
      const [host, ...joined] = s.split(/会同|联合/u);
      for (const name of splitSpaces(host).flatMap(splitConjunction)) {
        if (!addItem(items, stripOuterQuotes(name), strict)) return null;
      }
      if (joined.length > 0) {
        items.slice(unmarkedFrom).forEach((it) => { it.marker ??= 'lead'; });
        for (const name of joined.flatMap(splitSpaces).flatMap(splitConjunction)) {
          if (!addItem(items, stripOuterQuotes(name), strict)) return null;
          items[items.length - 1].marker ??= 'participant';
        }
        unmarkedFrom = items.length;
      }
    }
    if (tail.role) {
      if (marker) for (const it of items.slice(unmarkedFrom)) it.marker ??= marker;
      unmarkedFrom = items.length;
    }
  }
  return items;
}

/** Add one name (with a possible bracket after it); false when strict and it is not a unit. */
function addItem(items: ListItem[], name: string, strict: boolean): boolean {
  const m = /^(.+?)[（(]([^（()）]+)[）)]$/u.exec(name);
  if (m) {
    const [, host, inner] = m;
    const role = BRACKET_ROLES[inner.trim()];
    if (role) return push(items, { name: host, marker: role }, strict);
    const aliases = inner.split(/[、，,]/u).map((x) => squeezeCjkSpaces(x));
    // a body of its own in the bracket (县扶贫办), not a qualifier of the host (街道, 市、区)
    if (aliases.every((a) => a.length >= 3 && isUnitName(a) && standsAlone(a))) {
      if (!push(items, { name: host }, strict)) return false;
      const hostIndex = items.length - 1;
      aliases.forEach((a) => items.push({ name: a, aliasOf: hostIndex }));
      return true;
    }
    // 各乡镇（街道）, 各县（市、区）: the bracket is part of the name
    if (strict && !isUnitName(host)) return false;
    items.push({ name });
    return true;
  }
  return push(items, { name }, strict);
}

function push(items: ListItem[], item: ListItem, strict: boolean): boolean {
  if (strict && !isUnitName(item.name)) return false;
  // a label said "units", but "2020年底前完成" after the last comma is still a remark
  if (!strict && !isUnitName(item.name) && isProse(item.name)) return true;
  if (item.name.length < 2 || item.name.length > 60) return !strict;
  items.push(item);
  return true;
}

/** An unlabelled list needs one name that cannot be an ordinary word: 县扶贫办, 各乡镇, not 街道. */
export function standsOnItsOwn(name: string): boolean {
  return name.length >= 3 && (hasJurisdictionPrefix(name) || isCollectiveUnit(name) || isUnitName(name));
}

/**
 * The list of a labelled section: its first sentence is the list; later sentences count only when
 * they are lists too ("…，各乡镇。此项工作6月底前完成" leaves the remark out). □ marks masked text.
 */
export function readListSentences(text: string): ListItem[] {
  const sentences = text.split(/[。．]/u).filter((s) => s.replace(/[□\s]/gu, '') !== '');
  const items: ListItem[] = [];
  sentences.forEach((s, k) => {
    const read = parseUnitList(s.replace(/□+/gu, ''), k > 0);
    if (read) {
      const base = items.length;
      items.push(...read.map((it) => (it.aliasOf === undefined ? it : { ...it, aliasOf: it.aliasOf + base })));
    }
  });
  return items;
}

/**
 * An unlabelled list, every item a unit, one of them unmistakable. `verbal`: a role verb ranks the
 * bodies ("A牵头，B配合", "A、B按职责分工负责"). Only a verbal list may end in remarks, which are cut
 * ("省财政厅负责，2020年底前完成"): `remark` says so.
 */
export function readBareList(text: string): { items: ListItem[]; verbal: boolean; remark: boolean } | null {
  const pieces = splitTopLevel(text, /[，,；;]/u);
  for (let n = pieces.length; n >= 1; n--) {
    const cut = pieces.slice(n);
    if (cut.some(({ piece }) => !isProse(piece) || isUnitName(piece.trim()))) return null;
    const head = pieces.slice(0, n).map(({ piece, sep }) => sep + piece).join('');
    const verbal = hasRoleVerb(head);
    if (cut.length > 0 && !verbal) continue;
    const items = parseUnitList(head, true);
    if (items && items.length > 0 && items.some((it) => standsOnItsOwn(it.name))) {
      return { items, verbal, remark: cut.length > 0 };
    }
  }
  return null;
}
