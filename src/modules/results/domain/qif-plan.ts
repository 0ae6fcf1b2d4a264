import type { QifResultsFile } from '../../qif/index.js';
import { findItem, isUuid, problemAt, readTimestamp, splitEquipment, type ColumnNames, type DraftResult, type ImportDefaults, type ImportItem, type ImportProblem, type RowRef } from './import-plan.js';

/**
 * From the measured characteristics of a QIF Results file (ISO 23952) to the results to record. Each
 * measurement is one result, matched to a job characteristic by its QIF CharacteristicItem id, else by
 * its designator (the characteristic's identifier). What QIF does not carry — method version,
 * equipment, environment — comes from the request's query parameters.
 */

/** The parts of a parsed QIF Results file (the qif module's `parseQifResults`) the import uses. */
export type QifMeasurements = { measuredAt?: string; measurements: Pick<QifResultsFile['measurements'][number], 'characteristicItemId' | 'designator' | 'values' | 'unit' | 'measurementId' | 'measuredAt'>[] };

export const QIF_COLUMN_NAMES: ColumnNames = {
  characteristic: 'characteristicItemId',
  point: 'characteristicItemId',
  item: 'item',
  measuredAt: 'measuredAt',
  methodVersion: 'methodVersionId',
  equipment: 'equipment',
  value: 'values',
  unit: 'unit',
  temperature: 'temperature',
  humidity: 'humidity',
  deviation: 'deviationJustification',
  fileLevel: ['measuredAt', 'methodVersionId', 'equipment', 'temperature', 'humidity', 'deviationJustification'],
};

const QIF_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A QIF value (xs:decimal) as a plain decimal string, digits kept: `.5` → `0.5`, `+2.` → `2`. */
function qifDecimal(text: string): string | null {
  const t = text.trim();
  if (!QIF_DECIMAL.test(t)) return null;
  const negative = t.startsWith('-');
  const [whole = '', fraction = ''] = t.replace(/^[+-]/, '').split('.');
  return `${negative ? '-' : ''}${whole === '' ? '0' : whole}${fraction === '' ? '' : `.${fraction}`}`;
}

type Characteristic = ImportItem['characteristics'][number];

/** The characteristics a measurement matches: by QIF id first, by designator only when no QIF id matches. */
function matches(items: readonly ImportItem[], m: QifMeasurements['measurements'][number]): { item: ImportItem; c: Characteristic }[] {
  const all = items.flatMap((item) => item.characteristics.map((c) => ({ item, c })));
  const byId = all.filter(({ c }) => c.qifId === m.characteristicItemId);
  if (byId.length > 0 || m.designator === undefined) return byId;
  return all.filter(({ c }) => c.identifier === m.designator);
}

/** Settings the whole file needs from the query: method version and equipment (QIF carries neither). */
function fileSettings(defaults: ImportDefaults, problems: ImportProblem[]) {
  const missing = (column: string, reason: string) => problems.push(problemAt(null, column, 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason));
  if (defaults.methodVersionId === undefined) missing('methodVersionId', 'QIF carries no method version; give the query parameter methodVersionId.');
  const equipment = splitEquipment(defaults.equipment ?? '');
  if (equipment.length === 0) missing('equipment', 'QIF names no equipment of the register; give the query parameter equipment (codes or ids separated by |).');
  return equipment;
}

/**
 * The measurement time: the query's, else the measurement's own (TimeStamp or its results' InspectionStart),
 * else the file's. QIF times often lack a UTC offset; such a time is refused, asking for the query parameter.
 */
function timeOf(file: QifMeasurements, m: QifMeasurements['measurements'][number], defaults: ImportDefaults, ref: RowRef, problems: ImportProblem[]): string | null {
  const text = defaults.measuredAt ?? m.measuredAt ?? file.measuredAt;
  if (text === undefined) {
    problems.push(problemAt(null, 'measuredAt', 'LIMS_RESULT_IMPORT_MISSING_VALUE', 'The file gives no measurement time; give the query parameter measuredAt, e.g. 2026-03-02T09:15:00+02:00.'));
    return null;
  }
  const time = readTimestamp(text);
  if (time === null) {
    const own = defaults.measuredAt === undefined && m.measuredAt !== undefined && m.measuredAt !== file.measuredAt;
    problems.push(problemAt(own ? ref : null, 'measuredAt', 'LIMS_RESULT_IMPORT_BAD_VALUE', `The file's measurement time "${text}" has no UTC offset or is not a time; give the query parameter measuredAt.`));
  }
  return time;
}

/** Maps the measurements of a parsed QIF Results file to draft results, with every problem of every measurement. */
export function planQif(file: QifMeasurements, items: readonly ImportItem[], defaults: ImportDefaults): { drafts: DraftResult[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const equipment = fileSettings(defaults, problems);
  const scope = defaults.item === undefined ? items : [findItem(items, defaults.item)].filter((i): i is ImportItem => i !== null);
  if (file.measurements.length === 0) problems.push(problemAt(null, null, 'LIMS_RESULT_IMPORT_MISSING_VALUE', 'The file has no measured characteristics.'));
  const drafts: DraftResult[] = [];
  for (const m of file.measurements) {
    const ref: RowRef = { measurementId: m.measurementId, characteristicItemId: m.characteristicItemId };
    const measuredAt = timeOf(file, m, defaults, ref, problems);
    const before = problems.length;
    const fail = (column: string, code: ImportProblem['code'], reason: string) => void problems.push(problemAt(ref, column, code, reason));
    const found = matches(scope, m);
    const named = `QIF id ${m.characteristicItemId}${m.designator !== undefined ? ` or designator "${m.designator}"` : ''}`;
    if (found.length === 0) fail('characteristicItemId', 'LIMS_RESULT_IMPORT_UNMATCHED', `No characteristic of ${defaults.item === undefined ? 'the job' : `item ${defaults.item}`} has ${named}; give the characteristic that QIF id (qifId) or identifier.`);
    if (found.length > 1) fail('characteristicItemId', 'LIMS_RESULT_IMPORT_UNMATCHED', `${named} matches characteristics of items ${found.map((f) => f.item.lineNo).join(', ')}; give the query parameter item.`);
    const values = m.values.map((v) => ({ text: v, value: qifDecimal(v) }));
    if (values.length === 0) fail('values', 'LIMS_RESULT_IMPORT_MISSING_VALUE', 'The measurement has no measured value.');
    for (const v of values) if (v.value === null) fail('values', 'LIMS_RESULT_IMPORT_BAD_VALUE', `"${v.text}" is not a decimal number.`);
    if (m.unit === undefined) fail('unit', 'LIMS_RESULT_IMPORT_MISSING_VALUE', 'The file gives no unit for the measurement.');
    if (problems.length > before || measuredAt === null || defaults.methodVersionId === undefined || !isUuid(defaults.methodVersionId) || equipment.length === 0) continue;
    const { item, c } = found[0]!;
    drafts.push({
      itemId: item.id,
      refs: values.map(() => ref),
      input: {
        characteristicId: c.id,
        methodVersionId: defaults.methodVersionId,
        equipmentIds: equipment,
        measuredAt,
        environment: { ...(defaults.temperature ? { temperature: defaults.temperature } : {}), ...(defaults.humidity ? { humidity: defaults.humidity } : {}) },
        readings: values.map((v) => ({ value: v.value!, unit: m.unit! })),
        ...(defaults.deviationJustification ? { deviation: { justification: defaults.deviationJustification } } : {}),
        remarks: `QIF measurement ${m.measurementId} of characteristic item ${m.characteristicItemId}`,
      },
    });
  }
  return { drafts, problems };
}
