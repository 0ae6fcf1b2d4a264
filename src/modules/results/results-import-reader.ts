/**
 * Reads the files of the results import in worker threads (a CSV file here, a QIF Results file in the
 * qif module's reader): a 10 MiB file is seconds of parsing, which on the request thread would stall
 * every other request. Each file is bounded by the format's limits (CSV_LIMITS, the qif module's
 * XML limits), a time limit (IMPORT_TIME_LIMIT_MS: the worker is terminated past it) and the
 * worker's heap (IMPORT_WORKER_HEAP_MB), each a 422 LIMS_IMPORT_LIMIT_EXCEEDED naming the limit.
 */
import { IMPORT_POOL_ERRORS, IMPORT_WORKER_HEAP_MB } from '../../shared/import-limits.js';
import { WorkerPool, workerEntry } from '../../shared/worker-pool.js';
import { QifReader, type QifResultsFile } from '../qif/index.js';
import type { CsvFile } from './domain/results-csv.js';

export type ImportFormat = 'csv' | 'qif';
export type ParsedFile = { format: 'csv'; file: CsvFile } | { format: 'qif'; file: QifResultsFile };

export class ResultsFileReader {
  private readonly csv: WorkerPool<string, CsvFile>;
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
   * Reads a results file in a worker thread.
   * @throws DomainError LIMS_QIF_* for a QIF file that is not QIF 3 XML (the qif module's codes),
   *   LIMS_IMPORT_LIMIT_EXCEEDED, LIMS_IMPORT_BUSY.
   */
  async read(format: ImportFormat, text: string): Promise<ParsedFile> {
    if (format === 'qif') return { format, file: await this.qif.results(text) };
    return { format, file: await this.csv.run(text, { maxTimeMs: this.maxTimeMs, graceMs: 0, label: 'csv' }) };
  }

  async close(): Promise<void> {
    await Promise.all([this.csv.close(), this.qif.close()]);
  }
}
