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
export function eventHash(prevHash: string, content: AuditContent): string {
  const normalised = { ...content, occurredAt: new Date(content.occurredAt).toISOString() };
  return sha256Hex(`${prevHash}\n${canonicalJson(normalised)}`);
}

export interface StoredEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: string };

/**
 * Checks a run of events that continues from `expectedPrev` (the hash of the event before
 * `expectedSeq`). Returns the first broken link, or null when the run is intact.
 */
export function findBreak(events: StoredEvent[], expectedSeq: number, expectedPrev: string): ChainBreak | null {
  let seq = expectedSeq;
  let prev = expectedPrev;
  for (const event of events) {
    if (event.seq !== seq) return { seq: event.seq, reason: `event ${seq} is missing (found ${event.seq} next)` };
    if (event.prevHash !== prev) return { seq: event.seq, reason: 'does not link to the previous event (an event before it was changed or removed)' };
    if (eventHash(event.prevHash, event) !== event.hash) return { seq: event.seq, reason: 'its content does not match its hash (the event was changed)' };
    prev = event.hash;
    seq += 1;
  }
  return null;
}
