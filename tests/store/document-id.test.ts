// Document ids follow the bytes and the document's own 文号 or title, never the file's name or
// folder: the same notice copied under its Chinese title keeps its id (OUTPUT.md: same bytes → same id).
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildResult, ID_HASH_CHARS } from '../../src/extract/index.js';
import type { RawDocument } from '../../src/model.js';
import { extractFile } from '../../src/pipeline.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function idOf(lines: string[], path = 'a.txt', bytesSha = sha(lines.join('\n'))): string {
  const raw: RawDocument = { source: { path, format: 'txt', sha256: bytesSha }, blocks: lines.map((text) => ({ text })), messages: [] };
  return buildResult(raw).document.id;
}

const BODY = ['一、重点任务', '（一）组织化肥调运。（责任单位：县供销社）'];

const cases: [what: string, lines: string[], slug: string][] = [
  ['a 文号 names the document', ['某某县农业农村局', '某农发〔2022〕5号', '某某县2022年春耕生产实施方案', ...BODY], '某农发-2022-5'],
  ['a 文号 in ASCII brackets reads the same', ['长河市教育局', '长教发[2021]12号', '长河市2021年控辍保学工作方案', ...BODY], '长教发-2021-12'],
  ['no 文号: the title without 关于印发…的通知', ['关于印发青山区城市道路照明改造实施方案的通知', ...BODY], '青山区城市道路照明改造实施方案'],
  ['a long title is cut', ['某某省2023年农村人居环境整治提升和美丽乡村建设三年行动实施方案', ...BODY], '某某省2023年农村人居环境整治提升和美丽乡村建'],
];

test.each(cases)('%s', (_what, lines, slug) => {
  const id = idOf(lines);
  expect(id).toBe(`${slug}-${sha(lines.join('\n')).slice(0, ID_HASH_CHARS)}`);
  expect(id).toMatch(/^[\p{L}\p{N}-]+$/u);
});

test('the path never changes the id; the bytes always do', () => {
  const lines = ['某某县农业农村局', '某农发〔2022〕5号', '某某县2022年春耕生产实施方案', ...BODY];
  const a = idOf(lines, 'benxi-2020.txt');
  expect(idOf(lines, '/data/某某县2022年春耕生产实施方案.txt')).toBe(a);
  expect(idOf(lines, 'x/../x/a.txt')).toBe(a);
  const edited = [...lines, '（二）抓好技术培训。（责任单位：县农技中心）'];
  expect(idOf(edited, 'benxi-2020.txt')).not.toBe(a);
  expect(idOf(edited).startsWith('某农发-2022-5-')).toBe(true);
});

test('a result without file bytes gets an id from its text, and a document without title or 文号 is doc-…', () => {
  const id = idOf(['　', '，。'], 'x.txt', '');
  expect(id).toBe(`doc-${sha('　\n，。').slice(0, ID_HASH_CHARS)}`);
});

test('a real file copied under its Chinese title in another folder keeps its id', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-id-'));
  const text = ['清水县卫生健康局', '清卫发〔2024〕3号', '清水县2024年基本公共卫生服务项目实施方案', '为做好基本公共卫生服务，制定本方案。',
    '一、重点任务', '（一）65岁以上老年人健康管理率达到70%以上。（责任单位：各乡镇卫生院）', '清水县卫生健康局', '2024年3月1日'].join('\n');
  await mkdir(join(dir, '归档'), { recursive: true });
  const first = join(dir, 'qingshui-2024.txt');
  const copy = join(dir, '归档', '清水县2024年基本公共卫生服务项目实施方案.txt');
  await writeFile(first, text);
  await writeFile(copy, text);
  const [a, b] = await Promise.all([extractFile(first), extractFile(copy)]);
  if (!a.ok || !b.ok) throw new Error('extraction failed');
  expect(a.result.document.id).toBe(`清卫发-2024-3-${sha(text).slice(0, ID_HASH_CHARS)}`);
  expect(b.result.document.id).toBe(a.result.document.id);
  expect(b.result.tasks.map((t) => t.id)).toEqual(a.result.tasks.map((t) => t.id));
});
