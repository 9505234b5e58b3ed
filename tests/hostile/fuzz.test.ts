// A seeded fuzz run (issue 19): random bytes under every extension, and corpus files mutated by bit
// flips, truncations and splices, each through extractFile. Every case must end in a result or a
// known code: never E_INTERNAL, never an exception, never a hang. The cases run in two child
// processes over the built code; a case that passes its deadline kills its child (and fails the
// test by name), and the child restarts at the next case.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MESSAGES } from '../../src/messages.js';
import { ROOT, makeDocx, makeOfd } from './make-files.js';

const SEED = 20_261_201;
const CASE_MS = 20_000;
const CHILDREN = 2;

/** mulberry32: a small seeded generator, the same cases every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  name: string;
  file: string;
}

let dir: string;
const cases: Case[] = [];

function corpusFiles(): { name: string; bytes: Buffer }[] {
  const base = path.join(ROOT, 'corpus');
  const files = [
    ...readdirSync(base).filter((f) => /\.(pdf|docx|txt|html)$/.test(f)).map((f) => path.join(base, f)),
    ...readdirSync(path.join(base, 'variants')).map((f) => path.join(base, 'variants', f)),
  ];
  const out = files.map((f) => ({ name: path.basename(f), bytes: readFileSync(f) }));
  const lines = readFileSync(path.join(base, 'dongzhou-2020.txt'), 'utf8').split('\n').filter(Boolean);
  out.push({ name: 'made.ofd', bytes: makeOfd([lines.slice(0, 20), lines.slice(20, 40)]) });
  out.push({ name: 'made.docx', bytes: makeDocx(lines.slice(0, 40)) });
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tz-fuzz-'));
  const r = rng(SEED);
  const int = (n: number) => Math.floor(r() * n);
  const add = (name: string, ext: string, bytes: Buffer) => {
    const file = path.join(dir, `${cases.length}.${ext}`);
    writeFileSync(file, bytes);
    cases.push({ name, file });
  };
  const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  // random bytes, some behind a real signature so they reach each reader
  const SIGNATURES: Record<string, Buffer> = {
    pdf: Buffer.from('%PDF-1.7\n'),
    docx: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    ofd: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    doc: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    html: Buffer.from('<!doctype html><html><body>'),
    txt: Buffer.from('关于'),
  };
  for (const ext of Object.keys(SIGNATURES)) {
    for (let k = 0; k < 14; k++) {
      const body = randomBytes(1 + int(k < 7 ? 200 : 20_000));
      add(`random ${ext} #${k}`, ext, k % 2 ? Buffer.concat([SIGNATURES[ext], body]) : body);
    }
  }
  // mutations of real files
  const corpus = corpusFiles();
  const ext = (name: string) => path.extname(name).slice(1);
  for (let k = 0; k < 220; k++) {
    const src = corpus[int(corpus.length)];
    const b = Buffer.from(src.bytes);
    const kind = k % 4;
    if (kind === 0) {
      const flips = 1 + int(20);
      for (let i = 0; i < flips; i++) b[int(b.length)] ^= 1 << int(8);
      add(`${src.name} with ${flips} bit flips`, ext(src.name), b);
    } else if (kind === 1) {
      const at = int(b.length);
      add(`${src.name} cut at ${at}`, ext(src.name), b.subarray(0, at));
    } else if (kind === 2) {
      const other = corpus[int(corpus.length)];
      const at = int(b.length);
      add(`${src.name} head + ${other.name} tail`, ext(src.name), Buffer.concat([b.subarray(0, at), other.bytes.subarray(int(other.bytes.length))]));
    } else if (/\.(txt|html)$/.test(src.name) && src.name !== 'dongzhou-2020.utf16.txt' && !src.name.includes('gbk')) {
      // characters from every plane inserted into a text: emoji, CJK Extension B, controls, U+FFFE
      const text = [...src.bytes.toString('utf8')];
      const n = 1 + int(30);
      for (let i = 0; i < n; i++) text.splice(int(text.length), 0, String.fromCodePoint([0x1f600 + int(80), 0x20000 + int(0xa6d0), int(32), 0xfffe, 0x3000 + int(0x40)][int(5)]));
      add(`${src.name} with ${n} inserted characters`, ext(src.name), Buffer.from(text.join('')));
    } else {
      // a run of bytes overwritten in the middle: damaged sectors, damaged zip entries
      const at = int(b.length);
      randomBytes(Math.min(1 + int(512), b.length - at)).copy(b, at);
      add(`${src.name} overwritten at ${at}`, ext(src.name), b);
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  i: number;
  ok?: boolean;
  code?: string;
  thrown?: string;
  ms: number;
}

const CHILD = `
  const { extractFile } = await import(${JSON.stringify(path.join(ROOT, 'dist/src/pipeline.js'))});
  const files = JSON.parse(process.argv[1]);
  const from = Number(process.argv[2]);
  for (let i = from; i < files.length; i++) {
    const start = Date.now();
    process.stdout.write(JSON.stringify({ start: i }) + '\\n');
    let o;
    try {
      const r = await extractFile(files[i]);
      o = { i, ok: r.ok, code: r.ok ? undefined : r.code, ms: Date.now() - start };
    } catch (e) {
      o = { i, thrown: String(e && e.stack || e).split('\\n').slice(0, 3).join(' | '), ms: Date.now() - start };
    }
    await new Promise((res) => process.stdout.write(JSON.stringify(o) + '\\n', res));
  }
`;

/** Runs cases [from, to) in one child; restarts after a case that hangs, recording it. */
function runShard(files: string[], from: number, to: number, out: Outcome[]): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify(files.slice(0, to)), String(from)], { stdio: ['ignore', 'pipe', 'ignore'] });
    let current = from;
    let buf = '';
    let timer = setTimeout(() => child.kill('SIGKILL'), CASE_MS);
    child.stdout.on('data', (c) => {
      buf += c;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if ('start' in m) {
          current = m.start;
          clearTimeout(timer);
          timer = setTimeout(() => child.kill('SIGKILL'), CASE_MS);
        } else out.push(m);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      const done = new Set(out.map((o) => o.i));
      if (current < to && !done.has(current)) {
        out.push({ i: current, thrown: `hung or crashed past ${CASE_MS} ms`, ms: CASE_MS });
        void runShard(files, current + 1, to, out).then(resolve);
      } else resolve();
    });
  });
}

test('fuzz: random and mutated files end in a result or a known code, in bounded time', async () => {
  expect(cases.length).toBeGreaterThanOrEqual(300);
  const files = cases.map((c) => c.file);
  const outcomes: Outcome[] = [];
  const per = Math.ceil(files.length / CHILDREN);
  await Promise.all(Array.from({ length: CHILDREN }, (_, k) => runShard(files, k * per, Math.min(files.length, (k + 1) * per), outcomes)));
  expect(outcomes.length).toBe(cases.length);
  if (process.env.FUZZ_REPORT) { const h: Record<string, number> = {}; for (const o of outcomes) h[o.ok ? 'ok' : o.code ?? o.thrown!] = (h[o.ok ? 'ok' : o.code ?? o.thrown!] ?? 0) + 1; console.log(h, outcomes.sort((a, b) => b.ms - a.ms).slice(0, 8).map((o) => [cases[o.i].name, o.ms, o.code ?? o.thrown])); }
  const known = new Set(Object.keys(MESSAGES).filter((c) => c !== 'E_INTERNAL'));
  const bad = outcomes
    .filter((o) => o.thrown || (!o.ok && !known.has(o.code ?? '')))
    .map((o) => `${cases[o.i].name}: ${o.thrown ?? o.code}`);
  expect(bad).toEqual([]);
  // every reader was reached: the run is not all "unsupported"
  const codes = new Set(outcomes.map((o) => (o.ok ? 'ok' : o.code)));
  for (const c of ['ok', 'E_CORRUPT_PDF', 'E_NOT_DOCX', 'E_CORRUPT_OFD']) expect(codes).toContain(c);
}, 240_000);
