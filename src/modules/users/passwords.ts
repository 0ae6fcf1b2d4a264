import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../../shared/errors/index.js';
import { normalizePassword, passwordProblem } from './domain/password-policy.js';

/** argon2id with OWASP's minimum settings (19 MiB, 2 passes). */
export const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password in its NFKC form, so that the same characters typed differently match. */
export const hashPassword = (password: string): Promise<string> => hash(normalizePassword(password), ARGON2);

/**
 * Checks a password against a stored hash: its NFKC form, and, only when that differs, the password
 * as typed (hashes made before passwords were normalised).
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  if (await verify(passwordHash, normalized).catch(() => false)) return true;
  return normalized !== password && (await verify(passwordHash, password).catch(() => false));
}

/**
 * Refuses a new password that breaks a password rule (domain/password-policy.ts) with 422
 * `LIMS_USER_WEAK_PASSWORD` naming the rule. `personal`: the user's e-mail address and name.
 */
export async function checkNewPassword(password: string, personal: readonly string[]): Promise<void> {
  const problem = await passwordProblem(password, personal);
  if (problem) {
    throw new DomainError('LIMS_USER_WEAK_PASSWORD', problem.message, {
      field: 'password',
      rule: problem.rule,
      ...(problem.warning ? { warning: problem.warning } : {}),
    });
  }
}
