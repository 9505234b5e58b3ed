// The app's frame: who is logged in (or the login form), the four pages by the address's #, and the
// status line screen readers hear.
import { accountsPage } from './accounts.js';
import { api, ApiError, setSession } from './api.js';
import { comparePage } from './compare.js';
import { clear, field, h } from './dom.js';
import { duePage } from './due.js';
import { filesPage } from './files.js';
import { registerPage } from './register.js';

interface SessionInfo {
  auth: boolean;
  user: string | null;
  admin: boolean;
  csrf: string | null;
  maxUploadBytes?: number;
}

const PAGES: Record<string, { title: string; render: (root: HTMLElement, params: URLSearchParams) => void }> = {
  files: { title: '文件', render: (root) => filesPage(root) },
  register: { title: '台账', render: registerPage },
  compare: { title: '对照', render: comparePage },
  due: { title: '到期提醒', render: duePage },
  accounts: { title: '账号', render: (root) => accountsPage(root) },
};

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const account = document.getElementById('account') as HTMLElement;

function route(): void {
  const [, name = 'files', rest = ''] = /^#\/([a-z]+)(?:\?(.*))?$/u.exec(location.hash) ?? [];
  const page = PAGES[name] ?? PAGES.files;
  const key = PAGES[name] ? name : 'files';
  for (const a of nav.querySelectorAll('a')) {
    if (a.getAttribute('href') === `#/${key}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${page.title} · 台账`;
  clear(main);
  page.render(main, new URLSearchParams(rest));
}

function showLogin(): void {
  nav.hidden = true;
  clear(main);
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'login', id: 'login-form', 'aria-label': '登录' },
    field('账号', name),
    field('密码', password),
    error,
    h('button', { type: 'submit', class: 'primary' }, '登录'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const s = await api<SessionInfo>('/api/login', { method: 'POST', body: { name: name.value, password: password.value } });
      start(s);
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : '登录失败：请稍后重试';
      password.value = '';
      password.focus();
    }
  });
  main.append(h('h1', {}, '登录台账'), h('p', { class: 'hint' }, '请用管理员分配的账号登录。'), form);
  document.title = '登录 · 台账';
  name.focus();
}

function start(s: SessionInfo): void {
  setSession(s.csrf, s.maxUploadBytes);
  clear(account);
  if (s.auth && !s.user) {
    showLogin();
    return;
  }
  nav.hidden = false;
  if (s.auth && s.user) {
    const out = h('button', { type: 'button', class: 'small', id: 'logout' }, '退出');
    out.addEventListener('click', async () => {
      await api('/api/logout', { method: 'POST' }).catch(() => undefined);
      location.hash = '';
      location.reload();
    });
    // admins manage the office accounts on their own page
    if (s.admin) nav.append(h('a', { href: '#/accounts' }, '账号'));
    account.append(h('span', {}, `${s.user}${s.admin ? '（管理员）' : ''}`), out);
  }
  route();
}

window.addEventListener('hashchange', () => {
  if (!nav.hidden) route();
});

api<SessionInfo>('/api/session')
  .then(start)
  .catch(() => {
    clear(main);
    main.append(h('p', { class: 'error', role: 'alert' }, '无法连接台账服务：请确认 taizhang serve 仍在运行，然后刷新页面。'));
  });
