import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors/index.js';
import type { ReceivedFile, UploadForm } from './attachments.service.js';
import { uploadForm } from './attachments.schemas.js';
import type { BlobStore } from './blob-store.js';
import { HEAD_BYTES } from './domain/file-type.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The file part of an attachment upload, staged in the blob store until the upload commits or fails. */
    attachmentUpload: ReceivedFile | null;
  }
}

/** Room for the form's text fields and part headers on top of the file in a request's Content-Length. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
const FIELD_MAX_BYTES = 16 * 1024;
const BOOLEAN_FIELDS = new Set(['confidential']);
const FIELD_ORDER = 'the text fields (category, confidential, description, supersedes) first, then the file as the last part, named "file", with its file name';

const formError = (message: string, details?: Record<string, unknown>) => new DomainError('LIMS_ATTACHMENT_FORM_INVALID', `${message} Send ${FIELD_ORDER}.`, details);

export const tooLarge = (maxBytes: number) =>
  new DomainError('LIMS_ATTACHMENT_TOO_LARGE', `The file is larger than ${maxBytes} bytes, the largest attachment this service accepts (ATTACHMENT_MAX_BYTES); nothing was stored. Split or compress it (e.g. STEP as a smaller export), or ask the administrator.`, {
    maxBytes,
  });

/** A field's text as the form schema wants it: `true`/`false` become booleans; anything else stays for validation to name. */
const fieldValue = (name: string, value: unknown) => (BOOLEAN_FIELDS.has(name) && (value === 'true' || value === 'false') ? value === 'true' : value);

/** Errors of the file system (full disk, permissions) are the service's problem; any other is the upload's. */
const isStorageError = (err: unknown) => typeof (err as NodeJS.ErrnoException).syscall === 'string';

function validateFields(request: FastifyRequest, fields: Record<string, unknown>): UploadForm {
  const form = { ...fields, file: 'sha256:pending' };
  const validate = request.compileValidationSchema(uploadForm, 'body');
  if (!validate(form)) {
    throw Object.assign(new Error('The upload form does not match the schema.'), { validation: validate.errors, validationContext: 'body', statusCode: 400 });
  }
  const { file: _file, ...valid } = form;
  return valid as unknown as UploadForm;
}

const BOUNDARY = /boundary=(?:"([^"]+)"|([^;\s]+))/i;

/**
 * Watches the raw body for the form's closing delimiter (`--<boundary>--`). The multipart parser
 * treats a body that simply stops as the end of the form, which would store a cut-off file as if it
 * were whole. Attach it in the same tick as the parser starts reading (adding a data listener starts
 * the flow on the next tick).
 */
function watchClosingDelimiter(request: FastifyRequest): () => boolean {
  const boundary = BOUNDARY.exec(String(request.headers['content-type']));
  if (!boundary) return () => false;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}--`);
  let tail: Buffer = Buffer.alloc(0);
  let seen = false;
  const onData = (chunk: Buffer) => {
    seen = Buffer.concat([tail, chunk.subarray(0, delimiter.length - 1)]).includes(delimiter) || chunk.includes(delimiter);
    if (seen) request.raw.off('data', onData);
    tail = chunk.length >= delimiter.length - 1 ? chunk.subarray(chunk.length - delimiter.length + 1) : Buffer.concat([tail, chunk]).subarray(-(delimiter.length - 1));
  };
  request.raw.on('data', onData);
  return () => seen;
}

function checkFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (name.length === 0 || name.length > 255 || /[\x00-\x1f\x7f/\\]/.test(name)) {
    throw formError('The file part needs a file name of 1 to 255 characters without control characters or slashes.', { fileName: name });
  }
  return name;
}

/**
 * The preValidation hook of the upload route: reads the multipart form as it streams in. Fields are
 * collected and checked (schema, then `preflight`: job, state, NDA) when the file part begins, so a
 * refused upload never reads the file; the file streams into the blob store's staging area with its
 * digest computed on the way. The body then becomes the fields plus `file: "sha256:<hex>"`, which the
 * route schema validates and the Idempotency-Key machinery fingerprints.
 *
 * With an Idempotency-Key, `preflight` is skipped: the key must be looked up first (a retry of an
 * upload that succeeded must replay its answer, even though superseding twice would now be refused),
 * and that lookup needs the digest; the checks then run in the upload's transaction.
 */
export function uploadReader(store: BlobStore, maxBytes: number, preflight: (request: FastifyRequest, form: UploadForm) => Promise<void>) {
  return async function receiveUpload(request: FastifyRequest): Promise<void> {
    if (!request.isMultipart()) {
      throw new DomainError('LIMS_UNSUPPORTED_MEDIA_TYPE', `Send the upload as multipart/form-data: ${FIELD_ORDER}.`);
    }
    // Without a boundary the parts cannot be told apart (the multipart parser throws, which was a 500).
    if (!BOUNDARY.test(String(request.headers['content-type']))) {
      throw formError('The Content-Type multipart/form-data has no boundary parameter (e.g. multipart/form-data; boundary=x1y2z3), so its parts cannot be read.');
    }
    if (Number(request.headers['content-length'] ?? 0) > maxBytes + FORM_OVERHEAD_BYTES) throw tooLarge(maxBytes);
    const fields: Record<string, unknown> = {};
    const parts = request.parts({ limits: { fileSize: maxBytes + 1, files: 2, fields: 10, fieldSize: FIELD_MAX_BYTES, parts: 12 } });
    const complete = watchClosingDelimiter(request);
    for await (const part of parts as AsyncIterableIterator<Multipart>) {
      if (request.attachmentUpload) throw formError(`The part "${part.fieldname}" came after the file; the file must be the last part.`);
      if (part.type === 'field') {
        if (part.fieldname === 'file') throw formError('The part "file" arrived as a text field, without a file name.');
        if (part.fieldname in fields) throw formError(`The field ${part.fieldname} appears twice.`);
        if (part.valueTruncated) throw formError(`The field ${part.fieldname} is longer than ${FIELD_MAX_BYTES} bytes.`);
        fields[part.fieldname] = fieldValue(part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== 'file') throw formError(`The file part is named "${part.fieldname}"; it must be named "file".`);
      const fileName = checkFileName(part.filename);
      const form = validateFields(request, fields);
      if (request.headers['idempotency-key'] === undefined) await preflight(request, form);
      const staged = await store.stage(part.file, { maxBytes, headBytes: HEAD_BYTES }).catch((err: unknown) => {
        if (isStorageError(err)) throw err;
        throw formError('The upload ended before the file was complete; nothing was stored.', { reason: (err as Error).message });
      });
      if (staged.tooLarge) throw tooLarge(maxBytes);
      request.attachmentUpload = { fileName, declaredMediaType: part.mimetype || null, staged };
    }
    if (!request.attachmentUpload) throw formError('The form has no file part.');
    if (!complete()) throw formError('The form ended without its closing boundary, so the file may be cut off; nothing was stored.');
    request.body = { ...fields, file: `sha256:${request.attachmentUpload.staged.sha256}` };
  };
}
