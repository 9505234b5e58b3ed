// OCR repairs: what the OCR gets wrong in 公文 and a text layer never does. These steps touch only
// blocks read by OCR (source 'ocr'); each is a function over one string, tested on sentences
// (tests/ocr/repairs.test.ts). They run before the common steps, so the page-number, 文号 and
// paragraph rules see the text as a printed PDF would give it.

const HAN = '\\u3400-\\u9fff';
const HAN_RE = new RegExp(`[${HAN}]`, 'u');
/** Chinese punctuation a half-width mark stands for, when the OCR reads it beside Chinese text. */
const FULL_WIDTH: Record<string, string> = { ':': '：', ';': '；', ',': '，', '?': '？', '!': '！' };

/** Marks of running text: a line holding one is a sentence, not a layout line of names or columns. */
const RUNNING_TEXT = /[，。；、：！？,;]/u;

/**
 * Spaces between Chinese characters: tesseract separates its "words", and a Chinese word is often
 * one character ("东 洲 区 脱贫"). A space is kept only in a short line that is not running text (no
 * comma, 、 or full stop in it) and only between two runs of three or more characters, where it is
 * layout: joint issuers "中共某县委 某县人民政府", a name in a signature, the columns of a table-like
 * line. A line with a comma in it is a sentence, and a sentence has no spaces ("区域间相关政 策取向",
 * "提升政策知晓 度和实施透明度").
 */
export function joinHanSpaces(text: string): string {
  const layout = text.replace(/\s/gu, '').length <= 40 && !RUNNING_TEXT.test(text);
  return text.replace(new RegExp(`(?<=[${HAN}，。、；：！？“”《》（）])[ \\t]+(?=[${HAN}，。、；：！？“”《》（）])`, 'gu'), (sp, at: number, s: string) => {
    if (!layout) return '';
    const before = /[\u3400-\u9fff]+$/u.exec(s.slice(0, at))?.[0].length ?? 0;
    const after = /^[\u3400-\u9fff]+/u.exec(s.slice(at + sp.length))?.[0].length ?? 0;
    return before >= 3 && after >= 3 ? ' ' : '';
  });
}

/** Chinese top-level domains: "某某.政务" is a web address, not a list. */
const HAN_TLD = /^(?:政务|公益)(?![\u3400-\u9fff])/u;

/**
 * A 顿号 read as a full stop: between two Chinese characters the OCR reads 、 as "." or "．"
 * ("各省.自治区", "企业.个人和农业生产经营组织"). Chinese prose never puts a full stop between two
 * characters, so one dot there (spaces around it aside) is a 、. A dot after a digit ("1.完善",
 * "3.5亿") has no Chinese character before it and stays; so do an ellipsis ("等...") and a web
 * address ("www.gov.cn", a Chinese domain "某某.政务").
 */
export function periodToEnumComma(text: string): string {
  return text.replace(new RegExp(`(?<=[${HAN}])\\s*(?<![.．])[.．](?![.．])\\s*(?=[${HAN}])`, 'gu'), (m, at: number, s: string) =>
    HAN_TLD.test(s.slice(at + m.length)) ? m : '、',
  );
}

/**
 * Half-width marks read inside Chinese text become the full-width marks a 公文 prints: a colon,
 * semicolon, comma, question or exclamation mark after a Chinese character or a closing bracket
 * or after a round bracket closing Chinese words, which fullWidthParens makes （）; a mark read twice
 * ("引导，,退坡") stands once (a clock time "10:30" and a ratio "1:2" have digits on both sides and stay).
 */
export function fullWidthPunctuation(text: string): string {
  return text
    .replace(new RegExp(`(?:(?<=[${HAN}）》”])|(?<=[${HAN}][)]))\\s*([:;,?!])(?!\\d)`, 'gu'), (_m, p: string) => FULL_WIDTH[p])
    // before Chinese text a comma or semicolon is Chinese too, whatever stands before it ("35%,其中")
    .replace(new RegExp(`(?<![A-Za-z])\\s*([,;])\\s*(?=[${HAN}“《（])`, 'gu'), (_m, p: string) => FULL_WIDTH[p])
    // a comma read twice ("引导，,退坡"): the mark stands once
    .replace(/([，；：])\s*[,，;；:：](?!\d)/gu, '$1');
}

/**
 * Quotation marks the OCR misreads around a short quoted word (“优机”, “放管服”):
 * - straight quotes around a Chinese word, or a straight " closing a “ or opening a ”: "黑名单" →
 *   “黑名单”, “有进有出" → “有进有出”, 纳入"优机”范围 → 纳入“优机”范围;
 * - a ？ right after the word where its ” should be, when no ” closes the quote before the next “ opens
 *   ("“优机？评选制度" → "“优机”评选制度"); a question quoted whole keeps its mark (“为什么？”, and
 *   “怎么办？要…。” closed later);
 * - a * where its “ should be, the word closed by ” ("推广*优机”" → "推广“优机”");
 * - a backslash between Chinese text, read for 、 ("“优机”\应用" → "“优机”、应用": prose has none).
 */
export function fixQuoteMarks(text: string): string {
  return text
    .replace(new RegExp(`"([${HAN}]{1,12})"`, 'gu'), '“$1”')
    .replace(new RegExp(`“([^“”"\\n]{1,12})"`, 'gu'), '“$1”')
    .replace(new RegExp(`"([${HAN}]{1,12})”`, 'gu'), '“$1”')
    .replace(new RegExp(`["“]([${HAN}]{1,8})[？?](?=[${HAN}])`, 'gu'), (m, word: string, at: number, s: string) => {
      const rest = s.slice(at + m.length);
      const close = rest.indexOf('”');
      const open = rest.indexOf('“');
      return close !== -1 && (open === -1 || close < open) ? m : `“${word}”`;
    })
    .replace(new RegExp(`(?<=[${HAN}])\\*([${HAN}]{1,8})”`, 'gu'), '“$1”')
    .replace(new RegExp(`(?<=[${HAN}”）])\\\\(?=[${HAN}“（])`, 'gu'), '、');
}

/** An opening or closing round bracket as the OCR may read it: ( 〈 < { and ) 〉 > } ] 」. */
const OPEN = '(（〈<{｛《';
const CLOSE = ')）〉>}｝\\]」';

/**
 * Round brackets around Chinese words come back as the full-width （） a 公文 prints: the OCR cannot
 * tell ( from （, and reads them as look-alikes ("各乡〈镇)", "《县扶贫办)"). A pair with no other
 * bracket inside, holding a Chinese character or a list number; 《 … 》 (a title) stays.
 */
export function fullWidthParens(text: string): string {
  return text.replace(new RegExp(`([${OPEN}])([^${OPEN}${CLOSE}》]{1,30})([${CLOSE}])`, 'gu'), (m, _open: string, inner: string) =>
    HAN_RE.test(inner) || /^\s*\d{1,2}\s*$/u.test(inner) ? `（${inner.trim()}）` : m,
  );
}

/**
 * A 文号 in brackets read as 《 … ) or ( … 》 ("《东脱贫发〔2020〕3号)"): the reference after a title
 * is always round-bracketed; 《 pairs with 》 only around a title.
 */
export function fixDocNumberParens(text: string): string {
  return text.replace(new RegExp(`[《〈<(（]([${HAN}]{1,12}〔(?:19|20)\\d{2}〕\\d{1,4}号)[)）》〉>]`, 'gu'), '（$1）');
}

/**
 * 发文字号 brackets as the OCR reads 〔〕: ( [ 【 { 〈 < C and ) ] 】 } 〉 > J, or one of them missing
 * ("东脱贫发【2020] 3号", "国办发(2024)3 号"): an issuer code, a year, a serial and 号 → 〔year〕.
 */
export function fixDocNumberBrackets(text: string): string {
  return text
    .replace(new RegExp(`([${HAN}]{1,12})\\s*[\\[【(（{｛〈<〔［]\\s*((?:19|20)\\d{2})\\s*[\\]】)）}｝〉>〕］]\\s*(\\d{1,4})\\s*号`, 'gu'), '$1〔$2〕$3号')
    // with no bracket left, only an issuer code ending as most do (发, 函, 字, 办, 令) says it is a 文号
    .replace(new RegExp(`([${HAN}]{1,12}[发函字办令])\\s*[\\[【(（{｛〈<〔［]?\\s*((?:19|20)\\d{2})\\s*[\\]】)）}｝〉>〕］]?\\s*(\\d{1,4})\\s*号`, 'gu'), '$1〔$2〕$3号');
}

/**
 * Letters read for digits inside a number: O/o for 0, l/I/丨/| for 1 ("2O2O年", "l0月", "1丨个").
 * Only in a run that holds a real digit and touches no other Latin letter, so words ("OK", "Ill")
 * and roman numerals stay.
 */
export function fixDigitLookalikes(text: string): string {
  return text.replace(/(?<![A-Za-z])[0-9OolI丨|]*[0-9][0-9OolI丨|]*(?![A-Za-z])/gu, (run) => run.replace(/[Oo]/gu, '0').replace(/[lI丨|]/gu, '1'));
}

/**
 * A page number line as the OCR reads "— 4 —": the dashes come as 一 (the character one), - or ~.
 * Such a line becomes "—4—", which the common page-number rule drops.
 */
export function fixPageNumberDashes(text: string): string {
  const m = /^\s*[一—－\-~～_]+\s*(\d{1,3})\s*[一—－\-~～_]+\s*$/u.exec(text);
  return m ? `—${m[1]}—` : text;
}

/** Words after which a bare number is a rate: 达到, 提高到, 不低于… */
const RATE_VERB = '达到|提高到|提升到|保持在|稳定在|控制在|不低于|不少于|不超过|低于|高于|超过';
/** What a rate is of: a 率, a 比例, a 占比… in the clause before the verb. */
const RATE_NOUN = /(?:率|比例|比重|占比|比率|覆盖面|满意度|知晓度|普及度|达标度)[^，。；：！？]{0,6}$/u;

/**
 * A percent sign read as digits: "%" comes back as 9, 96 or 0/0 ("签约率达到1009。", "体检达到10096。").
 * Only after a verb of a target, a number with no unit before a sentence mark, which without those
 * digits is a rate of at most 100: a count would carry its unit (户, 个, 人). A lone 9 is also a
 * real last digit often enough ("参会单位达到19。", "指标不超过29，"), so it is read as % only when
 * the clause names a rate (签约率, 比例, 占比) or the OCR was unsure of that number (`low`, its unsure
 * words); the two-character forms 96, 0/0, %6 are the sign's own shapes.
 */
export function fixPercentSign(text: string, low: readonly string[] = []): string {
  const unsure = low.map((w) => fixDigitLookalikes(w).replace(/\s+/gu, ''));
  return text.replace(new RegExp(`(${RATE_VERB})(\\d{1,3}(?:\\.\\d{1,2})?)(96|9|0/0|%6)(?=[。，；、）)]|$)`, 'gu'), (m, verb: string, n: string, sign: string, at: number, s: string) => {
    if (Number(n) > 100) return m;
    if (sign === '9' && !RATE_NOUN.test(s.slice(0, at)) && !unsure.some((w) => w.includes(`${n}9`))) return m;
    return `${verb}${n}%`;
  });
}

/** The OCR repairs in the order they run, each over one block's text (and its unsure words). */
export const OCR_REPAIRS: [string, (text: string, low: readonly string[]) => string][] = [
  ['fixPageNumberDashes', fixPageNumberDashes],
  ['fixDigitLookalikes', fixDigitLookalikes],
  ['fixPercentSign', fixPercentSign],
  ['joinHanSpaces', joinHanSpaces],
  ['periodToEnumComma', periodToEnumComma],
  ['fullWidthPunctuation', fullWidthPunctuation],
  ['fixQuoteMarks', fixQuoteMarks],
  ['fixDocNumberBrackets', fixDocNumberBrackets],
  ['fixDocNumberParens', fixDocNumberParens],
  ['fullWidthParens', fullWidthParens],
];

/** All the repairs over one text, in order; `low` are the block's words read with low confidence. */
export function repairOcrText(text: string, low: readonly string[] = []): string {
  return OCR_REPAIRS.reduce((t, [, f]) => f(t, low), text);
}
