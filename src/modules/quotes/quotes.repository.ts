import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { quoteLines, quotes } from './quotes.tables.js';

export type QuoteRow = typeof quotes.$inferSelect;
export type LineRow = typeof quoteLines.$inferSelect;

const scoped = (scope: string | undefined, ...where: (SQL | undefined)[]) => and(...where, scope ? eq(quotes.companyId, scope) : undefined);

export async function insertQuote(tx: Db, quote: typeof quotes.$inferInsert, lines: Omit<typeof quoteLines.$inferInsert, 'quoteId'>[]): Promise<QuoteRow> {
  const [row] = await tx.insert(quotes).values(quote).returning();
  await tx.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: row!.id })));
  return row!;
}

export async function updateQuote(tx: Db, id: string, values: Partial<typeof quotes.$inferInsert>): Promise<QuoteRow> {
  const [row] = await tx.update(quotes).set(values).where(eq(quotes.id, id)).returning();
  return row!;
}

export async function findQuote(db: Db, scope: string | undefined, id: string, forUpdate = false): Promise<QuoteRow | null> {
  const query = db.select().from(quotes).where(scoped(scope, eq(quotes.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listQuotes(db: Db, scope: string | undefined, companyId?: string): Promise<QuoteRow[]> {
  return db.select().from(quotes).where(scoped(scope, companyId ? eq(quotes.companyId, companyId) : undefined)).orderBy(desc(quotes.number));
}

export async function linesOf(db: Db, ids: string[]): Promise<Map<string, LineRow[]>> {
  const map = new Map<string, LineRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  for (const line of await db.select().from(quoteLines).where(inArray(quoteLines.quoteId, ids)).orderBy(asc(quoteLines.lineNo))) map.get(line.quoteId)!.push(line);
  return map;
}
