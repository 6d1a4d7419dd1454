import type { SourceOutcome, SourceRegistry } from '../../../adapters';
import type { SqlSource } from '../../../adapters/sql/source';
import type { Period } from '../../../schema/period';
import type { KeysFilter } from './database';
import type { OpenedStore } from './open';
import type { SourcePlan } from './reader';
import type { FactRow, StoredFactSpec } from './spec';

/** The months one live statement is asked for, and the store's frontier after which it reads. */
export interface LivePart {
  readonly months: readonly string[];
  /** Only days on or after this one (`yyyyMMdd`): the tail after what the store holds. */
  readonly since?: string;
}

/** What the sources (and the measure store) answered for one fact of a batch. */
export interface StoredFetch<R> {
  readonly outcomes: SourceOutcome<R[]>[];
  /** Per source id: how the store and live shared the months (absent: all live). */
  readonly plans: ReadonlyMap<string, SourcePlan>;
}

/** How a batch reads one stored fact from the store and the rest live. */
export interface StoredFetchRequest<R> {
  readonly store: OpenedStore | undefined;
  readonly fact: StoredFactSpec;
  readonly sources: SourceRegistry;
  /** The sources to ask. */
  readonly targets: readonly SqlSource[];
  readonly months: readonly string[];
  /** Stored rows of these institution codes only (the store's institution column); null: all. */
  readonly orgCodes: readonly string[] | null;
  /** One live statement on `source` (the adapter's call). */
  live(source: SqlSource, part: LivePart): Promise<R[]>;
  /** A stored row as the adapter's row, or null when the batch's filters exclude it. */
  fromStore(row: FactRow): R | null;
  /** The batch's periods, when its consumers sum each period's rows (see MeasureStore.rows). */
  readonly periods?: readonly Period[];
  /**
   * Stored rows whose keys hold one of these values only, filtered in the store's SQL (the live
   * statement's own filter, e.g. the insured areas); `fromStore` still decides each row.
   */
  readonly keys?: KeysFilter;
  /** The batch's consumers use only the fact's projected keys (see StoredRowsOptions.projected). */
  readonly projected?: boolean;
}

/**
 * One fact for a batch, per source: the months the measure store holds from the store (one
 * statement for every source), the others live (at most two statements per source: the months
 * before the store's first day, and the tail after its frontier). Without a store, or when it
 * cannot be read, everything is live — an answer never fails because of the store.
 */
export async function fetchStored<R>(request: StoredFetchRequest<R>): Promise<StoredFetch<R>> {
  const { store, fact, sources, targets, months } = request;
  const plans = new Map<string, SourcePlan>();
  const stored = new Map<string, R[]>();
  if (store) {
    try {
      for (const source of targets)
        plans.set(source.id, await store.reader.plan(fact.name, source.id, months));
      const read = await store.reader.rows(fact.name, plans, request.orgCodes, {
        periods: request.periods,
        keys: request.keys ?? null,
        convert: request.fromStore,
        projected: request.projected,
      });
      for (const [sourceId, list] of read) stored.set(sourceId, list);
    } catch (e) {
      sources.logger.warn(`[store] unreadable, answering live: ${(e as Error).message}`);
      plans.clear();
      stored.clear();
    }
  }
  const outcomes = await sources.fanOut(targets, async (source) => {
    const plan = plans.get(source.id);
    if (!plan) return request.live(source, { months });
    const live: Array<Promise<R[]>> = [];
    if (plan.earlyMonths.length) live.push(request.live(source, { months: plan.earlyMonths }));
    if (plan.tailMonths.length)
      live.push(
        request.live(source, {
          months: plan.tailMonths,
          ...(plan.state?.storedTo ? { since: plan.state.storedTo } : {}),
        }),
      );
    const rows = stored.get(source.id) ?? [];
    // Not push(...list): a region's rows may outnumber the arguments a call may take.
    for (const list of await Promise.all(live)) for (const row of list) rows.push(row);
    return rows;
  });
  return { outcomes, plans };
}
