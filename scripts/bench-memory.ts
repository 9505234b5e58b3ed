// npm run bench, memory part: peak RSS of `taizhang run` with one worker (the main thread plus one
// worker: an upper bound for one worker) on the largest corpus PDF, on a generated 2,000-page PDF and
// on a batch of 300 mixed files (corpus files, broken files, generated text and HTML), next to
// pdftotext on the same PDFs in the same run. Peak RSS is GNU time's "maximum resident set size".
// Figures go to BENCHMARKS.md by hand, as measured.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const TIME = '/usr/bin/time';
const LIMIT_MB = 1536;

interface Measured {
  peakMb: number;
  seconds: number;
  code: number | null;
}

/** Run a command under GNU time; its peak RSS in MB and wall seconds. */
function measure(cmd: string, args: string[]): Measured {
  const t0 = performance.now();
  const r = spawnSync(TIME, ['-f', 'TZPEAK %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Number(/TZPEAK (\d+)/u.exec(r.stderr ?? '')?.[1] ?? NaN);
  return { peakMb: kb / 1024, seconds, code: r.status };
}

const mb = (m: Measured) => `${m.peakMb.toFixed(0)} MB peak RSS, ${m.seconds.toFixed(1)} s`;

/** Lines of the generated PDF, varied so that no line looks like a running header repeated on every page. */
const PDF_LINES = [
  '（一）各乡镇要在6月底前完成N户危房改造任务，县住建局牵头，县财政局配合。',
  '（二）县教育局负责N所学校的校舍安全排查，每季度报送一次进展情况。',
  '（三）县人社局要在年底前新增城镇就业岗位N个，组织技能培训不少于三期。',
  '（四）县水利局牵头，在汛期前完成N公里河道清障，各乡镇落实巡查责任。',
  '（五）县卫生健康局要在9月底前为N名老年人建立健康档案，做到应建尽建。',
  '（六）县农业农村局负责推广高标准农田N亩，县自然资源局配合做好用地保障。',
  '（七）县市场监管局每月开展食品安全抽检，全年抽检批次不少于N批。',
];

/** UTF-16BE hex of a line, for a font whose encoding is UniGB-UCS2-H. */
function ucs2Hex(text: string): string {
  return Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
}

/**
 * A Chinese text PDF with `pages` pages, written by hand (no dependency): the font is the standard
 * non-embedded STSong-Light with the Adobe-GB1 UCS-2 CMap, which every PDF reader (pdf.js too) maps
 * back to Unicode, so the text layer reads as Chinese.
 */
export function writeTextPdf(file: string, pages: number, linesPerPage = 40): void {
  const objects: string[] = [];
  // object number = index + 1
  const add = (body: string) => void objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages tree, filled in below
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>');
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const kids: number[] = [];
  for (let p = 1; p <= pages; p++) {
    const lines = Array.from({ length: linesPerPage }, (_, i) => `<${ucs2Hex(PDF_LINES[(p * 7 + i) % PDF_LINES.length].replace('N', String(p * 100 + i)))}> Tj`);
    const stream = `BT /F1 10 Tf 14 TL 40 800 Td ${lines.join(' T* ')} ET`;
    add(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`);
    const contents = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Count ${pages} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(file, out);
}

function corpusFiles(): string[] {
  const dirs = ['corpus', 'corpus/broken', 'corpus/variants'].map((d) => path.join(ROOT, d));
  return dirs.flatMap((d) => readdirSync(d).filter((n) => /\.(pdf|docx|doc|txt|html?)$/iu.test(n)).map((n) => path.join(d, n)));
}

const NOTICE_LINES = ['一、各乡镇要在6月底前完成危房排查，县住建局牵头。', '二、县教育局负责学校安全检查，每季度报送一次。', '三、县人社局要在年底前新增就业岗位200个。'];

/** 300 inputs: corpus files in turn, broken files of every kind, generated text and HTML notices. */
function mixedBatch(dir: string): string[] {
  const corpus = corpusFiles();
  const files: string[] = [];
  for (let i = 0; files.length < 120; i++) {
    const src = corpus[i % corpus.length];
    const dst = path.join(dir, `c${String(i).padStart(3, '0')}-${path.basename(src)}`);
    copyFileSync(src, dst);
    files.push(dst);
  }
  const pdfs = corpus.filter((f) => f.endsWith('.pdf') && statSync(f).size > 1000);
  for (let i = 0; files.length < 180; i++) {
    const kind = i % 6;
    const name = path.join(dir, `b${String(i).padStart(3, '0')}`);
    if (kind === 0) writeFileSync(`${name}.pdf`, randomBytes(50_000)), files.push(`${name}.pdf`);
    if (kind === 1) writeFileSync(`${name}.docx`, randomBytes(30_000)), files.push(`${name}.docx`);
    if (kind === 2) writeFileSync(`${name}.doc`, randomBytes(20_000)), files.push(`${name}.doc`);
    if (kind === 3) {
      const src = readFileSync(pdfs[i % pdfs.length]);
      writeFileSync(`${name}.pdf`, src.subarray(0, Math.floor(src.length * 0.4))), files.push(`${name}.pdf`);
    }
    if (kind === 4) writeFileSync(`${name}.txt`, ''), files.push(`${name}.txt`);
    if (kind === 5) writeFileSync(`${name}.html`, `<html><body>${'<div>'.repeat(500)}无正文${'</div>'.repeat(500)}</body></html>`), files.push(`${name}.html`);
  }
  for (let i = 0; files.length < 300; i++) {
    const body = Array.from({ length: 20 + (i % 30) }, (_, k) => NOTICE_LINES[k % NOTICE_LINES.length].replace('200', String(100 + i + k))).join('\n');
    const title = `关于做好第${i}项重点工作的通知`;
    const name = path.join(dir, `g${String(i).padStart(3, '0')}`);
    if (i % 2) writeFileSync(`${name}.txt`, `${title}\n各乡镇人民政府，县直各部门：\n${body}\n县人民政府办公室\n2021年3月1日\n`), files.push(`${name}.txt`);
    else writeFileSync(`${name}.html`, `<html><head><title>${title}</title></head><body><h1>${title}</h1>${body.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`), files.push(`${name}.html`);
  }
  return files;
}

function hasTool(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args).status !== null && !spawnSync(cmd, args).error;
}

function pdftotextPeak(files: string[]): Measured | null {
  if (!hasTool('pdftotext', ['-v'])) return null;
  let worst: Measured = { peakMb: 0, seconds: 0, code: 0 };
  let seconds = 0;
  for (const f of files) {
    const m = measure('pdftotext', ['-q', f, '-']);
    seconds += m.seconds;
    if (m.peakMb > worst.peakMb) worst = m;
  }
  return { ...worst, seconds };
}

function outcome(out: string): string {
  const failures = JSON.parse(readFileSync(path.join(out, 'failures.json'), 'utf8')) as unknown[];
  const docs = readdirSync(out).filter((n) => n.endsWith('.json') && n !== 'failures.json').length;
  return `${docs} documents, ${failures.length} failures`;
}

function main(): void {
  if (!hasTool(TIME, ['--version'])) {
    console.log('memory: GNU time (/usr/bin/time) is not installed — no peak RSS this run');
    return;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'tz-bench-mem-'));
  try {
    const idle = measure(process.execPath, [CLI, '--version']);
    console.log(`memory: the CLI starting and exiting (no worker): ${mb(idle)}`);

    const largest = corpusFiles()
      .filter((f) => f.endsWith('.pdf') && path.dirname(f) === path.join(ROOT, 'corpus'))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0];
    const run = (inputs: string[], out: string, workers: number) =>
      measure(process.execPath, [CLI, 'run', ...inputs, '--out', path.join(tmp, out), '--workers', String(workers), '--no-registers']);
    const l = run([largest], 'largest', 1);
    const lp = pdftotextPeak([largest]);
    console.log(`memory: ${path.basename(largest)} (${(statSync(largest).size / 1024).toFixed(0)} KB), run with 1 worker: ${mb(l)}; pdftotext: ${lp ? mb(lp) : 'not installed'}`);

    const big = path.join(tmp, 'generated-2000-pages.pdf');
    writeTextPdf(big, 2000);
    const b = run([big], 'big', 1);
    const bp = pdftotextPeak([big]);
    console.log(`memory: generated 2,000-page PDF (${(statSync(big).size / 1048576).toFixed(1)} MB), run with 1 worker: ${mb(b)} (${outcome(path.join(tmp, 'big'))}); pdftotext: ${bp ? mb(bp) : 'not installed'}`);

    const batchDir = path.join(tmp, 'mixed');
    spawnSync('mkdir', ['-p', batchDir]);
    const files = mixedBatch(batchDir);
    for (const workers of [1, 2]) {
      const out = `mixed-out-${workers}`;
      const m = measure(process.execPath, [CLI, 'run', batchDir, '--out', path.join(tmp, out), '--workers', String(workers)]);
      const verdict = m.peakMb < LIMIT_MB ? `under ${LIMIT_MB} MB` : `OVER ${LIMIT_MB} MB`;
      console.log(`memory: ${files.length} mixed files, run with ${workers} worker(s) (registers on): ${mb(m)}, process total ${verdict} (${outcome(path.join(tmp, out))})`);
    }
    const mp = pdftotextPeak(files.filter((f) => f.endsWith('.pdf')));
    if (mp) console.log(`memory: pdftotext on the batch's ${files.filter((f) => f.endsWith('.pdf')).length} PDFs one by one: largest peak ${mp.peakMb.toFixed(0)} MB, ${mp.seconds.toFixed(1)} s in all`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// run when invoked (npm run bench), not when a test imports the PDF writer
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
