// Excel refuses a workbook whose sheet names break its rules, and says only that the file is
// damaged. The rules: at most 31 characters, none of []:*?/\, not starting or ending with an
// apostrophe, not "History", and unique regardless of letter case.
export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/gu;
const RESERVED = ['history'];

/** Replace what Excel forbids and cut to length, keeping the suffix ("… 牵头") whole. */
export function sanitizeSheetName(name: string, suffix = ''): string {
  const clean = (s: string) => s.replace(FORBIDDEN, '_').replace(/[\r\n\t]/gu, ' ');
  const tail = clean(suffix);
  let head = clean(name).trim();
  const room = SHEET_NAME_MAX - [...tail].length;
  if ([...head].length > room) head = [...head].slice(0, Math.max(room - 1, 0)).join('') + '…';
  head = head.replace(/^'+|'+$/gu, '').trim();
  if (head === '' || RESERVED.includes(head.toLowerCase())) head = '工作表';
  const out = `${head}${tail}`.replace(/'+$/gu, '').trim();
  return out;
}

/** Hands out sheet names that are legal and unique; a clash gets "(2)", "(3)"… within 31 characters. */
export class SheetNamer {
  private readonly taken = new Set<string>();

  constructor(reserved: string[] = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  name(wanted: string, suffix = ''): string {
    let candidate = sanitizeSheetName(wanted, suffix);
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) {
      candidate = sanitizeSheetName(wanted, `${suffix}(${n})`);
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
