/**
 * Realistic requests and answers for the OpenAPI document (Swagger UI at /docs) of what every user,
 * customers included, calls here: who am I, and revoking one's own token. The ids are those of the
 * other modules' examples (the customer user of Turun Konepaja Oy).
 */

const customerUser = '3c5e7a9b-0d1f-4a2c-9e4b-6d8f0a2c4e13';
const company = '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11';

/** GET /me: a customer's user, and a technician. */
export const userExamples = [
  {
    id: customerUser,
    email: 'matti.mittaaja@turunkonepaja.fi',
    displayName: 'Matti Mittaaja',
    role: 'customer',
    companyId: company,
    active: true,
    hasPassword: false,
    createdAt: '2026-01-05T09:30:00.000Z',
    updatedAt: '2026-01-05T09:30:00.000Z',
  },
  {
    id: '7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d25',
    email: 'tiina.teknikko@ktk.fi',
    displayName: 'Tiina Teknikko',
    role: 'technician',
    companyId: null,
    active: true,
    hasPassword: true,
    createdAt: '2025-08-18T06:00:00.000Z',
    updatedAt: '2026-03-02T07:10:00.000Z',
  },
];

/** POST /tokens/{id}/revoke bodies: with the reason for the audit trail, or without one. */
export const revokeTokenExamples = [{ reason: 'The CMM export script moved to a new server with a token of its own' }, {}];

/** The revoked token as answered (never the token itself: only its first characters). */
export const revokedTokenExamples = [
  {
    id: '8c0e2a4b-6d8f-4b0c-9e2a-4b6d8f0c2e26',
    userId: customerUser,
    name: 'CMM export script',
    tokenPrefix: 'lims_1Aq3_',
    createdAt: '2026-02-10T12:00:00.000Z',
    expiresAt: '2027-02-10T00:00:00.000Z',
    revokedAt: '2026-11-27T14:32:05.000Z',
    lastUsedAt: '2026-11-27T06:15:42.000Z',
  },
];
