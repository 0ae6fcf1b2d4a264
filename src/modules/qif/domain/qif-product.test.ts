import { DomainError } from '../../../shared/errors/index.js';
import { brokenQif, validQif } from '../../../../test/harness/qif-fixtures.js';
import { describeWithQif, qifSample, qifSchemaErrors } from '../../../../test/harness/qif.js';
import { parseQifProduct } from './qif-product.js';

/** The refusal of a file: its code, message and problems. */
function refusal(xml: string): { code: string; message: string; problems?: unknown } {
  try {
    parseQifProduct(xml);
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message, problems: e.details?.problems };
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('parseQifProduct on small files', () => {
  test('each item with its nominal and definition becomes a characteristic keyed by the item id', () => {
    const { characteristics, versionQIF } = parseQifProduct(validQif.part);
    expect(versionQIF).toBe('3.0.0');
    expect(characteristics).toEqual([
      { qifId: '12', qifNominalId: '11', qifKind: 'Diameter', identifier: '1', type: 'diameter', nominal: '10', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.1' }, notes: 'QIF name Bore' },
      { qifId: '22', qifNominalId: '21', qifKind: 'Length', identifier: '2', type: 'length', unit: 'mm', tolerance: { kind: 'limits', lower: '24.9', upper: '25.1' } },
      { qifId: '32', qifNominalId: '31', qifKind: 'Radius', identifier: '3', type: 'length', nominal: '3.0', unit: 'mm', tolerance: { kind: 'deviations', upper: '0.2', lower: '-0.1' }, notes: 'QIF radius' },
      {
        qifId: '42', qifNominalId: '41', qifKind: 'Position', identifier: '4', type: 'position', unit: 'mm', tolerance: { kind: 'geometric', value: '0.2' }, datums: ['A', 'B(M)'],
        notes: 'material condition MAXIMUM (no bonus tolerance is applied by the LIMS); diametrical zone',
      },
      { qifId: '52', qifNominalId: '51', qifKind: 'Angle', identifier: '5', type: 'angle', nominal: '45', unit: 'deg', tolerance: { kind: 'symmetric', value: '1' } },
    ]);
  });

  test('a nominal no item measures (PMI only) is a characteristic keyed by the nominal id', () => {
    expect(parseQifProduct(validQif.nominalsOnly).characteristics).toEqual([
      expect.objectContaining({ qifId: '11', qifNominalId: '11', identifier: '7', type: 'flatness', tolerance: { kind: 'geometric', value: '0.05' }, notes: 'QIF name Flatness.1' }),
      expect.objectContaining({ qifId: '21', identifier: '8', type: 'diameter', nominal: '12.000', tolerance: { kind: 'symmetric', value: '0.02' } }),
    ]);
  });

  test('inches as the primary unit; an xs:decimal like .5 is stored as 0.5', () => {
    expect(parseQifProduct(validQif.inches).characteristics[0]).toMatchObject({ unit: 'in', nominal: '0.5', tolerance: { kind: 'deviations', upper: '0.002', lower: '-0.001' } });
  });

  test('characteristics the LIMS cannot hold refuse the whole file, each listed with its QIF id and reason', () => {
    const r = refusal(validQif.unsupported);
    expect(r.code).toBe('LIMS_QIF_UNSUPPORTED_CHARACTERISTICS');
    expect(r.message).toContain('nothing was imported');
    expect(r.problems).toEqual([
      { id: '22', element: 'StraightnessCharacteristicItem', reason: expect.stringContaining('QIF Straightness characteristics have no characteristic type') },
      { id: '32', element: 'LengthCharacteristicItem', reason: expect.stringContaining('NonTolerance MEASURED') },
      { id: '42', element: 'LengthCharacteristicItem', reason: expect.stringContaining('one-sided (only MaxValue)') },
      { id: '52', element: 'LengthCharacteristicItem', reason: expect.stringContaining('"ft" has no counterpart') },
    ]);
  });

  test('the same balloon twice is refused', () => {
    expect(refusal(validQif.sameBalloon)).toMatchObject({ code: 'LIMS_QIF_UNSUPPORTED_CHARACTERISTICS', problems: [{ id: '22', reason: expect.stringContaining('"1" is also that of QIF characteristic 12') }] });
  });

  test('a document without characteristics is refused', () => {
    expect(refusal(validQif.noCharacteristics)).toMatchObject({ code: 'LIMS_QIF_NO_CHARACTERISTICS', message: expect.stringContaining('no characteristics') });
  });

  test('broken references, a nominal without a balloon and values that are not numbers are all listed as an invalid file', () => {
    expect(refusal(brokenQif.danglingReference)).toMatchObject({
      code: 'LIMS_QIF_INVALID',
      problems: [
        { id: '12', element: 'DiameterCharacteristicItem', reason: expect.stringContaining('characteristic nominal 99, which the file does not define') },
        { id: '11', element: 'DiameterCharacteristicNominal', reason: expect.stringContaining('no CharacteristicDesignator or Name') },
        { id: '11', element: 'DiameterCharacteristicNominal', reason: 'MinValue "minus 0.1" is not a decimal number' },
      ],
    });
  });

  test('files that are not QIF 3 are refused saying what they are', () => {
    expect(refusal(brokenQif.notXml).code).toBe('LIMS_QIF_NOT_XML');
    expect(refusal(brokenQif.unclosed)).toMatchObject({ code: 'LIMS_QIF_NOT_XML', message: expect.stringContaining('line 4') });
    expect(refusal(brokenQif.wrongRoot)).toMatchObject({ code: 'LIMS_QIF_NOT_QIF3', message: expect.stringContaining('PartReport') });
    expect(refusal(brokenQif.qif2)).toMatchObject({ code: 'LIMS_QIF_NOT_QIF3', message: expect.stringContaining('version 2.1.0') });
    expect(refusal(validQif.part.replace('xsd/qif3', 'xsd/qif2'))).toMatchObject({ code: 'LIMS_QIF_NOT_QIF3', message: expect.stringContaining('in namespace http://qifstandards.org/xsd/qif2') });
    expect(refusal(validQif.part.replace(' xmlns="http://qifstandards.org/xsd/qif3"', ''))).toMatchObject({ code: 'LIMS_QIF_NOT_QIF3', message: expect.stringContaining('in no namespace') });
  });

  test('a namespace prefix on the QIF elements is read like the default namespace', () => {
    const prefixed = validQif.part.replace(/<(\/?)([A-Z])/g, '<$1q:$2').replace('xmlns="http', 'xmlns:q="http');
    expect(parseQifProduct(prefixed).characteristics.map((c) => c.qifId)).toEqual(['12', '22', '32', '42', '52']);
  });
});

describeWithQif('parseQifProduct on the QIF samples', () => {
  test('the NIST CTC 01 model: its 14 PMI characteristics, keyed by their nominal ids (the file has no items)', () => {
    const { characteristics } = parseQifProduct(qifSample('nist_ctc_01_asme1_ap242.qif'));
    expect(characteristics).toHaveLength(14);
    const byBalloon = new Map(characteristics.map((c) => [c.identifier, c]));
    expect(byBalloon.get('14')).toMatchObject({ qifId: '1443', type: 'position', unit: 'mm', tolerance: { kind: 'geometric', value: '0.75' }, datums: ['A', 'B', 'C'] });
    expect(byBalloon.get('13')).toMatchObject({ qifId: '1462', type: 'profile', tolerance: { kind: 'geometric', value: '0.5' }, datums: ['A'], notes: 'QIF name Position surfacic profile.2; QIF surface profile; all around' });
    expect(byBalloon.get('5')).toMatchObject({ qifId: '1473', type: 'diameter', nominal: '35', tolerance: { kind: 'deviations', upper: '0', lower: '-0.2' } });
    expect(byBalloon.get('1')).toMatchObject({ qifId: '1488', type: 'diameter', nominal: '35', tolerance: { kind: 'limits', lower: '34.8', upper: '35.2' } });
    expect(byBalloon.get('6')).toMatchObject({ qifId: '1491', type: 'angle', nominal: '60', unit: 'deg', tolerance: { kind: 'symmetric', value: '0.5' } });
    expect(byBalloon.get('2')).toMatchObject({ qifId: '1470', type: 'flatness', tolerance: { kind: 'geometric', value: '0.2' } });
    expect(characteristics.filter((c) => c.type === 'diameter')).toHaveLength(7);
  });

  test('the Results samples carry characteristics the LIMS cannot hold and are refused with the list', () => {
    expect(refusal(qifSample('QIF_Results_Sample.QIF'))).toMatchObject({
      code: 'LIMS_QIF_UNSUPPORTED_CHARACTERISTICS',
      problems: [{ id: '25', reason: expect.stringContaining('NonTolerance MEASURED') }, { id: '83', reason: expect.stringContaining('NonTolerance SET') }],
    });
    expect(refusal(qifSample('WIDGET_QIF_RESULTS.QIF'))).toMatchObject({ problems: [{ id: '165', element: 'AngularityCharacteristicItem' }] });
  });

  test('the NIST model and the small valid files are valid QIF 3 by the XSDs', async () => {
    expect(await qifSchemaErrors(qifSample('nist_ctc_01_asme1_ap242.qif'), 'nist.qif')).toEqual([]);
    for (const [name, xml] of Object.entries(validQif)) expect({ name, errors: await qifSchemaErrors(xml, `${name}.qif`) }).toEqual({ name, errors: [] });
  });
});
