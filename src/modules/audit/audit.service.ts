import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { DomainError } from '../../shared/errors/index.js';
import { appendEvents, eventsAfter, listEvents, type AuditFilter } from './audit.repository.js';
import { checkStoredCheckpoints } from './audit-checkpoints.service.js';
import { GENESIS_HASH, findBreak, type StoredEvent } from './domain/audit-chain.js';
import { keyIdOf, type CheckpointProblem } from './domain/checkpoints.js';

export interface AuditChange {
  /** Dotted verb, e.g. `user.create`, `token.revoke`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Records a state change in the audit trail. Call it with the transaction that makes the change,
 * so that the change and its record commit or roll back together.
 */
export async function recordAudit(tx: Db, actor: Actor, change: AuditChange): Promise<void> {
  await recordAudits(tx, actor, [change]);
}

/** Records several changes of one request in the audit trail, in the order given, with one append. */
export async function recordAudits(tx: Db, actor: Actor, changes: readonly AuditChange[]): Promise<void> {
  await appendEvents(
    tx,
    changes.map((change) => ({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before ?? null,
      after: change.after ?? null,
      reason: change.reason ?? null,
      requestId: actor.requestId,
    })),
  );
}

export interface EventPage {
  items: StoredEvent[];
  nextCursor: string | null;
}

/** Lists audit events, newest first, with an opaque cursor for the next page. */
export async function listAuditEvents(
  db: Db,
  filter: Omit<AuditFilter, 'beforeSeq'> & { cursor?: string },
  limit: number,
): Promise<EventPage> {
  const { cursor, ...rest } = filter;
  const beforeSeq = cursor ? decodeCursor(cursor) : undefined;
  const items = await listEvents(db, { ...rest, ...(beforeSeq !== undefined ? { beforeSeq } : {}) }, limit + 1);
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  return { items: page, nextCursor: more ? encodeCursor(page[page.length - 1]!.seq) : null };
}

export interface VerifyResult {
  /** The chain links up and no checkpoint contradicts it. */
  intact: boolean;
  eventsChecked: number;
  lastSeq: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  checkpoints: CheckpointReport;
}

/** What the signed checkpoints say about the trail. */
export interface CheckpointReport {
  /** `not configured`: no signing key, nothing checked; `none`: no checkpoint of this key yet. */
  status: 'not configured' | 'none' | 'consistent' | 'inconsistent';
  keyId: string | null;
  checked: number;
  otherKeys: number;
  latestSeq: number | null;
  latestAt: string | null;
  truncated: boolean;
  rewritten: boolean;
  badSignatures: number;
  /** The first problems, in checkpoint order. */
  problems: CheckpointProblem[];
}

/** At most this many checkpoint problems are listed (one rewrite early on contradicts every later checkpoint). */
const PROBLEMS_SHOWN = 20;

/**
 * Recomputes the whole hash chain, reports the first broken link, and compares the trail with the
 * signed checkpoints: events cut off the end, or rewritten with every later hash recomputed, leave a
 * chain that links up but contradicts a checkpoint.
 */
export async function verifyAuditChain(db: Db, signingKey: KeyObject | undefined, batchSize = 2000): Promise<VerifyResult> {
  const chain = await walkChain(db, batchSize);
  if (!signingKey) {
    const checkpoints: CheckpointReport = { status: 'not configured', keyId: null, checked: 0, otherKeys: 0, latestSeq: null, latestAt: null, truncated: false, rewritten: false, badSignatures: 0, problems: [] };
    return { ...chain, checkpoints };
  }
  const findings = await checkStoredCheckpoints(db, signingKey);
  const [first] = findings.problems;
  const checkpoints: CheckpointReport = {
    status: first ? 'inconsistent' : findings.checked === 0 ? 'none' : 'consistent',
    keyId: keyIdOf(signingKey),
    checked: findings.checked,
    otherKeys: findings.otherKeys,
    latestSeq: findings.latest?.seq ?? null,
    latestAt: findings.latest?.createdAt ?? null,
    truncated: findings.truncated,
    rewritten: findings.rewritten,
    badSignatures: findings.badSignatures,
    problems: findings.problems.slice(0, PROBLEMS_SHOWN),
  };
  if (!first) return { ...chain, checkpoints };
  return {
    intact: false,
    eventsChecked: chain.eventsChecked,
    // Events after the last checkpoint that still matches are no longer known to be intact.
    lastSeq: Math.min(chain.lastSeq, findings.lastConsistentSeq),
    firstBrokenSeq: chain.firstBrokenSeq ?? (first.kind === 'truncated' ? chain.lastSeq + 1 : first.seq),
    reason: chain.reason ?? first.detail,
    checkpoints,
  };
}

/** Recomputes the hash chain in batches and reports the first broken link. */
async function walkChain(db: Db, batchSize: number): Promise<Omit<VerifyResult, 'checkpoints'>> {
  let seq = 1;
  let prev = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const batch = await eventsAfter(db, seq - 1, batchSize);
    if (batch.length === 0) break;
    const broken = findBreak(batch, seq, prev);
    if (broken) {
      return { intact: false, eventsChecked: checked + broken.lastIntactSeq - seq + 1, lastSeq: broken.lastIntactSeq, firstBrokenSeq: broken.seq, reason: broken.reason };
    }
    checked += batch.length;
    seq += batch.length;
    prev = batch[batch.length - 1]!.hash;
  }
  return { intact: true, eventsChecked: checked, lastSeq: seq - 1, firstBrokenSeq: null, reason: null };
}

const encodeCursor = (seq: number): string => Buffer.from(`seq:${seq}`).toString('base64url');

function decodeCursor(cursor: string): number {
  // At most 15 digits: a safe integer, and within the bigint column (a longer number failed there as a 500).
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new DomainError('LIMS_VALIDATION_FAILED', 'The cursor is not valid; use the nextCursor value of the previous page.');
  return Number(match[1]);
}
