// How a finding's reason names what it compares: a quantity, a deadline, a date as the documents write
// them. The sentences themselves (REASONS) are in src/messages.ts with every other message.
import type { Deadline, Quantity } from '../model.js';

const COMPARATOR_WORD: Readonly<Record<string, string>> = { '>=': '至少', '>': '超过', '<=': '不超过', '<': '低于', '=': '' };

const RECURRENCE_WORD: Readonly<Record<string, string>> = {
  weekly: '周',
  monthly: '月',
  quarterly: '季度',
  semiannual: '半年',
  annual: '年',
};

const CHINESE_SMALL = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

function formatNumber(value: number, unit: string): string {
  // 30000元 reads as 3万元 in every notice; other units keep the digits as written.
  if (unit === '元' && value >= 10000 && value % 100 === 0) return `${value / 10000}万元`;
  return `${value}${unit}`;
}

/** "驻村时间每月至少10个工作日": subject, per-what, comparator, value and unit. */
export function describeQuantity(q: Quantity, withSubject = true): string {
  const per = (q.per ?? []).map((p) => `每${p}`).join('');
  const amount = q.max !== undefined ? `${q.value}-${formatNumber(q.max, q.unit)}` : formatNumber(q.value, q.unit);
  return `${withSubject && q.subject ? q.subject : ''}${per}${COMPARATOR_WORD[q.comparator ?? '='] ?? ''}${amount}`;
}

/** 2020-06-30 → 2020年6月30日, as the documents write dates. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** "每季度至少1次", "每两个月一次", "2020年6月30日前完成". */
export function describeDeadline(d: Deadline): string {
  if (d.kind === 'recurring' && d.recurrence) {
    const word = RECURRENCE_WORD[d.recurrence];
    const n = d.interval ?? 1;
    const every = n === 1 ? `每${word}` : `每${CHINESE_SMALL[n] ?? n}${word === '月' ? '个月' : word}`;
    return d.minCount !== undefined ? `${every}至少${d.minCount}次` : `${every}一次`;
  }
  if (d.kind === 'start') return `${d.date ? chineseDate(d.date) : d.text}起`;
  return `${d.date ? chineseDate(d.date) : d.text}前完成`;
}

// The reasons' wording lives with every other message (src/messages.ts); the describers above fill it.
export { REASONS, type Names } from '../messages.js';
