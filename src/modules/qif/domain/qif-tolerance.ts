import { compare, isDecimalText, sub } from '../../../shared/decimal.js';
import type { Tolerance } from '../../jobs/index.js';
import { child, children, textAt, type XmlElement } from './qif-xml.js';

/**
 * Tolerances and datum references of a QIF characteristic definition, as the LIMS holds them.
 * Anything the LIMS cannot hold without changing its meaning is reported, never approximated.
 */
export interface Findings {
  /** The file breaks the QIF structure (a value that is not a number, a reference to nothing). */
  invalid(reason: string): void;
  /** The file is valid QIF but says something the LIMS cannot hold. */
  unsupported(reason: string): void;
  /** Something the LIMS keeps only as text in the characteristic's notes. */
  note(text: string): void;
}

const XS_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** An xs:decimal as the plain decimal text the LIMS stores: as written when it is already plain (`+.5` → `0.5`). */
export function plainDecimal(text: string): string | null {
  const t = text.trim();
  if (isDecimalText(t)) return t;
  if (!XS_DECIMAL.test(t)) return null;
  const sign = t.startsWith('-') ? '-' : '';
  const [whole = '', fraction = ''] = t.replace(/^[+-]/, '').split('.');
  return `${sign}${whole || '0'}${fraction ? `.${fraction}` : ''}`;
}

/** The decimal text of a value element, or undefined (reported) when it is missing or not a number. */
export function decimalOf(e: XmlElement | undefined, what: string, found: Findings): string | undefined {
  if (e === undefined) return undefined;
  const value = plainDecimal(e.text);
  if (value === null) found.invalid(`${what} "${e.text}" is not a decimal number`);
  return value ?? undefined;
}

/** The tolerance of a size (length, diameter, distance, angle) definition: Tolerance, else the reason there is none. */
export function sizeTolerance(definition: XmlElement, found: Findings): Tolerance | undefined {
  const nonTolerance = textAt(definition, 'NonTolerance');
  if (nonTolerance !== undefined) {
    found.unsupported(`the definition has no tolerance (NonTolerance ${nonTolerance}); the LIMS needs a toleranced characteristic — enter reference or basic dimensions by hand if they are to be measured`);
    return undefined;
  }
  if (child(definition, 'LimitsAndFitsSpecification')) {
    found.unsupported('the tolerance is an ISO 286 limits-and-fits code, which the import does not resolve into limits; enter the characteristic with its limits as JSON');
    return undefined;
  }
  const tolerance = child(definition, 'Tolerance');
  if (!tolerance) {
    found.invalid('the definition has neither Tolerance nor NonTolerance');
    return undefined;
  }
  const maxElement = child(tolerance, 'MaxValue');
  const minElement = child(tolerance, 'MinValue');
  if (!maxElement && !minElement) {
    found.invalid('the Tolerance has neither MaxValue nor MinValue');
    return undefined;
  }
  if (!maxElement || !minElement) {
    found.unsupported(`the tolerance is one-sided (only ${maxElement ? 'MaxValue' : 'MinValue'}); the LIMS holds tolerances with both limits`);
    return undefined;
  }
  const max = decimalOf(maxElement, 'MaxValue', found);
  const min = decimalOf(minElement, 'MinValue', found);
  if (max === undefined || min === undefined) return undefined;
  const asLimits = textAt(tolerance, 'DefinedAsLimit') === 'true';
  if (asLimits) return { kind: 'limits', lower: min, upper: max };
  // ±t is drawn as one value; QIF writes it as +t/−t deviations.
  if (compare(max, '0') > 0 && compare(sub('0', max), min) === 0) return { kind: 'symmetric', value: max };
  return { kind: 'deviations', upper: max, lower: min };
}

/** Zone modifiers of a geometric definition that the LIMS keeps as notes, and those it cannot hold. */
function geometricModifiers(definition: XmlElement, found: Findings): void {
  const composite = definition.children.find((c) => /^(Second|Third|Fourth)CompositeSegment/.test(c.name));
  if (composite) found.unsupported(`the tolerance is composite (${composite.name}); the LIMS holds one tolerance value per characteristic — enter each segment as its own characteristic`);
  if (child(definition, 'ToleranceZonePerUnitLength') || child(definition, 'ToleranceZonePerUnitArea') || child(definition, 'ToleranceZonePerUnitAngle') || child(definition, 'ToleranceZonePerUnitArcLength') || child(definition, 'ToleranceZonePerUnitPolarArea')) {
    found.unsupported('the tolerance has a per-unit zone, which the LIMS cannot hold');
  }
  const material = textAt(definition, 'MaterialCondition');
  if (material !== undefined && material !== 'NONE' && material !== 'REGARDLESS') found.note(`material condition ${material} (no bonus tolerance is applied by the LIMS)`);
  if (child(child(definition, 'ZoneShape'), 'DiametricalZone')) found.note('diametrical zone');
  if (child(child(definition, 'ZoneShape'), 'SphericalZone')) found.note('spherical zone');
  const projected = textAt(definition, 'ProjectedToleranceZoneValue');
  if (projected !== undefined) found.note(`projected tolerance zone ${projected}`);
  const outer = textAt(definition, 'OuterDisposition');
  if (outer !== undefined) found.note(`unequally disposed zone, ${outer} outside the material`);
  if (child(definition, 'UnequallyDisposedZone') || child(definition, 'OffsetZone')) found.note('unequally disposed or offset zone');
  const extent = textAt(definition, 'Extent', 'ExtentEnum');
  if (extent === 'ALL_AROUND' || extent === 'ALL_OVER') found.note(extent === 'ALL_AROUND' ? 'all around' : 'all over');
}

/** The single tolerance value of a geometric definition (ToleranceValue), with its modifiers. */
export function geometricTolerance(definition: XmlElement, found: Findings): Tolerance | undefined {
  geometricModifiers(definition, found);
  const value = decimalOf(child(definition, 'ToleranceValue'), 'ToleranceValue', found);
  if (value !== undefined) return { kind: 'geometric', value };
  if (child(definition, 'ToleranceDualValue')) found.unsupported('the tolerance is given only as a dual (secondary unit) value');
  else if (!child(definition, 'ToleranceValue')) found.invalid('the geometric definition has no ToleranceValue');
  return undefined;
}

/** Datum labels and reference frames of the document, for resolving a definition's DatumReferenceFrameId. */
export interface DatumTables {
  labels: Map<string, string>;
  frames: Map<string, XmlElement>;
}

export function readDatumTables(root: XmlElement): DatumTables {
  const labels = new Map<string, string>();
  for (const d of children(child(root, 'DatumDefinitions'), 'DatumDefinition')) {
    const label = textAt(d, 'DatumLabel');
    if (d.attrs.id !== undefined && label !== undefined) labels.set(d.attrs.id, label);
  }
  const frames = new Map(children(child(root, 'DatumReferenceFrames'), 'DatumReferenceFrame').flatMap((f) => (f.attrs.id === undefined ? [] : [[f.attrs.id, f] as const])));
  return { labels, frames };
}

const MODIFIER: Readonly<Record<string, string>> = { MAXIMUM: '(M)', LEAST: '(L)' };

/** One datum of a frame as drawn: `A`, `A(M)`, or a common datum `A-B`. */
function datumText(datum: XmlElement, tables: DatumTables, found: Findings): string | null {
  const simple = [child(datum, 'SimpleDatum'), ...children(child(datum, 'CompoundDatum'), 'SimpleDatum')].filter((d): d is XmlElement => d !== undefined);
  if (simple.length === 0) {
    found.unsupported('a datum of the reference frame is neither a simple nor a compound datum of simple datums');
    return null;
  }
  const parts = simple.map((s) => {
    const id = textAt(s, 'DatumDefinitionId');
    const label = id === undefined ? undefined : tables.labels.get(id);
    if (label === undefined) found.invalid(`datum definition ${id ?? '(no id)'} is not in DatumDefinitions`);
    return `${label ?? '?'}${MODIFIER[textAt(s, 'MaterialModifier') ?? ''] ?? ''}`;
  });
  return parts.join('-');
}

/** The datum references of a definition's DatumReferenceFrameId, in precedence order. */
export function datumsOf(definition: XmlElement, tables: DatumTables, found: Findings): string[] {
  const frameId = textAt(definition, 'DatumReferenceFrameId');
  if (frameId === undefined) return [];
  const frame = tables.frames.get(frameId);
  if (!frame) {
    found.invalid(`datum reference frame ${frameId} is not in DatumReferenceFrames`);
    return [];
  }
  const datums = children(child(frame, 'Datums'), 'Datum').map((d) => datumText(d, tables, found)).filter((d): d is string => d !== null);
  if (datums.length > 3) found.unsupported(`the datum reference frame has ${datums.length} datums; the LIMS holds up to three`);
  const tooLong = datums.find((d) => d.length > 10);
  if (tooLong) found.unsupported(`the datum reference "${tooLong}" is longer than the 10 characters the LIMS holds`);
  return datums;
}
