import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { auditEvents } from './audit.tables.js';
import { GENESIS_HASH, eventHash, type AuditContent, type StoredEvent } from './domain/audit-chain.js';

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
