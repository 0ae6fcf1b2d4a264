import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { DomainError } from '../../shared/errors/index.js';
import { appendEvents, eventsAfter, listEvents, type AuditFilter } from './audit.repository.js';
import { GENESIS_HASH, findBreak, type StoredEvent } from './domain/audit-chain.js';

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
  intact: boolean;
  eventsChecked: number;
  lastSeq: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Recomputes the whole hash chain and reports the first broken link. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<VerifyResult> {
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
