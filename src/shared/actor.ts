export const ROLES = ['admin', 'quality_manager', 'technician', 'auditor', 'customer'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['admin', 'quality_manager', 'technician', 'auditor'];
export const ALL_ROLES: readonly Role[] = ROLES;

/** Who is acting: passed explicitly into every service call and recorded in the audit trail. */
export interface Actor {
  userId: string;
  role: Role;
  /** The customer company for role `customer`; null for staff. */
  companyId: string | null;
  requestId: string;
}

/** The service itself acting (bootstrap, scheduled work). */
export const systemActor = (requestId = 'system'): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  companyId: null,
  requestId,
});

/**
 * The company a repository query must be limited to: the actor's own company for customers,
 * undefined (no limit) for staff. Repositories apply it to every customer-owned table.
 */
export function companyScope(actor: Actor): string | undefined {
  if (actor.role !== 'customer') return undefined;
  if (!actor.companyId) throw new Error('customer actor without company');
  return actor.companyId;
}
