import type { ErrorCode } from '../../../shared/errors/index.js';

/** A measurement as a technician gives it, by the API one at a time or many from an imported file. */
/** Readings of one result at most, logged one by one or imported (a scan's point cloud is an attachment, not a result). */
export const MAX_READINGS_PER_RESULT = 1000;

export interface ResultInput {
  characteristicId?: string;
  calibrationPoint?: { nominal: string; unit: string };
  methodVersionId: string;
  equipmentIds: string[];
  measuredAt: string;
  environment: { temperature?: string; humidity?: string };
  readings: { value: string; unit: string }[];
  deviation?: { justification: string };
  remarks?: string | null;
}

/** One reason a measurement is refused, with the part of the input at fault. */
export interface ResultProblem {
  code: ErrorCode;
  field: 'job' | 'target' | 'measuredAt' | 'methodVersionId' | 'equipmentIds' | 'readings' | 'environment';
  message: string;
  details?: Record<string, unknown>;
}
