/**
 * Turns model text into a compiled model: a checked scalar evaluator (used once, at the
 * estimates, where a domain error must be reported precisely), exact derivatives for the GUM,
 * and a vectorised evaluator for Monte Carlo.
 */
import { collectInputIndices, isReservedName, type ExprNode } from './expression-ast.js';
import { UNARY_VALUE } from './elementary-functions.js';
import { UncertaintyModelError, invalidInput } from './errors.js';
import { createBatchEvaluator, type BatchEvaluator } from './batch-evaluator.js';
import { parseExpression } from './expression-parser.js';
import { gradient, partialDerivatives } from './multi-dual.js';

export interface CompiledModel {
  readonly source: string;
  readonly ast: ExprNode;
  readonly inputNames: readonly string[];
  /** used[i] is false for an input the model never mentions. */
  readonly used: readonly boolean[];
  /** Value at a point, with domain errors raised as LIMS_UNCERTAINTY_DOMAIN. */
  evaluate(point: ArrayLike<number>): number;
  /** Non-fatal findings at a point (kinks of abs/min/max where the linearisation is doubtful). */
  inspect(point: ArrayLike<number>): string[];
  /** Exact gradient at a point. */
  gradient(point: ArrayLike<number>): Float64Array;
  /** Exact mixed partial derivative along up to three input indices, e.g. [i, j, j]. */
  derivative(point: ArrayLike<number>, directions: readonly number[]): number;
  /** Vectorised evaluator over columns of trials, for Monte Carlo. */
  createBatchEvaluator(chunkSize: number): BatchEvaluator;
}

/**
 * Parses and compiles a model over the named inputs.
 * @throws UncertaintyModelError with code LIMS_UNCERTAINTY_MODEL_SYNTAX, _UNKNOWN_NAME, _ARITY or
 *   _INVALID_INPUT (duplicate or reserved input names).
 */
export function compileModel(source: string, inputNames: readonly string[]): { model: CompiledModel; warnings: string[] } {
  validateNames(inputNames);
  const ast = parseExpression(source, inputNames);
  const usedSet = collectInputIndices(ast);
  const used = inputNames.map((_, i) => usedSet.has(i));
  const warnings = inputNames
    .filter((_, i) => !used[i])
    .map((name) => `Input '${name}' is not used by the model; its contribution is zero.`);
  const model: CompiledModel = {
    source,
    ast,
    inputNames,
    used,
    evaluate: (point) => evaluateChecked(ast, point, inputNames, []),
    inspect: (point) => {
      const notes: string[] = [];
      evaluateChecked(ast, point, inputNames, notes);
      return notes;
    },
    gradient: (point) => gradient(ast, point, inputNames.length),
    derivative: (point, directions) => {
      const d = partialDerivatives(ast, point, directions);
      return d[d.length - 1] as number;
    },
    createBatchEvaluator: (chunkSize) => createBatchEvaluator(ast, inputNames.length, chunkSize),
  };
  return { model, warnings };
}

const NAME_RE = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

function validateNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!NAME_RE.test(name)) {
      throw invalidInput(`Input name '${name}' is not a valid identifier (letters, digits and _; not starting with a digit)`, {
        input: name,
      });
    }
    if (isReservedName(name)) {
      throw invalidInput(`Input name '${name}' is reserved for a function or constant of the model language`, {
        input: name,
      });
    }
    if (seen.has(name)) throw invalidInput(`Input '${name}' is declared more than once`, { input: name });
    seen.add(name);
  }
}

function domainError(message: string, node: ExprNode, details: Record<string, unknown> = {}): UncertaintyModelError {
  return new UncertaintyModelError(
    'LIMS_UNCERTAINTY_DOMAIN',
    `${message} at position ${node.pos} of the model, evaluated at the input estimates`,
    { position: node.pos, ...details },
  );
}

function evaluateChecked(node: ExprNode, x: ArrayLike<number>, names: readonly string[], notes: string[]): number {
  const value = evaluateNode(node, x, names, notes);
  if (!Number.isFinite(value)) throw domainError(`The model value is not finite (${value})`, node, { value });
  return value;
}

function evaluateNode(node: ExprNode, x: ArrayLike<number>, names: readonly string[], notes: string[]): number {
  const at = (n: ExprNode): number => evaluateChecked(n, x, names, notes);
  switch (node.kind) {
    case 'number':
    case 'constant':
      return node.value;
    case 'input':
      return x[node.index] as number;
    case 'negate':
      return -at(node.arg);
    case 'binary': {
      const a = at(node.left);
      const b = at(node.right);
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          if (b === 0) throw domainError('Division by zero', node);
          return a / b;
        case '^':
          return checkedPower(node, a, b);
      }
      break;
    }
    case 'call': {
      const args = node.args.map(at);
      const a = args[0] as number;
      switch (node.fn) {
        case 'ln':
        case 'log10':
          if (a <= 0) throw domainError(`${node.fn} of a non-positive value (${a})`, node, { argument: a });
          break;
        case 'sqrt':
          if (a < 0) throw domainError(`sqrt of a negative value (${a})`, node, { argument: a });
          break;
        case 'asin':
        case 'acos':
          if (Math.abs(a) > 1) throw domainError(`${node.fn} of a value outside [-1, 1] (${a})`, node, { argument: a });
          break;
        case 'atan2':
          if (a === 0 && args[1] === 0) throw domainError('atan2(0, 0) is undefined', node);
          return Math.atan2(a, args[1] as number);
        case 'abs':
          if (a === 0 && collectInputIndices(node).size > 0) {
            notes.push(`abs() at position ${node.pos} is evaluated at its kink (argument 0); the GUM linearisation is unreliable there, prefer Monte Carlo.`);
          }
          break;
        case 'min':
        case 'max':
          if (new Set(args).size < args.length && collectInputIndices(node).size > 0) {
            notes.push(`${node.fn}() at position ${node.pos} has tied arguments at the estimates; the GUM linearisation is unreliable there, prefer Monte Carlo.`);
          }
          return node.fn === 'min' ? Math.min(...args) : Math.max(...args);
      }
      return UNARY_VALUE[node.fn](a);
    }
  }
}

function checkedPower(node: ExprNode & { kind: 'binary' }, base: number, exponent: number): number {
  if (collectInputIndices(node.right).size > 0) {
    if (base <= 0) {
      throw domainError(`A power whose exponent depends on an input needs a positive base (got ${base})`, node, {
        argument: base,
      });
    }
  } else if (base < 0 && !Number.isInteger(exponent)) {
    throw domainError(`A negative base (${base}) raised to a non-integer power (${exponent})`, node, {
      argument: base,
    });
  } else if (base === 0 && exponent < 0) {
    throw domainError(`Zero raised to a negative power (${exponent})`, node, { argument: base });
  }
  return Math.pow(base, exponent);
}
