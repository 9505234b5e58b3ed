// What a responsible body's name looks like in Chinese government writing. Shared by units.ts,
// unit-list.ts, people.ts and the segmenter's dictionary test: "is this item a unit?" must have one answer.
import { localBodies, unitSuffixes, type UnitKind } from '../src/lexicon/word-lists.js';

export const meta = {
  name: 'unit-names',
  description: '单位名称判断: 县农业农村局, 各乡镇, “五个一批”部门 are units; 不摘政策, 第一书记, 副县长 are not',
} as const;

/** How a name ends tells what kind of body it is; longest suffix wins, so 工作队 beats 队 (data/unit-suffixes.json). */
export type { UnitKind };
export const UNIT_SUFFIXES: Readonly<Record<string, UnitKind>> = unitSuffixes.suffixes;

/**
 * Everyday words that end like a unit (部署 in 署, 格局 in 局, 社会 in 会) but name no body. They
 * lose only against a longer unit suffix: 县人民代表大会 is a body although 大会 alone is not.
 */
const NON_UNIT_ENDINGS: readonly string[] = unitSuffixes.nonUnitEndings;

/** Words that make a collective unit out of what follows: 各乡镇, 相关部门, 县直各有关部门. */
export const COLLECTIVE_PREFIXES = ['县直各有关', '县直各相关', '县直相关', '县直有关', '县直各', '市直各', '市直相关',
  '市直有关', '省直各', '省直相关', '省直有关', '各有关', '各相关', '各级', '其他相关', '其它相关', '其他', '其它',
  '相关', '有关', '各'] as const;

/**
 * Place suffixes (县, 市, 镇…) make a unit only after a real place name of 2+ characters:
 * 桓仁县 or 小市镇 are bodies, 全县 or 本市 are not.
 */
const PLACE_STEM_MIN = 2;

/** Things that end like a unit but are people or posts: 第一书记, 副县长, 局长. */
const PERSON_ENDINGS: readonly string[] = unitSuffixes.posts;

/**
 * Words no unit name contains: verbs and particles of running text. A sentence that happens to end
 * in 会 or 部 ("召开推进会", "要加强与银行") is not a body; the list is small because the suffix
 * test already rejects almost all prose.
 */
const PROSE_MARKERS = ['的', '要', '了', '将', '把', '进行', '开展', '召开', '加强', '确保', '推进', '落实', '实施',
  '完成', '负责', '牵头', '配合', '参与', '建立', '做好', '不摘', '未', '简称', '以下', '包括', '含', '即',
  '等', '和其', '或', '按', '对', '向', '在', '是', '为', '由', '坚持', '时限', '会同', '通过', '采取', '利用'] as const;

/**
 * Verbs that open a clause: "强化农业农村和财政部门牵头" ends in 部门 but is a verb phrase, not a body.
 * (组织 is absent: 组织部 is a body.)
 */
const PROSE_OPENERS = ['强化', '加强', '健全', '完善', '发挥', '推动', '支持', '鼓励', '引导', '督促', '动员', '协调',
  '依托', '通过', '按照', '根据', '依据', '会同', '联合', '明确', '压实', '夯实', '落实', '请', '要求', '责成'] as const;

/** Post-2018 reform names that contain a "prose" character legitimately. */
const PROSE_EXCEPTIONS = ['退役军人事务局', '为民服务中心', '对口支援', '在线', '未成年', '自由贸易', '高等', '中等', '所在地'] as const;

/**
 * Coordinating bodies are named after the work they push ("重大项目建设推进工作领导小组", "促进就业工作
 * 联席会议办公室"): inside such a name only the particles of running text mark prose.
 */
const COORDINATING_BODY = /(?:领导小组|工作小组|指挥部|联席会议|委员会|工作专班)(?:办公室)?$/u;
const COORDINATING_PROSE = ['的', '要', '了', '负责', '牵头', '配合', '简称', '以下', '包括', '由', '和其'] as const;

/** A counted amount ("11个贫困村", "3个乡镇") is a scope, never a body. */
const COUNTED = /[0-9０-９]+\s*[个名户人万元%％]|[一二三四五六七八九十两百千]+个/u;

/** Jurisdiction words a full unit name starts with; a list item without one may lean on its neighbour (县纪委、监委). */
// 所在地/当地 name the body of the place the duty arises in, as laws write it ("所在地县级人民政府应当…")
export const JURISDICTION_PREFIXES = ['中共', '中国', '国家', '国务院', '国网', '省', '市', '县', '区', '旗', '州', '盟', '乡',
  '镇', '街道', '自治', '所在地', '当地'] as const;

const CJK = /^[\u3400-\u9fff\u3007“”"‘’「」()（）·]+$/u;

/** One level of government as a list of levels names it: 各市、县（市、区）, 各省、自治区、直辖市. */
export const LEVEL_WORD = '(?:自治区|直辖市|自治州|自治县|设区市|县级市|[省市县区乡镇旗州盟])';
/** A bracket that only widens the level (县（市、区）, 乡镇（街道）): the name is a unit without it. */
const LEVEL_BRACKET = new RegExp(`[（(〔［\\[](?:${LEVEL_WORD}|街道|社区)(?:[、，,](?:${LEVEL_WORD}|街道|社区))*[）)〕］\\]]`, 'gu');
/** Levels sharing one organ: 各市、县人民政府 is read as 各县人民政府 for the test. */
const LEVEL_RUN = new RegExp(`^(各|全|有关|相关)?(?:(?:${LEVEL_WORD})+、)+(?=${LEVEL_WORD})`, 'u');

/** "各市、县（市、区）人民政府" → "各县人民政府": the shape of the name without its level qualifiers. */
function withoutLevelQualifiers(s: string): string {
  return s.replace(LEVEL_BRACKET, '').replace(LEVEL_RUN, '$1');
}

/** Strip quotes that wrap the whole name; inner quotes (“五个一批”部门) are part of the name. */
export function stripOuterQuotes(s: string): string {
  const m = /^[“"「‘'](.*)[”"」’']$/u.exec(s);
  if (m && !/[“”"「」‘’']/u.test(m[1])) return m[1];
  return s;
}

/** Drop whitespace between CJK characters ("县人力 资源社会保障局" from a PDF line break) and at the ends. */
export function squeezeCjkSpaces(s: string): string {
  return s.replace(/\s+/gu, (sp, i: number, all: string) => {
    const before = all[i - 1] ?? '';
    const after = all[i + sp.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  }).trim();
}

/** The longest table suffix the name ends with, or null. */
export function unitSuffix(name: string): string | null {
  let best: string | null = null;
  for (const suf of Object.keys(UNIT_SUFFIXES)) {
    if (name.endsWith(suf) && (best === null || suf.length > best.length)) best = suf;
  }
  return best;
}

/** 各乡镇, 相关部门, “五个一批”相关单位: a group of bodies rather than one named body. */
export function isCollectiveUnit(name: string): boolean {
  const s = stripOuterQuotes(name);
  const prefix = COLLECTIVE_PREFIXES.find((p) => s.startsWith(p));
  const core = prefix ? s.slice(prefix.length) : s;
  // 各类/各种 sort things ("各类照护服务机构"), they do not gather bodies
  if (prefix === '各' && /^[类种项]/u.test(core)) return false;
  // 各地区, 有关地方: places in general, not bodies
  if (prefix && ['地区', '地方', '方面', '区域'].includes(core)) return false;
  if (prefix && core.length >= 1 && unitSuffix(core) !== null) return true;
  // a quoted programme before a collective noun: “五个一批”部门, “五个一批”相关单位
  return /^“[^”]+”(?:相关|有关|各)?(?:部门|单位|成员单位)$/u.test(s);
}

/** Does the name start with a place or party word, so it can stand alone in a list? */
export function hasJurisdictionPrefix(name: string): boolean {
  return JURISDICTION_PREFIXES.some((p) => name.startsWith(p));
}

/** Running text rather than a name: a verb or particle, or a number. */
export function isProse(s: string): boolean {
  const scrubbed = PROSE_EXCEPTIONS.reduce((acc, w) => acc.split(w).join('□'), s);
  return PROSE_MARKERS.some((w) => scrubbed.includes(w)) || COUNTED.test(s) || /[0-9０-９](?!\d*部队)/u.test(s);
}

/** Collective nouns a run of fields can share: "农业农村、财政部门", "妇幼保健、卫生监督机构". */
const SHARED_NOUNS = ['部门', '单位', '机构', '机关', '成员单位'] as const;
/** "…等部门（单位）": an open list of fields before the shared noun, with its bracketed gloss. */
const SHARED_TAIL = new RegExp(`等?(${SHARED_NOUNS.join('|')})(?:[（(](?:${SHARED_NOUNS.join('|')})[）)])?$`, 'u');

/**
 * Fields that share one collective noun are one unit, as written: "各级农业农村、财政部门",
 * "发展改革、教育、市场监管等部门（单位）". Every piece before the last names a field, not a body.
 */
export function isSharedSuffixName(input: string): boolean {
  const s = withoutLevelQualifiers(stripOuterQuotes(squeezeCjkSpaces(input)));
  const pieces = s.split('、');
  if (pieces.length < 2) return false;
  const last = pieces[pieces.length - 1];
  const tail = SHARED_TAIL.exec(last);
  if (!tail) return false;
  const lastField = last.slice(0, tail.index);
  const fields = [...pieces.slice(0, -1), lastField];
  return fields.every((f, k) => isFieldWord(f, k === 0)) && !fields.some((f) => isUnitName(f));
}

/** A field of work ("农业农村", "人力资源社会保障"); the first may carry the list's 各级/各市县/当地. */
function isFieldWord(f: string, first: boolean): boolean {
  const core = first ? f.replace(/^(?:各级|各|当地|本级|[省市县区]级|[省市县区]直|(?:各)?(?:[省市县区]){1,3})/u, '') : f;
  return core.length >= 2 && core.length <= 12 && /^[\u4e00-\u9fff]+$/u.test(core) && !isProse(core)
    && !PROSE_OPENERS.some((w) => core.startsWith(w));
}

/** 有关部门, 其他单位: a group that names nobody in particular, so it answers for nothing as a co-worker. */
export function isVagueCollective(name: string): boolean {
  return /^(?:各有关|各相关|其他有关|其他相关|其它相关|有关|相关|其他|其它)(?:部门|单位|机构|方面)$/u.test(name.trim());
}

/** True when `s` reads as the name of one body or one group of bodies. */
export function isUnitName(input: string): boolean {
  if (input.includes('、') && isSharedSuffixName(input)) return true;
  const s = withoutLevelQualifiers(stripOuterQuotes(squeezeCjkSpaces(input)));
  if (PROSE_OPENERS.some((w) => s.startsWith(w))) return false;
  if (s.length < 2 || s.length > 40 || !CJK.test(s.replace(/[A-Za-z0-9]/g, '一'))) return false;
  if (PERSON_ENDINGS.some((e) => s.endsWith(e))) return false;
  const unquoted = s.replace(/“[^”]*”/gu, '□');
  if (COORDINATING_BODY.test(s) && hasJurisdictionPrefix(s)) {
    if (COORDINATING_PROSE.some((w) => unquoted.includes(w)) || /[0-9０-９]/u.test(s)) return false;
  } else if (isProse(unquoted)) return false;
  const suf = unitSuffix(s);
  const nonUnit = NON_UNIT_ENDINGS.find((w) => s.endsWith(w));
  const collective = isCollectiveUnit(s);
  // 各贫困村 and 相关贫困乡镇 are groups of places that do answer for work; 贫困村 alone is a scope
  // (农村/乡村/城乡 are fields of work, "各级农业农村" is no group of villages)
  const placeGroup = collective && nonUnit !== undefined && /[村县乡镇区]$/u.test(nonUnit)
    && !['农村', '乡村', '城乡', '城镇'].includes(nonUnit);
  if (nonUnit && (suf === null || nonUnit.length >= suf.length) && !placeGroup) return false;
  if (collective) return true;
  if (suf === null) return false;
  const stem = s.slice(0, s.length - suf.length);
  if (UNIT_SUFFIXES[suf] === 'place' && !['乡镇', '街道', '社区'].includes(suf)) return stem.length >= PLACE_STEM_MIN;
  if (UNIT_SUFFIXES[suf] === 'collective') return stem.length >= 2;
  if (UNIT_SUFFIXES[suf] === 'institution') return collective;
  if (stem.length >= 1) return true;
  // a bare kind of body (法院, 团委, 监委 in "县纪委、监委") names one; a bare 中心 or 部门 does not
  return ['party', 'association', 'agency', 'organ', 'office', 'government'].includes(UNIT_SUFFIXES[suf])
    ? s.length >= 2 : s.length >= 3 || ['乡镇', '街道'].includes(s);
}

/** Everyday short forms from data/local-bodies.json; prefix (县/市/省/区) is carried over from the name asked about. */
const ABBREVIATIONS: ReadonlyArray<readonly string[]> = localBodies.shortForms;

/** Jurisdiction head a name starts with: 县, 市, 省, 区, or a named place ending in one (本溪县). */
function splitPrefix(name: string): [string, string] {
  const m = /^(.{0,6}?[省市县区旗州])(?=[^省市县区旗州])/u.exec(name);
  return m ? [m[1], name.slice(m[1].length)] : ['', name];
}

/** Other spellings of the same body (县人社局 ↔ 县人力资源社会保障局); the name itself comes first. */
export function unitAliases(name: string): string[] {
  const [prefix, rest] = splitPrefix(name);
  for (const row of ABBREVIATIONS) {
    if (row.includes(rest)) return [name, ...row.filter((f) => f !== rest).map((f) => prefix + f)];
  }
  return [name];
}
