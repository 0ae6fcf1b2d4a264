import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML, memoryPages } from 'xmllint-wasm';
import { projectRoot } from '../../src/db/project-root.js';

/**
 * QIF material the tests read in place (never copied into the project): the QIF 3 XSDs and the
 * samples in ../shared/formats/qif. Tests that need it are skipped when it is missing on a developer's
 * machine, and fail when CI is set, so that a CI run can never pass without them.
 */
export const QIF_DIR = process.env.QIF_DIR ?? resolve(projectRoot(), '../shared/formats/qif');
export const QIF_SAMPLES = join(QIF_DIR, 'samples');
const XSD_DIR = join(QIF_DIR, 'xsd');

export const qifMaterialPresent = existsSync(join(XSD_DIR, 'QIFApplications', 'QIFDocument.xsd')) && existsSync(QIF_SAMPLES);

const missing = () => {
  throw new Error(`${QIF_DIR} (QIF 3 XSDs and samples) is missing; CI needs it to test QIF. Set QIF_DIR.`);
};

/** `describe` for tests that need the QIF material: skipped without it, except under CI where it fails. */
export function describeWithQif(name: string, body: () => void): void {
  if (qifMaterialPresent) return describe(name, body);
  if (process.env.CI) return describe(name, () => test('the QIF material is present', missing));
  return describe.skip(name, body); // skipped: no ../shared QIF material on this developer machine (not part of the project; CI fails instead)
}

/** `test` for one test that needs the QIF material, with the same rule as `describeWithQif`. */
export function testWithQif(name: string, body: () => Promise<void>): void {
  if (qifMaterialPresent) return test(name, body);
  if (process.env.CI) return test(name, missing);
  return test.skip(name, body); // skipped: no ../shared QIF material on this developer machine (not part of the project; CI fails instead)
}

/** A QIF sample's text. */
export const qifSample = (name: string): string => readFileSync(join(QIF_SAMPLES, name), 'utf8');

let schemaFiles: { fileName: string; contents: string }[] | null = null;

/** Every XSD of QIFApplications and QIFLibrary, named by its path under xsd/ so that relative includes resolve. */
function loadSchemas(): { fileName: string; contents: string }[] {
  schemaFiles ??= ['QIFApplications', 'QIFLibrary'].flatMap((dir) =>
    readdirSync(join(XSD_DIR, dir))
      .filter((f) => f.endsWith('.xsd'))
      .map((f) => ({ fileName: `${dir}/${f}`, contents: readFileSync(join(XSD_DIR, dir, f), 'utf8') })),
  );
  return schemaFiles;
}

/** Validates a QIF document against QIFApplications/QIFDocument.xsd; answers the schema errors (none when valid). */
export async function qifSchemaErrors(xml: string, fileName = 'document.qif'): Promise<string[]> {
  const schemas = loadSchemas();
  const main = schemas.find((s) => s.fileName === 'QIFApplications/QIFDocument.xsd')!;
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [main],
    preload: schemas.filter((s) => s !== main),
    initialMemoryPages: 4096,
    maxMemoryPages: memoryPages.GiB,
  });
  return result.errors.map((e) => e.rawMessage);
}

/** The parts of a small QIF 3 test document; fragments are the XML inside each list. */
export interface QifFixture {
  versionQIF?: string;
  /** The inside of FileUnits/PrimaryUnits; mm and degree by default. */
  primaryUnits?: string;
  /** The inside of FileUnits after PrimaryUnits (OtherUnits …). */
  otherUnits?: string;
  /** DatumDefinitions and DatumReferenceFrames elements, whole. */
  datums?: string;
  characteristics?: { definitions: string[]; nominals: string[]; items: string[] };
  /** CharacteristicMeasurement elements; with them the document has a Results section. */
  measurements?: string[];
  /** InspectionTraceability of the MeasurementResults, whole. */
  traceability?: string;
}

export const MM_AND_DEGREE =
  '<AngularUnit><SIUnitName>radian</SIUnitName><UnitName>degree</UnitName><UnitConversion><Factor>0.017453292519943</Factor></UnitConversion></AngularUnit>' +
  '<LinearUnit><SIUnitName>meter</SIUnitName><UnitName>mm</UnitName><UnitConversion><Factor>0.001</Factor></UnitConversion></LinearUnit>';

const list = (name: string, elements: string[]): string => `<${name} n="${elements.length}">\n${elements.join('\n')}\n</${name}>`;

/** A small QIF 3 document (schema-valid when its fragments are). */
export function qifDocument(f: QifFixture): string {
  const c = f.characteristics;
  const characteristics = c
    ? `<Characteristics><FormalStandardId>9</FormalStandardId>\n${list('CharacteristicDefinitions', c.definitions)}\n${list('CharacteristicNominals', c.nominals)}\n${c.items.length > 0 ? list('CharacteristicItems', c.items) : ''}</Characteristics>`
    : '';
  const results = f.measurements
    ? `<Results><MeasurementResultsSet n="1"><MeasurementResults id="9000">${f.traceability ?? ''}<MeasuredCharacteristics>${list('CharacteristicMeasurements', f.measurements)}</MeasuredCharacteristics>` +
      '<InspectionStatus><InspectionStatusEnum>PASS</InspectionStatusEnum></InspectionStatus></MeasurementResults></MeasurementResultsSet></Results>'
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<QIFDocument xmlns="http://qifstandards.org/xsd/qif3" versionQIF="${f.versionQIF ?? '3.0.0'}" idMax="9999">
<QPId>0f3c6a3e-2d6b-4b8e-9a51-5a4b2c1d0e01</QPId>
<StandardsDefinitions n="1"><Standard id="9"><Organization><StandardsOrganizationEnum>ASME</StandardsOrganizationEnum></Organization><Designator>Y14.5</Designator><Year>2009</Year></Standard></StandardsDefinitions>
<FileUnits><PrimaryUnits>${f.primaryUnits ?? MM_AND_DEGREE}</PrimaryUnits>${f.otherUnits ?? ''}</FileUnits>
${f.datums ?? ''}
${characteristics}
${results}
</QIFDocument>
`;
}

/**
 * One characteristic as QIF fragments: a definition (`definition` is its inside, e.g. a Tolerance),
 * a nominal referring to it and an item referring to the nominal (`item: null` for an MBD file that
 * defines nominals only). Ids are `id`, `id + 1`, `id + 2`.
 */
export function qifCharacteristic(kind: string, id: number, parts: { definition: string; nominal?: string; item?: string | null }) {
  return {
    definition: `<${kind}CharacteristicDefinition id="${id}">${parts.definition}</${kind}CharacteristicDefinition>`,
    nominal: `<${kind}CharacteristicNominal id="${id + 1}"><CharacteristicDefinitionId>${id}</CharacteristicDefinitionId>${parts.nominal ?? ''}</${kind}CharacteristicNominal>`,
    item: parts.item === null ? null : `<${kind}CharacteristicItem id="${id + 2}">${parts.item ?? ''}<CharacteristicNominalId>${id + 1}</CharacteristicNominalId></${kind}CharacteristicItem>`,
  };
}

/** The characteristics part of a fixture from qifCharacteristic results. */
export function qifCharacteristics(...list: ReturnType<typeof qifCharacteristic>[]): NonNullable<QifFixture['characteristics']> {
  return { definitions: list.map((c) => c.definition), nominals: list.map((c) => c.nominal), items: list.flatMap((c) => (c.item === null ? [] : [c.item])) };
}
