import { generateKeyPairSync } from 'node:crypto';
import { GENESIS_HASH } from './audit-chain.js';
import { checkCheckpoints, checkpointMessage, keyIdOf, signCheckpoint, signatureValid, type SignedCheckpoint } from './checkpoints.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const hashOf = (seq: number) => String(seq).padStart(64, 'a');

let nextId = 1;
function signed(seq: number, hash = hashOf(seq), key = privateKey): SignedCheckpoint {
  const statement = { seq, hash, createdAt: `2026-11-0${(seq % 9) + 1}T10:00:00.000Z` };
  return { id: nextId++, ...statement, ...signCheckpoint(key, statement) };
}

/** A trail of events 1..headSeq whose hashes are hashOf(seq), except where `changed` says. */
const trail = (headSeq: number, changed: Record<number, string | undefined> = {}) => {
  const hashAt = new Map<number, string>();
  for (let seq = 1; seq <= headSeq; seq++) {
    const hash = seq in changed ? changed[seq] : hashOf(seq);
    if (hash !== undefined) hashAt.set(seq, hash);
  }
  return { headSeq, hashAt, genesisHash: GENESIS_HASH };
};

test('the signed message is four lines: header, seq, hash, time in UTC with milliseconds', () => {
  expect(checkpointMessage({ seq: 12, hash: 'ab', createdAt: '2026-11-03T12:00:00+02:00' })).toBe('ktk-lims audit checkpoint v1\n12\nab\n2026-11-03T10:00:00.000Z');
});

test('a signature verifies with the public key, and not once any signed field changes', () => {
  const checkpoint = signed(5);
  expect(checkpoint.keyId).toBe(keyIdOf(publicKey));
  expect(signatureValid(publicKey, checkpoint)).toBe(true);
  expect(signatureValid(publicKey, { ...checkpoint, seq: 4 })).toBe(false);
  expect(signatureValid(publicKey, { ...checkpoint, hash: hashOf(6) })).toBe(false);
  expect(signatureValid(publicKey, { ...checkpoint, createdAt: '2030-01-01T00:00:00.000Z' })).toBe(false);
  expect(signatureValid(publicKey, { ...checkpoint, signature: 'not base64 at all' })).toBe(false);
});

test('checkpoints that match the trail are consistent; the latest is named', () => {
  const findings = checkCheckpoints([signed(0, GENESIS_HASH), signed(3), signed(8)], trail(10), publicKey);
  expect(findings).toMatchObject({ checked: 3, problems: [], truncated: false, rewritten: false, lastConsistentSeq: 8, latest: { seq: 8 } });
});

test('a trail that ends before a checkpoint is truncated', () => {
  const findings = checkCheckpoints([signed(3), signed(8)], trail(6), publicKey);
  expect(findings).toMatchObject({ truncated: true, lastConsistentSeq: 3, problems: [{ seq: 8, kind: 'truncated' }] });
});

test('a rewritten and rehashed trail contradicts the checkpoints after the change', () => {
  const findings = checkCheckpoints([signed(3), signed(8), signed(9)], trail(10, { 5: 'x', 6: 'y', 7: 'z', 8: 'w', 9: 'v' }), publicKey);
  expect(findings).toMatchObject({ rewritten: true, lastConsistentSeq: 3, latest: { seq: 3 } });
  expect(findings.problems.map((p) => [p.seq, p.kind])).toEqual([
    [8, 'rewritten'],
    [9, 'rewritten'],
  ]);
});

test('a missing event under a checkpoint, a forged checkpoint and one of another key', () => {
  const other = generateKeyPairSync('ed25519').privateKey;
  const forged = { ...signed(4), hash: hashOf(40) };
  const findings = checkCheckpoints([signed(2), forged, signed(6, hashOf(6), other)], trail(10, { 2: undefined }), publicKey);
  expect(findings).toMatchObject({ checked: 2, otherKeys: 1, badSignatures: 1, lastConsistentSeq: 0, latest: null });
  expect(findings.problems.map((p) => [p.seq, p.kind])).toEqual([
    [2, 'missing'],
    [4, 'bad signature'],
  ]);
});
