import type { SourceOutcome, SourceRegistry } from '../../../adapters';
import type { SqlSource } from '../../../adapters/sql/source';
import { periodLastDay } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import { isoDay } from './days';
import type { OpenedStore } from './open';
import { fromPeriodStored } from './period-spec';
import type { PeriodFactSpec, PeriodRow } from './period-spec';

/** How a batch reads one per-period fact: the periods the store holds from it, the rest live. */
export interface PeriodFetchRequest<R extends PeriodRow> {
  readonly store: OpenedStore | undefined;
  readonly spec: PeriodFactSpec<R>;
  readonly sources: SourceRegistry;
  /** The sources to ask. */
  readonly targets: readonly SqlSource[];
  readonly periods: readonly Period[];
  /** The scope codes the adapter filters on (`spec.codeField`); null: all. */
  readonly codes: readonly string[] | null;
}

export interface PeriodFetch<R> {
  readonly outcomes: SourceOutcome<R[]>[];
  /** Per source id, the periods answered from the store. */
  readonly stored: ReadonlyMap<string, readonly string[]>;
}

/**
 * How far `sourceId`'s answer for `period` came from the store (`PeriodFetch.stored`): the
 * period's last day (yyyy-MM-dd) when the store answered it, else null (read live).
 */
export function periodStoredThrough(
  stored: ReadonlyMap<string, readonly string[]>,
  sourceId: string,
  period: Period,
): string | null {
  return stored.get(sourceId)?.includes(period.id) ? isoDay(periodLastDay(period)) : null;
}

/**
 * Scope codes sent to the store as an IN list at most: a province's 24 000 institution codes made
 * a statement of half a megabyte, formatted by the driver and parsed by the server for each fact,
 * to keep nearly every row of the periods read anyway; more codes are filtered as rows arrive.
 */
const FILTERED_IN_SQL_AT_MOST = 5_000;

/**
 * One per-period fact for a batch: per source, the periods the measure store holds complete are
 * read from it (one statement for every source), the others live (one statement per source for
 * all of them). A source whose periods are all stored is not asked at all. Without a store, or
 * when it cannot be read, everything is live: an answer never fails because of the store.
 */
export async function fetchPeriods<R extends PeriodRow>(
  request: PeriodFetchRequest<R>,
): Promise<PeriodFetch<R>> {
  const { store, spec, sources, targets, periods, codes } = request;
  const storedIds = new Map<string, string[]>();
  const rows = new Map<string, R[]>();
  if (store) {
    try {
      const held = await store.reader.storedPeriods();
      for (const source of targets) {
        const have = held.get(`${spec.name}|${source.id}`);
        const ids = have ? periods.filter((p) => have.has(p.id)).map((p) => p.id) : [];
        if (ids.length) storedIds.set(source.id, ids);
      }
      const parts = [...storedIds].map(([sourceId, ids]) => ({ sourceId, periods: ids }));
      // A flow is stored under both its ends: read back once when both are asked.
      const seen = spec.otherCodeField ? new Set<string>() : null;
      // Many codes (a province's institutions) are filtered here, not sent as an IN list.
      const wanted = codes !== null && codes.length > FILTERED_IN_SQL_AT_MOST ? new Set(codes) : null;
      // Rows converted as they are read (the store's rows are never kept: see StoreDatabase.each).
      await store.db.eachPeriodRow(
        spec.name,
        parts,
        wanted ? null : codes,
        (r) => {
          if (wanted && !wanted.has(r.orgCode)) return;
          if (seen) {
            const key = `${r.sourceId}|${r.bucket}|${r.dims}`;
            if (seen.has(key)) return;
            seen.add(key);
          }
          const list = rows.get(r.sourceId) ?? [];
          if (list.length === 0) rows.set(r.sourceId, list);
          list.push(fromPeriodStored(spec, r));
        },
        spec.fields.length,
      );
    } catch (e) {
      sources.logger.warn(`[store] unreadable, answering live: ${(e as Error).message}`);
      storedIds.clear();
      rows.clear();
    }
  }
  const outcomes = await sources.fanOut(targets, async (source) => {
    const have = new Set(storedIds.get(source.id) ?? []);
    const live = periods.filter((p) => !have.has(p.id));
    const out = rows.get(source.id) ?? [];
    if (live.length === 0) return out;
    // Not push(...list): a region's rows may outnumber the arguments a call may take.
    for (const row of await spec.fetch(source, [...live], codes)) out.push(row);
    return out;
  });
  return { outcomes, stored: storedIds };
}
