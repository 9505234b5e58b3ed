// 台账: the register as a table. Filters go into the query of /api/tasks and of the downloads, so
// what is downloaded is what is shown; 状态 / 责任人 / 进展情况 are edited in the row and saved with
// PATCH; each row opens its history and its source text with the task's words marked.
import type { DocEntry } from '../catalog.js';
import type { SourceView } from '../source.js';
import type { TaskRow } from '../task-query.js';
import type { TrackingEvent } from '../../store/tracking.js';
import { api, ApiError, query } from './api.js';
import { announce, clear, field, h, marked } from './dom.js';

const STATUSES = ['未开始', '推进中', '已完成', '申请销号', '已销号', '滞后'] as const;
const SORTS: Array<[string, string]> = [['', '按文件顺序'], ['due', '按完成时限'], ['status', '按状态'], ['unit', '按牵头单位']];
const PER_PAGE = 50;
const FIELD_NAMES: Record<string, string> = {
  status: '状态', progress: '进展情况', problems: '存在问题', nextSteps: '下步打算', completedOn: '完成时间', evidence: '佐证材料', supervised: '督办', responsible: '责任人',
};

interface TaskPage {
  total: number;
  page: number;
  pages: number;
  perPage: number;
  tracking: boolean;
  rows: TaskRow[];
}

export function registerPage(root: HTMLElement, params: URLSearchParams): void {
  const unit = h('input', { type: 'search', name: 'unit', value: params.get('unit') ?? '', placeholder: '如 县教育局', autocomplete: 'off' });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, '全部状态'), ...STATUSES.map((s) => h('option', { value: s }, s)));
  status.value = params.get('status') ?? '';
  const month = h('input', { type: 'month', name: 'due_month', value: params.get('due_month') ?? '' });
  const overdue = h('input', { type: 'checkbox', name: 'overdue', checked: params.get('overdue') === '1' });
  const recurring = h('input', { type: 'checkbox', name: 'recurring', checked: params.get('recurring') === '1' });
  const q = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', placeholder: '任务内容、单位、人名' });
  const doc = h('select', { name: 'doc' }, h('option', { value: '' }, '全部文件'));
  const sort = h('select', { name: 'sort' }, ...SORTS.map(([v, t]) => h('option', { value: v }, t)));
  sort.value = params.get('sort') ?? '';
  const order = h('select', { name: 'order' }, h('option', { value: 'asc' }, '升序'), h('option', { value: 'desc' }, '降序'));
  order.value = params.get('order') ?? 'asc';
  let page = Number(params.get('page') ?? 1) || 1;

  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': '筛选台账' },
    field('单位', unit),
    field('状态', status),
    field('到期月份', month),
    field('文件', doc),
    field('搜索', q),
    field('排序', sort),
    field('顺序', order),
    h('div', { class: 'checks' }, h('label', {}, overdue, ' 仅逾期'), h('label', {}, recurring, ' 仅周期性任务')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'filter-submit' }, '查询'), h('button', { type: 'reset', id: 'filter-reset' }, '清空条件')),
  );
  const summary = h('p', { class: 'summary', id: 'register-summary', role: 'status' });
  const downloads = h('div', { class: 'downloads' });
  const tableBox = h('div', { class: 'table-box' });
  const pager = h('nav', { class: 'pager', 'aria-label': '翻页' });
  const dialog = h('dialog', { id: 'detail', 'aria-labelledby': 'detail-title' });

  const filters = () => ({
    unit: unit.value.trim(), status: status.value, due_month: month.value, overdue: overdue.checked, recurring: recurring.checked,
    q: q.value.trim(), doc: doc.value, sort: sort.value, order: sort.value ? order.value : '',
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    page = 1;
    void load();
  });
  form.addEventListener('reset', () => {
    setTimeout(() => {
      page = 1;
      void load();
    });
  });

  async function load(): Promise<void> {
    const f = filters();
    history.replaceState(null, '', `#/register${query({ ...f, page: page > 1 ? page : undefined })}`);
    let data: TaskPage;
    try {
      data = await api<TaskPage>(`/api/tasks${query({ ...f, page, per_page: PER_PAGE })}`);
    } catch (e) {
      summary.textContent = e instanceof ApiError ? e.message : '读取台账失败：请刷新页面后重试';
      return;
    }
    page = data.page;
    summary.textContent = `共 ${data.total} 项任务${data.total > data.perPage ? `，第 ${data.page} / ${data.pages} 页` : ''}`;
    announce(summary.textContent);
    clear(downloads);
    const qs = query(f);
    downloads.append(
      h('span', {}, '下载当前筛选结果：'),
      h('a', { href: `/api/register.xlsx${qs}`, download: '任务台账.xlsx', class: 'button', id: 'download-xlsx' }, 'Excel（XLSX）'),
      h('a', { href: `/api/register.csv${qs}`, download: '任务台账.csv', class: 'button', id: 'download-csv' }, 'CSV'),
      h('a', { href: `/api/register.ics${qs}`, download: '任务台账.ics', class: 'button', id: 'download-ics' }, '日历（ICS）'),
    );
    renderTable(data);
    renderPager(data);
  }

  function renderTable(data: TaskPage): void {
    clear(tableBox);
    if (!data.rows.length) {
      tableBox.append(h('p', { class: 'empty' }, '没有符合条件的任务：请放宽筛选条件，或先在“文件”页存入实施方案。'));
      return;
    }
    const head = ['任务内容', '牵头单位', '完成时限', '状态', '责任人', '进展情况', '操作'];
    tableBox.append(
      h(
        'table',
        { class: 'grid tasks' },
        h('caption', { class: 'visually-hidden' }, '任务台账'),
        h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...data.rows.map((r) => taskRow(r, data.tracking))),
      ),
    );
  }

  function taskRow(r: TaskRow, tracking: boolean): HTMLTableRowElement {
    const label = r.text.slice(0, 20);
    const st = h('select', { 'aria-label': `状态：${label}`, disabled: !tracking }, ...STATUSES.map((s) => h('option', { value: s }, s)));
    st.value = r.status;
    const who = h('input', { type: 'text', value: r.responsible, title: r.responsible, 'aria-label': `责任人：${label}`, disabled: !tracking });
    const note = h('input', { type: 'text', placeholder: '新的进展', 'aria-label': `新的进展情况：${label}`, disabled: !tracking });
    const saved = h('span', { class: 'saved', role: 'status' });
    const save = h('button', { type: 'button', class: 'primary small', disabled: !tracking }, '保存');
    const latest = h('div', { class: 'latest' }, r.latestProgress || '');
    save.addEventListener('click', async () => {
      const body: Record<string, string> = {};
      if (st.value !== r.status) body.status = st.value;
      if (who.value.trim() !== r.responsible) body.responsible = who.value.trim();
      if (note.value.trim()) body.progress = note.value.trim();
      if (!Object.keys(body).length) {
        saved.textContent = '没有改动';
        return;
      }
      try {
        await api(`/api/tasks/${encodeURIComponent(r.key)}`, { method: 'PATCH', body });
        r.status = st.value as TaskRow['status'];
        r.responsible = who.value.trim();
        if (body.progress) latest.textContent = body.progress;
        note.value = '';
        saved.textContent = '已保存';
        announce('已保存');
      } catch (e) {
        saved.textContent = e instanceof ApiError ? e.message : '保存失败：请稍后重试';
      }
    });
    const tr = h(
      'tr',
      { class: r.overdue ? 'overdue' : '' },
      h('td', { class: 'text' }, h('div', { class: 'muted' }, `${r.docTitle} › ${r.path.join(' › ')}`), h('span', { class: 'task-text', title: r.text }, r.text), r.overdue ? h('span', { class: 'tag bad' }, '逾期') : null, r.recurring ? h('span', { class: 'tag' }, '周期性') : null),
      h('td', {}, r.lead.join('、') || '—', r.participants.length ? h('div', { class: 'muted' }, `配合：${r.participants.join('、')}`) : null),
      h('td', {}, h('span', { class: 'nowrap' }, r.deadlines || '—'), r.deadlineWords ? h('div', { class: 'muted' }, r.deadlineWords) : null),
      h('td', {}, st),
      h('td', {}, who),
      h('td', { class: 'progress' }, latest, note),
      h(
        'td',
        { class: 'ops' },
        save,
        h('button', { type: 'button', class: 'small', onclick: () => void openDetail(r) }, '历史与原文'),
        saved,
      ),
    );
    return tr;
  }

  async function openDetail(r: TaskRow): Promise<void> {
    clear(dialog);
    const close = h('button', { type: 'button', class: 'close', onclick: () => dialog.close() }, '关闭');
    const hist = h('div', { class: 'history' }, h('p', {}, '正在读取……'));
    const src = h('div', { class: 'source' }, h('p', {}, '正在读取原文……'));
    dialog.append(
      h('h2', { id: 'detail-title' }, '任务的历史与原文'),
      h('p', { class: 'muted' }, `${r.docTitle}${r.page ? ` · 第${r.page}页` : ''}`),
      h('h3', {}, '修改历史'),
      hist,
      h('h3', {}, '原文'),
      src,
      h('div', { class: 'actions' }, close),
    );
    dialog.showModal();
    close.focus();
    try {
      const { events } = await api<{ events: TrackingEvent[] }>(`/api/tasks/${encodeURIComponent(r.key)}/history`);
      clear(hist);
      hist.append(
        events.length
          ? h('ol', { id: 'history-list' }, ...events.map((e) => h('li', {}, `${e.at.slice(0, 16).replace('T', ' ')} ${e.by}：${FIELD_NAMES[e.field] ?? e.field} ${e.before ?? '（空）'} → ${e.after ?? '（空）'}`)))
          : h('p', { class: 'empty' }, '还没有修改记录。'),
      );
    } catch (e) {
      clear(hist);
      hist.append(h('p', { class: 'error' }, e instanceof ApiError ? e.message : '读取历史失败'));
    }
    try {
      const view = await api<SourceView>(`/api/documents/${encodeURIComponent(r.docId)}/source${query({ task: r.taskId })}`);
      clear(src);
      if (!view.available) src.append(h('p', { class: 'muted' }, '原文件已不在存放位置，下面只显示任务文字。'));
      for (const b of view.blocks) {
        src.append(h('p', { class: b.mark ? 'here' : '' }, b.page !== undefined ? h('span', { class: 'page' }, `第${b.page}页`) : null, marked(b.text, b.mark)));
      }
    } catch (e) {
      clear(src);
      src.append(h('p', { class: 'error' }, e instanceof ApiError ? e.message : '读取原文失败'));
    }
  }

  function renderPager(data: TaskPage): void {
    clear(pager);
    if (data.pages <= 1) return;
    const go = (p: number) => () => {
      page = p;
      void load();
    };
    pager.append(
      h('button', { type: 'button', disabled: data.page <= 1, onclick: go(data.page - 1) }, '上一页'),
      h('span', {}, `第 ${data.page} / ${data.pages} 页`),
      h('button', { type: 'button', disabled: data.page >= data.pages, onclick: go(data.page + 1) }, '下一页'),
    );
  }

  root.append(h('h1', {}, '台账'), form, summary, downloads, tableBox, pager, dialog);
  void api<{ documents: DocEntry[] }>('/api/documents').then(({ documents }) => {
    for (const d of documents.filter((x) => x.isPlan)) doc.append(h('option', { value: d.id }, d.title || d.file));
    doc.value = params.get('doc') ?? '';
    void load();
  });
}
