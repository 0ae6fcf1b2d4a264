/**
 * Reading the characteristics of a QIF MBD file: pure and free of the jobs module's code, so that a
 * worker thread can run it (qif-worker.ts). The jobs module's rules for a characteristic are then
 * applied on the request thread by finishQifProduct (qif-product.ts).
 */
import { DomainError } from '../../../shared/errors/index.js';
import type { CharacteristicInput, Tolerance } from '../../jobs/index.js';
import { designatorOf, type QifProblem } from './qif-results.js';
import { QIF_KINDS, kindOf, refusedKindReason } from './qif-kinds.js';
import { datumsOf, decimalOf, geometricTolerance, readDatumTables, sizeTolerance, type DatumTables, type Findings } from './qif-tolerance.js';
import { readQifUnits, unitOfValue, type QifUnits } from './qif-units.js';
import { child, readQifDocument, textAt, type XmlElement } from './qif-xml.js';

/** A characteristic of a QIF MBD file as the LIMS will hold it, with the QIF ids it came from. */
export interface QifCharacteristic extends CharacteristicInput {
  /** The CharacteristicItem id (what QIF Results measurements reference), or the nominal's id when the file has no item for it. */
  qifId: string;
  qifNominalId: string;
  /** The QIF kind, e.g. `SurfaceProfile`. */
  qifKind: string;
}

const MAX_IDENTIFIER = 50;
const MAX_NOTES = 2000;

interface Source {
  item?: XmlElement;
  nominal: XmlElement;
}

/** Elements of a Characteristics list keyed by id, with the ones lacking an id reported. */
function indexById(list: XmlElement | undefined, role: 'Definition' | 'Nominal', problems: QifProblem[]): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>();
  for (const e of list?.children ?? []) {
    if (e.attrs.id === undefined) problems.push({ id: null, element: e.name, reason: `a characteristic ${role.toLowerCase()} has no id attribute` });
    else map.set(e.attrs.id, e);
  }
  return map;
}

/** Each nominal with its items (one characteristic per item), or alone when no item measures it; broken item references reported. */
function sources(nominals: Map<string, XmlElement>, items: readonly XmlElement[], problems: QifProblem[]): Source[] {
  const itemsOf = new Map<string, XmlElement[]>();
  for (const item of items) {
    const nominalId = textAt(item, 'CharacteristicNominalId');
    if (item.attrs.id === undefined) problems.push({ id: null, element: item.name, reason: 'a characteristic item has no id attribute' });
    else if (nominalId === undefined || !nominals.has(nominalId)) {
      problems.push({ id: item.attrs.id, element: item.name, reason: `the item refers to characteristic nominal ${nominalId ?? '(none)'}, which the file does not define` });
    } else itemsOf.set(nominalId, [...(itemsOf.get(nominalId) ?? []), item]);
  }
  return [...nominals.values()].flatMap((nominal) => {
    const its = itemsOf.get(nominal.attrs.id!) ?? [];
    return its.length === 0 ? [{ nominal }] : its.map((item) => ({ item, nominal }));
  });
}

/** A problem of the characteristic read from source `source` (file order). */
export type SourcedProblem = QifProblem & { source: number };

interface Problems {
  /** The file breaks QIF's structure. */
  invalid: QifProblem[];
  /** Valid QIF the LIMS cannot hold, in file order. */
  unsupported: SourcedProblem[];
}

/** A characteristic as read, before the jobs module's rules: where it came from and the element that names it. */
export interface QifCandidate {
  source: number;
  element: string;
  characteristic: QifCharacteristic;
}

/** What a QIF MBD file holds, read but not yet checked by the jobs module's rules (see finishQifProduct). */
export interface QifProductDraft {
  qpId?: string;
  versionQIF: string;
  candidates: QifCandidate[];
  invalid: QifProblem[];
  unsupported: SourcedProblem[];
}

interface Context {
  definitions: Map<string, XmlElement>;
  units: QifUnits;
  datums: DatumTables;
}

/** One characteristic from its item, nominal and definition (source `source` in file order); every problem of it goes to `out`. */
function readCharacteristic({ item, nominal }: Source, source: number, ctx: Context, out: Problems): QifCandidate | null {
  const at = item ?? nominal;
  const notes: string[] = [];
  let broken = false;
  const report = (list: QifProblem[], extra: object) => (reason: string) => {
    broken = true;
    list.push({ id: at.attrs.id ?? null, element: at.name, reason, ...extra });
  };
  const found: Findings = { invalid: report(out.invalid, {}), unsupported: report(out.unsupported, { source }), note: (text) => void notes.push(text) };
  const definitionId = textAt(nominal, 'CharacteristicDefinitionId');
  const definition = definitionId === undefined ? undefined : ctx.definitions.get(definitionId);
  const kind = kindOf(at.name, item ? 'Item' : 'Nominal');
  if (!definition) {
    found.invalid(`the nominal ${nominal.attrs.id} refers to characteristic definition ${definitionId ?? '(none)'}, which the file does not define`);
    return null;
  }
  if (kind === null || kindOf(nominal.name, 'Nominal') !== kind || kindOf(definition.name, 'Definition') !== kind) {
    found.invalid(`${at.name}, ${nominal.name} and ${definition.name} are not of one characteristic kind`);
    return null;
  }
  const mapped = QIF_KINDS[kind];
  if (!mapped) {
    found.unsupported(refusedKindReason(kind));
    return null;
  }
  if (mapped.note) notes.push(mapped.note);
  const identifier = designatorOf(item) ?? designatorOf(nominal) ?? designatorOf(definition);
  if (identifier === undefined) found.invalid('the characteristic has no CharacteristicDesignator or Name to use as its identifier (balloon)');
  else if (identifier.length > MAX_IDENTIFIER) found.unsupported(`the identifier "${identifier}" is longer than the ${MAX_IDENTIFIER} characters the LIMS holds`);
  const name = textAt(item, 'Name') ?? textAt(nominal, 'Name');
  if (name !== undefined && name !== identifier) notes.unshift(`QIF name ${name}`);
  const isGeometric = !['length', 'diameter', 'distance', 'angle'].includes(mapped.type);
  const tolerance: Tolerance | undefined = isGeometric ? geometricTolerance(definition, found) : sizeTolerance(definition, found);
  const targetElement = child(nominal, 'TargetValue');
  const nominalValue = decimalOf(targetElement, 'TargetValue', found);
  const valueElements = [targetElement, child(definition, 'ToleranceValue'), child(child(definition, 'Tolerance'), 'MaxValue'), child(child(definition, 'Tolerance'), 'MinValue')];
  const units = new Set<string>();
  for (const e of valueElements.filter((v): v is XmlElement => v !== undefined)) {
    const u = unitOfValue(e, mapped.dimension, ctx.units);
    if ('unit' in u) units.add(u.unit);
    else found.unsupported(`${e.name}: ${u.problem}`);
  }
  if (units.size === 0 && !broken) {
    const u = unitOfValue(undefined, mapped.dimension, ctx.units);
    if ('unit' in u) units.add(u.unit);
    else found.unsupported(u.problem);
  }
  if (units.size > 1) found.unsupported(`the values of the characteristic are in different units (${[...units].join(', ')})`);
  const datums = isGeometric ? datumsOf(definition, ctx.datums, found) : [];
  const notesText = notes.join('; ');
  if (notesText.length > MAX_NOTES) found.unsupported(`the characteristic's notes are longer than the ${MAX_NOTES} characters the LIMS holds`);
  if (broken || identifier === undefined || tolerance === undefined) return null;
  const input: CharacteristicInput = {
    identifier,
    type: mapped.type,
    ...(nominalValue !== undefined ? { nominal: nominalValue } : {}),
    unit: [...units][0]!,
    tolerance,
    ...(datums.length > 0 ? { datums } : {}),
    ...(notesText ? { notes: notesText } : {}),
  };
  return { source, element: at.name, characteristic: { ...input, qifId: at.attrs.id!, qifNominalId: nominal.attrs.id!, qifKind: kind } };
}

/**
 * Reads the characteristics of a QIF 3 MBD (or Plan/Results) document: each CharacteristicItem with
 * its nominal and definition — or each nominal that no item measures, as in a product definition with
 * PMI only — as a LIMS characteristic: balloon as identifier, type, nominal, unit, tolerance, datums.
 * Every problem of every characteristic is collected; finishQifProduct adds the jobs module's rules
 * and refuses the file if anything is wrong.
 *
 * @throws DomainError LIMS_QIF_NOT_XML / LIMS_QIF_NOT_QIF3 / LIMS_QIF_DTD_REFUSED (not a QIF 3
 *   document); LIMS_IMPORT_LIMIT_EXCEEDED (an XML limit); LIMS_QIF_NO_CHARACTERISTICS.
 */
export function readQifProduct(xml: string): QifProductDraft {
  const root = readQifDocument(xml);
  const section = child(root, 'Characteristics');
  const out: Problems = { invalid: [], unsupported: [] };
  const definitions = indexById(child(section, 'CharacteristicDefinitions'), 'Definition', out.invalid);
  const nominals = indexById(child(section, 'CharacteristicNominals'), 'Nominal', out.invalid);
  const items = child(section, 'CharacteristicItems')?.children ?? [];
  if (nominals.size === 0 && items.length === 0 && out.invalid.length === 0) {
    throw new DomainError('LIMS_QIF_NO_CHARACTERISTICS', 'The QIF document has no characteristics (Characteristics/CharacteristicNominals is missing or empty); export the model with its PMI or characteristics and send it again.');
  }
  const list = sources(nominals, items, out.invalid);
  const ctx: Context = { definitions, units: readQifUnits(root), datums: readDatumTables(root) };
  const candidates = list.map((s, i) => readCharacteristic(s, i, ctx, out)).filter((c): c is QifCandidate => c !== null);
  const qpId = textAt(root, 'QPId');
  return { ...(qpId !== undefined ? { qpId } : {}), versionQIF: root.attrs.versionQIF!, candidates, invalid: out.invalid, unsupported: out.unsupported };
}
