import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Customer companies. Minimal here; the customers module grows it (business id, addresses, languages). */
export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
