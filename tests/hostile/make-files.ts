// Hostile and careless inputs, made in the tests: a zip writer that can lie about sizes, a PDF
// writer with any content stream, an OFD and a DOCX built from paragraphs, and a child process that
// runs extractFile on the built code while sampling its peak RSS.
import { spawn } from 'node:child_process';
import { deflateRawSync, deflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Buffer;
  /** the uncompressed size written in the headers; the true size when absent */
  declared?: number;
  /** the CRC written in the headers; computing a CRC over 100s of MB is slow, and a liar has no need to */
  crc?: number;
}

/** A zip (deflate) with one central directory, as Word writes it, except for sizes it is told to lie about. */
export function makeZip(files: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const comp = deflateRawSync(f.data, { level: 1 });
    const crc = f.crc ?? crc32(f.data);
    const size = f.declared ?? f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += local.length + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DOCX of plain paragraphs: the parts Word needs and mammoth reads. */
export function docxParts(paragraphs: string[]): ZipInput[] {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  return [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) },
  ];
}

export const makeDocx = (paragraphs: string[]) => makeZip(docxParts(paragraphs));

/** An OFD whose pages hold the given lines, one TextObject per line, 16 pt (5.6 mm) type. */
export function makeOfd(pages: string[][], options: { withOfdXml?: boolean } = {}): Buffer {
  const files: ZipInput[] = [];
  if (options.withOfdXml !== false) {
    files.push({ name: 'OFD.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>') });
  }
  const pageList = pages.map((_, i) => `<ofd:Page ID="${10 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  files.push({ name: 'Doc_0/Document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>`) });
  pages.forEach((lines, i) => {
    const size = 5.6;
    const objects = lines
      .map((line, k) => {
        const chars = [...line];
        const indent = k === 0 ? 0 : 2 * size; // GB/T 9704: two characters' indent for a paragraph
        const y = 37 + k * 10;
        return `<ofd:TextObject ID="${100 + k}" Boundary="${27 + indent} ${y} ${chars.length * size} 7" Font="1" Size="${size}"><ofd:TextCode X="0" Y="5.6" DeltaX="g ${Math.max(0, chars.length - 1)} ${size}">${xmlEscape(line)}</ofd:TextCode></ofd:TextObject>`;
      })
      .join('');
    files.push({ name: `Doc_0/Pages/Page_${i}/Content.xml`, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${objects}</ofd:Layer></ofd:Content></ofd:Page>`) });
  });
  return makeZip(files);
}

/**
 * A one-page PDF with the given objects after the catalog, pages and page (objects 4 on), with a
 * correct xref. `content` is the page's content stream (object 4); `streamDict` its extra keys.
 */
export function makePdf(opts: { content: Buffer; streamDict?: string; resources?: string; extra?: Buffer[] }): Buffer {
  const objs: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${opts.resources ?? '<< >>'} >>`),
    Buffer.concat([Buffer.from(`<< /Length ${opts.content.length} ${opts.streamDict ?? ''} >>\nstream\n`), opts.content, Buffer.from('\nendstream')]),
    ...(opts.extra ?? []),
  ];
  return pdfFile(objs, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
}

export const flate = (b: Buffer) => deflateSync(b, { level: 1 });

export interface ChildRun {
  ok: boolean;
  code?: string;
  line?: string;
  ms: number;
  peakRssMb: number;
  text?: string;
  timedOut: boolean;
}

/**
 * extractFile on the built code (dist, as `npm test` builds it) in a child process with a deadline,
 * sampling process.memoryUsage().rss every 10 ms: a hang fails the test instead of hanging it, and a
 * runaway allocation shows in peakRssMb.
 */
export function extractInChild(file: string, timeoutMs = 30_000, maxBytes?: number): Promise<ChildRun> {
  const script = `
    const { extractFile } = await import(${JSON.stringify(path.join(ROOT, 'dist/src/pipeline.js'))});
    let peak = process.memoryUsage().rss;
    const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
    const start = Date.now();
    const r = await extractFile(${JSON.stringify(file)}, ${maxBytes === undefined ? '{}' : `{ maxBytes: ${maxBytes} }`});
    clearInterval(t);
    peak = Math.max(peak, process.memoryUsage().rss);
    const text = r.ok ? (r.result.document.title + '\\n' + r.result.tasks.map((x) => x.text).join('\\n')).slice(0, 4000) : undefined;
    // exit only once the pipe has taken the whole line
    process.stdout.write(JSON.stringify({ ok: r.ok, code: r.code, line: r.line, ms: Date.now() - start, peakRssMb: Math.round(peak / 1048576), text }), () => process.exit(0));
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    let timedOut = false;
    const started = Date.now();
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      try {
        resolve({ ...JSON.parse(out), timedOut });
      } catch {
        resolve({ ok: false, code: `NO_RESULT ${err.slice(0, 300)}`, ms: Date.now() - started, peakRssMb: 0, timedOut });
      }
    });
  });
}

/** A PDF of `pages` pages that all draw one content stream (object 3); `extra` objects are 4, 5, … */
export function makePdfPages(opts: { pages: number; content: Buffer; resources?: string; extra?: Buffer[] }): Buffer {
  const extra = opts.extra ?? [];
  const firstPage = 4 + extra.length;
  const kids = Array.from({ length: opts.pages }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  const objs: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${opts.pages} >>`),
    Buffer.concat([Buffer.from(`<< /Length ${opts.content.length} >>\nstream\n`), opts.content, Buffer.from('\nendstream')]),
    ...extra,
    ...Array.from({ length: opts.pages }, () => Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources ${opts.resources ?? '<< >>'} >>`)),
  ];
  return pdfFile(objs, Buffer.from('%PDF-1.7\n'));
}

/** Numbered objects (the catalogue first), the cross-reference table and the trailer around them. */
function pdfFile(objs: Buffer[], header: Buffer): Buffer {
  const parts: Buffer[] = [header];
  const offsets: number[] = [];
  let pos = header.length;
  objs.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    offsets.push(pos);
    parts.push(b);
    pos += b.length;
  });
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`));
  return Buffer.concat(parts);
}
