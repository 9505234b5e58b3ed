// Page furniture that extraction leaves in the text: page numbers in their official-document
// forms (GB/T 9704 §7.5: "— 3 —" in the footer) and the usual others.
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
