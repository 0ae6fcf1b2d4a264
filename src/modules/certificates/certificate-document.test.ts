import { calibrationCertificateModel, measurementReportModel } from '../../../test/fixtures/document-models.js';
import { pdfText } from '../../../test/harness/pdf-text.js';
import { renderDocument, type RenderSettings } from './certificate-document.js';

const issued: RenderSettings = { draft: false, verifyUrl: 'https://lims.example.fi/verify/K-2026-0001', originalSha256: 'a'.repeat(64), dcc: null, createdAt: new Date('2026-12-04T10:00:00Z') };
/** The numbers of a text, with the decimal comma read as a point. */
const numbers = (text: string) => (text.match(/[+-]?\d+[.,]\d+/g) ?? []).map((n) => n.replace(',', '.'));

describe('certificate rendering', () => {
  test.each(['en', 'sv', 'et'])('the Finnish original and the %s companion state the same numbers', async (lang) => {
    const model = calibrationCertificateModel(20);
    const fi = (await pdfText(await renderDocument(model, 'fi', { ...issued, originalSha256: null }))).text;
    const other = (await pdfText(await renderDocument(model, lang, issued))).text;
    const tableNumbers = (text: string) => numbers(text).filter((n) => n.includes('.00'));
    expect(tableNumbers(other)).toEqual(expect.arrayContaining(tableNumbers(fi)));
    expect(fi).toContain('+0,0003');
    expect(fi).toMatch(/Sivu 1 \/ \d/);
    expect(other).toContain('a'.repeat(64));
  });

  test('every page is numbered and carries the verification address', async () => {
    const { pages } = await pdfText(await renderDocument(calibrationCertificateModel(20), 'en', issued));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('K-2026-0001');
      expect(page).toContain('https://lims.example.fi/verify/K-2026-0001');
    });
  });

  test('the same model renders the same bytes', async () => {
    const model = measurementReportModel();
    const a = await renderDocument(model, 'sv', issued);
    const b = await renderDocument(model, 'sv', issued);
    expect(a.equals(b)).toBe(true);
  });

  test('a partly accredited report carries no accreditation statement and marks the results outside the scope', async () => {
    const text = (await pdfText(await renderDocument(measurementReportModel(), 'en', issued))).text;
    expect(text).toContain('Results marked * are outside the scope of accreditation.');
    expect(text).not.toContain('accredited by the FINAS accreditation service');
  });

  test('a draft is watermarked', async () => {
    const text = (await pdfText(await renderDocument({ ...calibrationCertificateModel(3), number: null, issuedOn: null, authorizedBy: null }, 'fi', { ...issued, draft: true, verifyUrl: null }))).text;
    expect(text).toContain('LUONNOS / DRAFT');
    expect(text).toContain('Luonnosta ei ole hyväksytty');
  });
});
