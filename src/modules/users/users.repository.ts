import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { Role } from '../../shared/actor.js';
import { apiTokens, loginAttempts, users } from './users.tables.js';

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

export async function recordLoginAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, succeeded });
}

/** Failed attempts for an e-mail address or from an address within the last `minutes`. */
export async function recentFailures(db: Db, email: string, ip: string, minutes: number): Promise<{ byEmail: number; byIp: number }> {
  const since = sql`now() - make_interval(mins => ${minutes})`;
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since), or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip))));
  return { byEmail: row?.byEmail ?? 0, byIp: row?.byIp ?? 0 };
}
