// 账号 (admins, with --auth): the office accounts, and a form to add one.
import { api, ApiError } from './api.js';
import { announce, clear, field, h } from './dom.js';

interface Account {
  name: string;
  admin: boolean;
}

export function accountsPage(root: HTMLElement): void {
  const list = h('div', { id: 'accounts-list' });
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', required: true, maxlength: 32 });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const admin = h('input', { type: 'checkbox', name: 'admin' });
  const said = h('p', { role: 'status' });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': '添加账号' },
    field('账号名', name),
    field('初始密码（至少 8 位）', password),
    h('div', { class: 'checks' }, h('label', {}, admin, ' 管理员')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '添加账号')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('/api/accounts', { method: 'POST', body: { name: name.value.trim(), password: password.value, admin: admin.checked } });
      said.textContent = `已添加账号 ${name.value.trim()}`;
      announce(said.textContent);
      form.reset();
      await load();
    } catch (err) {
      said.textContent = err instanceof ApiError ? err.message : '添加失败：请稍后重试';
    }
  });

  async function load(): Promise<void> {
    clear(list);
    try {
      const { accounts } = await api<{ accounts: Account[] }>('/api/accounts');
      list.append(h('ul', {}, ...accounts.map((a) => h('li', {}, a.name, a.admin ? '（管理员）' : ''))));
    } catch (err) {
      list.append(h('p', { class: 'error', role: 'alert' }, err instanceof ApiError ? err.message : '读取账号失败'));
    }
  }

  root.append(h('h1', {}, '账号'), list, h('h2', {}, '添加账号'), form, said);
  void load();
}
