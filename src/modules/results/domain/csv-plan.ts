import type { ErrorCode } from '../../../shared/errors/index.js';
import { findItem, isUuid, problemAt, readDecimal, readTimestamp, splitEquipment, type ColumnNames, type DraftResult, type ImportDefaults, type ImportItem, type ImportProblem } from './import-plan.js';
import type { CsvColumn, CsvFile, CsvRow } from './results-csv.js';
import { MAX_READINGS_PER_RESULT } from './result-input.js';

/**
 * From the rows of a results CSV to the results to record. One reading per row; rows with the same
 * item, characteristic (or calibration point) and measured_at are one result's repeats, in file order,
 * and must agree on everything else that belongs to the result.
 */

export const CSV_COLUMN_NAMES: ColumnNames = {
  characteristic: 'characteristic',
  point: 'point_nominal',
  item: 'item',
  measuredAt: 'measured_at',
  methodVersion: 'method_version',
  equipment: 'equipment',
  value: 'value',
  unit: 'unit',
  temperature: 'temperature',
  humidity: 'humidity',
  deviation: 'deviation_justification',
};

/** Columns that belong to the result, not to one reading: the rows of one result must agree on them. */
const SHARED: readonly CsvColumn[] = ['method_version', 'equipment', 'temperature', 'humidity', 'deviation_justification', 'remarks'];
const TEXT_LIMIT = 2000;

interface PlannedRow {
  line: number;
  key: string;
  itemId: string;
  target: { characteristicId: string } | { calibrationPoint: { nominal: string; unit: string } };
  reading: { value: string; unit: string };
  measuredAt: string;
  shared: Partial<Record<CsvColumn, string>>;
}

/** The job's items and characteristics indexed once: a file of 100,000 rows looks each up in constant time. */
class ItemIndex {
  private readonly byRef = new Map<string, ImportItem>();
  private readonly characteristics = new Map<ImportItem, Map<string, string>>();

  constructor(readonly items: readonly ImportItem[]) {}

  /** As findItem: the item a reference names by line number or id. */
  item(ref: string): ImportItem | null {
    let found = this.byRef.get(ref);
    if (found === undefined) {
      found = findItem(this.items, ref) ?? undefined;
      if (found) this.byRef.set(ref, found);
    }
    return found ?? null;
  }

  /** The id of the item's characteristic with this identifier (the first, as Array.find). */
  characteristicId(item: ImportItem, identifier: string): string | undefined {
    let ids = this.characteristics.get(item);
    if (!ids) {
      ids = new Map();
      for (const c of item.characteristics) if (!ids.has(c.identifier)) ids.set(c.identifier, c.id);
      this.characteristics.set(item, ids);
    }
    return ids.get(identifier);
  }
}

/** Reads one row; returns its plan, or null when a problem (pushed to `problems`) leaves it unusable. */
function planRow(row: CsvRow, index: ItemIndex, valueOf: (row: CsvRow, c: CsvColumn) => string | undefined, problems: ImportProblem[]): PlannedRow | null {
  const at = { line: row.line };
  const before = problems.length;
  const fail = (column: CsvColumn, code: ErrorCode, reason: string) => void problems.push(problemAt(at, column, code, reason));
  const need = (column: CsvColumn, what: string): string | undefined => {
    const v = valueOf(row, column);
    if (v === undefined) fail(column, 'LIMS_RESULT_IMPORT_MISSING_VALUE', `No ${column}; give ${what}.`);
    return v;
  };
  const decimal = (column: CsvColumn, text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const d = readDecimal(text);
    if (d === null) fail(column, 'LIMS_RESULT_IMPORT_BAD_VALUE', `"${text}" is not a decimal number; write it like 25.0110 or 25,0110 (no thousands separators, no exponent).`);
    return d ?? undefined;
  };

  const { items } = index;
  const itemRef = valueOf(row, 'item') ?? (items.length === 1 ? String(items[0]!.lineNo) : undefined);
  const item = itemRef === undefined ? undefined : index.item(itemRef);
  if (itemRef === undefined) fail('item', 'LIMS_RESULT_IMPORT_MISSING_VALUE', `No item; the job has ${items.length} items, give the item's line number (1..${items.length}) or id.`);
  else if (!item) fail('item', 'LIMS_RESULT_IMPORT_UNMATCHED', `The job has no item "${itemRef}"; give the item's line number (1..${items.length}) or id.`);

  const identifier = valueOf(row, 'characteristic');
  const nominal = valueOf(row, 'point_nominal');
  let target: PlannedRow['target'] | undefined;
  if (identifier !== undefined && nominal !== undefined) fail('characteristic', 'LIMS_RESULT_IMPORT_BAD_VALUE', 'Give either characteristic (pieces) or point_nominal and point_unit (instruments), not both.');
  else if (identifier !== undefined && item) {
    const characteristicId = index.characteristicId(item, identifier);
    if (characteristicId !== undefined) target = { characteristicId };
    else fail('characteristic', 'LIMS_RESULT_IMPORT_UNMATCHED', `Item ${item.lineNo} ("${item.description}") has no characteristic "${identifier}"${item.instrument ? '; it is an instrument: give point_nominal and point_unit' : ''}.`);
  } else if (nominal !== undefined) {
    const value = decimal('point_nominal', nominal);
    const unit = need('point_unit', 'the unit of the calibration point');
    if (value !== undefined && unit !== undefined) target = { calibrationPoint: { nominal: value, unit } };
  } else if (identifier === undefined) fail('characteristic', 'LIMS_RESULT_IMPORT_MISSING_VALUE', 'No characteristic; give the characteristic measured (pieces) or point_nominal and point_unit (instruments).');

  const value = decimal('value', need('value', 'the reading'));
  const unit = need('unit', "the reading's unit");
  const timeText = need('measured_at', 'the measurement time, e.g. 2026-03-02T09:15:00+02:00');
  const measuredAt = timeText === undefined ? null : readTimestamp(timeText);
  if (timeText !== undefined && measuredAt === null) fail('measured_at', 'LIMS_RESULT_IMPORT_BAD_VALUE', `"${timeText}" is not a date and time with a UTC offset; write it like 2026-03-02T09:15:00+02:00.`);
  const version = need('method_version', "the method version's id");
  if (version !== undefined && !isUuid(version)) fail('method_version', 'LIMS_RESULT_IMPORT_BAD_VALUE', `"${version}" is not a method version id; give the id of the released method version (GET /api/v1/methods lists them).`);
  const equipment = need('equipment', "the equipment's codes or ids, separated by |");
  if (equipment !== undefined && splitEquipment(equipment).length === 0) fail('equipment', 'LIMS_RESULT_IMPORT_MISSING_VALUE', "No equipment; give the equipment's codes or ids, separated by |.");
  decimal('temperature', valueOf(row, 'temperature'));
  decimal('humidity', valueOf(row, 'humidity'));
  for (const column of ['deviation_justification', 'remarks', 'unit', 'point_unit'] as const) {
    const text = valueOf(row, column);
    const limit = column.endsWith('unit') ? 20 : TEXT_LIMIT;
    if (text !== undefined && text.length > limit) fail(column, 'LIMS_RESULT_IMPORT_BAD_VALUE', `The ${column} is ${text.length} characters long; at most ${limit} are kept.`);
  }
  if (problems.length > before || !item || !target || value === undefined || unit === undefined || measuredAt === null) return null;

  const shared: PlannedRow['shared'] = {};
  for (const column of SHARED) shared[column] = valueOf(row, column);
  const point = 'calibrationPoint' in target ? target.calibrationPoint : null;
  const key = [item.id, point ? `${point.nominal} ${point.unit}` : (target as { characteristicId: string }).characteristicId, new Date(measuredAt).toISOString()].join('|');
  return { line: row.line, key, itemId: item.id, target, reading: { value, unit }, measuredAt, shared };
}

const DEFAULTED: Partial<Record<CsvColumn, keyof ImportDefaults>> = {
  item: 'item',
  method_version: 'methodVersionId',
  equipment: 'equipment',
  measured_at: 'measuredAt',
  temperature: 'temperature',
  humidity: 'humidity',
  deviation_justification: 'deviationJustification',
};

/** Required columns the header lacks and no query parameter supplies: one problem each, on the header line. */
function missingColumns(file: CsvFile, items: readonly ImportItem[], defaults: ImportDefaults): ImportProblem[] {
  const has = (c: CsvColumn) => file.columns.includes(c) || (DEFAULTED[c] !== undefined && defaults[DEFAULTED[c]] !== undefined);
  const at = { line: file.headerLine };
  const missing = (column: string, reason: string) => problemAt(at, column, 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason);
  const out: ImportProblem[] = [];
  for (const c of ['value', 'unit', 'measured_at', 'method_version', 'equipment'] as const) {
    if (!has(c)) out.push(missing(c, `Required column "${c}" is missing; add it to the header${DEFAULTED[c] ? ` or give the query parameter ${DEFAULTED[c]}` : ''}.`));
  }
  if (!has('item') && items.length > 1) out.push(missing('item', `Column "item" is missing and the job has ${items.length} items; add it, or give the query parameter item.`));
  if (!has('characteristic') && !has('point_nominal')) out.push(missing('characteristic', 'Neither "characteristic" nor "point_nominal" is a column; add the one that names what was measured.'));
  if (has('point_nominal') && !has('point_unit')) out.push(missing('point_unit', 'Column "point_nominal" needs the column "point_unit".'));
  return out;
}

/** Maps the rows of a parsed file to draft results, with every problem of every row. */
export function planCsv(file: CsvFile, items: readonly ImportItem[], defaults: ImportDefaults): { drafts: DraftResult[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = file.problems.map((p) => problemAt({ line: p.line }, p.column, p.kind === 'unknown_column' ? 'LIMS_RESULT_IMPORT_UNKNOWN_COLUMN' : 'LIMS_RESULT_IMPORT_MALFORMED', p.reason));
  const headerProblems = missingColumns(file, items, defaults);
  for (const problem of headerProblems) problems.push(problem);
  if (file.rows.length === 0 && file.problems.length === 0) problems.push(problemAt({ line: file.headerLine }, null, 'LIMS_RESULT_IMPORT_MISSING_VALUE', 'The file has a header and no rows; add one row per reading.'));
  const incomplete = headerProblems.length > 0;
  const valueOf = (row: CsvRow, c: CsvColumn): string | undefined => {
    const v = row.values[c];
    if (v !== undefined && v !== '') return v;
    const d = DEFAULTED[c];
    return d ? defaults[d] : undefined;
  };

  const groups = new Map<string, PlannedRow[]>();
  const index = new ItemIndex(items);
  for (const row of file.rows) {
    // A required column missing is reported once above, not on every row; the rows' other values are still read.
    const rowProblems: ImportProblem[] = [];
    const planned = planRow(row, index, valueOf, rowProblems);
    for (const p of rowProblems) if (!(incomplete && p.code === 'LIMS_RESULT_IMPORT_MISSING_VALUE' && headerProblems.some((h) => h.column === p.column))) problems.push(p);
    if (!planned) continue;
    const group = groups.get(planned.key);
    if (!group) groups.set(planned.key, [planned]);
    else {
      const first = group[0]!;
      for (const column of SHARED) {
        if ((planned.shared[column] ?? '') !== (first.shared[column] ?? '')) {
          problems.push(problemAt({ line: planned.line }, column, 'LIMS_RESULT_IMPORT_INCONSISTENT', `${column} differs from line ${first.line}, a repeat of the same result (same item, ${'characteristicId' in first.target ? 'characteristic' : 'calibration point'} and measured_at); repeats of one result share it.`));
        }
      }
      group.push(planned);
    }
  }
  const drafts: DraftResult[] = [];
  for (const rows of groups.values()) {
    // Checked here, so that a result of tens of thousands of readings never reaches the rules on the request thread.
    if (rows.length <= MAX_READINGS_PER_RESULT) drafts.push(draftOf(rows));
    else {
      const first = rows[0]!;
      problems.push(
        problemAt({ line: rows[MAX_READINGS_PER_RESULT]!.line }, 'value', 'LIMS_RESULT_INVALID', `Line ${first.line} begins a result of ${rows.length} repeats (same item, ${'characteristicId' in first.target ? 'characteristic' : 'calibration point'} and measured_at); a result takes at most ${MAX_READINGS_PER_RESULT} readings. Give the repeats their own measured_at if they are separate measurements.`),
      );
    }
  }
  return { drafts, problems };
}

function draftOf(rows: PlannedRow[]): DraftResult {
  const first = rows[0]!;
  const s = first.shared;
  return {
    itemId: first.itemId,
    refs: rows.map((r) => ({ line: r.line })),
    input: {
      ...first.target,
      methodVersionId: s.method_version!,
      equipmentIds: splitEquipment(s.equipment!),
      measuredAt: first.measuredAt,
      environment: { ...(s.temperature ? { temperature: readDecimal(s.temperature)! } : {}), ...(s.humidity ? { humidity: readDecimal(s.humidity)! } : {}) },
      readings: rows.map((r) => r.reading),
      ...(s.deviation_justification ? { deviation: { justification: s.deviation_justification } } : {}),
      remarks: s.remarks ?? null,
    },
  };
}
