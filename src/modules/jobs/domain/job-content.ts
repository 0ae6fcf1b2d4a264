import { compare } from '../../../shared/decimal.js';
import type { LabService } from '../../agreements/index.js';

export const INSTRUMENT_SERVICES = ['accredited_calibration', 'non_accredited_calibration', 'inspection'] as const;
export type InstrumentService = (typeof INSTRUMENT_SERVICES)[number];

export const SIZE_TYPES = ['length', 'diameter', 'distance', 'angle'] as const;
export const GEOMETRIC_TYPES = ['flatness', 'roundness', 'cylindricity', 'position', 'profile', 'perpendicularity', 'parallelism', 'runout'] as const;
export const CHARACTERISTIC_TYPES = [...SIZE_TYPES, ...GEOMETRIC_TYPES] as const;
export type CharacteristicType = (typeof CHARACTERISTIC_TYPES)[number];

export const TOLERANCE_KINDS = ['symmetric', 'deviations', 'limits', 'geometric'] as const;

/** Tolerances as drawn: ±t, nominal +upper/−lower deviations, explicit limits, or a geometric zone. */
export type Tolerance =
  | { kind: 'symmetric'; value: string }
  | { kind: 'deviations'; upper: string; lower: string }
  | { kind: 'limits'; lower: string; upper: string }
  | { kind: 'geometric'; value: string };

export interface CharacteristicInput {
  identifier: string;
  type: CharacteristicType;
  nominal?: string;
  unit: string;
  tolerance: Tolerance;
  datums?: string[];
  notes?: string;
  /** The characteristic's id in the QIF file it was imported from (the QIF import sets it; JSON input cannot). */
  qifId?: string;
}

export interface InstrumentInput {
  type: string;
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
  measuringRange: { lower: string; upper: string; unit: string };
  resolution?: string;
  mpe?: string;
  service: InstrumentService;
}

export interface ItemInput {
  description: string;
  characteristics?: CharacteristicInput[];
  instrument?: InstrumentInput;
}

const isGeometric = (type: CharacteristicType): boolean => (GEOMETRIC_TYPES as readonly string[]).includes(type);

/** What is wrong with one characteristic (domain rules the JSON schema cannot say), or null. */
export function characteristicProblem(c: CharacteristicInput): string | null {
  const at = `characteristic ${c.identifier}`;
  const t = c.tolerance;
  if (isGeometric(c.type) !== (t.kind === 'geometric')) {
    return isGeometric(c.type) ? `${at}: a ${c.type} tolerance is a single geometric tolerance value` : `${at}: a ${c.type} needs a size tolerance (symmetric, deviations or limits), not a geometric one`;
  }
  // A limit dimension (e.g. 9.9/10.1) is complete without a nominal; ± and deviations are not.
  if (!isGeometric(c.type) && t.kind !== 'limits' && c.nominal === undefined) return `${at}: a ${c.type} toleranced with ${t.kind} needs a nominal value`;
  if (c.datums && c.datums.length > 0 && !isGeometric(c.type)) return `${at}: datum references belong to geometric tolerances`;
  if ((t.kind === 'symmetric' || t.kind === 'geometric') && compare(t.value, '0') <= 0) return `${at}: the tolerance value must be more than zero`;
  if (t.kind === 'deviations' && compare(t.lower, t.upper) >= 0) return `${at}: the lower deviation ${t.lower} must be less than the upper deviation ${t.upper}`;
  if (t.kind === 'limits') {
    if (compare(t.lower, t.upper) >= 0) return `${at}: the lower limit ${t.lower} must be less than the upper limit ${t.upper}`;
    if (c.nominal !== undefined && (compare(c.nominal, t.lower) < 0 || compare(c.nominal, t.upper) > 0)) return `${at}: the nominal ${c.nominal} is outside the limits ${t.lower}…${t.upper}`;
  }
  return null;
}

/** What is wrong with an item for a job of `kind`, or null. */
export function itemProblem(kind: LabService, item: ItemInput, existingIdentifiers: readonly string[] = []): string | null {
  if (kind === 'instrument_calibration') {
    if (!item.instrument) return `item "${item.description}": an instrument calibration job needs the instrument's details`;
    if (item.characteristics?.length) return `item "${item.description}": instruments have no drawing characteristics`;
    const r = item.instrument.measuringRange;
    if (compare(r.lower, r.upper) >= 0) return `item "${item.description}": the measuring range lower end ${r.lower} must be less than the upper end ${r.upper}`;
    if (item.instrument.resolution !== undefined && compare(item.instrument.resolution, '0') <= 0) return `item "${item.description}": the resolution must be more than zero`;
    return null;
  }
  if (item.instrument) return `item "${item.description}": a ${kind} job measures pieces, not instruments`;
  return characteristicsProblem(item.characteristics ?? [], existingIdentifiers);
}

/** Domain problems of characteristics added to an item that already has `existing` identifiers. */
export function characteristicsProblem(list: readonly CharacteristicInput[], existing: readonly string[] = []): string | null {
  const seen = new Set(existing);
  for (const c of list) {
    if (seen.has(c.identifier)) return `characteristic ${c.identifier} appears twice on the item`;
    seen.add(c.identifier);
    const problem = characteristicProblem(c);
    if (problem) return problem;
  }
  return null;
}
