// 标题 (GB/T 9704-2012 §7.3.1): 发文机关名称 + 事由 + 文种. The 文种 is the last words of the title,
// which is how docType is read; a 印发/下发通知 names the document it carries between 印发 and 的通知.
import type { DocType } from '../model.js';

export const meta = {
  name: 'titles',
  description: '标题: title lines, the 文种 at their end, and the plan a 印发通知 wraps',
} as const;

/**
 * 文种 endings, longest first, mapped to the output enum. Any 方案 (工作方案, 行动方案) is a plan the
 * way a 实施方案 is, and the enum has no bare 方案; 简报 is the same kind of news sheet as 快报.
 */
const DOC_TYPE_ENDINGS: readonly (readonly [string, DocType])[] = [
  ['实施方案', '实施方案'],
  ['方案', '实施方案'],
  ['实施意见', '实施意见'],
  ['意见', '意见'],
  ['决定', '决定'],
  ['快报', '快报'],
  ['简报', '快报'],
  ['通报', '通报'],
  ['报告', '报告'],
  ['纪要', '纪要'],
  ['复函', '函'],
  ['函', '函'],
  ['通知', '通知'],
];

/** Other 文种 and plan words a title may end with; they make a line a title but map to 其他. */
const OTHER_TITLE_ENDINGS = [
  '规划', '计划', '办法', '细则', '要点', '规定', '条例', '决议', '公告', '通告', '批复', '请示', '总结', '安排',
  '措施', '清单', '法', '指南', '制度', '机制', '标准', '守则', '章程', '公报', '命令', '议案', '倡议书', '通讯', '动态',
] as const;

/** Words that wrap another document: 关于印发《…》的通知. 转发 is left out on purpose: the forwarded
 *  document belongs to another body, and the notice itself is what this body issued. */
const WRAPPER = /^(?:.*?)(?:印发|下发|颁发|发布)(.+?)的通知$/u;

/** Trailing qualifiers that are not the 文种: （试行）, （2018—2020年）, （征求意见稿）. */
const TRAILING_PAREN = /[（(][^（）()]{1,20}[）)]$/u;

const SENTENCE_PUNCT = /[。！？；;]/u;
const MAX_TITLE_LENGTH = 90;

/**
 * Whitespace removed, except between two Latin letters or digits ("CT MRI" keeps its space):
 * PDF extraction puts spaces around numbers and at line ends inside titles.
 */
export function tidyTitle(s: string): string {
  return s.trim().replace(/\s+/gu, (m, off: number, str: string) =>
    /[A-Za-z0-9]/u.test(str[off - 1] ?? '') && /[A-Za-z0-9]/u.test(str[off + m.length] ?? '') ? ' ' : '');
}

function stripQualifiers(title: string): string {
  let t = tidyTitle(title).replace(/[》”"]+$/u, '');
  while (TRAILING_PAREN.test(t)) t = t.replace(TRAILING_PAREN, '');
  return t;
}

/** The 文种 from the title's last words; 其他 when the title ends in none of the enum's. */
export function docTypeOf(title: string): DocType {
  const t = stripQualifiers(title);
  for (const [ending, type] of DOC_TYPE_ENDINGS) if (t.endsWith(ending)) return type;
  return '其他';
}

/** True when the line ends with any 文种 or plan word (after qualifiers like （试行））. */
export function endsWithTitleWord(line: string): boolean {
  const t = stripQualifiers(line);
  return DOC_TYPE_ENDINGS.some(([e]) => t.endsWith(e)) || OTHER_TITLE_ENDINGS.some((e) => t.endsWith(e));
}

/**
 * A line that can be a title: one line, no sentence punctuation, not a list or date. A continuation
 * of a title broken over lines ("的通知") may be shorter: pass minLength 1.
 */
export function isTitleShaped(line: string, minLength = 4): boolean {
  const t = line.trim();
  if (t.length < minLength || t.length > MAX_TITLE_LENGTH) return false;
  if (SENTENCE_PUNCT.test(t) || /[：:]$/u.test(t) || /[，,]/u.test(t)) return false;
  return true;
}

/** The title of the document a 印发通知 carries ("关于印发《X》的通知" → "X"), or null. */
export function wrappedTitle(title: string): string | null {
  const m = WRAPPER.exec(tidyTitle(title));
  if (!m) return null;
  const inner = m[1].replace(/^[《〈“"]+/u, '').replace(/[》〉”"]+$/u, '');
  return inner.length >= 4 ? inner : null;
}

/** Two titles name the same document when they agree once spaces, brackets and qualifiers are gone. */
export function sameTitle(a: string, b: string): boolean {
  // a year range is written 2024—2026 in one place and 2024-2026 in the other
  const norm = (s: string) => stripQualifiers(s.replace(/[《》〈〉“”"]/gu, '')).replace(/[—–\-－~～―─]+/gu, '-');
  const x = norm(a);
  const y = norm(b);
  return x.length >= 4 && x === y;
}

/**
 * A portal's column name glued before the title ("江西省人民政府 政策文件 江西省人民政府办公厅关于…"):
 * the site's name and its column, ending in a column word, before a title that starts with its issuer
 * and 关于 (or with 关于). Only such a prefix goes; "关于印发《…规范性文件…》的通知" keeps every word.
 */
const SITE_COLUMN = /^([^关《》“”]{0,30}?(?:政策文件|政府文件|规范性文件|政策法规|法规文件|文件发布|通知公告|政府信息公开|信息公开|最新文件|政务公开))\s*(?=\S)/u;

export function withoutColumnName(rawTitle: string): string {
  const m = SITE_COLUMN.exec(rawTitle.trim());
  if (!m) return rawTitle;
  const rest = rawTitle.trim().slice(m[0].length);
  return /^[^。，,；;《》]{0,40}?关于/u.test(rest) && rest.length >= 8 ? rest : rawTitle;
}
