import { deflateSync } from 'node:zlib';

/**
 * Packs the small objects of a PDF that pdfkit wrote into compressed object streams (ISO 32000-1 §7.5.7),
 * with a cross-reference stream (§7.5.8) in place of the xref table. A tagged report has an object per
 * structure element, link annotation and action — thousands of uncompressed dictionaries of ~60 bytes
 * each, which doubled the file; packed, they take a tenth of that. PDF/A-2 allows both kinds of stream.
 *
 * pdfkit writes `N 0 obj … endobj` objects in the order it ends them, an xref table that gives each
 * object's offset, and a trailer; this reads exactly that form and refuses anything else.
 */

/** Objects per object stream: large enough to compress well, small enough for a reader to load lazily. */
const PER_STREAM = 200;

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

interface Parsed {
  readonly header: Uint8Array;
  /** Object bodies by number (1-based), without `N 0 obj\n` and `endobj\n`. */
  readonly bodies: Uint8Array[];
  readonly trailer: string;
}

function parse(pdf: Uint8Array): Parsed {
  const tail = latin1(pdf, Math.max(0, pdf.length - 64));
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
  if (!Number.isInteger(start)) throw new Error('report: PDF has no startxref to compact');
  const table = latin1(pdf, start);
  const head = /^xref\n0 (\d+)\n/.exec(table);
  if (!head) throw new Error('report: PDF has no classic xref table to compact');
  const count = Number(head[1]);
  const offsets: number[] = [];
  const rows = table.slice(head[0].length, head[0].length + count * 20);
  for (let i = 1; i < count; i++) offsets.push(Number(rows.slice(i * 20, i * 20 + 10)));
  const trailer = /trailer\n(<<[\s\S]*>>)\nstartxref/.exec(table)?.[1];
  if (trailer === undefined) throw new Error('report: PDF has no trailer to compact');
  // pdfkit writes objects in the order it ends them, not by number.
  const sorted = [...offsets].sort((a, b) => a - b);
  const ends = new Map(sorted.map((offset, k) => [offset, sorted[k + 1] ?? start]));
  const bodies = offsets.map((offset, i) => {
    const end = ends.get(offset) ?? start;
    const prefix = `${i + 1} 0 obj\n`;
    if (latin1(pdf, offset, offset + prefix.length) !== prefix)
      throw new Error(`report: PDF object ${i + 1} misplaced`);
    const suffix = 'endobj\n';
    if (latin1(pdf, end - suffix.length, end) !== suffix) throw new Error(`report: PDF object ${i + 1} unterminated`);
    return pdf.subarray(offset + prefix.length, end - suffix.length);
  });
  const first = sorted[0] ?? start;
  return { header: pdf.subarray(0, first), bodies, trailer };
}

const isStream = (body: Uint8Array) => latin1(body, Math.max(0, body.length - 11)).endsWith('endstream\n');

/** `/Root 3 0 R`, `/Info 9 0 R` and the `/ID` pair of the trailer, kept for the xref stream. */
function trailerEntries(trailer: string): string {
  const root = /\/Root (\d+ 0 R)/.exec(trailer)?.[1];
  const info = /\/Info (\d+ 0 R)/.exec(trailer)?.[1];
  const id = /\/ID (\[[^\]]*\])/.exec(trailer)?.[1];
  if (!root || !id || /\/Encrypt/.test(trailer)) throw new Error('report: PDF trailer not as expected');
  return `/Root ${root}${info ? ` /Info ${info}` : ''} /ID ${id}`;
}

/** The same document, its non-stream objects in object streams, with a cross-reference stream. */
export function compactPdf(pdf: Uint8Array): Uint8Array {
  const { header, bodies, trailer } = parse(pdf);
  const chunks: Uint8Array[] = [header];
  let offset = header.length;
  const write = (data: Uint8Array | string) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    chunks.push(bytes);
    offset += bytes.length;
  };
  // Per object number: [type, field2, field3] of its cross-reference entry.
  const entries: [number, number, number][] = [[0, 0, 65535]];
  const packed: number[] = [];
  bodies.forEach((body, i) => {
    if (!isStream(body)) {
      packed.push(i + 1);
      entries.push([2, 0, 0]);
      return;
    }
    entries.push([1, offset, 0]);
    write(`${i + 1} 0 obj\n`);
    write(body);
    write('endobj\n');
  });
  let next = bodies.length + 1;
  for (let from = 0; from < packed.length; from += PER_STREAM) {
    const numbers = packed.slice(from, from + PER_STREAM);
    const stream = next++;
    let index = '';
    const parts: Uint8Array[] = [];
    let position = 0;
    numbers.forEach((number, k) => {
      const body = bodies[number - 1] as Uint8Array;
      index += `${number} ${position} `;
      parts.push(body);
      position += body.length;
      entries[number] = [2, stream, k];
    });
    const head = Buffer.from(`${index.trimEnd()}\n`, 'latin1');
    const data = deflateSync(Buffer.concat([head, ...parts]));
    entries.push([1, offset, 0]);
    write(
      `${stream} 0 obj\n<< /Type /ObjStm /N ${numbers.length} /First ${head.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
    );
    write(data);
    write('\nendstream\nendobj\n');
  }
  const xref = next;
  entries.push([1, offset, 0]);
  const table = Buffer.alloc(entries.length * 7);
  entries.forEach(([type, a, b], i) => {
    table.writeUInt8(type, i * 7);
    table.writeUInt32BE(a, i * 7 + 1);
    table.writeUInt16BE(b, i * 7 + 5);
  });
  const data = deflateSync(table);
  const start = offset;
  write(
    `${xref} 0 obj\n<< /Type /XRef /Size ${entries.length} /W [1 4 2] ${trailerEntries(trailer)} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
  );
  write(data);
  write(`\nendstream\nendobj\nstartxref\n${start}\n%%EOF\n`);
  return Buffer.concat(chunks);
}
