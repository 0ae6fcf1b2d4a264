import { DomainError } from '../../../shared/errors/index.js';
import { describeWithQif, qifCharacteristic, qifCharacteristics, qifDocument, qifSample, qifSchemaErrors } from '../../../../test/harness/qif.js';
import { parseQifResults } from './qif-results.js';

const diameter = qifCharacteristic('Diameter', 10, {
  definition: '<Tolerance><MaxValue>0.1</MaxValue><MinValue>-0.1</MinValue><DefinedAsLimit>false</DefinedAsLimit></Tolerance>',
  nominal: '<TargetValue>10</TargetValue>',
  item: '<Name>Bore</Name><CharacteristicDesignator><Designator>7</Designator></CharacteristicDesignator>',
});
const angle = qifCharacteristic('Angle', 20, {
  definition: '<Tolerance><MaxValue>0.5</MaxValue><MinValue>-0.5</MinValue><DefinedAsLimit>false</DefinedAsLimit></Tolerance>',
  nominal: '<TargetValue>60</TargetValue>',
  item: '<Name>Chamfer angle</Name>',
});
const unnamed = qifCharacteristic('Diameter', 10, { definition: '<NonTolerance>MEASURED</NonTolerance>' });
const flatness = qifCharacteristic('Flatness', 10, { definition: '<ToleranceValue>0.05</ToleranceValue>' });
const measurement = (kind: string, id: number, itemId: number, value: string, status = 'PASS') =>
  `<${kind}CharacteristicMeasurement id="${id}"><Status><CharacteristicStatusEnum>${status}</CharacteristicStatusEnum></Status>` +
  `<CharacteristicItemId>${itemId}</CharacteristicItemId><Value>${value}</Value></${kind}CharacteristicMeasurement>`;

/** Small results files for edge cases; each is valid QIF 3. */
const files = {
  withProduct: qifDocument({
    characteristics: qifCharacteristics(diameter, angle),
    measurements: [measurement('Diameter', 100, 12, '10.0120'), measurement('Angle', 101, 22, '60.25', 'FAIL')],
    traceability:
      '<InspectionTraceability><ReportNumber>R-1</ReportNumber><InspectionStart>2026-03-02T09:15:00+02:00</InspectionStart></InspectionTraceability>',
  }),
  noBalloon: qifDocument({ characteristics: qifCharacteristics(unnamed), measurements: [measurement('Diameter', 100, 12, '+.5')] }),
  inches: qifDocument({
    characteristics: qifCharacteristics(unnamed),
    otherUnits: '<OtherUnits n="1"><LinearUnit><SIUnitName>meter</SIUnitName><UnitName>inch</UnitName><UnitConversion><Factor>0.0254</Factor></UnitConversion></LinearUnit></OtherUnits>',
    measurements: ['<DiameterCharacteristicMeasurement id="100"><Status><CharacteristicStatusEnum>PASS</CharacteristicStatusEnum></Status><CharacteristicItemId>12</CharacteristicItemId><Value linearUnit="inch">0.3937</Value></DiameterCharacteristicMeasurement>'],
  }),
  feetPrimary: qifDocument({
    characteristics: qifCharacteristics(flatness),
    primaryUnits: '<LinearUnit><SIUnitName>meter</SIUnitName><UnitName>ft</UnitName><UnitConversion><Factor>0.3048</Factor></UnitConversion></LinearUnit>',
    measurements: ['<FlatnessCharacteristicMeasurement id="100"><Status><CharacteristicStatusEnum>PASS</CharacteristicStatusEnum></Status><CharacteristicItemId>12</CharacteristicItemId></FlatnessCharacteristicMeasurement>'],
  }),
};

describe('parseQifResults on small files', () => {
  test('each measurement with its item id, balloon, value as written, unit, status and the inspection start', () => {
    const file = parseQifResults(files.withProduct);
    expect(file.measuredAt).toBe('2026-03-02T09:15:00+02:00');
    expect(file.measurements).toEqual([
      { measurementId: '100', characteristicItemId: '12', nominalId: '11', designator: '7', kind: 'Diameter', values: ['10.0120'], unit: 'mm', status: 'PASS', measuredAt: '2026-03-02T09:15:00+02:00' },
      { measurementId: '101', characteristicItemId: '22', nominalId: '21', designator: 'Chamfer angle', kind: 'Angle', values: ['60.25'], unit: 'deg', status: 'FAIL', measuredAt: '2026-03-02T09:15:00+02:00' },
    ]);
  });

  test('an item without name or designator gives no designator; the value stays as written', () => {
    const [m] = parseQifResults(files.noBalloon).measurements;
    expect(m).toEqual({ measurementId: '100', characteristicItemId: '12', nominalId: '11', kind: 'Diameter', values: ['+.5'], unit: 'mm', status: 'PASS' });
  });

  test('a value naming a declared unit is in that unit', () => {
    expect(parseQifResults(files.inches).measurements[0]).toMatchObject({ values: ['0.3937'], unit: 'in' });
  });

  test('a measurement without a Value has no values, and a unit the LIMS does not know gives no unit (the import reports both)', () => {
    const [m] = parseQifResults(files.feetPrimary).measurements;
    expect(m?.values).toEqual([]);
    expect(m?.unit).toBeUndefined();
  });

  test('a file that is not XML, not QIF or not QIF 3 is refused saying which', () => {
    const code = (xml: string) => {
      try {
        parseQifResults(xml);
      } catch (e) {
        return e instanceof DomainError ? [e.code, e.message] : ['other', String(e)];
      }
      return ['accepted', ''];
    };
    expect(code('measured,value\n1,2')).toEqual(['LIMS_QIF_NOT_XML', expect.stringContaining('not well-formed XML')]);
    expect(code('<QIFDocument versionQIF="3.0.0"><Results></QIFDocument>')).toEqual(['LIMS_QIF_NOT_XML', expect.stringContaining('line 1')]);
    expect(code('<Report><Value>1</Value></Report>')).toEqual(['LIMS_QIF_NOT_QIF3', expect.stringContaining('root element is Report')]);
    expect(code(files.noBalloon.replace('versionQIF="3.0.0"', 'versionQIF="2.1.0"'))).toEqual(['LIMS_QIF_NOT_QIF3', expect.stringContaining('QIF version 2.1.0')]);
    expect(code('')).toEqual(['LIMS_QIF_NOT_XML', expect.stringContaining('empty')]);
  });

  test('measurements without the ids that tie them to characteristics are all listed', () => {
    const broken = qifDocument({
      measurements: ['<DiameterCharacteristicMeasurement id="100"><Value>1</Value></DiameterCharacteristicMeasurement>', '<DiameterCharacteristicMeasurement><CharacteristicItemId>3</CharacteristicItemId></DiameterCharacteristicMeasurement>'],
    });
    expect(() => parseQifResults(broken)).toThrow(
      expect.objectContaining({
        code: 'LIMS_QIF_INVALID',
        details: {
          problems: [
            { id: '100', element: 'DiameterCharacteristicMeasurement', reason: expect.stringContaining('no CharacteristicItemId') },
            { id: null, element: 'DiameterCharacteristicMeasurement', reason: expect.stringContaining('no id') },
          ],
        },
      }),
    );
  });
});

describeWithQif('parseQifResults on the QIF samples', () => {
  test('QIF_Results_Sample.QIF: 13 measurements of 11 items, values as written, balloons from its Characteristics', () => {
    const file = parseQifResults(qifSample('QIF_Results_Sample.QIF'));
    expect(file.measuredAt).toBeUndefined();
    expect(file.measurements).toHaveLength(13);
    expect(file.measurements[0]).toEqual({
      measurementId: '17', characteristicItemId: '15', nominalId: '14', designator: '5', kind: 'PointProfile', values: ['-0.020323885079998'], unit: 'mm', status: 'PASS',
    });
    const byId = new Map(file.measurements.map((m) => [m.measurementId, m]));
    expect(byId.get('26')).toMatchObject({ characteristicItemId: '25', designator: '1', kind: 'LinearCoordinate', values: ['2466.9000000000001'], status: 'BASIC_OR_TED' });
    expect(byId.get('51')).toMatchObject({ characteristicItemId: '50', designator: '6', kind: 'Diameter', values: ['9.499476'], status: 'FAIL' });
    expect(byId.get('88')).toMatchObject({ characteristicItemId: '87', kind: 'DistanceBetween', values: ['81.220808617516994'], unit: 'mm' });
    expect(new Set(file.measurements.map((m) => m.characteristicItemId)).size).toBe(11);
  });

  test('WIDGET_QIF_RESULTS.QIF: 42 measurements in file order', () => {
    const file = parseQifResults(qifSample('WIDGET_QIF_RESULTS.QIF'));
    expect(file.measurements).toHaveLength(42);
    expect(file.measurements.slice(0, 2)).toEqual([
      expect.objectContaining({ measurementId: '16', characteristicItemId: '14', kind: 'Flatness', values: ['0.088'], unit: 'mm', status: 'PASS' }),
      expect.objectContaining({ measurementId: '22', characteristicItemId: '21', kind: 'Perpendicularity', values: ['0.114'] }),
    ]);
    expect(file.measurements.find((m) => m.measurementId === '50')).toMatchObject({ characteristicItemId: '49', values: ['19.007000000000001'] });
    expect(file.measurements.at(-1)).toMatchObject({ characteristicItemId: '215', kind: 'Position', values: ['0.082241832139869'] });
  });

  test('the small files are valid QIF 3 by the XSDs', async () => {
    for (const [name, xml] of Object.entries(files)) expect({ name, errors: await qifSchemaErrors(xml, `${name}.qif`) }).toEqual({ name, errors: [] });
  });
});
