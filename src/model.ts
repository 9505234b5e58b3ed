// The one contract: zod schemas for everything that crosses an edge (files in, JSON out),
// and the plain types inferred from them that every stage passes around inside.
// OUTPUT.md in ../shared/spec is the public summary of ExtractResult.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

// image: a PNG, JPEG or TIFF read by OCR (issue 13)
export const Format = z.enum(['pdf', 'docx', 'doc', 'txt', 'html', 'md', 'ofd', 'image']);
export type Format = z.infer<typeof Format>;

/** Where a fact came from: paragraph index in the normalized text, its page, and a character span. */
export const Where = z.object({
  block: z.number().int().optional(),
  page: z.number().int().optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  // evidence (issue 18): which string start/end index into. Absent: the task's own text (a task's
  // deadlines and quantities). 'block': the text of block `block` as normalized (`taizhang text`), for
  // words the task text does not keep (a 牵头单位 label cut out, a table cell, an accountability block).
  in: z.enum(['task', 'block']).optional(),
});
export type Where = z.infer<typeof Where>;

export const Severity = z.enum(['error', 'warning', 'info']);
export const Message = z.object({
  code: z.string(),
  severity: Severity,
  message: z.string(),
  taskId: z.string().optional(),
  where: Where.optional(),
});
export type Message = z.infer<typeof Message>;

/** One paragraph as a reader delivers it, before and after normalization. */
export const BlockStyle = z.object({
  bold: z.boolean().optional(),
  center: z.boolean().optional(),
  heading: z.number().int().optional(),
  fontSize: z.number().optional(),
  table: z.boolean().optional(),
  // a table row whose first cell is merged with the row above (PDF grids)
  rowJoin: z.boolean().optional(),
  // --- ocrtext (issue 13): a scan's block whose lines all sit right of the page centre (a 落款 under
  // the body, its date line); structure's closing rules read it, no text rule needs it
  right: z.boolean().optional(),
  // --- end ocrtext ---
});
export type BlockStyle = z.infer<typeof BlockStyle>;

// --- layers: the one place every block is said to be what it is -------------
/**
 * What a block is in the document, given once by structure (Docling's content layer): 版头, 标题,
 * 主送, 正文, 落款, 版记, furniture, the 附件 list, an attachment that is measures (attachment-body)
 * or a catalogue/list kept as an appendix (attachment-appendix), a table row; "notice" is the covering
 * 印发通知 around a plan it carries. Tasks come only from body, attachment-body and table blocks.
 */
export const Layer = z.enum([
  'masthead', 'title', 'recipients', 'notice', 'body', 'signature', 'colophon', 'page-furniture', 'site-furniture',
  'attachment-list', 'attachment-body', 'attachment-appendix', 'table',
]);
export type Layer = z.infer<typeof Layer>;
// --- end layers ---------------------------------------------------------------------------------

export const Block = z.object({
  text: z.string(),
  /** stable reference "b12" (index in the normalized blocks), set by structure */
  ref: z.string().optional(),
  /** set by structure: what the block is (see Layer) */
  layer: Layer.optional(),
  page: z.number().int().optional(),
  /** page on which the paragraph ends, when it runs over a page break */
  pageEnd: z.number().int().optional(),
  style: BlockStyle.optional(),
  // OCR (issue 13): a block read from a page image says so, with the mean confidence (0–100) of its
  // lines and the words read with low confidence, as written in the text
  source: z.literal('ocr').optional(),
  confidence: z.number().optional(),
  lowConfidence: z.array(z.string()).optional(),
});
export type Block = z.infer<typeof Block>;

export const Source = z.object({
  path: z.string(),
  format: Format,
  sha256: z.string(),
  pages: z.number().int().optional(),
  encoding: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** What every reader returns: the blocks as the reader saw them, the same shape whatever the format. */
export interface RawDocument {
  source: Source;
  blocks: Block[];
  messages: Message[];
  /**
   * What a web page states about the document outside the article (a portal's 信息公开 table:
   * 发文字号, 成文日期, 发文机关); used only where the text itself does not say.
   */
  pageFacts?: PageFacts;
}

// ---- floor: the document between normalize and structure ----
/**
 * What normalize returns (src/normalize/index.ts normalizeDocument) and structure reads: the same
 * shape as a RawDocument, its blocks through the listed steps and its messages grown by theirs.
 */
export type NormalizedDocument = RawDocument;

export interface PageFacts {
  docNumber?: string;
  date?: string;
  issuer?: string;
}

export const DocNumber = z.object({
  text: z.string(),
  issuerCode: z.string(),
  year: z.number().int(),
  serial: z.number().int(),
});
export type DocNumber = z.infer<typeof DocNumber>;

export const Reference = DocNumber.partial().extend({
  text: z.string(),
  title: z.string().optional(),
});
export type Reference = z.infer<typeof Reference>;

export const Supersedes = z.object({
  issuerCode: z.string().optional(),
  year: z.number().int().optional(),
  serial: z.number().int().optional(),
  title: z.string().optional(),
  scope: z.enum(['whole', 'where-inconsistent']),
  evidence: z.string(),
});
export type Supersedes = z.infer<typeof Supersedes>;

export const Level = z.enum(['national', 'province', 'city', 'county', 'township']);
export type Level = z.infer<typeof Level>;

export const Jurisdiction = z.object({
  name: z.string(),
  level: Level,
  code: z.string().optional(),
  /** the enclosing bodies, nearest first: county → city → province */
  parents: z.array(z.object({ name: z.string(), level: Level, code: z.string().optional() })).optional(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const DocType = z.enum(['实施方案', '实施意见', '通知', '意见', '决定', '快报', '通报', '报告', '函', '纪要', '其他']);
export type DocType = z.infer<typeof DocType>;

export const Comparator = z.enum(['=', '>=', '<=', '<', '>']);
export type Comparator = z.infer<typeof Comparator>;

export const Quantity = z.object({
  text: z.string(),
  kind: z.enum(['target', 'standard']),
  value: z.number(),
  /** upper end of a range ("5-10个"); value is then the lower end */
  max: z.number().optional(),
  unit: z.string(),
  per: z.array(z.string()).optional(),
  comparator: Comparator.optional(),
  /** what is counted or paid ("D级危房改造", "学前教育生活补贴"), where it can be named */
  subject: z.string().optional(),
  // 约/左右/余/多 mark an estimate; the value is the number as written
  approximate: z.boolean().optional(),
  where: Where.optional(),
});
export type Quantity = z.infer<typeof Quantity>;

export const Recurrence = z.enum(['weekly', 'monthly', 'quarterly', 'semiannual', 'annual']);
export type Recurrence = z.infer<typeof Recurrence>;

export const Deadline = z.object({
  text: z.string(),
  kind: z.enum(['due', 'start', 'recurring']),
  date: z.string().optional(),
  recurrence: Recurrence.optional(),
  /** "每两个月" → 2 with recurrence monthly */
  interval: z.number().int().optional(),
  /** "至少研究1次" → 1 */
  minCount: z.number().int().optional(),
  // the day a recurring duty falls on, "每年12月20日前" → month 12, day 20
  month: z.number().int().optional(),
  day: z.number().int().optional(),
  where: Where.optional(),
});
export type Deadline = z.infer<typeof Deadline>;

export const UnitRole = z.enum(['lead', 'participant']);
// evidence (issue 18): `text` is the words as written — the unit's or person's own name (and post) where
// it is written out whole, else the whole statement or cell that names it — and `where` places them
const Evidence = { text: z.string().optional(), where: Where.optional() };
export const Unit = z.object({ name: z.string(), role: UnitRole, ...Evidence });
export type Unit = z.infer<typeof Unit>;

export const Person = z.object({ name: z.string(), title: z.string().optional(), ...Evidence });
export type Person = z.infer<typeof Person>;

export const Task = z.object({
  id: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  kind: z.enum(['measure', 'target']).optional(),
  units: z.array(Unit),
  leaders: z.array(Person),
  owners: z.array(Person),
  deadlines: z.array(Deadline),
  quantities: z.array(Quantity),
  where: Where.optional(),
  superseded: z.boolean().optional(),
  // OCR (issue 13): a task read from a scanned page, with the mean confidence (0–100) of its block
  ocr: z.object({ confidence: z.number() }).optional(),
});
export type Task = z.infer<typeof Task>;

export const Article = z.object({ title: z.string(), date: z.string().optional(), issue: z.string().optional(), where: Where.optional() });
export type Article = z.infer<typeof Article>;

export const Attachment = z.object({
  index: z.number().int(),
  title: z.string(),
  where: Where.optional(),
  /** a catalogue or list (目录, 品目, 材料清单, 名单) kept as an appendix: it gives no tasks */
  appendix: z.boolean().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const DocumentMeta = z.object({
  id: z.string(),
  source: Source,
  title: z.string(),
  docType: DocType,
  isPlan: z.boolean(),
  docNumber: DocNumber.nullable(),
  issuer: z.string(),
  date: z.string(),
  jurisdiction: Jurisdiction.nullable(),
  recipients: z.array(z.string()),
  attachments: z.array(Attachment),
  articles: z.array(Article),
  references: z.array(Reference),
  supersedes: z.array(Supersedes),
  quantities: z.array(Quantity),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

// a table that is not a task table, kept as rows of cells (OUTPUT.md `tables`)
export const Table = z.object({
  page: z.number().int().optional(),
  pageEnd: z.number().int().optional(),
  /** a caption written in the table's first row, across all columns */
  caption: z.string().optional(),
  /** the header row's cells; empty when the table has no header row */
  header: z.array(z.string()),
  /** the rows under the header; grid rows under one merged first cell are one row, their texts one per line */
  rows: z.array(z.array(z.string())),
  where: Where.optional(),
});
export type Table = z.infer<typeof Table>;

export const ExtractResult = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: DocumentMeta,
  tasks: z.array(Task),
  /** tables that are not task tables (optional: results written before tables were read have none) */
  tables: z.array(Table).optional(),
  warnings: z.array(Message),
});
export type ExtractResult = z.infer<typeof ExtractResult>;
