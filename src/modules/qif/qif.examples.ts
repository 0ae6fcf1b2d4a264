/**
 * A realistic request and answer for the OpenAPI document (Swagger UI at /docs) of the QIF import of a
 * piece's characteristics: a short QIF 3 MBD file of shaft 40-123 (balloon 12, the bearing seat
 * ⌀25 +0.021/0 mm, and balloon 14, the length 120 ±0.05 mm), valid by the QIF 3 schemas, and what the
 * import answers for it.
 */

/** The QIF document, as sent with Content-Type application/xml (or text/xml, application/qif+xml). */
export const qifExample =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<QIFDocument xmlns="http://qifstandards.org/xsd/qif3" versionQIF="3.0.0" idMax="9999">\n' +
  '<QPId>4d6f8a0b-2c4e-4d6f-8a0b-2c4e6d8f0a54</QPId>\n' +
  '<StandardsDefinitions n="1"><Standard id="9"><Organization><StandardsOrganizationEnum>ASME</StandardsOrganizationEnum></Organization><Designator>Y14.5</Designator><Year>2009</Year></Standard></StandardsDefinitions>\n' +
  '<FileUnits><PrimaryUnits><AngularUnit><SIUnitName>radian</SIUnitName><UnitName>degree</UnitName><UnitConversion><Factor>0.017453292519943</Factor></UnitConversion></AngularUnit><LinearUnit><SIUnitName>meter</SIUnitName><UnitName>mm</UnitName><UnitConversion><Factor>0.001</Factor></UnitConversion></LinearUnit></PrimaryUnits></FileUnits>\n' +
  '<Characteristics><FormalStandardId>9</FormalStandardId>\n' +
  '<CharacteristicDefinitions n="2">\n' +
  '<DiameterCharacteristicDefinition id="10"><Tolerance><MaxValue>0.021</MaxValue><MinValue>0</MinValue><DefinedAsLimit>false</DefinedAsLimit></Tolerance></DiameterCharacteristicDefinition>\n' +
  '<LengthCharacteristicDefinition id="20"><Tolerance><MaxValue>0.05</MaxValue><MinValue>-0.05</MinValue><DefinedAsLimit>false</DefinedAsLimit></Tolerance></LengthCharacteristicDefinition>\n' +
  '</CharacteristicDefinitions>\n' +
  '<CharacteristicNominals n="2">\n' +
  '<DiameterCharacteristicNominal id="11"><CharacteristicDefinitionId>10</CharacteristicDefinitionId><TargetValue>25.000</TargetValue></DiameterCharacteristicNominal>\n' +
  '<LengthCharacteristicNominal id="21"><CharacteristicDefinitionId>20</CharacteristicDefinitionId><TargetValue>120.0</TargetValue></LengthCharacteristicNominal>\n' +
  '</CharacteristicNominals>\n' +
  '<CharacteristicItems n="2">\n' +
  '<DiameterCharacteristicItem id="12"><Name>Bearing seat</Name><CharacteristicDesignator><Designator>12</Designator></CharacteristicDesignator><CharacteristicNominalId>11</CharacteristicNominalId></DiameterCharacteristicItem>\n' +
  '<LengthCharacteristicItem id="22"><CharacteristicDesignator><Designator>14</Designator></CharacteristicDesignator><CharacteristicNominalId>21</CharacteristicNominalId></LengthCharacteristicItem>\n' +
  '</CharacteristicItems></Characteristics>\n' +
  '</QIFDocument>\n';

/** The answer: each characteristic created, with its QIF item id. */
export const importAnswerExamples = [
  {
    jobId: '0b5f3c1e-6a43-4f5e-9a57-5f0d1c2b7e10',
    itemId: '7a9c1e3f-4b6d-4e8a-9c2d-0a2c4e6a8c15',
    source: { format: 'QIF', versionQIF: '3.0.0', qpId: '4d6f8a0b-2c4e-4d6f-8a0b-2c4e6d8f0a54' },
    characteristics: [
      {
        id: '8b0d2f4a-5c7e-4f9b-8d3e-1b3d5f7b9d16',
        identifier: '12',
        type: 'diameter',
        nominal: '25.000',
        unit: 'mm',
        tolerance: { kind: 'deviations', upper: '0.021', lower: '0' },
        datums: [],
        notes: 'QIF name Bearing seat',
        qifId: '12',
      },
      {
        id: '9c1e3a5b-6d8f-4a0c-9e4f-2c4e6a8c0e17',
        identifier: '14',
        type: 'length',
        nominal: '120.0',
        unit: 'mm',
        tolerance: { kind: 'symmetric', value: '0.05' },
        datums: [],
        notes: null,
        qifId: '22',
      },
    ],
  },
];
