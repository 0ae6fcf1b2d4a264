/**
 * Property tests of the model language: random trees printed and re-parsed evaluate
 * identically, the vectorised evaluator agrees with a plain recursive evaluator, and exact
 * derivatives agree with extrapolated central differences (used here only as a test oracle).
 */
import fc from 'fast-check';
import { createBatchEvaluator } from './batch-evaluator.js';
import { formatExpression, type ExprNode, type FunctionName } from './expression-ast.js';
import { compileModel } from './expression-compiler.js';
import { parseExpression } from './expression-parser.js';
import { partialDerivatives } from './multi-dual.js';

const NAMES = ['x0', 'x1', 'x2'];
const pos = 0;

const input = fc.integer({ min: 0, max: 2 }).map((index): ExprNode => ({ kind: 'input', name: NAMES[index] as string, index, pos }));
const literal = fc.double({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true }).map((value): ExprNode => ({ kind: 'number', value, pos }));
const constant = fc.constantFrom<'pi' | 'e'>('pi', 'e').map((name): ExprNode => ({ kind: 'constant', name, value: name === 'pi' ? Math.PI : Math.E, pos }));
const bin = (op: '+' | '-' | '*' | '/' | '^', left: ExprNode, right: ExprNode): ExprNode => ({ kind: 'binary', op, left, right, pos });
const call = (fn: FunctionName, ...args: ExprNode[]): ExprNode => ({ kind: 'call', fn, args, pos });
const num = (value: number): ExprNode => ({ kind: 'number', value, pos });

/** Any tree the grammar can express (values may be NaN or infinite). */
const anyTree = fc.letrec<{ node: ExprNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    input,
    literal,
    constant,
    tie('node').map((arg): ExprNode => ({ kind: 'negate', arg, pos })),
    fc.tuple(fc.constantFrom<'+' | '-' | '*' | '/' | '^'>('+', '-', '*', '/', '^'), tie('node'), tie('node')).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(fc.constantFrom<FunctionName>('sqrt', 'exp', 'ln', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'abs'), tie('node')).map(([fn, a]) => call(fn, a)),
    fc.tuple(fc.constantFrom<FunctionName>('atan2', 'min', 'max'), tie('node'), tie('node')).map(([fn, a, b]) => call(fn, a, b)),
  ),
})).node;

/** Smooth, everywhere-defined trees for the derivative oracle. */
const smoothTree = fc.letrec<{ node: ExprNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    input,
    fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true }).map(num),
    tie('node').map((arg): ExprNode => ({ kind: 'negate', arg, pos })),
    fc.tuple(fc.constantFrom<'+' | '-' | '*'>('+', '-', '*'), tie('node'), tie('node')).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => bin('/', a, bin('+', num(2), call('cos', b)))),
    fc.tuple(fc.constantFrom<FunctionName>('sin', 'cos', 'atan'), tie('node')).map(([fn, a]) => call(fn, a)),
    tie('node').map((a) => call('exp', call('sin', a))),
    tie('node').map((a) => call('sqrt', bin('+', num(1), bin('^', a, num(2))))),
    tie('node').map((a) => call('ln', bin('+', num(1.5), call('sin', a)))),
    fc.tuple(tie('node'), fc.constantFrom(2, 3)).map(([a, k]) => bin('^', a, num(k))),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => bin('^', bin('+', num(2), call('sin', a)), call('cos', b))),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => call('atan2', bin('+', num(3), call('sin', a)), call('cos', b))),
  ),
})).node;

const point = fc.tuple(
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.double({ min: -2, max: 2, noNaN: true }),
);

/** Straightforward reference evaluator, independent of the engine's evaluators. */
function reference(node: ExprNode, x: readonly number[]): number {
  switch (node.kind) {
    case 'number':
    case 'constant':
      return node.value;
    case 'input':
      return x[node.index] as number;
    case 'negate':
      return -reference(node.arg, x);
    case 'binary': {
      const a = reference(node.left, x);
      const b = reference(node.right, x);
      return { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '^': Math.pow(a, b) }[node.op];
    }
    case 'call': {
      const args = node.args.map((a) => reference(a, x));
      const f: Record<FunctionName, (...v: number[]) => number> = {
        sqrt: Math.sqrt, exp: Math.exp, ln: Math.log, log10: Math.log10, sin: Math.sin, cos: Math.cos,
        tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan, atan2: Math.atan2,
        abs: Math.abs, min: Math.min, max: Math.max,
      };
      return f[node.fn](...args);
    }
  }
}

function batchValue(node: ExprNode, x: readonly number[]): number {
  const evaluator = createBatchEvaluator(node, 3, 4);
  evaluator.inputs.forEach((col, i) => col.fill(x[i] as number));
  evaluator.run(4);
  return evaluator.output[3] as number;
}

const close = (a: number, b: number, rel: number): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

describe('model language properties', () => {
  it('printing and re-parsing a tree preserves its value', () => {
    fc.assert(
      fc.property(anyTree, point, (tree, x) => {
        const printed = formatExpression(tree);
        const reparsed = parseExpression(printed, NAMES);
        // Generated negative literals print as (-c) and come back as negations, so the fixed
        // point of printing is reached from the first re-parsed tree.
        const canonical = formatExpression(reparsed);
        expect(formatExpression(parseExpression(canonical, NAMES))).toBe(canonical);
        const a = reference(tree, x);
        const b = reference(reparsed, x);
        expect(Object.is(a, b) || (a === 0 && b === 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('the vectorised evaluator agrees with a plain recursive evaluation', () => {
    fc.assert(
      fc.property(anyTree, point, (tree, x) => {
        expect(close(batchValue(tree, x), reference(tree, x), 1e-12)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('exact first, second and third derivatives agree with extrapolated central differences', () => {
    // Central differences extrapolated twice (error O(h^6)); the spread between two step sizes
    // estimates the oracle's own error, which widens the tolerance for wildly curved trees.
    const oracle = (f: (t: number) => number, t: number): { value: number; error: number } => {
      const d = (s: number): number => (f(t + s) - f(t - s)) / (2 * s);
      const r = (h: number): number => {
        const [a, b, c] = [d(h), d(h / 2), d(h / 4)];
        const ab = (4 * b - a) / 3;
        const bc = (4 * c - b) / 3;
        return (16 * bc - ab) / 15;
      };
      const h = 1e-2 * Math.max(1, Math.abs(t));
      const fine = r(h / 2);
      return { value: fine, error: Math.abs(fine - r(h)) };
    };
    const agrees = (exact: number, o: { value: number; error: number }, rel: number): boolean =>
      Math.abs(exact - o.value) <= rel * Math.max(1, Math.abs(exact)) + 10 * o.error;
    fc.assert(
      fc.property(smoothTree, point, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (tree, x, i, j) => {
        const along = (k: number, t: number): number[] => x.map((v, m) => (m === k ? t : v));
        const d1 = (p: number[]): number => partialDerivatives(tree, p, [i])[1] as number;
        const d2 = (p: number[]): number => partialDerivatives(tree, p, [i, j])[3] as number;
        const d3 = partialDerivatives(tree, x, [i, j, j])[7] as number;
        expect(agrees(d1(x), oracle((t) => reference(tree, along(i, t)), x[i] as number), 1e-7)).toBe(true);
        expect(agrees(d2(x), oracle((t) => d1(along(j, t)), x[j] as number), 1e-7)).toBe(true);
        expect(agrees(d3, oracle((t) => d2(along(j, t)), x[j] as number), 1e-7)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the compiled gradient matches the single-direction derivatives', () => {
    const { model } = compileModel('x0 * sin(x1) + x2 ^ 2 / exp(x0)', NAMES);
    const g = model.gradient([0.3, 1.1, -0.7]);
    expect(g[0]).toBeCloseTo(Math.sin(1.1) - 0.49 / Math.exp(0.3), 14);
    expect(g[1]).toBeCloseTo(0.3 * Math.cos(1.1), 14);
    expect(g[2]).toBeCloseTo((2 * -0.7) / Math.exp(0.3), 14);
    expect(model.derivative([0.3, 1.1, -0.7], [0, 1])).toBeCloseTo(Math.cos(1.1), 14);
    expect(model.derivative([0.3, 1.1, -0.7], [2, 2])).toBeCloseTo(2 / Math.exp(0.3), 14);
    expect(model.derivative([0.3, 1.1, -0.7], [1, 1, 1])).toBeCloseTo(-0.3 * Math.cos(1.1), 14);
  });

  it('differentiates abs, min, max and atan2 on the branch taken at the point', () => {
    const { model } = compileModel('abs(x0) + min(x0, x1) * 2 + atan2(x1, x0)', NAMES);
    const g = model.gradient([-1, 0.5, 0]);
    // d/dx0: sign(-1) + 2 * [x0 < x1] + d atan2(y, x)/dx = -y/(x^2 + y^2)
    expect(g[0]).toBeCloseTo(-1 + 2 - 0.5 / 1.25, 14);
    expect(g[1]).toBeCloseTo(-1 / 1.25, 14);
  });
});
