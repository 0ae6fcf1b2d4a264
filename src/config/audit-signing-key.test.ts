import { generateKeyPairSync, randomBytes, sign, verify, createPublicKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

/** The audit signing key: a base64 seed in AUDIT_SIGNING_KEY or a PKCS#8 PEM file in AUDIT_SIGNING_KEY_FILE. */

const folder = mkdtempSync(join(tmpdir(), 'lims-key-'));
const pemFile = (name: string, pem: string) => {
  const path = join(folder, name);
  writeFileSync(path, pem);
  return path;
};
const configError = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('no error');
};

test('without a key there are no checkpoints; the interval defaults to an hour', () => {
  const config = loadConfig({});
  expect(config.auditSigningKey).toBeUndefined();
  expect(config.auditCheckpointIntervalMinutes).toBe(60);
});

test('a base64 seed of 32 bytes is an Ed25519 signing key', () => {
  const seed = randomBytes(32);
  const key = loadConfig({ AUDIT_SIGNING_KEY: seed.toString('base64') }).auditSigningKey!;
  expect(key.asymmetricKeyType).toBe('ed25519');
  // The same seed always gives the same key: it is the key, not a source of randomness.
  const again = loadConfig({ AUDIT_SIGNING_KEY: seed.toString('base64') }).auditSigningKey!;
  const signature = sign(null, Buffer.from('x'), key);
  expect(verify(null, Buffer.from('x'), createPublicKey(again), signature)).toBe(true);
});

test('a PKCS#8 PEM file (openssl genpkey -algorithm ed25519) is read', () => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  expect(loadConfig({ AUDIT_SIGNING_KEY_FILE: pemFile('ed25519.pem', pem) }).auditSigningKey?.asymmetricKeyType).toBe('ed25519');
});

test('a wrong seed is refused without repeating it', () => {
  const error = configError({ AUDIT_SIGNING_KEY: 'c2hvcnQtc2VjcmV0' });
  expect(error).toBeInstanceOf(ConfigError);
  expect(error.variable).toBe('AUDIT_SIGNING_KEY');
  expect(error.message).toMatch(/base64 of 32 random bytes/);
  expect(error.message).not.toContain('c2hvcnQtc2VjcmV0');
});

test('a file that is not an Ed25519 private key, or is missing, is refused naming the variable', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  for (const path of [pemFile('ec.pem', ec), pemFile('text.pem', 'not a key'), join(folder, 'missing.pem')]) {
    const error = configError({ AUDIT_SIGNING_KEY_FILE: path });
    expect(error.variable).toBe('AUDIT_SIGNING_KEY_FILE');
    expect(error.message).toMatch(/Ed25519 private key in PKCS#8 PEM/);
  }
});

test('a seed and a file together are refused', () => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  expect(configError({ AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'), AUDIT_SIGNING_KEY_FILE: pemFile('both.pem', pem) }).message).toMatch(/not both/);
});
