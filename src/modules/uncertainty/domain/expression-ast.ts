/**
 * Syntax tree of a measurement model `Y = f(X1..XN)`, shared by the parser, the evaluators
 * and the differentiator. Every node keeps the character offset it came from so that domain
 * errors found at evaluation time can point back into the user's text.
 */

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type FunctionName =
  | 'sqrt' | 'exp' | 'ln' | 'log10' | 'sin' | 'cos' | 'tan'
  | 'asin' | 'acos' | 'atan' | 'atan2' | 'abs' | 'min' | 'max';

export type UnaryFunctionName = Exclude<FunctionName, 'atan2' | 'min' | 'max'>;

export type ExprNode =
  | { readonly kind: 'number'; readonly value: number; readonly pos: number }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e'; readonly value: number; readonly pos: number }
  | { readonly kind: 'input'; readonly name: string; readonly index: number; readonly pos: number }
  | { readonly kind: 'negate'; readonly arg: ExprNode; readonly pos: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: ExprNode;
      readonly right: ExprNode;
      readonly pos: number;
    }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly ExprNode[]; readonly pos: number };

/** Arity [min, max] of each function; `log` is accepted as an alias of `ln`. */
export const FUNCTION_ARITY: Readonly<Record<FunctionName, readonly [number, number]>> = {
  sqrt: [1, 1], exp: [1, 1], ln: [1, 1], log10: [1, 1],
  sin: [1, 1], cos: [1, 1], tan: [1, 1], asin: [1, 1], acos: [1, 1], atan: [1, 1],
  atan2: [2, 2], abs: [1, 1], min: [2, Infinity], max: [2, Infinity],
};

/** Alternative spellings accepted by the parser. */
export const FUNCTION_ALIASES: Readonly<Record<string, FunctionName>> = { log: 'ln' };

/** Named constants of the model language. */
export const CONSTANTS: Readonly<Record<'pi' | 'e', number>> = { pi: Math.PI, e: Math.E };

/** Names a model input may not take, because the grammar already gives them a meaning. */
export function isReservedName(name: string): boolean {
  return name in FUNCTION_ARITY || name in FUNCTION_ALIASES || name in CONSTANTS;
}

/** True when the subtree depends on no input, so it can be folded to a constant. */
export function isConstantTree(node: ExprNode): boolean {
  switch (node.kind) {
    case 'number':
    case 'constant':
      return true;
    case 'input':
      return false;
    case 'negate':
      return isConstantTree(node.arg);
    case 'binary':
      return isConstantTree(node.left) && isConstantTree(node.right);
    case 'call':
      return node.args.every(isConstantTree);
  }
}

/** Indices of the inputs the expression refers to. */
export function collectInputIndices(node: ExprNode, into: Set<number> = new Set()): Set<number> {
  switch (node.kind) {
    case 'input':
      into.add(node.index);
      break;
    case 'negate':
      collectInputIndices(node.arg, into);
      break;
    case 'binary':
      collectInputIndices(node.left, into);
      collectInputIndices(node.right, into);
      break;
    case 'call':
      for (const a of node.args) collectInputIndices(a, into);
      break;
    default:
      break;
  }
  return into;
}

const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 };

/**
 * Prints a tree back to model syntax with only the parentheses it needs, so that
 * `parse(format(t))` gives a tree that evaluates identically to `t`.
 */
export function formatExpression(node: ExprNode): string {
  return formatAt(node, 0);
}

function formatAt(node: ExprNode, parentPrecedence: number): string {
  switch (node.kind) {
    case 'number':
      return formatNumber(node.value);
    case 'constant':
    case 'input':
      return node.name;
    case 'negate': {
      // Unary minus binds looser than ^ and tighter than * and /.
      const text = `-${formatAt(node.arg, 3)}`;
      return parentPrecedence > 3 ? `(${text})` : text;
    }
    case 'binary': {
      const p = PRECEDENCE[node.op];
      // ^ is right-associative; the others are left-associative.
      const leftP = node.op === '^' ? p + 1 : p;
      const rightP = node.op === '^' ? p : p + 1;
      const text = `${formatAt(node.left, leftP)} ${node.op} ${formatAt(node.right, rightP)}`;
      return p < parentPrecedence ? `(${text})` : text;
    }
    case 'call':
      return `${node.fn}(${node.args.map((a) => formatAt(a, 0)).join(', ')})`;
  }
}

function formatNumber(value: number): string {
  // Negative literals do not exist in the grammar; a folded negative prints as a negation.
  const text = String(Math.abs(value));
  return value < 0 || Object.is(value, -0) ? `(-${text})` : text;
}
