import { DomainError } from '../../../shared/errors/index.js';
import { kindOf, measuredDimension } from './qif-kinds.js';
import { readQifUnits, unitOfValue, type QifUnits } from './qif-units.js';
import { child, children, textAt, readQifDocument, type XmlElement } from './qif-xml.js';

export interface QifMeasuredCharacteristic {
  /** The QIF id of the measured CharacteristicItem (a job characteristic's qifId). */
  characteristicItemId: string;
  /** The item's balloon (CharacteristicDesignator/Designator, else Name), when the file has its Characteristics section. */
  designator?: string;
  /** The measured Value exactly as written in the file; empty when the measurement gives none. */
  values: string[];
  /** The LIMS unit text (mm, deg, …) of the value, from its unit attribute or the file's primary units. */
  unit?: string;
  /** The file's status of the measurement (CharacteristicStatusEnum, or OtherCharacteristicStatus text). */
  status?: string;
  /** The QIF id of the CharacteristicMeasurement element. */
  measurementId: string;
  /** The QIF measurement kind, e.g. `Diameter` for a DiameterCharacteristicMeasurement. */
  kind: string;
  /** The measurement's own TimeStamp, else its MeasurementResults' InspectionStart, as written. */
  measuredAt?: string;
  /** The CharacteristicNominal id the measured item refers to, when the file has its Characteristics section. */
  nominalId?: string;
}

export interface QifResultsFile {
  /** When the inspection started (InspectionTraceability/InspectionStart), as written; absent when the file does not say. */
  measuredAt?: string;
  measurements: QifMeasuredCharacteristic[];
}

/** A problem that makes a QIF file unreadable, located by the element's QIF id where it has one. */
export interface QifProblem {
  id: string | null;
  element: string;
  reason: string;
}

/** The balloon of a characteristic item or nominal: its designator, else its name. */
export const designatorOf = (e: XmlElement | undefined): string | undefined => textAt(e, 'CharacteristicDesignator', 'Designator') ?? textAt(e, 'Name');

/** Every element of `section` whose name ends in `suffix`, keyed by its id. */
function byId(section: XmlElement | undefined, suffix: string): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>();
  for (const e of section?.children ?? []) if (e.name.endsWith(suffix) && e.attrs.id !== undefined) map.set(e.attrs.id, e);
  return map;
}

function statusOf(m: XmlElement): string | undefined {
  const status = child(m, 'Status');
  return textAt(status, 'CharacteristicStatusEnum') ?? textAt(status, 'OtherCharacteristicStatus');
}

function readMeasurement(m: XmlElement, ctx: { units: QifUnits; items: Map<string, XmlElement>; inspectionStart?: string }, problems: QifProblem[]): QifMeasuredCharacteristic | null {
  const kind = kindOf(m.name, 'Measurement');
  const id = m.attrs.id;
  const itemId = textAt(m, 'CharacteristicItemId');
  const before = problems.length;
  if (kind === null) problems.push({ id: id ?? null, element: m.name, reason: 'CharacteristicMeasurements holds only *CharacteristicMeasurement elements' });
  if (id === undefined) problems.push({ id: null, element: m.name, reason: 'the measurement has no id attribute' });
  if (itemId === undefined) problems.push({ id: id ?? null, element: m.name, reason: 'the measurement has no CharacteristicItemId, so it cannot be matched to a characteristic' });
  if (problems.length > before) return null;
  const item = ctx.items.get(itemId!);
  const valueElement = child(m, 'Value');
  const dimension = measuredDimension(kind!);
  const unit = valueElement && dimension ? unitOfValue(valueElement, dimension, ctx.units) : undefined;
  const designator = designatorOf(item);
  const status = statusOf(m);
  const nominalId = textAt(item, 'CharacteristicNominalId');
  const measuredAt = textAt(m, 'TimeStamp') ?? ctx.inspectionStart;
  return {
    characteristicItemId: itemId!,
    ...(designator !== undefined ? { designator } : {}),
    values: valueElement && valueElement.text !== '' ? [valueElement.text] : [],
    ...(unit && 'unit' in unit ? { unit: unit.unit } : {}),
    ...(status !== undefined ? { status } : {}),
    measurementId: id!,
    kind: kind!,
    ...(measuredAt !== undefined ? { measuredAt } : {}),
    ...(nominalId !== undefined ? { nominalId } : {}),
  };
}

/**
 * Reads the measured characteristics of a QIF 3 Results file (ISO 23952): every
 * *CharacteristicMeasurement of every MeasurementResults, with the QIF id of the characteristic item it
 * measures and, when the file has its Characteristics section, that item's balloon. Values stay the
 * text written in the file. Matching measurements to job characteristics, and judging their values
 * and units, is left to the caller.
 *
 * @throws DomainError LIMS_QIF_NOT_XML / LIMS_QIF_NOT_QIF3 for a file that is not a QIF 3 document;
 *   LIMS_QIF_INVALID with every problem (`details.problems`: id, element, reason) when measurements
 *   lack the ids that tie them to characteristics.
 */
export function parseQifResults(xml: string): QifResultsFile {
  const root = readQifDocument(xml);
  const results = child(root, 'Results');
  const units = readQifUnits(root);
  const items = byId(child(child(root, 'Characteristics'), 'CharacteristicItems'), 'CharacteristicItem');
  const fileStart = textAt(results, 'InspectionTraceability', 'InspectionStart');
  const sets = children(child(results, 'MeasurementResultsSet'), 'MeasurementResults');
  const problems: QifProblem[] = [];
  const measurements: QifMeasuredCharacteristic[] = [];
  for (const set of sets) {
    const inspectionStart = textAt(set, 'InspectionTraceability', 'InspectionStart') ?? fileStart;
    const list = child(child(set, 'MeasuredCharacteristics'), 'CharacteristicMeasurements');
    for (const m of list?.children ?? []) {
      const read = readMeasurement(m, { units, items, ...(inspectionStart !== undefined ? { inspectionStart } : {}) }, problems);
      if (read) measurements.push(read);
    }
  }
  if (problems.length > 0) {
    throw new DomainError('LIMS_QIF_INVALID', `The QIF Results file has ${problems.length} measurement(s) that cannot be read; see details.problems, correct the file and send it again.`, { problems });
  }
  const starts = new Set(sets.map((s) => textAt(s, 'InspectionTraceability', 'InspectionStart') ?? fileStart));
  const measuredAt = sets.length === 0 ? fileStart : starts.size === 1 ? [...starts][0] : undefined;
  return { ...(measuredAt !== undefined ? { measuredAt } : {}), measurements };
}
