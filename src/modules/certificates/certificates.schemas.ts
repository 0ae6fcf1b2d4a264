import { uuidSchema, text as sharedText } from '../../http/common-schemas.js';
import { DOCUMENT_STATES } from './domain/document-lifecycle.js';
import { DOCUMENT_TYPES } from './domain/document-model.js';
import { documentListExample, issuedCertificate } from './certificates.examples.js';

const languages = ['fi', 'en', 'sv', 'et'] as const;
const text = (max: number, description?: string) => ({ ...sharedText(max), ...(description ? { description } : {}) }) as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file, hex' } as const;

export const jobParams = { type: 'object', additionalProperties: false, required: ['jobId'], properties: { jobId: uuidSchema } } as const;
export const numberParams = { type: 'object', additionalProperties: false, required: ['number'], properties: { number: { type: 'string', maxLength: 40 } } } as const;

export const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', enum: DOCUMENT_TYPES },
    companions: { type: 'array', maxItems: 3, uniqueItems: true, items: { type: 'string', enum: ['en', 'sv', 'et'] }, description: "Translations beside the Finnish original; default: the company's preferred language" },
    itemIds: { type: 'array', minItems: 1, maxItems: 500, uniqueItems: true, items: uuidSchema, description: 'The job items the document covers; default: all that the type covers' },
  },
  example: { type: 'calibration_certificate', companions: ['en'] },
} as const;

export const issueBody = {
  type: 'object',
  additionalProperties: false,
  required: ['password', 'meaning'],
  properties: {
    password: { type: 'string', minLength: 1, maxLength: 256, description: "The signer's password, asked again at signing" },
    meaning: text(200, 'What the signature means, e.g. "Hyväksytty julkaistavaksi / Approved for issue"'),
  },
  example: { password: 'correct horse battery', meaning: 'Hyväksytty julkaistavaksi / Approved for issue' },
} as const;

export const amendBody = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(1000, 'Why the document is amended; printed on the amendment') }, example: { reason: 'Serial number of the instrument corrected' } } as const;

export const revokeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason', 'password'],
  properties: { reason: text(1000), password: { type: 'string', minLength: 1, maxLength: 256 } },
  example: { reason: 'Issued for the wrong job', password: 'correct horse battery' },
} as const;

export const pdfQuery = { type: 'object', additionalProperties: false, properties: { language: { type: 'string', enum: languages, default: 'fi' } } } as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    jobId: uuidSchema,
    type: { type: 'string', enum: DOCUMENT_TYPES },
    state: { type: 'string', enum: DOCUMENT_STATES },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', maxLength: 200, description: 'nextCursor of the previous page' },
  },
} as const;

const signature = {
  type: 'object',
  nullable: true,
  required: ['signerId', 'name', 'function', 'signedAt', 'meaning', 'authentication', 'files'],
  properties: {
    signerId: uuidSchema,
    name: { type: 'string' },
    function: { type: 'string', description: "The signer's function (role)" },
    signedAt: { type: 'string', format: 'date-time' },
    meaning: { type: 'string' },
    authentication: { type: 'string', enum: ['password'] },
    files: { type: 'array', items: { type: 'object', required: ['kind', 'language', 'sha256'], properties: { kind: { type: 'string' }, language: { type: 'string' }, sha256 } } },
  },
} as const;

export const documentSchema = {
  type: 'object',
  required: ['id', 'jobId', 'companyId', 'type', 'state', 'number', 'languages', 'itemIds', 'supersedes', 'supersededBy', 'issuedAt', 'signature', 'revokedAt', 'revocationReason', 'files', 'createdAt'],
  properties: {
    id: uuidSchema,
    jobId: uuidSchema,
    companyId: uuidSchema,
    type: { type: 'string', enum: DOCUMENT_TYPES },
    state: { type: 'string', enum: DOCUMENT_STATES },
    number: { type: 'string', nullable: true, example: 'K-2026-0001' },
    languages: { type: 'array', items: { type: 'string', enum: languages }, description: 'fi (the original) first, then the companions' },
    itemIds: { type: 'array', items: uuidSchema },
    supersedes: { type: 'object', nullable: true, required: ['id', 'number', 'reason'], properties: { id: uuidSchema, number: { type: 'string' }, reason: { type: 'string' } } },
    supersededBy: { type: 'object', nullable: true, required: ['id', 'number'], properties: { id: uuidSchema, number: { type: 'string', nullable: true } } },
    issuedAt: { type: 'string', format: 'date-time', nullable: true },
    signature,
    revokedAt: { type: 'string', format: 'date-time', nullable: true },
    revocationReason: { type: 'string', nullable: true },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'language', 'original', 'mediaType', 'sha256', 'size'],
        properties: { kind: { type: 'string', enum: ['pdf', 'dcc'] }, language: { type: 'string' }, original: { type: 'boolean' }, mediaType: { type: 'string' }, sha256, size: { type: 'integer' } },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const documentAnswer = { ...documentSchema, examples: [issuedCertificate] } as const;

export const documentList = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: documentSchema }, nextCursor: { type: 'string', nullable: true } },
  examples: [documentListExample],
} as const;

export const verification = {
  type: 'object',
  required: ['number', 'type', 'status', 'issuedOn', 'laboratory', 'files'],
  properties: {
    number: { type: 'string' },
    type: { type: 'string', enum: DOCUMENT_TYPES },
    status: { type: 'string', enum: ['valid', 'superseded', 'revoked'] },
    issuedOn: { type: 'string', format: 'date' },
    laboratory: { type: 'string' },
    files: { type: 'array', items: { type: 'object', required: ['language', 'sha256'], properties: { language: { type: 'string' }, sha256 } } },
    supersededBy: { type: 'string' },
    revokedOn: { type: 'string', format: 'date' },
  },
  example: { number: 'K-2026-0001', type: 'calibration_certificate', status: 'valid', issuedOn: '2026-04-15', laboratory: 'Koneteknologiakeskus Turku Oy', files: [{ language: 'fi', sha256: 'a'.repeat(64) }] },
} as const;

export const bytesVerification = {
  type: 'object',
  required: ['match'],
  properties: { match: { type: 'boolean' }, number: { type: 'string' }, language: { type: 'string' }, status: { type: 'string', enum: ['valid', 'superseded', 'revoked'] } },
} as const;
