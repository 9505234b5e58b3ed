// Page furniture that extraction leaves in the text. The test itself is in the lexicon: the PDF
// reader drops page numbers while it lays out lines, normalize drops those other readers keep.
export { isPageNumberLine } from '../lexicon/lines.js';
