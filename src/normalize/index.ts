// Normalization: small named steps over blocks, run in this order (STYLE.md, the unified model).
import type { Block, Message } from '../model.js';
import { message } from '../messages.js';
import { LIMITS } from '../read/limits.js';
import { foldWidth, stripMarkdownResidue, tightenSpaces, unifyDocNumberBrackets } from './characters.js';
import { isPageNumberLine } from './page-furniture.js';
import { joinCutParagraphs } from './paragraphs.js';
import { splitLongParagraphs } from './long-paragraphs.js';
import { dropSiteFurniture } from './site-furniture.js';

type Step = (blocks: Block[]) => Block[];

// a table row keeps its cells apart: each cell is normalized on its own and the tabs stay
const mapText = (f: (t: string) => string): Step => (blocks) =>
  blocks.map((b) => ({ ...b, text: b.style?.table ? b.text.split('\t').map(f).join('\t') : f(b.text) }));

export const STEPS: [string, Step][] = [
  ['foldWidth', mapText(foldWidth)],
  ['stripMarkdownResidue', mapText(stripMarkdownResidue)],
  ['tightenSpaces', mapText(tightenSpaces)],
  ['dropEmpty', (blocks) => blocks.filter((b) => b.text.replace(/\t/g, '').trim() !== '')],
  ['dropPageNumbers', (blocks) => blocks.filter((b) => !isPageNumberLine(b.text))],
  ['dropSiteFurniture', dropSiteFurniture],
  ['joinCutParagraphs', joinCutParagraphs],
  ['unifyDocNumberBrackets', mapText(unifyDocNumberBrackets)],
];

/** The steps in order; a paragraph too long to extract from in bounded time is then split (after
 *  joinCutParagraphs, which would join the pieces again), with a warning on `messages`. */
export function normalizeBlocks(blocks: Block[], messages?: Message[]): Block[] {
  const { blocks: out, split } = splitLongParagraphs(STEPS.reduce((bs, [, step]) => step(bs), blocks));
  if (split && messages) messages.push(message('W_LONG_PARAGRAPH_SPLIT', 'warning', { detail: `${split} 段超过 ${LIMITS.paragraphChars} 字` }));
  return out;
}
