import { uuidSchema } from '../../http/common-schemas.js';
import { characteristicResponseSchema } from '../jobs/index.js';

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
  example: {
    jobId: '0b5f3c1e-6a43-4f5e-9a57-5f0d1c2b7e10',
    itemId: '7d2c4e1a-8b3f-4c5d-9e6f-1a2b3c4d5e6f',
    source: { format: 'QIF', versionQIF: '3.0.0', qpId: '6e206109-f027-4a5e-8138-99308066435b' },
    characteristics: [
      {
        id: '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b',
        identifier: '5',
        type: 'diameter',
        nominal: '35',
        unit: 'mm',
        tolerance: { kind: 'deviations', upper: '0', lower: '-0.2' },
        datums: [],
        notes: 'QIF name Linear Size.1',
        qifId: '1473',
      },
    ],
  },
} as const;
