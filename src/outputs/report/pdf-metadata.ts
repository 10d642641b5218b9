/**
 * The XMP metadata of the report (ISO 16684-1), as PDF/A-2 (ISO 19005-2 §6.6) and PDF/UA-1 want it:
 * every Info entry repeated with the same value (dates included), the PDF/UA identification, and the
 * extension schema PDF/A asks for any namespace outside its predefined ones (pdfuaid is one). pdfkit's
 * own XMP writes the Info values unescaped (a title with "&" or "<" would break the packet) and leaves
 * out the modification date, so the report writes this part itself; pdfkit adds pdfaid.
 */
export interface DocumentInfo {
  readonly Title?: string;
  readonly Author?: string;
  readonly Subject?: string;
  readonly Keywords?: string;
  readonly Creator?: string;
  readonly Producer?: string;
  readonly CreationDate?: Date;
  readonly ModDate?: Date;
}

export const PDFUA_PART = 1;

export const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Seconds precision and UTC, the form pdfkit writes the Info dates in (D:YYYYMMDDHHmmssZ). */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const element = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;

const alt = (name: string, value: string | undefined) =>
  value === undefined
    ? ''
    : `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`;

const PDFUA_EXTENSION = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;

/** The rdf:Description elements for the document's Info, its PDF/UA part and that part's schema. */
export function xmpDescriptions(info: DocumentInfo): string {
  const created = info.CreationDate ? xmpDate(info.CreationDate) : undefined;
  const modified = info.ModDate ? xmpDate(info.ModDate) : undefined;
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    element('xmp:CreateDate', created),
    element('xmp:ModifyDate', modified),
    element('xmp:MetadataDate', modified ?? created),
    element('xmp:CreatorTool', info.Creator),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    alt('dc:title', info.Title),
    // One entry holding the Info Author as written: PDF/A compares the two as one string.
    info.Author === undefined
      ? ''
      : `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`,
    alt('dc:description', info.Subject),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    element('pdf:Producer', info.Producer),
    element('pdf:Keywords', info.Keywords),
    '</rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>${PDFUA_PART}</pdfuaid:part></rdf:Description>`,
    PDFUA_EXTENSION,
  ]
    .filter((line) => line !== '')
    .join('\n');
}
