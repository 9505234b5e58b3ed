// The official-document skeleton of one document (GB/T 9704-2012, 党政机关公文处理工作条例): who
// issued it, its number, title, 文种, date, addressees, attachments, what it cites and supersedes,
// where its body starts and which blocks are boilerplate. A missing element stays empty.
import type { Article, Attachment, Block, DocNumber, DocType, Jurisdiction, Layer, Message, Reference, Supersedes } from '../model.js';
import { locateAttachments, type AttachmentLayout } from './attachments.js';
import { findIssueHeaders, splitBulletin, withoutIssueNumber } from './bulletin.js';
import { findReferences, findSupersedes } from './citations.js';
import { closingLayers, dateLine, findSignatures, isImprintLine } from './closing.js';
import { checkSignatureDate } from './signature-date.js';
import { headerDocNumber, readHeader, type Header } from './header.js';
import { mastheadIssuer, splitIssuers, titleIssuer } from './issuers.js';
import { jurisdictionFromDocCode, resolveJurisdictionDetailed } from './jurisdiction.js';
import { docTypeOf, endsWithTitleWord, isTitleShaped, sameTitle, tidyTitle, withoutColumnName, wrappedTitle } from './titles.js';

export const meta = {
  name: 'metadata',
  description: '公文要素: title, 文种, 发文字号, issuer, 成文日期, 主送, 附件, references, supersession, body start',
} as const;

export interface StructureMeta {
  /** the plan's own title, whitespace removed ('' when none found) */
  title: string;
  docType: DocType;
  /** false for bulletins and news: they report, they do not assign tasks */
  isPlan: boolean;
  docNumber: DocNumber | null;
  /** 发文机关; joint issuers separated by one space */
  issuer: string;
  /** 成文日期 of the outermost notice, ISO; '' when the document has none */
  date: string;
  /** a scraped article's publication date from its byline ('' when none); never used as `date` */
  published: string;
  recipients: string[];
  attachments: Attachment[];
  references: Reference[];
  supersedes: Supersedes[];
  articles: Article[];
  jurisdiction: Jurisdiction | null;
  /** the title of the 印发通知 when the document wraps a plan ('' otherwise) */
  noticeTitle: string;
  /** first block of the body (after title, number, recipients; for a wrapped plan, after the plan's title) */
  bodyStart: number;
  /** blocks the task splitter skips: header, signatures and dates, 版记, web residue, bulletin headers */
  boilerplate: number[];
  /** warnings for the document's message list (an ambiguous place name) */
  messages: Message[];
  /**
   * The layer of every block this skeleton accounts for (版头, title, 主送, the covering notice of a
   * wrapped plan, 落款, 版记, site residue); blocks absent here are the body's or an attachment's.
   */
  layerOf: Map<number, Layer>;
}

/** How far below the notice the wrapped plan's own title may appear. */
const WRAPPED_SEARCH = 60;

/** The wrapped plan's title block(s) after the notice: one line, or two lines that join into it. */
function findPlanTitle(blocks: Block[], from: number, wanted: string): number[] | null {
  const limit = Math.min(blocks.length, from + WRAPPED_SEARCH);
  for (let i = from; i < limit; i++) {
    const t = blocks[i].text.trim();
    // "《…方案》已经县委同意" cites the plan inside the notice; the plan's own title is not bracketed.
    if (!isTitleShaped(t) || /[《》]/u.test(t)) continue;
    if (sameTitle(t, wanted)) return [i];
    if (i + 1 < limit && isTitleShaped(blocks[i + 1].text, 1) && sameTitle(`${t}${blocks[i + 1].text.trim()}`, wanted)) return [i, i + 1];
  }
  return null;
}

/** Lines right under a plan's title that are still its header: its number, issuer, a dated line. */
function skipPlanHeader(blocks: Block[], i: number): number {
  let k = i;
  while (k < blocks.length) {
    const t = blocks[k].text.trim();
    if (t === '' || dateLine(t) || headerDocNumber(t) || (splitIssuers(t) && !mastheadIssuer(t))) k++;
    else break;
  }
  return k;
}

/** 成文日期: the first signature date after the header; a header date (bulletins, "（…日）") otherwise. */
function outerDate(blocks: Block[], header: Header): { date: string; signer: string; dateBlock: number } {
  const sigs = findSignatures(blocks, header.end);
  const signed = sigs.find((s) => s.signer !== '');
  // An unsigned date line counts only where a 落款 stands: last line, or right before 版记/附件/the plan.
  const unsigned = sigs.find((s) => {
    const next = blocks.slice(s.dateBlock + 1).find((b) => b.text.trim() !== '');
    return !next || isImprintLine(next.text) || /^附\s*件/u.test(next.text.trim()) || (isTitleShaped(next.text) && endsWithTitleWord(next.text));
  });
  const first = [signed, unsigned].filter((s) => s !== undefined).sort((a, b) => a!.dateBlock - b!.dateBlock)[0];
  if (first) return { date: first.date, signer: first.signer, dateBlock: first.dateBlock };
  return { date: header.date, signer: '', dateBlock: -1 };
}

/** Reads the skeleton of one document from its normalized paragraphs. */
export function extractMetadata(blocks: Block[], layout: AttachmentLayout = locateAttachments(blocks)): StructureMeta {
  const header = readHeader(blocks);
  const layerOf = new Map<number, Layer>();
  for (let k = 0; k < header.start; k++) layerOf.set(k, 'site-furniture');
  for (const k of header.blocks) layerOf.set(k, 'masthead');
  for (const k of header.titleBlocks) layerOf.set(k, 'title');
  for (const k of header.recipientBlocks) layerOf.set(k, 'recipients');
  const issues = findIssueHeaders(blocks);
  const rawTitle = withoutColumnName(header.rawTitle);
  let title = tidyTitle(rawTitle);
  let noticeTitle = '';
  let bodyStart = header.end;
  // Site navigation above a scraped article's title is not part of the document.
  const boiler = new Set<number>([...Array.from({ length: header.start }, (_, k) => k), ...header.blocks]);

  const wrapped = wrappedTitle(rawTitle);
  if (wrapped) {
    noticeTitle = title;
    const planBlocks = findPlanTitle(blocks, header.end, wrapped);
    title = planBlocks ? tidyTitle(planBlocks.map((k) => blocks[k].text).join('')) : tidyTitle(wrapped);
    if (planBlocks) {
      planBlocks.forEach((k) => boiler.add(k));
      planBlocks.forEach((k) => layerOf.set(k, 'title'));
      bodyStart = skipPlanHeader(blocks, planBlocks[planBlocks.length - 1] + 1);
      for (let k = planBlocks[planBlocks.length - 1] + 1; k < bodyStart; k++) {
        boiler.add(k);
        layerOf.set(k, 'masthead');
      }
    }
  }
  const docType = issues.length > 0 ? '快报' : docTypeOf(title);
  if (issues.length > 0) {
    title = withoutIssueNumber(title);
    bodyStart = Math.max(bodyStart, issues[0].end);
    issues.forEach((h) => h.blocks.forEach((b) => boiler.add(b)));
    issues.forEach((h) => h.blocks.forEach((b) => layerOf.set(b, 'masthead')));
  }

  const signed = outerDate(blocks, header);
  const checked = checkSignatureDate(blocks, signed.date, signed.dateBlock, header.end);
  const signer = signed.signer;
  const date = issues.length > 0 && issues[0].date ? issues[0].date : checked.date;
  const issuer = header.issuer || titleIssuer(rawTitle) || (issues[0]?.issuer ?? '') || signer;
  for (const [b, layer] of closingLayers(blocks, header.end)) {
    boiler.add(b);
    if (!layerOf.has(b)) layerOf.set(b, layer);
  }
  // between the notice's header and the plan it carries: the covering notice, not the plan's body
  for (let k = 0; k < bodyStart; k++) if (!layerOf.has(k)) layerOf.set(k, k < header.end ? 'masthead' : 'notice');

  const self = { docNumber: header.docNumber, titles: [title, noticeTitle, wrapped ?? ''].filter((t) => t !== '') };
  // News: a scraped article whose title names no 文种 reports, it does not assign. A page that
  // carries a 发文字号, or a 印发通知 wrapping an 办法/行动计划/工作要点, is a document, whatever its 文种.
  const isNews = header.published !== '' && docType === '其他' && !header.docNumber && !wrapped;
  const place = resolveJurisdictionDetailed(issuer, title, blocks.slice(bodyStart, bodyStart + 3).map((b) => b.text).join(''));
  return {
    title,
    docType,
    isPlan: docType !== '快报' && !isNews,
    docNumber: header.docNumber,
    issuer,
    date,
    published: header.published,
    recipients: header.recipients,
    attachments: layout.attachments,
    references: findReferences(blocks, self),
    supersedes: findSupersedes(blocks, self),
    articles: issues.length > 0 ? splitBulletin(blocks) : [],
    // the 文号's issuer code speaks for the body when neither issuer nor title names a place
    jurisdiction: place.jurisdiction ?? jurisdictionFromDocCode(header.docNumber?.issuerCode),
    noticeTitle,
    bodyStart,
    boilerplate: [...boiler].sort((a, b) => a - b),
    messages: [...checked.messages, ...place.messages],
    layerOf,
  };
}
