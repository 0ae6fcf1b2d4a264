/**
 * Reads QIF files in worker threads: a 10 MiB QIF file is a second or more of parsing, which on the
 * request thread would stall every other request. Each file is bounded by the XML limits
 * (XML_LIMITS), a time limit (IMPORT_TIME_LIMIT_MS: the worker is terminated past it) and the
 * worker's heap (IMPORT_WORKER_HEAP_MB); past any of them the answer is a 422
 * LIMS_IMPORT_LIMIT_EXCEEDED naming the limit.
 */
import { IMPORT_POOL_ERRORS, IMPORT_WORKER_HEAP_MB } from '../../shared/import-limits.js';
import { WorkerPool, workerEntry } from '../../shared/worker-pool.js';
import { finishQifProduct, type QifProduct, type QifProductDraft } from './domain/qif-product.js';
import type { QifResultsFile } from './domain/qif-results.js';

/** What a QIF worker reads. */
export type QifTask = { readonly kind: 'product'; readonly xml: string } | { readonly kind: 'results'; readonly xml: string };

export interface QifReaderOptions {
  /** Time limit per file (IMPORT_TIME_LIMIT_MS). */
  readonly maxTimeMs: number;
  /** Worker threads; default max(1, available parallelism - 1). */
  readonly size?: number;
}

export class QifReader {
  private readonly pool: WorkerPool<QifTask, QifProductDraft | QifResultsFile>;
  private readonly maxTimeMs: number;

  constructor(options: QifReaderOptions) {
    this.maxTimeMs = options.maxTimeMs;
    this.pool = new WorkerPool({
      name: 'qif',
      entry: workerEntry(import.meta.url, 'qif-worker'),
      errors: IMPORT_POOL_ERRORS,
      maxHeapMb: IMPORT_WORKER_HEAP_MB,
      ...(options.size !== undefined && { size: options.size }),
    });
  }

  /**
   * The characteristics of a QIF MBD file, read in a worker and checked by the jobs module's rules.
   * @throws as parseQifProduct, and LIMS_IMPORT_LIMIT_EXCEEDED (time, memory), LIMS_IMPORT_BUSY.
   */
  async product(xml: string): Promise<QifProduct> {
    const draft = (await this.pool.run({ kind: 'product', xml }, { maxTimeMs: this.maxTimeMs, graceMs: 0, label: 'qif-product' })) as QifProductDraft;
    return finishQifProduct(draft);
  }

  /**
   * The measurements of a QIF Results file, read in a worker.
   * @throws as parseQifResults, and LIMS_IMPORT_LIMIT_EXCEEDED (time, memory), LIMS_IMPORT_BUSY.
   */
  async results(xml: string): Promise<QifResultsFile> {
    return (await this.pool.run({ kind: 'results', xml }, { maxTimeMs: this.maxTimeMs, graceMs: 0, label: 'qif-results' })) as QifResultsFile;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
