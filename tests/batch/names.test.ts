// Output names in a batch: two inputs never share an output, whatever order the workers finish in.
import { describe, expect, test } from 'vitest';
import { OutputNames, squashedName } from '../../src/batch-names.js';

describe('squashedName: the names that would collide once punctuation is squashed', () => {
  const cases: [string, string, boolean][] = [
    ['A/方案.txt', 'B/方案.txt', true],
    ['a b.txt', 'a-b.txt', true],
    ['a b.txt', 'a_b.txt', true],
    ['Plan.PDF', 'plan.pdf', true],
    ['（2020）实施方案.docx', '(2020)实施方案.docx', true],
    ['（2020）实施方案.docx', '2020实施方案.docx', false],
    ['方案.txt', '方案.pdf', false],
    ['教育局方案.txt', '人社局方案.txt', false],
  ];
  test.each(cases)('%s vs %s → same: %s', (a, b, same) => expect(squashedName(a) === squashedName(b)).toBe(same));
});

describe('OutputNames.claim', () => {
  test('same file name in two folders: the later input gets ~2, by input order not finish order', () => {
    const files = ['县甲/方案.txt', '县乙/方案.txt'];
    for (const order of [[0, 1], [1, 0]]) {
      const names = new OutputNames(files);
      const got: Record<number, string> = {};
      for (const i of order) got[i] = names.claim(i, '方案-txt', `sha${i}`).base;
      expect(got).toEqual({ 0: '方案-txt', 1: '方案-txt~2' });
    }
  });

  test('the renamed input says which input it shares a name with', () => {
    const names = new OutputNames(['a b.txt', 'a-b.txt', 'a_b.txt']);
    expect(names.claim(2, 'a-b-txt', 's2')).toEqual({ kind: 'own', base: 'a-b-txt~3', renamedFrom: 'a-b-txt', sameNameAs: 'a b.txt' });
    expect(names.claim(0, 'a-b-txt', 's0')).toEqual({ kind: 'own', base: 'a-b-txt' });
  });

  test('identical bytes under two names: one document, the second input listed as a duplicate', () => {
    const names = new OutputNames(['通知.txt', '关于做好防汛工作的通知.txt']);
    expect(names.claim(0, 'doc-abc', 'same')).toEqual({ kind: 'own', base: 'doc-abc' });
    expect(names.claim(1, 'doc-abc', 'same')).toEqual({ kind: 'duplicate', base: 'doc-abc', sameAs: '通知.txt' });
  });

  test('an id clash nobody could foresee from the names still writes both, with the input number', () => {
    const names = new OutputNames(['x.txt', 'y.txt', 'z.txt']);
    expect(names.claim(0, 'same-id', 'a').base).toBe('same-id');
    const second = names.claim(2, 'same-id', 'c');
    expect(second).toMatchObject({ kind: 'own', base: 'same-id~3', sameNameAs: 'x.txt' });
  });

  test('names that differ only in letter case are one name on Windows and macOS disks', () => {
    const names = new OutputNames(['p.txt', 'q.txt']);
    expect(names.claim(0, 'Plan-txt', 'a').base).toBe('Plan-txt');
    expect(names.claim(1, 'plan-txt', 'b').base).toBe('plan-txt~2');
  });

  test('the same path given twice is one input written once', () => {
    const names = new OutputNames(['d/方案.txt', 'd/方案.txt']);
    expect(names.claim(0, '方案-txt', 's').kind).toBe('own');
    expect(names.claim(1, '方案-txt', 's')).toMatchObject({ kind: 'duplicate', sameAs: 'd/方案.txt' });
  });
});
