// `taizhang text --layers FILE`: one line per block, "ref<TAB>layer<TAB>text", for users and tests.
// Built dist/src/cli.js (npm test builds it first); the file is written here.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

test('text --layers lists every block with its ref and layer', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'layers-'));
  const file = path.join(dir, '通知.txt');
  await writeFile(file, [
    '某县人民政府办公室文件',
    '某政办发〔2023〕8号',
    '关于做好秋冬季森林防火工作的通知',
    '各乡镇人民政府，县直有关部门：',
    '一、落实责任',
    '各乡镇要于10月底前完成隐患排查。',
    '某县人民政府办公室',
    '2023年9月20日',
    '抄送：县委办公室。',
    '附件：1.防火物资清单',
    '附件1',
    '防火物资清单',
    '1.风力灭火机',
    '2.灭火水枪',
    '3.防火服',
  ].join('\n'));
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'text', '--layers', file], { cwd: ROOT });
  expect(stdout.trim().split('\n')).toEqual([
    'b0\tmasthead\t某县人民政府办公室文件',
    'b1\tmasthead\t某政办发〔2023〕8号',
    'b2\ttitle\t关于做好秋冬季森林防火工作的通知',
    'b3\trecipients\t各乡镇人民政府，县直有关部门：',
    'b4\tbody\t一、落实责任',
    'b5\tbody\t各乡镇要于10月底前完成隐患排查。',
    'b6\tsignature\t某县人民政府办公室',
    'b7\tsignature\t2023年9月20日',
    'b8\tcolophon\t抄送：县委办公室。',
    'b9\tattachment-list\t附件：1.防火物资清单',
    'b10\tattachment-appendix\t附件1',
    'b11\tattachment-appendix\t防火物资清单',
    'b12\tattachment-appendix\t1.风力灭火机',
    'b13\tattachment-appendix\t2.灭火水枪',
    'b14\tattachment-appendix\t3.防火服',
  ]);
});
