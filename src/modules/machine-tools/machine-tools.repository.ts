import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { machineTools } from './machine-tools.tables.js';

export type MachineToolRow = typeof machineTools.$inferSelect;
export type MachineToolValues = Omit<typeof machineTools.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

const scoped = (scope: string | undefined, ...where: (SQL | undefined)[]) => and(...where, scope ? eq(machineTools.companyId, scope) : undefined);

export async function insertMachineTool(tx: Db, values: MachineToolValues): Promise<MachineToolRow> {
  const [row] = await tx.insert(machineTools).values(values).returning();
  return row!;
}

export async function updateMachineTool(tx: Db, id: string, values: Partial<MachineToolValues>): Promise<MachineToolRow> {
  const [row] = await tx
    .update(machineTools)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(machineTools.id, id))
    .returning();
  return row!;
}

/** A machine tool within the company `scope` (customers), or null. */
export async function findMachineTool(db: Db, scope: string | undefined, id: string, forUpdate = false): Promise<MachineToolRow | null> {
  const query = db.select().from(machineTools).where(scoped(scope, eq(machineTools.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listMachineTools(db: Db, scope: string | undefined, companyId?: string): Promise<MachineToolRow[]> {
  return db
    .select()
    .from(machineTools)
    .where(scoped(scope, companyId ? eq(machineTools.companyId, companyId) : undefined))
    .orderBy(asc(machineTools.name), asc(machineTools.createdAt));
}
