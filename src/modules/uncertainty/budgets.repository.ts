import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { uncertaintyBudgets, uncertaintyBudgetVersions, uncertaintyEvaluations } from './budgets.tables.js';

export type BudgetRow = typeof uncertaintyBudgets.$inferSelect;
export type BudgetVersionRow = typeof uncertaintyBudgetVersions.$inferSelect;
export type BudgetVersionValues = Omit<typeof uncertaintyBudgetVersions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type EvaluationRow = typeof uncertaintyEvaluations.$inferSelect;

export async function insertBudget(db: Db, values: typeof uncertaintyBudgets.$inferInsert): Promise<BudgetRow> {
  const [row] = await db.insert(uncertaintyBudgets).values(values).returning();
  return row!;
}

/** A budget by id; `forUpdate` locks it so that concurrent version changes take turns. */
export async function findBudget(db: Db, id: string, forUpdate = false): Promise<BudgetRow | null> {
  const query = db.select().from(uncertaintyBudgets).where(eq(uncertaintyBudgets.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findBudgetByCode(db: Db, code: string): Promise<BudgetRow | null> {
  const [row] = await db.select().from(uncertaintyBudgets).where(eq(uncertaintyBudgets.code, code));
  return row ?? null;
}

export async function listBudgets(db: Db): Promise<BudgetRow[]> {
  return db.select().from(uncertaintyBudgets).orderBy(asc(uncertaintyBudgets.code));
}

export async function insertVersion(db: Db, values: BudgetVersionValues): Promise<BudgetVersionRow> {
  const [row] = await db.insert(uncertaintyBudgetVersions).values(values).returning();
  return row!;
}

export async function updateVersion(db: Db, id: string, values: Partial<BudgetVersionValues>): Promise<BudgetVersionRow> {
  const [row] = await db.update(uncertaintyBudgetVersions).set({ ...values, updatedAt: sql`now()` }).where(eq(uncertaintyBudgetVersions.id, id)).returning();
  return row!;
}

export async function findVersion(db: Db, id: string): Promise<BudgetVersionRow | null> {
  const [row] = await db.select().from(uncertaintyBudgetVersions).where(eq(uncertaintyBudgetVersions.id, id));
  return row ?? null;
}

/** The versions of one budget, or of all budgets, in version order. */
export async function listVersions(db: Db, budgetId?: string): Promise<BudgetVersionRow[]> {
  const q = db.select().from(uncertaintyBudgetVersions);
  return (budgetId ? q.where(eq(uncertaintyBudgetVersions.budgetId, budgetId)) : q).orderBy(asc(uncertaintyBudgetVersions.budgetId), asc(uncertaintyBudgetVersions.versionNumber));
}

export async function insertEvaluation(db: Db, values: typeof uncertaintyEvaluations.$inferInsert): Promise<EvaluationRow> {
  const [row] = await db.insert(uncertaintyEvaluations).values(values).returning();
  return row!;
}

export async function findEvaluation(db: Db, id: string): Promise<EvaluationRow | null> {
  const [row] = await db.select().from(uncertaintyEvaluations).where(eq(uncertaintyEvaluations.id, id));
  return row ?? null;
}

/** A result's evaluations, oldest first. */
export async function listResultEvaluations(db: Db, resultId: string): Promise<EvaluationRow[]> {
  return db.select().from(uncertaintyEvaluations).where(eq(uncertaintyEvaluations.resultId, resultId)).orderBy(asc(uncertaintyEvaluations.createdAt), asc(uncertaintyEvaluations.id));
}

/** The latest evaluation of each of the results that have one, with its budget version's content. */
export async function latestEvaluationsOf(db: Db, resultIds: string[]): Promise<{ evaluation: EvaluationRow; content: BudgetVersionRow['content'] }[]> {
  if (resultIds.length === 0) return [];
  return db
    .selectDistinctOn([uncertaintyEvaluations.resultId], { evaluation: uncertaintyEvaluations, content: uncertaintyBudgetVersions.content })
    .from(uncertaintyEvaluations)
    .innerJoin(uncertaintyBudgetVersions, eq(uncertaintyBudgetVersions.id, uncertaintyEvaluations.budgetVersionId))
    .where(inArray(uncertaintyEvaluations.resultId, resultIds))
    .orderBy(uncertaintyEvaluations.resultId, desc(uncertaintyEvaluations.createdAt), desc(uncertaintyEvaluations.id));
}
