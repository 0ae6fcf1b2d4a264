import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { auditCheckpoints, auditEvents } from './audit.tables.js';
import { GENESIS_HASH, eventHash, type AuditContent, type StoredEvent } from './domain/audit-chain.js';
import type { SignedCheckpoint } from './domain/checkpoints.js';

// Appends take this transaction-scoped lock so the chain has one order across all service instances.
const AUDIT_CHAIN_LOCK = 7_170_011;

export type NewAuditEvent = Omit<AuditContent, 'seq' | 'occurredAt'>;

/** Events written by one INSERT (each row has 13 parameters; PostgreSQL takes at most 65535). */
const INSERT_CHUNK = 1000;

/**
 * Appends events to the chain, in the order given: one lock, one read of the chain's head and
 * multi-row inserts, however many events. Must run inside the transaction of the change they record.
 */
export async function appendEvents(tx: Db, events: readonly NewAuditEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const occurredAt = new Date().toISOString();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const stored = events.map((event): StoredEvent => {
    const content: AuditContent = {
      ...event,
      // jsonb keeps only what JSON can say; normalise now so the hash matches what is read back.
      before: event.before === undefined ? null : JSON.parse(JSON.stringify(event.before)),
      after: event.after === undefined ? null : JSON.parse(JSON.stringify(event.after)),
      seq: ++seq,
      occurredAt,
    };
    const hash = eventHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < stored.length; i += INSERT_CHUNK) {
    await tx.insert(auditEvents).values(stored.slice(i, i + INSERT_CHUNK).map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })));
  }
  return stored;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  /** Return events older than this sequence number (newest first). */
  beforeSeq?: number;
}

/** Events matching a filter, newest first. */
export async function listEvents(db: Db, filter: AuditFilter, limit: number): Promise<StoredEvent[]> {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.actorUserId) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.from) where.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) where.push(lte(auditEvents.occurredAt, new Date(filter.to)));
  if (filter.beforeSeq !== undefined) where.push(lt(auditEvents.seq, filter.beforeSeq));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  return rows.map(toStored);
}

/** A batch of events after a sequence number, oldest first (for verification). */
export async function eventsAfter(db: Db, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
  return rows.map(toStored);
}

function toStored(row: typeof auditEvents.$inferSelect): StoredEvent {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}

/** The chain's last event (seq 0 and the genesis hash when the trail is empty). */
export async function chainHead(db: Db): Promise<{ seq: number; hash: string }> {
  const [last] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

/** The stored hashes of the events with these sequence numbers (absent ones are missing). */
export async function hashesAt(db: Db, seqs: readonly number[]): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += INSERT_CHUNK) {
    const rows = await db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(inArray(auditEvents.seq, seqs.slice(i, i + INSERT_CHUNK)));
    for (const row of rows) hashes.set(row.seq, row.hash);
  }
  return hashes;
}

/**
 * Runs `work` holding the chain's lock, so that no event is appended meanwhile (the same lock as
 * appends; transaction-scoped, so it holds across all instances).
 */
export async function withChainLocked<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    return work(tx);
  });
}

export async function insertCheckpoint(tx: Db, checkpoint: Omit<SignedCheckpoint, 'id'>): Promise<SignedCheckpoint> {
  const [row] = await tx
    .insert(auditCheckpoints)
    .values({ ...checkpoint, createdAt: new Date(checkpoint.createdAt) })
    .returning();
  return toCheckpoint(row!);
}

/** The newest checkpoint, or null. */
export async function latestCheckpoint(db: Db): Promise<SignedCheckpoint | null> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return row ? toCheckpoint(row) : null;
}

/** Checkpoints newest first, before an id (for paging). */
export async function listCheckpoints(db: Db, limit: number, beforeId?: number): Promise<SignedCheckpoint[]> {
  const rows = await db
    .select()
    .from(auditCheckpoints)
    .where(beforeId === undefined ? undefined : lt(auditCheckpoints.id, beforeId))
    .orderBy(desc(auditCheckpoints.id))
    .limit(limit);
  return rows.map(toCheckpoint);
}

/** Every checkpoint, oldest first (for verification). */
export async function allCheckpoints(db: Db): Promise<SignedCheckpoint[]> {
  const rows = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
  return rows.map(toCheckpoint);
}

function toCheckpoint(row: typeof auditCheckpoints.$inferSelect): SignedCheckpoint {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
