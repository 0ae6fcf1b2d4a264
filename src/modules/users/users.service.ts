import { hash } from '@node-rs/argon2';
import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { companyExists } from '../companies/index.js';
import { newToken } from './domain/tokens.js';
import * as repo from './users.repository.js';
import type { TokenRow, UserRow } from './users.repository.js';

export const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

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

/** Creates a user (admin). E-mail addresses are unique, compared in lower case. */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<PublicUser> {
  const email = input.email.trim().toLowerCase();
  const companyId = input.companyId ?? null;
  await checkCompany(db, input.role, companyId);
  const passwordHash = input.password ? await hash(input.password, ARGON2) : null;
  return db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, email)) throw new DomainError('LIMS_USER_EMAIL_TAKEN', `A user with e-mail ${email} already exists.`);
    const user = publicUser(await repo.insertUser(tx, { email, displayName: input.displayName.trim(), role: input.role, companyId, passwordHash }));
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

/** Changes a user (admin). Deactivating a user makes all of their tokens stop working at once. */
export async function changeUser(db: Db, actor: Actor, id: string, change: UserChange, reason?: string): Promise<PublicUser> {
  const passwordHash = change.password ? await hash(change.password, ARGON2) : undefined;
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
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: publicUser(before),
      after: { ...publicUser(after), ...(passwordHash ? { passwordChanged: true } : {}) },
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

