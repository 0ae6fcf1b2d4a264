/**
 * The measurement results of a DCC (dcc.ts builds the rest) and the D-SI pieces both use: units,
 * numbers, si:real with its expanded uncertainty, and dcc texts. Decimal strings from the model go
 * into the XML as they are; only k and p, which are doubles, are formatted here.
 */
import type { create } from 'xmlbuilder2';
import type { DocumentItem, DocumentModel, Quantity, ReportedUncertainty, ResultSummary } from './document-model.js';

/** An element under construction (xmlbuilder2's builder). */
export type Node = ReturnType<typeof create>;

/** A text the lab writes into every DCC, in Finnish (the mandatory language) and English. */
export interface Text {
  readonly fi: string;
  readonly en: string;
}

const TEXT = {
  calibrationResults: { fi: 'Kalibrointitulokset', en: 'Calibration results' },
  measurementResults: { fi: 'Mittaustulokset', en: 'Measurement results' },
  accreditedMethod: { fi: 'Akkreditoitu menetelmä', en: 'Accredited method' },
  notAccreditedMethod: { fi: 'Menetelmä ei kuulu akkreditoinnin piiriin', en: 'Method not covered by the accreditation' },
  temperature: { fi: 'Ympäristön lämpötila', en: 'Ambient temperature' },
  temperatureMin: { fi: 'Lämpötila, pienin', en: 'Temperature, minimum' },
  temperatureMax: { fi: 'Lämpötila, suurin', en: 'Temperature, maximum' },
  humidity: { fi: 'Ympäristön suhteellinen kosteus', en: 'Ambient relative humidity' },
  humidityMin: { fi: 'Suhteellinen kosteus, pienin', en: 'Relative humidity, minimum' },
  humidityMax: { fi: 'Suhteellinen kosteus, suurin', en: 'Relative humidity, maximum' },
  point: { fi: 'Kalibrointipiste', en: 'Calibration point' },
  referenceValue: { fi: 'Vertailuarvo', en: 'Reference value' },
  indication: { fi: 'Näyttämä', en: 'Indication' },
  errorOfIndication: { fi: 'Näyttämän virhe', en: 'Error of indication' },
  nominal: { fi: 'Nimellisarvo', en: 'Nominal value' },
  measured: { fi: 'Mitattu arvo', en: 'Measured value' },
  deviation: { fi: 'Poikkeama nimellisarvosta', en: 'Deviation from nominal' },
} as const satisfies Record<string, Text>;

/** The model's unit symbols as D-SI units. Inches have no D-SI unit: the caller converts them first. */
const DSI_UNITS: Readonly<Record<string, string>> = {
  m: '\\metre',
  mm: '\\milli\\metre',
  'µm': '\\micro\\metre',
  'μm': '\\micro\\metre', // Greek mu, as some keyboards type it
  um: '\\micro\\metre',
  deg: '\\degree',
  '°': '\\degree',
  '°C': '\\degreeCelsius',
};
const PERCENT = '\\percent';

/** The D-SI unit of a unit symbol; throws for a unit a DCC of a length instrument does not use. */
export function dsiUnit(unit: string): string {
  const dsi = DSI_UNITS[unit.trim()];
  if (!dsi) throw new Error(`No D-SI unit for "${unit}": a DCC states lengths in m, mm or µm, angles in deg and temperatures in °C.`);
  return dsi;
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal string from the model, checked (D-SI accepts it as it is). */
function decimal(value: string): string {
  if (!DECIMAL.test(value)) throw new Error(`"${value}" is not a decimal number with a point.`);
  return value;
}

/** k with at most two decimals (2 -> `2`); NaN, which D-SI allows, for a Monte Carlo interval that has no k. */
export const coverageFactorText = (k: number | null): string => (k === null ? 'NaN' : String(Number(k.toFixed(2))));

/** The probabilities of k = 1, 2, 3 for a normal distribution, written as the convention states them (0.9545 is "approximately 95 %"). */
const CONVENTIONAL_P: readonly (readonly [number, string])[] = [
  [0.6827, '0.68'],
  [0.9545, '0.95'],
  [0.9973, '0.997'],
];

/** p as a decimal: 0.9545 -> `0.95` by convention, others with at most four decimals. */
export function coverageProbabilityText(p: number): string {
  const conventional = CONVENTIONAL_P.find(([exact]) => Math.abs(p - exact) < 5e-5);
  return conventional ? conventional[1] : String(Number(p.toFixed(4)));
}

/** `<dcc:{name}>` with the text in Finnish and English (and `suffix` appended to both). */
export function texts(parent: Node, name: string, text: Text, suffix = ''): Node {
  const e = parent.ele(`dcc:${name}`);
  e.ele('dcc:content', { lang: 'fi' }).txt(text.fi + suffix);
  e.ele('dcc:content', { lang: 'en' }).txt(text.en + suffix);
  return e;
}

/** `<dcc:{name}>` with a text from the model (a name, a title), written as it is, without a language. */
export function plain(parent: Node, name: string, ...contents: string[]): Node {
  const e = parent.ele(`dcc:${name}`);
  for (const c of contents) e.ele('dcc:content').txt(c);
  return e;
}

/** An xs:ID from a prefix and a model id (a UUID may start with a digit, which an ID may not). */
export const xmlId = (prefix: string, id: string): string => `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;

/** The id of a result's list, which its conformity statement refers to. */
export const pointId = (s: ResultSummary): string => xmlId('result', s.resultId);

/** si:real with a value in a D-SI unit and, when given, its expanded uncertainty. */
function siReal(parent: Node, value: string, unit: string, u: ReportedUncertainty | null): void {
  const real = parent.ele('si:real');
  real.ele('si:value').txt(decimal(value));
  real.ele('si:unit').txt(unit);
  if (!u) return;
  const mu = real.ele('si:measurementUncertaintyUnivariate').ele('si:expandedMU');
  mu.ele('si:valueExpandedMU').txt(decimal(u.expanded));
  mu.ele('si:coverageFactor').txt(coverageFactorText(u.coverageFactor));
  mu.ele('si:coverageProbability').txt(coverageProbabilityText(u.coverageProbability));
}

/** si:real of a model quantity; U must be in the quantity's unit, as the result summary gives it. */
export function real(parent: Node, q: Quantity, u: ReportedUncertainty | null = null): void {
  if (u && u.unit !== q.unit) throw new Error(`The uncertainty (${u.unit}) is not in the unit of its value (${q.unit}).`);
  siReal(parent, q.value, dsiUnit(q.unit), u);
}

/** A named dcc:quantity with a refType of the DCC's basic vocabulary, or none. */
export function quantity(parent: Node, refType: string | null, name: Text, q: Quantity, u: ReportedUncertainty | null = null): void {
  const e = parent.ele('dcc:quantity', refType ? { refType } : {});
  texts(e, 'name', name);
  real(e, q, u);
}

/** The recorded temperature and humidity ranges over the results. */
function influenceConditions(parent: Node, environment: DocumentModel['environment']): void {
  const conditions = [
    { range: environment.temperature, refType: 'basic_temperature', unit: dsiUnit('°C'), name: TEXT.temperature, min: TEXT.temperatureMin, max: TEXT.temperatureMax },
    { range: environment.humidity, refType: 'basic_humidityRelative', unit: PERCENT, name: TEXT.humidity, min: TEXT.humidityMin, max: TEXT.humidityMax },
  ].filter((c) => c.range !== null);
  if (conditions.length === 0) return;
  const list = parent.ele('dcc:influenceConditions');
  for (const c of conditions) {
    const condition = list.ele('dcc:influenceCondition', { refType: c.refType });
    texts(condition, 'name', c.name);
    const data = condition.ele('dcc:data');
    for (const [end, name, value] of [['Min', c.min, c.range!.min], ['Max', c.max, c.range!.max]] as const) {
      const q = data.ele('dcc:quantity', { refType: `${c.refType}${end}` });
      texts(q, 'name', name);
      siReal(q, value, c.unit, null);
    }
  }
}

/**
 * One result as a list of quantities: a calibration point's reference value, indication and error
 * of indication with U; a characteristic's nominal, measured value with U and deviation.
 */
function resultList(table: Node, s: ResultSummary, n: number): void {
  const list = table.ele('dcc:list', { id: pointId(s) });
  const c = s.characteristic;
  if (c) {
    plain(list, 'name', c.identifier);
    plain(list, 'description', [c.type, c.tolerance].filter((x) => x).join(', '));
    if (c.nominal !== null) quantity(list, 'basic_nominalValue', TEXT.nominal, { value: c.nominal, unit: c.unit });
    quantity(list, 'basic_measuredValue', TEXT.measured, s.value, s.uncertainty);
    if (s.deviation) quantity(list, null, TEXT.deviation, s.deviation);
    return;
  }
  texts(list, 'name', TEXT.point, ` ${n}`);
  if (s.referenceValue) quantity(list, 'basic_referenceValue', TEXT.referenceValue, s.referenceValue);
  quantity(list, 'basic_measuredValue', TEXT.indication, s.value, s.deviation ? null : s.uncertainty);
  if (s.deviation) quantity(list, 'basic_measurementError', TEXT.errorOfIndication, s.deviation, s.uncertainty);
}

/** An item's results as one dcc:result: a list with one list per calibration point or characteristic. */
function itemResult(results: Node, item: DocumentItem): void {
  const result = results.ele('dcc:result', { id: xmlId('item', item.id) });
  plain(result, 'name', item.description);
  const table = result.ele('dcc:data').ele('dcc:list');
  item.results.forEach((s, i) => resultList(table, s, i + 1));
}

/** dcc:measurementResults: the methods, the environment and every item's results. */
export function measurementResults(parent: Node, m: DocumentModel): void {
  const items = m.items.filter((i) => i.results.length > 0);
  if (items.length === 0) throw new Error(`Document ${m.number ?? '(draft)'} has no results: a DCC states at least one.`);
  const result = parent.ele('dcc:measurementResults').ele('dcc:measurementResult');
  texts(result, 'name', m.type === 'calibration_certificate' ? TEXT.calibrationResults : TEXT.measurementResults);
  if (m.methods.length > 0) {
    const methods = result.ele('dcc:usedMethods');
    for (const method of m.methods) {
      const e = methods.ele('dcc:usedMethod');
      plain(e, 'name', method.title);
      texts(e, 'description', method.accredited ? TEXT.accreditedMethod : TEXT.notAccreditedMethod);
      e.ele('dcc:reference').txt(`${method.code} v${method.version}`);
    }
  }
  influenceConditions(result, m.environment);
  const results = result.ele('dcc:results');
  for (const item of items) itemResult(results, item);
}
