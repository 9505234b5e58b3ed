// Every message a user can see, once: a stable English code for scripts and one Chinese line that
// says what happened and what to do. The CLI line, the register's 问题清单 sheet, the JSON warnings
// and compare's findings are views of the same list (STYLE.md rules 8 and 11).
//
// One table, three kinds of code, told by their spelling (`codeKind`):
// - E_…         failure: the file (or the command) could not be handled; a CLI line and exit code.
// - W_…         notice: a file was handled, with a caveat about the file or the run itself
//               (bytes replaced, pages skipped, a search cut short).
// - kebab-case  finding: something the document's content says that staff should check
//               (deadline-before-issue); in ExtractResult.warnings[] (OUTPUT.md's example) and,
//               for two documents, as compare's Finding.code (conflict, weakened…).
// tests/messages.test.ts checks every code used anywhere is declared here and every declared one used.
import type { Message, Where } from './model.js';

export type CodeKind = 'failure' | 'notice' | 'finding';
const CODE_SPELLING: Readonly<Record<CodeKind, RegExp>> = {
  failure: /^E_[A-Z0-9]+(?:_[A-Z0-9]+)*$/u,
  notice: /^W_[A-Z0-9]+(?:_[A-Z0-9]+)*$/u,
  finding: /^[a-z]+(?:-[a-z]+)*$/u,
};

/** What kind of code this is, by its spelling; null for a string no code may be. */
export function codeKind(code: string): CodeKind | null {
  for (const [kind, re] of Object.entries(CODE_SPELLING) as [CodeKind, RegExp][]) if (re.test(code)) return kind;
  return null;
}

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
  // 成文日期 read by OCR, most often under the seal (src/structure/signature-date.ts)
  'signature-date-doubtful': '扫描件的成文日期与版记的印发日期对不上，多半是印章下的数字认错了：请对照原件填写成文日期',
  'signature-date-unsure': '扫描件的成文日期压在印章下，文字识别没有把握：请对照原件核对成文日期',
  'signature-date-unread': '扫描件的成文日期（多半压在印章下）没有认清，成文日期已留空：请对照原件填写',
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
  // the word lists in data/ (src/lexicon/word-lists.ts)
  E_UNIT_DATA: '词表格式不对，无法加载：请按 src/lexicon/word-lists.ts 中的格式修改该文件后运行 npm run dict',
  // the web app (src/web/, taizhang serve / users)
  E_WEB_NEEDS_AUTH: '监听本机以外的地址时必须开启登录：请加上 --auth（先用 taizhang users add 添加账号），或去掉 --host 只在本机使用',
  E_WEB_NO_USERS: '开启了登录（--auth），但数据库里还没有账号：请先用 taizhang users add 姓名 --admin 添加管理员账号',
  E_WEB_PORT_IN_USE: '端口已被占用，网页服务无法启动：请用 --port 换一个端口，或先关闭占用该端口的程序',
  E_WEB_UPLOAD_TOO_LARGE: '上传的文件超过大小上限：请拆分后再上传，或请管理员用 --max-upload 调高上限（MB）',
  E_WEB_NO_FILE: '没有收到文件：请选择要上传的文件（表单字段 file）后再提交',
  E_WEB_NOT_FOUND: '找不到这个文档、任务或上传记录：请刷新页面后重试，或检查编号是否正确',
  E_WEB_BAD_UPDATE: '修改的内容不对：状态只能是 未开始、推进中、已完成、申请销号、已销号、滞后 之一，完成时间写成 2020-06-30',
  E_WEB_BAD_REQUEST: '请求的格式不对（常见原因：网址中的中文没有编码）：请在网页中操作，或让调用程序先对网址参数做 URL 编码（如 encodeURIComponent）再发送',
  E_WEB_BAD_QUERY: '查询条件不对：日期请写成 2020-06-30，月份写成 2020-06，页码和天数写正整数',
  E_WEB_LOGIN_REQUIRED: '请先登录：用管理员分配的账号和密码登录后再操作',
  E_WEB_BAD_LOGIN: '账号或密码不对：请重新输入，连续输错多次账号会被暂时锁定',
  E_WEB_LOCKED: '登录失败次数过多，该账号已暂时锁定：请 15 分钟后再试，或请管理员协助',
  E_WEB_CSRF: '页面的安全令牌缺失或已过期：请刷新页面后再操作',
  E_WEB_FORBIDDEN: '没有权限：这项操作只有管理员账号可以进行',
  E_WEB_NO_TRACKING: '这个数据库还不能记录任务进展：请升级 taizhang 后再试',
  E_WEB_BAD_USER: '账号名或密码不符合要求：账号名 1 到 32 个字（不含空格），密码至少 8 位',
  E_WEB_USER_EXISTS: '这个账号名已经存在：请换一个账号名，或用 --reset 重设它的密码',
  // PostgreSQL store and the job queue (src/store/postgres*.ts, src/queue/, src/cli/queue.ts)
  E_PG_CONNECT: '无法连接 PostgreSQL 台账数据库：请检查 --db 地址中的主机、端口、用户名、密码和库名，并确认数据库服务已启动',
  E_QUEUE_NEEDS_PG: '任务队列需要 PostgreSQL 数据库：请用 --db postgres://用户:密码@主机/库名（或环境变量 TAIZHANG_DB）指定',
  E_QUEUE_FILE_MISSING: '队列中的文件内容在数据库中找不到：请用 taizhang ingest --queue 重新加入该文件',
  E_QUEUE_GAVE_UP: '该文件多次处理都没有完成（进程退出或数据库出错），已停止重试：请检查该文件后用 taizhang ingest --queue 重新加入',
  // tracking: the living 台账 (src/track, src/cli/track.ts): import of returned workbooks, due, calendar, report
  E_TRACK_NO_HEADER: '找不到台账表头（至少要有“工作任务”或隐藏的“任务键”列，以及“状态”或“进展情况”列）：请在 taizhang register --format xlsx 导出的表格上填报，不要删改表头',
  E_TRACK_BAD_STATUS: '状态填写不对，本格未导入（同行其他格照常导入）：请填 未开始、推进中、已完成、申请销号、已销号、滞后 之一',
  E_TRACK_BAD_DATE: '完成时间看不懂，本格未导入（同行其他格照常导入）：请写成 2020-06-30 或 2020年6月30日，或使用 Excel 日期格式',
  E_TRACK_UNMATCHED_ROW: '这一行对不上台账中的任务（任务键和任务内容都找不到），未导入：请不要改动隐藏的“任务键”列，或保留原任务内容',
  E_TRACK_CONFLICT: '与其他单位此前填报的内容不一致，已保留原值并记为冲突：请用 taizhang conflicts-track 查看，再用 --take 选定',
  E_TRACK_TEXT_PROPOSED: '任务内容被改动，已记为修改建议，不覆盖通知原文：请用 taizhang conflicts-track 查看',
  E_TRACK_NO_CONFLICT: '没有这条未处理的冲突：请用 taizhang conflicts-track 查看冲突编号',
  E_TRACK_NO_KEY: '台账中没有这个任务键：请用 taizhang due 或导出的台账查看任务键',
  E_TRACK_BAD_WITHIN: '时长看不懂：请写成 30d、2w、3m 或 30天 这样的时长',
  E_TRACK_NOT_XLSX: '不是可读的 Excel 工作簿（.xlsx）：请用 Excel 或 WPS 另存为 .xlsx 后再导入',
  E_TRACK_NOTHING: '台账数据库中还没有计划类文件的任务：请先用 taizhang ingest 存入实施方案等文件',
  E_TRACK_BAD_FORMAT: '输出格式看不懂：请用 .xlsx 或 .md 结尾的文件名，或用 --format 指定',
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
  // compare (src/compare/): what a finding about two documents (or one) says; its reason, worded by
  // REASONS below, follows the colon. deadline-before-issue and inconsistent-within are above.
  conflict: '与上级要求冲突',
  weakened: '下级要求的措辞弱于上级要求，请核对',
  conditional: '是否冲突取决于上级条款的适用范围，请核实',
  uncovered: '上级部署的措施在下级方案中没有对应内容，请核对',
  superseded: '文件已被新文件替代',
  informational: '两份文件无上下级关系，仅供参考',
  compliant: '严于上级要求，符合上级规定',
  consistent: '与上级要求一致',
  equivalent: '与上级要求是同一标准，只是写法不同',
} as const;

// ---- compare: the one-sentence reasons findings carry --------------------------------------------
// Every sentence names both sides and the compared words, so a reader can check it against the two
// clauses without the tool. A finding's message is its code's line above, a colon, and this reason.

export interface Names {
  /** the lower (or a's) side as officials name it: 本溪县 */
  lower: string;
  /** the higher side's level label: 省级 */
  higher: string;
}

export const REASONS = {
  belowMinimum: (n: Names, low: string, high: string) => `${n.lower}要求${low}，低于${n.higher}${high}的要求`,
  aboveMaximum: (n: Names, low: string, high: string) => `${n.lower}规定${low}，超出${n.higher}${high}的上限`,
  differsFromStandard: (n: Names, low: string, high: string) => `${n.lower}规定${low}，与${n.higher}规定的${high}不一致`,
  stricter: (n: Names, low: string, high: string) => `${n.lower}要求${low}，严于${n.higher}${high}的要求，符合上级规定`,
  same: (n: Names, low: string) => `${n.lower}与${n.higher}要求一致：${low}`,
  sameInOtherUnits: (n: Names, low: string, high: string) =>
    `${n.lower}的${low}与${n.higher}的${high}是同一标准，只是单位写法不同`,
  conditional: (n: Names, scope: string, clash: string) => {
    // A county is (or is not) a 贫困县 itself, but has (or has not) 深度贫困村 inside it.
    const verb = /(?:村|乡镇)$/u.test(scope) ? '有' : '属于';
    return `${n.higher}条款只适用于“${scope}”：若${n.lower}${verb}${scope}，则${clash}，请核实${n.lower}是否${verb}${scope}`;
  },
  laterDue: (n: Names, low: string, high: string) => `${n.lower}要求${low}，晚于${n.higher}要求的${high}`,
  earlierDue: (n: Names, low: string, high: string) => `${n.lower}要求${low}，早于${n.higher}要求的${high}，符合上级规定`,
  sameDue: (n: Names, low: string) => `${n.lower}与${n.higher}的完成时限一致：${low}`,
  rarer: (n: Names, low: string, high: string) => `${n.lower}要求${low}，频次低于${n.higher}${high}的要求`,
  moreOften: (n: Names, low: string, high: string) => `${n.lower}要求${low}，频次高于${n.higher}${high}的要求，符合上级规定`,
  sameFrequency: (n: Names, low: string) => `${n.lower}与${n.higher}的频次要求一致：${low}`,
  unrelated: (a: string, low: string, b: string, high: string, same: boolean) =>
    `${a}与${b}无上下级关系，仅供参考：${a}为${low}，${b}为${high}${same ? '，两者相同' : '，两者不同'}`,
  samePlace: (place: string, a: string, low: string, b: string, high: string, same: boolean) =>
    `同为${place}的文件，仅供参考：${a}为${low}，${b}为${high}${same ? '，两者相同' : '，两者不同'}`,
  inconsistentWithin: (title: string, x: string, y: string) => `《${title}》中同一指标前后不一致：一处为${x}，另一处为${y}`,
  deadlineBeforeIssue: (title: string, due: string, issued: string) =>
    `《${title}》要求${due}，早于发文日期${issued}，请核对时限是否有误`,
  uncovered: (lower: string, higher: string) => `${lower}方案中没有找到与这项${higher}措施对应的内容`,
  uncoveredNearest: (lower: string, higher: string, nearest: string, score: number, threshold: number) =>
    `${lower}方案中没有找到与这项${higher}措施对应的内容（最接近的是 ${nearest}，相似度 ${score.toFixed(2)}，低于 ${threshold.toFixed(2)}）`,
  reported: (title: string, reported: string, other: string, theirs: string, same: boolean) =>
    `《${title}》载明${reported}，${other}为${theirs}，${same ? '两者相同' : '两者不同'}；通报、快报所载数据仅供参考，不作为要求`,
  coverageSummary: (total: number, covered: number) => `上级部署的 ${total} 项任务中，本方案覆盖 ${covered} 项`,
  superseded: (older: string, newer: string, basis: string) => `《${older}》已被《${newer}》替代（${basis}）`,
  // compare: duty words (strength.ts)
  weakenedWord: (n: Names, high: string, low: string, what: string) => `${n.lower}将${n.higher}要求中的“${high}”改为“${low}”，${what}减弱`,
  droppedWord: (n: Names, high: string, what: string) => `${n.lower}删去了${n.higher}要求中的“${high}”，${what}减弱`,
  strengthenedWord: (n: Names, high: string, low: string) => `${n.lower}将${n.higher}要求中的“${high}”改为“${low}”，严于上级要求，符合上级规定`,
  addedWord: (n: Names, low: string) => `${n.lower}在${n.higher}要求上增加了“${low}”，严于上级要求，符合上级规定`,
  addedLimit: (n: Names, low: string, what: string) => `${n.lower}在${n.higher}要求上增加了“${low}”，${what}减弱`,
  droppedLimit: (n: Names, high: string) => `${n.lower}删去了${n.higher}要求中的“${high}”，严于上级要求，符合上级规定`,
  listNarrowed: (n: Names, item: string, highCount: number, lowCount: number) =>
    `${n.higher}列出${highCount}项，${n.lower}只列${lowCount}项，未列入“${item}”，适用范围缩小`,
} as const;

export type MessageCode = keyof typeof MESSAGES;

/**
 * A code's line for one situation of the command line, where the general "what to do" would mislead:
 * the same code, a more exact remedy. Printed as "who: line [CODE]".
 */
export const SITUATIONS = {
  extractManyFiles: { code: 'E_TOO_MANY_ARGUMENTS', line: '参数太多：一次抽取多个文件时，请用 --out <目录> 指定输出目录' },
  nothingToRun: { code: 'E_NOT_FOUND', line: '没有找到可处理的文件（PDF、DOCX、DOC、TXT、HTML）：请检查路径，或把文件放进这个目录' },
} as const satisfies Record<string, { code: MessageCode; line: string }>;

/** "who: line [CODE]" for one of the SITUATIONS. */
export function situationLine(who: string, s: keyof typeof SITUATIONS): string {
  return oneTerminalLine(`${who}: ${SITUATIONS[s].line} [${SITUATIONS[s].code}]`);
}

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
