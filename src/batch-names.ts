// Output names in a batch that never collide. A document's outputs are named by its id; two inputs
// whose ids could be equal (the same file name in two folders, `a b.txt` and `a-b.txt`, names that
// differ only in letter case on a case-insensitive disk) must both be written, and the choice of who
// gets which name must not depend on which worker finished first.
import path from 'node:path';

/** How a file name is squashed, the same way documentId squashes it: only letters and digits count. */
export function squashedName(file: string): string {
  const base = path.basename(file).normalize('NFKC').toLowerCase();
  return base.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/gu, '');
}

export type NameClaim =
  | { kind: 'own'; base: string; renamedFrom?: string; sameNameAs?: string }
  /** the same bytes as an input already written: nothing new to write, the summary lists both */
  | { kind: 'duplicate'; base: string; sameAs: string };

interface Holder {
  index: number;
  sha256: string;
}

export class OutputNames {
  /** input index → its position among the inputs sharing its squashed name (0 for the first) */
  private readonly position: number[];
  private readonly firstOfGroup: string[];
  private readonly claimed = new Map<string, Holder>();

  constructor(private readonly files: readonly string[]) {
    const groups = new Map<string, number[]>();
    files.forEach((f, i) => {
      const key = squashedName(f);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    this.position = files.map(() => 0);
    this.firstOfGroup = [...files];
    for (const members of groups.values()) {
      // the same file named twice is one input written once (a duplicate), not a second name
      const distinct: string[] = [];
      for (const index of members) {
        const resolved = path.resolve(files[index]);
        if (!distinct.includes(resolved)) distinct.push(resolved);
        this.position[index] = distinct.indexOf(resolved);
        this.firstOfGroup[index] = files[members[0]];
      }
    }
  }

  /**
   * The base name (no extension) for input `index` whose document id is `id`. Inputs after the first
   * of a same-name group get `~2`, `~3`… by input order; a clash nobody foresaw gets `~<input number>`.
   */
  claim(index: number, id: string, sha256: string): NameClaim {
    const p = this.position[index];
    let base = p === 0 ? id : `${id}~${p + 1}`;
    const holder = this.claimed.get(claimKey(base));
    if (holder && holder.index !== index && holder.sha256 === sha256) return { kind: 'duplicate', base, sameAs: this.files[holder.index] };
    const clash = holder && holder.index !== index ? holder : undefined;
    if (clash) for (let n = index + 1; this.claimed.has(claimKey(base)); n++) base = `${id}~${n}`;
    this.claimed.set(claimKey(base), { index, sha256 });
    if (!clash && p === 0) return { kind: 'own', base };
    return { kind: 'own', base, renamedFrom: id, sameNameAs: clash ? this.files[clash.index] : this.firstOfGroup[index] };
  }
}

/** Two names one disk may treat as the same file: letter case and Unicode composition do not count. */
function claimKey(base: string): string {
  return base.normalize('NFC').toLowerCase();
}
