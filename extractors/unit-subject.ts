// Bodies written as the subject of a measure, the way most notices name who answers for it:
// "省财政厅会同省农业农村厅做好…", "区民政部门应…", "各区要…", "方案由A、B与C协商后确定",
// "鼓励各市县（区）农业农村部门探索…", "…的，财政部门于15个工作日内兑付". A noun phrase that only looks
// like one ("强化农业农村和财政部门牵头，其他部门支持的…机制") is no subject: the bodies must open a
// clause (or follow 由/请/要求/鼓励) and be followed by a word that opens a predicate.
import { hasJurisdictionPrefix, isCollectiveUnit, isSharedSuffixName, isUnitName, isVagueCollective } from './unit-names.js';
import { parseUnitList, type ListItem } from './unit-list.js';
import { containsCentralHead, isCentralBranch, isFieldBody, isKnownBody } from './unit-data.js';
import { isPlaceHead } from './unit-places.js';

export const meta = {
  name: 'unit-subject',
  description: '主语单位: 省财政厅会同省农业农村厅做好…, 各区要…, 由A、B与C协商确定, 鼓励各市县农业农村部门…',
} as const;

/**
 * Words that open a predicate right after its subject. A body followed by one of these at a clause start
 * is the one doing the work; followed by anything else (的, 当年, 资金) it is part of a noun phrase.
 */
export const SUBJECT_FOLLOWERS: Readonly<Record<'modal' | 'preposition' | 'adverb' | 'verb', readonly string[]>> = {
  modal: ['要', '应当', '应', '须', '必须', '需', '可以', '可', '将', '务必', '不得'],
  preposition: ['按照', '依照', '依据', '根据', '结合', '依托', '通过', '围绕', '针对', '对', '在', '向', '从', '把',
    '以', '因', '就', '为', '与', '联合', '会同', '按', '牵头', '负责'],
  adverb: ['重点', '全面', '切实', '进一步', '积极', '及时', '定期', '主动', '认真', '严格', '依法', '统筹', '共同', '分别',
    '具体', '统一', '每年', '每半年', '每季度', '每月', '适时', '逐步', '同步', '另行', '继续', '持续', '牢固', '着力', '大力', '优先'],
  verb: ['加强', '加大', '加快', '强化', '做好', '抓好', '组织', '开展', '推进', '推动', '落实', '实施', '制定', '发布', '建立',
    '健全', '完善', '指导', '督促', '监督', '协调', '研究', '确定', '审核', '采取', '提高', '提供', '完成', '报送', '承担', '履行',
    '配合', '参与', '协助', '做细', '出台', '印发', '编制', '设立', '安排', '保障', '筹措', '统计', '核实', '负', '探索',
    '会商', '协商', '商', '审定', '主管', '审批', '核定', '下达', '拨付', '兑付', '公布', '公开', '受理', '办理', '跟踪', '收集', '汇总'],
};
const FOLLOWERS = Object.values(SUBJECT_FOLLOWERS).flat().sort((a, b) => b.length - a.length);
/** 于 opens a predicate only before a time: "财政部门于15个工作日内", not "属于" or "用于". */
const YU_TIME = /^于(?=[0-9０-９]|[一二三四五六七八九十两]+[个月日天年周]|每|本[月年季周]|年底|年内|年末|[上下]半年|次年|当年|月底|近期)/u;

/** Words before a subject that hand it the work: it is the doer whatever word follows its name. */
const HANDING = ['统一由', '主要由', '并由', '要由', '应由', '须由', '将由', '由', '请', '要求', '鼓励', '责成'] as const;
/** 由 inside a word (理由, 自由, 经由) or before 于 (由于) hands nothing over. */
const NOT_BY_BEFORE = '理自经缘事来';

/** Links between names in one subject; 会同 makes the names after it take part rather than lead. */
const LINKS = ['以及', '会同', '和', '与', '及', '、'] as const;

/** Characters a unit name can end in: the last character of a suffix, or a closing bracket (县（市、区）). */
const NAME_END = /[局厅部署处委组室办院心站所馆台社会联团司业行队门位关府大协镇乡县市区村道班段校盟旗州）)〕构]/u;

/** A clause starts after these (a comma too: "…的，省农业农村厅会同省财政厅及时组织调查"). */
const CLAUSE_BREAK = /[。；;！!？?，,：:]/u;
/** A list enumerator or ordinal word before the subject: 一是, （三）, 2., 第五条, 同时. */
const LEAD_IN = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]\s*|[一二三四五六七八九十\d]+[、.．]\s*|第[一二三四五六七八九十百零〇\d]+条\s*|同时|其中|此外|另外)/u;

export interface SubjectStatement { start: number; end: number; items: ListItem[] }

/**
 * "市住房城乡建设局是本市燃气行业主管部门，负责…", "各县（市、区）政府是实施主体，要…": 是 only says what
 * a body is, unless the sentence goes on to the duties it is named for (a law's or 办法's competent body).
 */
const COPULA_WITH_DUTY = /^是[^。；;，,]{2,30}[，,](?:负责|主管|承担|统筹|要|应当|应|须|必须)/u;

/** Does a predicate open at `at`? `handed`: after 由/请/鼓励 any verb will do. */
function opensPredicate(p: string, at: number, handed: boolean): boolean {
  const rest = p.slice(at);
  if (YU_TIME.test(rest) || COPULA_WITH_DUTY.test(rest)) return true;
  if (FOLLOWERS.some((f) => rest.startsWith(f))) return true;
  return handed && /^[\u4e00-\u9fff]/u.test(rest) && !/^[的之等所]/u.test(rest);
}

/** "市农业农村局、市林业局等部门要…": 等 and a collective noun closing a list of named bodies. */
const ETC = /^等(?:(?:有关|相关)?(?:部门|单位|机构)(?:[（(](?:部门|单位)[）)])?|成员单位)?/u;

/** Length of a 等… tail at `at` that a predicate follows, or 0. */
function etcBeforePredicate(p: string, at: number, handed: boolean): number {
  const etc = ETC.exec(p.slice(at));
  return etc && opensPredicate(p, at + etc[0].length, handed) ? etc[0].length : 0;
}

/** End of the longest unit name starting at `i` that a link or a predicate follows, or -1. */
function longestName(p: string, i: number, handed: boolean, stop: number, first = true): number {
  // a name a known predicate word follows beats a longer one only a lenient reading allows (省财政厅联|合报)
  const strict = handed ? longestName(p, i, false, stop, first) : -1;
  if (strict >= 0) return strict;
  // leniently, only where the longest name ends: "各乡" must not end inside 各乡镇（街道）
  let longest = -1;
  if (handed) {
    for (let e = Math.min(stop, i + 40); e >= i + 2 && longest < 0; e--) {
      if (NAME_END.test(p[e - 1]) && isUnitName(p.slice(i, e))) longest = e;
    }
  }
  for (let e = Math.min(stop, i + 40); e >= i + 2; e--) {
    if (!NAME_END.test(p[e - 1])) continue;
    const after = p.slice(e);
    const linked = LINKS.some((l) => after.startsWith(l)) || /^[，,]/u.test(after) || etcBeforePredicate(p, e, handed) > 0;
    if (!linked && !opensPredicate(p, e, handed)) continue;
    if (handed && e !== longest) continue;
    const name = p.slice(i, e);
    if (WORD_AFTER_SUFFIX[p[e - 1]]?.includes(p[e] ?? '')) continue;
    if (isUnitName(name) && !NOT_A_NAME_START.test(name) && plausibleSubject(name, first) && !joinsTwo(name)) return e;
  }
  return -1;
}

/**
 * A suffix character that starts a word with the next one is no name end: 所需 in "我省农业发展所需",
 * 处理, 会议, 部署, 站点, 联合.
 */
const WORD_AFTER_SUFFIX: Readonly<Record<string, string>> = {
  所: '需有在属得以辖', 处: '理置罚分', 会: '同议商', 部: '署分门', 局: '面势', 院: '校落', 站: '点位', 队: '伍列',
  台: '账', 联: '合系动网络', 办: '理法结事', 区: '域别间', 市: '场', 县: '域级', 村: '民级庄', 社: '会区',
};

/**
 * A subject nobody has to guess about. Its head says what it is: a level or party word (省, 县, 中共), a
 * group word (各, 有关), fields sharing a noun, a name the lists in data/ know or a national body it
 * branches from (人民银行某某市中心支行, 某某银保监分局), a field and 部门 (财政部门, 当地农业农村部门), or a
 * named place before a body (桓仁县财政局). "组织军队系统医院", "帮助革命老区", "国有企业" have none.
 * A name after a link may be a bare sibling ("县委、政府").
 */
function plausibleSubject(written: string, first: boolean): boolean {
  // 各乡镇（街道）, 各县（市、区）: the bracket only widens the level
  const name = written.replace(/[（(〔][^（）()〔〕]*[）)〕]/gu, '');
  if (hasJurisdictionPrefix(name) || isCollectiveUnit(name) || isSharedSuffixName(written)) return true;
  if (isKnownBody(name) || isCentralBranch(name) || containsCentralHead(name) || isFieldBody(name)) return true;
  const place = PLACE_HEAD.exec(name);
  if (place && isPlaceHead(place[0]) && isUnitName(name.slice(place[0].length))) return true;
  return !first && name.length <= 4;
}

/** A named place (2–7 characters and its level) opening a name: 桓仁县, 海口市, 延边朝鲜族自治州. */
const PLACE_HEAD = /^[\u4e00-\u9fff]{2,7}?(?:自治区|自治州|自治县|省|市|州|盟|县|旗|区|镇|乡|街道)(?=[\u4e00-\u9fff]{2})/u;

function standsAlone(name: string): boolean {
  return hasJurisdictionPrefix(name) || isCollectiveUnit(name) || name.length >= 5;
}

/** "省财政厅与民航海南监管局" is two bodies, "县工业和信息化局" one: a link splits a name into two names. */
function joinsTwo(name: string): boolean {
  for (const m of name.matchAll(/以及|会同|联合|和|与|及/gu)) {
    const at = m.index ?? 0;
    const right = name.slice(at + m[0].length);
    // "各级党委和政府": 各级 covers both, a right side that cannot stand alone is no second body
    if (at > 0 && isUnitName(name.slice(0, at)) && isUnitName(right) && standsAlone(right)) return true;
  }
  return false;
}

/**
 * A modal, adverb or verb opening the clause is not the start of a name: "应会同…" is no body called
 * 应会, "报农业农村部、财政部备案" reports to them.
 */
const NOT_A_NAME_START = /^(?:要|应|须|可|将|并|需|均|也|还|再|报|向|经|对|在|把|从|给|与|和|及|以|按|为|不|我|未|已|如|若)/u;

/** Where the current clause ends: names never run over a stop or a comma outside brackets. */
function clauseEnd(p: string, from: number): number {
  let depth = 0;
  for (let k = from; k < p.length; k++) {
    const c = p[k];
    if ('（(〔['.includes(c)) depth++;
    else if ('）)〕]'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_BREAK.test(c)) return k;
  }
  return p.length;
}

/** Read "A、B会同C" at `i`; null unless a predicate opens right after the names. */
function readSubject(p: string, i: number, handed: boolean): SubjectStatement | null {
  const stop = clauseEnd(p, i);
  const items: ListItem[] = [];
  let at = i;
  let joined = false;
  for (;;) {
    const e = longestName(p, at, handed, stop, items.length === 0);
    if (e < 0) return null;
    items.push({ name: p.slice(at, e), ...(joined ? { marker: 'participant' as const } : {}) });
    at = e;
    const link = LINKS.find((l) => p.startsWith(l, at));
    if (!link || longestName(p, at + link.length, handed, stop, false) < 0) break;
    if (link === '会同') {
      items.forEach((it) => { it.marker ??= 'lead'; });
      joined = true;
    }
    at += link.length;
  }
  const names = at;
  at += etcBeforePredicate(p, at, handed);
  // "省农业农村厅会同省财政厅，根据…可指定": a comma closes the subject only after a 会同 pair
  if (/^[，,]/u.test(p.slice(at)) ? !joined : !opensPredicate(p, at, handed)) return null;
  // the list rules read what was found: "各市委、市政府" is one body, "县委、监委" one merged name
  const listed = parseUnitList(p.slice(i, names), true);
  const read = listed && listed.length > 0 && listed.length < items.length ? listed : items;
  // "会同有关部门" names nobody who answers for the work
  const kept = read.filter((it) => !(it.marker === 'participant' && isVagueCollective(it.name)));
  return kept.length > 0 ? { start: i, end: at, items: kept } : null;
}

/** Clause starts of the paragraph, past any enumerator and blanks. */
function clauseStarts(p: string): number[] {
  const out: number[] = [];
  for (let k = 0; k <= p.length; k++) {
    if (k > 0 && !CLAUSE_BREAK.test(p[k - 1])) continue;
    let s = k;
    while (s < p.length && /\s/u.test(p[s])) s++;
    const lead = LEAD_IN.exec(p.slice(s));
    if (lead) s += lead[0].length;
    while (s < p.length && /[\s，,]/u.test(p[s])) s++;
    if (s < p.length) out.push(s);
  }
  return out;
}

/** The subject named right after 由/请/鼓励 at `s`, or after a short topic ("具体方案由A、B协商确定"). */
function handedSubject(p: string, s: number): SubjectStatement | null {
  const hand = HANDING.find((h) => p.startsWith(h, s) && !(h.endsWith('由') && p[s + h.length] === '于'));
  if (hand) return readSubject(p, s + hand.length, true);
  const topic = /^[\u4e00-\u9fff“”《》（）()]{2,30}?(?:统一|主要|要|应|须|将|均)?由(?!于)/u.exec(p.slice(s));
  if (topic && !NOT_BY_BEFORE.includes(p[s + topic[0].length - 2])) return readSubject(p, s + topic[0].length, true);
  return null;
}

/** "…的，应会同农业农村部门做细政策解读": the clause's own subject is above; the bodies after 会同 take part. */
const JOINING = /^(?:应当|应|要|须|并|可|需)?(?:会同|联合)/u;

function joinedBodies(p: string, s: number): SubjectStatement | null {
  const m = JOINING.exec(p.slice(s));
  if (!m) return null;
  const found = readSubject(p, s + m[0].length, true);
  if (!found) return null;
  const items = found.items.filter((it) => !isVagueCollective(it.name)).map((it) => ({ ...it, marker: 'participant' as const }));
  return items.length > 0 ? { ...found, items } : null;
}


/** "教育部门要会同卫生健康部门做好…": the bodies after the modal and 会同 take part in the subject's work. */
function withJoined(p: string, found: SubjectStatement): SubjectStatement {
  const modal = /^(?:要|应当|应|须|将|可|并|需)(?=会同|联合)/u.exec(p.slice(found.end));
  const joined = modal ? joinedBodies(p, found.end + modal[0].length) : null;
  if (!joined || found.items.some((it) => it.marker === 'participant')) return found;
  const names = new Set(found.items.map((it) => it.name));
  return { ...found, end: joined.end, items: [...found.items, ...joined.items.filter((it) => !names.has(it.name))] };
}

/** Every subject statement of the paragraph, in order. */
export function subjectStatements(p: string): SubjectStatement[] {
  const out: SubjectStatement[] = [];
  for (const s of clauseStarts(p)) {
    if (out.length > 0 && s < out[out.length - 1].end) continue;
    const found = handedSubject(p, s) ?? joinedBodies(p, s)
      ?? (NOT_A_NAME_START.test(p.slice(s)) ? null : readSubject(p, s, false));
    if (found) out.push(withJoined(p, found));
  }
  return out;
}
