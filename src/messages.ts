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
  E_SCANNED: 'PDF 没有文字层（扫描件）：需要先做文字识别（OCR），或向发文单位索取可复制文字的版本',
  E_CORRUPT_PDF: 'PDF 文件已损坏或不完整：请重新下载或向发文单位索取完整文件',
  E_NOT_PDF: '文件扩展名是 .pdf，但内容不是 PDF：请确认文件类型，必要时改为正确的扩展名',
  E_NOT_DOCX: '文件扩展名是 .docx，但不是有效的 Word 文档：请用 Word 或 WPS 重新另存为 .docx',
  E_DOCX_BOMB: 'Word 文档解压后体积异常（疑似压缩炸弹），已拒绝处理：请确认文件来源',
  E_LEGACY_DOC: '这是旧版 Word（.doc）文件：请用 Word 或 WPS 另存为 .docx 后再处理',
  E_UNSUPPORTED: '不支持的文件格式：请提供 PDF、DOCX、TXT 或 HTML 文件',
  E_NO_TEXT: '文件中没有可读的正文：请确认文件内容',
  E_DECODE: '无法识别文本编码：请另存为 UTF-8 编码后再处理',
  E_DOC_NOT_FOUND: '找不到文件或文档编号：请检查路径，或用 --from 指定抽取结果（JSON）目录、用 --db 指定数据库',
  E_NO_DOCUMENTS: '没有找到可比对的文档：请先用 taizhang ingest 存入文件，或用 --from 指定抽取结果（JSON）目录',
  E_INTERNAL: '处理时出现程序错误：请把该文件和这行提示发给维护人员',
  // warnings that ride on a document
  W_PAGES_SKIPPED: '部分页面无法读取，已跳过',
  W_ENCODING_GUESSED: '文本编码为自动识别',
  W_CONTENT_MISMATCH: '文件内容与扩展名不符，已按实际内容读取',
  'deadline-before-issue': '完成时限早于发文日期，请核对',
  'inconsistent-within': '同一文件中同一指标前后不一致，请核对',
  // numbers and dates (issue #12): a limit named by a school term or holiday has no one date
  'deadline-unparsed': '完成时限按学期、节假日或农时表述，未换算成具体日期，请人工核对截止日期',
  // the task store and registers (src/store, src/cli/register.ts, src/cli/store.ts)
  E_STORE_OPEN: '无法打开台账数据库：请检查 --db 路径是否正确、目录是否可写',
  E_STORE_TOO_NEW: '台账数据库由更新版本的 taizhang 创建：请升级 taizhang 后再打开',
  E_NOT_IN_STORE: '台账数据库中没有这个文件：请先用 taizhang ingest 存入，或用 taizhang documents 查看文件编号',
  E_BAD_DATE: '日期格式不对：请写成 2020-06-30 这样的格式',
  E_STORE_MISSING: '找不到台账数据库：请先用 taizhang ingest 存入文件，或用 --db 指定数据库路径',
  E_BAD_RESULT_JSON: '不是 taizhang extract 输出的抽取结果 JSON：请用 taizhang extract 重新生成',
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
  const f = err instanceof ReadFailure ? err : new ReadFailure('E_INTERNAL', err instanceof Error ? err.message.split('\n')[0] : String(err));
  return { code: f.code, line: `${file}: ${f.message} [${f.code}]` };
}
