import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail. Triggers (migration 0001) reject UPDATE, DELETE and TRUNCATE;
 * each row's hash covers its content and the previous row's hash.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.seq),
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
    index('audit_events_time_idx').on(t.occurredAt),
  ],
);

/**
 * Signed checkpoints of the chain's head, the anchor outside the table: each signs (seq, hash, time)
 * with the Ed25519 key of the configuration, which the database never holds, so removing events from
 * the end or rewriting one and rehashing the rest no longer passes verification. Append-only (migration 0016).
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The last event the checkpoint covers (0: the trail was empty). */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** That event's hash. */
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    /** SHA-256 of the public key (SPKI DER), hex. */
    keyId: text('key_id').notNull(),
    /** Ed25519 signature of the canonical message, base64. */
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_seq_idx').on(t.seq)],
);
