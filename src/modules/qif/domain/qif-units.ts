import { child, children, textAt, type XmlElement } from './qif-xml.js';

/**
 * Units of a QIF file as the unit texts of the LIMS (mm, µm, in, deg, rad, …). A QIF value carries
 * its unit either by name (the linearUnit/angularUnit attribute naming a unit declared in FileUnits)
 * or implicitly through FileUnits/PrimaryUnits; for the Characteristics and Results portions the PMI
 * primary units (PMILinearUnit, PMIAngularUnit) override the plain ones (QIF 3 PrimaryUnitsType).
 */
export type QifDimension = 'linear' | 'angular';

/** Unit names as exporters write them → the LIMS unit text. */
const BY_NAME: Readonly<Record<string, string>> = {
  mm: 'mm', millimeter: 'mm', millimetre: 'mm', millimeters: 'mm', millimetres: 'mm',
  m: 'm', meter: 'm', metre: 'm', meters: 'm', metres: 'm',
  um: 'µm', 'µm': 'µm', 'μm': 'µm', micrometer: 'µm', micrometre: 'µm', micron: 'µm', microns: 'µm',
  nm: 'nm', nanometer: 'nm', nanometre: 'nm',
  in: 'in', inch: 'in', inches: 'in',
  deg: 'deg', degree: 'deg', degrees: 'deg', '°': 'deg',
  rad: 'rad', radian: 'rad', radians: 'rad',
  mrad: 'mrad', milliradian: 'mrad',
  arcmin: 'arcmin', arcminute: 'arcmin', minute: 'arcmin',
  arcsec: 'arcsec', arcsecond: 'arcsec', second: 'arcsec',
};

/** SI unit and conversion factor → the LIMS unit, for unit names the table does not know. */
const BY_FACTOR: readonly { si: string; factor: number; unit: string }[] = [
  { si: 'meter', factor: 1, unit: 'm' },
  { si: 'meter', factor: 0.001, unit: 'mm' },
  { si: 'meter', factor: 0.000001, unit: 'µm' },
  { si: 'meter', factor: 1e-9, unit: 'nm' },
  { si: 'meter', factor: 0.0254, unit: 'in' },
  { si: 'radian', factor: 1, unit: 'rad' },
  { si: 'radian', factor: Math.PI / 180, unit: 'deg' },
];

const UNIT_ELEMENTS: Record<QifDimension, { primary: string; pmi: string; other: string; attribute: string }> = {
  linear: { primary: 'LinearUnit', pmi: 'PMILinearUnit', other: 'LinearUnit', attribute: 'linearUnit' },
  angular: { primary: 'AngularUnit', pmi: 'PMIAngularUnit', other: 'AngularUnit', attribute: 'angularUnit' },
};

/** One declared QIF unit (LinearUnitType/AngularUnitType) as the LIMS unit text, or null when it has no counterpart. */
function limsUnit(unit: XmlElement): string | null {
  const name = textAt(unit, 'UnitName');
  const known = name === undefined ? undefined : BY_NAME[name] ?? BY_NAME[name.toLowerCase()];
  if (known !== undefined) return known;
  const si = textAt(unit, 'SIUnitName')?.toLowerCase().replace('metre', 'meter');
  const factor = Number(textAt(unit, 'UnitConversion', 'Factor') ?? '1');
  const offset = textAt(unit, 'UnitConversion', 'Offset');
  if (offset !== undefined && Number(offset) !== 0) return null;
  return BY_FACTOR.find((f) => f.si === si && Math.abs(factor - f.factor) <= f.factor * 1e-9)?.unit ?? null;
}

export interface QifUnits {
  /** The unit a value without a unit attribute has, or null when FileUnits gives none the LIMS knows. */
  primary: Record<QifDimension, { unit: string | null; name: string | undefined }>;
  /** Units declared by name (PrimaryUnits, OtherUnits), as the LIMS unit or null when it has none. */
  named: Record<QifDimension, Map<string, string | null>>;
}

/** Reads FileUnits of a QIF document. */
export function readQifUnits(root: XmlElement): QifUnits {
  const fileUnits = child(root, 'FileUnits');
  const primary = child(fileUnits, 'PrimaryUnits');
  const read = (dimension: QifDimension) => {
    const e = UNIT_ELEMENTS[dimension];
    const declared = [...children(primary, e.pmi), ...children(primary, e.primary), ...children(child(fileUnits, 'OtherUnits'), e.other)];
    const named = new Map<string, string | null>();
    for (const unit of declared) {
      const name = textAt(unit, 'UnitName');
      if (name !== undefined && !named.has(name)) named.set(name, limsUnit(unit));
    }
    const main = child(primary, e.pmi) ?? child(primary, e.primary);
    return { named, primary: { unit: main ? limsUnit(main) : null, name: textAt(main, 'UnitName') } };
  };
  const linear = read('linear');
  const angular = read('angular');
  return { primary: { linear: linear.primary, angular: angular.primary }, named: { linear: linear.named, angular: angular.named } };
}

/**
 * The LIMS unit of a QIF value element of `dimension`: its unit attribute if it has one, else the
 * file's primary unit. Answers the unit or, when there is none the LIMS knows, why not.
 */
export function unitOfValue(value: XmlElement | undefined, dimension: QifDimension, units: QifUnits): { unit: string } | { problem: string } {
  const attribute = value?.attrs[UNIT_ELEMENTS[dimension].attribute];
  if (attribute !== undefined) {
    const declared = units.named[dimension].get(attribute);
    const unit = declared === undefined ? (BY_NAME[attribute] ?? BY_NAME[attribute.toLowerCase()] ?? null) : declared;
    return unit === null ? { problem: `the ${dimension} unit "${attribute}" has no counterpart in the LIMS (mm, µm, m, nm, in, deg, rad)` } : { unit };
  }
  const { unit, name } = units.primary[dimension];
  if (unit !== null) return { unit };
  return name === undefined
    ? { problem: `the file's FileUnits/PrimaryUnits gives no ${dimension} unit and the value names none` }
    : { problem: `the file's primary ${dimension} unit "${name}" has no counterpart in the LIMS (mm, µm, m, nm, in, deg, rad)` };
}
