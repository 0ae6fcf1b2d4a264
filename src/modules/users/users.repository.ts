import { and, count, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { Role } from '../../shared/actor.js';
import type { AccountState, PairState } from './domain/login-limits.js';
import { apiTokens, loginAccountLimits, loginAddressLimits, users } from './users.tables.js';

export type UserRow = typeof users.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;

/** The active, unexpired, unrevoked token with this hash, with its user (runs on every request). */
export async function findLiveToken(db: Db, tokenHash: string): Promise<{ token: TokenRow; user: UserRow } | null> {
  const query = prepared(db, 'find_live_token', (d) =>
    d
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
          eq(users.active, true),
        ),
      )
      .limit(1)
      .prepare('find_live_token'),
  );
  const [row] = await query.execute({ tokenHash });
  return row ?? null;
}

/** Marks a token used, at most once a minute, so reads do not turn into a write each. */
export async function touchToken(db: Db, tokenId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), sql`${apiTokens.lastUsedAt} < now() - interval '1 minute'`)));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function insertUser(
  db: Db,
  values: { email: string; displayName: string; role: Role; companyId: string | null; passwordHash: string | null },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function findUser(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function listUsers(db: Db, filter: { role?: Role; companyId?: string }): Promise<UserRow[]> {
  const where = [];
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.companyId) where.push(eq(users.companyId, filter.companyId));
  return db.select().from(users).where(and(...where)).orderBy(users.email);
}

export async function updateUser(
  db: Db,
  id: string,
  values: Partial<Pick<UserRow, 'displayName' | 'role' | 'companyId' | 'active' | 'passwordHash'>>,
): Promise<UserRow> {
  const [row] = await db.update(users).set({ ...values, updatedAt: sql`now()` }).where(eq(users.id, id)).returning();
  return row!;
}

export async function insertToken(
  db: Db,
  values: { userId: string; name: string; tokenHash: string; tokenPrefix: string; expiresAt: Date | null },
): Promise<TokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

export async function findToken(db: Db, id: string): Promise<TokenRow | null> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row ?? null;
}

export async function listTokens(db: Db, userId: string): Promise<TokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeToken(db: Db, id: string): Promise<TokenRow> {
  const [row] = await db.update(apiTokens).set({ revokedAt: sql`now()` }).where(eq(apiTokens.id, id)).returning();
  return row!;
}

/**
 * Revokes every live token of a user, except the one with hash `keepTokenHash` (the caller's own),
 * and returns the ids revoked. Revoked tokens never work again, whatever happens to the user later.
 */
export async function revokeUserTokens(db: Db, userId: string, keepTokenHash?: string): Promise<string[]> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), keepTokenHash ? ne(apiTokens.tokenHash, keepTokenHash) : undefined))
    .returning({ id: apiTokens.id });
  return rows.map((row) => row.id);
}

/**
 * Locks the limit rows of an account and of the (account, address) pair, creating them when
 * missing, and returns them with the database's time. Call inside a transaction: the locks hold
 * until it ends, so parallel attempts on the same account take turns. The account row is always
 * locked first, so two attempts cannot deadlock.
 */
export async function lockLoginLimits(tx: Db, email: string, ip: string): Promise<{ now: Date; account: AccountState; pair: PairState }> {
  const [account] = await tx
    .insert(loginAccountLimits)
    .values({ email })
    .onConflictDoUpdate({ target: loginAccountLimits.email, set: { failures: sql`${loginAccountLimits.failures}` } })
    .returning({ failures: loginAccountLimits.failures, blockedUntil: loginAccountLimits.blockedUntil, now: sql<string>`now()` });
  const [pair] = await tx
    .insert(loginAddressLimits)
    .values({ email, ip })
    .onConflictDoUpdate({ target: [loginAddressLimits.email, loginAddressLimits.ip], set: { failures: sql`${loginAddressLimits.failures}` } })
    .returning({ failures: loginAddressLimits.failures, windowStartedAt: loginAddressLimits.windowStartedAt, trustedUntil: loginAddressLimits.trustedUntil });
  const { now, ...accountState } = account!;
  return { now: new Date(now), account: accountState, pair: pair! };
}

/** Stores the limit state of an account and a pair (after lockLoginLimits in the same transaction). */
export async function saveLoginLimits(tx: Db, email: string, ip: string, state: { account: AccountState; pair: PairState }): Promise<void> {
  await tx.update(loginAccountLimits).set({ ...state.account, updatedAt: sql`now()` }).where(eq(loginAccountLimits.email, email));
  await tx
    .update(loginAddressLimits)
    .set({ ...state.pair, updatedAt: sql`now()` })
    .where(and(eq(loginAddressLimits.email, email), eq(loginAddressLimits.ip, ip)));
}

/**
 * Deletes limit rows untouched for a day that no longer hold anything back: windows and waits
 * that have ended, trust that has run out. Guessed e-mail addresses would otherwise pile up.
 */
export async function pruneLoginLimits(db: Db): Promise<void> {
  const dayAgo = sql`now() - interval '1 day'`;
  await db
    .delete(loginAddressLimits)
    .where(and(lt(loginAddressLimits.updatedAt, dayAgo), or(isNull(loginAddressLimits.trustedUntil), lt(loginAddressLimits.trustedUntil, sql`now()`))));
  await db
    .delete(loginAccountLimits)
    .where(and(lt(loginAccountLimits.updatedAt, dayAgo), or(isNull(loginAccountLimits.blockedUntil), lt(loginAccountLimits.blockedUntil, sql`now()`))));
}
