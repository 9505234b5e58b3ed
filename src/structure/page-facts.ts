// What a web page states about the document outside the article (a portal's 信息公开 table: 发文字号,
// 成文日期, 发文机关) fills the gaps the text's own skeleton leaves. Part of the structure stage, so
// that extract reads one set of facts and never goes back to normalize or structure.
import type { PageFacts } from '../model.js';
import { parseDocNumber } from '../lexicon/doc-numbers.js';
import { parseFullDate } from '../lexicon/dates.js';
import { resolveJurisdiction } from './jurisdiction.js';
import type { StructureMeta } from './metadata.js';

/** The text's own skeleton first; what the web page states around the article fills the gaps.
 *  The page's 文号 arrives normalized (normalizeDocument unifies its brackets like the text's). */
export function withPageFacts(meta: StructureMeta, facts: PageFacts | undefined): StructureMeta {
  if (!facts) return meta;
  const docNumber = meta.docNumber ?? (facts.docNumber ? parseDocNumber(facts.docNumber) : null);
  const date = meta.date || (facts.date ? parseFullDate(facts.date) ?? '' : '');
  const issuer = meta.issuer || facts.issuer || '';
  const jurisdiction = meta.jurisdiction ?? (issuer ? resolveJurisdiction(issuer, meta.title) : null);
  return { ...meta, docNumber, date, issuer, jurisdiction };
}
