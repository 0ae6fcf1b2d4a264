import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Gapless yearly counters for document numbers (quotes, agreements). A row is locked by the
 * increment inside the caller's transaction, so a rolled-back transaction gives its number back.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);
