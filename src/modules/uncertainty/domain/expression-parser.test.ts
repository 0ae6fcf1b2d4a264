import { UncertaintyModelError } from './errors.js';
import { compileModel } from './expression-compiler.js';
import { formatExpression } from './expression-ast.js';
import { parseExpression } from './expression-parser.js';

const value = (source: string, names: string[] = [], x: number[] = []): number =>
  compileModel(source, names).model.evaluate(x);

function errorOf(fn: () => unknown): UncertaintyModelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UncertaintyModelError) return e;
    throw e;
  }
  throw new Error('expected an UncertaintyModelError');
}

describe('expression parser', () => {
  it('follows the usual precedence and associativity', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('8 / 4 / 2')).toBe(1);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('2 ^ 3 ^ 2')).toBe(512); // right-associative
    expect(value('-2 ^ 2')).toBe(-4); // ^ binds tighter than unary minus
    expect(value('2 ^ -1')).toBe(0.5);
    expect(value('--3 + +2')).toBe(5);
    expect(value('-x * y', ['x', 'y'], [2, 3])).toBe(-6);
  });

  it('reads numeric literals with exponents and the constants pi and e', () => {
    expect(value('1.2e-6')).toBe(1.2e-6);
    expect(value('.5 + 5. + 1E+2')).toBe(105.5);
    expect(value('pi')).toBe(Math.PI);
    expect(value('e')).toBe(Math.E);
  });

  it('evaluates every function, with log as an alias of ln', () => {
    const cases: Array<[string, number]> = [
      ['sqrt(16)', 4], ['exp(0)', 1], ['ln(e)', 1], ['log(e)', 1], ['log10(1000)', 3],
      ['sin(0)', 0], ['cos(0)', 1], ['tan(0)', 0], ['asin(1)', Math.PI / 2], ['acos(1)', 0],
      ['atan(1)', Math.PI / 4], ['atan2(1, -1)', (3 * Math.PI) / 4], ['abs(-3)', 3],
      ['min(3, 1, 2)', 1], ['max(3, 1, 2)', 3],
    ];
    for (const [source, expected] of cases) expect(value(source)).toBeCloseTo(expected, 14);
  });

  it('accepts Unicode identifiers and whitespace of any kind', () => {
    expect(value('α_s *\n\tθ', ['α_s', 'θ'], [2, 3])).toBe(6);
  });

  it('reports syntax errors with the character offset', () => {
    const cases: Array<[string, number]> = [
      ['1 +', 3],
      ['(1 + 2', 6],
      ['1 + * 2', 4],
      ['x y', 2],
      ['2 # 3', 2],
      ['sqrt 2', 0],
      ['1.2.3', 0],
      ['2x', 0],
      ['', 0],
      ['min(1,)', 6],
    ];
    for (const [source, position] of cases) {
      const error = errorOf(() => parseExpression(source, ['x', 'y', 'f']));
      expect([source, error.code]).toEqual([source, 'LIMS_UNCERTAINTY_MODEL_SYNTAX']);
      expect([source, error.details.position]).toEqual([source, position]);
    }
  });

  it('names unknown inputs and functions, with a suggestion for near misses', () => {
    const unknown = errorOf(() => parseExpression('ls + dbar', ['ls', 'd_bar']));
    expect(unknown.code).toBe('LIMS_UNCERTAINTY_UNKNOWN_NAME');
    expect(unknown.details).toMatchObject({ name: 'dbar', position: 5, suggestion: 'd_bar' });
    expect(unknown.message).toContain("did you mean 'd_bar'");
    const fn = errorOf(() => parseExpression('cosh(1)', []));
    expect(fn.code).toBe('LIMS_UNCERTAINTY_UNKNOWN_NAME');
    expect(fn.details).toMatchObject({ name: 'cosh', kind: 'function' });
  });

  it('rejects a wrong number of function arguments', () => {
    for (const source of ['sqrt(1, 2)', 'atan2(1)', 'min(1)', 'exp()']) {
      const error = errorOf(() => parseExpression(source, []));
      expect([source, error.code]).toEqual([source, 'LIMS_UNCERTAINTY_ARITY']);
    }
  });

  it('rejects hostile nesting without exhausting the stack', () => {
    const error = errorOf(() => parseExpression('('.repeat(5000) + '1' + ')'.repeat(5000), []));
    expect(error.code).toBe('LIMS_UNCERTAINTY_MODEL_SYNTAX');
  });

  it('prints trees back with only the parentheses they need', () => {
    const source = '-(a + b) * c ^ (d - 1) / (e1 - -a) ^ 2 ^ b';
    const names = ['a', 'b', 'c', 'd', 'e1'];
    const printed = formatExpression(parseExpression(source, names));
    expect(printed).toBe('-(a + b) * c ^ (d - 1) / (e1 - -a) ^ 2 ^ b');
    expect(formatExpression(parseExpression(printed, names))).toBe(printed);
  });
});

describe('model compilation', () => {
  it('rejects duplicate, reserved and malformed input names', () => {
    expect(errorOf(() => compileModel('x', ['x', 'x'])).code).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
    expect(errorOf(() => compileModel('pi', ['pi'])).details).toEqual({ input: 'pi' });
    expect(errorOf(() => compileModel('sqrt(4)', ['sqrt'])).code).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
    expect(errorOf(() => compileModel('1', ['2x'])).code).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
  });

  it('warns about inputs the model does not use', () => {
    const { model, warnings } = compileModel('a * 2', ['a', 'b']);
    expect(model.used).toEqual([true, false]);
    expect(warnings).toEqual([expect.stringContaining("'b' is not used")]);
  });

  it('reports domain errors at the estimates with the position of the offending operation', () => {
    const cases: Array<[string, number[], number]> = [
      ['1 + ln(x)', [-1], 4],
      ['sqrt(x - 2)', [1], 0],
      ['y / (x - 1)', [1, 2], 2],
      ['asin(x)', [1.5], 0],
      ['x ^ 0.5', [-4], 2],
      ['x ^ -1', [0], 2],
      ['2 ^ x + (-2) ^ x', [1], 13],
      ['atan2(x, x)', [0], 0],
      ['log10(x)', [0], 0],
      ['exp(x)', [1000], 0],
    ];
    for (const [source, x, position] of cases) {
      const { model } = compileModel(source, ['x', 'y']);
      const error = errorOf(() => model.evaluate([...x, 0, 0]));
      expect([source, error.code, error.details.position]).toEqual([source, 'LIMS_UNCERTAINTY_DOMAIN', position]);
      expect(error.message).toMatch(/at position \d+ of the model/);
    }
  });

  it('allows integer powers of negative numbers', () => {
    expect(compileModel('x ^ 3', ['x']).model.evaluate([-2])).toBe(-8);
  });

  it('flags kinks of abs, min and max at the estimates', () => {
    const { model } = compileModel('abs(x) + max(x, y)', ['x', 'y']);
    expect(model.inspect([0, 0])).toHaveLength(2);
    expect(model.inspect([1, 0])).toHaveLength(0);
  });
});
