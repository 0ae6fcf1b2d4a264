/**
 * What the imports (QIF characteristics; results from CSV or QIF Results) share about reading a
 * file in a worker thread: the errors that name the limit a file exceeded, and those of an import
 * worker pool. Pure: domain code and worker threads use it.
 */
import { DomainError } from './errors/index.js';
import type { WorkerPoolErrors } from './worker-pool.js';

/**
 * Heap (old generation) of a worker that reads import files. A 10 MiB QIF file needs about 120 MiB;
 * a file that needs more than this costs its worker, not the service (LIMS_IMPORT_LIMIT_EXCEEDED).
 */
export const IMPORT_WORKER_HEAP_MB = 512;

export type ImportLimit = 'xmlDepth' | 'xmlTextLength' | 'xmlAttributeLength' | 'csvColumns' | 'csvLineLength' | 'time' | 'memory';

/** The 422 of a file past one of the import's limits: `details.limit` names it, `details.max` gives its value. */
export const importLimitExceeded = (limit: ImportLimit, max: number, message: string, where: Record<string, unknown> = {}): DomainError =>
  new DomainError('LIMS_IMPORT_LIMIT_EXCEEDED', message, { limit, max, ...where });

export const IMPORT_POOL_ERRORS: WorkerPoolErrors = {
  busy: (size, waiting) => new DomainError('LIMS_IMPORT_BUSY', `All ${size} import workers are busy and ${waiting} files are waiting; retry shortly.`, { retryAfterSeconds: 5 }),
  timeLimit: (maxTimeMs) =>
    importLimitExceeded('time', maxTimeMs, `Reading the file took longer than the import's time limit of ${maxTimeMs} ms (IMPORT_TIME_LIMIT_MS); split it into smaller files.`),
  memoryLimit: (maxHeapMb) => importLimitExceeded('memory', maxHeapMb, `Reading the file needed more than the ${maxHeapMb} MiB an import worker may use; split it into smaller files.`),
  aborted: () => new DomainError('LIMS_UNPROCESSABLE', 'The import was cancelled before the file was read.'),
};
