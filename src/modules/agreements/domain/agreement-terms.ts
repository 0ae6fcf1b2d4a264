/** The content of an agreement: plain data, stored as JSON beside the agreement's columns. */

export const LAB_SERVICES = ['product_quality_control', 'reference_measurement', 'instrument_calibration'] as const;
export type LabService = (typeof LAB_SERVICES)[number];

export const DOCUMENT_LANGUAGES = ['fi', 'en', 'sv', 'et'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export const NDA_COVERS = ['drawings', 'cad_models', 'measurement_results', 'business_information'] as const;
export type NdaCover = (typeof NDA_COVERS)[number];
export const NDA_DISPOSALS = ['return', 'destroy', 'return_or_destroy_on_request'] as const;

export interface DeliveryTerms {
  /** Standard delivery time in working days per covered service. */
  workingDays: Partial<Record<LabService, number>>;
  /** How items are sent to the lab and returned. */
  shipping: string;
}

export interface PricingTerms {
  /** Discount in percent off the current price list, per service (decimal strings). */
  discounts: Partial<Record<LabService, string>>;
  /** Agreed fixed net prices per price-list item code (decimal strings, euros). */
  fixedPrices: Record<string, string>;
}

export interface DecisionRule {
  /** ISO/IEC 17025 7.1.3 and ILAC-G8: simple acceptance (w = 0) or guarded acceptance with w = U. */
  rule: 'simple_acceptance' | 'guarded_acceptance';
  notes: string | null;
}

export interface ContactPerson {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface AgreementTerms {
  delivery: DeliveryTerms;
  procedures: string;
  pricing: PricingTerms;
  decisionRule: DecisionRule;
  languages: DocumentLanguage[];
  contacts: { customer: ContactPerson[]; lab: ContactPerson[] };
}

export interface Signature {
  name: string;
  title: string | null;
  signedOn: string;
  /** The user who recorded the signature. */
  recordedBy: string;
}
