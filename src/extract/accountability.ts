// The accountability block that closes a task guide ("牵头县领导：…", "责任单位：…") and which tasks it
// speaks for: read once per block, given to every task under its scope.
import type { Block, Person, Unit, Where } from '../model.js';
import type { HeadingInfo } from '../structure/headings.js';
import { extractPeople } from '../../extractors/people.js';
import { SEP } from './clauses.js';

/**
 * "牵头县领导：", "责任人：": the accountability block that closes a task guide. It starts at a label
 * naming people; unit labels inside it ("牵头县直部门：") belong to it too.
 */
const PEOPLE_LABEL = /^(牵头|责任|分管|包保|联系)[\u4e00-\u9fff]{0,4}(领导|人)\s*[：:]/u;

export interface PeopleBlock {
  first: number;
  last: number;
  leaders: Person[];
  owners: Person[];
  units: Unit[];
}

/** Each attachment's closing accountability lines, read once for every task of that attachment. */
export function findPeopleBlocks(blocks: Block[], pathOf: string[][], skip: Set<number>, headingOf: (HeadingInfo | null)[]): PeopleBlock[] {
  const out: PeopleBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (skip.has(i) || !PEOPLE_LABEL.test(blocks[i].text.trim())) continue;
    const top = pathOf[i]?.[0];
    let j = i;
    const goesOn = (k: number) =>
      k < blocks.length && !skip.has(k) && pathOf[k]?.[0] === top && headingOf[k] === null && !/[。；]/u.test(blocks[k].text);
    while (goesOn(j + 1)) j++;
    // the lines as the blocks hold them: each fact's where (line k, span in it) becomes block i + k
    const found = extractPeople(blocks.slice(i, j + 1).map((b) => b.text));
    const atBlock = <T extends { where?: Where }>(f: T): T => (f.where ? { ...f, where: { ...f.where, block: i + (f.where.block ?? 0) } } : f);
    out.push({ first: i, last: j, leaders: found.leaders.map(atBlock), owners: found.owners.map(atBlock), units: found.units.map(atBlock) });
    i = j;
  }
  return out;
}

/**
 * What a people block is about: a whole task guide when it closes an attachment ("附件3 …"), else the
 * heading it is written under (above any numbered items it follows).
 */
export function peopleScope(path: string[], itemPaths: Set<string>, others: string[][]): string[] {
  if (path[0]?.startsWith('附件')) return path.slice(0, 1);
  if (!itemPaths.has(path.join(SEP))) return path;
  // after a numbered item: that item's own block when its sibling items have blocks too, else the
  // block closes the items' heading ("（一）…（二）…（四）…" then one 责任领导 line for the section)
  const parent = path.slice(0, -1);
  // top-level items ("一、…" run-in headings) have the empty path as parent: every item is their sibling
  const siblingsHaveTheirs = others.some((o) =>
    o !== path && o.length === path.length && parent.every((x, i) => x === o[i]) && o.join(SEP) !== path.join(SEP));
  return siblingsHaveTheirs ? path : parent;
}

/** Whether a task's heading path lies under a people block's scope. */
export function isUnder(path: string[], scope: string[]): boolean {
  return scope.length > 0 && scope.length <= path.length && scope.every((x, i) => x === path[i]);
}
