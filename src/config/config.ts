import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/** Validated service settings. Nothing else in the service reads `process.env`. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bootstrapAdminToken: string | undefined;
  publicBaseUrl: string;
  dbPoolMax: number;
  dbConnectTimeoutMs: number;
  bodyLimitBytes: number;
  /** Largest result file (CSV or QIF) the import accepts. */
  importLimitBytes: number;
  /** Time a worker may take to read one import file (QIF or CSV) before it is stopped. */
  importTimeLimitMs: number;
  /** Folder of the attachment blob store (default `<DATA_DIR>/attachments`). */
  attachmentsDir: string;
  /** Largest attachment file accepted. */
  attachmentMaxBytes: number;
  idempotencyTtlHours: number;
  shutdownGraceMs: number;
  /** Fastify's `trustProxy`: which proxies name the client (X-Forwarded-For); the login limits count the client's address. */
  trustProxy: TrustProxy;
  /**
   * The lab's accreditation number (e.g. `K123`), printed with the accreditation statement on
   * documents whose results are all accredited; unset: no document carries the symbol.
   */
  accreditationNumber: string | undefined;
  /** Verification requests (`/verify`) per client address per minute. */
  verifyRatePerMinute: number;
  /** Ed25519 private key that signs audit checkpoints; unset: no checkpoints are written. */
  auditSigningKey: KeyObject | undefined;
  /** Minutes between scheduled audit checkpoints. */
  auditCheckpointIntervalMinutes: number;
}

/** Raised when an environment variable is missing or invalid; its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const envSchema = {
  type: 'object',
  properties: {
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
    HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    DATA_DIR: { type: 'string', minLength: 1, default: './data' },
    LOG_LEVEL: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
    LIMS_BOOTSTRAP_ADMIN_TOKEN: { type: 'string', minLength: 32, maxLength: 256, pattern: '^[A-Za-z0-9_\\-.]+$' },
    PUBLIC_BASE_URL: { type: 'string', pattern: '^https?://[^\\s]+$' },
    DB_POOL_MAX: { type: 'integer', minimum: 1, maximum: 200, default: 10 },
    DB_CONNECT_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 60000, default: 3000 },
    BODY_LIMIT_BYTES: { type: 'integer', minimum: 1024, maximum: 104857600, default: 1048576 },
    IMPORT_LIMIT_BYTES: { type: 'integer', minimum: 1024, maximum: 104857600, default: 10485760 },
    IMPORT_TIME_LIMIT_MS: { type: 'integer', minimum: 100, maximum: 600000, default: 30000 },
    ATTACHMENTS_DIR: { type: 'string', minLength: 1 },
    ATTACHMENT_MAX_BYTES: { type: 'integer', minimum: 1024, maximum: 10737418240, default: 209715200 },
    IDEMPOTENCY_TTL_HOURS: { type: 'integer', minimum: 1, maximum: 720, default: 24 },
    SHUTDOWN_GRACE_MS: { type: 'integer', minimum: 0, maximum: 600000, default: 10000 },
    TRUST_PROXY: { type: 'string', minLength: 1 },
    ACCREDITATION_NUMBER: { type: 'string', pattern: '^[A-Z]{1,3} ?[0-9]{1,5}$' },
    VERIFY_RATE_PER_MINUTE: { type: 'integer', minimum: 1, maximum: 100000, default: 60 },
    AUDIT_SIGNING_KEY: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' },
    AUDIT_SIGNING_KEY_FILE: { type: 'string', minLength: 1 },
    AUDIT_CHECKPOINT_INTERVAL_MINUTES: { type: 'integer', minimum: 1, maximum: 10080, default: 60 },
  },
} as const;

const hints: Record<string, string> = {
  PORT: 'an integer from 0 to 65535',
  HOST: 'a host name or address to listen on',
  DATABASE_URL: 'a postgres:// or postgresql:// connection URL (leave it unset for the embedded database)',
  DATA_DIR: 'a folder path for the embedded database',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  LIMS_BOOTSTRAP_ADMIN_TOKEN: '32 to 256 characters of A-Z a-z 0-9 _ - .',
  PUBLIC_BASE_URL: 'an http:// or https:// URL',
  DB_POOL_MAX: 'an integer from 1 to 200',
  DB_CONNECT_TIMEOUT_MS: 'an integer number of milliseconds from 100 to 60000',
  BODY_LIMIT_BYTES: 'an integer number of bytes from 1024 to 104857600',
  IMPORT_LIMIT_BYTES: 'an integer number of bytes from 1024 to 104857600',
  IMPORT_TIME_LIMIT_MS: 'an integer number of milliseconds from 100 to 600000',
  ATTACHMENTS_DIR: 'a folder path for attachment files',
  ATTACHMENT_MAX_BYTES: 'an integer number of bytes from 1024 to 10737418240',
  IDEMPOTENCY_TTL_HOURS: 'an integer number of hours from 1 to 720',
  SHUTDOWN_GRACE_MS: 'an integer number of milliseconds from 0 to 600000',
  TRUST_PROXY: 'false, true, a number of proxy hops, or comma-separated proxy addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)',
  ACCREDITATION_NUMBER: 'an accreditation number such as K123 (letters, then digits)',
  VERIFY_RATE_PER_MINUTE: 'an integer from 1 to 100000',
  AUDIT_SIGNING_KEY: 'the base64 of 32 random bytes (an Ed25519 seed), e.g. from `openssl rand -base64 32`',
  AUDIT_SIGNING_KEY_FILE: 'the path of an Ed25519 private key in PKCS#8 PEM, e.g. from `openssl genpkey -algorithm ed25519`',
  AUDIT_CHECKPOINT_INTERVAL_MINUTES: 'an integer number of minutes from 1 to 10080',
};

/** Variables whose values an error message must not repeat. */
const SECRETS = new Set(['LIMS_BOOTSTRAP_ADMIN_TOKEN', 'AUDIT_SIGNING_KEY']);

const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: false });
const validateEnv = ajv.compile(envSchema);

/**
 * Reads and validates the settings from an environment (default: the process environment).
 * Empty strings count as unset. Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(envSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  if (!validateEnv(raw)) {
    const err = validateEnv.errors?.[0];
    const variable = err?.instancePath.replace(/^\//, '') || 'environment';
    const got = SECRETS.has(variable) ? 'a value not shown' : JSON.stringify(env[variable]);
    throw new ConfigError(variable, `Invalid configuration: ${variable} must be ${hints[variable] ?? 'valid'} (got ${got})`);
  }
  const v = raw as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- shape checked by the schema above
  const port = v.PORT as number;
  const trustProxy = parseTrustProxy(v.TRUST_PROXY);
  if (trustProxy === undefined) {
    throw new ConfigError('TRUST_PROXY', `Invalid configuration: TRUST_PROXY must be ${hints.TRUST_PROXY} (got ${JSON.stringify(env.TRUST_PROXY)})`);
  }
  return {
    port,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    dataDir: v.DATA_DIR,
    logLevel: v.LOG_LEVEL,
    bootstrapAdminToken: v.LIMS_BOOTSTRAP_ADMIN_TOKEN,
    publicBaseUrl: ((v.PUBLIC_BASE_URL as string | undefined) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dbPoolMax: v.DB_POOL_MAX,
    dbConnectTimeoutMs: v.DB_CONNECT_TIMEOUT_MS,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    importLimitBytes: v.IMPORT_LIMIT_BYTES,
    importTimeLimitMs: v.IMPORT_TIME_LIMIT_MS,
    attachmentsDir: v.ATTACHMENTS_DIR ?? join(v.DATA_DIR, 'attachments'),
    attachmentMaxBytes: v.ATTACHMENT_MAX_BYTES,
    idempotencyTtlHours: v.IDEMPOTENCY_TTL_HOURS,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    trustProxy,
    accreditationNumber: v.ACCREDITATION_NUMBER,
    verifyRatePerMinute: v.VERIFY_RATE_PER_MINUTE,
    auditSigningKey: auditSigningKey(v.AUDIT_SIGNING_KEY, v.AUDIT_SIGNING_KEY_FILE),
    auditCheckpointIntervalMinutes: v.AUDIT_CHECKPOINT_INTERVAL_MINUTES,
  };
}

// The DER header of a PKCS#8 Ed25519 private key; the 32-byte seed follows it (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The audit signing key from its seed or its PEM file; the hint of the variable when it is not an Ed25519 key. */
function auditSigningKey(seed: string | undefined, file: string | undefined): KeyObject | undefined {
  if (seed !== undefined && file !== undefined) {
    throw new ConfigError('AUDIT_SIGNING_KEY', 'Invalid configuration: set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, not both');
  }
  if (seed !== undefined) {
    return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seed, 'base64')]), format: 'der', type: 'pkcs8' });
  }
  if (file === undefined) return undefined;
  let key: KeyObject | undefined;
  try {
    key = createPrivateKey(readFileSync(file, 'utf8'));
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError('AUDIT_SIGNING_KEY_FILE', `Invalid configuration: AUDIT_SIGNING_KEY_FILE must be ${hints.AUDIT_SIGNING_KEY_FILE} (got ${JSON.stringify(file)})`);
  }
  return key;
}
