// Is this page a plan at all? Portals publish, next to the notices that assign work, pages that
// only talk about them: 解读 (explanations of a policy, 答记者问), personnel notices (任免, 任职),
// news items, budget disclosures and 公示 of results. Their sentences read like measures ("要加强…")
// but assign nothing, so no task may come from them. Decided from the title's own words and the
// 文种, never per site or per file.
import type { DocType } from '../model.js';

export type DocKind = 'plan' | 'explanation' | 'personnel' | 'news' | 'disclosure' | 'amendment';

/** Title words → kind, first match wins. Each pattern is a sign that holds whatever the issuer. */
const TITLE_SIGNS: [RegExp, Exclude<DocKind, 'plan'>][] = [
  // "解读《…》", "《…》解读", "…政策解读", "…答记者问", "图解：…", "一图读懂…"
  [/^(?:政策)?解读|》\s*(?:政策)?解读|的解读$|政策解读|答记者问|新闻发布会|^图解|一图(?:读|看)懂/u, 'explanation'],
  // "关于李某同志职务任免的通知", "关于袁某等同志任职的通知", "关于免去…职务的通知", "任命…为…"
  [/同志.{0,8}(?:任免|任职|免职|职务)|(?:职务)?任免(?:的)?(?:通知|决定)|免去.{0,30}职务|^.{0,20}任命.{0,30}为/u, 'personnel'],
  // a decision that rewrites or repeals a regulation: its items are new wording ("将第六条修改为：…")
  [/关于(?:修改|废止|修订)(?:和废止)?《[^》]+》(?:等[^的]{0,12})?的决定$/u, 'amendment'],
  // budget and final-account disclosures: "某局2020年部门预算", "…决算公开"
  [/(?:部门|单位)?(?:预算|决算)(?:公开|说明|情况说明|报告)?$/u, 'disclosure'],
  // "…许可结果公示（第三批）", "…名单公示"
  [/公示(?:[（(][^）)]*[）)])?$/u, 'disclosure'],
];

/** A report of what happened rather than a document: no 关于 and a news verb ("某委发布节日消费提示"). */
const NEWS_VERBS = /发布|召开|举行|举办|出席|会见|调研|视察|走访|座谈|启动仪式|签约/u;

export function documentKind(title: string, docType: DocType): DocKind {
  const t = title.replace(/\s+/gu, '');
  for (const [re, kind] of TITLE_SIGNS) if (re.test(t)) return kind;
  if (docType === '其他' && !/关于/u.test(t) && NEWS_VERBS.test(t)) return 'news';
  return 'plan';
}
