import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

function build(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: true, strictTypes: false, ...options });
  addFormats.default(ajv);
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
