// Character forms: one spelling for what extraction spells several ways.
import { docNumberPattern } from '../lexicon/doc-numbers.js';
import { foldWidth as foldCharacters } from '../lexicon/numerals.js';
import { foldRadicals } from '../lexicon/radicals.js';

/**
 * Full-width digits and letters → half-width (the extractors' fold); radicals a PDF's text layer used
 * for common characters → those characters (⻄ → 西, ⼈ → 人); odd spaces → space; zero-width marks go.
 */
export function foldWidth(text: string): string {
  return foldCharacters(foldRadicals(text))
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F]/gu, ' ')
    .replace(/[\u200B-\u200D\uFEFF]/gu, '');
}

/** Markdown bold/italic residue from scraped or converted text ("**健康扶贫工程**"). */
export function stripMarkdownResidue(text: string): string {
  return text.replace(/\*\*+/g, '');
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65“”‘’—…';
// a clock time keeps its spaces: "2019年03月03日 10:19 来源:辽宁日报"
const SPACE_AFTER_CJK = new RegExp(`([${CJK}${CJK_PUNCT}])[ \\t]+(?=[0-9A-Za-z%.])(?!\\d{1,2}:\\d{2})`, 'gu');
const SPACE_BEFORE_CJK = new RegExp(`([0-9A-Za-z%.])(?<!\\d{1,2}:\\d{2})[ \\t]+(?=[${CJK}${CJK_PUNCT}])`, 'gu');
const SPACE_AROUND_PUNCT = new RegExp(`(?:[ \\t]+(?=[${CJK_PUNCT}])|(?<=[${CJK_PUNCT}])[ \\t]+)`, 'gu');

/**
 * Stray spaces that PDF layout and web pages put between Chinese and digits ("1246 人",
 * "新宾县 2018 年") or around Chinese punctuation. Spaces between two Chinese words stay: they
 * separate joint issuers ("中共辽宁省委 辽宁省人民政府") and byline fields.
 */
export function tightenSpaces(text: string): string {
  return text
    .replace(SPACE_AFTER_CJK, '$1')
    .replace(SPACE_BEFORE_CJK, '$1')
    .replace(SPACE_AROUND_PUNCT, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * Bracket look-alikes that web editors put in 发文字号 (the small ﹝﹞ U+FE5D/E, 〘〙, 〖〗), only around a
 * year: the doc-number pattern knows the GB/T 9704 〔〕 and the ASCII/full-width variants, not these.
 */
const YEAR_IN_LOOKALIKE_BRACKETS = /[﹝〘〖]\s*((?:19|20)\d{2})\s*[﹞〙〗]/gu;

/** 发文字号 brackets in their GB/T 9704 form: [2018] 【2018】 (2018) ﹝2018﹞ → 〔2018〕. */
export function unifyDocNumberBrackets(text: string): string {
  return text.replace(YEAR_IN_LOOKALIKE_BRACKETS, '〔$1〕').replace(docNumberPattern(), (m) =>
    m.replace(/[\[【(（［]\s*((?:19|20)\d{2})\s*[\]】)）］]/u, '〔$1〕').replace(/\s+/g, ''),
  );
}
