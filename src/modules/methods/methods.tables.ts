import { boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CmcEntry } from './domain/method-rules.js';
import { ts } from '../../db/columns.js';

export const methodVersionStatus = pgEnum('method_version_status', ['draft', 'released']);


/** Measurement and calibration procedures; their content lives in versions. */
export const methods = pgTable(
  'methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('methods_code_uq').on(t.code)],
);

/** A version of a method: editable while draft, immutable once released; a later release supersedes it. */
export const methodVersions = pgTable(
  'method_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    methodId: uuid('method_id')
      .notNull()
      .references(() => methods.id),
    versionNumber: integer('version_number').notNull(),
    status: methodVersionStatus('status').notNull().default('draft'),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    accredited: boolean('accredited').notNull(),
    cmcText: text('cmc_text'),
    /** Calibration and measurement capabilities; every number is a decimal string. */
    cmcEntries: jsonb('cmc_entries').$type<CmcEntry[]>().notNull(),
    temperatureNominal: numeric('temperature_nominal'),
    temperatureTolerance: numeric('temperature_tolerance'),
    humidityMin: numeric('humidity_min'),
    humidityMax: numeric('humidity_max'),
    /** Equipment types (see the equipment module) the method needs. */
    requiredEquipmentTypes: text('required_equipment_types').array().notNull(),
    /** The uncertainty budget template to use (defined by the uncertainty module). */
    uncertaintyBudgetTemplateId: text('uncertainty_budget_template_id'),
    changeNote: text('change_note'),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    releasedAt: ts('released_at'),
    releasedBy: uuid('released_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('method_versions_uq').on(t.methodId, t.versionNumber), index('method_versions_method_idx').on(t.methodId)],
);
