/**
 * The first font of a TrueType collection (TTC) as a font file of its own. Browsers do not load a
 * collection through `@font-face`, and one font per file keeps the deck, pdfkit and the measure on the
 * same glyphs. An sfnt is a table directory and its tables: the member's directory is copied with each
 * table's offset moved, and the tables (with their checksums) are copied as they are.
 */
export function firstFontOfCollection(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = view.getUint32(12);
  const numTables = view.getUint16(start + 4);
  const headerLength = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const record = start + 12 + 16 * i;
    return {
      record,
      offset: view.getUint32(record + 8),
      length: view.getUint32(record + 12),
    };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const size = tables.reduce((sum, t) => sum + padded(t.length), headerLength);
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  out.set(bytes.subarray(start, start + headerLength), 0);
  let offset = headerLength;
  tables.forEach((table, i) => {
    if (table.offset + table.length > bytes.byteLength) throw new Error('a table lies outside the file');
    out.set(bytes.subarray(table.offset, table.offset + table.length), offset);
    outView.setUint32(12 + 16 * i + 8, offset);
    offset += padded(table.length);
  });
  return out;
}
