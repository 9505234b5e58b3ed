// commander speaks English ("Usage:", "error: unknown option…"); staff read Chinese. Every line
// commander itself prints — help headings, default values, parse errors — is given in Chinese here,
// each error with a stable code like every other line (STYLE.md rule 8).
import { Command, Option, Argument, type Help } from 'commander';
import { MESSAGES, oneTerminalLine, type MessageCode } from '../messages.js';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** commander's error codes → ours. */
const ERROR_CODES: Readonly<Record<string, MessageCode>> = {
  'commander.unknownCommand': 'E_UNKNOWN_COMMAND',
  'commander.unknownOption': 'E_UNKNOWN_OPTION',
  'commander.missingArgument': 'E_MISSING_ARGUMENT',
  'commander.missingMandatoryOptionValue': 'E_MISSING_OPTION',
  'commander.optionMissingArgument': 'E_OPTION_NO_VALUE',
  'commander.invalidArgument': 'E_BAD_OPTION_VALUE',
  'commander.excessArguments': 'E_TOO_MANY_ARGUMENTS',
  'commander.conflictingOption': 'E_CONFLICTING_OPTIONS',
};

/** A code a value parser may end its message with (`… [E_BAD_DATE]`) to be reported under it. */
const OWN_CODE = / \[(E_[A-Z_]+)\]$/u;

function shownDefault(value: unknown, description?: string): string {
  if (description) return description;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function withDefault(description: string, value: unknown, valueDescription: string | undefined, show: boolean): string {
  if (!show || value === undefined) return description;
  return `${description}（默认：${shownDefault(value, valueDescription)}）`;
}

/** Characters a terminal draws two columns wide (CJK, full-width forms): help columns line up only if counted so. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex
  for (const c of text.replace(/\x1b\[[0-9;]*m/gu, '')) width += WIDE.test(c) ? 2 : 1;
  return width;
}

/** The Help overrides: Chinese headings, `[选项]` in usage lines, defaults said in Chinese, CJK widths. */
export const CHINESE_HELP: Partial<Help> = {
  displayWidth,
  styleTitle: (title: string) => TITLES[title] ?? title,
  styleUsage: (usage: string) => usage.replace('[options]', '[选项]').replace('[command]', '[命令]'),
  subcommandTerm(this: Help, cmd: Command): string {
    return Object.getPrototypeOf(this).subcommandTerm.call(this, cmd).replace('[options]', '[选项]');
  },
  optionDescription: (option: Option) =>
    withDefault(option.description, option.defaultValue, option.defaultValueDescription, !option.isBoolean() && !option.negate),
  argumentDescription: (argument: Argument) => withDefault(argument.description, argument.defaultValue, argument.defaultValueDescription, true),
};

/** What the English line names: the option, the argument or the command the user typed. */
function subjectOf(english: string): string | undefined {
  return /'([^']+)'/u.exec(english)?.[1];
}

export function chineseError(english: string, commanderCode: string, commandPath: string): { code: MessageCode; line: string } {
  const own = OWN_CODE.exec(english);
  const code = (own?.[1] as MessageCode | undefined) ?? ERROR_CODES[commanderCode] ?? 'E_BAD_OPTION_VALUE';
  const subject = subjectOf(english);
  const suggestion = /Did you mean (.+)\?/u.exec(english)?.[1];
  let text: string;
  if (code === 'E_BAD_OPTION_VALUE' || own) {
    // `error: option '--x <v>' argument 'abc' is invalid. <our Chinese reason>`
    const value = /argument '([^']*)' is invalid/u.exec(english)?.[1] ?? /value '([^']*)' is invalid/u.exec(english)?.[1];
    const reason = (/is invalid\.\s*(.*)$/su.exec(english)?.[1] ?? '').replace(OWN_CODE, '').trim() || MESSAGES.E_BAD_OPTION_VALUE;
    text = `${subject ?? ''} 的取值“${value ?? ''}”不对：${reason}`;
  } else {
    // the name the user typed goes beside what is wrong with it: 没有这个选项“--bogus”：请用…
    const wording: string = MESSAGES[code];
    const cut = wording.indexOf('：');
    const named = subject && code !== 'E_TOO_MANY_ARGUMENTS' ? `“${subject}”` : '';
    text = cut > 0 ? `${wording.slice(0, cut)}${named}${wording.slice(cut)}` : `${wording}${named}`;
  }
  text = text.replace('taizhang <命令>', commandPath.includes(' ') ? commandPath : 'taizhang <命令>');
  if (suggestion) text += `；是不是要用 ${suggestion}？`;
  return { code, line: oneTerminalLine(`${commandPath}: ${text} [${code}]`) };
}

/** A commander Command whose own errors come out as one Chinese line with a code. */
export class ChineseCommand extends Command {
  override createCommand(name?: string): Command {
    return new ChineseCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const names: string[] = [];
    for (let c: Command | null = this; c; c = c.parent) names.unshift(c.name());
    const { line } = chineseError(message, errorOptions?.code ?? 'commander.error', names.join(' '));
    // 2 for every usage error, as for a missing input folder: scripts tell "typed wrong" from "file failed"
    return super.error(line, { ...errorOptions, exitCode: 2 });
  }
}
