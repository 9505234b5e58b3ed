// The open vocabularies in data/, each with where it comes from and when, checked against its schema
// when this module loads: a broken list fails loudly at start-up rather than silently missing words.
// Closed-class grammar (due suffixes, comparators, particles) stays as typed tables in the rule that
// reads it; what grows with every new place or reform (bodies, 简称, name endings, scopes, addressees)
// lives here, where policy staff can add a word without touching a regex.
import { z } from 'zod';
import { MESSAGES } from '../messages.js';
import { Level } from '../model.js';
import localJson from '../../data/local-bodies.json' with { type: 'json' };
import centralJson from '../../data/central-bodies.json' with { type: 'json' };
import suffixJson from '../../data/unit-suffixes.json' with { type: 'json' };
import scopeJson from '../../data/scope-words.json' with { type: 'json' };
import addresseeJson from '../../data/addressees.json' with { type: 'json' };

/** A body name: Chinese characters (brackets and 、 allowed), 2 to 40 of them. */
const Name = z.string().regex(/^[\u3400-\u9fff（）、“”]{2,40}$/u, '单位名称只能是 2–40 个汉字');
/** What follows 委 or 直 in a name ("办" in 县委办), a name's ending (局): one character may do. */
const Fragment = z.string().regex(/^[\u3400-\u9fff]{1,30}$/u, '名称片段只能是 1–30 个汉字');
/** A word of running text (格局, 贫困村, 副县长). */
const Word = z.string().regex(/^[\u3400-\u9fff]{1,20}$/u, '词语只能是 1–20 个汉字');

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

const CentralBody = z.object({ name: Name, short: z.array(Name) });
export const CentralBodies = z.object({
  header: DataHeader,
  bodies: z.array(CentralBody).min(30),
  /** names before the 2018 and 2023 reforms that older notices carry: 环境保护部, 中国银保监会 */
  formerBodies: z.array(CentralBody),
  /** heads of national bodies whose local branches notices name: 人民银行某某市中心支行, 民航海南监管局 */
  branchHeads: z.array(Name),
});

/** How a name ends tells what kind of body it is; longest ending wins, so 工作队 beats 队. */
export const UnitKind = z.enum(['organ', 'party', 'office', 'agency', 'association', 'enterprise', 'finance',
  'service', 'team', 'collective', 'government', 'place', 'institution']);
export type UnitKind = z.infer<typeof UnitKind>;

export const UnitSuffixes = z.object({
  header: DataHeader,
  /** ending → kind of body: 局 organ, 工作队 team, 合作社 enterprise */
  suffixes: z.record(Fragment, UnitKind).refine((r) => Object.keys(r).length >= 50, '名称结尾至少 50 个'),
  /** everyday words that end like a body but name none: 部署, 格局, 社会, 贫困村 */
  nonUnitEndings: z.array(Word),
  /** posts that end like a body but are people: 第一书记, 副县长, 局长 */
  posts: z.array(Word),
});

export const ScopeWords = z.object({
  header: DataHeader,
  /** in the order tried, the more specific first */
  scopes: z.array(Word).min(1),
});

export const Addressees = z.object({
  header: DataHeader,
  /** the words a duty's addressee is written with, and the level of government each names */
  addressees: z.record(Word, Level),
});

export type LocalBodies = z.infer<typeof LocalBodies>;
export type CentralBodies = z.infer<typeof CentralBodies>;
export type UnitSuffixes = z.infer<typeof UnitSuffixes>;

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
export const unitSuffixes: UnitSuffixes = loadList(UnitSuffixes, suffixJson, 'data/unit-suffixes.json');
export const scopeWords: readonly string[] = loadList(ScopeWords, scopeJson, 'data/scope-words.json').scopes;
export const addressees: Readonly<Record<string, Level>> = loadList(Addressees, addresseeJson, 'data/addressees.json').addressees;

/**
 * Every name a central body goes by that can open an issuer line: full names, and the short forms
 * except those a local branch starts with (人民银行某某市中心支行 is no national issuer).
 */
export function centralIssuerNames(central: CentralBodies = centralBodies): string[] {
  const out = new Set<string>();
  for (const b of [...central.bodies, ...central.formerBodies]) {
    out.add(b.name);
    for (const s of b.short) if (!central.branchHeads.some((h) => s.startsWith(h))) out.add(s);
  }
  return [...out];
}
