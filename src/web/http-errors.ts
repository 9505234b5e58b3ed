// Every refusal of the web app is one JSON object `{code, message}`: the stable code for other
// office systems and one Chinese line for the person at the page (STYLE.md rule 8).
import { MESSAGES, type MessageCode } from '../messages.js';

export class WebError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    /** a line already made (the reader's own line for a file), else MESSAGES[code] with the detail */
    readonly line?: string,
  ) {
    super(line ?? MESSAGES[code]);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
}

/** The body of a refusal: the line, else the message of the code with what it is about. */
export function errorBody(code: MessageCode, detail?: string, line?: string): ErrorBody {
  return { code, message: line ?? (detail ? `${detail}：${MESSAGES[code]} [${code}]` : `${MESSAGES[code]} [${code}]`) };
}

export const notFound = (what: string) => new WebError(404, 'E_WEB_NOT_FOUND', `${what}：${MESSAGES.E_WEB_NOT_FOUND} [E_WEB_NOT_FOUND]`);
export const badQuery = (what: string) => new WebError(400, 'E_WEB_BAD_QUERY', `${what}：${MESSAGES.E_WEB_BAD_QUERY} [E_WEB_BAD_QUERY]`);
