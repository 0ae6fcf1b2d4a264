import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { companies } from '../companies/companies.tables.js';

/** A customer's machine tool: the asset whose manufacturing reference measurements are followed over time. */
export const machineTools = pgTable(
  'machine_tools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    manufacturer: text('manufacturer'),
    model: text('model'),
    serialNumber: text('serial_number'),
    /** Where the machine stands: hall, line or cell. */
    location: text('location'),
    notes: text('notes'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('machine_tools_company_idx').on(t.companyId)],
);
