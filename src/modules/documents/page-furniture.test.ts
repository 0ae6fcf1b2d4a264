import QRCode from 'qrcode';
import { pdfText } from '../../../test/harness/pdf-text.js';
import type { Language } from './i18n.js';
import { loadLayout, renderPdf, type Block, type RenderOptions } from './pdf-renderer.js';

const lorem = 'Mittaustulokset ja niiden epävarmuudet on esitetty taulukossa. '.repeat(40);
const pageOf = (lang: string) => Array.from({ length: 3 }, (): Block => ({ kind: 'paragraph', text: `${lang} ${lorem}` }));
const labels: Record<Language, [name: string, page: string]> = { fi: ['Koneteknologiakeskus Turku Oy', 'Sivu'], en: ['Machine Technology Centre Turku Ltd', 'Page'], sv: ['Koneteknologiakeskus Turku Oy', 'Sida'], et: ['Koneteknologiakeskus Turku Oy', 'Lehekülg'] };
const options: RenderOptions = {
  title: 'Kalibrointitodistus K-2027-00042',
  author: 'Koneteknologiakeskus Turku Oy',
  language: 'fi',
  createdAt: new Date('2027-03-01T08:00:00Z'),
  furniture: (page, pages, lang) => ({ header: labels[lang][0], reference: 'K-2027-00042', footer: `${labels[lang][1]} ${page}/${pages}` }),
};
const flat = (pages: string[]) => pages.map((p) => p.replace(/\s+/g, ' '));

describe('page furniture', () => {
  test('each page has the header and the page count in the language of the page it is on, counted over the whole PDF', async () => {
    const blocks: Block[] = [...pageOf('fi'), { kind: 'pageBreak' }, { kind: 'language', lang: 'en' }, ...pageOf('en')];
    const pages = flat((await pdfText(await renderPdf(loadLayout('quote'), blocks, options))).pages);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const count = pages.length;
    const companion = pages.findIndex((page) => page.startsWith('en '));
    expect(companion).toBeGreaterThan(0);
    pages.forEach((page, i) => {
      const lang = i < companion ? 'fi' : 'en';
      expect(page).toContain(`${labels[lang][0]} K-2027-00042`);
      expect(page).toContain(`${labels[lang][1]} ${i + 1}/${count}`);
    });
  });

  test('the letterhead lines are on the first page only; the watermark is on every page', async () => {
    const letterhead = { lines: ['Tehdaskatu 1, 20100 Turku', 'FINAS-akkreditoitu kalibrointilaboratorio K123'] };
    const pages = flat((await pdfText(await renderPdf(loadLayout('quote'), pageOf('fi'), { ...options, letterhead, watermark: 'LUONNOS / DRAFT' }))).pages);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('Koneteknologiakeskus Turku Oy K-2027-00042 Tehdaskatu 1, 20100 Turku FINAS-akkreditoitu kalibrointilaboratorio K123');
    for (const page of pages.slice(1)) expect(page).not.toContain('Tehdaskatu');
    for (const page of pages) expect(page).toContain('LUONNOS / DRAFT');
  });

  test('with a verification address every page has its QR code, drawn as vector modules, and the address beside it', async () => {
    const url = 'https://lims.example.fi/verify/K-2027-00042';
    const pdf = await renderPdf(loadLayout('quote'), pageOf('fi'), { ...options, qr: url });
    const { pages } = await pdfText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain(url);
    const expected = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    for (const matrix of await drawnMatrices(pdf)) {
      expect(matrix.size).toBe(expected.size);
      expect(matrix.data).toEqual(Array.from(expected.data, (d) => (d ? 1 : 0)));
    }
  });
});

/** The module matrix a page's filled rectangles draw (on these pages only the QR code is drawn with rectangles), read back with pdf.js. */
async function drawnMatrices(pdf: Buffer): Promise<{ size: number; data: number[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const matrices = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const { fnArray, argsArray } = await (await doc.getPage(p)).getOperatorList();
    const rects: number[][] = [];
    fnArray.forEach((fn, i) => {
      if (fn !== pdfjs.OPS.constructPath) return;
      const [ops, args] = argsArray[i] as [number[], number[]];
      let at = 0;
      for (const op of ops) {
        if (op === pdfjs.OPS.rectangle) rects.push(args.slice(at, at + 4));
        at += op === pdfjs.OPS.rectangle ? 4 : op === pdfjs.OPS.curveTo ? 6 : op === pdfjs.OPS.closePath ? 0 : op === pdfjs.OPS.curveTo2 || op === pdfjs.OPS.curveTo3 ? 4 : 2;
      }
    });
    expect(rects.length).toBeGreaterThan(0);
    const module = Math.min(...rects.map((r) => r[3]!));
    const left = Math.min(...rects.map((r) => r[0]!));
    const top = Math.min(...rects.map((r) => r[1]!));
    const size = Math.round((Math.max(...rects.map((r) => r[0]! + r[2]!)) - left) / module);
    const data = new Array<number>(size * size).fill(0);
    for (const [x, y, w] of rects) {
      const row = Math.round((y! - top) / module);
      const col = Math.round((x! - left) / module);
      for (let c = col; c < col + Math.round(w! / module); c++) data[row * size + c] = 1;
    }
    matrices.push({ size, data });
  }
  await doc.destroy();
  return matrices;
}
