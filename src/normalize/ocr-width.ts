// The width of a scan's punctuation (issue 13, area ocrrun). The OCR model tells a comma's width
// by its shape and place in the line: on the corpus it read "，" for every full-width comma of the
// four 公文 that print it and "," for 541 of the 569 half-width commas of a notice typeset with
// ASCII punctuation (liaoning-2019-opinion.pdf, whose text layer holds "," ":" ";" "(" ")"). It
// reads colons, semicolons and brackets half-width whatever the page shows, so the OCR repairs
// (./ocr.ts) write those marks full-width, as a 公文 prints them. A notice is typeset one way
// throughout: when its OCR reads its commas half-width, it prints every mark half-width, and its
// OCR blocks get the marks its text layer would hold, so a scan and its PDF give the same text.

const HAN = '\\u3400-\\u9fff';
const HALF_COMMA = new RegExp(`(?<=[${HAN}])[ \\t]*,(?![0-9])`, 'gu');
const FULL_COMMA = /，/gu;

/**
 * Whether the OCR text of a document shows half-width punctuation: commas after a Chinese
 * character read "," at least 3 times and more than twice as often as "，" (a few commas misread
 * either way do not turn a document).
 */
export function printsHalfWidthMarks(ocrTexts: readonly string[]): boolean {
  let half = 0;
  let full = 0;
  for (const t of ocrTexts) {
    half += t.match(HALF_COMMA)?.length ?? 0;
    full += t.match(FULL_COMMA)?.length ?? 0;
  }
  return half >= 3 && half > full * 2;
}

/** The full-width marks the OCR repairs write, and the half-width marks a text layer typeset in ASCII punctuation holds. */
const HALF: Readonly<Record<string, string>> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '？': '?', '！': '!' };

/** The marks of a half-width document back in its width. */
export function halfWidthMarks(text: string): string {
  return text.replace(/[，：；（）？！]/gu, (c) => HALF[c]);
}
