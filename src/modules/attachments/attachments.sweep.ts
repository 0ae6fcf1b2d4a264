import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.js';
import * as repo from './attachments.repository.js';
import type { BlobStore } from './blob-store.js';

/** Content and staging copies younger than this are left alone (an upload may still be on its way). */
export const SWEEP_GRACE_MS = 6 * 3600_000;
/**
 * At start-up, staging copies untouched for this long are removed: an upload being received writes
 * its copy continuously, so one this still was left by a process that stopped (or crashed) mid-upload.
 */
export const STARTUP_STAGING_GRACE_MS = 2 * 60_000;
const SWEEP_EVERY_MS = 3600_000;
const FIRST_SWEEP_AFTER_MS = 5 * 60_000;
/** Stored contents looked up in one query. */
const SWEEP_BATCH = 500;

/**
 * Removes what no attachment row names: staged copies an interrupted upload or a crash left behind,
 * and stored content whose rows were deleted or whose upload transaction failed after the content
 * was put in place. Stored contents are looked up in batches; only those no row names are then
 * re-checked under their lock, so an upload of the same bytes that is committing at that moment
 * keeps its file.
 */
export async function sweepOrphans(db: Db, store: BlobStore, now = new Date(), graceMs = SWEEP_GRACE_MS): Promise<{ staging: number; content: number }> {
  const before = new Date(now.getTime() - graceMs);
  const staging = await store.removeStaleStaging(before);
  let content = 0;
  let batch: string[] = [];
  const sweepBatch = async () => {
    const referenced = await repo.referencedContents(db, batch);
    for (const sha256 of batch.filter((h) => !referenced.has(h))) {
      if (await removeIfUnreferenced(db, store, sha256)) content++;
    }
    batch = [];
  };
  for await (const sha256 of store.listStored(before)) {
    batch.push(sha256);
    if (batch.length === SWEEP_BATCH) await sweepBatch();
  }
  if (batch.length > 0) await sweepBatch();
  return { staging, content };
}

function removeIfUnreferenced(db: Db, store: BlobStore, sha256: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await repo.lockContent(tx, sha256);
    if (await repo.isContentReferenced(tx, sha256)) return false;
    await store.remove(sha256);
    return true;
  });
}

/**
 * Runs the sweep hourly in the background (first a few minutes after start), after removing at once
 * the staging copies an earlier process left; returns the stop function.
 */
export function startSweeping(db: Db, store: BlobStore, log: FastifyBaseLogger): () => void {
  store.removeStaleStaging(new Date(Date.now() - STARTUP_STAGING_GRACE_MS)).then(
    (staging) => {
      if (staging > 0) log.info({ removed: { staging } }, 'removed staging copies of uploads an earlier process left unfinished');
    },
    (err: unknown) => log.error({ err }, 'could not clear the staging area'),
  );
  const run = () => {
    sweepOrphans(db, store).then(
      (removed) => {
        if (removed.staging + removed.content > 0) log.info({ removed }, 'attachment sweep removed orphaned files');
      },
      (err: unknown) => log.error({ err }, 'attachment sweep failed'),
    );
  };
  const first = setTimeout(run, FIRST_SWEEP_AFTER_MS).unref();
  const every = setInterval(run, SWEEP_EVERY_MS).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
