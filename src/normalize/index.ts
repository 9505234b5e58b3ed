// Normalization: small named steps over blocks, run in this order (STYLE.md, the unified model).
// The stage after read: the pipeline hands it the reader's raw blocks (normalizeDocument).
import type { Block, Message, NormalizedDocument, PageFacts, RawDocument } from '../model.js';
import { ReadFailure, message } from '../messages.js';
import { LIMITS } from '../read/limits.js';
import { foldWidth, stripMarkdownResidue, tightenSpaces, unifyDocNumberBrackets } from './characters.js';
import { isPageNumberLine } from './page-furniture.js';
import { privateUseWarnings } from './private-use.js';
import { joinCutParagraphs } from './paragraphs.js';
import { splitLongParagraphs } from './long-paragraphs.js';
import { dropSiteFurniture } from './site-furniture.js';
import { repairOcrText } from './ocr.js';
import { halfWidthMarks, printsHalfWidthMarks } from './ocr-width.js';

type Step = (blocks: Block[]) => Block[];

// a table row keeps its cells apart: each cell is normalized on its own and the tabs stay
const mapText = (f: (t: string) => string): Step => (blocks) =>
  blocks.map((b) => ({ ...b, text: b.style?.table ? b.text.split('\t').map(f).join('\t') : f(b.text) }));

// OCR repairs (issue 13) touch only the blocks read from page images; a scan typeset in half-width
// punctuation keeps it (./ocr-width.ts: the width its text layer would hold)
const ocrRepairs: Step = (blocks) => {
  const half = printsHalfWidthMarks(blocks.filter((b) => b.source === 'ocr').map((b) => b.text));
  return blocks.map((b) => (b.source === 'ocr' ? { ...b, text: half ? halfWidthMarks(repairOcrText(b.text)) : repairOcrText(b.text) } : b));
};

export const STEPS: [string, Step][] = [
  ['foldWidth', mapText(foldWidth)],
  ['ocrRepairs', ocrRepairs],
  ['stripMarkdownResidue', mapText(stripMarkdownResidue)],
  ['tightenSpaces', mapText(tightenSpaces)],
  ['dropEmpty', (blocks) => blocks.filter((b) => b.text.replace(/\t/g, '').trim() !== '')],
  ['dropPageNumbers', (blocks) => blocks.filter((b) => !isPageNumberLine(b.text))],
  ['dropSiteFurniture', dropSiteFurniture],
  ['joinCutParagraphs', joinCutParagraphs],
  ['unifyDocNumberBrackets', mapText(unifyDocNumberBrackets)],
];

/** The steps in order; a paragraph too long to extract from in bounded time is then split (after
 *  joinCutParagraphs, which would join the pieces again), with a warning on `messages` (required, so
 *  no caller can drop it). */
export function normalizeBlocks(blocks: Block[], messages: Message[]): Block[] {
  const { blocks: out, split } = splitLongParagraphs(STEPS.reduce((bs, [, step]) => step(bs), blocks));
  if (split) messages.push(message('W_LONG_PARAGRAPH_SPLIT', 'warning', { detail: `${split} 段超过 ${LIMITS.paragraphChars} 字` }));
  return out;
}

/** A web page's facts get the same 文号 brackets as the text, so structure parses both alike. */
function normalizePageFacts(facts: PageFacts): PageFacts {
  return facts.docNumber ? { ...facts, docNumber: unifyDocNumberBrackets(facts.docNumber) } : facts;
}

/**
 * The normalize stage: a reader's raw document → the blocks every later stage reads. A document
 * with no Chinese left once furniture is gone is E_NO_TEXT (a scan without a text layer, a page of
 * menus); private-use characters are named in warnings after the reader's own messages.
 */
export function normalizeDocument(raw: RawDocument): NormalizedDocument {
  const messages = [...raw.messages];
  const blocks = normalizeBlocks(raw.blocks, messages);
  if (!blocks.some((b) => /[\u4e00-\u9fff]/u.test(b.text))) throw new ReadFailure('E_NO_TEXT');
  messages.push(...privateUseWarnings(blocks));
  return { ...raw, blocks, messages, ...(raw.pageFacts ? { pageFacts: normalizePageFacts(raw.pageFacts) } : {}) };
}
