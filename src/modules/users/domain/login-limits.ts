/**
 * Limits on password guessing (NIST SP 800-63B 5.2.2, OWASP Authentication Cheat Sheet), as pure
 * rules over two counters that the service keeps in the database:
 *
 * - per account and client address: at most `pairMaxFailures` failures in a window, then that
 *   address waits for the window to end. Guessing from one address never blocks the account
 *   from another address.
 * - per account, over all addresses that are not trusted for it: after `accountFreeFailures`
 *   consecutive failures every further attempt waits, and the wait doubles with each failure up
 *   to `accountMaxDelaySeconds`. No hard lock: a slow, distributed guesser is throttled to about
 *   one guess an hour, while the account stays usable.
 * - an address from which the account logged in successfully is trusted for it for `trustDays`:
 *   it is not held back by the account throttle (only by its own pair limit), so guessing from
 *   elsewhere cannot lock staff out of their usual workstation.
 *
 * An attempt is reserved (counted as a failure) before the password is checked, under a lock on
 * both counters, so parallel requests cannot all slip under the limit; a success clears them.
 */

export const LOGIN_LIMITS = {
  pairWindowSeconds: 15 * 60,
  pairMaxFailures: 5,
  accountFreeFailures: 10,
  accountBaseDelaySeconds: 30,
  accountMaxDelaySeconds: 3600,
  trustDays: 30,
} as const;

export type LoginLimits = { readonly [K in keyof typeof LOGIN_LIMITS]: number };

/** Failures of one account from one client address in the current window. */
export interface PairState {
  failures: number;
  windowStartedAt: Date;
  /** Until when a successful login from this address exempts it from the account throttle. */
  trustedUntil: Date | null;
}

/** Consecutive failures of one account from untrusted addresses, and the wait they impose. */
export interface AccountState {
  failures: number;
  blockedUntil: Date | null;
}

export type Reservation =
  | { allowed: true; pair: PairState; account: AccountState }
  | { allowed: false; limit: 'address' | 'account'; retryAfterSeconds: number };

/** Seconds an attempt must wait after `failures` consecutive failures of the account: 0 below the free count, then 30 s doubling to 1 h. */
export function accountDelaySeconds(failures: number, limits: LoginLimits = LOGIN_LIMITS): number {
  if (failures < limits.accountFreeFailures) return 0;
  const doublings = Math.min(failures - limits.accountFreeFailures, 30);
  return Math.min(limits.accountBaseDelaySeconds * 2 ** doublings, limits.accountMaxDelaySeconds);
}

const secondsUntil = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * Decides whether a password attempt may go ahead now and, if so, the counters with the attempt
 * counted as a failure (cleared later if the password is right).
 */
export function reserveAttempt(pair: PairState, account: AccountState, now: Date, limits: LoginLimits = LOGIN_LIMITS): Reservation {
  const windowEnd = new Date(pair.windowStartedAt.getTime() + limits.pairWindowSeconds * 1000);
  const current: PairState = windowEnd <= now ? { ...pair, failures: 0, windowStartedAt: now } : pair;
  if (current.failures >= limits.pairMaxFailures) {
    return { allowed: false, limit: 'address', retryAfterSeconds: secondsUntil(windowEnd, now) };
  }
  const nextPair = { ...current, failures: current.failures + 1 };
  if (isTrusted(pair, now)) return { allowed: true, pair: nextPair, account };
  if (account.blockedUntil && account.blockedUntil > now) {
    return { allowed: false, limit: 'account', retryAfterSeconds: secondsUntil(account.blockedUntil, now) };
  }
  const failures = account.failures + 1;
  const delay = accountDelaySeconds(failures, limits);
  return { allowed: true, pair: nextPair, account: { failures, blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null } };
}

/** The counters after a successful login: failures cleared, the address trusted for the account. */
export function afterSuccess(now: Date, limits: LoginLimits = LOGIN_LIMITS): { pair: PairState; account: AccountState } {
  return {
    pair: { failures: 0, windowStartedAt: now, trustedUntil: new Date(now.getTime() + limits.trustDays * 86_400_000) },
    account: { failures: 0, blockedUntil: null },
  };
}

export const isTrusted = (pair: PairState, now: Date): boolean => pair.trustedUntil !== null && pair.trustedUntil > now;
