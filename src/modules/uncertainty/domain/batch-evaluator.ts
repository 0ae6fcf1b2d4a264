/**
 * Vectorised model evaluation for Monte Carlo. Each tree node becomes one tight loop over a
 * chunk of trials held in a Float64Array, so the per-trial cost is a few array operations per
 * node instead of a chain of closure calls; constant subtrees are folded once. Every loop is
 * written out as its own function literal so that V8 keeps each call site monomorphic.
 */
import { isConstantTree, type BinaryOperator, type ExprNode } from './expression-ast.js';
import { UNARY_VALUE } from './elementary-functions.js';

/**
 * Math functions bound once: inside a vm context (jest, some sandboxes) every read of the
 * global `Math` goes through a slow interceptor, which would dominate the hot loops.
 */
const { abs, acos, asin, atan, atan2, cos, exp, log, log10, max, min, pow, sin, sqrt, tan } = Math;

export interface BatchEvaluator {
  readonly chunkSize: number;
  /** One buffer per model input; fill the first n entries before calling run(n). */
  readonly inputs: readonly Float64Array[];
  /** Holds the model values of the first n trials after run(n). */
  readonly output: Float64Array;
  run(n: number): void;
}

type Operand = { readonly constant: number; readonly buf?: undefined } | { readonly buf: Float64Array };
type Op = (n: number) => void;

/** Plain (unchecked) scalar value of a constant subtree. */
function fold(node: ExprNode): number {
  switch (node.kind) {
    case 'number':
    case 'constant':
      return node.value;
    case 'input':
      return NaN;
    case 'negate':
      return -fold(node.arg);
    case 'binary':
      return applyBinary(node.op, fold(node.left), fold(node.right));
    case 'call': {
      const args = node.args.map(fold);
      if (node.fn === 'min') return min(...args);
      if (node.fn === 'max') return max(...args);
      if (node.fn === 'atan2') return atan2(args[0] as number, args[1] as number);
      return UNARY_VALUE[node.fn](args[0] as number);
    }
  }
}

function applyBinary(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return pow(a, b);
  }
}

function binaryBufBuf(op: BinaryOperator, a: Float64Array, b: Float64Array, o: Float64Array): Op {
  switch (op) {
    case '+': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) + (b[i] as number); };
    case '-': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) - (b[i] as number); };
    case '*': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) * (b[i] as number); };
    case '/': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) / (b[i] as number); };
    case '^': return (n) => { for (let i = 0; i < n; i++) o[i] = pow(a[i] as number, b[i] as number); };
  }
}

function binaryBufConst(op: BinaryOperator, a: Float64Array, c: number, o: Float64Array): Op {
  switch (op) {
    case '+': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) + c; };
    case '-': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) - c; };
    case '*': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) * c; };
    case '/': return (n) => { for (let i = 0; i < n; i++) o[i] = (a[i] as number) / c; };
    case '^': return powerConst(a, c, o);
  }
}

function binaryConstBuf(op: BinaryOperator, c: number, b: Float64Array, o: Float64Array): Op {
  switch (op) {
    case '+': return (n) => { for (let i = 0; i < n; i++) o[i] = c + (b[i] as number); };
    case '-': return (n) => { for (let i = 0; i < n; i++) o[i] = c - (b[i] as number); };
    case '*': return (n) => { for (let i = 0; i < n; i++) o[i] = c * (b[i] as number); };
    case '/': return (n) => { for (let i = 0; i < n; i++) o[i] = c / (b[i] as number); };
    case '^': return (n) => { for (let i = 0; i < n; i++) o[i] = pow(c, b[i] as number); };
  }
}

function powerConst(a: Float64Array, c: number, o: Float64Array): Op {
  if (c === 2) return (n) => { for (let i = 0; i < n; i++) { const v = a[i] as number; o[i] = v * v; } };
  if (c === 3) return (n) => { for (let i = 0; i < n; i++) { const v = a[i] as number; o[i] = v * v * v; } };
  if (c === 0.5) return (n) => { for (let i = 0; i < n; i++) o[i] = sqrt(a[i] as number); };
  if (c === -1) return (n) => { for (let i = 0; i < n; i++) o[i] = 1 / (a[i] as number); };
  return (n) => { for (let i = 0; i < n; i++) o[i] = pow(a[i] as number, c); };
}

function unary(fn: string, a: Float64Array, o: Float64Array): Op {
  switch (fn) {
    case 'sqrt': return (n) => { for (let i = 0; i < n; i++) o[i] = sqrt(a[i] as number); };
    case 'exp': return (n) => { for (let i = 0; i < n; i++) o[i] = exp(a[i] as number); };
    case 'ln': return (n) => { for (let i = 0; i < n; i++) o[i] = log(a[i] as number); };
    case 'log10': return (n) => { for (let i = 0; i < n; i++) o[i] = log10(a[i] as number); };
    case 'sin': return (n) => { for (let i = 0; i < n; i++) o[i] = sin(a[i] as number); };
    case 'cos': return (n) => { for (let i = 0; i < n; i++) o[i] = cos(a[i] as number); };
    case 'tan': return (n) => { for (let i = 0; i < n; i++) o[i] = tan(a[i] as number); };
    case 'asin': return (n) => { for (let i = 0; i < n; i++) o[i] = asin(a[i] as number); };
    case 'acos': return (n) => { for (let i = 0; i < n; i++) o[i] = acos(a[i] as number); };
    case 'atan': return (n) => { for (let i = 0; i < n; i++) o[i] = atan(a[i] as number); };
    case 'abs': return (n) => { for (let i = 0; i < n; i++) o[i] = abs(a[i] as number); };
    case 'neg': return (n) => { for (let i = 0; i < n; i++) o[i] = -(a[i] as number); };
    default: throw new Error(`no vectorised form for ${fn}`);
  }
}

function pairwise(fn: 'min' | 'max' | 'atan2', a: Float64Array, b: Float64Array, o: Float64Array): Op {
  switch (fn) {
    case 'min': return (n) => { for (let i = 0; i < n; i++) o[i] = min(a[i] as number, b[i] as number); };
    case 'max': return (n) => { for (let i = 0; i < n; i++) o[i] = max(a[i] as number, b[i] as number); };
    case 'atan2': return (n) => { for (let i = 0; i < n; i++) o[i] = atan2(a[i] as number, b[i] as number); };
  }
}

/**
 * Compiles a model tree into a chunked evaluator over `inputCount` input columns. Results
 * equal the scalar evaluation up to the last bit (x^2 is computed as x*x, x^0.5 as sqrt).
 */
export function createBatchEvaluator(ast: ExprNode, inputCount: number, chunkSize: number): BatchEvaluator {
  const inputs = Array.from({ length: inputCount }, () => new Float64Array(chunkSize));
  const ops: Op[] = [];
  const fresh = (): Float64Array => new Float64Array(chunkSize);
  const asBuffer = (operand: Operand): Float64Array => {
    if (operand.buf) return operand.buf;
    const buf = fresh();
    buf.fill(operand.constant);
    return buf; // never written by a loop, so filling once is enough
  };

  const compile = (node: ExprNode): Operand => {
    if (isConstantTree(node)) return { constant: fold(node) };
    switch (node.kind) {
      case 'input':
        return { buf: inputs[node.index] as Float64Array };
      case 'negate': {
        const o = fresh();
        ops.push(unary('neg', asBuffer(compile(node.arg)), o));
        return { buf: o };
      }
      case 'binary': {
        const left = compile(node.left);
        const right = compile(node.right);
        const o = fresh();
        if (left.buf && right.buf) ops.push(binaryBufBuf(node.op, left.buf, right.buf, o));
        else if (left.buf) ops.push(binaryBufConst(node.op, left.buf, (right as { constant: number }).constant, o));
        else ops.push(binaryConstBuf(node.op, left.constant, right.buf as Float64Array, o));
        return { buf: o };
      }
      case 'call': {
        const args = node.args.map((a) => asBuffer(compile(a)));
        if (node.fn === 'min' || node.fn === 'max' || node.fn === 'atan2') {
          let acc = args[0] as Float64Array;
          for (const next of args.slice(1)) {
            const o = fresh();
            ops.push(pairwise(node.fn, acc, next, o));
            acc = o;
          }
          return { buf: acc };
        }
        const o = fresh();
        ops.push(unary(node.fn, args[0] as Float64Array, o));
        return { buf: o };
      }
      default:
        throw new Error('unreachable: constants are folded');
    }
  };

  const root = compile(ast);
  const output = root.buf ?? asBuffer(root);
  return {
    chunkSize,
    inputs,
    output,
    run(n: number): void {
      for (const op of ops) op(n);
    },
  };
}
