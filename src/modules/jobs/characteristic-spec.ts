import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Tolerance } from './domain/job-content.js';
import { toleranceLimits } from './domain/tolerance-limits.js';
import { tolerance } from './jobs.presenter.js';
import * as repo from './jobs.repository.js';
import { jobCharacteristics } from './jobs.tables.js';

/** What a conformity decision needs of a characteristic: its tolerance and limits, and the job's decision rule. */
export interface CharacteristicSpec {
  id: string;
  identifier: string;
  nominal: string | null;
  unit: string;
  tolerance: Tolerance;
  /** Specification limits as exact decimals; null when a ± tolerance has no nominal. */
  limits: { lower?: string; upper?: string } | null;
  /** The decision rule fixed at contract review (e.g. simple_acceptance, guarded_acceptance); null before it. */
  decisionRule: string | null;
}

/** A characteristic's tolerance and its job's decision rule (staff only: no company scope), or null. */
export async function findCharacteristicSpec(db: Db, characteristicId: string): Promise<CharacteristicSpec | null> {
  const [c] = await db.select().from(jobCharacteristics).where(eq(jobCharacteristics.id, characteristicId));
  if (!c) return null;
  const job = await repo.findJob(db, undefined, c.jobId);
  const t = tolerance(c);
  return { id: c.id, identifier: c.identifier, nominal: c.nominal, unit: c.unit, tolerance: t, limits: toleranceLimits(c.nominal, t), decisionRule: job?.decisionRule ?? null };
}
