// The JSON API of `taizhang serve`, route by route, through fastify's inject: what each answers,
// and every kind of bad input answered with a code and one Chinese line.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AccountBook, LOCKOUT } from '../../src/web/auth.js';
import { fixtureResult, multipart, registerTexts, roadsPlan, testServer, type TestServer } from './helpers.js';

const CHINESE = /[\u4e00-\u9fff]/u;

function expectRefusal(res: { statusCode: number; json: () => { code: string; message: string } }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body.code).toBe(code);
  expect(body.message).toMatch(CHINESE);
  expect(body.message).toContain(`[${code}]`);
  expect(body.message).not.toContain('\n');
}

describe('documents', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(async () => {
    await s.app.close();
  });

  const upload = (name: string, content: Buffer | string, query = '', csrf = s.csrf) => {
    const { payload, headers } = multipart(name, content);
    return s.app.inject({ method: 'POST', url: `/api/documents${query}`, payload, headers: { ...headers, 'x-csrf-token': csrf } });
  };

  test('a notice uploaded and waited for is stored, listed and read back', async () => {
    const res = await upload('东山县农村公路.txt', roadsPlan(), '?wait=1');
    expect(res.statusCode).toBe(201);
    const state = res.json();
    expect(state).toMatchObject({ status: 'done', label: '已存入', file: '东山县农村公路.txt', ingest: 'added' });
    expect(state.tasks).toBeGreaterThanOrEqual(3);
    const list = (await s.app.inject({ url: '/api/documents' })).json().documents;
    const doc = list.find((d: { id: string }) => d.id === state.docId);
    expect(doc).toMatchObject({ title: '东山县2021年农村公路和饮水安全提升行动方案', docNumber: '东政办发〔2021〕12号', level: '县级', tasks: state.tasks });
    const result = (await s.app.inject({ url: `/api/documents/${encodeURIComponent(state.docId)}` })).json();
    expect(result.document.id).toBe(state.docId);
    expect(result.tasks.some((t: { text: string }) => t.text.includes('农村公路新改建120公里'))).toBe(true);
    const status = (await s.app.inject({ url: `/api/documents/${state.id}/status` })).json();
    expect(status).toMatchObject({ status: 'done', docId: state.docId });
  });

  test('an upload not waited for answers 202 at once and its status ends as stored', async () => {
    const res = await upload('东山县饮水.txt', roadsPlan('并建立问题台账。'));
    expect(res.statusCode).toBe(202);
    expect(['queued', 'reading', 'storing', 'done']).toContain(res.json().status);
    let state = res.json();
    for (let i = 0; i < 200 && state.status !== 'done' && state.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await s.app.inject({ url: `/api/documents/${res.json().id}/status` })).json();
    }
    expect(state.status).toBe('done');
  });

  test('a fake PDF is refused with the reader’s line naming the file', async () => {
    const res = await upload('假文件.pdf', '这不是PDF，只是一段文字');
    expectRefusal(res, 422, 'E_NOT_PDF');
    expect(res.json().message.startsWith('假文件.pdf: ')).toBe(true);
  });

  test('a file the pipeline cannot use ends failed with its line', async () => {
    const res = await upload('空白.txt', '   \n\n  ', '?wait=1');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toMatch(/^E_/u);
    expect(res.json().message).toMatch(/^空白\.txt: .*\[E_[A-Z_]+\]$/u);
  });

  test('a 200 MB upload is refused with 413 before it is kept', async () => {
    const boundary = '----tz200mb';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="大文件.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent === 0) this.push(head);
        if (sent < 200) {
          sent++;
          this.push(chunk);
        } else {
          this.push(Buffer.from(`\r\n--${boundary}--\r\n`));
          this.push(null);
        }
      },
    });
    const res = await s.app.inject({ method: 'POST', url: '/api/documents', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-csrf-token': s.csrf } });
    expectRefusal(res, 413, 'E_WEB_UPLOAD_TOO_LARGE');
    expect(res.json().message).toContain('50 MB');
  });

  test('a type taizhang does not read, and a post without a file, are refused', async () => {
    expectRefusal(await upload('setup.exe', 'MZ'), 415, 'E_UNSUPPORTED');
    const res = await s.app.inject({ method: 'POST', url: '/api/documents', payload: { a: 1 }, headers: { 'x-csrf-token': s.csrf } });
    expectRefusal(res, 400, 'E_WEB_NO_FILE');
  });

  test('a change without the page’s token is refused', async () => {
    expectRefusal(await upload('东山县.txt', roadsPlan(), '', ''), 403, 'E_WEB_CSRF');
    expectRefusal(await upload('东山县.txt', roadsPlan(), '', 'forged-token'), 403, 'E_WEB_CSRF');
  });

  test('unknown ids answer 404 with a Chinese line', async () => {
    expectRefusal(await s.app.inject({ url: '/api/documents/没有这个文件-12345678' }), 404, 'E_WEB_NOT_FOUND');
    expectRefusal(await s.app.inject({ url: '/api/documents/abc/status' }), 404, 'E_WEB_NOT_FOUND');
    expectRefusal(await s.app.inject({ url: '/api/uploads/abc' }), 404, 'E_WEB_NOT_FOUND');
    expectRefusal(await s.app.inject({ url: '/api/no-such-route' }), 404, 'E_WEB_NOT_FOUND');
  });

  test('a notice holding <script> comes back as JSON text, and uploads are never served', async () => {
    const res = await upload('脚本.txt', roadsPlan('<script>alert(1)</script>'), '?wait=1');
    expect(res.statusCode).toBe(201);
    const { docId, id } = res.json();
    const result = await s.app.inject({ url: `/api/documents/${encodeURIComponent(docId)}` });
    expect(result.headers['content-type']).toMatch(/^application\/json/u);
    expect(result.headers['content-security-policy']).toContain("script-src 'self'");
    expect(result.headers['x-content-type-options']).toBe('nosniff');
    const task = result.json().tasks.find((t: { text: string }) => t.text.includes('<script>'));
    expect(task).toBeDefined();
    const source = await s.app.inject({ url: `/api/documents/${encodeURIComponent(docId)}/source?task=${encodeURIComponent(task.id)}` });
    expect(source.headers['content-type']).toMatch(/^application\/json/u);
    const marked = source.json().blocks.find((b: { mark?: number[] }) => b.mark);
    expect(marked.text.slice(marked.mark[0], marked.mark[1])).toContain('<script>alert(1)</script>');
    for (const url of [`/uploads/${id.slice(0, 16)}/脚本.txt`, `/${id.slice(0, 16)}/脚本.txt`, '/api/uploads/../../etc/passwd']) {
      const r = await s.app.inject({ url: encodeURI(url) });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('<script>alert(1)</script>');
    }
  });
});

describe('tasks, register, due and diff', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
    for (const name of ['county-plan', 'city-notice', 'bulletin']) await s.store.ingest(fixtureResult(name));
  });
  afterAll(async () => {
    await s.app.close();
  });
  const get = (url: string) => s.app.inject({ url });

  test('every tracked item of the plans is listed (a recurring duty once per occurrence), none of the bulletin', async () => {
    const body = (await get('/api/tasks?per_page=500')).json();
    const ids = new Set(body.rows.map((r: { taskId: string }) => r.taskId));
    expect(ids.size).toBe(9);
    expect([...ids].some((id) => String(id).startsWith('qinghe-kuaibao'))).toBe(false);
    // the monthly duty from March to December: one row per month, keyed <task id>@<day>
    const monthly = body.rows.filter((r: { taskId: string }) => r.taskId === 'qinghe-2020-7#3.1').map((r: { key: string }) => r.key);
    expect(monthly).toHaveLength(10);
    expect(monthly[0]).toBe('qinghe-2020-7#3.1@2020-03-31');
    expect(body.total).toBe(body.rows.length);
    expect(body.rows.every((r: { status: string }) => r.status === '未开始')).toBe(true);
  });

  test.each([
    ['unit=教育局', ['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.1.2', 'qinghe-city-2020-15#1', 'qinghe-city-2020-15#2']],
    ['unit=县住建局', ['qinghe-2020-7#2.2']],
    ['unit=财政局', ['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.2', 'qinghe-2020-7#2.3.1', 'qinghe-city-2020-15#2']],
    ['due_before=2020-06-30', ['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.3.2', 'qinghe-2020-7#3.1']],
    ['due_month=2020-09', ['qinghe-2020-7#2.2', 'qinghe-2020-7#3.1', 'qinghe-city-2020-15#2']],
    ['recurring=1', ['qinghe-2020-7#3.1', 'qinghe-city-2020-15#2']],
    ['overdue=1&today=2020-07-01', ['qinghe-2020-7#2.1.1', 'qinghe-2020-7#2.3.2', 'qinghe-2020-7#3.1']],
    ['q=危房 189户', ['qinghe-2020-7#2.2']],
    ['q=县扶贫办', ['qinghe-2020-7#2.2', 'qinghe-2020-7#3.1']],
    ['doc=qinghe-city-2020-15', ['qinghe-city-2020-15#1', 'qinghe-city-2020-15#2', 'qinghe-city-2020-15#3']],
    ['unit=县教育局&due_before=2020-06-30', ['qinghe-2020-7#2.1.1']],
  ])('filter %s', async (query, ids) => {
    const body = (await get(`/api/tasks?${encodeURI(query)}&per_page=500`)).json();
    expect([...new Set(body.rows.map((r: { taskId: string }) => r.taskId))].sort()).toEqual([...ids].sort());
  });

  test('overdue counts only the occurrences past the day', async () => {
    const keys = (await get('/api/tasks?overdue=1&today=2020-05-15')).json().rows.map((r: { key: string }) => r.key);
    expect(keys.filter((k: string) => k.startsWith('qinghe-2020-7#3.1'))).toEqual(['qinghe-2020-7#3.1@2020-03-31', 'qinghe-2020-7#3.1@2020-04-30']);
  });

  test('sorting by due date puts rows without one last, either way round', async () => {
    const dues = async (q: string) => (await get(`/api/tasks?${q}&per_page=500`)).json().rows.map((r: { dueDates: string[] }) => r.dueDates[0] ?? '');
    const asc: string[] = await dues('sort=due');
    const dated = asc.filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(asc.slice(dated.length).every((d) => d === '')).toBe(true);
    expect(asc[0]).toBe('2019-12-31');
    const desc: string[] = await dues('sort=due&order=desc');
    expect(desc.filter(Boolean)).toEqual([...dated].reverse());
    expect(desc.slice(dated.length).every((d) => d === '')).toBe(true);
  });

  test('paging: pages of the asked size, the last page holds the rest', async () => {
    const total = (await get('/api/tasks?per_page=500')).json().total;
    const pages = Math.ceil(total / 4);
    const p1 = (await get('/api/tasks?per_page=4&page=1')).json();
    const last = (await get(`/api/tasks?per_page=4&page=${pages}`)).json();
    expect([p1.total, p1.pages, p1.rows.length, last.rows.length]).toEqual([total, pages, 4, total - 4 * (pages - 1)]);
    expect((await get('/api/tasks?per_page=4&page=99')).json().page).toBe(pages);
  });

  test.each(['due_before=2020-02-30', 'due_month=2020-13', 'page=0', 'per_page=abc', 'status=做完了', 'sort=colour'])('a bad query (%s) is 400', async (query) => {
    expectRefusal(await get(`/api/tasks?${encodeURI(query)}`), 400, 'E_WEB_BAD_QUERY');
  });

  test('PATCH with an unknown status is 400; an unknown task is 404', async () => {
    const patch = (key: string, payload: object) =>
      s.app.inject({ method: 'PATCH', url: `/api/tasks/${encodeURIComponent(key)}`, payload, headers: { 'x-csrf-token': s.csrf } });
    expectRefusal(await patch('qinghe-2020-7#2.2', { status: '做完了' }), 400, 'E_WEB_BAD_UPDATE');
    expectRefusal(await patch('qinghe-2020-7#2.2', { completedOn: '九月' }), 400, 'E_WEB_BAD_UPDATE');
    expectRefusal(await patch('qinghe-2020-7#2.2', { colour: 'red' }), 400, 'E_WEB_BAD_UPDATE');
    expectRefusal(await patch('qinghe-2020-7#9.9', { status: '推进中' }), 404, 'E_WEB_NOT_FOUND');
    expectRefusal(await s.app.inject({ url: `/api/tasks/${encodeURIComponent('qinghe-2020-7#9.9')}/history` }), 404, 'E_WEB_NOT_FOUND');
    const noToken = await s.app.inject({ method: 'PATCH', url: `/api/tasks/${encodeURIComponent('qinghe-2020-7#2.2')}`, payload: { status: '推进中' } });
    expectRefusal(noToken, 403, 'E_WEB_CSRF');
  });

  test('PATCH records status, a progress note and the 责任人; the history lists each change; the table and the XLSX show them', async () => {
    const key = 'qinghe-2020-7#2.2';
    const res = await s.app.inject({
      method: 'PATCH', url: `/api/tasks/${encodeURIComponent(key)}`, headers: { 'x-csrf-token': s.csrf },
      payload: { status: '推进中', progress: '已完成120户改造，其余69户正在施工', responsible: '张建国' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toMatchObject({ key, status: '推进中', responsible: '张建国' });
    expect(res.json().events.map((e: { field: string }) => e.field).sort()).toEqual(['progress', 'responsible', 'status']);
    const history = (await s.app.inject({ url: `/api/tasks/${encodeURIComponent(key)}/history` })).json().events;
    expect(history.find((e: { field: string }) => e.field === 'status')).toMatchObject({ before: '未开始', after: '推进中', by: '网页', source: 'web' });
    const rows = (await s.app.inject({ url: `/api/tasks?${encodeURI('status=推进中')}` })).json().rows;
    expect(rows.map((r: { key: string }) => r.key)).toEqual([key]);
    expect(rows[0]).toMatchObject({ responsible: '张建国', latestProgress: '已完成120户改造，其余69户正在施工' });
    const xlsx = await s.app.inject({ url: `/api/register.xlsx?${encodeURI('status=推进中')}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(registerTexts(wb)).toHaveLength(1);
    const all: string[] = [];
    wb.getWorksheet('任务台账')!.eachRow((row) => row.eachCell((c) => all.push(String(c.value))));
    expect(all).toContain('推进中');
    expect(all.some((v) => v.includes('已完成120户改造'))).toBe(true);
    // setting the same again records nothing new
    const again = await s.app.inject({ method: 'PATCH', url: `/api/tasks/${encodeURIComponent(key)}`, headers: { 'x-csrf-token': s.csrf }, payload: { status: '推进中' } });
    expect(again.json().events).toEqual([]);
  });

  test('the XLSX holds exactly the filtered rows, in the table’s order', async () => {
    const query = encodeURI('unit=教育局&sort=due');
    const res = await s.app.inject({ url: `/api/register.xlsx?${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (await s.app.inject({ url: `/api/tasks?${query}&per_page=500` })).json().rows;
    expect(registerTexts(wb)).toEqual(rows.map((r: { text: string }) => r.text));
    expect(registerTexts(wb)[0]).toContain('学前教育幼儿');
    expect(registerTexts(wb).some((t) => t.includes('危房'))).toBe(false);
  });

  test('the CSV holds the filtered tasks', async () => {
    const res = await s.app.inject({ url: `/api/register.csv?${encodeURI('unit=县住建局')}` });
    expect(res.statusCode).toBe(200);
    expect(res.body.split('完成贫困户D级危房改造189户，每户补助')).toHaveLength(2);
    expect(res.body).toContain('任务内容');
    expect(res.body).not.toContain('学前教育');
  });

  test('the ICS holds events of the filtered tasks only, read back with node-ical', async () => {
    const ical = (await import('node-ical')).default;
    const res = await s.app.inject({ url: `/api/register.ics?${encodeURI('unit=县住建局')}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = Object.values(ical.sync.parseICS(res.body)).filter((e) => e.type === 'VEVENT') as Array<{ summary: unknown; start: Date }>;
    expect(events).toHaveLength(1);
    expect(String(events[0].summary)).toContain('县住建局');
    expect(events[0].start.toISOString().slice(0, 10)).toBe('2020-09-30');
    const recurring = await s.app.inject({ url: '/api/register.ics?recurring=1' });
    expect(recurring.body).toContain('RRULE:');
    expect(recurring.body).not.toContain('D级危房');
  });

  test('due: overdue and due within N days, per lead unit', async () => {
    const body = (await get(`/api/due?${encodeURI('today=2020-06-15&within=30')}`)).json();
    const byUnit = Object.fromEntries(body.units.map((g: { unit: string; overdue: { key: string }[]; soon: { key: string }[] }) => [g.unit, [g.overdue.map((x) => x.key), g.soon.map((x) => x.key)]]));
    expect(byUnit['县卫生健康局']).toEqual([['qinghe-2020-7#2.3.2'], []]);
    expect(byUnit['县教育局']).toEqual([[], ['qinghe-2020-7#2.1.1']]);
    expect(byUnit['县住建局']).toBeUndefined();
    const one = (await get(`/api/due?${encodeURI('today=2020-06-15&within=120&unit=住建局')}`)).json();
    expect(one.units.map((g: { unit: string }) => g.unit)).toEqual(['县住建局']);
    expect(one.units[0].soon[0]).toMatchObject({ due: '2020-09-30', days: 107 });
    expectRefusal(await get('/api/due?within=-3'), 400, 'E_WEB_BAD_QUERY');
  });

  test('diff: findings in four groups, pairs cut into marked runs; unknown ids 404', async () => {
    const res = await get('/api/diff?higher=qinghe-city-2020-15&lower=qinghe-2020-7');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body.groups)).toEqual(['冲突', '需核实', '一致', '未覆盖']);
    expect(body.diff.coverage.total).toBeGreaterThan(0);
    for (const p of body.pairs) expect(p.a.runs.map((r: [string, number]) => r[0]).join('')).toBe(p.a.text);
    expectRefusal(await get('/api/diff?higher=qinghe-city-2020-15&lower=nope-00000000'), 404, 'E_WEB_NOT_FOUND');
    expectRefusal(await get('/api/diff?a=qinghe-city-2020-15'), 400, 'E_WEB_BAD_QUERY');
  });
});

describe('accounts', () => {
  let s: TestServer;
  let book: AccountBook;
  beforeAll(async () => {
    book = AccountBook.inMemory();
    book.add('王科长', 'correct-horse-1', { admin: true });
    book.add('李干事', 'battery-staple-2');
    s = await testServer({ accounts: book });
    await s.store.ingest(fixtureResult('county-plan'));
  });
  afterAll(async () => {
    await s.app.close();
  });
  const login = (name: string, password: string) => s.app.inject({ method: 'POST', url: '/api/login', payload: { name, password } });
  const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => `taizhang_session=${res.cookies.find((c) => c.name === 'taizhang_session')!.value}`;

  test('without a session every route but the login is refused', async () => {
    for (const url of ['/api/tasks', '/api/documents', '/api/due', '/api/register.xlsx', '/api/diff?a=x&b=y', '/api/accounts']) {
      expectRefusal(await s.app.inject({ url }), 401, 'E_WEB_LOGIN_REQUIRED');
    }
    expect((await s.app.inject({ url: '/api/session' })).json()).toMatchObject({ auth: true, user: null });
    // the same routes spelt with escapes the router decodes are refused too
    for (const url of ['/%61pi/tasks', '/api/%74asks', '/%61%70%69/documents', '/api//tasks']) {
      const res = await s.app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.body, url).not.toContain('"rows"');
      expect(res.body, url).not.toContain('"documents"');
    }
  });

  test('a login sets an HttpOnly, SameSite=Strict cookie; changes need the session’s token', async () => {
    const res = await login('李干事', 'battery-staple-2');
    expect(res.statusCode).toBe(200);
    const set = String(res.headers['set-cookie']);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    const cookie = cookieOf(res);
    const { csrf } = res.json();
    expect(new Set((await s.app.inject({ url: '/api/tasks?per_page=500', headers: { cookie } })).json().rows.map((r: { taskId: string }) => r.taskId)).size).toBe(6);
    const key = encodeURIComponent('qinghe-2020-7#2.2');
    expectRefusal(await s.app.inject({ method: 'PATCH', url: `/api/tasks/${key}`, payload: { status: '推进中' }, headers: { cookie } }), 403, 'E_WEB_CSRF');
    expectRefusal(await s.app.inject({ method: 'PATCH', url: `/api/tasks/${key}`, payload: { status: '推进中' }, headers: { cookie, 'x-csrf-token': s.csrf } }), 403, 'E_WEB_CSRF');
    // a non-admin account cannot add accounts
    expectRefusal(await s.app.inject({ method: 'POST', url: '/api/accounts', payload: { name: '赵', password: '12345678' }, headers: { cookie, 'x-csrf-token': csrf } }), 403, 'E_WEB_FORBIDDEN');
    const out = await s.app.inject({ method: 'POST', url: '/api/logout', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(200);
    expectRefusal(await s.app.inject({ url: '/api/tasks', headers: { cookie } }), 401, 'E_WEB_LOGIN_REQUIRED');
  });

  test('an admin adds an account that can then log in', async () => {
    const res = await login('王科长', 'correct-horse-1');
    const cookie = cookieOf(res);
    const add = await s.app.inject({ method: 'POST', url: '/api/accounts', payload: { name: '赵干事', password: 'long-enough-3' }, headers: { cookie, 'x-csrf-token': res.json().csrf } });
    expect(add.statusCode).toBe(201);
    expect((await login('赵干事', 'long-enough-3')).statusCode).toBe(200);
    expect(book.verify('赵干事', 'long-enough-3')).toEqual({ name: '赵干事', admin: false });
  });

  test(`after ${LOCKOUT.failures} wrong passwords the account is locked, even for the right one`, async () => {
    for (let i = 1; i < LOCKOUT.failures; i++) expectRefusal(await login('李干事', `wrong-${i}-xx`), 401, 'E_WEB_BAD_LOGIN');
    expectRefusal(await login('李干事', 'wrong-last-x'), 429, 'E_WEB_LOCKED');
    expectRefusal(await login('李干事', 'battery-staple-2'), 429, 'E_WEB_LOCKED');
    // another account is not locked by it
    expect((await login('王科长', 'correct-horse-1')).statusCode).toBe(200);
  });

  test('passwords are stored as scrypt hashes, never as text', () => {
    expect(book.verify('王科长', 'correct-horse-1')).toEqual({ name: '王科长', admin: true });
    expect(book.verify('王科长', 'Correct-horse-1')).toBeNull();
    expect(book.verify('没有此人', 'correct-horse-1')).toBeNull();
    expect(() => book.add('短', '1234567')).toThrow(/E_WEB_BAD_USER|账号名或密码/u);
    expect(() => book.add('王科长', 'another-pass-9')).toThrow(/已经存在/u);
  });
});

describe('requests the HTTP parser refuses', () => {
  /** Sends raw bytes on a socket and returns the whole answer. */
  async function raw(port: number, request: Buffer): Promise<string> {
    const { connect } = await import('node:net');
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(request));
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
  }

  test('a URL with unencoded Chinese gets the Chinese {code, message} answer, an encoded one the tasks', async () => {
    const { app } = await testServer();
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as { port: number }).port;
      const bad = await raw(port, Buffer.from('GET /api/tasks?unit=县教育局 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'utf8'));
      expect(bad.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
      const body = JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4)) as { code: string; message: string };
      expect(body.code).toBe('E_WEB_BAD_REQUEST');
      expect(body.message).toMatch(/编码/u);
      const good = await raw(port, Buffer.from(`GET /api/tasks?unit=${encodeURIComponent('县教育局')} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'utf8'));
      expect(good.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    } finally {
      await app.close();
    }
  });
});
