export const CAPABILITIES = ['measure', 'review', 'issue'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What the validity check needs of an authorization. */
export interface AuthorizationFact {
  id: string;
  methodId: string;
  /** Null: every version of the method. */
  methodVersionId: string | null;
  capabilities: readonly string[];
  validFrom: string;
  validUntil: string | null;
  revokedOn: string | null;
}

export type AuthorizationDecision =
  | { authorized: true; authorizationId: string; reason: null }
  | { authorized: false; authorizationId: null; reason: 'no_authorization_for_method' | 'capability_not_granted' | 'not_yet_valid' | 'expired' | 'revoked' };

/** True when an authorization counts on a day: started, not past its last day, not revoked by then. */
export const validOn = (a: AuthorizationFact, at: string): boolean => a.validFrom <= at && (a.validUntil === null || at <= a.validUntil) && (a.revokedOn === null || at < a.revokedOn);

/**
 * Whether a person may do `capability` with a method version on a day, given their authorizations:
 * one for the method (all versions) or for that version, granting the capability, valid that day.
 * When refused, the reason is the closest miss, so the message can say what to fix.
 */
export function decideAuthorization(
  authorizations: readonly AuthorizationFact[],
  method: { methodId: string; methodVersionId: string },
  capability: Capability,
  at: string,
): AuthorizationDecision {
  const forMethod = authorizations.filter((a) => a.methodId === method.methodId && (a.methodVersionId === null || a.methodVersionId === method.methodVersionId));
  if (forMethod.length === 0) return { authorized: false, authorizationId: null, reason: 'no_authorization_for_method' };
  const withCapability = forMethod.filter((a) => a.capabilities.includes(capability));
  if (withCapability.length === 0) return { authorized: false, authorizationId: null, reason: 'capability_not_granted' };
  const valid = withCapability.find((a) => validOn(a, at));
  if (valid) return { authorized: true, authorizationId: valid.id, reason: null };
  if (withCapability.some((a) => a.revokedOn !== null && a.revokedOn <= at && a.validFrom <= at)) return { authorized: false, authorizationId: null, reason: 'revoked' };
  if (withCapability.every((a) => a.validFrom > at)) return { authorized: false, authorizationId: null, reason: 'not_yet_valid' };
  return { authorized: false, authorizationId: null, reason: 'expired' };
}
