// One counter value in one of Word's number formats (ECMA-376 §17.18.59 ST_NumberFormat), as Word
// draws it: chineseCounting 十一, ideographTraditional 甲乙丙 (the heavenly stems, not 一二三),
// upperLetter AA after Z (Word repeats the letter, it does not count in base 26).

const CN_LOWER = { digits: '零一二三四五六七八九', units: ['', '十', '百', '千'], wan: '万', dropLeadingOne: true } as const;
const CN_LEGAL_SIMPLIFIED = { digits: '零壹贰叁肆伍陆柒捌玖', units: ['', '拾', '佰', '仟'], wan: '万', dropLeadingOne: false } as const;
const CN_LEGAL_TRADITIONAL = { digits: '零壹貳參肆伍陸柒捌玖', units: ['', '拾', '佰', '仟'], wan: '萬', dropLeadingOne: false } as const;
type ChineseNumerals = typeof CN_LOWER | typeof CN_LEGAL_SIMPLIFIED | typeof CN_LEGAL_TRADITIONAL;

/** Sequences that run out: past their end Word falls back to decimal. */
const SEQUENCES = {
  heavenlyStems: '甲乙丙丁戊己庚辛壬癸',
  earthlyBranches: '子丑寅卯辰巳午未申酉戌亥',
  circled: '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳',
  ideographCircled: '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩',
  fullStop: '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛',
  paren: '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇',
} as const;

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** numFmt → how Word writes n. Formats not listed (ordinal, cardinalText, hindi…) read as decimal. */
export const NUMBER_FORMATS: Record<string, (n: number) => string> = {
  decimal: (n) => String(n),
  decimalHalfWidth: (n) => String(n),
  decimalZero: (n) => (n >= 0 && n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: fullWidth,
  decimalFullWidth2: fullWidth,
  upperLetter: (n) => letters(n, 'A'),
  lowerLetter: (n) => letters(n, 'a'),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  chineseCounting: (n) => chineseCounting(n, CN_LOWER),
  chineseCountingThousand: (n) => chineseCounting(n, CN_LOWER),
  taiwaneseCounting: (n) => chineseCounting(n, CN_LOWER),
  taiwaneseCountingThousand: (n) => chineseCounting(n, CN_LOWER),
  japaneseCounting: (n) => chineseCounting(n, CN_LOWER),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL_SIMPLIFIED),
  ideographLegalTraditional: (n) => chineseCounting(n, CN_LEGAL_TRADITIONAL),
  ideographDigital: (n) => Array.from(String(n), (d) => '〇一二三四五六七八九'[Number(d)]).join(''),
  taiwaneseDigital: (n) => Array.from(String(n), (d) => '〇一二三四五六七八九'[Number(d)]).join(''),
  ideographTraditional: (n) => fromSequence(n, SEQUENCES.heavenlyStems),
  ideographZodiac: (n) => fromSequence(n, SEQUENCES.earthlyBranches),
  decimalEnclosedCircle: (n) => fromSequence(n, SEQUENCES.circled),
  decimalEnclosedCircleChinese: (n) => fromSequence(n, SEQUENCES.circled),
  ideographEnclosedCircle: (n) => fromSequence(n, SEQUENCES.ideographCircled),
  decimalEnclosedFullstop: (n) => fromSequence(n, SEQUENCES.fullStop),
  decimalEnclosedParen: (n) => fromSequence(n, SEQUENCES.paren),
  none: () => '',
};

/** n in format numFmt; unknown formats as decimal. Bullets are not numbers: the caller skips them. */
export function formatNumber(n: number, numFmt: string): string {
  return (NUMBER_FORMATS[numFmt] ?? NUMBER_FORMATS.decimal)(n);
}

function fullWidth(n: number): string {
  return Array.from(String(n), (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
}

function letters(n: number, a: string): string {
  if (n < 1) return String(n);
  return String.fromCharCode(a.charCodeAt(0) + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

function fromSequence(n: number, seq: string): string {
  const chars = Array.from(seq);
  return n >= 1 && n <= chars.length ? chars[n - 1] : String(n);
}

/** 十一, 一百零五, 一千零一十, 一万二千; the legal forms keep the leading 壹拾. */
function chineseCounting(n: number, cn: ChineseNumerals): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) return String(n);
  if (n === 0) return cn.digits[0];
  if (n >= 10000) {
    const low = n % 10000;
    const high = chineseCounting(Math.floor(n / 10000), cn) + cn.wan;
    return low === 0 ? high : high + (low < 1000 ? cn.digits[0] : '') + belowTenThousand(low, cn, false);
  }
  return belowTenThousand(n, cn, cn.dropLeadingOne);
}

function belowTenThousand(n: number, cn: ChineseNumerals, dropLeadingOne: boolean): string {
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  places.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += cn.digits[0];
    zero = false;
    out += cn.digits[d] + cn.units[3 - i];
  });
  return dropLeadingOne && n >= 10 && n < 20 ? out.slice(1) : out;
}
