// Every message a user can see, once: a stable English code for scripts and one Chinese line that
// says what happened and what to do. The CLI line, the register's 问题清单 sheet and the JSON
// warnings are three views of the same list (STYLE.md rules 8 and 11).
import type { Message, Where } from './model.js';

export const MESSAGES = {
  // reading: a file that cannot be read at all
  E_NOT_FOUND: '找不到文件：请检查路径是否正确',
  E_EMPTY: '文件是空的（0 字节）：请重新导出或重新下载原文件',
  E_TOO_LARGE: '文件过大，超过处理上限：请拆分后再处理，或用 --max-size 调高上限',
  E_ENCRYPTED: 'PDF 已加密，需要密码：请用 --password 提供打开密码',
  E_BAD_PASSWORD: 'PDF 密码不正确：请确认 --password 提供的密码',
  E_SCANNED: '文件是扫描件或图片，没有文字层，且按 --ocr never 没有做文字识别（OCR）：去掉 --ocr never 即可自动识别，或向发文单位索取可复制文字的版本',
  E_CORRUPT_PDF: 'PDF 文件已损坏或不完整：请重新下载或向发文单位索取完整文件',
  E_NOT_PDF: '文件扩展名是 .pdf，但内容不是 PDF：请确认文件类型，必要时改为正确的扩展名',
  E_NOT_DOCX: '文件扩展名是 .docx，但不是有效的 Word 文档：请用 Word 或 WPS 重新另存为 .docx',
  E_DOCX_BOMB: 'Word 文档解压后体积异常（疑似压缩炸弹），已拒绝处理：请确认文件来源',
  E_LEGACY_DOC: '这是旧版 Word（.doc）文件：请用 Word 或 WPS 另存为 .docx 后再处理',
  E_UNSUPPORTED: '不支持的文件格式：请提供 PDF、OFD、DOCX、DOC、TXT 或 HTML 文件',
  E_NO_TEXT: '文件中没有可读的正文：请确认文件内容',
  E_DECODE: '无法识别文本编码：请另存为 UTF-8 编码后再处理',
  E_DOC_NOT_FOUND: '找不到文件或文档编号：请检查路径，或用 --from 指定抽取结果（JSON）目录、用 --db 指定数据库',
  E_NO_DOCUMENTS: '没有找到可比对的文档：请先用 taizhang ingest 存入文件，或用 --from 指定抽取结果（JSON）目录',
  E_INTERNAL: '处理时出现程序错误：请把该文件和这行提示发给维护人员',
  // reading: hostile and careless input, and the size limits of src/read/limits.ts
  E_NOT_REGULAR_FILE: '这不是普通文件（设备、管道或套接字），已拒绝读取：请指定保存在磁盘上的文档文件',
  E_IS_DIRECTORY: '这是一个文件夹，不是文件：请指定文件夹中的文档文件，或用 taizhang run 处理整个文件夹',
  E_UNREADABLE: '没有读取该文件的权限：请检查文件权限，或换有权限的用户运行',
  E_NOT_TEXT: '文件内容不是可读的文字（大量乱码或控制字符）：请确认文件类型，或从原系统重新导出',
  E_TEXT_TOO_LARGE: '文本内容超过处理上限：一份通知不会这么长，请拆分文件后再处理',
  E_HTML_TOO_LARGE: '网页过大或元素过多，超过处理上限：请在浏览器中把网页另存为纯文本（.txt）后再处理',
  E_HTML_TOO_DEEP: '网页标签嵌套层数过多，无法安全读取：请在浏览器中把网页另存为纯文本（.txt）后再处理',
  E_PDF_BOMB: 'PDF 中的压缩数据解压后体积异常（疑似压缩炸弹），已拒绝处理：请确认文件来源，或向发文单位索取正常的 PDF',
  E_TOO_MANY_PAGES: 'PDF 页数超过处理上限：请拆分后再处理',
  E_DOCX_TOO_LARGE: 'Word 文档正文部分超过处理上限：请拆分文档后再处理',
  E_TOO_COMPLEX: '文件结构嵌套过深，超出程序能安全处理的范围：请另存为 PDF 或纯文本后再处理',
  E_DOCX_TOO_DEEP: 'Word 文档中表格套表格的层数过多，无法安全读取：请在 Word 中简化表格后另存，再处理',
  E_CORRUPT_DOC: '旧版 Word（.doc）文件已损坏或无法在限定时间内读取：请用 Word 或 WPS 打开后另存为 .docx 再处理',
  E_NOT_DOC: '文件扩展名是 .doc，但内容不是 Word 文档：请确认文件类型，必要时改为正确的扩展名',
  E_CORRUPT_OFD: 'OFD 文件已损坏或无法读取：请用 OFD 阅读器打开后另存为 PDF 再处理',
  E_OFD_BOMB: 'OFD 文件解压后体积异常（疑似压缩炸弹），已拒绝处理：请确认文件来源',
  E_OFD_NO_TEXT: 'OFD 文件中没有文字（可能是扫描件）：需要先做文字识别（OCR），或向发文单位索取可复制文字的版本',
  W_INVALID_BYTES: '文本中有少量无法识别的字节，已替换为 �，请核对原文相应位置',
  W_LONG_PARAGRAPH_SPLIT: '有段落过长，已在句末拆分后处理',
  W_HTML_FLATTENED: '网页标签嵌套层数过多，已去掉多余层级后读取',
  // warnings that ride on a document
  W_PAGES_SKIPPED: '部分页面无法读取，已跳过',
  W_ENCODING_GUESSED: '文本编码为自动识别',
  W_CONTENT_MISMATCH: '文件内容与扩展名不符，已按实际内容读取',
  // tables: web pages and PDFs
  W_PRIVATE_USE_CHAR: '文中有无法识别的私用区字符（常见于网站自造的小数点等符号），已原样保留：请对照原文核对该处',
  'deadline-before-issue': '完成时限早于发文日期，请核对',
  'inconsistent-within': '同一文件中同一指标前后不一致，请核对',
  // numbers and dates (issue #12): a limit named by a school term or holiday has no one date
  'deadline-unparsed': '完成时限按学期、节假日或农时表述，未换算成具体日期，请人工核对截止日期',
  // the task store and registers (src/store, src/cli/register.ts, src/cli/store.ts)
  E_STORE_OPEN: '无法打开台账数据库：请检查 --db 路径是否正确、目录是否可写',
  E_STORE_TOO_NEW: '台账数据库由更新版本的 taizhang 创建：请升级 taizhang 后再打开',
  E_NOT_IN_STORE: '台账数据库中没有这个文件：请先用 taizhang ingest 存入，或用 taizhang documents 查看文件编号',
  E_BAD_DATE: '日期看不懂：请写成 2020-06-30、2020年6月30日、2020/6/30、6月30日、6月底 或 年底 这样的日期',
  E_STORE_MISSING: '找不到台账数据库：请先用 taizhang ingest 存入文件，或用 --db 指定数据库路径',
  E_BAD_RESULT_JSON: '不是 taizhang extract 输出的抽取结果 JSON：请用 taizhang extract 重新生成',
  // store identity, damaged or read-only stores, bounded search, safe register writers
  E_STORE_CORRUPT: '台账数据库文件已损坏：请从备份恢复该文件，或换一个 --db 路径用 taizhang ingest 重新存入原文件',
  E_STORE_READONLY: '台账数据库只读，无法写入：请检查数据库文件及其所在目录的写权限，或用 --db 指定可写的位置',
  E_STORE_FULL: '磁盘已满，无法写入台账数据库：请清理磁盘空间后重试',
  E_STORE_BUSY: '台账数据库正被其他程序长时间占用：请等其完成后重试',
  W_SEARCH_TRUNCATED: '检索词过多或过长，只用了前面的部分：请减少检索词',
  W_XML_CHARS: '文中有表格文件不允许的控制字符（如 U+FFFE），已在台账中删去：请核对原文该处',
  // structure: warnings the structure stage adds to the document's message list
  'jurisdiction-ambiguous': '地名对应多个行政区，已取第一个，请核对发文机关所在地',
  // batch runs and the command line (src/batch.ts, src/main-job.ts, src/cli.ts)
  E_TIMEOUT: '处理超时，已停止处理该文件：请确认文件是否异常，或用 --file-timeout 调高每个文件的时限（秒）',
  E_OUT_OF_MEMORY: '处理该文件占用的内存超过上限，已停止处理：请拆分文件后再处理，或用 --max-memory 调高上限（MB）',
  E_DISK_FULL: '磁盘已满，无法写出结果：请清理磁盘空间，或换一个输出目录后重新运行',
  E_NOT_WRITABLE: '无法写入这个位置：请确认目录存在且有写权限，或换一个输出目录',
  E_UNKNOWN_COMMAND: '没有这个命令：请用 taizhang --help 查看可用的命令',
  E_UNKNOWN_OPTION: '没有这个选项：请用 taizhang <命令> --help 查看可用的选项',
  E_MISSING_ARGUMENT: '缺少必填的参数：请用 taizhang <命令> --help 查看用法',
  E_MISSING_OPTION: '缺少必填的选项：请用 taizhang <命令> --help 查看用法',
  E_OPTION_NO_VALUE: '选项后面缺少取值：请在选项后写上取值',
  E_BAD_OPTION_VALUE: '选项的取值不对',
  E_TOO_MANY_ARGUMENTS: '参数太多：请用 taizhang <命令> --help 查看用法，多个文件请用该命令支持的写法',
  E_CONFLICTING_OPTIONS: '这两个选项不能同时使用：请只保留其中一个',
  // OCR of scans and photos (issue 13: src/read/ocr*.ts, src/read/image.ts, src/normalize/ocr.ts)
  E_OCR_UNAVAILABLE: '文字识别（OCR）组件无法启动：请确认安装完整（npm 包 tesseract.js 和 @tesseract.js-data/chi_sim），或用 --ocr never 跳过扫描页',
  E_OCR_FAILED: '文字识别（OCR）时出错：请确认图片或扫描件能正常打开，必要时重新扫描后再处理',
  E_OCR_NO_TEXT: '扫描件经文字识别（OCR）后仍没有可读的文字：请确认扫描清晰、页面方向正确，或向发文单位索取可复制文字的版本',
  E_OCR_TOO_MANY_PAGES: '需要文字识别（OCR）的扫描页数超过上限：请拆分文件后再处理',
  E_CORRUPT_IMAGE: '图片文件已损坏或不完整，无法读取：请重新拍照或重新导出图片',
  E_IMAGE_TOO_LARGE: '图片尺寸过大（像素数超过上限），已拒绝处理：请缩小图片（如 A4 纸 300 dpi 约 2500×3500 像素）后再处理',
  W_OCR_USED: '部分页面是扫描图片，已用文字识别（OCR）读取：请对照原件核对关键内容',
  W_OCR_ROTATED: '扫描页方向不正，已旋转后识别',
  'ocr-low-confidence': '该任务的单位、时限或数字是文字识别（OCR）中把握不大的字，请对照原件核对',
  // units: the word lists of responsible bodies in data/ (extractors/unit-data.ts)
  E_UNIT_DATA: '单位词表格式不对，无法加载：请按 extractors/unit-data.ts 中的格式修改该文件后运行 npm run dict',
} as const;

export type MessageCode = keyof typeof MESSAGES;

/** A failure that ends the reading of one file; caught at the batch/CLI edge, never shown as a stack. */
export class ReadFailure extends Error {
  constructor(
    readonly code: MessageCode,
    readonly detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]}（${detail}）` : MESSAGES[code]);
    this.name = 'ReadFailure';
  }
}

export function message(code: MessageCode, severity: Message['severity'], extra?: { detail?: string; taskId?: string; where?: Where }): Message {
  const text = extra?.detail ? `${MESSAGES[code]}：${extra.detail}` : MESSAGES[code];
  return { code, severity, message: text, ...(extra?.taskId ? { taskId: extra.taskId } : {}), ...(extra?.where ? { where: extra.where } : {}) };
}

/** The one line a user sees for a file that failed: file, reason, what to do, and the code for scripts. */
export function failureLine(file: string, err: unknown): { code: MessageCode; line: string } {
  const f = err instanceof ReadFailure ? err : (systemFailure(err) ?? new ReadFailure('E_INTERNAL', err instanceof Error ? err.message.split('\n')[0] : String(err)));
  return { code: f.code, line: oneTerminalLine(`${file}: ${f.message} [${f.code}]`) };
}

/** A full disk can only come from writing: never a program error, whatever was being done. */
const DISK_FULL_ERRNO = new Set(['ENOSPC', 'EDQUOT']);

function systemFailure(err: unknown): ReadFailure | undefined {
  const errno = (err as { code?: unknown } | null)?.code;
  return typeof errno === 'string' && DISK_FULL_ERRNO.has(errno) ? new ReadFailure('E_DISK_FULL') : undefined;
}

/**
 * What went wrong writing `target`: a full disk, or a place that cannot be written (permissions, not
 * a folder). Anything that is not the operating system's answer stays what it was (our bug).
 */
export function writeFailure(err: unknown, target: string): unknown {
  const errno = (err as { code?: unknown } | null)?.code;
  if (err instanceof ReadFailure || typeof errno !== 'string' || !/^E[A-Z]+$/u.test(errno)) return err;
  return new ReadFailure(DISK_FULL_ERRNO.has(errno) ? 'E_DISK_FULL' : 'E_NOT_WRITABLE', target);
}

/**
 * Control characters a file name can carry (ESC sequences that recolour or rewrite the terminal,
 * C1 controls, bidi overrides that reorder what is shown) — shown as visible \xNN / \u{…} escapes.
 * Newlines are kept only where `keepNewlines` says a printed block has several lines.
 */
const TERMINAL_UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const TERMINAL_UNSAFE_IN_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

function visibleEscape(c: string): string {
  const n = c.codePointAt(0)!;
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0').toUpperCase()}` : `\\u{${n.toString(16).toUpperCase()}}`;
}

/** A line safe to print: no control character from a file name reaches the terminal (tab stays). */
export function oneTerminalLine(line: string): string {
  return line.replace(TERMINAL_UNSAFE_IN_LINE, visibleEscape);
}

/** Same, for a printed block of several lines: newlines stay. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE_IN_BLOCK, visibleEscape);
}
