// `taizhang run --db` over scans (issue 13): the pages of a batch's scans are read by OCR in the
// worker threads and counted back, shown as pages in a terminal's progress bar, and kept in the
// store's OCR cache, so a second run over the same scans reads no page by OCR. The scans are made
// here: a corpus page drawn by pdf.js, as a PNG and as an image-only PDF (the page as a JPEG).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { ProgressCounts } from '../../src/batch-progress.js';
import { ocrWords } from '../../src/main-job.js';
import { SqliteTaskStore } from '../../src/store/sqlite.js';
import { CLI, notice, taizhang, tempDir, writeFiles } from '../batch/cli-run.js';
import { makePdf } from '../hostile/make-files.js';
import { drawPdfPage } from './render.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hasScript = spawnSync('script', ['--version']).status === 0;
const q = (s: string) => `'${s.replace(/'/gu, `'\\''`)}'`;

/** An A4 PDF whose one page is nothing but the JPEG: a scan without a text layer. */
function jpegPdf(jpeg: Buffer, width: number, height: number): Buffer {
  const image = Buffer.concat([
    Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`),
    jpeg,
    Buffer.from('\nendstream'),
  ]);
  return makePdf({ content: Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q'), resources: '<< /XObject << /Im1 5 0 R >> >>', extra: [image] });
}

/** The run's line about one input file, the terminal's control codes (the bar's redraws) taken out. */
const lineOf = (out: string, name: string) =>
  out
    .replace(/\x1b(?:\[[0-9;?]*[A-Za-z]|[78])/gu, '')
    .split(/[\r\n]+/u)
    .find((l) => l.startsWith('✓') && l.includes(`${path.sep}${name} →`)) ?? '';

/** The JSON written for each input (a result holds no time of its own: the same input gives the same bytes). */
async function results(out: string): Promise<string[]> {
  const names = (await readdir(out)).filter((n) => n.endsWith('.json') && n !== 'failures.json').sort();
  return Promise.all(names.map((n) => readFile(path.join(out, n), 'utf8')));
}

describe('run --db over scans: OCR pages in the progress, cached in the store', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await tempDir('ocr-run');
    db = path.join(dir, 'store.sqlite');
    const first = await drawPdfPage(path.join(ROOT, 'corpus', 'dongzhou-2020.pdf'), 1, 150);
    const second = await drawPdfPage(path.join(ROOT, 'corpus', 'xinbin-2018.pdf'), 1, 150);
    await writeFiles(path.join(dir, 'in'), {
      '扫描通知.png': first.toBuffer('image/png'),
      'scan.pdf': jpegPdf(second.toBuffer('image/jpeg', 85), second.width, second.height),
      '文字版.txt': notice(7),
    });
  }, 60_000);

  test('the first run reads each scan page by OCR (a terminal shows pages), the second reads none', async () => {
    const input = path.join(dir, 'in');
    const out1 = path.join(dir, 'out1');
    const args = ['run', input, '--out', out1, '--db', db, '--no-registers'];
    // in a terminal (a pseudo-terminal made by util-linux `script`) the bar counts the scans' pages
    const first = hasScript
      ? spawnSync('bash', ['-c', `script -qec ${q([process.execPath, CLI, ...args].map(q).join(' '))} /dev/null`], { encoding: 'utf8', timeout: 300_000 })
      : spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 300_000 });
    const shown = first.stdout + first.stderr;
    expect(first.status).toBe(0);
    expect(lineOf(shown, '扫描通知.png')).toContain('文字识别 1 页');
    expect(lineOf(shown, 'scan.pdf')).toContain('文字识别 1 页');
    expect(lineOf(shown, '文字版.txt')).not.toContain('文字识别');
    if (hasScript) expect(shown).toMatch(/[12]\/2 页（文字识别） · [0-3]\/3 个文件/u);

    // the store holds the two pages read
    const store = SqliteTaskStore.open(db);
    try {
      expect(await store.documents()).toHaveLength(3);
    } finally {
      await store.close();
    }

    const out2 = path.join(dir, 'out2');
    const second = await taizhang(['run', input, '--out', out2, '--db', db, '--no-registers'], {}, 120_000);
    expect(second.code).toBe(0);
    for (const name of ['扫描通知.png', 'scan.pdf']) {
      const line = lineOf(second.stdout, name);
      expect(line).toContain('1 页的识别结果取自库中缓存');
      expect(line).not.toContain('文字识别 1 页');
    }
    // not a terminal: no bar, the lines are the whole report
    expect(second.stderr).toBe('');
    // the cached pages make the same documents
    expect(await results(out2)).toEqual(await results(out1));

    // register reads a scan named as a file from the cache of the store --db names: the cached page
    // is marked (贫 → 穷 in its words), so only a page taken from the cache shows the mark
    const png = path.join(input, '扫描通知.png');
    const sha256 = createHash('sha256').update(await readFile(png)).digest('hex');
    const sql = new Database(db);
    try {
      const marked = sql.prepare("UPDATE ocr_pages SET page_json = replace(page_json, '贫', '穷') WHERE sha256 = ?").run(sha256);
      expect(marked.changes).toBe(1);
    } finally {
      sql.close();
    }
    const registered = await taizhang(['register', png, '--db', db, '--format', 'csv', '--out', path.join(dir, 'r.csv')], {}, 120_000);
    expect(registered.stderr).toBe('');
    expect(registered.code).toBe(0);
    const rows = await readFile(path.join(dir, 'r.csv'), 'utf8');
    expect(rows).toContain('穷');
    expect(rows).not.toContain('贫');
  }, 400_000);
});

describe('the words of the progress and of a file line', () => {
  test.each([
    ['text files only', 3, [], [1, 3], '1/3 个文件'],
    ['one scan under way', 3, [[0, 2, 8]], [2, 8], '2/8 页（文字识别） · 0/3 个文件'],
    ['two scans side by side: pages summed', 10, [[0, 3, 8], [4, 1, 2]], [4, 10], '4/10 页（文字识别） · 0/10 个文件'],
    ['pages finish out of order: a file never counts down', 2, [[1, 3, 4], [1, 2, 4]], [3, 4], '3/4 页（文字识别） · 0/2 个文件'],
    ['one file read alone (extract, ingest): its pages only', 1, [[0, 5, 8]], [5, 8], '5/8 页（文字识别）'],
  ] as const)('%s', (_why, files, pages, measure, label) => {
    const c = new ProgressCounts(files);
    if (!pages.length) c.filesDone = 1;
    for (const [i, d, t] of pages) c.page(i, d, t);
    expect([c.measure.value, c.measure.total]).toEqual(measure);
    expect(c.label()).toBe(label);
  });

  test.each([
    [{ read: 0, cached: 0 }, ''],
    [{ read: 4, cached: 0 }, '，文字识别 4 页'],
    [{ read: 0, cached: 8 }, '，8 页的识别结果取自库中缓存'],
    [{ read: 1, cached: 2 }, '，文字识别 1 页，2 页的识别结果取自库中缓存'],
  ])('%o → %s', (tally, words) => {
    expect(ocrWords(tally)).toBe(words);
  });
});
