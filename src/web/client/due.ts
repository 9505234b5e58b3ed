// 到期提醒: per lead unit, the tasks past their due date and those due within the chosen days.
import type { DueGroup, DueItem } from '../due.js';
import { api, ApiError, query } from './api.js';
import { announce, clear, field, h } from './dom.js';

export function duePage(root: HTMLElement, params: URLSearchParams): void {
  const within = h('input', { type: 'number', min: 1, max: 3660, value: params.get('within') ?? '30', name: 'within' });
  const unit = h('input', { type: 'search', name: 'unit', value: params.get('unit') ?? '', placeholder: '全部单位' });
  const out = h('div', { id: 'due-result' });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': '到期提醒的条件' },
    field('提前天数', within),
    field('单位', unit),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'due-submit' }, '查看')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });

  const item = (x: DueItem) =>
    h('li', {}, h('span', { class: x.days < 0 ? 'tag bad' : 'tag warn' }, x.days < 0 ? `逾期 ${-x.days} 天` : x.days === 0 ? '今天到期' : `还有 ${x.days} 天`), ` ${x.due}　`, h('span', { class: 'text', title: x.text }, x.text), h('div', { class: 'muted' }, `${x.docTitle} · 状态：${x.status}${x.count > 1 ? ` · ${x.days < 0 ? '共' : '期内还有'} ${x.count} 次${x.days < 0 ? '未完成' : '到期'}` : ''}`));

  async function load(): Promise<void> {
    history.replaceState(null, '', `#/due${query({ within: within.value, unit: unit.value.trim() })}`);
    clear(out);
    try {
      const data = await api<{ today: string; within: number; units: DueGroup[] }>(`/api/due${query({ within: within.value, unit: unit.value.trim() })}`);
      const overdue = data.units.reduce((n, g) => n + g.overdue.length, 0);
      const soon = data.units.reduce((n, g) => n + g.soon.length, 0);
      out.append(h('p', { class: 'summary', role: 'status' }, `截至 ${data.today}：${data.units.length} 个单位，逾期 ${overdue} 项，${data.within} 天内到期 ${soon} 项`));
      announce(`逾期 ${overdue} 项，${data.within} 天内到期 ${soon} 项`);
      if (!data.units.length) out.append(h('p', { class: 'empty' }, '没有逾期或即将到期的任务。'));
      for (const g of data.units) {
        out.append(
          h(
            'section',
            { class: 'unit' },
            h('h2', {}, g.unit),
            g.overdue.length ? h('h3', {}, `已逾期（${g.overdue.length}）`) : null,
            g.overdue.length ? h('ul', { class: 'due-list' }, ...g.overdue.map(item)) : null,
            g.soon.length ? h('h3', {}, `${data.within} 天内到期（${g.soon.length}）`) : null,
            g.soon.length ? h('ul', { class: 'due-list' }, ...g.soon.map(item)) : null,
          ),
        );
      }
    } catch (e) {
      out.append(h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.message : '读取失败：请刷新页面后重试'));
    }
  }

  root.append(h('h1', {}, '到期提醒'), form, out);
  void load();
}
