import { DomainError, type ErrorCode } from '../../../shared/errors/index.js';
import { NUMBER_PREFIX, type DocumentType } from './document-model.js';

/**
 * A document is a draft (editable, never numbered, previewed with a watermark) until a quality
 * manager issues it; an issued document is superseded when its amendment is issued, or revoked.
 */
export const DOCUMENT_STATES = ['draft', 'issued', 'superseded', 'revoked'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** `K-2026-0001`: the type's prefix, the year and the number in the year's series, four digits at least. */
export const documentNumber = (type: DocumentType, year: number, value: number): string => `${NUMBER_PREFIX[type]}-${year}-${String(value).padStart(4, '0')}`;

/** The counter series of a type (one gapless series per type and year). */
export const counterKind = (type: DocumentType): string => `document:${type}`;

const refuse = (code: ErrorCode, message: string, details?: Record<string, unknown>) => new DomainError(code, message, details);

/** Issuing needs a draft. */
export function checkIssuable(state: DocumentState, number: string | null): void {
  if (state !== 'draft') throw refuse('LIMS_DOCUMENT_NOT_DRAFT', `Document ${number ?? '(draft)'} is ${state}; only a draft can be issued.`, { state });
}

/** Amending and revoking need an issued document (a superseded or revoked one is history). */
export function checkIssued(state: DocumentState, number: string | null, action: 'amend' | 'revoke'): void {
  if (state !== 'issued') {
    throw refuse('LIMS_DOCUMENT_NOT_ISSUED', `Document ${number ?? '(draft)'} is ${state}; only an issued document can be ${action === 'amend' ? 'amended' : 'revoked'}.`, { state });
  }
}

/** The document type a job's kind and items call for, or the reason it does not fit. */
export function typeFits(type: DocumentType, jobKind: string, items: readonly { instrument: { service: string | null } | null }[]): string | null {
  const instruments = items.filter((i) => i.instrument);
  switch (type) {
    case 'calibration_certificate':
      if (jobKind !== 'instrument_calibration') return 'a calibration certificate is for instrument calibration jobs';
      if (instruments.some((i) => i.instrument!.service === 'inspection')) return 'an item asked for inspection only: issue an inspection report for it';
      return null;
    case 'inspection_report':
      if (jobKind !== 'instrument_calibration') return 'an inspection report is for instrument jobs';
      if (instruments.some((i) => i.instrument!.service !== 'inspection')) return 'an item asked for calibration: issue a calibration certificate for it';
      return null;
    case 'measurement_report':
      return jobKind === 'product_quality_control' ? null : 'a measurement report is for product quality control jobs';
    case 'reference_measurement_report':
      return jobKind === 'reference_measurement' ? null : 'a reference-measurement report is for reference measurement jobs';
  }
}
