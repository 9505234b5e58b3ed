// The readable report of a diff: one self-contained HTML page (inline CSS, no scripts, no external
// assets) that opens from a mail attachment. Findings come first; then the aligned clauses side by
// side with the differing characters highlighted.
import { alignClauses, type Marks } from './align.js';
import type { Alignment, ClauseSide, DiffResult, Finding } from './schema.js';

export const FINDING_LABEL: Readonly<Record<Finding['type'], string>> = {
  conflict: '冲突',
  conditional: '视适用范围而定',
  compliant: '符合（更严）',
  consistent: '一致',
  equivalent: '等效（单位不同）',
  superseded: '已被替代',
  'deadline-before-issue': '时限早于发文日期',
  'inconsistent-within': '文内前后不一致',
  uncovered: '未覆盖',
  informational: '仅供参考',
  weakened: '减弱',
};

const SEVERITY: Readonly<Record<Finding['type'], 'bad' | 'warn' | 'ok' | 'info'>> = {
  conflict: 'bad',
  conditional: 'warn',
  weakened: 'bad',
  superseded: 'warn',
  'deadline-before-issue': 'warn',
  'inconsistent-within': 'warn',
  uncovered: 'warn',
  informational: 'info',
  compliant: 'ok',
  consistent: 'ok',
  equivalent: 'ok',
};

const LEVEL_NAME: Readonly<Record<string, string>> = { national: '国家', province: '省级', city: '市级', county: '县级', township: '乡镇级' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;padding:24px 32px;color:#1f2328;background:#f6f7f9;line-height:1.7}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 12px;border-left:4px solid #b42318;padding-left:8px}
.docs{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:12px 0}
.doc{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:10px 14px}
.doc .tag{font-size:12px;color:#57606a}.relation{font-size:14px;margin:4px 0}
.counts span{display:inline-block;margin:0 8px 4px 0;padding:2px 8px;border-radius:10px;font-size:13px;background:#eaeef2}
.finding{background:#fff;border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;padding:10px 14px;margin:0 0 12px}
.finding.bad{border-left-color:#cf222e}.finding.warn{border-left-color:#bf8700}.finding.ok{border-left-color:#1a7f37}.finding.info{border-left-color:#57606a}
.badge{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;color:#fff;margin-right:8px}
.bad .badge{background:#cf222e}.warn .badge{background:#9a6700}.ok .badge{background:#1a7f37}.info .badge{background:#57606a}
.reason{font-weight:600}.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:8px}
.side{font-size:14px;background:#fbfbfc;border:1px solid #eaeef2;border-radius:4px;padding:6px 10px}
.where{font-size:12px;color:#57606a}.q{background:#fff1b8;font-weight:600}
table.pairs{width:100%;border-collapse:collapse;background:#fff;table-layout:fixed}
table.pairs th,table.pairs td{border:1px solid #d0d7de;padding:8px 10px;vertical-align:top;font-size:14px;text-align:left}
table.pairs th{background:#eaeef2}.sim{width:72px;text-align:center;white-space:nowrap}
.out{color:#8c959f}.del{background:#ffd7d5;color:#82071e;text-decoration:line-through}.ins{background:#ccffd8;color:#055d20}
.coverage{font-size:15px;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 14px}
`;

function docBox(d: DiffResult['a'], label: string): string {
  const j = d.jurisdiction ? `${escapeHtml(d.jurisdiction.name)}（${LEVEL_NAME[d.jurisdiction.level] ?? d.jurisdiction.level}）` : '行政区划未识别';
  return `<div class="doc"><div class="tag">${label} · ${escapeHtml(d.id)}</div><div>${escapeHtml(d.title)}</div><div class="tag">${j}</div></div>`;
}

/** The clause text with the compared words (a figure or a deadline) highlighted. */
function sideHtml(side: ClauseSide | undefined, title: string): string {
  if (!side) return `<div class="side"><div class="where">${escapeHtml(title)}</div>（无对应条款）</div>`;
  const where = [title, side.path.join(' › '), side.page !== undefined ? `第${side.page}页` : ''].filter(Boolean).join(' · ');
  const words = side.quantity?.text ?? side.deadline?.text;
  const at = words ? side.text.indexOf(words) : -1;
  const body =
    at >= 0 && words
      ? `${escapeHtml(side.text.slice(0, at))}<span class="q">${escapeHtml(words)}</span>${escapeHtml(side.text.slice(at + words.length))}`
      : escapeHtml(side.text);
  return `<div class="side"><div class="where">${escapeHtml(where)}</div>${body}</div>`;
}

function findingHtml(f: Finding, diff: DiffResult): string {
  const titleOf = (s: ClauseSide | undefined) => (s?.docId === diff.b.id ? diff.b.title : diff.a.title);
  return `<div class="finding ${SEVERITY[f.type]}"><span class="badge">${FINDING_LABEL[f.type]}</span><span class="reason">${escapeHtml(f.reason)}</span>
<div class="sides">${sideHtml(f.a, titleOf(f.a))}${f.b ? sideHtml(f.b, titleOf(f.b)) : ''}</div></div>`;
}

/** Runs of equally marked characters as spans: outside the aligned stretch dimmed, changes highlighted. */
export function markedHtml(text: string, marks: Marks, changeClass: 'del' | 'ins'): string {
  let out = '';
  let k = 0;
  while (k < text.length) {
    let e = k;
    while (e < text.length && marks[e] === marks[k]) e++;
    const chunk = escapeHtml(text.slice(k, e));
    out += marks[k] === 2 ? `<span class="${changeClass}">${chunk}</span>` : marks[k] === 0 ? `<span class="out">${chunk}</span>` : chunk;
    k = e;
  }
  return out;
}

function alignmentRow(al: Alignment): string {
  const a = alignClauses(al.a.text, al.b.text);
  const pct = `${Math.round(al.similarity * 100)}%${al.basis === 'subject' ? '<br><span class="where">同一指标</span>' : ''}`;
  const cell = (s: ClauseSide, html: string) =>
    `<td><div class="where">${escapeHtml([s.path.join(' › '), s.page !== undefined ? `第${s.page}页` : ''].filter(Boolean).join(' · '))}</div>${html}</td>`;
  return `<tr>${cell(al.a, markedHtml(al.a.text, a.marksA, 'del'))}${cell(al.b, markedHtml(al.b.text, a.marksB, 'ins'))}<td class="sim">${pct}</td></tr>`;
}

export function renderDiffHtml(diff: DiffResult): string {
  const counts = new Map<Finding['type'], number>();
  for (const f of diff.findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  const [hi, lo] = diff.higher === 'a' ? ['甲', '乙'] : ['乙', '甲'];
  const relation =
    diff.relation !== 'binding'
      ? '两份文件的制定机关无上下级关系：差异仅供参考，不判定为冲突'
      : diff.relationBasis === 'citation'
        ? `上下级关系：${lo}文件引用${hi}文件（文号或标题）作为制定依据，差异按约束性规定判断`
        : `上下级关系：${hi}文件的制定机关管辖${lo}，差异按约束性规定判断`;
  const coverage = diff.coverage
    ? `<div class="coverage">上级措施覆盖率：<b>${diff.coverage.percent}%</b>（${diff.coverage.covered}/${diff.coverage.total} 项有对应内容）${diff.coverage.summary ? `；${escapeHtml(diff.coverage.summary)}` : ''}</div>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(`文件比对：${diff.a.title} ↔ ${diff.b.title}`)}</title><style>${CSS}</style></head>
<body>
<h1>文件比对报告</h1>
<div class="docs">${docBox(diff.a, '甲')}${docBox(diff.b, '乙')}</div>
<div class="relation">${escapeHtml(relation)}</div>
<div class="counts">${[...counts].map(([t, n]) => `<span>${FINDING_LABEL[t]} ${n}</span>`).join('')}</div>
${coverage}
<h2>发现（${diff.findings.length}）</h2>
${diff.findings.length ? diff.findings.map((f) => findingHtml(f, diff)).join('\n') : '<p>没有发现需要说明的差异。</p>'}
<h2>条款对照（${diff.alignments.length}）</h2>
<table class="pairs"><thead><tr><th>甲：${escapeHtml(diff.a.title)}</th><th>乙：${escapeHtml(diff.b.title)}</th><th class="sim">相似度</th></tr></thead>
<tbody>${diff.alignments.map(alignmentRow).join('\n')}</tbody></table>
</body></html>
`;
}
