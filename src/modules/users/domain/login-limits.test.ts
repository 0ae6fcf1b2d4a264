import { accountDelaySeconds, afterSuccess, LOGIN_LIMITS, reserveAttempt, type AccountState, type PairState } from './login-limits.js';

const now = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);
const freshPair = (): PairState => ({ failures: 0, windowStartedAt: now, trustedUntil: null });
const freshAccount = (): AccountState => ({ failures: 0, blockedUntil: null });

/** Runs failed attempts through the rules, as the service does, and returns the outcomes. */
function failAttempts(count: number, pairs: PairState[], account: AccountState, when: Date) {
  const outcomes = [];
  for (let i = 0; i < count; i++) {
    const pairIndex = i % pairs.length;
    const r = reserveAttempt(pairs[pairIndex]!, account, when);
    outcomes.push(r);
    if (r.allowed) {
      pairs[pairIndex] = r.pair;
      Object.assign(account, r.account);
    }
  }
  return outcomes;
}

test('one address gets five attempts per account in 15 minutes, then waits for the window to end', () => {
  const pairs = [freshPair()];
  const account = freshAccount();
  const outcomes = failAttempts(6, pairs, account, at(60));
  expect(outcomes.slice(0, 5).every((o) => o.allowed)).toBe(true);
  expect(outcomes[5]).toEqual({ allowed: false, limit: 'address', retryAfterSeconds: 14 * 60 });
  // Once the window has passed, the address may try again.
  expect(reserveAttempt(pairs[0]!, account, at(15 * 60))).toMatchObject({ allowed: true, pair: { failures: 1, windowStartedAt: at(15 * 60) } });
});

test('the account throttle starts after ten failures from untrusted addresses and doubles up to an hour', () => {
  expect([9, 10, 11, 12, 16, 17, 100].map((n) => accountDelaySeconds(n))).toEqual([0, 30, 60, 120, 1920, 3600, 3600]);
  const pairs = Array.from({ length: 10 }, freshPair);
  const account = freshAccount();
  expect(failAttempts(10, pairs, account, now).every((o) => o.allowed)).toBe(true);
  expect(account).toEqual({ failures: 10, blockedUntil: at(30) });
  expect(reserveAttempt(freshPair(), account, at(10))).toEqual({ allowed: false, limit: 'account', retryAfterSeconds: 20 });
  const next = reserveAttempt(freshPair(), account, at(30));
  expect(next).toMatchObject({ allowed: true, account: { failures: 11, blockedUntil: at(90) } });
});

test('an address the account logged in from is not held back by the account throttle, only by its own limit', () => {
  const account: AccountState = { failures: 40, blockedUntil: at(3600) };
  const trusted: PairState = afterSuccess(now).pair;
  const r = reserveAttempt(trusted, account, now);
  expect(r).toMatchObject({ allowed: true, pair: { failures: 1 }, account });
  expect(reserveAttempt(freshPair(), account, now)).toMatchObject({ allowed: false, limit: 'account', retryAfterSeconds: 3600 });
  // The trust lasts 30 days.
  const stillBlocked: AccountState = { failures: 40, blockedUntil: at(31 * 86_400) };
  expect(reserveAttempt(trusted, stillBlocked, at((LOGIN_LIMITS.trustDays - 1) * 86_400))).toMatchObject({ allowed: true });
  expect(reserveAttempt(trusted, stillBlocked, at(LOGIN_LIMITS.trustDays * 86_400))).toMatchObject({ allowed: false, limit: 'account' });
});

test('a success clears both counters', () => {
  expect(afterSuccess(now)).toEqual({ pair: { failures: 0, windowStartedAt: now, trustedUntil: at(30 * 86_400) }, account: { failures: 0, blockedUntil: null } });
});
