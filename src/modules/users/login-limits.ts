import type { Db } from '../../db/database.js';
import { DomainError } from '../../shared/errors/index.js';
import { afterSuccess, reserveAttempt } from './domain/login-limits.js';
import * as repo from './users.repository.js';

const PRUNE_EVERY_MS = 3600_000;
let lastPrune = 0;

function waitText(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Reserves one password attempt for an account (e-mail, known or not) from a client address,
 * counted as a failure until `clearPasswordFailures` says it succeeded. The counters are read and
 * written under row locks in one transaction, before any password is checked, so parallel
 * attempts on several instances cannot exceed the limits. Refused: 429 `LIMS_AUTH_RATE_LIMITED`
 * with Retry-After, and the password is not checked.
 */
export async function reservePasswordAttempt(db: Db, email: string, ip: string): Promise<void> {
  const refusal = await db.transaction(async (tx) => {
    const { now, account, pair } = await repo.lockLoginLimits(tx, email, ip);
    const reservation = reserveAttempt(pair, account, now);
    if (!reservation.allowed) return reservation;
    await repo.saveLoginLimits(tx, email, ip, reservation);
    return null;
  });
  if (refusal) {
    const why = refusal.limit === 'address' ? 'Too many failed logins for this account from your address' : 'Too many failed logins for this account';
    throw new DomainError('LIMS_AUTH_RATE_LIMITED', `${why}; try again in ${waitText(refusal.retryAfterSeconds)}.`, {
      retryAfterSeconds: refusal.retryAfterSeconds,
      limit: refusal.limit,
    });
  }
}

/** After a right password: clears the account's failures and trusts the address for it (domain/login-limits.ts). */
export async function clearPasswordFailures(tx: Db, email: string, ip: string): Promise<void> {
  const { now } = await repo.lockLoginLimits(tx, email, ip);
  await repo.saveLoginLimits(tx, email, ip, afterSuccess(now));
}

/** Removes stale limit rows, at most once an hour per instance. */
export async function pruneLoginLimitsNowAndThen(db: Db): Promise<void> {
  if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = Date.now();
  await repo.pruneLoginLimits(db);
}
