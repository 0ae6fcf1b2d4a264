import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { DomainError } from '../../shared/errors/index.js';
import { isAuthorized } from '../competence/index.js';
import { getEquipment } from '../equipment/index.js';
import type { JobItemLookup } from '../jobs/index.js';
import { checkEnvironment, findMethodVersion, type EnvironmentViolation, type VersionView } from '../methods/index.js';
import type { ResultInput, ResultProblem } from './domain/result-input.js';
import { labDay, pointAgainstRange, unitMismatches } from './domain/result-rules.js';
import { unitsCompatible } from './domain/units.js';
import * as repo from './results.repository.js';

/**
 * The rules every measurement must pass, shared by single logging (which refuses with the first
 * problem) and the import (which reports every problem of every row).
 */

export interface CheckedResult {
  problems: ResultProblem[];
  measuredAt: Date;
  violations: EnvironmentViolation[];
}

type EquipmentView = Awaited<ReturnType<typeof getEquipment>>;

/** The look-ups of the checks, remembered within one transaction: an import checks many rows against the same records. */
export class CheckLookups {
  private readonly cache = new Map<string, Promise<unknown>>();
  constructor(
    readonly tx: Db,
    readonly actor: Actor,
  ) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as Promise<T>;
  }

  version(id: string): Promise<VersionView | null> {
    return this.once(`v:${id}`, () => findMethodVersion(this.tx, id));
  }

  authorization(versionId: string, day: string): ReturnType<typeof isAuthorized> {
    return this.once(`a:${versionId}:${day}`, () => isAuthorized(this.tx, this.actor.userId, versionId, 'measure', day));
  }

  /** The equipment with its usability that day, or the not-found error. */
  equipment(id: string, day: string): Promise<EquipmentView | DomainError> {
    return this.once(`e:${id}:${day}`, () => getEquipment(this.tx, id, day).catch((e: unknown) => (e instanceof DomainError && e.code === 'LIMS_NOT_FOUND' ? e : Promise.reject(e))));
  }
}

const invalid = (field: ResultProblem['field'], message: string, details?: Record<string, unknown>): ResultProblem => ({ code: 'LIMS_RESULT_INVALID', field, message, ...(details ? { details } : {}) });
const fromError = (field: ResultProblem['field'], e: DomainError): ResultProblem => ({ code: e.code, field, message: e.message, ...(e.details ? { details: e.details } : {}) });

/**
 * A calibration point belongs to an instrument, in a unit of the instrument's dimension, within its
 * measuring range (ends included, compared exactly after unit conversion). Returns the reference unit.
 */
function checkCalibrationPoint(found: JobItemLookup, point: { nominal: string; unit: string }): string | ResultProblem {
  const { item } = found;
  if (!item.instrument) return invalid('target', `Item ${item.id} is not an instrument; give the characteristicId measured.`);
  const referenceUnit = item.unit ?? point.unit;
  if (!unitsCompatible(point.unit, referenceUnit)) {
    return { code: 'LIMS_RESULT_UNIT_MISMATCH', field: 'target', message: `The calibration point's unit ${point.unit} does not fit the instrument's ${referenceUnit}.`, details: { expectedUnit: referenceUnit } };
  }
  const range = item.measuringRange;
  if (!range) return referenceUnit;
  const where = pointAgainstRange({ value: point.nominal, unit: point.unit }, range);
  if (where === 'not_comparable') {
    return { code: 'LIMS_RESULT_UNIT_MISMATCH', field: 'target', message: `The calibration point's unit ${point.unit} has no exact conversion to the measuring range's ${range.unit}; give the point in ${range.unit}.`, details: { expectedUnit: range.unit } };
  }
  if (where !== 'inside') {
    return {
      code: 'LIMS_RESULT_POINT_OUT_OF_RANGE',
      field: 'target',
      message: `Calibration point ${point.nominal} ${point.unit} is ${where} the measuring range ${range.lower}…${range.upper} ${range.unit} of item ${item.lineNo} ("${item.description}"). Choose a point within the range.`,
      details: { calibrationPoint: point, measuringRange: range, side: where },
    };
  }
  return referenceUnit;
}

/** The unit the readings are compared with: the characteristic's or the calibration point's; or the problem with the target. */
function referenceUnitOf(found: JobItemLookup, input: ResultInput): string | ResultProblem {
  if ((input.characteristicId === undefined) === (input.calibrationPoint === undefined)) return invalid('target', 'Give either characteristicId or calibrationPoint.');
  if (input.calibrationPoint) return checkCalibrationPoint(found, input.calibrationPoint);
  const c = found.characteristics.find((x) => x.id === input.characteristicId);
  return c ? c.unit : invalid('target', `Characteristic ${input.characteristicId} is not a characteristic of item ${found.item.id}.`, { characteristicId: input.characteristicId });
}

/** Equipment that does not exist (each a problem) or was not usable on the day (one problem naming each item and why). */
async function equipmentProblems(lookups: CheckLookups, equipmentIds: readonly string[], day: string): Promise<ResultProblem[]> {
  const problems: ResultProblem[] = [];
  const unusable = [];
  for (const id of new Set(equipmentIds)) {
    const e = await lookups.equipment(id, day);
    if (e instanceof DomainError) problems.push(fromError('equipmentIds', e));
    else if (!e.usability.usable) unusable.push({ equipmentId: id, code: e.code, reasons: e.usability.reasons });
  }
  if (unusable.length > 0) {
    const text = unusable.map((u) => `${u.code} (${u.reasons.join(', ')})`).join('; ');
    problems.push({ code: 'LIMS_RESULT_EQUIPMENT_NOT_USABLE', field: 'equipmentIds', message: `Equipment not usable on ${day}: ${text}.`, details: { day, equipment: unusable } });
  }
  return problems;
}

/**
 * Every refusal a measurement meets, in the order a technician fixes them (the first is what single
 * logging answers). Checks that depend on a failed one are skipped (no authorization without a method version).
 */
export async function checkResult(lookups: CheckLookups, found: JobItemLookup, input: ResultInput): Promise<CheckedResult> {
  const problems: ResultProblem[] = [];
  if (found.job.status !== 'in_measurement') {
    problems.push({ code: 'LIMS_RESULT_JOB_NOT_IN_MEASUREMENT', field: 'job', message: `Job ${found.job.number} is ${found.job.status}; results are recorded while it is in measurement.`, details: { jobId: found.job.id, status: found.job.status } });
  }
  const reference = referenceUnitOf(found, input);
  if (typeof reference !== 'string') problems.push(reference);

  const measuredAt = new Date(input.measuredAt);
  if (measuredAt.getTime() > Date.now() + 5 * 60_000) problems.push(invalid('measuredAt', `The measurement time ${input.measuredAt} is in the future.`));
  const day = labDay(measuredAt);
  const { receivedOn } = found.job;
  if (receivedOn !== null && day < receivedOn) {
    problems.push(invalid('measuredAt', `The measurement time ${input.measuredAt} (lab day ${day}) is before the items of job ${found.job.number} were received on ${receivedOn}; check the date.`, { receivedOn }));
  }
  const version = await lookups.version(input.methodVersionId);
  const released = version && version.state !== 'draft' ? version : null;
  if (!released) problems.push(invalid('methodVersionId', `Method version ${input.methodVersionId} does not exist or is not released.`, { methodVersionId: input.methodVersionId }));
  else {
    const auth = await lookups.authorization(released.id, day);
    if (!auth.authorized) {
      problems.push({ code: 'LIMS_RESULT_NOT_AUTHORIZED', field: 'methodVersionId', message: `You are not authorized to measure with method version ${released.id} on ${day}: ${auth.reason}.`, details: { methodVersionId: released.id, day, reason: auth.reason } });
    }
  }
  problems.push(...(await equipmentProblems(lookups, input.equipmentIds, day)));

  const mismatches = typeof reference === 'string' ? unitMismatches(input.readings, reference) : [];
  if (mismatches.length > 0) {
    problems.push({ code: 'LIMS_RESULT_UNIT_MISMATCH', field: 'readings', message: `Reading units ${mismatches.map((m) => `${m.unit} (repeat ${m.repeat})`).join(', ')} do not fit ${String(reference)}.`, details: { expectedUnit: reference, mismatches } });
  }

  const violations = released ? checkEnvironment(released.environment, input.environment) : [];
  if (violations.length > 0 && !input.deviation) {
    const text = violations.map((v) => `${v.quantity} ${v.reading ?? 'missing'} (limits ${v.lower}..${v.upper})`).join('; ');
    problems.push({ code: 'LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS', field: 'environment', message: `Environment outside the method's limits: ${text}. Give deviation.justification to record it as a deviation.`, details: { violations } });
  }
  return { problems, measuredAt, violations };
}

/** Writes a checked measurement with its equipment and readings; a correction names the result it corrects. */
export async function storeResult(tx: Db, actor: Actor, found: JobItemLookup, input: ResultInput, checked: CheckedResult, correction: { correctsId: string; reason: string } | null): Promise<repo.ResultRow> {
  const [row] = await repo.insertResults(tx, [newResult(actor, found, input, checked, correction)]);
  return row!;
}

/** The rows of a checked result, as `repo.insertResults` takes them (many at once for an import). */
export function newResult(actor: Actor, found: JobItemLookup, input: ResultInput, checked: CheckedResult, correction: { correctsId: string; reason: string } | null = null): repo.NewResult {
  return {
    values: {
      jobId: found.job.id,
      itemId: found.item.id,
      characteristicId: input.characteristicId ?? null,
      pointNominal: input.calibrationPoint?.nominal ?? null,
      pointUnit: input.calibrationPoint?.unit ?? null,
      methodVersionId: input.methodVersionId,
      measuredAt: checked.measuredAt,
      temperature: input.environment.temperature ?? null,
      humidity: input.environment.humidity ?? null,
      environmentDeviation: checked.violations.length > 0,
      deviationJustification: input.deviation?.justification ?? null,
      environmentViolations: checked.violations,
      remarks: input.remarks ?? null,
      correctsId: correction?.correctsId ?? null,
      correctionReason: correction?.reason ?? null,
      recordedBy: actor.userId,
    },
    equipmentIds: [...new Set(input.equipmentIds)],
    readings: input.readings,
  };
}
