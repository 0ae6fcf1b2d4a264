import { pdfText } from '../../../test/harness/pdf-text.js';
import { loadLayout, renderPdf, type Block, type RenderOptions } from './pdf-renderer.js';

const options: RenderOptions = {
  title: 'Tarjous Q-2027-00001',
  author: 'Koneteknologiakeskus Turku Oy',
  furniture: (page, pages) => ({ header: 'Koneteknologiakeskus Turku Oy', reference: 'Q-2027-00001', footer: `Sivu ${page}/${pages}` }),
  createdAt: new Date('2027-03-01T08:00:00Z'),
  language: 'fi',
};

describe('tables', () => {
  test('a table longer than a page (a quote of 100 lines) goes on over pages: every row once and in order, the header on every page', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => [String(i + 1), `Rivi ${i + 1}\nMittavälineiden kalibrointi ja tarkastus`, `${i + 1},00\u00a0€`]);
    const table: Block = {
      kind: 'table',
      columns: [
        { header: 'Nro', width: 1 },
        { header: 'Nimike ja palvelu', width: 5 },
        { header: 'Yhteensä', width: 2, align: 'right' },
      ],
      rows,
    };
    const { pages } = await pdfText(await renderPdf(loadLayout('quote'), [{ kind: 'title', text: 'Tarjous' }, table], options));
    expect(pages.length).toBeGreaterThan(2);
    const flat = pages.map((p) => p.replace(/\s+/g, ' '));
    for (const page of flat) expect(page).toContain('Nro Nimike ja palvelu Yhteensä');
    const text = flat.join(' ');
    const at = rows.map(([no]) => {
      const row = `${no} Rivi ${no} Mittavälineiden kalibrointi ja tarkastus ${no},00 €`;
      expect({ row, once: text.indexOf(row) >= 0 && text.indexOf(row) === text.lastIndexOf(row) }).toEqual({ row, once: true });
      return text.indexOf(row);
    });
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});

describe('text', () => {
  const letters = 'ä ö å õ š ž µ ± ° Ø Ł Łódź ≤ ≥';
  test('the letters of the four languages and the signs of measurement are printed and extracted as they were written, in every kind of block', async () => {
    const blocks: Block[] = [
      { kind: 'title', text: `Otsikko ${letters}` },
      { kind: 'subtitle', text: `Alaotsikko ${letters}` },
      { kind: 'heading', text: `Luku ${letters}` },
      { kind: 'subheading', text: `Kohta ${letters}` },
      { kind: 'paragraph', text: `Kappale ${letters}` },
      { kind: 'note', text: `Huomautus ${letters}` },
      { kind: 'statement', text: `Lausuma ${letters}` },
      { kind: 'fields', rows: [[`Kenttä ${letters}`, `Arvo ${letters}`]] },
      { kind: 'list', items: [`Kohta ${letters}`] },
      { kind: 'table', columns: [{ header: `Sarake ${letters}`, width: 1 }], rows: [[`Solu ${letters}`]] },
      { kind: 'signatures', parties: [{ role: `Rooli ${letters}`, name: 'Łukasz Żółć', detail: 'Tallinn, Õismäe' }] },
    ];
    const text = await exactText(await renderPdf(loadLayout('quote'), blocks, options));
    for (const label of ['Otsikko', 'Alaotsikko', 'Luku', 'Kohta', 'Kappale', 'Huomautus', 'Lausuma', 'Kenttä', 'Arvo', 'Sarake', 'Solu', 'Rooli']) {
      expect(text).toContain(`${label} ${letters}`);
    }
    expect(text).toContain('Łukasz Żółć Tallinn, Õismäe');
  });

  test('a statement longer than a page is not cut: it goes on over the pages as a paragraph', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `sana${i}`).join(' ');
    const { pages, text } = await pdfText(await renderPdf(loadLayout('quote'), [{ kind: 'statement', text: long }, { kind: 'paragraph', text: 'Loppu.' }], options));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.startsWith('sana0 sana1')).toBe(true);
    expect(text.replace(/Koneteknologiakeskus Turku Oy Q-2027-00001 Sivu \d\/\d /g, '')).toContain(`${long} Loppu.`);
  });
});

/**
 * The text as the PDF maps it to Unicode. pdf.js by default normalizes compatibility characters,
 * which would read the micro sign µ (U+00B5) as the Greek mu μ (U+03BC).
 */
async function exactText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const items = [];
  for (let i = 1; i <= doc.numPages; i++) items.push(...(await (await doc.getPage(i)).getTextContent({ disableNormalization: true })).items);
  await doc.destroy();
  return items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
}
