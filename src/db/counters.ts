import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { documentCounters } from './counters.tables.js';

/**
 * The next number of a yearly series, e.g. 1, 2, 3 for quotes of 2026. Call it inside the
 * transaction that stores the numbered document: the upsert locks the counter row until commit,
 * so concurrent callers queue and a rollback leaves no gap (unlike a sequence).
 */
export async function nextNumber(tx: Db, kind: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ kind, year, lastValue: 1 })
    .onConflictDoUpdate({ target: [documentCounters.kind, documentCounters.year], set: { lastValue: sql`${documentCounters.lastValue} + 1` } })
    .returning({ value: documentCounters.lastValue });
  return row!.value;
}

/** `Q-2026-00001`: prefix, year and the number padded to five digits. */
export const formatNumber = (prefix: string, year: number, value: number): string => `${prefix}-${year}-${String(value).padStart(5, '0')}`;
