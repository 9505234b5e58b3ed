// The shared bracket sets: pairs in matching order, and a 文号 class that matches every bracket files use.
import { describe, expect, test } from 'vitest';
import { charClass, DOC_NUMBER_CLOSE, DOC_NUMBER_OPEN, NESTING_CLOSE, NESTING_OPEN, QUOTED_CLOSE, QUOTED_OPEN } from '../../src/lexicon/brackets.js';
import { parseDocNumber } from '../../src/lexicon/doc-numbers.js';

describe('bracket sets', () => {
  test('openers and closers pair up one for one', () => {
    for (const [open, close] of [[NESTING_OPEN, NESTING_CLOSE], [QUOTED_OPEN, QUOTED_CLOSE], [DOC_NUMBER_OPEN, DOC_NUMBER_CLOSE]]) {
      expect([...open]).toHaveLength([...close].length);
      expect(new Set(open).size).toBe(open.length);
    }
    expect(QUOTED_OPEN.startsWith(NESTING_OPEN) && QUOTED_CLOSE.startsWith(NESTING_CLOSE)).toBe(true);
  });

  test('charClass escapes what a character class would read as syntax', () => {
    const re = new RegExp(`^[${charClass('[]^-\\')}]+$`, 'u');
    expect(re.test('[]^-\\')).toBe(true);
    expect(re.test('a')).toBe(false);
  });

  test.each([...DOC_NUMBER_OPEN].map((o, k) => [o, DOC_NUMBER_CLOSE[k]]))('a 文号 written with %s…%s reads', (open, close) => {
    expect(parseDocNumber(`某农发${open}2021${close}12号`)).toMatchObject({ year: 2021, serial: 12 });
  });
});
