// Word's automatic numbering (一、 （一） 1. （1）) is not text: document.xml says "numId 3, level 1"
// and Word draws the number from word/numbering.xml. mammoth drops it, and the heading tree reads
// the numbering grammar in the text, so we count the way Word counts (ECMA-376 §17.9) and hand
// back the label of every body paragraph, in the order mammoth reads them (docx.ts matches the two).
import { DOMParser } from 'linkedom';
import { formatNumber } from './docx-number-format.js';

const MAX_LEVELS = 9;

export interface LevelDef {
  start: number;
  numFmt: string;
  /** "%1、", "（%2）", "%1.%2": %n is level n's current number */
  lvlText: string;
  /** w:lvlRestart, one-based: restart after a level up to this one is used; 0 never restarts */
  restart?: number;
  /** legal numbering: every %n as decimal */
  isLgl: boolean;
  /** w:suff: what Word puts between the number and the text */
  suffix: 'tab' | 'space' | 'nothing';
  /** the paragraph style this level is attached to */
  pStyle?: string;
}

interface NumDef {
  abstractId: string;
  /** w:lvlOverride: a start (w:startOverride) and/or a whole replacement level */
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface NumberingDefs {
  abstracts: Map<string, { levels: (LevelDef | undefined)[]; numStyleLink?: string }>;
  nums: Map<string, NumDef>;
  /** paragraph and numbering styles of styles.xml, by w:styleId */
  styles: Map<string, StyleDef>;
}

/** What a paragraph says about its numbering: its own w:numPr and its style. */
export interface ParagraphNumbering {
  numId?: string;
  ilvl?: number;
  styleId?: string;
}

export interface Label {
  /** the number as Word draws it, e.g. "（一）"; '' for bullets and unnumbered paragraphs */
  text: string;
  suffix: LevelDef['suffix'];
}

function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

function kids(el: Element | null | undefined, name?: string): Element[] {
  if (!el) return [];
  const all = Array.from(el.children);
  return name ? all.filter((c) => c.tagName === name) : all;
}

function kid(el: Element | null | undefined, name: string): Element | undefined {
  return kids(el, name)[0];
}

function val(el: Element | undefined): string | undefined {
  return el?.getAttribute('w:val') ?? undefined;
}

function intVal(el: Element | undefined): number | undefined {
  const v = val(el);
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** numbering.xml and styles.xml → the definitions the counter needs. */
export function parseNumberingDefs(numberingXml: string, stylesXml?: string): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  const root = parseXml(numberingXml).documentElement;
  for (const a of kids(root, 'w:abstractNum')) {
    const levels: (LevelDef | undefined)[] = [];
    for (const lvl of kids(a, 'w:lvl')) {
      const i = Number(lvl.getAttribute('w:ilvl') ?? '0');
      if (Number.isInteger(i) && i >= 0 && i < MAX_LEVELS) levels[i] = readLevel(lvl);
    }
    defs.abstracts.set(a.getAttribute('w:abstractNumId') ?? '', { levels, numStyleLink: val(kid(a, 'w:numStyleLink')) });
  }
  for (const n of kids(root, 'w:num')) {
    const num: NumDef = { abstractId: val(kid(n, 'w:abstractNumId')) ?? '', startOverrides: new Map(), levelOverrides: new Map() };
    for (const o of kids(n, 'w:lvlOverride')) {
      const i = Number(o.getAttribute('w:ilvl') ?? '0');
      const start = intVal(kid(o, 'w:startOverride'));
      if (start !== undefined) num.startOverrides.set(i, start);
      const lvl = kid(o, 'w:lvl');
      if (lvl) num.levelOverrides.set(i, readLevel(lvl));
    }
    defs.nums.set(n.getAttribute('w:numId') ?? '', num);
  }
  if (stylesXml) {
    for (const s of kids(parseXml(stylesXml).documentElement, 'w:style')) {
      const numPr = kid(kid(s, 'w:pPr'), 'w:numPr');
      defs.styles.set(s.getAttribute('w:styleId') ?? '', {
        basedOn: val(kid(s, 'w:basedOn')),
        numId: val(kid(numPr, 'w:numId')),
        ilvl: intVal(kid(numPr, 'w:ilvl')),
      });
    }
  }
  return defs;
}

function readLevel(lvl: Element): LevelDef {
  const suff = val(kid(lvl, 'w:suff'));
  const lgl = kid(lvl, 'w:isLgl');
  return {
    start: intVal(kid(lvl, 'w:start')) ?? 0,
    numFmt: val(kid(lvl, 'w:numFmt')) ?? 'decimal',
    lvlText: val(kid(lvl, 'w:lvlText')) ?? '',
    restart: intVal(kid(lvl, 'w:lvlRestart')),
    isLgl: !!lgl && !['0', 'false', 'off'].includes(val(lgl) ?? 'true'),
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: val(kid(lvl, 'w:pStyle')),
  };
}

/**
 * A counter over the body in reading order: call it once per paragraph, get its label or null.
 * Counters belong to the abstract numbering, so two w:num sharing one w:abstractNum continue
 * each other, unless a w:num restarts with w:startOverride (Word's "restart at 1").
 */
export function createNumberer(defs: NumberingDefs): (p: ParagraphNumbering) => Label | null {
  const counters = new Map<string, (number | undefined)[]>();
  const startedNums = new Set<string>();
  return (p) => {
    const found = resolveNumbering(defs, p);
    if (!found) return null;
    const { numId, ilvl, abstractId, levels } = found;
    const level = levels[ilvl];
    if (!level) return null;
    const values = counters.get(abstractId) ?? [];
    counters.set(abstractId, values);
    const num = defs.nums.get(numId)!;
    const startOf = (k: number) => num.startOverrides.get(k) ?? levels[k]?.start ?? 0;
    if (!startedNums.has(numId)) {
      startedNums.add(numId);
      // a restarting w:num begins its overridden levels afresh
      for (const i of num.startOverrides.keys()) values[i] = undefined;
    }
    values[ilvl] = values[ilvl] === undefined ? startOf(ilvl) : values[ilvl]! + 1;
    for (let k = ilvl + 1; k < MAX_LEVELS; k++) {
      const restartAfter = levels[k]?.restart ?? k;
      if (restartAfter !== 0 && ilvl < restartAfter) values[k] = undefined;
    }
    if (level.numFmt === 'bullet') return { text: '', suffix: level.suffix };
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const def = levels[k];
      if (!def) return '';
      // a level not used yet counts as one before its start: Word's "0.1" under no heading 1
      return formatNumber(values[k] ?? Math.max(0, startOf(k) - 1), level.isLgl ? 'decimal' : def.numFmt);
    });
    return { text, suffix: level.suffix };
  };
}

/** numId, level and the levels in force: the paragraph's own w:numPr first, then its style chain. */
function resolveNumbering(defs: NumberingDefs, p: ParagraphNumbering) {
  let numId = p.numId;
  let ilvl = p.ilvl;
  const seen = new Set<string>();
  for (let s = p.styleId; s !== undefined && !seen.has(s) && (numId === undefined || ilvl === undefined); s = defs.styles.get(s)?.basedOn) {
    seen.add(s);
    const style = defs.styles.get(s);
    numId ??= style?.numId;
    if (style?.numId !== undefined) ilvl ??= style.ilvl;
  }
  // numId 0 is "no numbering here", written to switch off a style's list
  if (numId === undefined || numId === '0') return null;
  const num = defs.nums.get(numId);
  if (!num) return null;
  const abstractId = resolveAbstract(defs, num.abstractId);
  const abstract = abstractId === undefined ? undefined : defs.abstracts.get(abstractId);
  if (abstractId === undefined || !abstract) return null;
  const levels = abstract.levels.slice();
  for (const [i, l] of num.levelOverrides) levels[i] = l;
  ilvl ??= p.styleId === undefined ? undefined : levels.findIndex((l) => l?.pStyle === p.styleId);
  if (ilvl === undefined || ilvl < 0 || ilvl >= MAX_LEVELS) ilvl = 0;
  return { numId, ilvl, abstractId, levels };
}

/** w:numStyleLink points through a numbering style to the abstract that holds the levels. */
function resolveAbstract(defs: NumberingDefs, abstractId: string): string | undefined {
  const seen = new Set<string>();
  let id: string | undefined = abstractId;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const link: string | undefined = defs.abstracts.get(id)?.numStyleLink;
    if (link === undefined) return id;
    const numId: string | undefined = defs.styles.get(link)?.numId;
    id = numId === undefined ? undefined : defs.nums.get(numId)?.abstractId;
  }
  return undefined;
}

/** Elements mammoth reads into (lib/docx/body-reader.js). It drops anything else with the
 *  paragraphs inside, and so must we, or the two lists of paragraphs would not line up. */
const CONTAINERS = new Set([
  'w:r', 'w:hyperlink', 'w:tbl', 'w:tc', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:object',
  'w:pict', 'v:roundrect', 'v:shape', 'v:textbox', 'w:txbxContent', 'v:group', 'v:rect',
]);

export interface BodyParagraph {
  numbering: ParagraphNumbering;
  /** the paragraph's own w:t text, for checking that mammoth saw the same paragraph */
  text: string;
}

/** The body's paragraphs as mammoth reads them: table cells in place, text-box paragraphs right
 *  after the paragraph holding them, a paragraph whose mark is deleted merged into the next. */
export function bodyParagraphs(documentXml: string): BodyParagraph[] {
  const body = kid(parseXml(documentXml).documentElement, 'w:body');
  const out: BodyParagraph[] = [];
  let deleted: Element[] = [];
  const visit = (els: Element[], para: BodyParagraph | undefined): void => {
    for (const el of els) {
      const tag = el.tagName;
      if (tag === 'w:p') {
        const pPr = kid(el, 'w:pPr');
        if (kid(kid(pPr, 'w:rPr'), 'w:del')) {
          deleted.push(...kids(el));
          continue;
        }
        const children = deleted.concat(kids(el));
        deleted = [];
        const numPr = kid(pPr, 'w:numPr');
        const p: BodyParagraph = {
          numbering: { numId: val(kid(numPr, 'w:numId')), ilvl: intVal(kid(numPr, 'w:ilvl')), styleId: val(kid(pPr, 'w:pStyle')) },
          text: '',
        };
        out.push(p);
        visit(children, p);
      } else if (tag === 'w:t') {
        if (para) para.text += el.textContent ?? '';
      } else if (tag === 'w:tr') {
        if (!kid(kid(el, 'w:trPr'), 'w:del')) visit(kids(el), para);
      } else if (tag === 'w:sdt') {
        visit(kids(kid(el, 'w:sdtContent')), para);
      } else if (tag === 'mc:AlternateContent') {
        visit(kids(kid(el, 'mc:Fallback')), para);
      } else if (CONTAINERS.has(tag)) {
        visit(kids(el), para);
      }
    }
  };
  visit(kids(body), undefined);
  return out;
}

export interface LabelledParagraph {
  label: Label | null;
  text: string;
}

/** Every body paragraph with the number Word would draw in front of it. */
export function labelParagraphs(parts: { document: string; numbering: string; styles?: string }): LabelledParagraph[] {
  const number = createNumberer(parseNumberingDefs(parts.numbering, parts.styles));
  return bodyParagraphs(parts.document).map((p) => ({ label: number(p.numbering), text: p.text }));
}
