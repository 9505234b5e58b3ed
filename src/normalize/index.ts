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
import { compactBylines, dropRelatedList, dropSiteFurniture } from './site-furniture.js';
import { repairOcrText } from './ocr.js';
import { readPageFacts, recordLines, RECORD_HEAD } from '../lexicon/page-record.js';
import { halfWidthMarks, printsHalfWidthMarks } from './ocr-width.js';

type Step = (blocks: Block[]) => Block[];

// a table row keeps its cells apart: each cell is normalized on its own and the tabs stay
const mapText = (f: (t: string) => string): Step => (blocks) =>
  blocks.map((b) => ({ ...b, text: b.style?.table ? b.text.split('\t').map(f).join('\t') : f(b.text) }));

// OCR repairs (issue 13) touch only the blocks read from page images; a scan typeset in half-width
// punctuation keeps it (./ocr-width.ts: the width its text layer would hold)
const ocrRepairs: Step = (blocks) => {
  const half = printsHalfWidthMarks(blocks.filter((b) => b.source === 'ocr').map((b) => b.text));
  return blocks.map((b) => (b.source === 'ocr' ? { ...b, text: half ? halfWidthMarks(repairOcrText(b.text, b.lowConfidence)) : repairOcrText(b.text, b.lowConfidence) } : b));
};

export const STEPS: [string, Step][] = [
  ['foldWidth', mapText(foldWidth)],
  ['ocrRepairs', ocrRepairs],
  ['stripMarkdownResidue', mapText(stripMarkdownResidue)],
  ['tightenSpaces', mapText(tightenSpaces)],
  ['dropEmpty', (blocks) => blocks.filter((b) => b.text.replace(/\t/g, '').trim() !== '')],
  ['dropPageNumbers', (blocks) => blocks.filter((b) => !isPageNumberLine(b.text))],
  ['dropSiteFurniture', dropSiteFurniture],
  ['dropRelatedList', dropRelatedList],
  ['compactBylines', compactBylines],
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
 * A web page saved or printed from the browser (PDF, DOCX, text) carries the portal's 信息公开 record
 * as lines above the title ("索 引 号: …", "发文机关: …", "成文日期: …"): they become the page's facts,
 * as the HTML reader reads them from the record table, and leave the text. A web page has its facts.
 */
function takeRecord(raw: RawDocument): { blocks: Block[]; facts?: PageFacts } {
  if (raw.pageFacts) return { blocks: raw.blocks };
  const texts = raw.blocks.slice(0, RECORD_HEAD).map((b) => foldWidth(b.text).trim());
  const lines = new Set(recordLines(texts));
  if (lines.size === 0) return { blocks: raw.blocks };
  const facts = readPageFacts([...lines].map((i) => texts[i]).join('  '));
  return { blocks: raw.blocks.filter((_, i) => !lines.has(i)), facts };
}

/**
 * The normalize stage: a reader's raw document → the blocks every later stage reads. A document
 * with no Chinese left once furniture is gone is E_NO_TEXT (a scan without a text layer, a page of
 * menus); private-use characters are named in warnings after the reader's own messages.
 */
export function normalizeDocument(raw: RawDocument): NormalizedDocument {
  const messages = [...raw.messages];
  const { blocks: body, facts } = takeRecord(raw);
  const blocks = normalizeBlocks(body, messages);
  const pageFacts = raw.pageFacts ?? facts;
  if (!blocks.some((b) => /[\u4e00-\u9fff]/u.test(b.text))) throw new ReadFailure('E_NO_TEXT');
  messages.push(...privateUseWarnings(blocks));
  return { ...raw, blocks, messages, ...(pageFacts ? { pageFacts: normalizePageFacts(pageFacts) } : {}) };
}
