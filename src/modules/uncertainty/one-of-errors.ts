/**
 * Readable validation errors for discriminated `oneOf` schemas. Ajv (allErrors) reports a failed
 * `oneOf` with the errors of every branch, so one misspelt parameter of a normal distribution
 * would come back with a dozen complaints about the other eight distribution types. The app's
 * Ajv has no `discriminator` support, so this keeps only the errors of the branch whose
 * discriminator matched, or a single error about the discriminator itself.
 */
import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';

type ValidationError = FastifySchemaValidationError;

function branchesOf(failed: ValidationError, errors: readonly ValidationError[]): Map<string, ValidationError[]> {
  const prefix = `${failed.schemaPath}/`;
  const branches = new Map<string, ValidationError[]>();
  const at = failed.instancePath;
  for (const error of errors) {
    // The schema path is the same for every array element, so the instance path tells them apart.
    const inside = error.instancePath === at || error.instancePath.startsWith(`${at}/`);
    if (!inside || !error.schemaPath.startsWith(prefix)) continue;
    const index = error.schemaPath.slice(prefix.length).split('/')[0] as string;
    const list = branches.get(index) ?? [];
    list.push(error);
    branches.set(index, list);
  }
  return branches;
}

/** One error standing for all branches when no branch's discriminator matched. */
function summaryError(failed: ValidationError, all: readonly ValidationError[], discriminator: string): ValidationError {
  const at = failed.instancePath;
  const notObject = all.find((e) => e.instancePath === at && e.keyword === 'type');
  if (notObject) return notObject;
  const missing = all.find((e) => e.instancePath === at && e.keyword === 'required' && e.params.missingProperty === discriminator);
  if (missing) return missing;
  const tag = `${at}/${discriminator}`;
  const allowedValues = [...new Set(all.filter((e) => e.instancePath === tag && e.keyword === 'enum').flatMap((e) => e.params.allowedValues as unknown[]))];
  return { keyword: 'enum', instancePath: tag, schemaPath: failed.schemaPath, params: { allowedValues }, message: 'must be equal to one of the allowed values' };
}

/**
 * Collapses the branch errors of each failed `oneOf` whose branches are told apart by the
 * property `discriminator` (a one-value enum in each branch).
 */
export function collapseOneOfErrors(errors: readonly ValidationError[], discriminator = 'type'): ValidationError[] {
  const dropped = new Set<ValidationError>();
  const added: ValidationError[] = [];
  for (const failed of errors.filter((e) => e.keyword === 'oneOf')) {
    const branches = [...branchesOf(failed, errors).values()];
    const tag = `${failed.instancePath}/${discriminator}`;
    const mismatched = (list: readonly ValidationError[]): boolean =>
      list.some(
        (e) =>
          (e.instancePath === tag && (e.keyword === 'enum' || e.keyword === 'type')) ||
          (e.instancePath === failed.instancePath && (e.keyword === 'type' || (e.keyword === 'required' && e.params.missingProperty === discriminator))),
      );
    const matching = branches.filter((list) => !mismatched(list));
    dropped.add(failed);
    for (const list of branches) if (list !== matching[0] || matching.length !== 1) list.forEach((e) => dropped.add(e));
    if (matching.length !== 1) added.push(summaryError(failed, branches.flat(), discriminator));
  }
  return [...errors.filter((e) => !dropped.has(e)), ...added];
}

/**
 * A route-level validator compiler: the app's own compiler (same Ajv, same options), with the
 * errors of discriminated `oneOf` schemas collapsed.
 */
export function discriminatedValidator(app: FastifyInstance): FastifySchemaCompiler<unknown> {
  return (route) => {
    const compile = app.validatorCompiler;
    if (!compile) throw new Error('The app has no validator compiler to wrap');
    const validate = compile(route) as ((data: unknown) => boolean) & { errors?: ValidationError[] | null };
    const wrapped = (data: unknown): boolean => {
      const valid = validate(data);
      wrapped.errors = valid ? null : collapseOneOfErrors(validate.errors ?? []);
      return valid;
    };
    wrapped.errors = null as ValidationError[] | null;
    return wrapped;
  };
}
