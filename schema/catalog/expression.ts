/**
 * Formulas of the catalog: arithmetic over measure codes, e.g. `VISITS_PRIMARY_CARE`,
 * `A + B + C`, `(A - B) / C`, and `PREV(expr)`: the same expression for the same period one
 * year earlier (年增长率 = (A − PREV(A)) / PREV(A)). Parsed once into a tree; evaluated with
 * missing-value semantics (any missing operand makes the result missing: "--" is never 0).
 */
export type Expression =
  | { readonly kind: 'measure'; readonly code: string; readonly text: string; readonly previous?: boolean }
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: Expression;
      readonly right: Expression;
      readonly text: string;
    };

const TOKEN = /\s*(?:([A-Z][A-Z0-9_]*)|(\d+(?:\.\d+)?)|([-+*/()]))/y;

export function parseExpression(text: string): Expression {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`bad formula "${text}" at ${TOKEN.lastIndex}`);
    tokens.push(m[1] ?? m[2] ?? m[3]);
  }
  let pos = 0;
  let inPrevious = false;
  const peek = (): string | undefined => tokens[pos];
  const primary = (): Expression => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error(`formula "${text}" ends early`);
    if (t === '(') {
      const e = sum();
      if (tokens[pos++] !== ')') throw new Error(`formula "${text}": missing )`);
      return e;
    }
    if (/^\d/.test(t)) return { kind: 'number', value: Number(t), text: t };
    if (t === 'PREV' && tokens[pos] === '(') {
      if (inPrevious) throw new Error(`formula "${text}": PREV cannot be nested`);
      pos += 1;
      inPrevious = true;
      const inner = sum();
      inPrevious = false;
      if (tokens[pos++] !== ')') throw new Error(`formula "${text}": missing ) after PREV(`);
      return { ...inner, text: `PREV(${inner.text})` } as Expression;
    }
    if (/^[A-Z]/.test(t))
      return { kind: 'measure', code: t, text: t, ...(inPrevious ? { previous: true } : {}) };
    throw new Error(`formula "${text}": unexpected ${t}`);
  };
  const product = (): Expression => {
    let left = primary();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[pos++] as '*' | '/';
      const right = primary();
      left = { kind: 'binary', op, left, right, text: `${left.text} ${op} ${right.text}` };
    }
    return left;
  };
  const sum = (): Expression => {
    let left = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[pos++] as '+' | '-';
      const right = product();
      left = { kind: 'binary', op, left, right, text: `${left.text} ${op} ${right.text}` };
    }
    return left;
  };
  const result = sum();
  if (pos !== tokens.length) throw new Error(`formula "${text}": unexpected ${tokens[pos]}`);
  return { ...result, text: text.trim() } as Expression;
}

/** Measure codes an expression reads for the period itself (`previous: true`: inside PREV()). */
export function measuresOf(e: Expression, previous = false): string[] {
  if (e.kind === 'measure') return (e.previous ?? false) === previous ? [e.code] : [];
  if (e.kind === 'number') return [];
  return [...new Set([...measuresOf(e.left, previous), ...measuresOf(e.right, previous)])];
}

/** Values of the period, and of the same period a year earlier (for PREV). */
export interface FormulaValues {
  readonly current: ReadonlyMap<string, number | null>;
  readonly previous?: ReadonlyMap<string, number | null>;
}

function isFormulaValues(v: ReadonlyMap<string, number | null> | FormulaValues): v is FormulaValues {
  return 'current' in v;
}

/** Evaluate; null when any operand is missing or a division is by zero. */
export function evaluate(
  e: Expression,
  input: ReadonlyMap<string, number | null> | FormulaValues,
): number | null {
  const values: FormulaValues = isFormulaValues(input) ? input : { current: input };
  if (e.kind === 'number') return e.value;
  if (e.kind === 'measure') return (e.previous ? values.previous : values.current)?.get(e.code) ?? null;
  const l = evaluate(e.left, values);
  const r = evaluate(e.right, values);
  if (l === null || r === null) return null;
  switch (e.op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return r === 0 ? null : l / r;
  }
}
