import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { systemActor, type Actor } from '../../shared/actor.js';
import { DomainError } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { hashToken, newToken, tokenPrefix } from './domain/tokens.js';
import { clearPasswordFailures, pruneLoginLimitsNowAndThen, reservePasswordAttempt } from './login-limits.js';
import { checkNewPassword, hashPassword, verifyPassword } from './passwords.js';
import * as repo from './users.repository.js';
import { publicToken, type PublicToken } from './users.service.js';

/** Tokens from a password login expire after this many hours. */
export const LOGIN_TOKEN_HOURS = 12;

/** Resolves a bearer token to the acting user, or null when it is unknown, expired, revoked or its user is inactive. */
export async function authenticate(db: Db, token: string, requestId: string): Promise<Actor | null> {
  const found = await repo.findLiveToken(db, hashToken(token));
  if (!found) return null;
  const { token: row, user } = found;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await repo.touchToken(db, row.id);
  return { userId: user.id, role: user.role, companyId: user.companyId, requestId };
}

let dummyHash: Promise<string> | undefined;

/**
 * Exchanges e-mail and password for an API token. Each attempt is first reserved against the
 * login limits (domain/login-limits.ts: per account and address, and a growing wait per account),
 * in the database so that they hold across instances; past a limit the answer is 429 with
 * Retry-After and the password is not checked.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; requestId: string },
): Promise<PublicToken & { token: string }> {
  const email = input.email.trim().toLowerCase();
  await pruneLoginLimitsNowAndThen(db);
  await reservePasswordAttempt(db, email, input.ip);
  const user = await repo.findUserByEmail(db, email);
  // Verify against a dummy hash for unknown users so that timing does not tell which e-mails exist.
  dummyHash ??= hashPassword('not-a-password');
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !user.passwordHash || !ok || !user.active || user.role === 'customer') {
    throw new DomainError('LIMS_AUTH_INVALID_CREDENTIALS', 'The e-mail address or password is wrong, or the account cannot log in with a password.');
  }
  const actor: Actor = { userId: user.id, role: user.role, companyId: user.companyId, requestId: input.requestId };
  return db.transaction(async (tx) => {
    await clearPasswordFailures(tx, email, input.ip);
    const fresh = newToken();
    const expiresAt = new Date(Date.now() + LOGIN_TOKEN_HOURS * 3600_000);
    const row = publicToken(await repo.insertToken(tx, { userId: user.id, name: 'login', tokenHash: fresh.hash, tokenPrefix: fresh.prefix, expiresAt }));
    await recordAudit(tx, actor, { action: 'auth.login', entityType: 'api_token', entityId: row.id, after: row });
    return { ...row, token: fresh.token };
  });
}

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@lims.local';

/**
 * On first start with no users, creates the first admin with an API token: the given one
 * (automation) or a new random one, which is returned so that the caller can print it once.
 * Returns null when users already exist.
 */
export async function bootstrapAdmin(db: Db, presetToken: string | undefined): Promise<{ email: string; token: string; generated: boolean } | null> {
  return db.transaction(async (tx) => {
    // Instances starting together take turns; only the first finds the table empty.
    await tx.execute(sql`select pg_advisory_xact_lock(7170012)`);
    if ((await repo.countUsers(tx)) > 0) return null;
    const token = presetToken ?? newToken().token;
    const user = await repo.insertUser(tx, { email: BOOTSTRAP_ADMIN_EMAIL, displayName: 'Administrator', role: 'admin', companyId: null, passwordHash: null });
    const row = await repo.insertToken(tx, { userId: user.id, name: 'bootstrap', tokenHash: hashToken(token), tokenPrefix: tokenPrefix(token), expiresAt: null });
    const actor = { ...systemActor('bootstrap'), userId: user.id };
    await recordAudit(tx, actor, { action: 'user.bootstrap', entityType: 'user', entityId: user.id, after: { email: user.email, role: user.role, tokenId: row.id } });
    return { email: user.email, token, generated: presetToken === undefined };
  });
}

/**
 * Re-authentication for an electronic signature (21 CFR Part 11 11.200): the signer gives their
 * password again. A user without a password cannot sign; failures count towards the login limit.
 * Returns the signer's name and role as the signature records them.
 */
export async function reauthenticate(db: Db, userId: string, password: string, ip: string): Promise<{ id: string; displayName: string; role: string }> {
  const user = await repo.findUser(db, userId);
  if (!user?.active) throw new DomainError('LIMS_SIGNATURE_WRONG_PASSWORD', 'The signer could not be re-authenticated.');
  if (!user.passwordHash) {
    throw new DomainError('LIMS_SIGNATURE_NO_PASSWORD', `${user.displayName} has no password; an administrator sets one (PATCH /api/v1/users/{id}) before they can sign documents.`);
  }
  await reservePasswordAttempt(db, user.email, ip);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError('LIMS_SIGNATURE_WRONG_PASSWORD', 'The password is wrong; the document was not signed.');
  }
  await db.transaction((tx) => clearPasswordFailures(tx, user.email, ip));
  return { id: user.id, displayName: user.displayName, role: user.role };
}

/**
 * A user changes their own password, giving the current one (counted against the login limits).
 * The new password must follow the password rules. Every other token of the user is revoked; the
 * token of this request keeps working (`keepTokenHash`). Returns how many tokens were revoked.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; ip: string; keepTokenHash: string | undefined },
): Promise<{ tokensRevoked: number }> {
  const user = await repo.findUser(db, actor.userId);
  if (!user) throw new DomainError('LIMS_NOT_FOUND', 'Your user no longer exists.');
  if (!user.passwordHash) {
    throw new DomainError('LIMS_USER_WRONG_PASSWORD', 'You have no password yet; an administrator sets the first one (PATCH /api/v1/users/{id}).');
  }
  await checkNewPassword(input.newPassword, [user.email, user.displayName]);
  await reservePasswordAttempt(db, user.email, input.ip);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('LIMS_USER_WRONG_PASSWORD', 'The current password is wrong; the password was not changed.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await clearPasswordFailures(tx, user.email, input.ip);
    await repo.updateUser(tx, user.id, { passwordHash });
    const revoked = await repo.revokeUserTokens(tx, user.id, input.keepTokenHash);
    await recordAudit(tx, actor, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: user.id,
      after: { passwordChanged: true, tokensRevoked: revoked },
    });
    return { tokensRevoked: revoked.length };
  });
}
