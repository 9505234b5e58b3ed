// One layered document (Docling's content layer): structure says once what every block is — 版头,
// 标题, 主送, 正文, 落款, 版记, furniture, the 附件 list, an attachment of measures or an appendix
// (a catalogue, a 名单, a 材料清单), a table row — and gives it a stable ref. Later stages read the
// layer instead of rebuilding skip sets of their own.
import type { Block, Layer, PageFacts } from '../model.js';
import { locateAttachments, type AttachmentLayout } from './attachments.js';
import { embeddedHeaderBlocks } from './embedded.js';
import { buildTree, headingLevel, type HeadingInfo, type HeadingNode, type HeadingTree } from './headings.js';
import { extractMetadata, type StructureMeta } from './metadata.js';
import { withPageFacts } from './page-facts.js';
import { isPageNumberLine } from '../normalize/page-furniture.js';

export const meta = {
  name: 'layers',
  description: '层次: one layer and a stable ref for every block; an attachment of measures vs. a catalogue appendix',
} as const;

/** Layers whose text can hold tasks: the body, attachments that are measures, table rows. */
export const TASK_LAYERS: ReadonlySet<Layer> = new Set<Layer>(['body', 'attachment-body', 'table']);

/** Layers that are the document's apparatus, not its content: no task, no document quantity. */
export const APPARATUS_LAYERS: ReadonlySet<Layer> = new Set<Layer>([
  'masthead', 'title', 'recipients', 'signature', 'colophon', 'page-furniture', 'site-furniture',
]);

// --- what an appendix looks like -----------------------------------------------------------------
/**
 * Words that give someone something to do. A catalogue of machines, a 名单 or a 材料清单 names
 * things; measures say who must do what. "要" counts only outside 主要/重要/需要/纲要/要求/要素.
 */
const DUTY_WORDS =
  /(?<![主重需纲])要(?![求素点])|应当|(?<![对适响相供反])应(?![用急对])|必须|负责|确保|牵头|配合|落实|推进|推动|加强|加快|做好|抓好|开展|督促|完成|制定|强化|严格|依法/u;
/**
 * A law's 总则 and 附则 ("第一章 总则"): their articles state purpose, scope and definitions, and some
 * give duties ("县级以上人民政府应当…"); only those are tasks.
 */
const GENERAL_PROVISIONS = /^(?:第[一二三四五六七八九十百零〇\d]{1,4}章)?(?:总则|附则)$/u;
/** Words of a legal duty or prohibition, in addition to the measure verbs. */
const LEGAL_DUTY = /不得|禁止|有权|有义务/u;
/** "为了加强…，制定本法。": the purpose clause names the law's own making, not a duty. */
const PURPOSE = /(?:(?:为了?|根据|依据)[^。；]*?)?(?:制定|修订)本(?:法|条例|办法|实施办法|规定|细则|决定)/gu;

export function isGeneralProvisions(path: string[]): boolean {
  // "第一章　总　　则": a law spaces out its chapter titles
  return path.some((p) => GENERAL_PROVISIONS.test(p.replace(/\s+/gu, '')));
}

/** True when a sentence gives someone something to do (or not to do). */
export function carriesDuty(text: string): boolean {
  const t = text.replace(PURPOSE, '');
  return DUTY_WORDS.test(t) || LEGAL_DUTY.test(t);
}

/** Words of a task table's header row or a task guide's labels: who is accountable and by when. */
const TASK_TABLE_HEADER = /牵头(?:单位|部门|领导)|责任(?:单位|部门|领导|人)|配合(?:单位|部门)|协办单位|完成时限|时间节点|工作任务|重点任务|主要任务/u;

/** A date or time limit: measures have them, catalogues do not. */
const DATE_WORDS = /\d{4}\s*年|\d{1,2}\s*月(?:底|末|\d{1,2}日)?(?:前|底)|年底前|年内|限期|时限/u;
/** A line that is a sentence: measures are written in sentences, catalogue entries are names. */
const SENTENCE = /[。；！？]/u;
/** The longest catalogue entry ("11.1.3畜禽粪便发酵处理设备", "营业执照复印件（加盖公章）"). */
const MAX_ENTRY = 30;
/** Share of short, actionless lines from which an attachment is a catalogue. */
const APPENDIX_SHARE = 0.8;
/** Share of lines with a duty word or a date an appendix may still have (a 说明 line, a note). */
const MAX_DUTY_SHARE = 0.1;
/** Below this many lines an attachment says too little to tell: it stays measures, as before. */
const MIN_LINES = 3;

export interface AttachmentFeatures {
  lines: number;
  /** short lines with no sentence end, no duty word and no date: names of things */
  entries: number;
  /** lines that give a duty or a date */
  duties: number;
}

export function attachmentFeatures(lines: string[]): AttachmentFeatures {
  const ts = lines.map((l) => l.trim()).filter((l) => l !== '');
  let entries = 0;
  let duties = 0;
  for (const t of ts) {
    const duty = DUTY_WORDS.test(t) || DATE_WORDS.test(t);
    if (duty) duties++;
    else if (!SENTENCE.test(t) && t.replace(/\t/gu, '').length <= MAX_ENTRY) entries++;
  }
  return { lines: ts.length, entries, duties };
}

/**
 * An attachment is an appendix (a catalogue, a list of names or materials) when nearly all its lines
 * are short names of things and almost none gives a duty or a date. A task table or a task guide has
 * verbs, bodies and dates on its lines, so it stays measures whatever its title says.
 */
export function isAppendix(lines: string[]): boolean {
  // a task table's header (工作任务 | 牵头单位 | 完成时限) makes the rows under it measures, terse as they are
  if (lines.some((l) => TASK_TABLE_HEADER.test(l))) return false;
  const f = attachmentFeatures(lines);
  if (f.lines < MIN_LINES) return false;
  return f.entries / f.lines >= APPENDIX_SHARE && f.duties / f.lines <= MAX_DUTY_SHARE;
}

// --- the layered document ------------------------------------------------------------------------
export interface LayeredDocument {
  /** blocks with `ref` ("b0", "b1", …) and `layer` set */
  blocks: Block[];
  meta: StructureMeta;
  tree: HeadingTree;
  attachments: AttachmentLayout;
  /**
   * Heading lines that are only a heading (the path, not clause text): numbered headings with no
   * body in the same paragraph, and the title line under a bare 附件N.
   */
  headingOnly: Set<number>;
  /** the numbering each block starts with (headingLevel), read once for every later stage */
  headingOf: (HeadingInfo | null)[];
}

/** The ref of block i: its index in the normalized blocks, stable for one reading of one file. */
export function blockRef(i: number): string {
  return `b${i}`;
}

/** [first, end) of each attachment body, from its 附件N line to the next one or the end. */
function attachmentRanges(blocks: Block[], layout: AttachmentLayout): [number, number][] {
  const starts = [...layout.startBlocks.keys()].sort((a, b) => a - b);
  return starts.map((s, k) => [s, k + 1 < starts.length ? starts[k + 1] : blocks.length]);
}

/** Assigns every block its layer; the skeleton's own blocks first, then attachments, tables, body. */
export function assignLayers(blocks: Block[], meta: StructureMeta, layout: AttachmentLayout): Layer[] {
  const layers: Layer[] = blocks.map((b, i) => meta.layerOf.get(i) ?? (b.style?.table ? 'table' : 'body'));
  const fixed = (i: number) => meta.layerOf.has(i);
  for (const i of embeddedHeaderBlocks(blocks, meta.bodyStart)) if (!fixed(i)) layers[i] = 'masthead';
  for (const [first, end] of attachmentRanges(blocks, layout)) {
    // the marker and its title line are the attachment's heading, not its content
    const content: string[] = [];
    for (let i = first + 1; i < end; i++) if (!layout.titleBlocks.has(i) && !fixed(i) && layers[i] !== 'masthead') content.push(blocks[i].text);
    const layer: Layer = isAppendix(content) ? 'attachment-appendix' : 'attachment-body';
    for (let i = first; i < end; i++) {
      if (fixed(i) || layers[i] === 'masthead') continue;
      // a task table inside an attachment of measures keeps its rows as table rows
      if (layer === 'attachment-body' && layers[i] === 'table') continue;
      layers[i] = layer;
    }
  }
  for (const i of layout.listBlocks) if (!fixed(i)) layers[i] = 'attachment-list';
  blocks.forEach((b, i) => {
    if (!fixed(i) && isPageNumberLine(b.text)) layers[i] = 'page-furniture';
  });
  return layers;
}

/** Heading nodes whose paragraph is the heading alone; "1.完成230名…帮扶工作。" is a sentence, content. */
function headingOnlyBlocks(blocks: Block[], nodes: HeadingNode[], headingOf: (HeadingInfo | null)[]): number[] {
  const out: number[] = [];
  const walk = (ns: HeadingNode[]) => {
    for (const n of ns) {
      const text = blocks[n.block].text.trim();
      const h = headingOf[n.block];
      if (!h || (!h.body && !/[。！？；]$/u.test(text))) out.push(n.block);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** The structure stage: skeleton, heading tree and layers, with the attachments located once; a web
 *  page's facts fill what the text does not say. */
export function structureDocument(blocks: Block[], pageFacts?: PageFacts): LayeredDocument {
  const attachments = locateAttachments(blocks);
  const meta = extractMetadata(blocks, attachments);
  const tree = buildTree(blocks, attachments);
  const layers = assignLayers(blocks, meta, attachments);
  // the attachment whose 附件N line opens an appendix says so in the document's list of attachments
  meta.attachments = meta.attachments.map((a) =>
    a.where?.block !== undefined && attachments.startBlocks.has(a.where.block) && layers[a.where.block] === 'attachment-appendix' ? { ...a, appendix: true } : a);
  const headingOf = blocks.map((b) => headingLevel(b.text));
  const headingOnly = new Set([...headingOnlyBlocks(blocks, tree.headings, headingOf), ...attachments.titleBlocks]);
  return { blocks: blocks.map((b, i) => ({ ...b, ref: blockRef(i), layer: layers[i] })), meta: withPageFacts(meta, pageFacts), tree, attachments, headingOnly, headingOf };
}
