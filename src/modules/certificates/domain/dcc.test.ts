import { dccSchemaErrors, describeWithDcc } from '../../../../test/harness/dcc.js';
import { calibrationCertificateModel, measurementReportModel } from '../../../../test/fixtures/document-models.js';
import { buildDcc, coverageFactorText, coverageProbabilityText, DRAFT_IDENTIFIER, dsiUnit } from './dcc.js';
import type { DocumentModel } from './document-model.js';

const SOFTWARE = { name: 'KTK LIMS', version: '0.1.0' };

/** The list of one result (calibration point or characteristic) in the XML. */
const listOf = (xml: string, resultId: string): string => {
  const start = xml.indexOf(`<dcc:list id="result-${resultId}">`);
  expect(start).toBeGreaterThan(0);
  return xml.slice(start, xml.indexOf('</dcc:list>', start));
};

const draftOf = (m: DocumentModel): DocumentModel => ({ ...m, number: null, issuedOn: null, authorizedBy: null });

describeWithDcc('buildDcc against the DCC 3.3.0 schema', () => {
  test('a calibration certificate is a valid DCC identified by its number', async () => {
    const xml = buildDcc(calibrationCertificateModel(), SOFTWARE);
    expect(await dccSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<dcc:uniqueIdentifier>K-2026-0001</dcc:uniqueIdentifier>');
    expect(xml).toContain('<dcc:mandatoryLangCodeISO639_1>fi</dcc:mandatoryLangCodeISO639_1>');
    expect(xml).toContain('<dcc:issueDate>2026-12-04</dcc:issueDate>');
    expect(xml).toContain('<dcc:calibrationLaboratoryCode>K000</dcc:calibrationLaboratoryCode>');
    expect(xml).toContain('<dcc:content>Hämeenlinnan Työstökeskus Oy</dcc:content>');
  });

  test('the validation catches a broken DCC (so that the tests above prove something)', async () => {
    const xml = buildDcc(calibrationCertificateModel(1), SOFTWARE);
    expect((await dccSchemaErrors(xml.replace('<dcc:conformity>pass', '<dcc:conformity>maybe'))).join('\n')).toMatch(/'maybe' is not an element of the set/);
  });

  test('a draft, with no number and no one who authorized it, is still a valid DCC', async () => {
    const xml = buildDcc(draftOf(calibrationCertificateModel()), SOFTWARE);
    expect(await dccSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain(`<dcc:uniqueIdentifier>${DRAFT_IDENTIFIER}</dcc:uniqueIdentifier>`);
    expect(xml).not.toContain('<dcc:issueDate>');
    expect(xml).not.toContain('<dcc:mainSigner>');
  });

  test('an amendment names the certificate it replaces and stays valid', async () => {
    const amended = { ...calibrationCertificateModel(4), number: 'K-2026-0002', supersedes: { number: 'K-2026-0001', reason: 'Asiakkaan osoite korjattu.' } };
    const xml = buildDcc(amended, SOFTWARE);
    expect(await dccSchemaErrors(xml)).toEqual([]);
    expect(xml).toMatch(/<dcc:typeOfChange>substituted<\/dcc:typeOfChange>\s*<dcc:replacedUniqueIdentifier>K-2026-0001</);
    expect(xml).toContain('Asiakkaan osoite korjattu.');
  });

  test('a measurement report (characteristics, guard bands, a deviation, partial accreditation) is a valid DCC', async () => {
    const model = measurementReportModel();
    const xml = buildDcc(model, SOFTWARE);
    expect(await dccSchemaErrors(xml)).toEqual([]);
    for (const decision of ['pass', 'conditionalPass', 'fail']) expect(xml).toContain(`<dcc:conformity>${decision}</dcc:conformity>`);
    expect(xml).toContain(model.deviations[0]!.justification);
    expect(xml).not.toContain('FINAS-akkreditointipalvelun'); // partial: no accreditation statement
    expect(xml).toContain('<si:coverageFactor>2.28</si:coverageFactor>');
  });
});

describe('buildDcc', () => {
  const model = calibrationCertificateModel();
  const xml = buildDcc(model, SOFTWARE);
  const points = model.items[0]!.results;

  test('every calibration point states its reference value, indication, error and U with k and p', () => {
    expect(points).toHaveLength(21);
    for (const p of points) {
      const list = listOf(xml, p.resultId);
      expect(list).toContain(`<si:value>${p.referenceValue!.value}</si:value>`);
      expect(list).toContain(`<si:value>${p.value.value}</si:value>`);
      expect(list).toMatch(new RegExp(`refType="basic_measurementError">[\\s\\S]*<si:value>${p.deviation!.value.replace('.', '\\.')}</si:value>\\s*<si:unit>\\\\milli\\\\metre</si:unit>`));
      expect(list).toContain('<si:valueExpandedMU>0.0012</si:valueExpandedMU>');
      expect(list).toContain('<si:coverageFactor>2</si:coverageFactor>');
      expect(list).toContain('<si:coverageProbability>0.95</si:coverageProbability>');
    }
    expect(xml).toContain('<si:value>25</si:value>');
  });

  test('every point has a conformity statement referring to it, and the traceability names the NMI', () => {
    // xmllint does not check that an IDREF names an ID, so the test does.
    const ids = new Set([...xml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const refIds = [...xml.matchAll(/ refId="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '));
    expect(refIds).toHaveLength(points.length);
    expect(refIds.filter((id) => !ids.has(id))).toEqual([]);
    for (const p of points) expect(xml).toMatch(new RegExp(`refId="result-${p.resultId}">[\\s\\S]*?<dcc:conformity>pass</dcc:conformity>`));
    expect(xml).toContain('VTT MIKES');
    expect(xml).toContain('<dcc:traceable>true</dcc:traceable>');
  });

  test('the same model gives the same bytes', () => {
    expect(buildDcc(structuredClone(model), SOFTWARE)).toBe(xml);
    expect(buildDcc(calibrationCertificateModel(), SOFTWARE)).toBe(xml);
  });

  test('a model with a unit D-SI cannot state is refused', () => {
    const inches = structuredClone(model) as { -readonly [K in keyof DocumentModel]: DocumentModel[K] };
    inches.items = [{ ...model.items[0]!, instrument: { ...model.items[0]!.instrument!, range: { lower: '0', upper: '1', unit: 'in' } } }];
    expect(() => buildDcc(inches, SOFTWARE)).toThrow(/No D-SI unit for "in"/);
  });

  test('a model without results is refused', () => {
    expect(() => buildDcc({ ...model, items: [{ ...model.items[0]!, results: [] }] }, SOFTWARE)).toThrow(/no results/);
  });
});

describe('D-SI units and numbers', () => {
  test.each([
    ['mm', '\\milli\\metre'],
    ['µm', '\\micro\\metre'],
    ['μm', '\\micro\\metre'],
    ['um', '\\micro\\metre'],
    ['m', '\\metre'],
    ['deg', '\\degree'],
    ['°C', '\\degreeCelsius'],
  ])('%s is %s', (unit, dsi) => expect(dsiUnit(unit)).toBe(dsi));

  test.each(['in', 'mil', 'N', ''])('an unknown unit %p is refused', (unit) => {
    expect(() => dsiUnit(unit)).toThrow(/No D-SI unit/);
  });

  test('k has at most two decimals and p follows the k = 2 convention', () => {
    expect([2, 2.0, 1.96, 2.2789, null].map(coverageFactorText)).toEqual(['2', '2', '1.96', '2.28', 'NaN']);
    expect([0.9545, 0.95, 0.99, 0.6827].map(coverageProbabilityText)).toEqual(['0.95', '0.95', '0.99', '0.68']);
  });
});
