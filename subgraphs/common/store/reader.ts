import { addDays, addMonths, minDay } from './days';
import { projectedFact } from './database';
import type { KeysFilter, StoreDatabase, StoreState } from './database';
import { fromStored } from './spec';
import type { FactRow, StoredFactSpec } from './spec';
import { periodMonths } from '../../../schema/period';
import type { LocalDate, Period } from '../../../schema/period';

/**
 * How one source answers a fact for a set of months: the months the store holds wholly, the one
 * month it holds in part (its stored days, then the rest live), and the months read live.
 */
export interface SourcePlan {
  readonly storedMonths: string[];
  /** The month holding the store's frontier: stored days `[month01, upTo)`, the rest live. */
  readonly partial: { readonly month: string; readonly upTo: LocalDate } | null;
  /** Live months on or after the frontier (the partial one included): read with `since` = the frontier. */
  readonly tailMonths: string[];
  /** Live months before the store's first day. */
  readonly earlyMonths: string[];
  /** The store's state behind the plan (null: nothing stored). */
  readonly state: StoreState | null;
}

/** Split `months` between the store and live, for one source whose state is `state`. */
export function planSource(
  state: StoreState | undefined,
  grain: 'DAY' | 'MONTH',
  months: readonly string[],
): SourcePlan {
  const plan = {
    storedMonths: [] as string[],
    partial: null as SourcePlan['partial'],
    tailMonths: [] as string[],
    earlyMonths: [] as string[],
    state: state && state.storedFrom && state.storedTo ? state : null,
  };
  const from = plan.state?.storedFrom ?? null;
  const to = plan.state?.storedTo ?? null;
  for (const m of [...new Set(months)].sort()) {
    const start = `${m}01`;
    const end = addMonths(start, 1);
    if (from === null || to === null) plan.earlyMonths.push(m);
    else if (start < from) plan.earlyMonths.push(m);
    else if (end <= to) plan.storedMonths.push(m);
    else if (start < to && grain === 'DAY') {
      plan.partial = { month: m, upTo: to };
      plan.tailMonths.push(m);
    } else plan.tailMonths.push(m);
  }
  return plan;
}

/** The last stored day an answer for `[periodStart, periodEnd)` used from this plan, or null. */
export function storedThrough(
  plan: SourcePlan,
  periodStart: LocalDate,
  periodEnd: LocalDate,
): LocalDate | null {
  const s = plan.state;
  if (!s?.storedFrom || !s.storedTo || s.storedFrom > periodStart || s.storedTo <= periodStart) return null;
  return minDay(addDays(s.storedTo, -1), addDays(periodEnd, -1));
}

/**
 * The months of a batch grouped by the periods that hold them: months in the same group belong to
 * exactly the same periods of the batch, so a consumer that takes a period's rows by their month
 * (`months.has(row.month)`) takes a group whole or not at all, and the store may sum each group
 * into one row per institution and keys (its bucket one of the group's months) instead of one per
 * month. Months in no period form a group of their own.
 */
export function monthParts(months: readonly string[], periods: readonly Period[]): string[][] {
  const covering = periods.map((p) => new Set(periodMonths(p)));
  const groups = new Map<string, string[]>();
  for (const m of [...new Set(months)].sort()) {
    const signature = covering.map((set) => (set.has(m) ? '1' : '0')).join('');
    const list = groups.get(signature);
    if (list) list.push(m);
    else groups.set(signature, [m]);
  }
  return [...groups.values()];
}

/** How `MeasureStore.rows` reads and hands back a fact's rows. */
export interface StoredRowsOptions<R> {
  /** The batch's periods, when its consumers sum each period's rows. */
  readonly periods?: readonly Period[];
  /** Rows whose keys hold one of these values only (filtered in the store's SQL). */
  readonly keys?: KeysFilter | null;
  /**
   * Each fact row as the caller's row, or null to leave it out: applied as rows are read, so the
   * fact row is never kept (default: the fact row itself).
   */
  readonly convert?: (row: FactRow) => R | null;
  /**
   * The consumers use only the fact's projected keys (`StoredFactSpec.projection`): periods rolled
   * up projected are read projected (fewer rows); other rows keep every key.
   */
  readonly projected?: boolean;
}

/** States are never older than this when used (another process may be the one refreshing). */
const STATE_TTL_MS = 2_000;

/**
 * One read kept for `ttlMs` and shared by every caller meanwhile (a request's batches all start in
 * the same few milliseconds). Past half its time it is read again in the background while callers
 * still get the kept answer, so under steady traffic no caller waits for it (on a busy store the
 * read queues behind the request's own reads: in one 表2 timeline a subgraph waited 80 ms for it
 * before its first read of rows). A kept answer is never used past `ttlMs`, and a failed read is
 * not kept: the next caller reads again.
 */
export class FreshRead<T> {
  /** The answer as last asked for (in flight or answered), and when it was asked. */
  private kept: { at: number; value: Promise<T> } | null = null;
  private refreshing: Promise<T> | null = null;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
  ) {}

  get(): Promise<T> {
    const now = Date.now();
    const kept = this.kept;
    if (kept && now - kept.at < this.ttlMs) {
      if (now - kept.at >= this.ttlMs / 2 && !this.refreshing) this.refresh(now, kept);
      return kept.value;
    }
    return this.start(now).value;
  }

  /** Forget the kept answer: the next caller reads again. */
  clear(): void {
    this.kept = null;
    this.refreshing = null;
  }

  private start(now: number): { at: number; value: Promise<T> } {
    const entry = { at: now, value: this.load() };
    this.kept = entry;
    entry.value.catch(() => {
      if (this.kept === entry) this.kept = null;
    });
    return entry;
  }

  /** Read again in the background; the answer replaces `kept` once it is in (if still kept). */
  private refresh(now: number, kept: { at: number; value: Promise<T> }): void {
    const value = this.load();
    this.refreshing = value;
    value.then(
      () => {
        if (this.refreshing !== value) return;
        this.refreshing = null;
        if (this.kept === kept) this.kept = { at: now, value };
      },
      () => {
        // The kept answer stays until its time is up; the next caller past half tries again.
        if (this.refreshing === value) this.refreshing = null;
      },
    );
  }
}

/**
 * The answering side of the measure store: the (fact, source) states, cached briefly, and the
 * stored rows of a fact for many sources in one statement.
 */
export class MeasureStore {
  private readonly statesRead: FreshRead<Map<string, StoreState>>;
  private readonly periodsRead: FreshRead<Map<string, Map<string, string>>>;

  constructor(
    readonly db: StoreDatabase,
    readonly specs: ReadonlyMap<string, StoredFactSpec>,
    /**
     * The facts whose states and stored periods this reader asks for (its subgraph's, projected
     * roll-ups included); absent: every fact of the store. A subgraph reads its own few marks, not
     * the whole table (a province's 2,304 done marks, read by each subgraph of each request).
     */
    private readonly facts?: readonly string[],
  ) {
    this.periodsRead = new FreshRead(() => this.db.storedPeriods(this.facts), STATE_TTL_MS);
    this.statesRead = new FreshRead(
      () =>
        this.db.states(this.facts).then((list) => new Map(list.map((s) => [`${s.fact}|${s.sourceId}`, s]))),
      STATE_TTL_MS,
    );
  }

  /** Forget the cached states (after a write of this process). */
  invalidate(): void {
    this.statesRead.clear();
    this.periodsRead.clear();
  }

  /**
   * The periods stored complete of every per-period fact, per `fact|sourceId` (kept like the
   * states, see FreshRead). Callers asking while a read is in flight share it: a request's batches
   * all start in the same few milliseconds, and each used to read the whole table for itself.
   */
  storedPeriods(): Promise<Map<string, Map<string, string>>> {
    return this.periodsRead.get();
  }

  /** Every (fact, source) state, by `fact|sourceId` (kept and shared, see FreshRead). */
  states(): Promise<Map<string, StoreState>> {
    // Every batch reading roll-ups asks for the stored periods next: read them alongside.
    void this.storedPeriods();
    return this.statesRead.get();
  }

  async plan(fact: string, sourceId: string, months: readonly string[]): Promise<SourcePlan> {
    const spec = this.specs.get(fact);
    if (!spec) return planSource(undefined, 'DAY', months);
    return planSource((await this.states()).get(`${fact}|${sourceId}`), spec.grain, months);
  }

  /**
   * Stored rows of `fact` for the plans of many sources (one statement), as the caller's rows per
   * source. With the batch's `periods`, whole stored months are summed per group of `monthParts`
   * (one row per institution and keys and group): for consumers that sum a period's rows.
   */
  async rows<R = FactRow>(
    fact: string,
    plans: ReadonlyMap<string, SourcePlan>,
    orgCodes: readonly string[] | null,
    options: StoredRowsOptions<R> = {},
  ): Promise<Map<string, R[]>> {
    const { periods, keys = null } = options;
    const convert = options.convert ?? ((row: FactRow) => row as R);
    // Projected roll-ups only when they hold the key the rows are filtered on.
    const projected = !!options.projected && this.db.projects(fact, keys ? [keys.key] : []);
    const rolledFact = projected ? projectedFact(fact) : fact;
    const spec = this.specs.get(fact);
    const out = new Map<string, R[]>();
    if (!spec) return out;
    const parts = [...plans]
      .filter(([, p]) => p.storedMonths.length > 0 || p.partial)
      .map(([sourceId, p]) => ({ sourceId, months: p.storedMonths, partial: p.partial }));
    if (parts.length === 0) return out;
    const groups = periods
      ? monthParts(
          parts.flatMap((p) => p.months),
          periods,
        )
      : null;
    let rolled: Map<string, { has(periodId: string): boolean }> | null = null;
    if (groups) {
      const held = await this.storedPeriods();
      rolled = new Map();
      for (const p of parts) {
        const periodsOf = held.get(`${rolledFact}|${p.sourceId}`);
        if (periodsOf) rolled.set(p.sourceId, periodsOf);
      }
    }
    let sourceId = '';
    let list: R[] = [];
    await this.db.eachMonthRow(
      fact,
      parts,
      orgCodes,
      { groups, keys, rolled, projected, width: spec.fields.length },
      (r) => {
        const row = convert(fromStored(spec, r));
        if (row === null) return;
        if (r.sourceId !== sourceId) {
          sourceId = r.sourceId;
          list = out.get(sourceId) ?? [];
          out.set(sourceId, list);
        }
        list.push(row);
      },
    );
    return out;
  }
}
