import type { Db } from '../../db/database.js';
import { DomainError } from '../../shared/errors/index.js';
import { describeMissing, describeUnreleased, missingResults, unreleasedItems, type ItemCoverage, type ReadinessItem } from './domain/job-readiness.js';
import type { JobRow } from './jobs.repository.js';
import * as repo from './jobs.repository.js';

/**
 * The port through which the lifecycle asks what results a job has. The results module implements it
 * (`resultCoverage` in results/index.ts) and registers it when its routes are registered at app build
 * time. It is a port and not an import because results already imports jobs' index (`findJobItem`):
 * jobs importing results would make a cycle, so jobs owns the interface and results plugs into it,
 * as results plugs into the equipment's reverse impact with `registerImpactSource`.
 */
export type ResultCoverageSource = (db: Db, jobId: string) => Promise<ItemCoverage[]>;

let coverageSource: ResultCoverageSource | null = null;

/** Plugs the results module into the lifecycle gates (the last registration wins). */
export function registerResultCoverage(source: ResultCoverageSource): void {
  coverageSource = source;
}

/** The job's items and what results they have. Without a registered source the gates refuse rather than wave a job through. */
async function readiness(tx: Db, job: JobRow): Promise<{ items: ReadinessItem[]; coverage: ItemCoverage[] }> {
  if (!coverageSource) throw new Error('No result coverage source is registered with the jobs module; register the results routes.');
  const { items, characteristics } = await repo.contentOf(tx, [job.id]);
  const list = items.map((i) => ({ id: i.id, lineNo: i.lineNo, description: i.description, instrument: i.instrumentType !== null, characteristics: characteristics.filter((c) => c.itemId === i.id) }));
  return { items: list, coverage: await coverageSource(tx, job.id) };
}

/** Review needs a current result for every characteristic and a calibration point on every instrument (409 listing what is missing). */
export async function requireAllResults(tx: Db, job: JobRow): Promise<void> {
  const { items, coverage } = await readiness(tx, job);
  const missing = missingResults(items, coverage);
  if (missing.length === 0) return;
  throw new DomainError('LIMS_JOB_RESULTS_MISSING', `Job ${job.number} cannot go to review: ${describeMissing(missing)}. Record these results, then send the job to review again.`, { missing });
}

/** Reporting needs every item's results released by a second person (409 listing the unreleased items). */
export async function requireAllReleased(tx: Db, job: JobRow): Promise<void> {
  const { items, coverage } = await readiness(tx, job);
  const unreleased = unreleasedItems(items, coverage);
  if (unreleased.length === 0) return;
  throw new DomainError(
    'LIMS_JOB_RESULTS_NOT_RELEASED',
    `Job ${job.number} cannot be reported: the results of ${describeUnreleased(unreleased)} are not released. A second authorized person releases each item (POST /job-items/{id}/results/release), then report the job.`,
    { unreleased },
  );
}
