import type { ErrorCode } from '../../../shared/errors/index.js';
import type { ResultInput, ResultProblem } from './result-input.js';

/**
 * What CSV and QIF imports share: where a problem is, the job as the import sees it, reading values
 * exactly, and turning the problems the result checks find into problems of the file's rows and columns.
 */

/** Where a problem is: a line of a CSV file, or a measurement of a QIF file. */
export type RowRef = { line: number } | { measurementId: string; characteristicItemId: string };

/** One problem of a refused file: where, which column (null for the whole row or file), why, and a catalogue code. */
export interface ImportProblem {
  line?: number;
  measurementId?: string;
  characteristicItemId?: string;
  column: string | null;
  reason: string;
  code: ErrorCode;
}

export const problemAt = (ref: RowRef | null, column: string | null, code: ErrorCode, reason: string): ImportProblem => ({ ...(ref ?? {}), column, reason, code });

/** A job item as the import maps rows to it. */
export interface ImportItem {
  id: string;
  lineNo: number;
  description: string;
  instrument: boolean;
  characteristics: { id: string; identifier: string; qifId: string | null }[];
}

/** Values for what a file lacks, from the request's query parameters. */
export interface ImportDefaults {
  item?: string;
  methodVersionId?: string;
  equipment?: string;
  measuredAt?: string;
  temperature?: string;
  humidity?: string;
  deviationJustification?: string;
}

/** One result to record: its item, the input single logging takes, and the row each reading came from. */
export interface DraftResult {
  itemId: string;
  input: ResultInput;
  refs: RowRef[];
}

/** The names a file format gives to the parts of a measurement, for naming the column of a problem. */
export interface ColumnNames {
  characteristic: string;
  point: string;
  item: string;
  measuredAt: string;
  methodVersion: string;
  equipment: string;
  value: string;
  unit: string;
  temperature: string;
  humidity: string;
  deviation: string;
  /** Columns that hold one value for the whole file (QIF's query parameters): their problems name no row and are listed once. */
  fileLevel?: readonly string[];
}

const DECIMAL = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/**
 * A decimal as typed, with a decimal point or a decimal comma (Finnish Excel), normalised exactly
 * by text (`25,0110` → `25.0110`, `+1` → `1`); never through a float. Null for anything else.
 */
export function readDecimal(text: string): string | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  return `${m[1] === '-' ? '-' : ''}${m[2]}${m[3] !== undefined ? `.${m[3]}` : ''}`;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 date and time with a UTC offset (`2026-03-02T09:15:00+02:00`), as an ISO string; null when it is not one or not a real time. */
export function readTimestamp(text: string): string | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const offset = zone!.toUpperCase() === 'Z' ? 'Z' : `${zone!.slice(0, 3)}:${zone!.slice(-2)}`;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string): boolean => UUID.test(text);

/** The item a reference names: its line number on the job (1, 2, …) or its id. */
export function findItem(items: readonly ImportItem[], ref: string): ImportItem | null {
  const text = ref.trim();
  return items.find((i) => (/^\d+$/.test(text) ? i.lineNo === Number(text) : i.id === text.toLowerCase())) ?? null;
}

/** Equipment references separated by `|` (ids or the register's codes), blanks dropped. */
export const splitEquipment = (text: string): string[] => [...new Set(text.split('|').map((s) => s.trim()).filter((s) => s !== ''))];

/** The reason an environmental violation gives, per quantity. */
function environmentReason(v: { quantity: string; reading: string | null; lower: string; upper: string }, deviation: string): string {
  if (v.reading === null) return `No ${v.quantity} reading, and the method limits it to ${v.lower}..${v.upper}; give the reading, or ${deviation} to record a justified deviation.`;
  return `${v.quantity} ${v.reading} is outside the method's limits ${v.lower}..${v.upper}; give ${deviation} to record it as a justified deviation.`;
}

/**
 * The problems the result checks found for a draft, placed on the file: a reading's unit on the row of
 * that reading, an environmental violation on its own column, anything else on the result's first row.
 */
export function placeProblems(draft: DraftResult, problems: readonly ResultProblem[], columns: ColumnNames): ImportProblem[] {
  const first = draft.refs[0] ?? null;
  const placed = problems.flatMap((p): ImportProblem[] => {
    if (p.field === 'readings' && p.code === 'LIMS_RESULT_UNIT_MISMATCH') {
      const expected = String(p.details?.expectedUnit);
      const mismatches = (p.details?.mismatches ?? []) as { repeat: number; unit: string }[];
      return mismatches.map((m) => problemAt(draft.refs[m.repeat - 1] ?? first, columns.unit, p.code, `Unit ${m.unit} does not fit ${expected}, the unit of what is measured; give a ${expected}-compatible unit.`));
    }
    if (p.field === 'environment') {
      const violations = (p.details?.violations ?? []) as { quantity: 'temperature' | 'humidity'; reading: string | null; lower: string; upper: string }[];
      return violations.map((v) => problemAt(first, columns[v.quantity], p.code, environmentReason(v, columns.deviation)));
    }
    const column = {
      job: null,
      target: draft.input.calibrationPoint ? columns.point : columns.characteristic,
      measuredAt: columns.measuredAt,
      methodVersionId: columns.methodVersion,
      equipmentIds: columns.equipment,
      readings: columns.value,
    }[p.field as Exclude<ResultProblem['field'], 'environment'>];
    return [problemAt(first, column, p.code, p.message)];
  });
  const fileLevel = new Set(columns.fileLevel ?? []);
  return placed.map((p) => (p.column !== null && fileLevel.has(p.column) ? problemAt(null, p.column, p.code, p.reason) : p));
}

/** The file's own problems (no line, no measurement) first, then by line; QIF measurements keep the file's order. */
const order = (p: ImportProblem): number => (p.line === undefined && p.measurementId === undefined ? -1 : (p.line ?? 0));

/** Problems in file order (the file's own first, then by line), each once, keeping the order within a row. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = JSON.stringify([p.line, p.measurementId, p.characteristicItemId, p.column, p.code, p.reason]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order(a.p) - order(b.p) || a.i - b.i)
    .map((x) => x.p);
}
