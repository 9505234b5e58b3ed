// 发文机关 (GB/T 9704-2012 §7.2.3 版头, §7.3.5 署名): the red header "××文件", the signature line
// above the date, or the issuer prefix of a title. Joint issuers (联合行文) are written side by side;
// we represent them as one string with the bodies separated by a single space.
export const meta = {
  name: 'issuers',
  description: '发文机关: organisation-name lines, 版头 "××文件", joint issuers',
} as const;

/** Endings of the names of Party, government and public bodies. */
const ORG_ENDINGS = [
  '领导小组', '工作小组', '委员会', '人民政府', '政府', '办公厅', '办公室', '指挥部', '管委会', '工作组', '中心',
  '省委', '市委', '县委', '区委', '州委', '旗委', '党委', '党组', '工委', '委', '局', '厅', '部', '院', '办', '署',
  '会', '联', '所', '站', '队', '行', '社', '处', '科', '室',
] as const;

/** Recipients and collective nouns look like names but address many bodies: 各乡镇, 县直各部门, 有关单位. */
const COLLECTIVE = /^(?:各|全|有关|相关|所属|直属|驻)|各(?:部门|单位|乡镇|成员单位|直属)/u;
const PUNCT = /[。，,；;：:！？“”《》〈〉()（）\d]/u;
const MIN_NAME = 3;
const MAX_NAME = 40;

/** One body's name: "新宾满族自治县脱贫攻坚领导小组", "中共辽宁省委". */
export function isOrgName(s: string): boolean {
  const t = s.trim();
  if (t.length < MIN_NAME || t.length > MAX_NAME || PUNCT.test(t) || /\s/u.test(t)) return false;
  if (COLLECTIVE.test(t)) return false;
  return ORG_ENDINGS.some((e) => t.endsWith(e) && t.length > e.length);
}

/** The bodies of an issuer line ("中共辽宁省委 辽宁省人民政府", "A、B"), or null when any part is not one. */
export function splitIssuers(line: string): string[] | null {
  const parts = line.trim().split(/[\s、]+/u).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every(isOrgName)) return null;
  return parts;
}

/** "东洲区脱贫攻坚领导小组文件" → "东洲区脱贫攻坚领导小组"; null when the line is not a 版头. */
export function mastheadIssuer(line: string): string | null {
  const m = /^(.+?)\s*文件$/u.exec(line.trim());
  if (!m) return null;
  const parts = splitIssuers(m[1]);
  return parts ? parts.join(' ') : null;
}

/**
 * "中共本溪县委本溪县人民政府" written without a separator: split where a second name starts with 中共
 * or repeats the first name's place (its first two characters), so "××厅公路管理局" stays whole.
 */
function splitRunTogether(s: string): string[] {
  for (let k = 4; k <= s.length - 4; k++) {
    const a = s.slice(0, k);
    const b = s.slice(k);
    if (!isOrgName(a) || !isOrgName(b)) continue;
    const place = a.replace(/^中共/u, '').slice(0, 2);
    if (b.startsWith('中共') || b.startsWith(place)) return [a, ...splitRunTogether(b)];
  }
  return [s];
}

/** The issuer named at the start of a title ("中共辽宁省委 辽宁省人民政府关于…"), joined by spaces; '' if none. */
export function titleIssuer(rawTitle: string): string {
  const i = rawTitle.indexOf('关于');
  if (i <= 0) return '';
  const head = rawTitle.slice(0, i).trim();
  const parts = splitIssuers(head);
  if (!parts) return '';
  return parts.flatMap(splitRunTogether).join(' ');
}
