/** `npm run bench`: every benchmark, each printed with its bare baseline from the same run. */
import { runApiBench } from './api.js';
import { runAttachmentsBench } from './attachments.js';
import { runDocumentsBench } from './documents.js';
import { printEventLoopFigures, runEventLoopBench } from './event-loop.js';
import { runFaultsBench } from './faults.js';
import { runMcmBench } from './mcm.js';
import { runResultsImportBench } from './results-import.js';
import { runStartupBench } from './startup.js';

const f0 = (n: number) => n.toFixed(0);

console.log('API on PostgreSQL (autocannon, 10 connections, 5 s each)');
console.log('  request                     | LIMS req/s | p99 ms | baseline req/s | p99 ms | ratio');
for (const r of await runApiBench()) {
  console.log(
    `  ${r.name.padEnd(27)} | ${f0(r.lims.rps).padStart(10)} | ${f0(r.lims.p99).padStart(6)} | ${f0(r.baseline.rps).padStart(14)} | ${f0(r.baseline.p99).padStart(6)} | ${(r.lims.rps / r.baseline.rps).toFixed(2)}`,
  );
}

const startup = await runStartupBench();
console.log(`\nStart-up to ready, embedded database: empty ${f0(startup.emptyMs)} ms, existing ${f0(startup.existingMs)} ms`);

const mcm = await runMcmBench();
console.log('\nMonte Carlo, JCGM 100 H.1 end gauge, 1e6 trials (median of 5)');
console.log(`  engine ${f0(mcm.engineMs)} ms (${(mcm.trialsPerSecond / 1e6).toFixed(2)} M trials/s), hand-written loop ${f0(mcm.baselineMs)} ms, ratio ${mcm.ratio.toFixed(2)}`);

const att = await runAttachmentsBench();
const mem = (r: typeof att.lims) => `${f0(r.ms)} ms, ${f0(r.mbPerSecond)} MB/s, peak heap+buffers +${f0(r.heapAndBuffersMiB)} MiB, RSS +${f0(r.rssMiB)} MiB`;
console.log(`\nAttachment upload, ${att.sizeMiB} MiB multipart over HTTP (generated on the fly)`);
console.log(`  LIMS     ${mem(att.lims)}`);
console.log(`  baseline ${mem(att.baseline)} (plain fs write + SHA-256 of the same bytes)`);

const imp = await runResultsImportBench();
console.log(`\nResults import, CSV of ${imp.results} results x ${imp.rows / imp.results} repeats (${imp.rows} rows), median of 3`);
console.log(`  LIMS     ${f0(imp.limsMs)} ms (${f0(imp.results / (imp.limsMs / 1000))} results/s; dry run ${f0(imp.dryRunMs)} ms)`);
console.log(`  baseline ${f0(imp.baselineMs)} ms (the same rows, three multi-row INSERTs, no rules, no audit), ratio ${(imp.baselineMs / imp.limsMs).toFixed(2)}`);

const docs = await runDocumentsBench();
const ps = (x: number) => `${x.toFixed(1)}/s`;
console.log(`\nCertificates: a ${docs.pages}-page calibration certificate with a 21-point results table (fixture model)`);
console.log(`  render one language (in process)  ${ps(docs.renderPerSecond)}; two at a time in the worker pool ${ps(docs.pooledRenderPerSecond)}`);
console.log(`  bare PDFKit, same text and table:  ${ps(docs.barePerSecond)} (fonts registered per document), ${ps(docs.bareSharedFontsPerSecond)} (parsed fonts shared)`);
console.log(`  ratio render / bare:               ${(docs.barePerSecond / docs.renderPerSecond).toFixed(2)} and ${(docs.bareSharedFontsPerSecond / docs.renderPerSecond).toFixed(2)} times the bare time`);
console.log(`  issue (fi + en + sv + et PDFs with the DCC attached, DCC, stored in one transaction): ${ps(docs.issuePerSecond)}`);

const faults = await runFaultsBench();
console.log('\nFaults: PostgreSQL restarted (pg_ctl restart -m fast) under 8 writers with Idempotency-Keys');
if (typeof faults === 'string') console.log(`  not run: ${faults}`);
else {
  const worst = (ms: number[]) => f0(Math.max(...ms));
  console.log(
    `  restarts survived ${faults.survived}/${faults.restarts}, lost acknowledged writes ${faults.lost} of ${faults.acknowledged}, stuck keys after recovery ${faults.stuckKeys}`,
  );
  console.log(`  time to ready after the server is back: worst ${worst(faults.readyMs)} ms (bare pg.Pool first query: worst ${worst(faults.bareMs)} ms), ratio ${(Math.max(...faults.readyMs) / Math.max(...faults.bareMs)).toFixed(2)}`);
}

printEventLoopFigures(await runEventLoopBench());
