import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Signed checkpoints of the audit chain: the service signs (seq, head hash, time) with an Ed25519 key
 * that only its configuration holds. Whoever rewrites the table (and recomputes every hash) or cuts
 * events off its end cannot sign a matching checkpoint, so the stored checkpoints, or copies kept
 * outside the database, expose it. An auditor checks one offline with the public key (docs/operations.md).
 */

/** The first line of every signed message: names what is signed and the format's version. */
export const CHECKPOINT_MESSAGE_HEADER = 'ktk-lims audit checkpoint v1';

/** What a checkpoint states: the chain's last event and its hash, at a time. */
export interface CheckpointStatement {
  /** The last event covered (0: the trail was empty). */
  seq: number;
  /** That event's hash (the genesis hash for seq 0). */
  hash: string;
  /** ISO 8601 UTC time with milliseconds. */
  createdAt: string;
}

export interface SignedCheckpoint extends CheckpointStatement {
  id: number;
  /** SHA-256 (hex) of the signing key's public key in SPKI DER. */
  keyId: string;
  /** Ed25519 signature of `checkpointMessage`, base64. */
  signature: string;
}

/**
 * The exact text that is signed: four lines joined by `\n`, no trailing newline:
 * the header, the sequence number, the hash, the time (`2026-11-03T10:00:00.000Z`).
 */
export function checkpointMessage(statement: CheckpointStatement): string {
  return [CHECKPOINT_MESSAGE_HEADER, String(statement.seq), statement.hash, new Date(statement.createdAt).toISOString()].join('\n');
}

/** The public key of a private (or public) Ed25519 key. */
export const publicKeyOf = (key: KeyObject): KeyObject => (key.type === 'private' ? createPublicKey(key) : key);

/** The key id: SHA-256 (hex) of the public key in SPKI DER (`openssl pkey -pubin -outform DER | sha256sum`). */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(publicKeyOf(key).export({ type: 'spki', format: 'der' })).digest('hex');
}

/** The public key in PEM (SPKI), as `openssl pkey -pubout` writes it. */
export const publicKeyPem = (key: KeyObject): string => publicKeyOf(key).export({ type: 'spki', format: 'pem' }).toString();

/** Signs a statement with the private key. */
export function signCheckpoint(privateKey: KeyObject, statement: CheckpointStatement): { keyId: string; signature: string } {
  const signature = sign(null, Buffer.from(checkpointMessage(statement), 'utf8'), privateKey).toString('base64');
  return { keyId: keyIdOf(privateKey), signature };
}

/** True when the signature is the key's signature of the checkpoint's statement. */
export function signatureValid(publicKey: KeyObject, checkpoint: SignedCheckpoint): boolean {
  try {
    return verify(null, Buffer.from(checkpointMessage(checkpoint), 'utf8'), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

export type CheckpointProblemKind = 'truncated' | 'missing' | 'rewritten' | 'bad signature';

export interface CheckpointProblem {
  checkpointId: number;
  /** The event the checkpoint covers. */
  seq: number;
  kind: CheckpointProblemKind;
  detail: string;
}

export interface CheckpointFindings {
  /** Checkpoints signed by the configured key (by key id) and checked against the trail. */
  checked: number;
  /** Checkpoints with another key id (an earlier key): they cannot be checked with this one. */
  otherKeys: number;
  /** The trail ends before the event a checkpoint covers: events were cut off its end. */
  truncated: boolean;
  /** An event a checkpoint covers has another hash than the one signed: the trail was rewritten. */
  rewritten: boolean;
  /** Checkpoints of this key id whose signature does not verify: the checkpoint was forged or changed. */
  badSignatures: number;
  /** The highest seq of a checkpoint that verifies and matches, before any problem (0: none). */
  lastConsistentSeq: number;
  /** The latest checkpoint that verifies and matches the trail. */
  latest: SignedCheckpoint | null;
  /** Every problem found, in checkpoint order. */
  problems: CheckpointProblem[];
}

/**
 * Compares checkpoints with the trail as stored now. `headSeq` is the trail's last event (0 when
 * empty); `hashAt` gives the stored hash of each event a checkpoint covers (absent: no such event).
 */
export function checkCheckpoints(
  checkpoints: readonly SignedCheckpoint[],
  trail: { headSeq: number; hashAt: ReadonlyMap<number, string>; genesisHash: string },
  publicKey: KeyObject,
): CheckpointFindings {
  const keyId = keyIdOf(publicKey);
  const ordered = [...checkpoints].sort((a, b) => a.seq - b.seq || a.id - b.id);
  const findings: CheckpointFindings = { checked: 0, otherKeys: 0, truncated: false, rewritten: false, badSignatures: 0, lastConsistentSeq: 0, latest: null, problems: [] };
  const problem = (checkpoint: SignedCheckpoint, kind: CheckpointProblemKind, detail: string) =>
    findings.problems.push({ checkpointId: checkpoint.id, seq: checkpoint.seq, kind, detail });
  for (const checkpoint of ordered) {
    if (checkpoint.keyId !== keyId) {
      findings.otherKeys += 1;
      continue;
    }
    findings.checked += 1;
    const at = `checkpoint ${checkpoint.id} (${checkpoint.createdAt})`;
    if (!signatureValid(publicKey, checkpoint)) {
      findings.badSignatures += 1;
      problem(checkpoint, 'bad signature', `the signature of ${at} does not verify with the configured key: the checkpoint was forged or changed`);
      continue;
    }
    const stored = checkpoint.seq === 0 ? trail.genesisHash : trail.hashAt.get(checkpoint.seq);
    if (checkpoint.seq > trail.headSeq) {
      findings.truncated = true;
      problem(checkpoint, 'truncated', `the trail ends at event ${trail.headSeq} but ${at} signed event ${checkpoint.seq}: events were removed from its end`);
    } else if (stored === undefined) {
      problem(checkpoint, 'missing', `event ${checkpoint.seq}, signed by ${at}, is missing`);
    } else if (stored !== checkpoint.hash) {
      findings.rewritten = true;
      problem(checkpoint, 'rewritten', `event ${checkpoint.seq} does not have the hash ${at} signed: an event up to it was changed and the hashes after it recomputed`);
    } else {
      if (findings.problems.length === 0) findings.lastConsistentSeq = Math.max(findings.lastConsistentSeq, checkpoint.seq);
      if (!findings.latest || checkpoint.seq > findings.latest.seq || (checkpoint.seq === findings.latest.seq && checkpoint.id > findings.latest.id)) {
        findings.latest = checkpoint;
      }
    }
  }
  return findings;
}
