// Task numbers ("2.1.1", "1.3.2") from the heading paths: the part of a task id after "#".
import { SEP, type Clause } from './clauses.js';

/**
 * "2.1.1" from the heading path's position among siblings, and ".k" when one path holds several
 * tasks. A ".k" that another path's number already is ("1.3" twice gives "1.3.2", and a "1.3.2"
 * heading may exist) moves on to the next free k: ids stay unique within a document.
 */
export function taskNumbers(clauses: Pick<Clause, 'path'>[]): string[] {
  const childCount = new Map<string, string[]>();
  const ordinal = (parent: string, label: string) => {
    const list = childCount.get(parent) ?? [];
    if (!list.includes(label)) list.push(label);
    childCount.set(parent, list);
    return list.indexOf(label) + 1;
  };
  const bases = clauses.map((c) => {
    const parts: number[] = [];
    c.path.forEach((label, k) => parts.push(ordinal(c.path.slice(0, k).join(SEP), label)));
    return parts.join('.') || '0';
  });
  const taken = new Set(bases);
  const used = new Set<string>();
  const repeats = new Map<string, number>();
  return bases.map((base) => {
    if (!used.has(base)) {
      used.add(base);
      return base;
    }
    let n = repeats.get(base) ?? 1;
    let id: string;
    do id = `${base}.${++n}`; while (taken.has(id) || used.has(id));
    repeats.set(base, n);
    used.add(id);
    return id;
  });
}
