import type { SystemKind } from '../../../adapters/sources/kinds';
import type { SqlSource } from '../../../adapters/sql/source';
import type { Period } from '../../../schema/period';
import { encodeDims, MAX_FIELDS } from './database';
import type { StoredRow } from './database';

/**
 * A per-period fact the measure store keeps (grain PERIOD): a value that is not a sum of days —
 * a distinct count over the period (persons signed, patients managed) or a state on its last day
 * (practitioners on post) — stored whole for each closed period of the configured kinds (years
 * and half-years by default), as its adapter computes it. Rows are the adapter's own rows: a
 * `period` id, the numeric `fields` stored as values, every other member kept as a key.
 */
export interface PeriodFactSpec<R extends PeriodRow = PeriodRow> {
  readonly name: string;
  readonly grain: 'PERIOD';
  /** Numeric members stored as values, in order (at most MAX_FIELDS). */
  readonly fields: readonly string[];
  /**
   * The member the adapter filters its scope codes on (`orgCode`, `divisionCode`): the stored
   * rows are filtered on it the same way, so an answer from the store equals the live one.
   */
  readonly codeField: string;
  /**
   * For a flow between two institutions (a dispatch from one to another), the member of its other
   * end: the adapter matches its scope codes on either end, so the row is stored under each end's
   * code and read back once (rows are told apart by their keys, both ends among them).
   */
  readonly otherCodeField?: string;
  /** System kinds holding it. */
  readonly kinds: readonly SystemKind[];
  /** The adapter call for `periods`, every institution or division (`codes` null) or those given. */
  fetch(source: SqlSource, periods: Period[], codes: readonly string[] | null): Promise<R[]>;
}

/** An adapter row of a per-period fact. */
export interface PeriodRow {
  readonly period: string;
}

/** A per-period fact, its value and code members checked against the adapter's row type. */
export function definePeriodFact<R extends PeriodRow>(
  spec: PeriodFactSpec<R> & {
    readonly fields: readonly (keyof R & string)[];
    readonly codeField: keyof R & string;
    readonly otherCodeField?: keyof R & string;
  },
): PeriodFactSpec<R> {
  if (spec.fields.length === 0 || spec.fields.length > MAX_FIELDS)
    throw new Error(`stored fact ${spec.name}: 1–${MAX_FIELDS} fields`);
  for (const code of [spec.codeField, spec.otherCodeField ?? spec.codeField])
    if (spec.fields.includes(code))
      throw new Error(`stored fact ${spec.name}: the code member ${code} is not a value`);
  return spec;
}

/**
 * A row as stored: under its scope code (and, for a flow, under its other end's too), its period,
 * every other member as keys.
 */
export function toPeriodStored<R extends PeriodRow>(spec: PeriodFactSpec<R>, row: R): StoredRow[] {
  const member = (name: string): unknown => (row as unknown as Record<string, unknown>)[name];
  const dims: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k !== 'period' && !spec.fields.includes(k)) dims[k] = v;
  const encoded = encodeDims(dims);
  const values = spec.fields.map((f) => Number(member(f) ?? 0));
  const codeOf = (name: string): string => {
    const code = member(name);
    return code === null || code === undefined ? '' : String(code);
  };
  const codes = new Set([codeOf(spec.codeField)]);
  if (spec.otherCodeField) codes.add(codeOf(spec.otherCodeField));
  return [...codes].map((orgCode) => ({ orgCode, bucket: row.period, dims: encoded, values }));
}

/**
 * Keys of per-period rows with the row's own code taken out (`"orgCode":null`): an institution's
 * rows repeat a few such texts (category × title × point), which are parsed once each. Bounded:
 * emptied when full.
 */
const TEMPLATES = new Map<string, Readonly<Record<string, unknown>>>();
const TEMPLATES_MAX = 20_000;

/**
 * A stored row back as the adapter's row. Its keys hold the row's own code (`codeField`, the
 * stored code), so no two institutions' rows share their text: the code is taken out, the rest
 * parsed once per text (TEMPLATES) and the code put back. A flow (stored under either end), a
 * text without the code as written or with it more than once are parsed afresh.
 */
export function fromPeriodStored<R extends PeriodRow>(spec: PeriodFactSpec<R>, row: StoredRow): R {
  const out = keysOf(spec, row);
  out.period = row.bucket;
  spec.fields.forEach((f, i) => {
    out[f] = row.values[i] ?? 0;
  });
  return out as unknown as R;
}

function keysOf<R extends PeriodRow>(spec: PeriodFactSpec<R>, row: StoredRow): Record<string, unknown> {
  if (row.dims === '') return {};
  const code =
    spec.otherCodeField || row.orgCode === '' ? null : `"${spec.codeField}":${JSON.stringify(row.orgCode)}`;
  const at = code === null ? -1 : row.dims.indexOf(code);
  // Once only: the member itself (keys nested deeper could repeat it, and are parsed as they are).
  if (code === null || at < 0 || row.dims.indexOf(code, at + 1) >= 0)
    return JSON.parse(row.dims) as Record<string, unknown>;
  const template = `${row.dims.slice(0, at)}"${spec.codeField}":null${row.dims.slice(at + code.length)}`;
  let keys = TEMPLATES.get(template);
  if (!keys) {
    keys = JSON.parse(template) as Record<string, unknown>;
    if (TEMPLATES.size >= TEMPLATES_MAX) TEMPLATES.clear();
    TEMPLATES.set(template, keys);
  }
  const out: Record<string, unknown> = { ...keys };
  out[spec.codeField] = row.orgCode;
  return out;
}
