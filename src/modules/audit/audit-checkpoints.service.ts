import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { DomainError } from '../../shared/errors/index.js';
import { allCheckpoints, chainHead, hashesAt, insertCheckpoint, latestCheckpoint, listCheckpoints, withChainLocked } from './audit.repository.js';
import { GENESIS_HASH } from './domain/audit-chain.js';
import { checkCheckpoints, keyIdOf, publicKeyOf, publicKeyPem, signCheckpoint, type CheckpointFindings, type SignedCheckpoint } from './domain/checkpoints.js';

function requireKey(key: KeyObject | undefined): KeyObject {
  if (!key) {
    throw new DomainError('LIMS_AUDIT_CHECKPOINTS_NOT_CONFIGURED', 'No audit signing key is configured (AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE), so no checkpoints are signed.');
  }
  return key;
}

/** Signs the chain's head now, holding the chain's lock so that the head cannot move meanwhile. */
async function signHead(tx: Db, key: KeyObject, now: Date): Promise<SignedCheckpoint> {
  const head = await chainHead(tx);
  const statement = { seq: head.seq, hash: head.hash, createdAt: now.toISOString() };
  return insertCheckpoint(tx, { ...statement, ...signCheckpoint(key, statement) });
}

/** Signs a checkpoint of the chain's head on request (even when the head has not moved: it then attests a later time). */
export async function createCheckpoint(db: Db, key: KeyObject | undefined): Promise<SignedCheckpoint> {
  const signingKey = requireKey(key);
  return withChainLocked(db, (tx) => signHead(tx, signingKey, new Date()));
}

/**
 * The periodic checkpoint: signs the head unless the trail is empty, the head has not moved since
 * the latest checkpoint, or the latest checkpoint is recent (another instance wrote it this period).
 * The check and the insert share the chain's lock, so instances never write the same checkpoint twice.
 */
export async function scheduledCheckpoint(db: Db, key: KeyObject, intervalMinutes: number, now = new Date()): Promise<SignedCheckpoint | null> {
  return withChainLocked(db, async (tx) => {
    const head = await chainHead(tx);
    const latest = await latestCheckpoint(tx);
    if (head.seq === 0) return null;
    // 10% slack: timers of one instance fire a little early or late, never a whole period apart.
    const recent = latest !== null && now.getTime() - Date.parse(latest.createdAt) < intervalMinutes * 60_000 * 0.9;
    if (latest && (latest.seq === head.seq || recent)) return null;
    return signHead(tx, key, now);
  });
}

export interface CheckpointPage {
  keyId: string | null;
  publicKeyPem: string | null;
  items: SignedCheckpoint[];
  nextCursor: string | null;
}

/** Checkpoints newest first, with the public key that verifies them (null when none is configured). */
export async function listCheckpointPage(db: Db, key: KeyObject | undefined, limit: number, cursor?: string): Promise<CheckpointPage> {
  const beforeId = cursor === undefined ? undefined : decodeCursor(cursor);
  const items = await listCheckpoints(db, limit + 1, beforeId);
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  return {
    keyId: key ? keyIdOf(key) : null,
    publicKeyPem: key ? publicKeyPem(key) : null,
    items: page,
    nextCursor: more ? Buffer.from(`checkpoint:${page[page.length - 1]!.id}`).toString('base64url') : null,
  };
}

/** The public key that verifies checkpoints, with its key id. */
export function checkpointPublicKey(key: KeyObject | undefined): { algorithm: 'Ed25519'; keyId: string; publicKeyPem: string } {
  const signingKey = requireKey(key);
  return { algorithm: 'Ed25519', keyId: keyIdOf(signingKey), publicKeyPem: publicKeyPem(signingKey) };
}

/** Every stored checkpoint compared with the trail as it is now. */
export async function checkStoredCheckpoints(db: Db, key: KeyObject): Promise<CheckpointFindings> {
  const checkpoints = await allCheckpoints(db);
  const head = await chainHead(db);
  const hashAt = await hashesAt(db, [...new Set(checkpoints.map((c) => c.seq).filter((seq) => seq > 0))]);
  return checkCheckpoints(checkpoints, { headSeq: head.seq, hashAt, genesisHash: GENESIS_HASH }, publicKeyOf(key));
}

function decodeCursor(cursor: string): number {
  // At most 15 digits: a safe integer within the bigint column (a longer number failed there as a 500).
  const match = /^checkpoint:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new DomainError('LIMS_VALIDATION_FAILED', 'The cursor is not valid; use the nextCursor value of the previous page.');
  return Number(match[1]);
}
