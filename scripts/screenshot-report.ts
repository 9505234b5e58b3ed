// Render the diff report of a planted pair (or of two extract JSONs given as arguments) in a real
// headless browser and save a screenshot: output/diff-report.html and output/diff-report.png.
//
// The browser is Debian's chromium (`apt-get install chromium fonts-noto-cjk`), driven by
// playwright-core; never `playwright install`, which downloads a browser of its own.
//   npx tsc -p tsconfig.json && node dist/scripts/screenshot-report.js [A.json B.json]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import path from 'node:path';
import { checkPlan } from '../src/compare/diff.js';
import { renderDiffHtml } from '../src/compare/report-html.js';
import { ExtractResult } from '../src/model.js';
import { county, province } from '../tests/fixtures/compare/planted.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function readExtract(file: string): Promise<ExtractResult> {
  return ExtractResult.parse(JSON.parse(await readFile(file, 'utf8')));
}

async function main(): Promise<void> {
  const [fileA, fileB] = process.argv.slice(2);
  // a = the higher document, b = the plan checked against it
  const [higher, plan] = fileA && fileB ? [await readExtract(fileA), await readExtract(fileB)] : [province, county];
  const html = renderDiffHtml(checkPlan(plan, higher));
  const outDir = path.resolve('output');
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'diff-report.html'), html);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: 'load' });
    // A report that renders Chinese as boxes or overflows its columns fails here, not in a user's hands.
    const check = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      findings: document.querySelectorAll('.finding').length,
      highlighted: document.querySelectorAll('.del, .ins').length,
    }));
    await page.screenshot({ path: path.join(outDir, 'diff-report.png'), fullPage: true });
    console.log(`截图已保存：output/diff-report.png（发现 ${check.findings} 条，高亮片段 ${check.highlighted} 处，页面宽度 ${check.width}px）`);
    if (check.width > 1280) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`截图失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  process.exitCode = 1;
});
