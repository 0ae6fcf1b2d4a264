import type { Db } from '../../db/database.js';
import { companyScope, type Actor, type Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { getCompany } from '../companies/index.js';
import * as repo from './machine-tools.repository.js';

/** Who registers and changes machine tools: the company for its own, the lab's staff for any (auditors read). */
export const MACHINE_TOOL_KEEPERS: readonly Role[] = ['customer', 'admin', 'quality_manager', 'technician'];

export interface MachineToolInput {
  companyId?: string;
  name: string;
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
  location?: string;
  notes?: string;
}

export interface MachineToolChange {
  name?: string;
  manufacturer?: string | null;
  model?: string | null;
  serialNumber?: string | null;
  location?: string | null;
  notes?: string | null;
}

const present = (row: repo.MachineToolRow) => ({ ...row });
export type MachineToolView = ReturnType<typeof present>;

const requireKeeper = (actor: Actor): void => {
  if (!MACHINE_TOOL_KEEPERS.includes(actor.role)) throw forbidden(`A ${actor.role} may read machine tools but not change them.`);
};

/** Registers a machine tool of the customer's own company (staff name the company). */
export async function createMachineTool(db: Db, actor: Actor, input: MachineToolInput): Promise<MachineToolView> {
  requireKeeper(actor);
  if (actor.role === 'customer' && input.companyId && input.companyId !== actor.companyId) throw notFound('Company', input.companyId);
  const companyId = actor.role === 'customer' ? actor.companyId! : input.companyId;
  if (!companyId) throw new DomainError('LIMS_MACHINE_TOOL_INVALID', "Staff name the company that owns the machine tool: give 'companyId'.");
  return db.transaction(async (tx) => {
    await getCompany(tx, actor, companyId);
    const row = await repo.insertMachineTool(tx, {
      companyId,
      name: input.name,
      manufacturer: input.manufacturer ?? null,
      model: input.model ?? null,
      serialNumber: input.serialNumber ?? null,
      location: input.location ?? null,
      notes: input.notes ?? null,
    });
    await recordAudit(tx, actor, { action: 'machine_tool.create', entityType: 'machine_tool', entityId: row.id, after: row });
    return present(row);
  });
}

/** Changes a machine tool's details; another company's is 404. */
export async function updateMachineTool(db: Db, actor: Actor, id: string, change: MachineToolChange): Promise<MachineToolView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const before = await repo.findMachineTool(tx, companyScope(actor), id, true);
    if (!before) throw notFound('Machine tool', id);
    const after = await repo.updateMachineTool(tx, id, change);
    await recordAudit(tx, actor, { action: 'machine_tool.update', entityType: 'machine_tool', entityId: id, before, after });
    return present(after);
  });
}

/** A machine tool the actor may see (another company's is 404 whatever the id). */
export async function getMachineTool(db: Db, actor: Actor, id: string): Promise<MachineToolView> {
  const row = await repo.findMachineTool(db, companyScope(actor), id);
  if (!row) throw notFound('Machine tool', id);
  return present(row);
}

/** The machine tools the actor may see (a customer: its own company's), by name. */
export async function listMachineTools(db: Db, actor: Actor, companyId?: string): Promise<MachineToolView[]> {
  return (await repo.listMachineTools(db, companyScope(actor), companyId)).map(present);
}

/** The company that owns a machine tool, or null when there is none (for the jobs module's picks). */
export async function machineToolCompany(db: Db, id: string): Promise<string | null> {
  return (await repo.findMachineTool(db, undefined, id))?.companyId ?? null;
}
