import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

/** DOS dates in a zip start in 1980: an earlier epoch is written as its first second. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/** The date and time fields of a zip entry, in UTC so that the bytes do not depend on the machine's zone. */
function dosDateTime(epoch: number): { date: number; time: number } {
  const d = new Date(Math.max(epoch * 1000, DOS_EPOCH));
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

interface Entry {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
  readonly offset: number;
}

/**
 * A zip of `files`, in order, each deflated, dated `epoch`: the same files give the same bytes. Written here
 * rather than by JSZip because node:zlib deflates a deck's hundreds of parts several times faster than its
 * JavaScript deflate.
 */
export function zip(files: readonly { name: string; data: Uint8Array }[], epoch: number): Uint8Array {
  const { date, time } = dosDateTime(epoch);
  const chunks: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const data = deflateRawSync(file.data, { level: 6 });
    const entry = { name, crc: crc32(file.data), size: file.data.length, data, offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    chunks.push(header, name, data);
    offset += header.length + name.length + data.length;
    entries.push(entry);
  }
  const directoryStart = offset;
  for (const e of entries) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(e.crc, 16);
    header.writeUInt32LE(e.data.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(e.name.length, 28);
    header.writeUInt32LE(e.offset, 42);
    chunks.push(header, e.name);
    offset += header.length + e.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  chunks.push(end);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The presentation re-packed so that the same slides give the same bytes: pptxgenjs stamps every zip entry
 * and `docProps/core.xml` with the current time. Entries keep pptxgenjs's order (`[Content_Types].xml` first)
 * and get the output's epoch; folder entries, which the format does not need, are left out. Each XML part
 * goes through `fix` on the way.
 */
export async function repack(
  bytes: Uint8Array,
  epoch: number,
  fix: (path: string, xml: string) => string,
): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const files: { name: string; data: Uint8Array }[] = [];
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    const data = /\.(xml|rels)$/.test(entry.name)
      ? Buffer.from(fix(entry.name, await entry.async('string')), 'utf8')
      : await entry.async('uint8array');
    files.push({ name: entry.name, data });
  }
  return zip(files, epoch);
}

/** The document's dates: the output's epoch, as every other output of the build is dated. */
export function fixDates(xml: string, epoch: number): string {
  const iso = new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g, `$1${iso}`);
}

/**
 * The plan measured text in the deck's font; where that font is not installed, PowerPoint and LibreOffice set it
 * in a wider sans-serif and it would run past its box. "Shrink text on overflow" (`a:normAutofit`) on every
 * wrapping box lets the viewer scale such text to fit; with the font installed nothing overflows and nothing
 * shrinks. One-line boxes (`wrap="none"`: the band, labels) keep their size.
 */
export function shrinkOnOverflow(xml: string): string {
  return xml.replace(/(<a:bodyPr wrap="square"[^>]*>)<\/a:bodyPr>/g, '$1<a:normAutofit/></a:bodyPr>');
}

/**
 * pptxgenjs 4.0.1 writes a paragraph's properties before each of its runs; the schema allows one `a:pPr`,
 * first (PowerPoint asks to repair such files: gitbrent/PptxGenJS#1083). The first one holds the paragraph's
 * bullet, indent and spacing; the later ones are dropped.
 */
export function onePropertiesPerParagraph(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_whole, body: string) => {
    let first = true;
    const cleaned = body.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => {
      const keep = first && body.startsWith(pPr);
      first = false;
      return keep ? pPr : '';
    });
    return `<a:p>${cleaned}</a:p>`;
  });
}
