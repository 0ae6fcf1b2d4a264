/**
 * Worker-thread entry point: renders certificate and report PDFs from their models, so that the
 * request thread stays free while pages are laid out (tens of milliseconds a language). Started by
 * RenderPool; never imported by other code.
 */
import { parentPort } from 'node:worker_threads';
import { renderDocument } from './certificate-document.js';
import type { RenderReply, RenderTask } from './render-pool.js';

const port = parentPort;
if (!port) throw new Error('render-worker must run in a worker thread');

port.on('message', (task: RenderTask) => {
  renderDocument(task.model, task.language, { ...task.settings, dcc: task.settings.dcc ? Buffer.from(task.settings.dcc) : null, createdAt: new Date(task.settings.createdAt) }).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      port.postMessage({ id: task.id, ok: true, pdf: bytes } satisfies RenderReply, [bytes.buffer]);
    },
    (error: unknown) => port.postMessage({ id: task.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
