import { uuidSchema, text } from '../../http/common-schemas.js';
import { attachmentExamples, attachmentListExamples, uploadFormDescription } from './attachments.examples.js';
import { ACCEPTED_TYPES_TEXT, ATTACHMENT_CATEGORIES, FILE_FORMATS } from './domain/attachment-kinds.js';

export { idParams } from '../../http/common-schemas.js';

export const jobParams = {
  type: 'object',
  additionalProperties: false,
  required: ['jobId'],
  properties: { jobId: uuidSchema },
} as const;

/**
 * The upload form (multipart/form-data). The text fields come first and the file is the last part:
 * the checks run on the fields before the file is read, and the file is streamed to storage as it
 * arrives. After the upload is received, `file` stands for the content by its digest (`sha256:<hex>`),
 * which is what an Idempotency-Key is matched against.
 */
export const uploadForm = {
  type: 'object',
  description: uploadFormDescription,
  additionalProperties: false,
  required: ['category', 'file'],
  properties: {
    category: { type: 'string', enum: ATTACHMENT_CATEGORIES, description: 'What the file is: drawing, cad_model, pmi (a model with PMI), customer_report or other' },
    confidential: {
      type: 'boolean',
      default: true,
      description: 'true (the default: customer drawings, models and results are confidential) needs an NDA in force covering the category; send false for a public file',
    },
    description: text(2000),
    supersedes: { ...uuidSchema, description: 'The id of the older revision this file replaces (same job); the older one stays, marked superseded' },
    file: { type: 'string', format: 'binary', description: `The file, as the last part of the form, with its file name. Accepted by content: ${ACCEPTED_TYPES_TEXT}` },
  },
} as const;

export const uploadBody = {
  content: { 'multipart/form-data': { schema: uploadForm, encoding: { file: { contentType: 'application/octet-stream' } } } },
} as const;

const nullableText = { type: 'string', nullable: true } as const;

export const attachmentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'jobId', 'companyId', 'category', 'confidential', 'fileName', 'format', 'mediaType', 'sizeBytes', 'sha256', 'revision', 'current', 'uploadedAt', 'warnings'],
  properties: {
    id: uuidSchema,
    jobId: uuidSchema,
    companyId: uuidSchema,
    category: { type: 'string', enum: ATTACHMENT_CATEGORIES },
    confidential: { type: 'boolean' },
    description: nullableText,
    fileName: { type: 'string' },
    format: { type: 'string', enum: FILE_FORMATS, description: 'Detected from the content' },
    mediaType: { type: 'string', description: 'The media type the content is served with' },
    declaredMediaType: { ...nullableText, description: 'The Content-Type the uploader sent with the file part (informative)' },
    formatDetails: {
      type: 'object',
      additionalProperties: true,
      description: 'What the header tells: STEP applicationProtocol (AP203, AP214, AP242), schemas, fileName; QIF version, major, namespace; PDF version; image width and height; DXF encoding and version',
    },
    sizeBytes: { type: 'integer' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, also the ETag of the download' },
    revision: { type: 'integer', minimum: 1 },
    supersedesId: { ...uuidSchema, nullable: true },
    supersededById: { ...uuidSchema, nullable: true },
    current: { type: 'boolean', description: 'false once a newer revision supersedes it' },
    uploadedBy: { ...uuidSchema, nullable: true, description: 'The uploading user (null for customers)' },
    uploadedAt: { type: 'string', format: 'date-time' },
    warnings: { type: 'array', items: { type: 'string' }, description: "e.g. the name's extension says another type than the content" },
  },
  examples: attachmentExamples,
} as const;

export const attachmentList = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: attachmentSchema } },
  examples: attachmentListExamples,
} as const;

export const contentResponse = {
  description: 'The file as stored, with its detected media type; ETag is its SHA-256',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
} as const;
