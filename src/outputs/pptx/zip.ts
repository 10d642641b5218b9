import JSZip from 'jszip';

/** DOS dates in a zip start in 1980: an earlier epoch is written as its first second. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

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
  const date = new Date(Math.max(epoch * 1000, DOS_EPOCH));
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    const options = { date, createFolders: false, unixPermissions: null, dosPermissions: null } as const;
    if (/\.(xml|rels)$/.test(entry.name)) out.file(entry.name, fix(entry.name, await entry.async('string')), options);
    else out.file(entry.name, await entry.async('uint8array'), options);
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The document's dates: the output's epoch, as every other output of the build is dated. */
export function fixDates(xml: string, epoch: number): string {
  const iso = new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g, `$1${iso}`);
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
