// The 台账 as an iCalendar file (RFC 5545) staff import into Outlook, WPS or a phone: one all-day
// event per dated item, one event with an RRULE per recurring duty (its occurrences as the 台账
// lists them), and a reminder some days before when asked.
import ical, { ICalAlarmType } from 'ical-generator';
import { CLOSED_STATUSES, type LedgerItem } from './ledger.js';
import { shortText } from './due.js';

export interface CalendarOptions {
  /** days before each due day for a reminder (VALARM); none when left out */
  remindDays?: number;
  /** DTSTAMP of every event (tests fix it; the clock otherwise) */
  stamp?: Date;
  name?: string;
}

const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const uidOf = (key: string) => `${key}@taizhang`;

function summary(i: LedgerItem, label: string): string {
  const unit = i.leads.join('、');
  return `${unit ? `【${unit}】` : ''}${i.presumed ? '（推定时限）' : ''}${shortText(i.task.text, 30)}（${label}）`;
}

function description(i: LedgerItem): string {
  return [i.task.text, `牵头单位：${i.leads.join('、') || '未写'}`, i.participants.length ? `配合单位：${i.participants.join('、')}` : '', `文件：${i.docTitle}`, `任务键：${i.key}`]
    .filter(Boolean).join('\n');
}

/** The calendar text. Closed one-off items are left out; a recurring duty stays whole (its RRULE). */
export function buildCalendar(items: LedgerItem[], options: CalendarOptions = {}): string {
  const cal = ical({ name: options.name ?? '台账', prodId: { company: 'taizhang', product: 'taizhang', language: 'ZH' } });
  const stamp = options.stamp ?? new Date();
  const seenDuty = new Set<string>();
  for (const i of items) {
    if (!i.due) continue;
    let event;
    if (i.recurrence) {
      const duty = `${i.taskId}|${i.recurrence.text}|${i.recurrence.first}`;
      if (seenDuty.has(duty)) continue;
      seenDuty.add(duty);
      event = cal.createEvent({
        id: uidOf(`${i.taskId}~${i.recurrence.first}`), start: dayOf(i.recurrence.first), allDay: true, stamp,
        summary: summary(i, i.recurrence.text), description: description({ ...i, key: `${i.taskId}@…` }), repeating: i.recurrence.rrule,
      });
    } else {
      if (CLOSED_STATUSES.has(i.status)) continue;
      event = cal.createEvent({ id: uidOf(i.key), start: dayOf(i.due), allDay: true, stamp, summary: summary(i, i.label), description: description(i) });
    }
    if (options.remindDays !== undefined && options.remindDays > 0) {
      event.createAlarm({ type: ICalAlarmType.display, triggerBefore: options.remindDays * 86_400, description: `${options.remindDays}天后到期：${shortText(i.task.text, 30)}` });
    }
  }
  return cal.toString();
}
