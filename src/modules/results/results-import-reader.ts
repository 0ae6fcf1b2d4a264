/**
 * Reads the files of the results import in worker threads and maps them to the job's items: a 10 MiB
 * CSV file is seconds of parsing and mapping, which on the request thread would stall every other
 * request. A CSV file is read and mapped in one worker task; a QIF Results file is read by the qif
 * module's reader and mapped here (a QIF file holds far fewer measurements per megabyte). Each file
 * is bounded by the format's limits (CSV_LIMITS, the qif module's XML limits), a time limit
 * (IMPORT_TIME_LIMIT_MS: the worker is terminated past it) and the worker's heap
 * (IMPORT_WORKER_HEAP_MB), each a 422 LIMS_IMPORT_LIMIT_EXCEEDED naming the limit.
 */
import { IMPORT_POOL_ERRORS, IMPORT_WORKER_HEAP_MB } from '../../shared/import-limits.js';
import { WorkerPool, workerEntry } from '../../shared/worker-pool.js';
import { QifReader } from '../qif/index.js';
import type { DraftResult, ImportDefaults, ImportItem, ImportProblem } from './domain/import-plan.js';
import { planQif } from './domain/qif-plan.js';

export type ImportFormat = 'csv' | 'qif';

/** What a CSV worker reads and maps. */
export interface CsvTask {
  readonly text: string;
  readonly items: readonly ImportItem[];
  readonly defaults: ImportDefaults;
}

/** A file's draft results and the problems of reading it and mapping it to the job. */
export interface FilePlan {
  drafts: DraftResult[];
  problems: ImportProblem[];
}

export class ResultsFileReader {
  private readonly csv: WorkerPool<CsvTask, FilePlan>;
  private readonly qif: QifReader;
  private readonly maxTimeMs: number;

  /** `maxTimeMs`: the time limit per file (IMPORT_TIME_LIMIT_MS). */
  constructor(options: { readonly maxTimeMs: number; readonly size?: number }) {
    this.maxTimeMs = options.maxTimeMs;
    const size = options.size !== undefined ? { size: options.size } : {};
    this.csv = new WorkerPool({ name: 'results-csv', entry: workerEntry(import.meta.url, 'results-import-worker'), errors: IMPORT_POOL_ERRORS, maxHeapMb: IMPORT_WORKER_HEAP_MB, ...size });
    this.qif = new QifReader({ maxTimeMs: options.maxTimeMs, ...size });
  }

  /**
   * Reads a results file in a worker thread and maps it to the job's `items`.
   * @throws DomainError LIMS_QIF_* for a QIF file that is not QIF 3 XML (the qif module's codes),
   *   LIMS_IMPORT_LIMIT_EXCEEDED, LIMS_IMPORT_BUSY.
   */
  async plan(format: ImportFormat, text: string, items: readonly ImportItem[], defaults: ImportDefaults): Promise<FilePlan> {
    if (format === 'qif') return planQif(await this.qif.results(text), items, defaults);
    return this.csv.run({ text, items, defaults }, { maxTimeMs: this.maxTimeMs, graceMs: 0, label: 'csv' });
  }

  async close(): Promise<void> {
    await Promise.all([this.csv.close(), this.qif.close()]);
  }
}
