// Line tests shared by readers and normalize: is this line a page number, a site's control, the
// start of a new element? They sit below both stages so that a reader never imports normalize
// (read → normalize → structure → extract; an earlier stage imports no later one).
import type { Block } from '../model.js';

// ---- page furniture -------------------------------------------------------------------------------
// page numbers in their official-document forms (GB/T 9704 §7.5: "— 3 —" in the footer) and the
// usual others
const PAGE_NUMBER_FORMS: RegExp[] = [
  /^[—–\-－―─]{1,2}\s*\d{1,4}\s*[—–\-－―─]{1,2}$/u, // — 3 —, - 3 -
  /^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/u, // 第3页, 第3页 共9页
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u, // 3/9
  /^[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/u,
  /^\d{1,3}$/u, // a bare number alone on a line
];

export function isPageNumberLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 16 && PAGE_NUMBER_FORMS.some((re) => re.test(t));
}

// what a browser prints in the page margins when a web page is saved as PDF (Chrome, Edge, Firefox,
// Safari alike): the time of printing, the page's address and a page counter; the page's title
// stands beside one of them
const PRINT_STAMP_FORMS: string[] = [
  // 12/2/26, 12:59 AM · 2026/12/2 00:59 · 2026-12-02 上午9:05 · 2026年12月2日 09:05
  String.raw`\d{1,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,4}\s*日?\s*[,，]?\s*(?:上午|下午|星期[一二三四五六日天])?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s*[Mm]\.?)?`,
  String.raw`(?:https?|file|ftp):\/\/\S+|www\.\S+|about:blank`,
  String.raw`\d{1,4}\s*(?:[/／]|of|共)\s*\d{1,4}\s*页?`,
];
const PRINT_STAMP = new RegExp(`^(?:${PRINT_STAMP_FORMS.join('|')})$`, 'iu');
/** A stamp at either end of a printed row, the page's title beside it on the same line. */
const PRINT_STAMP_AT_EDGE = new RegExp(`^(?:${PRINT_STAMP_FORMS.join('|')})\\s|\\s(?:${PRINT_STAMP_FORMS.join('|')})$`, 'iu');

/** A line a browser prints in the page margin: the print time, the page's URL, "2/5", "2 of 5". */
export function isPrintStamp(line: string): boolean {
  return PRINT_STAMP.test(line.trim());
}

/** A printed margin row: a stamp alone, or one at either end with the page's title beside it. */
export function holdsPrintStamp(line: string): boolean {
  const t = line.trim();
  return isPrintStamp(t) || (t.length <= 400 && PRINT_STAMP_AT_EDGE.test(t));
}

// ---- the start of a new element --------------------------------------------------------------------
/** Lines that start something new: headings, labels, list items, dates, responsibility lines. */
const STARTS_NEW: RegExp[] = [
  /^[一二三四五六七八九十百]+[、．.]/u,
  /^[(（][一二三四五六七八九十\d]+[)）]/u,
  /^\d{1,2}\s*[、．.](?!\d)/u,
  /^[①-⑳]/u,
  /^第[一二三四五六七八九十百\d]+[章节条部分期]/u,
  /^附\s*件/u,
  /^——/u,
  /^[-•·]\s/u,
  /^[\u4e00-\u9fa5]{1,8}\s*[:：]/u,
  /^[(（]\s*(责任|牵头|配合|参与|协办)/u,
  /^关于/u,
  /^(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/u,
  /^[二〇○零一]{4}年/u,
];

export function startsNew(text: string): boolean {
  return STARTS_NEW.some((re) => re.test(text.trim()));
}

/**
 * Two blocks of a text layer set in different type sizes are two elements (a title over its first
 * paragraph, a web page's title over its article): one paragraph or one title keeps its size over
 * a line break. OCR'd sizes are estimates from line heights and say nothing of the kind.
 */
export function setInOtherSize(a: Block, b: Block): boolean {
  const x = a.style?.fontSize;
  const y = b.style?.fontSize;
  return x !== undefined && y !== undefined && a.source !== 'ocr' && b.source !== 'ocr' && Math.abs(x - y) > 0.5;
}

// ---- a web site's own lines ------------------------------------------------------------------------
/** "当前位置：", "您的位置": the label a site sets before its path to the article. */
export const LOCATION_LABEL = /^(?:当前位置|您的位置|你的位置|所在位置)\s*[:：]?\s*/u;

/** "首页 > 滚动资讯 > 正文", "当前位置：首页 » 政务公开 » …" */
export function isBreadcrumb(line: string): boolean {
  const t = line.trim();
  return t.length <= 80 && /(首页|主页|网站首页)/u.test(t) && /\s*[>›»＞→]\s*/u.test(t) && !/[。；]/u.test(t);
}

/**
 * The page's download list of the attachments' files ("附件下载：1.名单.docx 2.分解表.xlsx"): file
 * names, not the document's 附件 line ("附件：XX实施方案"), which names the attachment itself.
 */
const DOWNLOAD_LIST = /^(?:附件下载|相关附件|下载附件|附件\s*[:：][^。；]*\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar)\b)/iu;

/** The heads of a portal's lists of other pages beside the article. */
const RELATED_HEADS = '相关解读|相关链接|相关文件|相关阅读|相关文章|相关新闻';
const RELATED_HEAD = new RegExp(String.raw`^[【\[]?\s*(?:${RELATED_HEADS})\s*[】\]]?\s*[:：]?$`, 'u');

/**
 * A portal's own lines around the article: links to its 解读, the 信息公开 record fields (公开方式,
 * 索引号, 浏览次数), the font-size control in brackets. Each names the site's record, never
 * a measure; "（此件主动公开）" inside the notice is the notice's 版记 and is not one of them.
 */
const PORTAL_LINE = new RegExp(String.raw`^[【\[]?\s*(?:${RELATED_HEADS}|政策解读|图解|公开方式|公开范围|公开属性|公开形式|索引号|信息索引号|浏览次数|访问次数|点击数|阅读次数|字体|字号|【?\s*打印)\s*[:：]`, 'u');

/** The head of such a list on a line of its own: "相关阅读", "【相关链接】". */
export function isRelatedListHead(line: string): boolean {
  return RELATED_HEAD.test(line.trim());
}

/** The controls row at the article's end, written as one line: "打印本页 关闭窗口", "【打印】【关闭】". */
const CONTROL_WORDS = /^(?:[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享|纠错|我要纠错|扫一扫|字号|大|中|小|默认)\s*[】\]]?\s*[|｜]?\s*)+$/u;

/**
 * Reader controls and share widgets that survive as text: "字号：大 中 小", "分享到：", "35.1K",
 * "扫一扫在手机打开当前页", the attachments' download list, and the portal's record lines.
 */
export function isSiteControl(line: string): boolean {
  const t = line.trim();
  return (
    PORTAL_LINE.test(t) ||
    // one entry of the download list: "2.附件2农贸市场经营管理规范（大纲）.pdf"
    (t.length <= 80 && /\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar|jpe?g|png)$/iu.test(t)) ||
    CONTROL_WORDS.test(t) ||
    // "打印" alone or in brackets is the control; "打印机…" is a word of the text
    /^(?:分享到|分享至|打印本页|关闭窗口)/u.test(t) ||
    /^(?:手机)?扫一扫(?:在手机(?:上)?(?:打开|浏览|查看)当前页|分享)?$/u.test(t) ||
    DOWNLOAD_LIST.test(t) ||
    // the path's label left on a line of its own (the path itself laid out apart from it)
    (LOCATION_LABEL.test(t) && t.replace(LOCATION_LABEL, '') === '') ||
    /^\d+(\.\d+)?\s*[KkMmWw万]?$/u.test(t) ||
    /^字号\s*[:：]/u.test(t)
  );
}

/** The labels of a portal's 信息公开 record (read for its facts before the article is taken). */
export const RECORD_LABEL = /^(?:索引号|信息索引号|发文机关|发布机构|发文单位|文号|发文字号|主题分类|组配分类|体裁分类|服务对象|成文日期|发布日期|生效日期|废止日期|公开方式|公开范围|有效性|时效性|名称|标题|信息来源|关键词|主题词|信息名称|所属机构)$/u;

/**
 * A row of the portal's 信息公开 record table: "索 引 号: 0145…" cells, or label cells followed by
 * their values ("索引号 | 1136… | 发布机构 | …"). It describes the page, it is no table of the document.
 */
export function isRecordRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (!filled.length) return false;
  const label = (c: string) => RECORD_LABEL.test(c.replace(/[\s:：]+/gu, ''));
  const labelled = filled.every((c) => { const m = /^([^:：]{1,12})[:：]/u.exec(c); return m !== null && label(m[1]); });
  const alternating = filled.length % 2 === 0 && filled.every((c, i) => i % 2 === 1 || label(c));
  return labelled || alternating;
}
