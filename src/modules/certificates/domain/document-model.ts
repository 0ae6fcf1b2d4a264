/**
 * The model of a certificate or report: every fact the document states, in no language. Numbers
 * are decimal strings with a point, as stored (`'25.0012'`), or doubles where the engine gives
 * doubles (k, p); renderers format them per language, and every language (and the DCC) is built
 * from the one model, so numbers cannot differ between them. Once the document is issued the model
 * is frozen beside its files (docs/decisions/0011-issued-documents.md).
 */

export const DOCUMENT_TYPES = ['calibration_certificate', 'measurement_report', 'inspection_report', 'reference_measurement_report'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The prefix of a document number per type: `K-2026-0001` is a calibration certificate. */
export const NUMBER_PREFIX: Readonly<Record<DocumentType, string>> = {
  calibration_certificate: 'K',
  measurement_report: 'M',
  inspection_report: 'T',
  reference_measurement_report: 'R',
};

/** A value with its unit, the value a decimal string with a point. */
export interface Quantity {
  readonly value: string;
  readonly unit: string;
}

export type ConformityDecision = 'pass' | 'conditionalPass' | 'conditionalFail' | 'fail';

/** What the uncertainty statement says, as facts (phrased per language from locales/<lang>/statements.json). */
export interface UncertaintyFacts {
  readonly method: 'gum' | 'mcm';
  /** Null for a Monte Carlo interval, which has no k. */
  readonly coverageFactor: number | null;
  readonly coverageProbability: number;
  /** Effective degrees of freedom when k comes from a t distribution; null for the normal case. */
  readonly effectiveDof: number | null;
}

/** The expanded uncertainty of a reported value, as the stored evaluation reported it (EA-4/02 rounding). */
export interface ReportedUncertainty extends UncertaintyFacts {
  /** U, in the unit of the value it belongs to. */
  readonly expanded: string;
  readonly unit: string;
  /** The Monte Carlo coverage interval's end points when it is asymmetric, else null. */
  readonly interval: readonly [string, string] | null;
  readonly evaluationId: string;
}

/** A conformity decision and the rule it was made by. */
export interface ConformityFacts {
  readonly decision: ConformityDecision;
  /** The job's decision rule: `simple_acceptance` or `guarded_acceptance`. */
  readonly rule: string;
  /** r in w = r U (0 for simple acceptance). */
  readonly guardBandFactor: number;
  /** The probability of conformity p_c, where the rule reports it. */
  readonly probabilityOfConformity: number | null;
  readonly limits: { readonly lower?: string; readonly upper?: string };
  readonly unit: string;
  /** What the limits are: the characteristic's tolerance or the instrument's MPE. */
  readonly basis: 'tolerance' | 'mpe';
}

/**
 * What a document and a customer's JSON view show of one released result (one computation for
 * both): the mean of the readings, its deviation from the nominal or error of indication, U from
 * the stored evaluation and the conformity decision.
 */
export interface ResultSummary {
  readonly resultId: string;
  readonly itemId: string;
  /** The characteristic measured, or null for an instrument's calibration point. */
  readonly characteristic: {
    readonly id: string;
    readonly identifier: string;
    readonly type: string;
    readonly nominal: string | null;
    readonly unit: string;
    /** The tolerance limits as absolute values in the characteristic's unit, where it has any. */
    readonly limits: { readonly lower?: string; readonly upper?: string } | null;
    /** The tolerance as drawn, e.g. `±0.05` or `+0.021/0`, for the report's table. */
    readonly tolerance: string | null;
  } | null;
  /** The calibration point: the reference value the instrument was compared with. */
  readonly referenceValue: Quantity | null;
  readonly measuredAt: string;
  readonly readings: number;
  /** The mean of the readings (or the single reading), exact where possible. */
  readonly mean: Quantity;
  /** The value reported: the evaluation's value rounded to U's last digit, else the mean. */
  readonly value: Quantity;
  /** value - nominal for a characteristic; the error of indication (indication - reference) for a calibration point. */
  readonly deviation: Quantity | null;
  readonly uncertainty: ReportedUncertainty | null;
  readonly conformity: ConformityFacts | null;
  readonly environment: {
    readonly temperature: string | null;
    readonly humidity: string | null;
    /** True when the environment was outside the method's limits and the deviation was justified. */
    readonly deviation: boolean;
    readonly justification: string | null;
  };
  /** True when the result was measured by an accredited method version. */
  readonly accredited: boolean;
  readonly methodCode: string;
}

export interface Address {
  readonly streetAddress: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
}

export interface DocumentItem {
  readonly id: string;
  readonly lineNo: number;
  readonly description: string;
  readonly instrument: {
    readonly type: string | null;
    readonly manufacturer: string | null;
    readonly model: string | null;
    readonly serialNumber: string | null;
    readonly range: { readonly lower: string; readonly upper: string; readonly unit: string } | null;
    readonly resolution: string | null;
    readonly mpe: string | null;
    readonly service: string | null;
  } | null;
  /** Serial number of a piece (reference measurements) or instrument. */
  readonly serialNumber: string | null;
  readonly results: readonly ResultSummary[];
}

/** One link of the chain from the lab's equipment up to the national metrology institute. */
export interface TraceabilityLink {
  readonly equipmentCode: string | null;
  readonly equipmentName: string | null;
  readonly certificateNumber: string;
  readonly calibratedOn: string;
  readonly calibratedBy: { readonly kind: 'internal' | 'accredited_lab' | 'nmi'; readonly name: string; readonly accreditationId: string | null };
}

export interface TraceabilityRecord {
  readonly equipmentCode: string;
  readonly equipmentName: string;
  /** The day the chain was taken as of: the (last) measurement day with this item. */
  readonly asOf: string;
  readonly links: readonly TraceabilityLink[];
  /** Where the chain ends: the NMI or accredited laboratory, or null when it is incomplete. */
  readonly terminatesAt: {
    readonly kind: 'accredited_lab' | 'nmi';
    readonly name: string;
    readonly accreditationId: string | null;
    /** What the calibrating body's certificate states of its own traceability, e.g. `VTT MIKES, national standard of length`. */
    readonly traceability: string | null;
  } | null;
}

/** The reference-measurement comparison of one characteristic (company's and lab's values). */
export interface ComparisonRow {
  readonly itemId: string;
  readonly identifier: string;
  readonly unit: string;
  readonly companyValue: string;
  readonly companyUncertainty: string | null;
  readonly labValue: string;
  readonly labUncertainty: string;
  readonly difference: string;
  readonly en: number | null;
  readonly zeta: number | null;
  readonly verdict: string | null;
}

/** The drift of one characteristic of a machine tool from its reference-measurement trend. */
export interface DriftRow {
  readonly machineTool: string;
  readonly identifier: string;
  readonly unit: string;
  /** Drift per year and its standard uncertainty, doubles from the trend fit. */
  readonly driftPerYear: number | null;
  readonly driftUncertainty: number | null;
  readonly points: number;
}

export interface DocumentModel {
  readonly schemaVersion: 1;
  readonly type: DocumentType;
  /** Null until issued. */
  readonly number: string | null;
  readonly issuedOn: string | null;
  readonly laboratory: {
    readonly name: string;
    readonly unit: string;
    readonly address: Address;
    /** The accreditation number (e.g. `K123`), a setting; null when the service has none configured. */
    readonly accreditationNumber: string | null;
  };
  /** Where the work was done: the lab's premises (the address above) unless stated otherwise. */
  readonly workLocation: 'laboratory';
  readonly customer: { readonly name: string; readonly businessId: string | null } & Address;
  readonly job: {
    readonly id: string;
    readonly number: string;
    readonly customerReference: string | null;
    readonly receivedOn: string | null;
    readonly receiptCondition: string | null;
    readonly receiptRemarks: string | null;
    readonly decisionRule: string | null;
    readonly decisionRuleNotes: string | null;
  };
  readonly methods: readonly { readonly code: string; readonly title: string; readonly version: number; readonly accredited: boolean }[];
  /** First and last day of measurement, in Finland. */
  readonly measuredFrom: string;
  readonly measuredTo: string;
  /** Recorded temperature and humidity over the results (min and max). */
  readonly environment: {
    readonly temperature: { readonly min: string; readonly max: string } | null;
    readonly humidity: { readonly min: string; readonly max: string } | null;
  };
  readonly items: readonly DocumentItem[];
  /** Distinct uncertainty statements of the results, in order of first use. */
  readonly uncertaintyStatements: readonly UncertaintyFacts[];
  /** The decision rule the conformity statements were made by, when any result has one. */
  readonly decisionRule: { readonly rule: string; readonly guardBandFactor: number; readonly notes: string | null } | null;
  readonly deviations: readonly { readonly itemLineNo: number; readonly what: string; readonly justification: string }[];
  readonly traceability: readonly TraceabilityRecord[];
  /**
   * `full`: every result is from an accredited method version (the symbol and statement appear);
   * `partial`: some are (the others are marked not accredited, no symbol); `none`: no symbol.
   */
  readonly accreditation: 'full' | 'partial' | 'none';
  readonly comparison: readonly ComparisonRow[] | null;
  readonly drift: readonly DriftRow[] | null;
  /** Who authorized the document (the function a role key, e.g. `quality_manager`); null in a draft. */
  readonly authorizedBy: { readonly name: string; readonly function: string } | null;
  readonly supersedes: { readonly number: string; readonly reason: string } | null;
  /** Languages of the document: `fi` (the original) first, then the companions. */
  readonly languages: readonly string[];
}
