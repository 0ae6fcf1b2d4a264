import { qifCharacteristic, qifCharacteristics, qifDocument } from './qif.js';

/**
 * Small QIF 3 documents written for the edge cases of the characteristics import. Those in
 * `validQif` are valid by the QIF 3 XSDs (a test checks it); `brokenQif` ones are deliberately not.
 */
const limits = (max: string, min: string, asLimit = false) => `<Tolerance><MaxValue>${max}</MaxValue><MinValue>${min}</MinValue><DefinedAsLimit>${asLimit}</DefinedAsLimit></Tolerance>`;
const balloon = (designator: string, name?: string) => `${name ? `<Name>${name}</Name>` : ''}<CharacteristicDesignator><Designator>${designator}</Designator></CharacteristicDesignator>`;

export const DATUMS_A_B =
  '<DatumDefinitions n="2"><DatumDefinition id="1"><DatumLabel>A</DatumLabel></DatumDefinition><DatumDefinition id="2"><DatumLabel>B</DatumLabel></DatumDefinition></DatumDefinitions>' +
  '<DatumReferenceFrames n="1"><DatumReferenceFrame id="5"><Datums n="2">' +
  '<Datum><SimpleDatum><DatumDefinitionId>1</DatumDefinitionId><MaterialModifier>NONE</MaterialModifier><ReferencedComponent>NOMINAL</ReferencedComponent></SimpleDatum><Precedence><PrecedenceEnum>PRIMARY</PrecedenceEnum></Precedence></Datum>' +
  '<Datum><SimpleDatum><DatumDefinitionId>2</DatumDefinitionId><MaterialModifier>MAXIMUM</MaterialModifier><ReferencedComponent>NOMINAL</ReferencedComponent></SimpleDatum><Precedence><PrecedenceEnum>SECONDARY</PrecedenceEnum></Precedence></Datum>' +
  '</Datums></DatumReferenceFrame></DatumReferenceFrames>';

/** A bore ⌀10 ±0.1 (item 12, balloon 1), a length 24.9…25.1 (item 22, balloon 2), a radius R3 +0.2/−0.1 (item 32, balloon 3), a position ⌀0.2 Ⓜ to A, B Ⓜ (item 42, balloon 4), a chamfer angle 45° ±1° (item 52, balloon 5). */
export const partCharacteristics = [
  qifCharacteristic('Diameter', 10, { definition: limits('0.1', '-0.1'), nominal: '<TargetValue>10</TargetValue>', item: balloon('1', 'Bore') }),
  qifCharacteristic('Length', 20, { definition: limits('25.1', '24.9', true), item: balloon('2') }),
  qifCharacteristic('Radius', 30, { definition: limits('0.2', '-0.1'), nominal: '<TargetValue>3.0</TargetValue>', item: balloon('3') }),
  qifCharacteristic('Position', 40, {
    definition: '<ToleranceValue>0.2</ToleranceValue><DatumReferenceFrameId>5</DatumReferenceFrameId><MaterialCondition>MAXIMUM</MaterialCondition><ZoneShape><DiametricalZone/></ZoneShape>',
    item: balloon('4'),
  }),
  qifCharacteristic('Angle', 50, { definition: limits('1', '-1'), nominal: '<TargetValue>45</TargetValue>', item: balloon('5') }),
];

export const validQif = {
  /** Five characteristics, each with its item. */
  part: qifDocument({ datums: DATUMS_A_B, characteristics: qifCharacteristics(...partCharacteristics) }),
  /** A product definition with PMI only: nominals without items (as the NIST models). */
  nominalsOnly: qifDocument({
    characteristics: qifCharacteristics(
      qifCharacteristic('Flatness', 10, { definition: '<ToleranceValue>0.05</ToleranceValue>', nominal: balloon('7', 'Flatness.1'), item: null }),
      qifCharacteristic('Diameter', 20, { definition: limits('0.02', '-0.02'), nominal: `${balloon('8')}<TargetValue>12.000</TargetValue>`, item: null }),
    ),
  }),
  /** Inches as the primary linear unit. */
  inches: qifDocument({
    primaryUnits: '<LinearUnit><SIUnitName>meter</SIUnitName><UnitName>inch</UnitName><UnitConversion><Factor>0.0254</Factor></UnitConversion></LinearUnit>',
    characteristics: qifCharacteristics(qifCharacteristic('Diameter', 10, { definition: limits('0.002', '-0.001'), nominal: '<TargetValue>.5</TargetValue>', item: balloon('1') })),
  }),
  /** Straightness, a dimension to be measured without tolerance, a one-sided tolerance and feet: four characteristics the LIMS cannot hold, next to a good one. */
  unsupported: qifDocument({
    primaryUnits: '<LinearUnit><SIUnitName>meter</SIUnitName><UnitName>mm</UnitName></LinearUnit>',
    otherUnits: '<OtherUnits n="1"><LinearUnit><SIUnitName>meter</SIUnitName><UnitName>ft</UnitName><UnitConversion><Factor>0.3048</Factor></UnitConversion></LinearUnit></OtherUnits>',
    characteristics: qifCharacteristics(
      qifCharacteristic('Diameter', 10, { definition: limits('0.1', '-0.1'), nominal: '<TargetValue>10</TargetValue>', item: balloon('1') }),
      qifCharacteristic('Straightness', 20, { definition: '<ToleranceValue>0.01</ToleranceValue><MaterialCondition>NONE</MaterialCondition><ZoneShape><NonDiametricalZone/></ZoneShape>', item: balloon('2') }),
      qifCharacteristic('Length', 30, { definition: '<NonTolerance>MEASURED</NonTolerance>', nominal: '<TargetValue>40</TargetValue>', item: balloon('3') }),
      qifCharacteristic('Length', 40, { definition: '<Tolerance><MaxValue>0.1</MaxValue><DefinedAsLimit>false</DefinedAsLimit></Tolerance>', nominal: '<TargetValue>40</TargetValue>', item: balloon('4') }),
      qifCharacteristic('Length', 50, { definition: limits('0.1', '-0.1'), nominal: '<TargetValue linearUnit="ft">2</TargetValue>', item: balloon('5') }),
    ),
  }),
  /** A QIF document without characteristics. */
  noCharacteristics: qifDocument({}),
  /** Two characteristics with the same balloon. */
  sameBalloon: qifDocument({
    characteristics: qifCharacteristics(
      qifCharacteristic('Diameter', 10, { definition: limits('0.1', '-0.1'), nominal: '<TargetValue>10</TargetValue>', item: balloon('1') }),
      qifCharacteristic('Diameter', 20, { definition: limits('0.1', '-0.1'), nominal: '<TargetValue>12</TargetValue>', item: balloon('1') }),
    ),
  }),
};

export const brokenQif = {
  notXml: 'identifier;nominal\n1;10.0\n',
  unclosed: '<?xml version="1.0"?>\n<QIFDocument versionQIF="3.0.0">\n<Characteristics>\n</QIFDocument>\n',
  wrongRoot: '<?xml version="1.0"?>\n<PartReport><Characteristic id="1"/></PartReport>\n',
  qif2: validQif.part.replace('versionQIF="3.0.0"', 'versionQIF="2.1.0"').replace('xsd/qif3', 'xsd/qif2'),
  /** An item referring to a nominal the file lacks, and a Tolerance value that is not a number. */
  danglingReference: qifDocument({
    characteristics: qifCharacteristics(
      qifCharacteristic('Diameter', 10, { definition: limits('0.1', 'minus 0.1'), nominal: '<TargetValue>10</TargetValue>', item: balloon('1') }),
    ),
  }).replace('<CharacteristicNominalId>11</CharacteristicNominalId>', '<CharacteristicNominalId>99</CharacteristicNominalId>'),
};
