import { CAPABILITIES } from './domain/authorization.js';
import { nullableText, text, MEASURED_PATTERN } from '../../http/common-schemas.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const nUuid = { ...uuid, nullable: true } as const;
const day = { type: 'string', format: 'date' } as const;
const nDay = { ...day, nullable: true } as const;
const nText = nullableText;
const nString = { type: 'string', nullable: true } as const;
const capability = { type: 'string', enum: CAPABILITIES } as const;
const kinds = ['training', 'rr_test', 'proficiency_test', 'qualification', 'other'] as const;
const obj = (properties: Record<string, unknown>) => ({ type: 'object', required: Object.keys(properties), properties }) as const;

export const userParams = { type: 'object', additionalProperties: false, required: ['userId'], properties: { userId: uuid } } as const;
export const authorizationParams = { type: 'object', additionalProperties: false, required: ['userId', 'id'], properties: { userId: uuid, id: uuid } } as const;

export const grantBody = {
  type: 'object',
  additionalProperties: false,
  required: ['methodId', 'capabilities', 'validFrom'],
  properties: {
    methodId: uuid,
    methodVersionId: { ...nUuid, description: 'Only this version; omit for every version of the method' },
    capabilities: { type: 'array', minItems: 1, uniqueItems: true, items: capability },
    validFrom: day,
    validUntil: { ...nDay, description: 'Last day it counts (inclusive); omit for no end' },
    notes: nText(2000, 'After RR test 2026-01 (%GRR 8.2)'),
  },
  example: { methodId: '6f1c2b0e-8d8e-4c1a-9a8e-2f0c5d2b9a11', capabilities: ['measure'], validFrom: '2026-01-15', validUntil: '2028-01-14' },
} as const;

export const revokeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { revokedOn: day, reason: text(1000) },
  example: { revokedOn: '2026-03-01', reason: 'Failed proficiency test PT-2026-02' },
} as const;

export const authorizationSchema = obj({
  id: uuid,
  userId: uuid,
  methodId: uuid,
  methodVersionId: nUuid,
  capabilities: { type: 'array', items: { type: 'string' } },
  validFrom: day,
  validUntil: nDay,
  grantedBy: uuid,
  notes: nString,
  revokedOn: nDay,
  revokedReason: nString,
  revokedBy: nUuid,
  validToday: { type: 'boolean' },
  createdAt: { type: 'string', format: 'date-time' },
});

export const evidenceBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'title', 'completedOn'],
  properties: {
    kind: { type: 'string', enum: kinds },
    title: text(300, 'RR-testi, ulkomikrometri'),
    completedOn: day,
    methodId: nUuid,
    scoreKind: nText(40, '%GRR'),
    score: { type: 'string', pattern: MEASURED_PATTERN, nullable: true, example: '8.2' },
    outcome: nText(1000, 'acceptable'),
    documentReference: nText(300, 'RR-2026-004'),
  },
  example: { kind: 'rr_test', title: 'RR-testi, ulkomikrometri', completedOn: '2026-01-12', scoreKind: '%GRR', score: '8.2', outcome: 'acceptable', documentReference: 'RR-2026-004' },
} as const;

export const evidenceSchema = obj({
  id: uuid,
  userId: uuid,
  kind: { type: 'string', enum: kinds },
  title: { type: 'string' },
  completedOn: day,
  methodId: nUuid,
  scoreKind: nString,
  score: nString,
  outcome: nString,
  documentReference: nString,
  recordedBy: uuid,
  createdAt: { type: 'string', format: 'date-time' },
});

export const checkQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['methodVersionId', 'capability'],
  properties: { methodVersionId: uuid, capability, at: day },
} as const;

export const decisionSchema = obj({
  authorized: { type: 'boolean' },
  authorizationId: nUuid,
  reason: { type: 'string', nullable: true, enum: ['no_authorization_for_method', 'capability_not_granted', 'not_yet_valid', 'expired', 'revoked', null] },
});
