// Character error rate, whitespace ignored: the edits fast-diff finds between the two texts (a
// replaced run counts as the longer of its deleted and inserted parts), over the reference length.
// No width is folded here: both texts come through normalize (cer.test.ts), and a mark in the wrong
// width ("，" where the text layer holds ",") is a character the reader gets wrong.
import diff from 'fast-diff';

export const squash = (s: string) => s.replace(/[\s\u3000]+/gu, '');

export function cer(hypothesis: string, reference: string): number {
  const hyp = squash(hypothesis);
  const ref = squash(reference);
  let errors = 0;
  let del = 0;
  let ins = 0;
  const flush = () => {
    errors += Math.max(del, ins);
    del = ins = 0;
  };
  for (const [op, text] of diff(ref, hyp)) {
    if (op === diff.EQUAL) flush();
    else if (op === diff.DELETE) del += text.length;
    else ins += text.length;
  }
  flush();
  return ref.length ? errors / ref.length : 0;
}
