import { pdfText } from '../../../test/harness/pdf-text.js';
import type { Language } from './i18n.js';
import { renderOfficialDocument } from './official-document.js';
import type { Block } from './pdf-renderer.js';

const filler = 'Toimitusaika lasketaan työpäivinä kappaleiden saapumisesta. '.repeat(60);
const blocksIn = (lang: Language): Block[] => [
  { kind: 'title', text: `Asiakirja ${lang}` },
  { kind: 'paragraph', text: filler },
  { kind: 'paragraph', text: filler },
];
const render = (companion: Language) =>
  renderOfficialDocument({ layout: 'quote', blocksIn, companion, title: 'Tarjous Q-2027-00001', reference: 'Q-2027-00001', createdAt: new Date('2027-03-01T08:00:00Z') });

describe('the furniture of an official document', () => {
  test('the Finnish original\'s pages say "Sivu", the English companion\'s "Page", with the lab\'s name in the page\'s language; the letterhead is on page 1', async () => {
    const { pages } = await pdfText(await render('en'));
    const flat = pages.map((p) => p.replace(/\s+/g, ' '));
    const companion = flat.findIndex((p) => p.startsWith('Asiakirja en'));
    expect(companion).toBeGreaterThanOrEqual(1);
    expect(flat.length).toBeGreaterThan(companion + 1);
    flat.forEach((page, i) => {
      const [name, count] = i < companion ? ['Koneteknologiakeskus Turku Oy', 'Sivu'] : ['Machine Technology Centre Turku Ltd', 'Page'];
      expect(page).toContain(`${name} Q-2027-00001`);
      expect(page).toContain(`${count} ${i + 1}/${flat.length}`);
    });
    expect(flat[0]).toContain('Koneteknologiakeskus Turku Oy Q-2027-00001 Mittaus- ja kalibrointilaboratorio (akkreditoitu, ISO/IEC 17025)');
    expect(flat.slice(1).join(' ')).not.toContain('Mittaus- ja kalibrointilaboratorio');
  });

  test.each([
    ['sv', 'Sida'],
    ['et', 'Lehekülg'],
  ] as const)('a %s companion counts its pages in its language (%s)', async (lang, word) => {
    const { pages } = await pdfText(await render(lang));
    const last = pages[pages.length - 1]!.replace(/\s+/g, ' ');
    expect(last).toContain(`${word} ${pages.length}/${pages.length}`);
    expect(pages[0]).toContain(`Sivu 1/${pages.length}`);
  });
});
