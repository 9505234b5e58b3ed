// Chinese and Arabic numerals → numbers. No npm package reads these soundly (PACKAGES.md: nzh reads
// 二〇二五 as 225 and 1.5亿 as 0; chinese-numbers-converter reads 百分之十五 as 115), so this is ours.
export const meta = {
  name: 'numerals',
  description: '中文数字: 十四, 二〇二〇, 四万, 1.2万, 两, 百分之十五 and full-width digits to numbers',
} as const;

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, '〇': 0, 'Ｏ': 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};

/** Units inside a section (below 万). */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Section magnitudes; 万万 is not used in official writing, so each appears once, largest first. */
const BIG_UNITS: Readonly<Record<string, number>> = { 亿: 1e8, 万: 1e4 };

/**
 * Full-width digits, Latin letters and the full-width dot/percent fold to ASCII, one UTF-16 unit for
 * one, so offsets in the folded text are offsets in the input. Normalization uses it too.
 */
export function foldWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ．％]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Fix binary float noise from 28.56 * 1e4 and the like: magnitudes never need more than 6 decimals. */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A run of 0–9 digits without units ("二〇二〇", "一九") is read digit by digit. */
function parseDigitString(s: string): number | null {
  if (!s || ![...s].every((c) => c in DIGITS && c !== '两')) return null;
  return Number([...s].map((c) => DIGITS[c]).join(''));
}

/** A section below 万: 一千一百, 三百零五, 十四, 二十. */
function parseSection(s: string): number | null {
  if (s === '') return 0;
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  for (const c of s) {
    if (c in DIGITS) {
      if (pending !== null && DIGITS[c] !== 0) return null; // two digits in a row: not positional
      pending = DIGITS[c] === 0 ? null : DIGITS[c];
      if (DIGITS[c] === 0) lastUnit = Infinity; // 零 resets: 一千零五
    } else if (c in SMALL_UNITS) {
      const unit = SMALL_UNITS[c];
      if (unit >= lastUnit && lastUnit !== Infinity) return null; // 十百 is malformed
      total += (pending ?? (unit === 10 ? 1 : NaN)) * unit; // bare 十 = 10; bare 百 is not written
      if (Number.isNaN(total)) return null;
      pending = null;
      lastUnit = unit;
    } else return null;
  }
  return total + (pending ?? 0);
}

function parseChineseInteger(s: string, digitByDigit = true): number | null {
  const whole = parseDigitString(s);
  // 二〇二〇 is a year read digit by digit; before 万/亿 ("一二万") such a run is malformed.
  if (whole !== null && s.length > 1) return digitByDigit ? whole : null;
  let rest = s;
  let total = 0;
  for (const [unitChar, unit] of Object.entries(BIG_UNITS)) {
    const i = rest.indexOf(unitChar);
    if (i < 0) continue;
    const head = rest.slice(0, i);
    const v = head === '' ? null : parseSection(head) ?? parseChineseInteger(head, false);
    if (v === null) return null;
    total += v * unit;
    rest = rest.slice(i + 1);
  }
  if (rest === '') return s === '' ? null : total;
  const tail = parseSection(rest);
  if (tail === null) return null;
  // 一万五 means 15000 in speech, but official texts write 一万五千; accept only the explicit form.
  return total + tail;
}

/** Arabic number with an optional trailing 万/亿/千 magnitude: "1.2万" → 12000, "1,200" → 1200. */
/** Magnitudes written after Arabic digits: "1.2万", "3千万", "1.5亿". */
const ARABIC_MAGNITUDES: Readonly<Record<string, number>> = {
  千: 1e3, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8, 万亿: 1e12,
};

/** Arabic number with an optional trailing magnitude: "1.2万" → 12000, "1,200" → 1200. */
function parseArabic(s: string): number | null {
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)(十万|百万|千万|万亿|千|万|亿)?$/.exec(s);
  if (!m) return null;
  const base = Number(m[1].replace(/,/g, ''));
  return tidy(base * (m[2] ? ARABIC_MAGNITUDES[m[2]] : 1));
}

/**
 * A whole string as a number: Arabic (full-width too), Chinese (十四, 二〇二〇, 四万, 两, 一千一百),
 * mixed (1.2万, 28.56万) or a percentage (百分之十五 → 15). Null when the string is not a number.
 */
export function parseChineseNumber(input: string): number | null {
  const s = foldWidth(input.trim());
  if (s === '') return null;
  const pct = parsePercent(s);
  if (pct !== null) return pct;
  const arabic = parseArabic(s);
  if (arabic !== null) return arabic;
  // 3万5千 style mixes: fold Arabic digits into a Chinese reading only when each run is a single digit.
  if (/\d/.test(s)) return null;
  // 一点五, 二点三五: a Chinese decimal, the fraction read digit by digit
  const decimal = /^(.+)点([零〇一二三四五六七八九]+)$/u.exec(s);
  if (decimal) {
    const whole = parseChineseInteger(decimal[1], false);
    return whole === null ? null : tidy(whole + Number(`0.${[...decimal[2]].map((c) => DIGITS[c]).join('')}`));
  }
  return parseChineseInteger(s);
}

/** "百分之十五" → 15, "15%" → 15, "百分之九十五点五" → 95.5; null for anything else. */
export function parsePercent(input: string): number | null {
  const s = foldWidth(input.trim());
  const arabic = /^(\d+(?:\.\d+)?)%$/.exec(s);
  if (arabic) return Number(arabic[1]);
  const m = /^百分之(.+)$/.exec(s);
  if (!m) return null;
  const [intPart, frac] = m[1].split('点');
  const whole = /^\d+(?:\.\d+)?$/.test(intPart) ? Number(intPart) : parseChineseInteger(intPart);
  if (whole === null) return null;
  if (frac === undefined) return whole;
  const fracDigits = parseDigitString(frac);
  if (fracDigits === null) return null;
  return tidy(whole + Number(`0.${frac.length ? [...frac].map((c) => DIGITS[c]).join('') : '0'}`));
}

/**
 * An amount written with two magnitudes, the larger first: "1亿2000万" → 120000000, "3万5千" → 35000.
 * Kept apart from parseChineseNumber, which reads one numeral and leaves such mixes out; quantities.ts
 * reads amounts, where notices do write them.
 */
export function parseMixedMagnitudes(input: string): number | null {
  const two = /^(\d+(?:\.\d+)?)(亿|万)(\d+(?:\.\d+)?)(万|千)$/.exec(foldWidth(input.trim()));
  if (!two || ARABIC_MAGNITUDES[two[2]] <= ARABIC_MAGNITUDES[two[4]]) return null;
  const [hi, lo] = [Number(two[1]) * ARABIC_MAGNITUDES[two[2]], Number(two[3]) * ARABIC_MAGNITUDES[two[4]]];
  return lo < ARABIC_MAGNITUDES[two[2]] ? tidy(hi + lo) : null;
}
