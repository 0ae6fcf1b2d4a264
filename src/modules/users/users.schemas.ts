import { text } from '../../http/common-schemas.js';
import { ROLES } from '../../shared/actor.js';
import { revokedTokenExamples, revokeTokenExamples, userExamples } from './users.examples.js';

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: 'string', format: 'date-time', nullable: true } as const;

export const userSchema = {
  type: 'object',
  required: ['id', 'email', 'displayName', 'role', 'companyId', 'active', 'hasPassword', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    companyId: { type: 'string', format: 'uuid', nullable: true },
    active: { type: 'boolean' },
    hasPassword: { type: 'boolean' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
  examples: userExamples,
} as const;

export const tokenSchema = {
  type: 'object',
  required: ['id', 'userId', 'name', 'tokenPrefix', 'createdAt', 'expiresAt', 'revokedAt', 'lastUsedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    userId: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    tokenPrefix: { type: 'string', description: 'The first characters of the token, to tell tokens apart' },
    createdAt: dateTime,
    expiresAt: nullableDateTime,
    revokedAt: nullableDateTime,
    lastUsedAt: nullableDateTime,
  },
} as const;

export const issuedTokenSchema = {
  ...tokenSchema,
  required: [...tokenSchema.required, 'token'],
  properties: {
    ...tokenSchema.properties,
    token: { type: 'string', description: 'The token itself. Shown only in this response: store it now.' },
  },
} as const;

/** The answer to revoking a token. */
export const revokedTokenSchema = { ...tokenSchema, examples: revokedTokenExamples } as const;

const password = {
  type: 'string',
  minLength: 1,
  maxLength: 256,
  description:
    'A new password: at least 12 characters after Unicode NFKC normalisation, not one character repeated or only whitespace, not a common or easily guessed password (zxcvbn score 3 or more, counting the e-mail address and name as known words). A password that breaks a rule is refused with 422 LIMS_USER_WEAK_PASSWORD, `details.rule` naming it: length, repetition or common.',
} as const;
const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const reason = { ...text(1000), description: 'Why; recorded in the audit trail' } as const;

export const createUserBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'displayName', 'role'],
  properties: {
    email,
    displayName: text(200),
    role: { type: 'string', enum: ROLES },
    companyId: { type: 'string', format: 'uuid', nullable: true, description: 'Required for role customer, absent for staff' },
    password,
  },
  example: { email: 'tekniikko@ktk.fi', displayName: 'Tiina Teknikko', role: 'technician', password: 'mittaus on tarkkaa 2026' },
} as const;

export const updateUserBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    displayName: text(200),
    role: { type: 'string', enum: ROLES },
    companyId: { type: 'string', format: 'uuid', nullable: true },
    active: { type: 'boolean' },
    password,
    reason,
  },
} as const;

export const issueTokenBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { ...text(100), description: 'What the token is for, e.g. "CMM export script"' },
    expiresAt: { ...nullableDateTime, description: 'When the token stops working; omit for no expiry' },
  },
} as const;

export const revokeTokenBody = {
  type: 'object',
  additionalProperties: false,
  properties: { reason },
  examples: revokeTokenExamples,
} as const;

export const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email, password: { type: 'string', minLength: 1, maxLength: 256 } },
} as const;

export const changeOwnPasswordBody = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 256 }, newPassword: password },
  example: { currentPassword: 'mittaus on tarkkaa 2026', newPassword: 'kaliiperi ja mikrometri syksyllä' },
} as const;

export const passwordChangedSchema = {
  type: 'object',
  required: ['tokensRevoked'],
  properties: { tokensRevoked: { type: 'integer', description: 'How many of your other tokens were revoked; the one used for this request keeps working' } },
} as const;

export const listUsersQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { role: { type: 'string', enum: ROLES }, companyId: { type: 'string', format: 'uuid' } },
} as const;

export { idParams } from '../../http/common-schemas.js';
