import type { CharacteristicType } from '../../jobs/index.js';
import type { QifDimension } from './qif-units.js';

/**
 * QIF 3 characteristic kinds (the element name without Characteristic{Definition,Nominal,Item,
 * Measurement}) and the LIMS characteristic type each is imported as. A kind is mapped only when the
 * LIMS type means the same quantity on a certificate; the others are refused with their reason.
 */
export interface QifKind {
  type: CharacteristicType;
  dimension: QifDimension;
  /** Written into the characteristic's notes when the LIMS type is broader than the QIF kind. */
  note?: string;
}

const size = (type: CharacteristicType, note?: string): QifKind => ({ type, dimension: 'linear', ...(note ? { note } : {}) });
const angle = (note?: string): QifKind => ({ type: 'angle', dimension: 'angular', ...(note ? { note } : {}) });

export const QIF_KINDS: Readonly<Record<string, QifKind>> = {
  Length: size('length'),
  Width: size('length', 'QIF width'),
  Height: size('length', 'QIF height'),
  Depth: size('length', 'QIF depth'),
  Thickness: size('length', 'QIF thickness'),
  CurveLength: size('length', 'QIF curve length'),
  Chord: size('length', 'QIF chord'),
  Radius: size('length', 'QIF radius'),
  SphericalRadius: size('length', 'QIF spherical radius'),
  Diameter: size('diameter'),
  SphericalDiameter: size('diameter', 'QIF spherical diameter'),
  DistanceBetween: size('distance'),
  DistanceFrom: size('distance', 'QIF distance from an origin'),
  LinearCoordinate: size('distance', 'QIF linear coordinate'),
  Angle: angle(),
  AngleBetween: angle('QIF angle between'),
  AngleFrom: angle('QIF angle from an origin'),
  AngularCoordinate: angle('QIF angular coordinate'),
  Flatness: size('flatness'),
  Circularity: size('roundness'),
  Cylindricity: size('cylindricity'),
  Position: size('position'),
  SurfaceProfile: size('profile', 'QIF surface profile'),
  LineProfile: size('profile', 'QIF line profile'),
  PointProfile: size('profile', 'QIF point profile'),
  Perpendicularity: size('perpendicularity'),
  Parallelism: size('parallelism'),
  CircularRunout: size('runout', 'QIF circular runout'),
  TotalRunout: size('runout', 'QIF total runout'),
};

/** Why a QIF kind the table lacks cannot be imported. */
export function refusedKindReason(kind: string): string {
  return `QIF ${kind} characteristics have no characteristic type in the LIMS (it has length, diameter, distance, angle, flatness, roundness, cylindricity, position, profile, perpendicularity, parallelism, runout); remove them from the file or enter the characteristics as JSON`;
}

/** Measurement kinds whose Value is an angle; every other dimensional or geometric value is a length. */
const ANGULAR_MEASUREMENTS = new Set(['Angle', 'AngleBetween', 'AngleFrom', 'AngularCoordinate', 'UserDefinedAngular']);
/** Measurement kinds whose Value is neither a length nor an angle (temperature, mass, …): no LIMS unit. */
const OTHER_MEASUREMENTS = /^(UserDefined)?(Temperature|Area|Force|Mass|Pressure|Speed|Time|Unit|Attribute)$|^UserDefined(Unit|Attribute)$/;

/** The dimension of a measured Value of a QIF characteristic kind, or null when it is not a length or an angle. */
export function measuredDimension(kind: string): QifDimension | null {
  if (ANGULAR_MEASUREMENTS.has(kind)) return 'angular';
  if (OTHER_MEASUREMENTS.test(kind)) return null;
  return 'linear';
}

/** The kind of a QIF characteristic element name, e.g. `DiameterCharacteristicItem` → `Diameter`. */
export function kindOf(elementName: string, role: 'Definition' | 'Nominal' | 'Item' | 'Measurement'): string | null {
  const suffix = `Characteristic${role}`;
  return elementName.endsWith(suffix) && elementName.length > suffix.length ? elementName.slice(0, -suffix.length) : null;
}
