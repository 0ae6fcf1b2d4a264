import type { Db } from '../../db/database.js';
import type { JobContentLookup } from '../jobs/index.js';
import { correctedBy } from './domain/result-rules.js';
import { measurement } from './results.presenter.js';
import * as repo from './results.repository.js';
import type { ReadingRow, ResultRow } from './results.repository.js';

/** The summaries of a job's released current results by result id (the certificates module computes them for documents and this view alike). */
export type ResultSummarySource = (db: Db, jobId: string) => Promise<Map<string, unknown>>;
let summarySource: ResultSummarySource | null = null;

/** Plugs in the computation of result summaries (wired in app.ts: results cannot import certificates, which imports results). */
export function registerResultSummarySource(source: ResultSummarySource): void {
  summarySource = source;
}

/**
 * What a customer sees of one released result: what was measured, when, in what conditions, the
 * readings as typed, any environmental deviation (reported per ISO/IEC 17025 7.8) and the correction
 * chain with its reasons (7.8.8). Left out: who recorded it, the lab's equipment and method version
 * ids (internal register entries the customer cannot open), the technician's working remarks and the
 * time of entry.
 */
function presentForCustomer(r: ResultRow, readings: ReadingRow[], characteristics: JobContentLookup['items'][number]['characteristics'], by: Map<string, string>, summaries: Map<string, unknown>) {
  const c = characteristics.find((x) => x.id === r.characteristicId);
  return {
    id: r.id,
    summary: summaries.get(r.id) ?? null,
    characteristic: c ? { id: c.id, identifier: c.identifier } : null,
    ...measurement(
      r,
      readings.filter((x) => x.resultId === r.id),
    ),
    current: !by.has(r.id),
    correctsId: r.correctsId,
    correctionReason: r.correctionReason,
    correctedById: by.get(r.id) ?? null,
  };
}

/**
 * A job's results as its customer sees them: every item in order; released items with their results
 * (corrected ones included, `current` marked), the others `pending` with no values at all.
 */
export async function presentJobResultsForCustomer(db: Db, content: JobContentLookup) {
  const [rows, releases] = await Promise.all([repo.listJobResults(db, content.job.id), repo.listJobReleases(db, content.job.id)]);
  const released = new Map(releases.map((r) => [r.itemId, r]));
  // Readings of unreleased items are never even loaded.
  const visible = rows.filter((r) => released.has(r.itemId));
  const readings = await repo.readingsOf(db, visible.map((r) => r.id));
  const by = correctedBy(visible);
  const summaries = visible.length > 0 && summarySource ? await summarySource(db, content.job.id) : new Map<string, unknown>();
  return {
    jobId: content.job.id,
    number: content.job.number,
    status: content.job.status,
    items: content.items.map((item) => {
      const release = released.get(item.id);
      return {
        itemId: item.id,
        lineNo: item.lineNo,
        description: item.description,
        state: release ? ('released' as const) : ('pending' as const),
        releasedAt: release?.createdAt ?? null,
        results: release ? visible.filter((r) => r.itemId === item.id).map((r) => presentForCustomer(r, readings, item.characteristics, by, summaries)) : [],
      };
    }),
  };
}
export type CustomerJobResultsView = Awaited<ReturnType<typeof presentJobResultsForCustomer>>;
