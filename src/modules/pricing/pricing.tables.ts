import { date, index, integer, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { labService } from '../agreements/agreements.tables.js';
import { ts, money } from '../../db/columns.js';

export const priceUnit = pgEnum('price_unit', ['hour', 'piece']);


/** Versions of the lab's price list; immutable once created. The current one is the latest effective. */
export const priceListVersions = pgTable(
  'price_list_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionNumber: integer('version_number').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** VAT in percent, e.g. 25.50: data with an effective date, not a setting. */
    vatRate: numeric('vat_rate', { precision: 5, scale: 2 }).notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('price_list_versions_number_uq').on(t.versionNumber), uniqueIndex('price_list_versions_effective_uq').on(t.effectiveFrom)],
);

/** The cost basis of one service in a version, and the hourly rate derived from it. */
export const priceCostBases = pgTable(
  'price_cost_bases',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => priceListVersions.id),
    service: labService('service').notNull(),
    equipmentLeasingMaintenance: money('equipment_leasing_maintenance').notNull(),
    rent: money('rent').notNull(),
    laboratoryCosts: money('laboratory_costs').notNull(),
    personnelCosts: money('personnel_costs').notNull(),
    plannedBillableHours: numeric('planned_billable_hours', { precision: 10, scale: 1 }).notNull(),
    hourlyRate: money('hourly_rate').notNull(),
    standardDeliveryDays: integer('standard_delivery_days').notNull(),
  },
  (t) => [uniqueIndex('price_cost_bases_uq').on(t.versionId, t.service)],
);

/** Priced items of a version: by standard hours at the service's rate, or at a fixed price. */
export const priceListItems = pgTable(
  'price_list_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => priceListVersions.id),
    code: text('code').notNull(),
    service: labService('service').notNull(),
    unit: priceUnit('unit').notNull(),
    /** Names per document language; `fi` always present. */
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    standardHours: numeric('standard_hours', { precision: 8, scale: 2 }),
    fixedPrice: money('fixed_price'),
    unitPrice: money('unit_price').notNull(),
  },
  (t) => [uniqueIndex('price_list_items_code_uq').on(t.versionId, t.code), index('price_list_items_version_idx').on(t.versionId)],
);
