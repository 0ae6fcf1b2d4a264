import { pdfText } from '../../../test/harness/pdf-text.js';
import { loadLayout, renderPdf, type Block } from './pdf-renderer.js';

const options = {
  title: 'Tarjous Q-2027-00001',
  header: 'Koneteknologiakeskus Turku Oy · Q-2027-00001',
  footer: (page: number, pages: number) => `Sivu ${page}/${pages}`,
  createdAt: new Date('2027-03-01T08:00:00Z'),
  language: 'fi-FI',
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
