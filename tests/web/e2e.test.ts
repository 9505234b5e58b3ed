// The web app in a real browser (playwright-core driving Debian's chromium) against the built
// `taizhang serve`: upload corpus PDFs and watch them end, filter the register by a unit, record
// 推进中 with a note and read the history, download the XLSX and read it back, 对照 for the county
// plan against the provincial opinion, the keyboard, axe-core on every page, and screenshots at
// 1280×800 in output/.
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, browser, cli, lanAddress, ROOT, serve, SHOTS, SKIP_BROWSER, type Served } from './browser.js';
import { registerTexts, roadsPlan } from './helpers.js';

const CORPUS = path.join(ROOT, 'corpus');
const LONG = 240_000;

describe.skipIf(SKIP_BROWSER)('the pages in chromium', () => {
  let server: Served;
  let ctx: BrowserContext;
  let page: Page;
  let work: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'tz-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    server = await serve(['--db', path.join(work, 'taizhang.sqlite')]);
    ctx = await browser();
    page = await ctx.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, LONG);

  afterAll(async () => {
    await ctx?.close();
    await server?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `web-${name}.png`) });
  const noSeriousAxe = async () => expect((await axeViolations(page)).map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  test('文件: corpus PDFs uploaded end stored with their task count; a fake PDF ends with its Chinese line', async () => {
    await page.goto(`${server.url}/#/files`);
    const script = path.join(work, '东山县脚本测试.txt');
    writeFileSync(script, roadsPlan('<script>alert("x")</script><img src=x onerror=alert(2)>'));
    await page.setInputFiles('#file-input', [path.join(CORPUS, 'benxi-2020.pdf'), path.join(CORPUS, 'liaoning-2019-opinion.pdf'), path.join(CORPUS, 'broken', 'fake.pdf'), script]);
    await page.waitForFunction(() => document.querySelectorAll('.upload.done, .upload.failed').length === 4, null, { timeout: LONG });
    const states = await page.$$eval('.upload', (els) => els.map((e) => [e.querySelector('.name')!.textContent, e.className, e.querySelector('.state')!.textContent]));
    const byName = Object.fromEntries(states.map(([n, c, s]) => [n, { c, s }]));
    expect(byName['benxi-2020.pdf'].c).toContain('done');
    expect(byName['benxi-2020.pdf'].s).toMatch(/已存入：本溪满族自治县2020年打赢脱贫攻坚巩固提升实施方案，\d+ 页，\d+ 项任务/u);
    expect(byName['liaoning-2019-opinion.pdf'].c).toContain('done');
    expect(byName['fake.pdf'].c).toContain('failed');
    expect(byName['fake.pdf'].s).toMatch(/^fake\.pdf: 文件扩展名是 \.pdf，但内容不是 PDF.*\[E_NOT_PDF\]$/u);
    const progress = await page.$$eval('.upload.done progress', (els) => els.map((e) => (e as HTMLProgressElement).value));
    expect(progress.every((v) => v === 100)).toBe(true);
    await page.waitForSelector('table.docs tbody tr:nth-child(3)');
    const titles = await page.$$eval('table.docs tbody tr td:first-child .title', (els) => els.map((e) => e.textContent));
    expect(titles).toContain('本溪满族自治县2020年打赢脱贫攻坚巩固提升实施方案');
    await shot('files');
    await noSeriousAxe();
  }, LONG);

  test('a 200 MB file and a program are refused at once with one line each, nothing sent', async () => {
    await page.goto(`${server.url}/#/files`);
    // the same address as the test before: load it afresh, with an empty upload list
    await page.reload();
    await page.waitForSelector('table.docs');
    const big = path.join(work, '大文件.pdf');
    writeFileSync(big, '%PDF-1.7\n');
    truncateSync(big, 200 * 1024 * 1024);
    const exe = path.join(work, 'setup.exe');
    writeFileSync(exe, 'MZ');
    const before = (await (await fetch(`${server.url}/api/documents`)).json()).documents.length;
    await page.setInputFiles('#file-input', [big, exe]);
    await page.waitForFunction(() => document.querySelectorAll('.upload.failed').length === 2);
    const lines = await page.$$eval('.upload.failed .state', (els) => els.map((e) => e.textContent ?? ''));
    expect(lines).toContainEqual(expect.stringMatching(/^大文件\.pdf: 上传的文件超过大小上限.*（上限 50 MB） \[E_WEB_UPLOAD_TOO_LARGE\]$/u));
    expect(lines).toContainEqual(expect.stringMatching(/^setup\.exe: 不支持的文件格式.*\[E_UNSUPPORTED\]$/u));
    expect((await (await fetch(`${server.url}/api/documents`)).json()).documents.length).toBe(before);
  }, LONG);

  test('a notice holding <script> shows as text and runs nothing', async () => {
    await page.goto(`${server.url}/#/register?q=${encodeURIComponent('<script>')}`);
    await page.waitForSelector('table.tasks tbody tr');
    const cell = await page.$eval('table.tasks tbody tr td.text .task-text', (e) => e.textContent ?? '');
    expect(cell).toContain('<script>alert("x")</script><img src=x onerror=alert(2)>');
    expect(await page.$$eval('main script, main img', (els) => els.length)).toBe(0);
    expect(dialogs).toEqual([]);
  }, LONG);

  test('台账: filter by a unit, set 推进中 with a note, see it in the history with the source text', async () => {
    await page.goto(`${server.url}/#/register`);
    await page.waitForSelector('table.tasks tbody tr');
    const all = Number(/共 (\d+) 项/u.exec((await page.textContent('#register-summary')) ?? '')![1]);
    await page.fill('input[name="unit"]', '县教育局');
    await page.click('#filter-submit');
    await page.waitForFunction((n) => !document.querySelector('#register-summary')!.textContent!.includes(`共 ${n} 项`), all);
    const summary = (await page.textContent('#register-summary')) ?? '';
    const filtered = Number(/共 (\d+) 项/u.exec(summary)![1]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const units = await page.$$eval('table.tasks tbody tr td:nth-child(2)', (els) => els.map((e) => e.textContent ?? ''));
    expect(units.every((u) => u.includes('教育局'))).toBe(true);
    await shot('register');

    const row = page.locator('table.tasks tbody tr').first();
    const text = (await row.locator('td.text .task-text').textContent()) ?? '';
    await row.locator('td:nth-child(4) select').selectOption('推进中');
    await row.locator('td.progress input').fill('已召开专题会议部署，6月底前完成摸底');
    await row.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row.locator('.saved').textContent()).toBe('已保存');
    await row.getByRole('button', { name: '历史与原文' }).click();
    await page.waitForSelector('#history-list li');
    const history = await page.$$eval('#history-list li', (els) => els.map((e) => e.textContent ?? ''));
    expect(history.some((h) => h.includes('状态 未开始 → 推进中'))).toBe(true);
    expect(history.some((h) => h.includes('进展情况') && h.includes('已召开专题会议部署'))).toBe(true);
    await page.waitForSelector('.source mark');
    const markedWords = (await page.textContent('.source mark')) ?? '';
    expect(markedWords.length).toBeGreaterThan(6);
    expect(text.replace(/\s/gu, '')).toContain(markedWords.slice(0, 6).replace(/\s/gu, ''));
    expect(await page.textContent('.source p.here')).toMatch(/^第\d+页/u);
    await shot('register-history');
    await noSeriousAxe();
    await page.keyboard.press('Escape');
    // the status filter now finds the row
    await page.selectOption('select[name="status"]', '推进中');
    await page.click('#filter-submit');
    await expect.poll(async () => page.textContent('#register-summary')).toMatch(/^共 1 项任务/u);
  }, LONG);

  test('the XLSX download holds what is filtered, read back with exceljs', async () => {
    await page.goto(`${server.url}/#/register?unit=${encodeURIComponent('县教育局')}`);
    await page.waitForSelector('table.tasks tbody tr');
    const total = Number(/共 (\d+) 项/u.exec((await page.textContent('#register-summary')) ?? '')![1]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    const file = path.join(work, 'register.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts = registerTexts(wb);
    expect(texts).toHaveLength(total);
    const shown = await page.$$eval('table.tasks tbody tr td.text', (els) => els.map((e) => e.querySelector('.task-text')?.textContent ?? ''));
    expect(texts.slice(0, shown.length)).toEqual(shown);
    const values: string[] = [];
    wb.getWorksheet('任务台账')!.eachRow((r) => r.eachCell((c) => values.push(String(c.value))));
    expect(values).toContain('推进中');
  }, LONG);

  test('对照: the county plan against the provincial opinion, findings first, coverage and aligned clauses', async () => {
    await page.goto(`${server.url}/#/compare`);
    await page.waitForSelector('#lower option:nth-child(3)', { state: 'attached' });
    await page.selectOption('#lower', { label: '本溪满族自治县2020年打赢脱贫攻坚巩固提升实施方案（县级）' });
    await page.selectOption('#higher', { label: '中共辽宁省委辽宁省人民政府关于打赢脱贫攻坚战三年行动的实施意见（省级）' });
    await page.click('#compare-submit');
    await page.waitForSelector('#coverage', { timeout: LONG });
    expect(await page.textContent('#coverage')).toMatch(/^上级部署的 \d+ 项任务中，本方案覆盖 \d+ 项$/u);
    const headings = await page.$$eval('#compare-result h2, #compare-result h3', (els) => els.map((e) => e.textContent ?? ''));
    expect(headings[0]).toBe('发现');
    expect(headings.slice(1, 5).map((h) => h.replace(/（\d+）/u, ''))).toEqual(['冲突', '需核实', '一致', '未覆盖']);
    expect(headings[5]).toMatch(/^对齐条款/u);
    expect(await page.$$eval('.finding', (els) => els.length)).toBeGreaterThan(0);
    expect(await page.$$eval('table.pairs tbody tr', (els) => els.length)).toBeGreaterThan(0);
    expect(await page.$$eval('table.pairs .ins, table.pairs .del', (els) => els.length)).toBeGreaterThan(0);
    await shot('compare');
    await noSeriousAxe();
  }, LONG);

  test('到期提醒: overdue and due soon per unit', async () => {
    await page.goto(`${server.url}/#/due`);
    await page.waitForSelector('#due-result .summary');
    expect(await page.textContent('#due-result .summary')).toMatch(/个单位，逾期 \d+ 项，30 天内到期 \d+ 项/u);
    expect(await page.$$eval('#due-result section.unit h2', (els) => els.length)).toBeGreaterThan(0);
    await shot('due');
    await noSeriousAxe();
  }, LONG);

  test('the keyboard reaches and works the main actions', async () => {
    const tabTo = async (selector: string, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    // 文件: the file chooser opens from the keyboard
    await page.goto(`${server.url}/#/files`);
    await page.waitForSelector('table.docs');
    await tabTo('#file-input');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    expect(chooser.isMultiple()).toBe(true);
    // the menu by keyboard
    await page.goto(`${server.url}/#/files`);
    await tabTo('nav a[href="#/register"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.tasks tbody tr');
    // 台账: filter, then save a row and open its history, all by keys
    await tabTo('input[name="unit"]');
    await page.keyboard.type('县扶贫办');
    await tabTo('#filter-submit');
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.$$eval('table.tasks tbody tr td:nth-child(2)', (els) => els.every((e) => e.textContent!.includes('扶贫办')))).toBe(true);
    await tabTo('table.tasks tbody tr:first-child td:nth-child(4) select');
    await page.keyboard.press('ArrowDown');
    await tabTo('table.tasks tbody tr:first-child td.progress input');
    await page.keyboard.type('键盘填报的进展');
    await tabTo('table.tasks tbody tr:first-child td.ops button.primary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('table.tasks tbody tr:first-child .saved')).toBe('已保存');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open] #history-list');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('关闭');
    await page.keyboard.press('Enter');
    expect(await page.$('dialog[open]')).toBeNull();
    // 对照 by keys
    await page.goto(`${server.url}/#/compare`);
    await page.waitForSelector('#lower option:nth-child(3)', { state: 'attached' });
    await tabTo('#lower');
    await page.keyboard.press('ArrowDown');
    await tabTo('#higher');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo('#compare-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#compare-result h2', { timeout: LONG });
  }, LONG);
});

describe.skipIf(SKIP_BROWSER)('accounts on the office network', () => {
  let work: string;
  let server: Served;
  let ctx: BrowserContext;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'tz-e2e-auth-'));
    expect(cli(['users', 'add', '李干事', '--db', path.join(work, 'taizhang.sqlite')], 'office-pass-2021\n').status).toBe(0);
    expect(cli(['users', 'add', '王科长', '--admin', '--db', path.join(work, 'taizhang.sqlite')], 'admin-pass-2021\n').status).toBe(0);
  });
  afterAll(async () => {
    await ctx?.close();
    await server?.stop();
  });

  test('a non-admin account on a non-loopback address: refused without login, in after it', async () => {
    const host = lanAddress() ?? '0.0.0.0';
    server = await serve(['--host', '0.0.0.0', '--auth', '--db', path.join(work, 'taizhang.sqlite')]);
    const base = `http://${lanAddress() ?? '127.0.0.1'}:${server.port}`;
    expect(host).not.toBe('127.0.0.1');
    // without a session the data is refused, with the code and a Chinese line
    const refused = await fetch(`${base}/api/tasks`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'E_WEB_LOGIN_REQUIRED' });
    ctx = await browser();
    const page = await ctx.newPage();
    await page.goto(`${base}/#/register`);
    await page.waitForSelector('#login-form');
    expect(await page.isHidden('#nav')).toBe(true);
    expect(await page.$('table.tasks')).toBeNull();
    await page.screenshot({ path: path.join(SHOTS, 'web-login.png') });
    expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
    await page.fill('input[name="name"]', '李干事');
    await page.fill('input[name="password"]', 'wrong-password');
    await page.click('#login-form button[type="submit"]');
    await expect.poll(() => page.textContent('#login-form .error')).toMatch(/账号或密码不对.*\[E_WEB_BAD_LOGIN\]/u);
    await page.fill('input[name="password"]', 'office-pass-2021');
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#nav:not([hidden])');
    expect(await page.textContent('#account')).toContain('李干事');
    expect(await page.textContent('#account')).not.toContain('管理员');
    expect(await page.$('nav a[href="#/accounts"]')).toBeNull();
    // a non-admin cannot add accounts, even from a logged-in page
    const status = await page.evaluate(async () => {
      const s = await (await fetch('/api/session')).json();
      const r = await fetch('/api/accounts', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf }, body: JSON.stringify({ name: '新人', password: 'password-123' }) });
      return r.status;
    });
    expect(status).toBe(403);
    const cookies = await ctx.cookies();
    expect(cookies.find((c) => c.name === 'taizhang_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  }, LONG);

  test('an admin adds an account on the 账号 page', async () => {
    const admin = await browser();
    try {
      const page = await admin.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/`);
      await page.fill('input[name="name"]', '王科长');
      await page.fill('input[name="password"]', 'admin-pass-2021');
      await page.click('#login-form button[type="submit"]');
      await page.click('nav a[href="#/accounts"]');
      await page.waitForSelector('#accounts-list li');
      await page.fill('form input[name="name"]', '赵干事');
      await page.fill('form input[name="password"]', 'zhao-pass-2021');
      await page.click('form button[type="submit"]');
      await expect.poll(() => page.$$eval('#accounts-list li', (els) => els.map((e) => e.textContent))).toEqual(['李干事', '王科长（管理员）', '赵干事']);
      await page.screenshot({ path: path.join(SHOTS, 'web-accounts.png') });
      expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
    } finally {
      await admin.close();
    }
  }, LONG);
});
