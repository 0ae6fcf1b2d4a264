import { canonicalJson, sha256Hex } from '../../../shared/canonical-json.js';

/** The hash that the first event of the trail links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of one audit event (everything but the hashes themselves). */
export interface AuditContent {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
}

/** SHA-256 over the previous event's hash and the canonical JSON of this event's content. */
export function eventHash(prevHash: string, event: AuditContent): string {
  // Pick the content fields by name: a stored event also carries its hashes, which are not content.
  const content: AuditContent = {
    seq: event.seq,
    occurredAt: new Date(event.occurredAt).toISOString(),
    actorUserId: event.actorUserId,
    actorRole: event.actorRole,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    reason: event.reason,
    requestId: event.requestId,
  };
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export interface StoredEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

/** The first broken link: the event where the chain breaks, and the last event before it that is intact. */
export type ChainBreak = { seq: number; reason: string; lastIntactSeq: number };

/**
 * Checks a run of events that continues from `expectedPrev` (the hash of the event before
 * `expectedSeq`). Returns the first broken link, or null when the run is intact.
 */
export function findBreak(events: StoredEvent[], expectedSeq: number, expectedPrev: string): ChainBreak | null {
  let seq = expectedSeq;
  let prev = expectedPrev;
  for (const event of events) {
    if (event.seq !== seq) return { seq: event.seq, reason: `event ${seq} is missing (found ${event.seq} next)`, lastIntactSeq: seq - 1 };
    if (event.prevHash !== prev) {
      return { seq: event.seq, reason: 'does not link to the previous event (an event before it was changed or removed)', lastIntactSeq: seq - 1 };
    }
    if (eventHash(event.prevHash, event) !== event.hash) {
      return { seq: event.seq, reason: 'its content does not match its hash (the event was changed)', lastIntactSeq: seq - 1 };
    }
    prev = event.hash;
    seq += 1;
  }
  return null;
}
