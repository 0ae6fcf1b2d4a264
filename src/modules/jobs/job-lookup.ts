import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { LabService } from '../agreements/index.js';
import type { JobState } from './domain/job-lifecycle.js';
import * as repo from './jobs.repository.js';
import { jobCharacteristics, jobItems, jobs } from './jobs.tables.js';

/** A job item as other modules (results) see it. */
export interface LookupItem {
  id: string;
  jobId: string;
  lineNo: number;
  description: string;
  unit: string | null;
  /** An instrument to calibrate (not a piece with characteristics). */
  instrument: boolean;
  /** An instrument's measuring range as the customer gave it; null for pieces. */
  measuringRange: { lower: string; upper: string; unit: string } | null;
  /** A reference-measurement piece: the catalogue piece picked, the machine tool that machined it, its serial and manufacturing day; null otherwise. */
  referencePiece: { testPieceId: string | null; machineToolId: string | null; serialNumber: string | null; manufacturedOn: string | null } | null;
}

export interface LookupCharacteristic {
  id: string;
  identifier: string;
  type: string;
  unit: string;
  nominal: string | null;
  /** The characteristic's id in a QIF file (results imported from QIF are matched by it). */
  qifId: string | null;
}

/** What other modules (results) need to know of a job item: its job's state and company, its characteristics. */
export interface JobItemLookup {
  /** `receivedOn`: the day the items were received (YYYY-MM-DD), null before receipt. */
  job: { id: string; number: string; companyId: string; kind: LabService; status: JobState; receivedOn: string | null };
  item: LookupItem;
  characteristics: LookupCharacteristic[];
}

/** A job with its items in order, each with its characteristics in order. */
export interface JobContentLookup {
  job: JobItemLookup['job'];
  items: (LookupItem & { characteristics: LookupCharacteristic[] })[];
}

const lookupJob = (job: repo.JobRow): JobItemLookup['job'] => ({ id: job.id, number: job.number, companyId: job.companyId, kind: job.kind, status: job.status, receivedOn: job.receivedOn });
const lookupCharacteristic = (c: repo.CharacteristicRow): LookupCharacteristic => ({ id: c.id, identifier: c.identifier, type: c.type, unit: c.unit, nominal: c.nominal, qifId: c.qifId });
const lookupItem = (item: repo.ItemRow): LookupItem => ({
  id: item.id,
  jobId: item.jobId,
  lineNo: item.lineNo,
  description: item.description,
  unit: item.unit,
  instrument: item.instrumentType !== null,
  measuringRange: item.rangeLower !== null && item.rangeUpper !== null && item.unit !== null ? { lower: item.rangeLower, upper: item.rangeUpper, unit: item.unit } : null,
  referencePiece:
    item.service !== null || (item.testPieceId === null && item.serialNumber === null)
      ? null
      : { testPieceId: item.testPieceId, machineToolId: item.machineToolId, serialNumber: item.serialNumber, manufacturedOn: item.manufacturedOn },
});

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
  return { job: lookupJob(job), item: lookupItem(item), characteristics: characteristics.map(lookupCharacteristic) };
}

/** A job with its items and characteristics, or null when it does not exist or is outside the company `scope`. */
export async function findJobContent(db: Db, scope: string | undefined, jobId: string): Promise<JobContentLookup | null> {
  const job = await repo.findJob(db, scope, jobId);
  if (!job) return null;
  const { items, characteristics } = await repo.contentOf(db, [job.id]);
  return { job: lookupJob(job), items: items.map((i) => ({ ...lookupItem(i), characteristics: characteristics.filter((c) => c.itemId === i.id).map(lookupCharacteristic) })) };
}

/**
 * The jobs with pieces machined on a machine tool, each with only those items and their
 * characteristics (staff view: no company scope; the caller checks the machine tool is visible).
 * Rejected and cancelled jobs are left out.
 */
export async function findMachineToolPieces(db: Db, machineToolId: string): Promise<JobContentLookup[]> {
  const items = await db.select().from(jobItems).where(eq(jobItems.machineToolId, machineToolId)).orderBy(asc(jobItems.lineNo));
  if (items.length === 0) return [];
  const jobRows = await db
    .select()
    .from(jobs)
    .where(and(inArray(jobs.id, [...new Set(items.map((i) => i.jobId))]), notInArray(jobs.status, ['rejected', 'cancelled'])));
  const characteristics = await db.select().from(jobCharacteristics).where(inArray(jobCharacteristics.itemId, items.map((i) => i.id))).orderBy(asc(jobCharacteristics.lineNo));
  return jobRows.map((job) => ({
    job: lookupJob(job),
    items: items.filter((i) => i.jobId === job.id).map((i) => ({ ...lookupItem(i), characteristics: characteristics.filter((c) => c.itemId === i.id).map(lookupCharacteristic) })),
  }));
}
