// Does one body govern another? A comparison binds only down the chain of government: the province
// over its cities and counties, a city over its counties. Unrelated places are compared for
// information only and never reported as conflicts. The place logic itself (GB/T 2260 codes, parent
// chains, short names) lives in the structure stage; this file decides what it means for a diff.
import type { Jurisdiction, Level } from '../model.js';
import { governs, shortNames } from '../structure/jurisdiction.js';
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

/** 本溪满族自治县 → 本溪县, as officials write it in a sentence; provinces keep their full name. */
export function shortPlaceName(j: Jurisdiction): string {
  if (j.level !== 'county' && j.level !== 'city') return j.name;
  // The first short form keeps the level word (本溪县); the bare stem (本溪) would be ambiguous.
  const short = shortNames(j.name, j.level).find((s) => s.endsWith(j.name.slice(-1)));
  return short ?? j.name;
}
