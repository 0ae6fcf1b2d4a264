import { uuidSchema } from '../../http/common-schemas.js';
import { characteristicResponseSchema } from '../jobs/index.js';
import { importAnswerExamples, qifExample } from './qif.examples.js';

/** The media types the QIF import reads; the body is the QIF document itself, UTF-8. */
export const QIF_MEDIA_TYPES = ['application/xml', 'text/xml', 'application/qif+xml'] as const;

export const itemParams = {
  type: 'object',
  additionalProperties: false,
  required: ['jobId', 'itemId'],
  properties: { jobId: uuidSchema, itemId: uuidSchema },
} as const;

const qifFile = {
  schema: {
    type: 'string',
    description: 'A QIF 3 (ISO 23952) document with Characteristics (an MBD/product file with PMI, or a Plan), UTF-8. Every characteristic is imported or none.',
    examples: [qifExample],
  },
} as const;

export const importBody = { content: Object.fromEntries(QIF_MEDIA_TYPES.map((t) => [t, qifFile])) };

const source = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'versionQIF'],
  properties: {
    format: { type: 'string', enum: ['QIF'] },
    versionQIF: { type: 'string', example: '3.0.0' },
    qpId: { type: 'string', description: "The document's QIF persistent id (QPId), when it has one" },
  },
} as const;

export const importResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['jobId', 'itemId', 'source', 'characteristics'],
  properties: {
    jobId: uuidSchema,
    itemId: uuidSchema,
    source,
    characteristics: { type: 'array', description: 'The characteristics created, in file order, each with its QIF id', items: characteristicResponseSchema },
  },
  examples: importAnswerExamples,
} as const;
