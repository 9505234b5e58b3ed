import { describe, expect, test } from 'vitest';
import { alignClauses } from '../../src/compare/align.js';
import { checkPlan, diffDocuments } from '../../src/compare/diff.js';
import { escapeHtml, markedHtml, renderDiffHtml } from '../../src/compare/report-html.js';
import { doc, task } from '../fixtures/compare/builders.js';
import { county, otherCity, province } from '../fixtures/compare/planted.js';

describe('renderDiffHtml', () => {
  const html = renderDiffHtml(checkPlan(county, province));

  test('findings come before the aligned clauses', () => {
    const findings = html.indexOf('<h2>发现（');
    const pairs = html.indexOf('<h2>条款对照（7）</h2>');
    const reason = html.indexOf('本溪县要求驻村时间每月至少5个工作日，低于省级每月至少10个工作日的要求');
    expect(findings).toBeGreaterThan(0);
    expect(pairs).toBeGreaterThan(findings);
    // indexOf is -1 for an absent text: assert presence first, then the order
    expect(reason).toBeGreaterThan(findings);
    expect(reason).toBeLessThan(pairs);
  });

  test('the substituted words are highlighted on each side', () => {
    expect(html).toContain('<span class="del">所有贫困县</span>要在2020年6月30日前完成');
    expect(html).toContain('<span class="ins">全县</span>要在2020年6月30日前完成');
  });

  test('the compared figure is marked in the finding', () => {
    expect(html).toContain('驻村工作队员每月驻村时间<span class="q">不少于5个工作日</span>');
  });

  test('self-contained: no scripts, links, images or remote URLs', () => {
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\/|url\(/i);
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">/);
  });

  test('Chinese labels, coverage and relation', () => {
    expect(html).toContain('<span class="badge">冲突</span>');
    expect(html).toContain('<span class="badge">视适用范围而定</span>');
    expect(html).toContain('上级措施覆盖率：<b>87.5%</b>（7/8 项有对应内容）');
    expect(html).toContain('上下级关系：甲文件的制定机关管辖乙');
  });

  test('an unrelated pair says the differences are for information', () => {
    expect(renderDiffHtml(diffDocuments(otherCity, county))).toContain('两份文件的制定机关无上下级关系：差异仅供参考，不判定为冲突');
  });
});

test('document text is escaped, never markup', () => {
  const evil = doc({ id: 'e<1>', title: '<script>alert(1)</script>', jurisdiction: null }, [task('1', '要求<b>“加粗”</b> & 其他，每月驻村时间不少于10个工作日')]);
  const other = doc({ id: 'f', title: 'A&B', jurisdiction: null }, [task('1', '要求<i>斜体</i> & 其他，每月驻村时间不少于10个工作日')]);
  const html = renderDiffHtml(diffDocuments(evil, other));
  expect(html).not.toContain('<script>alert(1)</script>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('A&amp;B');
  expect(html).not.toContain('<b>“加粗”</b>');
  expect(html).not.toContain('<i>斜体</i>');
  // the clause is shown (in highlight spans), its own tags as text
  expect(html.replace(/<\/?span[^>]*>/g, '')).toContain('要求&lt;b&gt;“加粗”&lt;/b&gt; &amp; 其他');
});

test('escapeHtml', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('markedHtml dims text outside the aligned stretch', () => {
  const long = '加强组织领导。驻村时间不少于10个工作日。';
  const al = alignClauses(long, '驻村时间不少于10个工作日');
  expect(markedHtml(long, al.marksA, 'del')).toBe('<span class="out">加强组织领导。</span>驻村时间不少于10个工作日<span class="out">。</span>');
});

test('a pair bound by citation says so, and coverage carries its summary sentence', async () => {
  const { renderDiffHtml: render } = await import('../../src/compare/report-html.js');
  const { diffDocuments: diffOf } = await import('../../src/compare/diff.js');
  const { doc: mk, task: t } = await import('../fixtures/compare/builders.js');
  const opinion = mk(
    { id: 'gb', title: '国务院办公厅关于加强城乡社区养老服务的指导意见', jurisdiction: null, date: '2019-02-01', docNumber: { text: '国办发〔2019〕6号', issuerCode: '国办发', year: 2019, serial: 6 } },
    [t('1', '各地要在2020年底前建成社区养老服务信息平台，实现养老服务需求和供给精准对接。')],
  );
  const measure = mk(
    { id: 'm', title: '关于加快社区养老服务发展的若干措施', jurisdiction: null, date: '2019-06-01', references: [{ text: '国办发〔2019〕6号', issuerCode: '国办发', year: 2019, serial: 6 }] },
    [t('1', '2020年底前建成社区养老服务信息平台，实现养老服务需求和供给精准对接。')],
  );
  const html = render(diffOf(opinion, measure));
  expect(html).toContain('上下级关系：乙文件引用甲文件（文号或标题）作为制定依据');
  expect(html).toContain('上级部署的 1 项任务中，本方案覆盖 1 项');
});
