// Normalization: small named steps over blocks, run in this order (STYLE.md, the unified model).
import type { Block } from '../model.js';
import { foldWidth, stripMarkdownResidue, tightenSpaces, unifyDocNumberBrackets } from './characters.js';
import { isPageNumberLine } from './page-furniture.js';
import { joinCutParagraphs } from './paragraphs.js';
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

export function normalizeBlocks(blocks: Block[]): Block[] {
  return STEPS.reduce((bs, [, step]) => step(bs), blocks);
}
