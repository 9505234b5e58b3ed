// OCR repairs: what the OCR gets wrong in 公文 and a text layer never does. These steps touch only
// blocks read by OCR (source 'ocr'); each is a function over one string, tested on sentences
// (tests/ocr/repairs.test.ts). They run before the common steps, so the page-number, 文号 and
// paragraph rules see the text as a printed PDF would give it.

const HAN = '\\u3400-\\u9fff';
const HAN_RE = new RegExp(`[${HAN}]`, 'u');
/** Chinese punctuation a half-width mark stands for, when the OCR reads it beside Chinese text. */
const FULL_WIDTH: Record<string, string> = { ':': '：', ';': '；', ',': '，', '?': '？', '!': '！' };

/**
 * Spaces between Chinese characters: tesseract separates its "words", and a Chinese word is often
 * one character ("东 洲 区 脱贫"). A space is kept only between two runs of three or more characters
 * in a short line, where it is layout (joint issuers "中共某县委 某县人民政府", a name in a signature).
 */
export function joinHanSpaces(text: string): string {
  const short = text.replace(/\s/gu, '').length <= 40;
  return text.replace(new RegExp(`(?<=[${HAN}，。、；：！？“”《》（）])[ \\t]+(?=[${HAN}，。、；：！？“”《》（）])`, 'gu'), (sp, at: number, s: string) => {
    if (!short) return '';
    const before = /[\u3400-\u9fff]+$/u.exec(s.slice(0, at))?.[0].length ?? 0;
    const after = /^[\u3400-\u9fff]+/u.exec(s.slice(at + sp.length))?.[0].length ?? 0;
    return before >= 3 && after >= 3 ? ' ' : '';
  });
}

/**
 * Half-width marks read inside Chinese text become the full-width marks a 公文 prints: a colon,
 * semicolon, comma, question or exclamation mark after a Chinese character or a closing bracket
 * (a clock time "10:30" and a ratio "1:2" have digits on both sides and stay).
 */
export function fullWidthPunctuation(text: string): string {
  return text.replace(new RegExp(`(?<=[${HAN}）》”])\\s*([:;,?!])(?!\\d)`, 'gu'), (_m, p: string) => FULL_WIDTH[p]);
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

/**
 * A percent sign read as digits: "%" comes back as 9, 96 or 0/0 ("签约率达到1009。", "体检达到10096。").
 * Only after a verb of a target, a number with no unit before a sentence mark, which without those
 * digits is a rate of at most 100: a count would carry its unit (户, 个, 人).
 */
export function fixPercentSign(text: string): string {
  return text.replace(new RegExp(`(${RATE_VERB})(\\d{1,3}(?:\\.\\d{1,2})?)(96|9|0/0|%6)(?=[。，；、）)]|$)`, 'gu'), (m, verb: string, n: string) =>
    Number(n) <= 100 ? `${verb}${n}%` : m,
  );
}

/** The OCR repairs in the order they run, each over one block's text. */
export const OCR_REPAIRS: [string, (text: string) => string][] = [
  ['fixPageNumberDashes', fixPageNumberDashes],
  ['fixDigitLookalikes', fixDigitLookalikes],
  ['fixPercentSign', fixPercentSign],
  ['joinHanSpaces', joinHanSpaces],
  ['fullWidthPunctuation', fullWidthPunctuation],
  ['fixDocNumberBrackets', fixDocNumberBrackets],
  ['fixDocNumberParens', fixDocNumberParens],
  ['fullWidthParens', fullWidthParens],
];

/** All the repairs over one text, in order. */
export function repairOcrText(text: string): string {
  return OCR_REPAIRS.reduce((t, [, f]) => f(t), text);
}
