import type { SourceRegistry } from '../../../adapters';
import type { StoreConfig } from '../../../adapters/sources/config';
import { SourceError } from '../../../adapters/sql/source';
import type { SqlSource } from '../../../adapters/sql/source';
import { periodEnd, todayInShanghai } from '../../../schema/period';
import type { LocalDate, Period } from '../../../schema/period';
import { DEFAULT_STORED_PERIODS } from '../../../adapters/sources/config';
import {
  addDays,
  addMonths,
  chunks,
  closedPeriods,
  dayRuns,
  maxDay,
  minDay,
  monthStart,
  monthsOf,
} from './days';
import type { StoreDatabase, StoreState } from './database';
import { toleranceOf, toStored } from './spec';
import type { AnyFactSpec, StoredFactSpec } from './spec';
import { toPeriodStored } from './period-spec';
import type { PeriodFactSpec } from './period-spec';

/**
 * Keeps the measure store current, in the background: for every (fact, source) it fills the
 * closed days not yet stored (pushed-down GROUP BY day and institution, `fillChunkMonths` per
 * statement), re-aggregates the last `windowDays` days on every run (legacy data still changes
 * there), and verifies `verifyMonthsPerRun` months of older days per run by comparing the source's
 * per-day totals (one GROUP BY day statement, no institution grouping) with the stored ones; a day
 * that differs is re-aggregated. Each source runs at most `concurrencyPerSource` statements at
 * once. A source that fails keeps what it has stored, records the error, and is retried on the
 * next run; answers for its institutions fall back to live (or are reported partial).
 *
 * Per-period facts (grain PERIOD, period-spec.ts) are kept per whole closed period of the
 * configured kinds: the periods not stored yet are computed (`PERIODS_PER_STATEMENT` per
 * statement), the periods that ended within the window are computed again on every run, and the
 * `verifyMonthsPerRun` longest-unchecked older periods are computed again and replaced (a distinct
 * count has no cheaper check than itself).
 */

/** Periods one statement of a per-period fact computes (its cost grows with them). */
export const PERIODS_PER_STATEMENT = 4;

/** What started a run. */
export type RunTrigger = 'STARTUP' | 'SCHEDULE' | 'ADMIN';

/** One failure of a run. */
export interface RunFailure {
  readonly sourceId: string;
  readonly fact: string;
  readonly failure: string;
  readonly at: string;
}

/** Progress of the current (or last) run, as the admin API reports it. */
export interface RunProgress {
  readonly id: number;
  readonly trigger: RunTrigger;
  /**
   * Runs started together by several refreshers (the startup runs; one administrator request)
   * share a group and are reported as one run; null: a run of its own (a scheduled one).
   */
  readonly group: string | null;
  readonly startedAt: string;
  finishedAt: string | null;
  readonly tasksTotal: number;
  tasksDone: number;
  /** Fill or re-aggregation statements answered and written. */
  piecesDone: number;
  rowsWritten: number;
  daysVerified: number;
  /** Days (or months, for month-grain facts) whose verification found a difference, re-aggregated. */
  daysReaggregated: number;
  readonly failures: RunFailure[];
}

/**
 * The last run of several refreshers (the subgraphs of one process, one database) as one: the
 * latest started run, with the runs of its group (started by the same request) — counts summed,
 * failures together, running while any runs, the earliest start. Null when there is none.
 */
export function mergeRuns(runs: ReadonlyArray<RunProgress | null>): RunProgress | null {
  const all = runs.filter((r): r is RunProgress => r !== null);
  if (all.length === 0) return null;
  const latest = [...all].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  const list = latest.group === null ? [latest] : all.filter((r) => r.group === latest.group);
  if (list.length === 1) return list[0];
  const sum = (f: (r: RunProgress) => number): number => list.reduce((n, r) => n + f(r), 0);
  const finished = list.every((r) => r.finishedAt !== null);
  return {
    id: Math.max(...list.map((r) => r.id)),
    trigger: latest.trigger,
    group: latest.group,
    startedAt: list.map((r) => r.startedAt).sort()[0],
    finishedAt: finished ? list.map((r) => r.finishedAt as string).sort()[list.length - 1] : null,
    tasksTotal: sum((r) => r.tasksTotal),
    tasksDone: sum((r) => r.tasksDone),
    piecesDone: sum((r) => r.piecesDone),
    rowsWritten: sum((r) => r.rowsWritten),
    daysVerified: sum((r) => r.daysVerified),
    daysReaggregated: sum((r) => r.daysReaggregated),
    failures: list.flatMap((r) => r.failures),
  };
}

/** What to refresh: by default every fact of every source holding it. */
export interface RunOptions {
  readonly sourceIds?: readonly string[];
  readonly facts?: readonly string[];
  /** Forget what is stored and fill again from `from`. */
  readonly rebuild?: boolean;
  readonly trigger: RunTrigger;
  /** See RunProgress.group (default: STARTUP for the startup run, else none). */
  readonly group?: string;
}

/** Sources refreshed at the same time (each bounded by `concurrencyPerSource`). */
const SOURCES_AT_ONCE = 4;

type Logger = Pick<Console, 'info' | 'warn'>;

const empty = (fact: string, sourceId: string): StoreState => ({
  fact,
  sourceId,
  storedFrom: null,
  storedTo: null,
  verifiedTo: null,
  refreshedAt: null,
  verifiedAt: null,
  lastError: null,
});

/** Run `work` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

export class StoreRefresher {
  private current: Promise<void> | null = null;
  private progress: RunProgress | null = null;
  private runs = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  /** Called after every write (the reader's state cache). */
  onWrite: () => void = () => undefined;

  constructor(
    private readonly db: StoreDatabase,
    private readonly config: StoreConfig,
    private readonly sources: SourceRegistry,
    private readonly specs: readonly AnyFactSpec[],
    private readonly logger: Logger = console,
    private readonly today: () => LocalDate = () => todayInShanghai(),
  ) {}

  /** The current run's progress, or the last run's; null before the first. */
  lastRun(): RunProgress | null {
    return this.progress;
  }

  running(): boolean {
    return this.current !== null;
  }

  /** Start a run unless one is running; returns the running run's progress either way. */
  trigger(options: RunOptions): { progress: RunProgress; started: boolean } {
    if (this.current && this.progress) return { progress: this.progress, started: false };
    const tasks = this.tasks(options);
    const progress: RunProgress = {
      id: ++this.runs,
      trigger: options.trigger,
      group: options.group ?? (options.trigger === 'STARTUP' ? 'STARTUP' : null),
      startedAt: new Date().toISOString(),
      finishedAt: null,
      tasksTotal: tasks.length,
      tasksDone: 0,
      piecesDone: 0,
      rowsWritten: 0,
      daysVerified: 0,
      daysReaggregated: 0,
      failures: [],
    };
    this.progress = progress;
    this.current = this.run(tasks, progress, options.rebuild ?? false).finally(() => {
      progress.finishedAt = new Date().toISOString();
      this.current = null;
    });
    return { progress, started: true };
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  /** Run at once, then every `refreshMinutes` (unless 0); timers never keep the process alive. */
  start(): void {
    if (!this.config.refresh) return;
    this.trigger({ trigger: 'STARTUP' });
    if (this.config.refreshMinutes > 0) {
      this.timer = setInterval(() => {
        if (!this.current) this.trigger({ trigger: 'SCHEDULE' });
      }, this.config.refreshMinutes * 60_000);
      this.timer.unref();
    }
  }

  /** Stop the schedule and let the current statement finish (the rest of the run is skipped). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
  }

  private tasks(options: RunOptions): Array<{ spec: AnyFactSpec; source: SqlSource }> {
    const out: Array<{ spec: AnyFactSpec; source: SqlSource }> = [];
    for (const spec of this.specs) {
      if (options.facts && !options.facts.includes(spec.name)) continue;
      for (const source of this.sources.ofKinds(spec.kinds)) {
        if (options.sourceIds && !options.sourceIds.includes(source.id)) continue;
        out.push({ spec, source });
      }
    }
    return out;
  }

  private async run(
    tasks: Array<{ spec: AnyFactSpec; source: SqlSource }>,
    progress: RunProgress,
    rebuild: boolean,
  ): Promise<void> {
    const states = new Map((await this.db.states()).map((s) => [`${s.fact}|${s.sourceId}`, s]));
    const periodsStored = tasks.some((t) => t.spec.grain === 'PERIOD')
      ? await this.db.storedPeriods()
      : new Map<string, Map<string, string>>();
    const bySource = new Map<SqlSource, AnyFactSpec[]>();
    for (const t of tasks) bySource.set(t.source, [...(bySource.get(t.source) ?? []), t.spec]);
    await pool([...bySource], SOURCES_AT_ONCE, async ([source, specs]) => {
      let down = false;
      await pool(specs, this.config.concurrencyPerSource, async (spec) => {
        if (down || this.stopping) {
          progress.tasksDone += 1;
          return;
        }
        let state = states.get(`${spec.name}|${source.id}`) ?? empty(spec.name, source.id);
        try {
          const rebuilt = rebuild || (state.storedFrom !== null && state.storedFrom !== this.config.from);
          if (rebuilt) {
            await this.db.clear(spec.name, source.id);
            state = empty(spec.name, source.id);
          }
          if (spec.grain === 'PERIOD') {
            const stored = rebuilt ? undefined : periodsStored.get(`${spec.name}|${source.id}`);
            state = await this.refreshPeriods(spec, source, state, stored ?? new Map(), progress);
          } else {
            state = await this.fill(spec, source, state, progress);
            state = await this.verify(spec, source, state, progress);
            // Writes roll up the periods they touch; a store older than roll-ups gets the rest.
            if (!this.stopping && (await this.db.rollUpMissing(spec.name, source.id, state)).length > 0)
              this.onWrite();
          }
        } catch (e) {
          const failure = e instanceof SourceError ? e.failure : 'STORE_FAILED';
          const detail = e instanceof SourceError ? e.detail : (e as Error).message;
          this.logger.warn(`[store] ${source.id} ${spec.name} ${failure}: ${detail}`);
          progress.failures.push({
            sourceId: source.id,
            fact: spec.name,
            failure,
            at: new Date().toISOString(),
          });
          // A source that cannot be reached is not asked again for its other facts in this run.
          if (failure === 'UNREACHABLE' || failure === 'TIMEOUT') down = true;
          await this.db
            .saveState({ ...state, lastError: `${failure}: ${detail}`.slice(0, 500) })
            .catch(() => undefined);
          this.onWrite();
        }
        progress.tasksDone += 1;
      });
    });
  }

  /** The exclusive end of what may be stored: today for days, this month's first day for months. */
  private closedEnd(spec: StoredFactSpec): LocalDate {
    const today = this.today();
    return spec.grain === 'DAY' ? today : monthStart(today);
  }

  private windowStart(spec: StoredFactSpec): LocalDate {
    const start = maxDay(this.config.from, addDays(this.today(), -this.config.windowDays));
    return spec.grain === 'DAY' ? start : maxDay(this.config.from, monthStart(start));
  }

  private async fetchStored(
    spec: StoredFactSpec,
    source: SqlSource,
    range: { from: LocalDate; to: LocalDate },
  ): Promise<ReturnType<typeof toStored>[]> {
    const rows = await spec.fetch(source, {
      orgCodes: null,
      months: monthsOf(range.from, range.to),
      grain: spec.grain,
      days: range,
    });
    return rows.map((r) => toStored(spec, r));
  }

  /** Fill the closed days not stored yet, and re-aggregate the window. */
  private async fill(
    spec: StoredFactSpec,
    source: SqlSource,
    state: StoreState,
    progress: RunProgress,
  ): Promise<StoreState> {
    const end = this.closedEnd(spec);
    const window = minDay(this.windowStart(spec), end);
    const start = minDay(state.storedTo ?? this.config.from, window);
    const pieces = [
      ...chunks(start, window, this.config.fillChunkMonths),
      ...chunks(window, end, this.config.fillChunkMonths),
    ];
    let current = state;
    for (const piece of pieces) {
      if (this.stopping) break;
      const rows = await this.fetchStored(spec, source, piece);
      const next: StoreState = {
        ...current,
        storedFrom: this.config.from,
        storedTo: maxDay(current.storedTo ?? piece.to, piece.to),
        refreshedAt: new Date().toISOString(),
        lastError: null,
      };
      await this.db.replace(spec.name, spec.grain, source.id, piece, rows, next);
      this.onWrite();
      current = next;
      progress.piecesDone += 1;
      progress.rowsWritten += rows.length;
    }
    return current;
  }

  /** A per-period fact: compute the missing, recent and next-to-verify periods, a few per statement. */
  private async refreshPeriods(
    spec: PeriodFactSpec,
    source: SqlSource,
    state: StoreState,
    /** The periods stored when the run started (period id → when). */
    stored: ReadonlyMap<string, string>,
    progress: RunProgress,
  ): Promise<StoreState> {
    const plan = periodsToCompute(
      this.config.periods ?? DEFAULT_STORED_PERIODS,
      this.config.from,
      this.today(),
      this.config.windowDays,
      stored,
      this.config.verifyMonthsPerRun,
    );
    const todo = [...plan.missing, ...plan.recent, ...plan.verify];
    let current = state;
    for (let i = 0; i < todo.length && !this.stopping; i += PERIODS_PER_STATEMENT) {
      const periods = todo.slice(i, i + PERIODS_PER_STATEMENT);
      const rows = (await spec.fetch(source, periods, null)).flatMap((r) => toPeriodStored(spec, r));
      const storedTo = periods.reduce(
        (to, p) => maxDay(to, periodEnd(p)),
        current.storedTo ?? this.config.from,
      );
      const next: StoreState = {
        ...current,
        storedFrom: this.config.from,
        storedTo,
        verifiedTo: storedTo,
        refreshedAt: new Date().toISOString(),
        verifiedAt: new Date().toISOString(),
        lastError: null,
      };
      await this.db.replacePeriods(
        spec.name,
        source.id,
        periods.map((p) => p.id),
        rows,
        next,
      );
      this.onWrite();
      current = next;
      progress.piecesDone += 1;
      progress.rowsWritten += rows.length;
    }
    return current;
  }

  /**
   * Verify the next `verifyMonthsPerRun` months of days older than the window: the source's
   * per-day totals of the check fields against the stored ones; re-aggregate the days that differ.
   */
  private async verify(
    spec: StoredFactSpec,
    source: SqlSource,
    state: StoreState,
    progress: RunProgress,
  ): Promise<StoreState> {
    if (this.config.verifyMonthsPerRun === 0 || !state.storedTo || this.stopping) return state;
    const limit = minDay(state.storedTo, this.windowStart(spec));
    const from = this.config.from;
    if (limit <= from) return state;
    const cursor = state.verifiedTo && state.verifiedTo < limit ? state.verifiedTo : from;
    const range = { from: cursor, to: minDay(addMonths(cursor, this.config.verifyMonthsPerRun), limit) };
    const totals = await spec.fetch(source, {
      orgCodes: null,
      months: monthsOf(range.from, range.to),
      grain: 'DAY_TOTAL',
      days: range,
    });
    const key = (day: string): string => (spec.grain === 'DAY' ? day : day.slice(0, 6));
    const checks = spec.checkFields.map((f) => spec.fields.indexOf(f));
    const tolerances = spec.checkFields.map((f) => toleranceOf(spec, f));
    const fresh = new Map<string, number[]>();
    for (const row of totals) {
      const sums = fresh.get(key(row.month)) ?? checks.map(() => 0);
      spec.checkFields.forEach((f, i) => {
        sums[i] += Number(row[f] ?? 0);
      });
      fresh.set(key(row.month), sums);
    }
    const stored = await this.db.totals(spec.name, spec.grain, source.id, range);
    const differing: string[] = [];
    for (const bucket of new Set([...fresh.keys(), ...stored.keys()])) {
      const a = fresh.get(bucket) ?? checks.map(() => 0);
      const b = stored.get(bucket);
      if (checks.some((pos, i) => Math.abs(a[i] - (b ? b[pos] : 0)) > tolerances[i])) differing.push(bucket);
    }
    const runs =
      spec.grain === 'DAY'
        ? dayRuns(differing)
        : differing.map((m) => ({ from: `${m}01`, to: addMonths(`${m}01`, 1) }));
    for (const run of runs) {
      const rows = await this.fetchStored(spec, source, run);
      await this.db.replace(spec.name, spec.grain, source.id, run, rows, state);
      this.onWrite();
      progress.rowsWritten += rows.length;
    }
    if (differing.length)
      this.logger.info(
        `[store] ${source.id} ${spec.name}: ${differing.length} day(s) differed and were re-aggregated`,
      );
    const next: StoreState = { ...state, verifiedTo: range.to, verifiedAt: new Date().toISOString() };
    await this.db.saveState(next);
    this.onWrite();
    progress.daysVerified += dayCount(range.from, range.to);
    progress.daysReaggregated += differing.length;
    return next;
  }
}

export interface PeriodsToCompute {
  /** Closed periods not stored yet. */
  readonly missing: Period[];
  /** Stored periods that ended within the window: computed again on every run. */
  readonly recent: Period[];
  /** Older stored periods, longest unchecked first: `limit` of them computed again. */
  readonly verify: Period[];
}

/**
 * Which closed periods of `kinds` (since `from`) a run computes for one (fact, source), given the
 * periods stored and when (`stored`: id → ISO time).
 */
export function periodsToCompute(
  kinds: readonly Period['granularity'][],
  from: LocalDate,
  today: LocalDate,
  windowDays: number,
  stored: ReadonlyMap<string, string>,
  limit: number,
): PeriodsToCompute {
  const windowStart = addDays(today, -windowDays);
  const missing: Period[] = [];
  const recent: Period[] = [];
  const older: Period[] = [];
  for (const p of closedPeriods(kinds, from, today)) {
    if (!stored.has(p.id)) missing.push(p);
    else if (periodEnd(p) > windowStart) recent.push(p);
    else older.push(p);
  }
  older.sort(
    (a, b) => (stored.get(a.id) ?? '').localeCompare(stored.get(b.id) ?? '') || a.id.localeCompare(b.id),
  );
  return { missing, recent, verify: older.slice(0, limit) };
}

function dayCount(from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let d = from; d < to; d = addDays(d, 1)) n += 1;
  return n;
}
