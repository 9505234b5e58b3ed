// Responsibility written into a running sentence: "由A牵头，B配合", "A牵头，B、C参与", "A负责…",
// "该项工作由A负责落实". units.ts reads labelled and bracketed statements first and falls back to these.
import { parseUnitList, standsOnItsOwn, ROLE_ADVERBS, type ListItem } from './unit-list.js';
import { NESTING_OPEN } from '../src/lexicon/brackets.js';

export const meta = {
  name: 'unit-inline',
  description: '行文中的责任表述: 由A牵头B配合, A负责, 该项工作由A负责落实',
} as const;

/** Brackets that open a clause: the lexicon's, as units.ts steps over. */
const OPEN = NESTING_OPEN;
/** A list enumerator before the bodies: 一是, （三）, 2., 第五条. */
export const ENUMERATOR = /^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*|第[一二三四五六七八九十百零〇\d]+条\s*|第[一二三四五六七八九十]+[，,、]?)/u;

/** One statement: its span in the paragraph and the bodies it names, marked lead/participant by verb. */
export interface InlineStatement { start: number; end: number; items: ListItem[] }

/**
 * Where the clause holding `at` opens: after the last stop, comma or colon, or an unclosed bracket.
 * A closed bracket is stepped over whole, so "各县（市、区）政府负责" opens at 各, not inside （市、区）.
 */
function clauseStartBefore(p: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = p[i];
    if (c === '）' || c === ')') depth++;
    else if (OPEN.includes(c)) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && '。；;：:，,'.includes(c)) return i + 1;
  }
  return 0;
}

/** 牵头 and 牵头抓总 (not 牵头抓总作用), 统筹 closing a clause, 负责 (not 负责制 or 负责人, but 负责制定), and 于 before a time ("于6月底前", "于每月10日前"). */
const VERBS = /(?:共同)?牵头(?:抓总(?!作用|职责|责任))?(?!单位|部门|领导|活动|作用|抓总|责任|[县市省区])|统筹(?:推进|协调|调度)?(?=[，,])|负责(?![人同任总]|制(?![定订作]))|于(?=\d|[一二三四五六七八九十]+月|每[年月季周]|本月|年底|年内|上半年|下半年)/gu;

/** "由A牵头，B配合", "A牵头，B、C参与", "A负责…", "A于6月底前…": only where the bodies open a clause. */
export function inlineStatements(p: string): InlineStatement[] {
  const out: InlineStatement[] = [];
  for (const m of p.matchAll(VERBS)) {
    const at = m.index ?? 0;
    // a bracket opens a clause too: "（省财政厅牵头，…" names 省财政厅, not "（省财政厅"
    const clauseStart = clauseStartBefore(p, at);
    // "县疾控中心于5月20日前完成…": a body opening the sentence and held to a date answers for it;
    // after a comma the words before 于 are more often an object than the sentence's subject
    if (m[0].startsWith('于') && clauseStart > 0 && !'。；;'.includes(p[clauseStart - 1])) continue;
    const raw = p.slice(clauseStart, at);
    const lead = raw.replace(/^\s+/u, '').replace(ENUMERATOR, '');
    // "该项政策由各县（市、区）政府负责落实": the bodies follow the clause's last 由
    const topicBy = /^[\u4e00-\u9fff“”《》]{2,20}?(?:统一|主要|要|应|须|将)?由(?!于)(?=[^由]+$)/u.exec(lead);
    const by = /^(?:并由|统一由|主要由|要由|应由|须由|将由|由)/u.exec(lead) ?? topicBy;
    const names = (by ? lead.slice(by[0].length) : lead).replace(ROLE_ADVERBS, '');
    const leads = names ? parseUnitList(names, true) : null;
    if (!leads || leads.length === 0 || !leads.every((it) => standsOnItsOwn(it.name))) continue;
    const start = clauseStart + (raw.length - lead.length) + (by === topicBy && topicBy ? topicBy[0].length : 0);
    let end = at + (m[0] === '于' ? 0 : m[0].length);
    // 牵头 makes every body before it lead; 负责 names them, and the first listed leads
    // 统筹 closing its clause ("A统筹，B配合") leads as 牵头 does
    const leadVerb = m[0].includes('牵头') || m[0].startsWith('统筹');
    const items: ListItem[] = leads.map((it) => ({ ...it, marker: it.marker ?? (leadVerb ? 'lead' : undefined) }));
    const helperVerbs = leadVerb ? '配合|参与|参加|协助|协同|协办|负责|落实|为成员(?:单位)?' : '配合|参与|参加|协助|协同|协办';
    const rest = new RegExp(`^[，,、]\\s*([^，,。；;]+?(?:${helperVerbs}))`, 'u').exec(p.slice(end));
    const helpers = rest ? parseUnitList(rest[1], true) : null;
    if (rest && helpers && helpers.length > 0) {
      items.push(...helpers.map((it) => ({ ...it, aliasOf: undefined, marker: 'participant' as const })));
      end += rest[0].length;
    }
    if (out.length > 0 && start < out[out.length - 1].end) continue;
    out.push({ start, end, items });
  }
  return out;
}
