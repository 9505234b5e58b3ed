// Does one body govern another? A comparison binds only down the chain of government: the province
// over its cities and counties, a city over its counties. Unrelated places are compared for
// information only and never reported as conflicts. The place logic itself (GB/T 2260 codes, parent
// chains, short names) lives in the structure stage; this file decides what it means for a diff.
import type { DocumentMeta, Jurisdiction, Level, Reference } from '../model.js';
import { governs, samePlace, shortNames } from '../structure/jurisdiction.js';
import type { Relation } from './schema.js';

/** How the higher side is named in a reason sentence ("低于省级…的要求"). */
export const LEVEL_LABEL: Readonly<Record<Level, string>> = {
  national: '国家',
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
};

export interface RelationOf {
  relation: Relation;
  /** the side that governs the other, when binding */
  higher: 'a' | 'b' | null;
}

/** Binding when one side's body governs the other's; otherwise (unrelated, same place, unknown) informational. */
export function relate(a: Jurisdiction | null, b: Jurisdiction | null): RelationOf {
  if (a && b && governs(a, b)) return { relation: 'binding', higher: 'a' };
  if (a && b && governs(b, a)) return { relation: 'binding', higher: 'b' };
  return { relation: 'informational', higher: null };
}

/**
 * Marks of a document that speaks for the whole country when the structure stage named no place
 * (a law's text often carries no issuer line; a 国办发 opinion copied without its red header).
 * 发文字号 codes of the central bodies, and the law title every national law carries.
 */
export const NATIONAL_DOC_CODES: readonly string[] = ['国发', '国办发', '国函', '国办函', '中发', '中办发', '国令', '主席令', '国务院令'];
const NATIONAL_ISSUER = /^(?:全国人民代表大会|全国人大|中共中央|中央|国务院|国家)/u;
const NATIONAL_LAW_TITLE = /^中华人民共和国.{1,40}(?:法|条例|规定|办法)$/u;
const NATIONAL: Jurisdiction = { name: '中华人民共和国', level: 'national', parents: [] };

/** The document's place, or the nation when its 发文字号, issuer or law title mark a national body. */
export function effectiveJurisdiction(doc: Pick<DocumentMeta, 'jurisdiction' | 'docNumber' | 'issuer' | 'title'>): Jurisdiction | null {
  if (doc.jurisdiction) return doc.jurisdiction;
  const code = doc.docNumber?.issuerCode ?? '';
  if (NATIONAL_DOC_CODES.includes(code)) return NATIONAL;
  if (doc.issuer && NATIONAL_ISSUER.test(doc.issuer.trim())) return NATIONAL;
  if (NATIONAL_LAW_TITLE.test(bareTitle(doc.title))) return NATIONAL;
  return null;
}

/** A title as cited: without 《》〈〉, spaces and the punctuation quoting adds or drops. */
function bareTitle(t: string): string {
  return t.replace(/[《》〈〉<>“”"'‘’\s（）()]/gu, '');
}

// A cited title shorter than this ("意见", "通知") names no one document.
const MIN_CITED_TITLE = 6;

function citesReference(r: Reference, higher: Pick<DocumentMeta, 'docNumber' | 'title'>): boolean {
  const n = higher.docNumber;
  if (n && r.issuerCode === n.issuerCode && r.year === n.year && r.serial === n.serial) return true;
  const title = bareTitle(higher.title);
  return !!r.title && title.length >= MIN_CITED_TITLE && bareTitle(r.title) === title;
}

/**
 * Does `lower` name `higher` as the document it implements? It cites it by 发文字号 or by its
 * exact title ("根据《…》（国办发〔2019〕6号）精神，结合我省实际"), or its own title carries the
 * higher title ("××省实施《中华人民共和国××法》办法"); and it is not older than what it implements.
 */
export function implementsDocument(lower: DocumentMeta, higher: DocumentMeta): boolean {
  if (lower.id === higher.id) return false;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(lower.date) && /^\d{4}-\d{2}-\d{2}$/u.test(higher.date) && lower.date < higher.date) return false;
  const title = bareTitle(higher.title);
  if (title.length >= MIN_CITED_TITLE && bareTitle(lower.title).includes(title) && bareTitle(lower.title) !== title) return true;
  return lower.references.some((r) => citesReference(r, higher));
}

export interface DocumentRelation extends RelationOf {
  /** jurisdiction: one body governs the other; citation: the lower document names the higher as what it implements */
  basis: 'jurisdiction' | 'citation' | null;
}

/**
 * Binding when one side's body governs the other's (the nation every province); otherwise when
 * one document implements the other by citation and the places do not say otherwise (one side's
 * place unknown, or the same place, or the cited side national). Two known places that govern
 * nothing of each other stay informational whatever they cite.
 */
export function relateDocuments(a: DocumentMeta, b: DocumentMeta): DocumentRelation {
  const ja = effectiveJurisdiction(a);
  const jb = effectiveJurisdiction(b);
  const byPlace = relate(ja, jb);
  if (byPlace.relation === 'binding') return { ...byPlace, basis: 'jurisdiction' };
  const placesAllow = (high: Jurisdiction | null, low: Jurisdiction | null) =>
    !high || !low || samePlace(high, low) || high.level === 'national';
  if (implementsDocument(b, a) && placesAllow(ja, jb)) return { relation: 'binding', higher: 'a', basis: 'citation' };
  if (implementsDocument(a, b) && placesAllow(jb, ja)) return { relation: 'binding', higher: 'b', basis: 'citation' };
  return { ...byPlace, basis: null };
}

/** 本溪满族自治县 → 本溪县, as officials write it in a sentence; provinces keep their full name. */
export function shortPlaceName(j: Jurisdiction): string {
  if (j.level !== 'county' && j.level !== 'city') return j.name;
  // The first short form keeps the level word (本溪县); the bare stem (本溪) would be ambiguous.
  const short = shortNames(j.name, j.level).find((s) => s.endsWith(j.name.slice(-1)));
  return short ?? j.name;
}
