import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { results } from '../results/results.tables.js';
import type { BudgetContent, InputUsed } from './domain/index.js';

export const budgetVersionStatus = pgEnum('uncertainty_budget_version_status', ['draft', 'released']);

/** An uncertainty budget template, named by the code that method versions give (e.g. MIC-UB-1). */
export const uncertaintyBudgets = pgTable(
  'uncertainty_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('uncertainty_budgets_code_uq').on(t.code)],
);

/** A version of a budget: editable while draft, immutable once released (trigger); a later release supersedes it. */
export const uncertaintyBudgetVersions = pgTable(
  'uncertainty_budget_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => uncertaintyBudgets.id),
    versionNumber: integer('version_number').notNull(),
    status: budgetVersionStatus('status').notNull().default('draft'),
    /** Model, output, inputs with their sources; engine numbers are doubles, decimals from records stay strings. */
    content: jsonb('content').$type<BudgetContent>().notNull(),
    /** Findings of the validation on save (e.g. inputs the model does not use). */
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    changeNote: text('change_note'),
    releasedAt: ts('released_at'),
    releasedBy: uuid('released_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('uncertainty_budget_versions_uq').on(t.budgetId, t.versionNumber)],
);

/**
 * A budget evaluated for a logged result: append-only (trigger). `request` is the complete engine
 * request as run (inputs resolved, Monte Carlo seed fixed), so re-running it reproduces `outputs`.
 */
export const uncertaintyEvaluations = pgTable(
  'uncertainty_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => results.id),
    budgetVersionId: uuid('budget_version_id')
      .notNull()
      .references(() => uncertaintyBudgetVersions.id),
    method: text('method').notNull(),
    request: jsonb('request').notNull(),
    inputsUsed: jsonb('inputs_used').$type<InputUsed[]>().notNull(),
    /** The engine's answer in its API form (GUM, Monte Carlo, validation, rounded report with its fi/en text). */
    outputs: jsonb('outputs').notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    /** The conformity decision when the characteristic has a tolerance and the job a decision rule; else null. */
    conformity: jsonb('conformity'),
    engineVersion: text('engine_version').notNull(),
    evaluatedBy: uuid('evaluated_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('uncertainty_evaluations_result_idx').on(t.resultId), index('uncertainty_evaluations_version_idx').on(t.budgetVersionId)],
);
