// Does one body govern another? A comparison binds only down the chain of government: the province
// over its cities and counties, a city over its counties. Unrelated places are compared for
// information only and never reported as conflicts.
import type { Jurisdiction, Level } from '../model.js';
import type { Relation } from './schema.js';

/** Higher governments first. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = { national: 0, province: 1, city: 2, county: 3, township: 4 };

/** How the higher side is named in a reason sentence ("低于省级…的要求"). */
export const LEVEL_LABEL: Readonly<Record<Level, string>> = {
  national: '国家',
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
};

// GB/T 2260 six-digit codes: the province is the first 2 digits, the city the first 4.
const CODE_PREFIX: Readonly<Partial<Record<Level, number>>> = { province: 2, city: 4, county: 6 };

function codePrefix(code: string | undefined, level: Level): string | null {
  const n = CODE_PREFIX[level];
  if (!code || !n || !/^\d{6}$/.test(code)) return null;
  return code.slice(0, n);
}

/**
 * Does `higher` govern `lower`? By the parents chain where the structure stage gave one, otherwise
 * by the GB/T 2260 code prefixes; the nation governs every place.
 */
export function governs(higher: Jurisdiction, lower: Jurisdiction): boolean {
  if (LEVEL_RANK[higher.level] >= LEVEL_RANK[lower.level]) return false;
  if (higher.level === 'national') return true;
  for (const p of lower.parents ?? []) {
    if (p.level !== higher.level) continue;
    if (p.code && higher.code) return p.code === higher.code;
    if (p.name === higher.name) return true;
  }
  const prefix = codePrefix(higher.code, higher.level);
  if (prefix && lower.code && /^\d{6}$/.test(lower.code)) return lower.code.startsWith(prefix);
  return false;
}

export interface RelationOf {
  relation: Relation;
  /** the side that governs the other, when binding */
  higher: 'a' | 'b' | null;
}

export function relate(a: Jurisdiction | null, b: Jurisdiction | null): RelationOf {
  if (a && b && governs(a, b)) return { relation: 'binding', higher: 'a' };
  if (a && b && governs(b, a)) return { relation: 'binding', higher: 'b' };
  return { relation: 'informational', higher: null };
}

// Names of the 55 minority nationalities as they appear in 自治县/自治州 names; a reason sentence
// says 本溪县, as officials do, not 本溪满族自治县.
const NATIONALITIES = ['满', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔',
  '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克',
  '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺'] as const;
const AUTONOMOUS = new RegExp(`(?:(?:${[...NATIONALITIES].sort((x, y) => y.length - x.length).join('|')})族)+自治(?=[县州旗])`, 'u');

export function shortPlaceName(name: string): string {
  // Keep at least two characters before the suffix: 白族自治州 alone is no name.
  const m = AUTONOMOUS.exec(name);
  if (!m || m.index < 2) return name;
  return name.slice(0, m.index) + name.slice(m.index + m[0].length);
}
