// The progress report staff send upward: how many items each unit has in each status, what is
// overdue, and what changed since the last report (the store keeps the time of each report sent).
import ExcelJS from 'exceljs';
import type { TaskStatus, TrackingEvent } from '../store/tracking.js';
import { TASK_STATUSES } from '../store/tracking.js';
import { dueList, dueLine, shortText, type DueItem } from './due.js';
import type { LedgerItem } from './ledger.js';

/** Field names of the history as the report prints them. */
export const FIELD_WORDS: Readonly<Record<TrackingEvent['field'], string>> = {
  status: '状态', progress: '进展情况', problems: '存在问题', nextSteps: '下步打算', completedOn: '完成时间', evidence: '佐证材料', supervised: '督办', responsible: '责任人',
};
const SOURCE_WORDS = { cli: '命令行', import: '导入', web: '网页' } as const;
export const NO_LEAD = '未写牵头单位';

export interface UnitCounts {
  unit: string;
  counts: Record<TaskStatus, number>;
  total: number;
  overdue: number;
}

export interface ProgressReport {
  today: string;
  since: string | null;
  units: UnitCounts[];
  totals: UnitCounts;
  overdue: DueItem[];
  changes: TrackingEvent[];
  /** task text of each changed key, for the change list */
  textOf: Map<string, string>;
}

const zero = (): Record<TaskStatus, number> => Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;

/** Counts per lead unit (an item led by two units counts for each), the overdue list, the changes given. */
export function buildReport(items: LedgerItem[], changes: TrackingEvent[], options: { today: string; since: string | null }): ProgressReport {
  const overdue = dueList(items, { today: options.today, within: 0 }).overdue;
  const late = new Set(overdue.map((i) => i.key));
  const byUnit = new Map<string, UnitCounts>();
  const totals: UnitCounts = { unit: '合计', counts: zero(), total: 0, overdue: 0 };
  for (const i of items) {
    for (const unit of i.leads.length ? i.leads : [NO_LEAD]) {
      const u = byUnit.get(unit) ?? { unit, counts: zero(), total: 0, overdue: 0 };
      u.counts[i.status]++;
      u.total++;
      if (late.has(i.key)) u.overdue++;
      byUnit.set(unit, u);
    }
    totals.counts[i.status]++;
    totals.total++;
    if (late.has(i.key)) totals.overdue++;
  }
  const textOf = new Map(items.map((i) => [i.key, i.task.text]));
  for (const i of items) if (!textOf.has(i.taskId)) textOf.set(i.taskId, i.task.text);
  const units = [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.unit.localeCompare(b.unit, 'zh'));
  return { today: options.today, since: options.since, units, totals, overdue, changes, textOf };
}

function changeLine(e: TrackingEvent, textOf: Map<string, string>): string {
  const text = textOf.get(e.key) ?? textOf.get(e.key.replace(/@\d{4}-\d{2}-\d{2}$/u, '')) ?? e.key;
  return `${e.at.slice(0, 10)} ${e.by}（${SOURCE_WORDS[e.source]}）${shortText(text, 24)}：${FIELD_WORDS[e.field]} ${e.before ?? '（空）'} → ${e.after ?? '（空）'}`;
}

const cell = (s: string) => s.replace(/\|/gu, '｜').replace(/\r?\n/gu, ' ');

export function reportMarkdown(r: ProgressReport, title = '工作进展情况'): string {
  const out = [`# ${title}`, '', `统计日期：${r.today}${r.since ? `；变化自 ${r.since.slice(0, 10)} 上次报送起` : '；首次报送'}`, ''];
  out.push('## 各单位进展', '', `| 牵头单位 | 合计 | ${TASK_STATUSES.join(' | ')} | 逾期 |`, `|---|---:|${TASK_STATUSES.map(() => '---:').join('|')}|---:|`);
  for (const u of [...r.units, r.totals]) out.push(`| ${cell(u.unit)} | ${u.total} | ${TASK_STATUSES.map((s) => u.counts[s]).join(' | ')} | ${u.overdue} |`);
  out.push('', `## 逾期事项（${r.overdue.length} 项）`, '');
  if (!r.overdue.length) out.push('无。');
  for (const i of r.overdue) out.push(`- 逾期${-i.days}天｜${i.due}${i.presumed ? '（推定）' : ''}｜${cell(i.leads.join('、') || NO_LEAD)}｜${cell(shortText(i.task.text, 40))}｜${i.status}`);
  out.push('', `## 本期变化（${r.changes.length} 条）`, '');
  if (!r.changes.length) out.push('无。');
  for (const e of r.changes) out.push(`- ${cell(changeLine(e, r.textOf))}`);
  return `${out.join('\n')}\n`;
}

export function reportWorkbook(r: ProgressReport, title = '工作进展情况'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const counts = wb.addWorksheet('各单位进展');
  counts.addRow([`${title}（统计日期：${r.today}）`]);
  counts.addRow(['牵头单位', '合计', ...TASK_STATUSES, '逾期']).font = { bold: true };
  for (const u of [...r.units, r.totals]) counts.addRow([u.unit, u.total, ...TASK_STATUSES.map((s) => u.counts[s]), u.overdue]);
  counts.getColumn(1).width = 24;
  const late = wb.addWorksheet('逾期事项');
  late.addRow(['逾期天数', '完成时限', '牵头单位', '任务内容', '状态', '任务键']).font = { bold: true };
  for (const i of r.overdue) late.addRow([-i.days, `${i.due}${i.presumed ? '（推定）' : ''}`, i.leads.join('、') || NO_LEAD, i.task.text, i.status, i.key]);
  late.getColumn(4).width = 60;
  const changes = wb.addWorksheet('本期变化');
  changes.addRow(['时间', '填报人', '来源', '任务内容', '事项', '原值', '新值', '出处']).font = { bold: true };
  for (const e of r.changes) {
    changes.addRow([e.at.slice(0, 10), e.by, SOURCE_WORDS[e.source], r.textOf.get(e.key) ?? e.key, FIELD_WORDS[e.field], e.before ?? '', e.after ?? '', e.sourceRef ?? '']);
  }
  changes.getColumn(4).width = 50;
  return wb;
}

export { dueLine };
