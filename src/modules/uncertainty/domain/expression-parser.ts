/**
 * Recursive-descent parser for measurement models. User text is only ever tokenised and
 * parsed here; nothing is handed to eval or Function.
 *
 * Grammar (lowest precedence first; ^ is right-associative and binds tighter than unary minus,
 * so -x^2 = -(x^2) and 2^-1 = 0.5):
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := ('-' | '+') unary | power
 *   power      := primary ('^' unary)?
 *   primary    := number | name | name '(' expression (',' expression)* ')' | '(' expression ')'
 */
import {
  CONSTANTS,
  FUNCTION_ALIASES,
  FUNCTION_ARITY,
  type ExprNode,
  type FunctionName,
} from './expression-ast.js';
import { UncertaintyModelError } from './errors.js';

const MAX_MODEL_LENGTH = 10_000;
/** Deep enough for any real model; stops hostile input from exhausting the stack. */
const MAX_DEPTH = 200;

type TokenType = 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end';

interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly pos: number;
  readonly value: number;
}

const NUMBER_RE = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME_RE = /[\p{ID_Start}_][\p{ID_Continue}]*/uy;
const SPACE_RE = /\s+/y;

function syntaxError(message: string, pos: number, extra: Record<string, unknown> = {}): UncertaintyModelError {
  return new UncertaintyModelError('LIMS_UNCERTAINTY_MODEL_SYNTAX', `Syntax error at position ${pos}: ${message}`, {
    position: pos,
    ...extra,
  });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    SPACE_RE.lastIndex = pos;
    if (SPACE_RE.test(source)) {
      pos = SPACE_RE.lastIndex;
      continue;
    }
    const ch = source[pos] as string;
    NUMBER_RE.lastIndex = pos;
    const num = NUMBER_RE.exec(source);
    if (num) {
      const after = source[NUMBER_RE.lastIndex];
      if (after !== undefined && /[\p{ID_Continue}.]/u.test(after)) {
        throw syntaxError(`malformed number '${num[0]}${after}'`, pos, { found: num[0] + after });
      }
      tokens.push({ type: 'number', text: num[0], pos, value: Number(num[0]) });
      pos = NUMBER_RE.lastIndex;
      continue;
    }
    NAME_RE.lastIndex = pos;
    const name = NAME_RE.exec(source);
    if (name) {
      tokens.push({ type: 'name', text: name[0], pos, value: NaN });
      pos = NAME_RE.lastIndex;
      continue;
    }
    if ('+-*/^'.includes(ch)) tokens.push({ type: 'op', text: ch, pos, value: NaN });
    else if (ch === '(' || ch === ')' || ch === ',') tokens.push({ type: ch, text: ch, pos, value: NaN });
    else throw syntaxError(`unexpected character '${ch}'`, pos, { found: ch });
    pos += 1;
  }
  tokens.push({ type: 'end', text: '', pos: source.length, value: NaN });
  return tokens;
}

function describe(token: Token): string {
  return token.type === 'end' ? 'end of expression' : `'${token.text}'`;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly inputIndex: ReadonlyMap<string, number>,
  ) {}

  parseModel(): ExprNode {
    const node = this.expression();
    const next = this.peek();
    if (next.type !== 'end') {
      throw syntaxError(`unexpected ${describe(next)} after a complete expression`, next.pos, { found: next.text });
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === text;
  }

  private enter(pos: number): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw syntaxError(`expression nested more than ${MAX_DEPTH} levels deep`, pos);
  }

  private expression(): ExprNode {
    this.enter(this.peek().pos);
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.take();
      left = { kind: 'binary', op: op.text as '+' | '-', left, right: this.term(), pos: op.pos };
    }
    this.depth -= 1;
    return left;
  }

  private term(): ExprNode {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.take();
      left = { kind: 'binary', op: op.text as '*' | '/', left, right: this.unary(), pos: op.pos };
    }
    return left;
  }

  private unary(): ExprNode {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.take();
      this.enter(op.pos);
      const arg = this.unary();
      this.depth -= 1;
      return op.text === '-' ? { kind: 'negate', arg, pos: op.pos } : arg;
    }
    return this.power();
  }

  private power(): ExprNode {
    const base = this.primary();
    if (!this.isOp('^')) return base;
    const op = this.take();
    this.enter(op.pos);
    const exponent = this.unary();
    this.depth -= 1;
    return { kind: 'binary', op: '^', left: base, right: exponent, pos: op.pos };
  }

  private primary(): ExprNode {
    const token = this.take();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value, pos: token.pos };
      case '(': {
        const inner = this.expression();
        this.expect(')', token.pos);
        return inner;
      }
      case 'name':
        return this.name(token);
      default:
        throw syntaxError(`expected a number, a name or '(' but found ${describe(token)}`, token.pos, {
          found: token.text,
        });
    }
  }

  private name(token: Token): ExprNode {
    const fn = (FUNCTION_ALIASES[token.text] ?? (token.text in FUNCTION_ARITY ? token.text : undefined)) as
      | FunctionName
      | undefined;
    if (this.peek().type === '(') {
      if (fn === undefined) {
        throw new UncertaintyModelError(
          'LIMS_UNCERTAINTY_UNKNOWN_NAME',
          `Unknown function '${token.text}' at position ${token.pos}`,
          { name: token.text, position: token.pos, kind: 'function' },
        );
      }
      return this.call(fn, token);
    }
    if (fn !== undefined) {
      throw syntaxError(`function '${token.text}' must be followed by '('`, token.pos, { name: token.text });
    }
    const index = this.inputIndex.get(token.text);
    if (index !== undefined) return { kind: 'input', name: token.text, index, pos: token.pos };
    if (token.text === 'pi' || token.text === 'e') {
      return { kind: 'constant', name: token.text, value: CONSTANTS[token.text], pos: token.pos };
    }
    const suggestion = closestName(token.text, [...this.inputIndex.keys()]);
    throw new UncertaintyModelError(
      'LIMS_UNCERTAINTY_UNKNOWN_NAME',
      `Unknown name '${token.text}' at position ${token.pos}` +
        (suggestion ? ` (did you mean '${suggestion}'?)` : ': it is neither an input nor a constant'),
      { name: token.text, position: token.pos, kind: 'input', ...(suggestion ? { suggestion } : {}) },
    );
  }

  private call(fn: FunctionName, nameToken: Token): ExprNode {
    const open = this.take();
    this.enter(open.pos);
    const args: ExprNode[] = [];
    if (this.peek().type !== ')') {
      args.push(this.expression());
      while (this.peek().type === ',') {
        this.take();
        args.push(this.expression());
      }
    }
    this.expect(')', open.pos);
    this.depth -= 1;
    const [min, max] = FUNCTION_ARITY[fn];
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new UncertaintyModelError(
        'LIMS_UNCERTAINTY_ARITY',
        `Function '${nameToken.text}' at position ${nameToken.pos} takes ${expected} argument(s), got ${args.length}`,
        { name: nameToken.text, position: nameToken.pos, expected, received: args.length },
      );
    }
    return { kind: 'call', fn, args, pos: nameToken.pos };
  }

  private expect(type: TokenType, openedAt: number): void {
    const token = this.peek();
    if (token.type !== type) {
      throw syntaxError(
        `expected '${type}' (to close the '(' at position ${openedAt}) but found ${describe(token)}`,
        token.pos,
        { expected: type, found: token.text },
      );
    }
    this.take();
  }
}

/**
 * Parses a model expression over the given input names.
 * @throws UncertaintyModelError LIMS_UNCERTAINTY_MODEL_SYNTAX (with `details.position`, a 0-based
 *   character offset), LIMS_UNCERTAINTY_UNKNOWN_NAME or LIMS_UNCERTAINTY_ARITY.
 */
export function parseExpression(source: string, inputNames: readonly string[]): ExprNode {
  if (source.length > MAX_MODEL_LENGTH) {
    throw syntaxError(`the model is longer than ${MAX_MODEL_LENGTH} characters`, MAX_MODEL_LENGTH);
  }
  const tokens = tokenize(source);
  if (tokens.length === 1) throw syntaxError('the model is empty', 0);
  const inputIndex = new Map(inputNames.map((name, i) => [name, i] as const));
  return new Parser(tokens, inputIndex).parseModel();
}

/** Nearest known name within two edits, for a "did you mean" hint on a typo. */
function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}
