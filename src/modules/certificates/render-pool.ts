/**
 * A pool of worker threads that render documents off the request thread: a certificate in four
 * languages is a few hundred milliseconds of layout, which would otherwise stall every other
 * request. The languages of one document render in parallel on separate workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderSettings } from './certificate-document.js';
import type { DocumentModel } from './domain/document-model.js';

export interface RenderTask {
  readonly id: number;
  readonly model: DocumentModel;
  readonly language: string;
  readonly settings: Omit<RenderSettings, 'createdAt' | 'dcc'> & { createdAt: string; dcc: Uint8Array | null };
}

export type RenderReply = { readonly id: number; readonly ok: true; readonly pdf: Uint8Array } | { readonly id: number; readonly ok: false; readonly message: string };

/** Renders a document in one language. */
export type Render = (model: DocumentModel, language: string, settings: RenderSettings) => Promise<Buffer>;

/** The compiled worker in production; under tsx or jest a bootstrap registers tsx in the worker first (as src/shared/worker-pool.ts does). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./render-worker.js', here));
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker.ts', here).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true, execArgv: [] });
}

interface Pending {
  worker: Worker;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly load = new Map<Worker, number>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /** `size` workers, started on first use; default one per core. */
  constructor(private readonly size = Math.max(1, availableParallelism())) {}

  /** Renders in the least busy worker. */
  readonly render: Render = (model, language, settings) => {
    if (this.closed) return Promise.reject(new Error('the render pool is closed'));
    const worker = this.pick();
    const id = this.nextId++;
    const task: RenderTask = { id, model, language, settings: { ...settings, createdAt: settings.createdAt.toISOString(), dcc: settings.dcc ? new Uint8Array(settings.dcc) : null } };
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
      worker.postMessage(task);
    }).finally(() => this.load.set(worker, (this.load.get(worker) ?? 1) - 1));
  };

  private pick(): Worker {
    if (this.workers.length < this.size && [...this.load.values()].every((n) => n > 0)) return this.spawn();
    return this.workers.reduce((best, w) => ((this.load.get(w) ?? 0) < (this.load.get(best) ?? 0) ? w : best), this.workers[0] ?? this.spawn());
  }

  private spawn(): Worker {
    const worker = startWorker();
    worker.on('message', (reply: RenderReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else p.reject(new Error(`rendering failed: ${reply.message}`));
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`render worker exited with code ${code}`)));
    this.workers.push(worker);
    this.load.set(worker, 0);
    return worker;
  }

  /** A worker that died takes its tasks with it: they fail (the request answers 500, the transaction rolls back), later ones go to a new worker. */
  private fail(worker: Worker, error: Error): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    this.workers.splice(index, 1);
    this.load.delete(worker);
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      p.reject(error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
    for (const p of this.pending.values()) p.reject(new Error('the render pool closed'));
    this.pending.clear();
  }
}
