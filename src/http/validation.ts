import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../shared/errors/index.js';
import { strictFormats } from './formats.js';
import { sendProblem, type FieldError } from './problem.js';

function build(options: Options): Ajv {
  // verbose: errors carry the offending value, so that messages can say what is wrong with it.
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: true, strictTypes: false, verbose: true, ...options });
  addFormats.default(ajv);
  for (const [name, format] of Object.entries(strictFormats)) ajv.addFormat(name, format);
  // OpenAPI annotations that route schemas carry for the documentation.
  ajv.addVocabulary(['example']);
  return ajv;
}

/**
 * Request validation. Bodies are never coerced (a string where a number belongs is an error, as is
 * an unknown field: lab data must not silently change or vanish); query strings, path parameters and
 * headers arrive as text and are coerced to their declared types.
 */
export function registerValidation(app: FastifyInstance): void {
  const bodyAjv = build({ coerceTypes: false });
  const textAjv = build({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bodies are read strictly. JSON must be valid UTF-8: the default parser would turn invalid bytes
 * into U+FFFD and store them as if the client had typed them. And there is no text/plain parser:
 * a text body is a 415 rather than a string that a route without a body schema would accept.
 */
export function registerStrictBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new DomainError('LIMS_BAD_REQUEST', 'The JSON body is not valid UTF-8; send the text encoded as UTF-8.'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}

// An unpaired UTF-16 surrogate: JSON's \ud800 escape can carry one, but it is not a character, and
// the database driver would store it as U+FFFD without a word.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes a text unstorable, or undefined when it can be stored as sent. */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which no text field can store';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired surrogate (such as \\ud800), which is not a character; send the text as valid Unicode';
  return undefined;
}

/** JSON pointers of the strings (and keys) under `value` that contain a NUL character or an unpaired surrogate, at most `max`. */
export function nulFields(value: unknown, path: string, found: FieldError[] = [], max = 20): FieldError[] {
  if (found.length >= max) return found;
  if (typeof value === 'string') {
    const problem = unstorable(value);
    if (problem) found.push({ field: path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulFields(item, `${path}/${i}`, found, max));
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) {
      if (unstorable(key)) found.push({ field: `${path}/${key.replaceAll('\u0000', '\\u0000').replace(/[\ud800-\udfff]/g, '\ufffd')}`, message: 'is a field name with a NUL character or an unpaired surrogate' });
      else nulFields(item, `${path}/${key}`, found, max);
    }
  }
  return found;
}

/**
 * PostgreSQL text cannot hold U+0000, and an unpaired surrogate is not text at all: either, in any
 * text of a request, is refused as a validation error naming the field, before it can reach the
 * database (where a NUL failed as a 500 and a surrogate became U+FFFD).
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const errors = [...nulFields(request.body, '/body'), ...nulFields(request.query, '/querystring'), ...nulFields(request.params, '/params')];
    if (errors.length === 0) return;
    return sendProblem(request, reply, 'LIMS_VALIDATION_FAILED', {
      detail: 'Text in the request contains NUL characters (U+0000) or unpaired surrogates, which cannot be stored; remove them.',
      errors,
    });
  });
}
