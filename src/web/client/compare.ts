// 对照: a lower plan against the higher document it implements. Findings first, in the four groups
// staff sort them into; the coverage line and the measures not taken up; then the aligned clauses
// side by side with the changed characters marked.
import type { DocEntry } from '../catalog.js';
import type { diffView } from '../api-compare.js';
import { api, ApiError, query } from './api.js';
import { announce, append, clear, field, h } from './dom.js';

type View = ReturnType<typeof diffView>;
type Side = View['pairs'][number]['a'];
type FindingSide = NonNullable<View['diff']['findings'][number]['a']>;
const GROUP_CLASS: Record<string, string> = { 冲突: 'bad', 需核实: 'warn', 一致: 'ok', 未覆盖: 'warn' };

export function comparePage(root: HTMLElement, params: URLSearchParams): void {
  const lower = h('select', { name: 'lower', id: 'lower' });
  const higher = h('select', { name: 'higher', id: 'higher' });
  const out = h('div', { id: 'compare-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': '选择对照的文件' },
    field('本级方案（下级文件）', lower),
    field('上级文件', higher),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'compare-submit' }, '开始对照')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });

  async function run(): Promise<void> {
    if (!lower.value || !higher.value || lower.value === higher.value) {
      clear(out);
      out.append(h('p', { class: 'error', role: 'alert' }, '请选择两个不同的文件：一个本级方案，一个上级文件。'));
      return;
    }
    history.replaceState(null, '', `#/compare${query({ lower: lower.value, higher: higher.value })}`);
    clear(out);
    out.append(h('p', {}, '正在对照……'));
    try {
      const view = await api<View>(`/api/diff${query({ higher: higher.value, lower: lower.value })}`);
      render(view);
      announce(`对照完成：发现 ${view.diff.findings.length} 条`);
    } catch (e) {
      clear(out);
      out.append(h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.message : '对照失败：请刷新页面后重试'));
    }
  }

  function where(s: { path: string[]; page?: number }, title: string): string {
    return [title, s.path.join(' › '), s.page !== undefined ? `第${s.page}页` : ''].filter(Boolean).join(' · ');
  }

  function findingSide(s: FindingSide | undefined, view: View): HTMLElement {
    if (!s) return h('div', { class: 'side' }, '（无对应条款）');
    const title = s.docId === view.diff.b.id ? view.diff.b.title : view.diff.a.title;
    const f = s.fact;
    const body = f && s.text.slice(f.start, f.end) === f.text ? [s.text.slice(0, f.start), h('mark', {}, f.text), s.text.slice(f.end)] : [s.text];
    return h('div', { class: 'side' }, h('div', { class: 'muted' }, where(s, title)), ...body);
  }

  function runs(side: Side, cls: 'del' | 'ins'): HTMLElement {
    return h('td', {}, h('div', { class: 'muted' }, where(side, '')), ...side.runs.map(([text, mark]) => (mark === 2 ? h('span', { class: cls }, text) : mark === 0 ? h('span', { class: 'out' }, text) : text)));
  }

  function render(view: View): void {
    clear(out);
    const { diff } = view;
    append(out,
      h('p', { class: 'relation' }, `上级：${diff.a.title}　本级：${diff.b.title}`),
      diff.coverage ? h('p', { class: 'coverage', id: 'coverage' }, diff.coverage.summary ?? `上级部署的 ${diff.coverage.total} 项任务中，本方案覆盖 ${diff.coverage.covered} 项`) : null,
      h('h2', {}, '发现'),
      h('ul', { class: 'counts' }, ...Object.entries(view.groups).map(([g, list]) => h('li', { class: GROUP_CLASS[g] }, `${g} ${list.length} 条`))),
    );
    for (const [g, list] of Object.entries(view.groups)) {
      if (g === '未覆盖') continue;
      out.append(h('h3', {}, `${g}（${list.length}）`));
      if (!list.length) out.append(h('p', { class: 'empty' }, '无'));
      for (const f of list) {
        out.append(
          h('article', { class: `finding ${GROUP_CLASS[g]}` }, h('span', { class: 'badge' }, f.label), h('span', { class: 'reason' }, f.reason), h('div', { class: 'sides' }, findingSide(f.a, view), f.b ? findingSide(f.b, view) : null)),
        );
      }
    }
    out.append(h('h3', {}, `未覆盖（${view.uncovered.length}）`));
    if (!view.uncovered.length) out.append(h('p', { class: 'empty' }, '上级部署的任务均已覆盖。'));
    else out.append(h('ol', { class: 'uncovered' }, ...view.uncovered.map((u) => h('li', {}, h('div', { class: 'muted' }, where(u, '')), u.text))));
    out.append(h('h2', {}, `对齐条款（${view.pairs.length} 对）`));
    out.append(
      h(
        'table',
        { class: 'grid pairs' },
        h('caption', { class: 'visually-hidden' }, '对齐条款，左为上级文件，右为本级方案；删去的字划线，新增的字加底色'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '上级文件'), h('th', { scope: 'col' }, '本级方案'), h('th', { scope: 'col', class: 'sim' }, '相似度'))),
        h('tbody', {}, ...view.pairs.map((p) => h('tr', {}, runs(p.a, 'del'), runs(p.b, 'ins'), h('td', { class: 'sim' }, `${Math.round(p.similarity * 100)}%`)))),
      ),
    );
  }

  root.append(h('h1', {}, '对照'), h('p', { class: 'hint' }, '选择本级方案和它所依据的上级文件：先列出冲突、需核实、一致和未覆盖的发现，再并排列出对齐的条款。'), form, out);
  void api<{ documents: DocEntry[] }>('/api/documents').then(({ documents }) => {
    const opt = (d: DocEntry) => h('option', { value: d.id }, `${d.title || d.file}${d.level ? `（${d.level}）` : ''}`);
    lower.append(h('option', { value: '' }, '请选择'), ...documents.map(opt));
    higher.append(h('option', { value: '' }, '请选择'), ...documents.map(opt));
    lower.value = params.get('lower') ?? '';
    higher.value = params.get('higher') ?? '';
    if (lower.value && higher.value) void run();
  });
}
