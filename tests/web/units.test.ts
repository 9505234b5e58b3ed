// The web app's small rules, as tables: which hosts are this computer, which uploads are refused at
// once, how a file name is made safe, where a task's words stand in its paragraph, and how a diff's
// marks become runs.
import { describe, expect, test } from 'vitest';
import { isLoopback, serveUrl } from '../../src/cli/serve.js';
import { runsOf } from '../../src/web/api-compare.js';
import { dueReport, NO_LEAD_UNIT } from '../../src/web/due.js';
import { taskSpan } from '../../src/web/source.js';
import type { TaskRow } from '../../src/web/task-query.js';
import { quickRefusal, safeFileName } from '../../src/web/uploads.js';

describe('isLoopback', () => {
  test.each([
    ['127.0.0.1', true], ['localhost', true], ['::1', true], ['[::1]', true], ['127.3.2.1', true], ['LOCALHOST', true],
    ['0.0.0.0', false], ['::', false], ['192.168.1.20', false], ['10.0.0.5', false], ['127.0.0.1.example.com', false], ['128.0.0.1', false],
  ])('%s → %s', (host, want) => expect(isLoopback(host)).toBe(want));
});

test.each([
  ['127.0.0.1', 8080, 'http://127.0.0.1:8080/'],
  ['::1', 8080, 'http://[::1]:8080/'],
  ['0.0.0.0', 9000, 'http://本机IP地址:9000/'],
])('serveUrl(%s, %d)', (host, port, want) => expect(serveUrl(host, port)).toBe(want));

describe('quickRefusal', () => {
  const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s));
  test.each([
    ['通知.pdf', bytes('%PDF-1.7\n...'), null],
    ['通知.pdf', bytes('\uFEFF  junk %PDF-1.4'), null],
    ['通知.PDF', bytes('<html>not a pdf</html>'), 'E_NOT_PDF'],
    ['方案.docx', bytes([0x50, 0x4b, 3, 4]), null],
    ['方案.docx', bytes('plain text'), 'E_NOT_DOCX'],
    ['旧方案.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), null],
    ['旧方案.doc', bytes('{\\rtf1'), 'E_NOT_DOC'],
    ['通知.txt', bytes('各乡镇：'), null],
    ['空.txt', bytes(''), 'E_EMPTY'],
    ['网页.html', bytes('<p>通知</p>'), null],
  ])('%s', (name, b, want) => expect(quickRefusal(name, b)).toBe(want));
});

describe('safeFileName', () => {
  test.each([
    ['东山县通知.pdf', '东山县通知.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\王\\桌面\\方案.docx', '方案.docx'],
    ['.hidden.txt', 'hidden.txt'],
    ['a\u0000b\u001b[31m.txt', 'a_b_[31m.txt'],
    ['问:号*星"引<尖>|.txt', '问_号_星_引_尖__.txt'],
    ['', 'upload'],
    ['...', 'upload'],
  ])('%j → %j', (name, want) => expect(safeFileName(name)).toBe(want));
});

describe('taskSpan', () => {
  test.each<[string, string, [number, number] | undefined]>([
    ['（一）加强调度。县交通运输局每季度报告一次。', '县交通运输局每季度报告一次。', [8, 22]],
    ['6月底前完成15处供水工程维修，确保安全。（牵头单位：县水利局）', '6月底前完成15处供水工程维修，确保安全。', [0, 21]],
    // a task text cut off before the paragraph goes on: its longest start found there
    ['完成农村公路新改建120公里，9月底前完工。', '完成农村公路新改建120公里，9月底前全部完工并验收', [0, 19]],
    ['毫不相干的一段话。', '完成农村公路新改建', undefined],
  ])('%s', (paragraph, task, want) => expect(taskSpan(paragraph, task)).toEqual(want));
});

test('runsOf joins equally marked characters and loses none', () => {
  const text = '每月开展一次排查';
  const marks = Uint8Array.from([0, 0, 1, 1, 2, 2, 1, 1]);
  expect(runsOf(text, marks)).toEqual([['每月', 0], ['开展', 1], ['一次', 2], ['排查', 1]]);
});

describe('dueReport', () => {
  const row = (key: string, lead: string[], due: string[], status: TaskRow['status'] = '未开始', superseded = false): TaskRow => ({
    key, docId: 'd', docTitle: '方案', taskId: key, path: [], text: key, lead, participants: [], leaders: '', owners: '', deadlines: '', deadlineWords: '',
    dueDates: due, recurring: false, superseded, status, responsible: '', latestProgress: '', overdue: false,
  });
  const rows = [
    row('a', ['县水利局'], ['2021-05-31']),
    row('b', ['县水利局'], ['2021-06-20']),
    row('c', ['县交通运输局'], ['2021-06-10'], '已完成'),
    row('d', [], ['2021-06-01']),
    row('e', ['县交通运输局'], ['2021-09-30']),
    row('f', ['县交通运输局', '县水利局'], ['2021-06-05'], '推进中'),
    row('g', ['县水利局'], ['2021-05-01'], '未开始', true),
  ];
  test('per unit, overdue and due soon, closed and superseded left out, no lead unit last', () => {
    const r = dueReport(rows, { today: '2021-06-03', within: 30 });
    expect(r.units.map((g) => [g.unit, g.overdue.map((x) => x.key), g.soon.map((x) => x.key)])).toEqual([
      ['县水利局', ['a'], ['f', 'b']],
      ['县交通运输局', [], ['f']],
      [NO_LEAD_UNIT, ['d'], []],
    ]);
    expect(r.units[0].overdue[0].days).toBe(-3);
  });
  test('a recurring duty is one line per unit: its earliest missed occurrence with the count, and its next', () => {
    const weekly = ['2021-05-07', '2021-05-14', '2021-05-21', '2021-05-28', '2021-06-04', '2021-06-11'].map((d) => ({ ...row(`w@${d}`, ['县应急管理局'], [d]), taskId: 'w' }));
    const r = dueReport(weekly, { today: '2021-06-01', within: 30 });
    expect(r.units).toHaveLength(1);
    expect(r.units[0].overdue.map((x) => [x.key, x.count, x.days])).toEqual([['w@2021-05-07', 4, -25]]);
    expect(r.units[0].soon.map((x) => [x.key, x.count, x.days])).toEqual([['w@2021-06-04', 2, 3]]);
  });

  test('one unit, by the register’s unit matching', () => {
    const r = dueReport(rows, { today: '2021-06-03', within: 120, unit: '交通局' });
    expect(r.units.map((g) => [g.unit, g.soon.map((x) => x.key)])).toEqual([['县交通运输局', ['f', 'e']]]);
  });
});
