// runCases(rule, { valid, invalid }): a rule's table of sentences, each with the reason it is there.
// A valid case must give at least one fact (and, where `expect` says so, facts that match it); an
// invalid case must give none. The `why` names the case in the test output, so a failure says which
// reading broke, not only which sentence.
import { describe, expect, test } from 'vitest';
import type { Rule, RuleContext } from '../extractors/index.js';

/** A fact as far as a case cares: any field may be left out, at any depth. */
export type Shape<T> = T extends object ? { [K in keyof T]?: Shape<T[K]> } : T;

export interface ValidCase<F> {
  text: string;
  why: string;
  ctx?: RuleContext;
  /** every fact, in order, as far as each partial object says (toMatchObject); or a check of its own */
  expect?: Shape<F>[] | ((facts: F[]) => void);
}

export interface InvalidCase {
  text: string;
  why: string;
  ctx?: RuleContext;
}

export function runCases<F>(rule: Rule<F>, cases: { valid?: ValidCase<F>[]; invalid?: InvalidCase[] }): void {
  const run = rule.run;
  if (!run) throw new Error(`${rule.meta.name} is a helper without an entry: test its functions directly`);
  describe(`rule ${rule.meta.name}`, () => {
    for (const c of cases.valid ?? []) {
      if (!c.why.trim()) throw new Error(`case without a why: ${c.text}`);
      test(`finds: ${c.why} — ${c.text}`, () => {
        const facts = run(c.text, c.ctx);
        expect(facts.length, 'no fact found').toBeGreaterThan(0);
        if (typeof c.expect === 'function') c.expect(facts);
        else if (c.expect) expect(facts).toMatchObject(c.expect);
      });
    }
    for (const c of cases.invalid ?? []) {
      if (!c.why.trim()) throw new Error(`case without a why: ${c.text}`);
      test(`finds nothing: ${c.why} — ${c.text}`, () => {
        expect(run(c.text, c.ctx)).toEqual([]);
      });
    }
  });
}
