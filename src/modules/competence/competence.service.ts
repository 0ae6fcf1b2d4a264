import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { findMethodVersion, methodExists } from '../methods/index.js';
import { getUser } from '../users/index.js';
import * as repo from './competence.repository.js';
import type { AuthorizationRow, EvidenceRow } from './competence.repository.js';
import { decideAuthorization, validOn, type AuthorizationDecision, type Capability } from './domain/authorization.js';

export const COMPETENCE_KEEPERS: readonly Role[] = ['admin', 'quality_manager'];

const requireKeeper = (actor: Actor) => {
  if (!COMPETENCE_KEEPERS.includes(actor.role)) throw forbidden(`A ${actor.role} may not change staff competence records.`);
};

/** The user must exist and be lab staff (not a customer). */
async function requireStaff(db: Db, userId: string): Promise<void> {
  const user = await getUser(db, userId);
  if (user.role === 'customer') throw new DomainError('LIMS_STAFF_NOT_STAFF', `User ${userId} is a customer, not lab staff.`, { userId });
}

export const presentAuthorization = (a: AuthorizationRow, at = todayInFinland()) => ({ ...a, validToday: validOn(a, at) });

export interface AuthorizationInput {
  methodId: string;
  methodVersionId?: string | null;
  capabilities: Capability[];
  validFrom: string;
  validUntil?: string | null;
  notes?: string | null;
}

/** Grants a staff member an authorization for a method (optionally one version), recorded as granted by the actor. */
export async function grantAuthorization(db: Db, actor: Actor, userId: string, input: AuthorizationInput) {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const user = await getUser(tx, userId);
    if (user.role === 'customer' || !user.active) throw new DomainError('LIMS_STAFF_NOT_STAFF', `User ${userId} is not an active member of the lab staff.`, { userId });
    if (!(await methodExists(tx, input.methodId))) throw notFound('Method', input.methodId);
    if (input.methodVersionId) {
      const version = await findMethodVersion(tx, input.methodVersionId);
      if (!version || version.methodId !== input.methodId) throw new DomainError('LIMS_AUTHORIZATION_INVALID', `Version ${input.methodVersionId} is not a version of method ${input.methodId}.`);
    }
    if (input.validUntil && input.validUntil < input.validFrom) throw new DomainError('LIMS_AUTHORIZATION_INVALID', `validUntil ${input.validUntil} is before validFrom ${input.validFrom}.`);
    const row = await repo.insertAuthorization(tx, {
      userId,
      methodId: input.methodId,
      methodVersionId: input.methodVersionId ?? null,
      capabilities: input.capabilities,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
      notes: input.notes ?? null,
      grantedBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'competence.authorization.grant', entityType: 'staff_authorization', entityId: row.id, after: row });
    return presentAuthorization(row);
  });
}

/** Revokes an authorization from a day on; it stays on record. */
export async function revokeAuthorization(db: Db, actor: Actor, userId: string, id: string, input: { revokedOn?: string; reason: string }) {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const before = await repo.findAuthorization(tx, id);
    if (!before || before.userId !== userId) throw notFound('Authorization', id);
    if (before.revokedOn) throw new DomainError('LIMS_AUTHORIZATION_ALREADY_REVOKED', `Authorization ${id} was revoked on ${before.revokedOn}.`);
    const after = await repo.revokeAuthorization(tx, id, { revokedOn: input.revokedOn ?? todayInFinland(), revokedReason: input.reason, revokedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'competence.authorization.revoke', entityType: 'staff_authorization', entityId: id, before, after, reason: input.reason });
    return presentAuthorization(after);
  });
}

export async function getAuthorizations(db: Db, userId: string) {
  await requireStaff(db, userId);
  return (await repo.listAuthorizations(db, userId)).map((a) => presentAuthorization(a));
}

/**
 * Whether a staff member may `capability` (measure, review, issue) with a method version on a day.
 * Expired, not yet valid or revoked authorizations do not count; the reason says which miss it was.
 * Results logging calls this (with its transaction) before it accepts a result or a review.
 */
export async function isAuthorized(db: Db, userId: string, methodVersionId: string, capability: Capability, atDate: string): Promise<AuthorizationDecision> {
  const version = await findMethodVersion(db, methodVersionId);
  if (!version) throw notFound('Method version', methodVersionId);
  return decideAuthorization(await repo.listAuthorizations(db, userId), { methodId: version.methodId, methodVersionId }, capability, atDate);
}

export type EvidenceKind = 'training' | 'rr_test' | 'proficiency_test' | 'qualification' | 'other';
export interface EvidenceInput {
  kind: EvidenceKind;
  title: string;
  completedOn: string;
  methodId?: string | null;
  scoreKind?: string | null;
  score?: string | null;
  outcome?: string | null;
  documentReference?: string | null;
}

/** Records evidence of competence (training, RR test, proficiency test result). Append-only. */
export async function recordEvidence(db: Db, actor: Actor, userId: string, input: EvidenceInput): Promise<EvidenceRow> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    await requireStaff(tx, userId);
    if (input.methodId && !(await methodExists(tx, input.methodId))) throw notFound('Method', input.methodId);
    const row = await repo.insertEvidence(tx, { ...input, userId, recordedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'competence.evidence.record', entityType: 'competence_evidence', entityId: row.id, after: row });
    return row;
  });
}

export async function getEvidence(db: Db, userId: string): Promise<EvidenceRow[]> {
  await requireStaff(db, userId);
  return repo.listEvidence(db, userId);
}
