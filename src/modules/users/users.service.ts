import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { companyExists } from '../companies/index.js';
import { newToken } from './domain/tokens.js';
import { checkNewPassword, hashPassword } from './passwords.js';
import * as repo from './users.repository.js';
import type { TokenRow, UserRow } from './users.repository.js';

/** A user as others may see it: never the password hash. */
export type PublicUser = Omit<UserRow, 'passwordHash'> & { hasPassword: boolean };
export type PublicToken = Omit<TokenRow, 'tokenHash'>;

export const publicUser = ({ passwordHash, ...user }: UserRow): PublicUser => ({ ...user, hasPassword: passwordHash !== null });
export const publicToken = ({ tokenHash: _hash, ...token }: TokenRow): PublicToken => token;

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  companyId?: string | null;
  password?: string;
}

async function checkCompany(db: Db, role: Role, companyId: string | null): Promise<void> {
  if ((role === 'customer') !== (companyId !== null)) {
    throw new DomainError(
      'LIMS_USER_COMPANY_MISMATCH',
      role === 'customer' ? 'A customer user needs the companyId of its company.' : `A ${role} is lab staff and must not have a companyId.`,
    );
  }
  if (companyId && !(await companyExists(db, companyId))) throw notFound('Company', companyId);
}

/**
 * Creates a user (admin). E-mail addresses are unique, compared in lower case. A password must
 * follow the password rules (422 `LIMS_USER_WEAK_PASSWORD` naming the rule).
 */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<PublicUser> {
  const email = input.email.trim().toLowerCase();
  const displayName = input.displayName.trim();
  const companyId = input.companyId ?? null;
  await checkCompany(db, input.role, companyId);
  if (input.password !== undefined) await checkNewPassword(input.password, [email, displayName]);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, email)) throw new DomainError('LIMS_USER_EMAIL_TAKEN', `A user with e-mail ${email} already exists.`);
    const user = publicUser(await repo.insertUser(tx, { email, displayName, role: input.role, companyId, passwordHash }));
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: user });
    return user;
  });
}

export async function getUser(db: Db, id: string): Promise<PublicUser> {
  const user = await repo.findUser(db, id);
  if (!user) throw notFound('User', id);
  return publicUser(user);
}

export async function getUsers(db: Db, filter: { role?: Role; companyId?: string }): Promise<PublicUser[]> {
  return (await repo.listUsers(db, filter)).map(publicUser);
}

export interface UserChange {
  displayName?: string;
  role?: Role;
  companyId?: string | null;
  active?: boolean;
  password?: string;
}

/**
 * Changes a user (admin). A new password must follow the password rules; it revokes every other
 * token of the user (all of them, unless the admin changes their own password: the token of this
 * request, `keepTokenHash`, keeps working). Deactivating revokes all of the user's tokens for good:
 * reactivating the user does not bring them back.
 */
export async function changeUser(
  db: Db,
  actor: Actor,
  id: string,
  change: UserChange,
  reason?: string,
  keepTokenHash?: string,
): Promise<PublicUser> {
  let passwordHash: string | undefined;
  if (change.password !== undefined) {
    const current = await repo.findUser(db, id);
    if (!current) throw notFound('User', id);
    await checkNewPassword(change.password, [current.email, change.displayName ?? current.displayName]);
    passwordHash = await hashPassword(change.password);
  }
  return db.transaction(async (tx) => {
    const before = await repo.findUser(tx, id);
    if (!before) throw notFound('User', id);
    if (id === actor.userId && (change.active === false || (change.role && change.role !== 'admin'))) {
      throw new DomainError('LIMS_CONFLICT', 'You cannot deactivate yourself or take away your own admin role.');
    }
    const role = change.role ?? before.role;
    const companyId = change.companyId !== undefined ? change.companyId : role === 'customer' ? before.companyId : null;
    await checkCompany(tx, role, companyId);
    const { password: _pw, ...rest } = change;
    const after = await repo.updateUser(tx, id, { ...rest, role, companyId, ...(passwordHash ? { passwordHash } : {}) });
    const revoked =
      change.active === false ? await repo.revokeUserTokens(tx, id) : passwordHash ? await repo.revokeUserTokens(tx, id, id === actor.userId ? keepTokenHash : undefined) : [];
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: publicUser(before),
      after: { ...publicUser(after), ...(passwordHash ? { passwordChanged: true } : {}), ...(revoked.length ? { tokensRevoked: revoked } : {}) },
      reason: reason ?? null,
    });
    return publicUser(after);
  });
}

/** Issues a new API token for a user; the token itself is returned only here, once. */
export async function issueToken(
  db: Db,
  actor: Actor,
  userId: string,
  input: { name: string; expiresAt?: string | null },
): Promise<PublicToken & { token: string }> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new DomainError('LIMS_UNPROCESSABLE', 'expiresAt is in the past; give a future date-time or leave it out.');
  }
  return db.transaction(async (tx) => {
    const user = await repo.findUser(tx, userId);
    if (!user) throw notFound('User', userId);
    const fresh = newToken();
    const row = publicToken(await repo.insertToken(tx, { userId, name: input.name, tokenHash: fresh.hash, tokenPrefix: fresh.prefix, expiresAt }));
    await recordAudit(tx, actor, { action: 'token.issue', entityType: 'api_token', entityId: row.id, after: row });
    return { ...row, token: fresh.token };
  });
}

export async function getTokens(db: Db, userId: string): Promise<PublicToken[]> {
  if (!(await repo.findUser(db, userId))) throw notFound('User', userId);
  return (await repo.listTokens(db, userId)).map(publicToken);
}

/** Revokes a token. Admins may revoke any token; others only their own. */
export async function revokeToken(db: Db, actor: Actor, tokenId: string, reason?: string): Promise<PublicToken> {
  return db.transaction(async (tx) => {
    const token = await repo.findToken(tx, tokenId);
    if (!token || (actor.role !== 'admin' && token.userId !== actor.userId)) throw notFound('Token', tokenId);
    if (token.revokedAt) return publicToken(token);
    const after = publicToken(await repo.revokeToken(tx, tokenId));
    await recordAudit(tx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: tokenId, before: publicToken(token), after, reason: reason ?? null });
    return after;
  });
}

