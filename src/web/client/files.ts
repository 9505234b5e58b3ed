// 文件: drop or choose notices, watch each one through upload, reading and storing, and the list of
// stored documents.
import type { DocEntry } from '../catalog.js';
import type { UploadState } from '../uploads.js';
import { api, ApiError, uploadFile, uploadLimit } from './api.js';
import { announce, clear, h } from './dom.js';

const ACCEPT = '.pdf,.docx,.doc,.txt,.html,.htm,.md,.ofd';
const ACCEPTED = new Set(ACCEPT.split(','));

/** The server's own refusals, said before sending: a type it does not read, a size past its limit. */
function refusedBeforeSending(file: File): string | null {
  const ext = /\.[^.]+$/u.exec(file.name.toLowerCase())?.[0] ?? '';
  if (!ACCEPTED.has(ext)) return `${file.name}: 不支持的文件格式：请提供 PDF、OFD、DOCX、DOC、TXT 或 HTML 文件 [E_UNSUPPORTED]`;
  const mb = Math.round(uploadLimit() / 1024 / 1024);
  if (file.size > uploadLimit()) return `${file.name}: 上传的文件超过大小上限：请拆分后再上传，或请管理员用 --max-upload 调高上限（MB）（上限 ${mb} MB） [E_WEB_UPLOAD_TOO_LARGE]`;
  return null;
}
const POLL_MS = 500;

export function filesPage(root: HTMLElement): void {
  const input = h('input', { type: 'file', id: 'file-input', multiple: true, accept: ACCEPT, class: 'visually-hidden' });
  const list = h('ul', { class: 'uploads', 'aria-label': '上传进度' });
  const docsBox = h('div', { id: 'documents' });
  const zone = h(
    'div',
    { class: 'dropzone', id: 'dropzone' },
    h('p', {}, '把通知文件拖到这里，或'),
    h('label', { for: 'file-input', class: 'button primary' }, '选择文件'),
    input,
    h('p', { class: 'hint' }, `支持 PDF、DOCX、DOC、TXT、HTML、OFD，可一次选择多个；单个文件不超过 ${Math.round(uploadLimit() / 1024 / 1024)} MB。`),
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files.length) void sendAll([...e.dataTransfer.files]);
  });
  input.addEventListener('change', () => {
    if (input.files?.length) void sendAll([...input.files]);
    input.value = '';
  });

  async function sendAll(files: File[]): Promise<void> {
    announce(`开始上传 ${files.length} 个文件`);
    // one after another: the server reads one at a time anyway, and the list shows them in order
    const jobs = files.map((f) => ({ file: f, row: uploadRow(f) }));
    for (const j of jobs) list.prepend(j.row.li);
    for (const j of jobs) await send(j.file, j.row);
    await loadDocuments(docsBox);
  }

  append(root, h('h1', {}, '文件'), zone, h('h2', {}, '本次上传'), list, h('h2', {}, '已存入的文件'), docsBox);
  void loadDocuments(docsBox);
}

function append(root: HTMLElement, ...els: HTMLElement[]): void {
  root.append(...els);
}

interface UploadRow {
  li: HTMLLIElement;
  bar: HTMLProgressElement;
  text: HTMLElement;
}

function uploadRow(file: File): UploadRow {
  const bar = h('progress', { max: 100, value: 0, 'aria-label': `${file.name} 的进度` });
  const text = h('span', { class: 'state' }, '等待上传');
  const li = h('li', { class: 'upload' }, h('span', { class: 'name' }, file.name), bar, text);
  return { li, bar, text };
}

async function send(file: File, row: UploadRow): Promise<void> {
  const set = (pct: number, words: string, cls = '') => {
    row.bar.value = pct;
    row.text.textContent = words;
    row.li.className = `upload ${cls}`.trim();
  };
  const refused = refusedBeforeSending(file);
  if (refused) {
    set(100, refused, 'failed');
    announce(`${file.name} 未能处理`);
    return;
  }
  try {
    set(0, '正在上传');
    let state = await uploadFile<UploadState>(file, (p) => set(p.total ? Math.round((p.loaded / p.total) * 40) : 20, `正在上传 ${Math.round(p.loaded / 1024)} KB`));
    while (state.status === 'queued' || state.status === 'reading' || state.status === 'storing') {
      set(state.status === 'queued' ? 45 : state.status === 'reading' ? 65 : 90, state.label);
      await new Promise((r) => setTimeout(r, POLL_MS));
      state = await api<UploadState>(`/api/documents/${state.id}/status`);
    }
    if (state.status === 'done') {
      const how = state.ingest === 'unchanged' ? '（库中已有，未重复存入）' : state.ingest === 'new-version' ? '（新版本）' : '';
      set(100, `已存入：${state.title ?? state.docId}${how}，${state.pages ? `${state.pages} 页，` : ''}${state.tasks ?? 0} 项任务`, 'done');
      announce(`${file.name} 已存入`);
    } else {
      set(100, state.message ?? `${file.name}: 未能处理`, 'failed');
      announce(`${file.name} 未能处理`);
    }
  } catch (e) {
    set(100, e instanceof ApiError ? e.message : `${file.name}: 上传失败：请稍后重试`, 'failed');
    announce(`${file.name} 未能处理`);
  }
}

export async function loadDocuments(box: HTMLElement): Promise<void> {
  const { documents } = await api<{ documents: DocEntry[] }>('/api/documents');
  clear(box);
  if (!documents.length) {
    box.append(h('p', { class: 'empty' }, '还没有存入文件：请在上面选择或拖入通知文件。'));
    return;
  }
  const head = ['标题', '文号', '发文机关', '成文日期', '层级', '任务数', ''];
  box.append(
    h(
      'table',
      { class: 'grid docs' },
      h('caption', { class: 'visually-hidden' }, '已存入的文件'),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c || '操作')))),
      h(
        'tbody',
        {},
        ...documents.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, h('span', { class: 'title' }, d.title || d.file), h('br', {}), h('span', { class: 'muted' }, d.file)),
            h('td', {}, d.docNumber || '—'),
            h('td', {}, d.issuer || '—'),
            h('td', { class: 'nowrap' }, d.date || '—'),
            h('td', { class: 'nowrap' }, d.level || '—'),
            h('td', { class: 'num' }, d.isPlan ? d.tasks : `${d.tasks}（非计划类）`),
            h('td', { class: 'nowrap' }, d.isPlan ? h('a', { href: `#/register?doc=${encodeURIComponent(d.id)}` }, '查看台账') : '—'),
          ),
        ),
      ),
    ),
  );
}
