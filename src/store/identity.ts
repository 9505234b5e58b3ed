// What makes two stored files the same document. Never the path: county B's 方案.txt is not a new
// version of county A's 方案.txt, and ./x/a.txt is x/../x/a.txt. The bytes say whether two files are
// the same file; the document's own 文号, or its issuer and title, say whether they are versions of
// one document.
import type { ExtractResult } from '../model.js';

/** Key kinds, in the order they are tried. */
const KEY_KINDS = { docNumber: '文号', title: '题名', bytes: '内容' } as const;

function keyPart(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The document a file is a version of: its 文号 with the issuer (two counties may both number a
 * notice 政办发〔2020〕1号), else its issuer (or place) and title. A title alone is not enough: two
 * offices' "2020年防汛工作方案" are different documents, so without an issuer the file stands alone.
 */
export function documentKey(result: ExtractResult, sha256: string): string {
  const d = result.document;
  const issuer = keyPart(d.issuer || d.jurisdiction?.name || '');
  const n = d.docNumber;
  if (n?.issuerCode && n.year && n.serial) return [KEY_KINDS.docNumber, keyPart(n.issuerCode), n.year, n.serial, issuer].join('|');
  const title = keyPart(d.title ?? '');
  if (title && issuer) return [KEY_KINDS.title, issuer, title].join('|');
  return [KEY_KINDS.bytes, sha256].join('|');
}

/**
 * The stored JSON to compare with a new extraction of the same bytes: the path it was read from is
 * left out, so the same file ingested from another folder or spelling is not a "re-extraction".
 */
export function extractionFingerprint(result: ExtractResult): string {
  return JSON.stringify({ ...result, document: { ...result.document, source: { ...result.document.source, path: '' } } });
}

/** Task units and people as the substring search reads them: one per line, so no match spans two names. */
export function unitsText(task: ExtractResult['tasks'][number]): string {
  return task.units.map((u) => u.name).join('\n');
}

export function peopleText(task: ExtractResult['tasks'][number]): string {
  return [...task.leaders, ...task.owners].map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('\n');
}
