// Lists of quantities that share what only one item writes: the 每 chain of the first ("每生每年小学1000元、
// 初中1250元"), a standard named at the end, a bound written after the last item ("分别达到65%、62%以上").
import type { Quantity } from '../src/model.js';
import { RATIO_UNITS } from './quantity-per.js';
import { COMPARATOR_AFTER } from './quantity-words.js';

export const meta = {
  name: 'quantity-lists',
  description: '并列数量: 每链、标准词和"以上/以下"在顿号并列中的共享',
} as const;

/** The words of a change that write only the new figure after the old one. */
const CHANGED_TO = /^(?:提高|提升|增加|增至|上调|下调|降低|调整|调增|调减|减少)?(?:到|至|为)/u;
const COMPARATOR_AFTER_WORDS = Object.keys(COMPARATOR_AFTER).sort((a, b) => b.length - a.length);

/**
 * "每生每年小学1000元、初中1250元": later items of the same list share the per-units of the first.
 * Only across 、 or ， with a short label between, and only for the same unit.
 */
export function shareAcrossLists(text: string, qs: Quantity[]): Quantity[] {
  for (let i = 1; i < qs.length; i++) {
    const prev = qs[i - 1];
    const cur = qs[i];
    if (cur.per || !prev.per || prev.unit !== cur.unit) continue;
    const between = text.slice(prev.where!.end, cur.where!.start);
    if (/^[，、,]\s*[\u4e00-\u9fa5]{0,6}$/u.test(between)) {
      cur.per = prev.per;
      cur.kind = prev.kind;
    }
  }
  // "每个乡镇储备编织袋不少于5000条、救生衣不少于200件": counts of other things listed after 、 under one
  // 每 share it too; shares and rates (%, 倍) are of another kind and keep their own
  for (let i = 1; i < qs.length; i++) {
    const [prev, cur] = [qs[i - 1], qs[i]];
    if (cur.per || !prev.per || prev.unit === cur.unit || RATIO_UNITS.has(prev.unit) || RATIO_UNITS.has(cur.unit)) continue;
    const between = text.slice(prev.where!.end, cur.where!.start);
    if (/^、\s*[\u4e00-\u9fa5]{1,6}$/u.test(between) && !/每|人均|户均/u.test(between)) cur.per = prev.per;
  }
  // "由每人每月1800元提高到2000元": the new figure of a change is in the old one's per-units
  for (let i = 1; i < qs.length; i++) {
    const [prev, cur] = [qs[i - 1], qs[i]];
    if (cur.per || !prev.per || prev.unit !== cur.unit) continue;
    const between = text.slice(prev.where!.end, cur.where!.start).trim();
    if (CHANGED_TO.test(between + cur.text) && (between === '' || CHANGED_TO.exec(between)?.[0] === between)) {
      cur.per = prev.per;
      cur.kind = prev.kind;
    }
  }
  // "分别达到65%、62%以上", "分别为90%和85%以上": a bound written after the last item of a bare list holds for every item
  for (let i = qs.length - 2; i >= 0; i--) {
    const [cur, next] = [qs[i], qs[i + 1]];
    const between = text.slice(cur.where!.end, next.where!.start);
    const bound = COMPARATOR_AFTER_WORDS.find((w) => next.text.endsWith(w));
    const respectively = /分别[^，。；;,]{0,6}$/u.test(text.slice(Math.max(0, cur.where!.start! - 8), cur.where!.start));
    const joined = /^\s*、\s*$/u.test(between) || (respectively && /^\s*[和及与]\s*$/u.test(between));
    if (bound && cur.unit === next.unit && (cur.comparator ?? '=') === '=' && joined
      && !COMPARATOR_AFTER_WORDS.some((w) => cur.text.endsWith(w))) cur.comparator = next.comparator ?? '=';
  }
  // "本科5000元、专科3000元的标准": a list named a standard at its end is a list of standards
  for (let i = qs.length - 2; i >= 0; i--) {
    const [cur, next] = [qs[i], qs[i + 1]];
    const between = text.slice(cur.where!.end, next.where!.start);
    if (cur.unit === next.unit && next.kind === 'standard' && /^[、，,]\s*[\u4e00-\u9fa5]{0,6}$/u.test(between)) cur.kind = 'standard';
  }
  return qs;
}
