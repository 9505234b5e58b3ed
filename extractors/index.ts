// The registry of extractors (issue 18, move 5): every file in extractors/ (and the lexicon's readers of
// dates, 文号 and numerals in src/lexicon/, which structure shares) with the `meta` it exports
// and, for the rules that read a paragraph, one entry of one signature (paragraph, context) → facts.
// The helpers (numerals, predicates, word lists…) have no entry: the rules call them. `taizhang rules`
// lists this table; tests/rule-tester.ts runs cases against an entry. Load it lazily from the CLI:
// the unit rules reach the segmenter.
import * as dateSpans from './date-spans.js';
import * as dates from '../src/lexicon/dates.js';
import * as deadlines from './deadlines.js';
import * as docNumbers from '../src/lexicon/doc-numbers.js';
import * as numerals from '../src/lexicon/numerals.js';
import * as people from './people.js';
import * as predicates from './predicates.js';
import * as quantities from './quantities.js';
import * as quantityPer from './quantity-per.js';
import * as quantityLists from './quantity-lists.js';
import * as unitData from './unit-data.js';
import * as unitInline from './unit-inline.js';
import * as unitList from './unit-list.js';
import * as unitNames from './unit-names.js';
import * as unitPlaces from './unit-places.js';
import * as unitSubject from './unit-subject.js';
import * as units from './units.js';

/** What a rule may know besides the paragraph: the document's year, 成文日期 and title. */
export interface RuleContext {
  year?: number;
  /** ISO date the document was issued */
  issued?: string;
  title?: string;
}

export interface RuleMeta {
  readonly name: string;
  readonly description: string;
}

/** One paragraph (lines joined by "\n") in, the facts found in it out, in reading order. */
export type RuleEntry<F = unknown> = (paragraph: string, ctx?: RuleContext) => F[];

export interface Rule<F = unknown> {
  meta: RuleMeta;
  /** the file that holds it, from the repository root: extractors/units.ts, src/lexicon/dates.ts */
  file: string;
  /** absent for a helper the rules call (a word list, a number reader, a named predicate) */
  run?: RuleEntry<F>;
}

function rule<F>(meta: RuleMeta, file: string, run?: RuleEntry<F>): Rule<F> {
  return { meta, file, run };
}

export const deadlineRule = rule(deadlines.meta, 'extractors/deadlines.ts', (p, ctx = {}) => deadlines.extractDeadlines(p, { year: ctx.year, issued: ctx.issued }));
export const quantityRule = rule(quantities.meta, 'extractors/quantities.ts', (p, ctx = {}) => quantities.extractQuantities(p, { title: ctx.title }));
export const unitRule = rule(units.meta, 'extractors/units.ts', (p) => units.findAllResponsibilities(p));
export const peopleRule = rule(people.meta, 'extractors/people.ts', (p) => {
  const found = people.extractPeople(p.split('\n'));
  return [...found.leaders, ...found.owners, ...found.units];
});
export const docNumberRule = rule(docNumbers.meta, 'src/lexicon/doc-numbers.ts', (p) => docNumbers.findDocNumbers(p));
export const dateRule = rule(dates.meta, 'src/lexicon/dates.ts', (p) => dates.findDates(p));
export const inlineUnitRule = rule(unitInline.meta, 'extractors/unit-inline.ts', (p) => unitInline.inlineStatements(p));
export const subjectUnitRule = rule(unitSubject.meta, 'extractors/unit-subject.ts', (p) => unitSubject.subjectStatements(p));
export const unitListRule = rule(unitList.meta, 'extractors/unit-list.ts', (p) => unitList.readListSentences(p));

/** Every extractor, rules first (in the order buildResult uses them), then the helpers. */
export const RULES: readonly Rule[] = [
  unitRule,
  inlineUnitRule,
  subjectUnitRule,
  unitListRule,
  peopleRule,
  deadlineRule,
  dateRule,
  quantityRule,
  docNumberRule,
  rule(dateSpans.meta, 'extractors/date-spans.ts'),
  rule(numerals.meta, 'src/lexicon/numerals.ts'),
  rule(predicates.meta, 'extractors/predicates.ts'),
  rule(quantityPer.meta, 'extractors/quantity-per.ts'),
  rule(quantityLists.meta, 'extractors/quantity-lists.ts'),
  rule(unitData.meta, 'extractors/unit-data.ts'),
  rule(unitNames.meta, 'extractors/unit-names.ts'),
  rule(unitPlaces.meta, 'extractors/unit-places.ts'),
];
