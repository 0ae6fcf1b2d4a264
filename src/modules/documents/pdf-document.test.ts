import { pdfText } from '../../../test/harness/pdf-text.js';
import { loadLayout, renderPdf, type Block, type RenderOptions } from './pdf-renderer.js';

const dcc = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<dcc:digitalCalibrationCertificate schemaVersion="3.3.0"/>\n');
const options: RenderOptions = {
  title: 'Kalibrointitodistus K-2027-00042 & <liite>',
  author: 'Koneteknologiakeskus Turku Oy',
  subject: 'T-2027-00011',
  keywords: ['kalibrointi', 'ISO/IEC 17025'],
  language: 'fi',
  createdAt: new Date('2027-03-01T08:00:00Z'),
  furniture: (page, pages) => ({ header: 'Koneteknologiakeskus Turku Oy', reference: 'K-2027-00042', footer: `Sivu ${page}/${pages}` }),
  attachments: [{ name: 'K-2027-00042.xml', data: dcc, mimeType: 'application/xml', description: 'Digital Calibration Certificate', relationship: 'Alternative' }],
};
const blocks: Block[] = [
  { kind: 'title', text: 'Kalibrointitodistus' },
  { kind: 'paragraph', text: 'Mittalaite: Mitutoyo 293-240, Ø 6,5 mm, 20 °C ± 0,5 °C.' },
];

async function open(pdf: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
}

describe('the PDF as an archive copy (PDF/A-3b)', () => {
  test('declares PDF/A-3b in its XMP, has the sRGB output intent, and the same title, author and subject in Info and XMP', async () => {
    const pdf = await renderPdf(loadLayout('quote'), blocks, options);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/<pdfaid:part>3<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/Type \/OutputIntent/);
    expect(raw).toContain('/Lang (fi)');
    const doc = await open(pdf);
    const { info, metadata } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { get(name: string): unknown } };
    expect(info).toMatchObject({ Title: options.title, Author: options.author, Subject: 'T-2027-00011', Keywords: 'kalibrointi, ISO/IEC 17025', Creator: 'KTK LIMS', Producer: 'KTK LIMS' });
    // The XMP packet is well-formed XML even with '&' and '<' in the title, and says the same.
    expect([metadata.get('dc:title'), metadata.get('dc:creator'), metadata.get('dc:description')]).toEqual([options.title, [options.author], 'T-2027-00011']);
    await doc.destroy();
  });

  test('every font is embedded; none of the 14 standard fonts is used', async () => {
    const raw = (await renderPdf(loadLayout('quote'), [...blocks, { kind: 'note', text: 'Huom.' }, { kind: 'heading', text: 'Tulokset' }], options)).toString('latin1');
    const fonts = raw.match(/\/BaseFont \/[^\s/]+/g) ?? [];
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) expect(font).toMatch(/^\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw.match(/\/FontFile2 /g)?.length).toBe(new Set(fonts).size);
    expect(raw).not.toContain('Helvetica');
  });

  test('an attachment is embedded as an associated file of the document, with its media type, relationship and the document date', async () => {
    const pdf = await renderPdf(loadLayout('quote'), blocks, options);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/AF \[\d+ 0 R\]/);
    expect(raw).toContain('/AFRelationship /Alternative');
    expect(raw).toContain('/Subtype /application#2Fxml');
    expect(raw).toContain('/ModDate (D:20270301080000Z)');
    const doc = await open(pdf);
    const attachments = (await doc.getAttachments()) as Record<string, { filename: string; content: Uint8Array; description: string }>;
    expect(Object.values(attachments).map((a) => [a.filename, Buffer.from(a.content).equals(dcc), a.description])).toEqual([['K-2027-00042.xml', true, 'Digital Calibration Certificate']]);
    await doc.destroy();
  });
});

describe('deterministic output', () => {
  test('the same blocks and options give the same bytes, with an attachment, a QR code, a watermark and a letterhead, whatever was rendered in between', async () => {
    const full: RenderOptions = { ...options, qr: 'https://lims.example.fi/verify/K-2027-00042', watermark: 'LUONNOS / DRAFT', letterhead: { lines: ['Tehdaskatu 1, 20100 Turku'] } };
    const first = await renderPdf(loadLayout('quote'), blocks, full);
    // The parsed fonts are shared between documents: another document in between must not change this one.
    await renderPdf(loadLayout('quote'), [{ kind: 'paragraph', text: 'Łódź ≤ ≥ õ š ž µ ± ° – other glyphs' }], { ...full, qr: 'https://lims.example.fi/verify/X' });
    const again = await renderPdf(loadLayout('quote'), blocks, full);
    expect(again.equals(first)).toBe(true);
    const other = await renderPdf(loadLayout('quote'), blocks, { ...full, createdAt: new Date('2027-03-02T08:00:00Z') });
    expect(other.equals(first)).toBe(false);
    expect((await pdfText(again)).text).toContain('Mittalaite: Mitutoyo 293-240');
  });
});
