// Messages the compare commands show, in the project's form: a stable code for scripts and one
// Chinese line saying what to do. (To be folded into src/messages.ts by its owner.)
export const COMPARE_MESSAGES = {
  E_NOT_FOUND: '找不到文件或文档编号：请检查路径，或用 --from 指定抽取结果（JSON）目录、用 --db 指定数据库',
  E_BAD_EXTRACT_JSON: 'JSON 文件不是 taizhang extract 的输出：请用 taizhang extract 重新生成',
  E_NO_DOCUMENTS: '没有找到可比对的文档：请先用 taizhang ingest 存入文件，或用 --from 指定抽取结果（JSON）目录',
} as const;

export type CompareMessageCode = keyof typeof COMPARE_MESSAGES;

export class CompareInputError extends Error {
  constructor(
    readonly code: CompareMessageCode,
    readonly subject: string,
  ) {
    super(`${subject}: ${COMPARE_MESSAGES[code]} [${code}]`);
    this.name = 'CompareInputError';
  }
}
