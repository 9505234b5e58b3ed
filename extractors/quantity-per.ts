// 每 chains: the per-units of a quantity ("每人每年", "人均", "元/生/年", "每个乡镇（街道）"), read
// from the clause before the number or the slashes after its unit. quantities.ts uses them.

export const meta = {
  name: 'quantity-per',
  description: '计量单位的"每"链: 每人每年, 人均/户均, 元/生/年, 每个乡镇（街道）',
} as const;

/** Nouns a 每 chain counts by ("每人每年", "每个贫困村"); longest first. */
const PER_NOUNS = [
  '村民小组', '设区市', '十万人口', '千人口', '万人口', '百人口', '十万人', '万人', '千人', '百人', '百名', '常住人口', '户籍人口', '千名', '万名', '百户', '千户', '万元', '亿元', '标准间',
  '小时', '千瓦', '公斤', '千克', '线路', '学生', '教师', '班级', '班次', '学年', '立方米', '病床', '床位', '园所', '机构', '单位', '平方公里', '公顷', '千米', '班', '床', '园', '乡镇卫生院', '社区卫生服务中心', '村卫生室', '卫生院', '卫生室', '幼儿园', '养老机构', '行政村', '自然村', '小区',
  '贫困村', '贫困户', '贫困县', '千瓦时', '人次', '半年', '学期', '季度', '工作日', '平方米', '公里', '村', '户', '人', '生', '年', '月', '季', '周',
  '日', '天', '亩', '吨', '头', '只', '名', '所', '家', '乡镇', '县', '校', '次',
  '处', '座', '项', '间', '套', '台', '辆', '场', '期', '宗', '株', '棵', '例', '件', '企业', '项目', '学校', '医院', '社区', '街道', '镇', '乡', '市',
] as const;
// 行政村 is what 村 means in a count; 自然村 is another thing and stays
const PER_NORMAL: Readonly<Record<string, string>> = { 贫困村: '村', 贫困户: '户', 贫困县: '县', 行政村: '村' };

// longest first, so 每个项目 reads 项目, not 项
const PER_ALTERNATION = [...PER_NOUNS].sort((a, b) => b.length - a.length).join('|');
/** A short bracketed qualifier of a noun: 乡镇（街道）, 村（社区）. */
const QUALIFIER = '[（(][\\u4e00-\\u9fff、]{1,8}[）)]';
export const QUALIFIER_BEFORE = new RegExp(`${QUALIFIER}$`, 'u');
// "人均宿舍面积3平方米", "户均增收2000元", "生均公用经费", "亩均税收": X均 is 每X written the other way round
// 每所学校, 每条线路: a measure word before a listed noun gives the noun; "每所补助" keeps 所
/**
 * 每个试点县, 每个示范村: a noun outside the list, after a measure word, that ends like a place or a body;
 * kept whole as written ("每个设区市" → 设区市).
 */
const OTHER_PER_NOUN = `[\\u4e00-\\u9fa5]{1,4}(?:县|村|镇|乡|市|区|校|园|站|院|点|基地|企业|项目|社区|家庭|园区|景区|中心)`;
const PER_CHAIN_RE = new RegExp(
  `每\\s*(?:个|名|位|所|家|座|条|头|只|张|辆|台|项|间)?\\s*(?<per>(?:${PER_ALTERNATION})(?:${QUALIFIER})?)` +
    `|每\\s*(?:个|所|家|名)\\s*(?<per3>${OTHER_PER_NOUN}(?:${QUALIFIER})?)|(?<per2>[人户生亩村校床园])均`,
  'gu',
);
const perOf = (m: RegExpMatchArray): string => m.groups!.per ?? m.groups!.per3 ?? m.groups!.per2;
// "元/人·月", "元/（人·年）": a middle dot joins per-units after the first slash
const PER_DOTTED = `(?:${PER_ALTERNATION})(?:\\s*[·•・]\\s*(?:${PER_ALTERNATION}))*`;
const PER_SLASH_RE = new RegExp(`^(?:\\s*[/／]\\s*(?:[（(]\\s*${PER_DOTTED}\\s*[)）]|${PER_DOTTED}))+`, 'u');

export const RATIO_UNITS = new Set(['%', '‰', '倍', '个百分点', '百分点']);
const PERIOD_NOUNS = new Set(['年', '季度', '季', '月', '周', '日', '天']);
const SENTENCE_PART_END = /[，,。；;：:！!？?\n]/u;
const COORDINATED_MINIMUM = /\d[^、，,；;。]*、\s*(?:至少|不少于|不低于|最少)[^\d、]*$/u;

/** "每人每年", "每生每年小学" → ["生","年"] when the chain sits in the clause before the number. */
export function perChainBefore(clause: string, ratio = false): { per: string[]; between: string } | null {
  // "人均可支配收入的50%": a share of a per-head figure is no per-head share
  const hits = [...clause.matchAll(PER_CHAIN_RE)].filter((m) => !(ratio && m.groups!.per2));
  if (hits.length === 0) return null;
  // keep the last run of adjacent 每X links ("每人每年")
  const chain: RegExpMatchArray[] = [hits[hits.length - 1]];
  for (let i = hits.length - 2; i >= 0; i--) {
    if (hits[i].index! + hits[i][0].length === chain[0].index) chain.unshift(hits[i]);
    else break;
  }
  const last = chain[chain.length - 1];
  const between = clause.slice(last.index! + last[0].length);
  // another number in between means the 每 was about that one; an age scope ("3岁以下婴幼儿") is no number of its own
  if (/\d/u.test(between.replace(/\d+\s*周?岁(?:以下|以上|及以下|及以上)?/gu, ''))) return null;
  return { per: chain.map((m) => PER_NORMAL[perOf(m)] ?? perOf(m)), between };
}

/**
 * "每月至少研究1次…、至少要有5个工作日": a period heads a list of parallel minimums, so a minimum
 * after a 、 takes the period of the first one. Looks back over the sentence part, not the clause.
 */
export function coordinatedPeriod(text: string, start: number): { per: string[]; between: string } | null {
  let i = start;
  while (i > 0 && !SENTENCE_PART_END.test(text[i - 1])) i--;
  const part = text.slice(i, start);
  const hits = [...part.matchAll(PER_CHAIN_RE)];
  const last = hits[hits.length - 1];
  if (!last || !PERIOD_NOUNS.has(perOf(last))) return null;
  const between = part.slice(last.index! + last[0].length);
  return COORDINATED_MINIMUM.test(between) ? { per: [perOf(last)], between: '' } : null;
}

/** "元/生/年" → ["生","年"] right after the unit. */
export function perSlashes(after: string): { per: string[]; length: number } {
  const m = PER_SLASH_RE.exec(after);
  if (!m) return { per: [], length: 0 };
  const per = m[0].replace(/[（()）]/gu, '').split(/[/／·•・]/u).map((s) => s.trim()).filter(Boolean);
  return { per: per.map((s) => PER_NORMAL[s] ?? s), length: m[0].length };
}

/**
 * Verbs and comparators that end a counted 每 base ("每十名失能老年人不少于一名", "每3000亩林地配备1名"):
 * the words from the number to here are the per-unit of the number that follows.
 */
const PER_BASE_END = /不少于|不低于|不多于|不超过|不得|至少|最多|配备|配置|配齐|拥有|设|建设|建成|安排|选聘|聘用|招聘|达到|应当|应|要|须|有/u;

/**
 * A number right after 每 that another number in the same sentence part measures against: "每十名失能老年人
 * 不少于一名" reads one nurse per ten elderly, so 十名 is no quantity of its own but the per-unit, kept as
 * written with its noun ("十名失能老年人"). `start`/`end`: the number and its unit. Null when it is not one.
 */
export function numberedPerBase(text: string, start: number, end: number): { per: string; until: number } | null {
  if (!/每\s*$/u.test(text.slice(Math.max(0, start - 2), start))) return null;
  let until = end;
  while (until < text.length && !SENTENCE_PART_END.test(text[until]) && text[until] !== '、') until++;
  const rest = text.slice(end, until);
  const stop = PER_BASE_END.exec(rest);
  if (!stop || stop.index > 8 || !/[\d一二两三四五六七八九十百千万]/u.test(rest.slice(stop.index + stop[0].length))) return null;
  if (!/^[\u4e00-\u9fa5]*$/u.test(rest.slice(0, stop.index))) return null;
  return { per: text.slice(start, end + stop.index).replace(/\s+/gu, ''), until };
}
