import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { JobState } from './domain/job-lifecycle.js';
import { jobCharacteristics, jobItems, jobs } from './jobs.tables.js';

/** What other modules (results) need to know of a job item: its job's state and company, its characteristics. */
export interface JobItemLookup {
  job: { id: string; number: string; companyId: string; status: JobState };
  item: { id: string; jobId: string; description: string; unit: string | null; /** An instrument to calibrate (not a piece with characteristics). */ instrument: boolean };
  characteristics: { id: string; identifier: string; type: string; unit: string; nominal: string | null }[];
}

/**
 * A job item with its job and characteristics, or null when it does not exist or is outside the
 * company `scope` (customers). `lockJob` locks the job row so that its state cannot change before
 * the caller's transaction ends.
 */
export async function findJobItem(db: Db, scope: string | undefined, itemId: string, lockJob = false): Promise<JobItemLookup | null> {
  const [item] = await db.select().from(jobItems).where(eq(jobItems.id, itemId));
  if (!item) return null;
  const query = db.select().from(jobs).where(and(eq(jobs.id, item.jobId), scope ? eq(jobs.companyId, scope) : undefined));
  const [job] = lockJob ? await query.for('update') : await query;
  if (!job) return null;
  const characteristics = await db.select().from(jobCharacteristics).where(eq(jobCharacteristics.itemId, itemId)).orderBy(asc(jobCharacteristics.lineNo));
  return {
    job: { id: job.id, number: job.number, companyId: job.companyId, status: job.status },
    item: { id: item.id, jobId: item.jobId, description: item.description, unit: item.unit, instrument: item.instrumentType !== null },
    characteristics: characteristics.map((c) => ({ id: c.id, identifier: c.identifier, type: c.type, unit: c.unit, nominal: c.nominal })),
  };
}
