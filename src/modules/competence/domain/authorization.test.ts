import { decideAuthorization, type AuthorizationFact } from './authorization.js';

const auth = (over: Partial<AuthorizationFact> = {}): AuthorizationFact => ({
  id: 'a1',
  methodId: 'M',
  methodVersionId: null,
  capabilities: ['measure'],
  validFrom: '2025-01-01',
  validUntil: '2025-12-31',
  revokedOn: null,
  ...over,
});
const mv = { methodId: 'M', methodVersionId: 'V2' };

describe('decideAuthorization', () => {
  test('valid from the first to the last day inclusive', () => {
    expect(decideAuthorization([auth()], mv, 'measure', '2025-01-01')).toEqual({ authorized: true, authorizationId: 'a1', reason: null });
    expect(decideAuthorization([auth()], mv, 'measure', '2025-12-31').authorized).toBe(true);
    expect(decideAuthorization([auth()], mv, 'measure', '2026-01-01')).toMatchObject({ authorized: false, reason: 'expired' });
    expect(decideAuthorization([auth()], mv, 'measure', '2024-12-31')).toMatchObject({ authorized: false, reason: 'not_yet_valid' });
  });

  test('another method, another version or another capability does not count', () => {
    expect(decideAuthorization([auth({ methodId: 'X' })], mv, 'measure', '2025-06-01').reason).toBe('no_authorization_for_method');
    expect(decideAuthorization([auth({ methodVersionId: 'V1' })], mv, 'measure', '2025-06-01').reason).toBe('no_authorization_for_method');
    expect(decideAuthorization([auth({ methodVersionId: 'V2' })], mv, 'measure', '2025-06-01').authorized).toBe(true);
    expect(decideAuthorization([auth()], mv, 'review', '2025-06-01').reason).toBe('capability_not_granted');
  });

  test('a revoked authorization stops counting on the day of revocation', () => {
    const revoked = auth({ revokedOn: '2025-06-01', validUntil: null });
    expect(decideAuthorization([revoked], mv, 'measure', '2025-05-31').authorized).toBe(true);
    expect(decideAuthorization([revoked], mv, 'measure', '2025-06-01').reason).toBe('revoked');
  });

  test('any one valid authorization is enough', () => {
    expect(decideAuthorization([auth(), auth({ id: 'a2', validFrom: '2026-01-01', validUntil: null })], mv, 'measure', '2026-03-01')).toMatchObject({ authorized: true, authorizationId: 'a2' });
  });
});
