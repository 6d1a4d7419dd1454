import type { SourceRegistry } from '../../../adapters';
import { DEFAULT_STORED_PERIODS } from '../../../adapters/sources/config';
import type { StoreConfig } from '../../../adapters/sources/config';
import type { LocalDate } from '../../../schema/period';
import { projectedFact, StoreDatabase } from './database';
import { MeasureStore } from './reader';
import { StoreRefresher } from './refresher';
import type { AnyFactSpec, StoredFactSpec } from './spec';

/** A subgraph's measure store, opened: its database, the answering side and the refresher. */
export interface OpenedStore {
  readonly config: StoreConfig;
  readonly db: StoreDatabase;
  readonly reader: MeasureStore;
  readonly refresher: StoreRefresher;
  /** The facts this subgraph keeps in the store. */
  readonly specs: readonly AnyFactSpec[];
  close(): Promise<void>;
}

/**
 * Databases opened in this process, by URL, with the number of stores using each. Subgraphs of
 * one process share one connection (SQLite allows one writer at a time: two writer connections
 * would wait on each other's long fills).
 */
const shared = new Map<string, { db: StoreDatabase; stores: OpenedStore[] }>();

function databaseFor(config: StoreConfig): StoreDatabase {
  return (
    shared.get(config.url)?.db ?? new StoreDatabase(config.url, config.periods ?? DEFAULT_STORED_PERIODS)
  );
}

function register(store: OpenedStore): void {
  const entry = shared.get(store.config.url) ?? { db: store.db, stores: [] };
  entry.stores.push(store);
  shared.set(store.config.url, entry);
}

async function release(store: OpenedStore): Promise<void> {
  const entry = shared.get(store.config.url);
  if (!entry) return;
  entry.stores = entry.stores.filter((s) => s !== store);
  if (entry.stores.length > 0) return;
  shared.delete(store.config.url);
  await entry.db.close();
}

/**
 * The stores of this process on the same database as `store`, `store` first: where the subgraphs
 * run in one process (the demo, `npm start`), one administrator request refreshes and watches
 * all of their facts. Subgraphs in processes of their own refresh theirs on their schedule.
 */
export function storesSharing(store: OpenedStore): OpenedStore[] {
  const others = (shared.get(store.config.url)?.stores ?? []).filter((s) => s !== store);
  return [store, ...others];
}

/**
 * Open the store `config` names for the facts `specs` of one subgraph and, when this process
 * refreshes (`config.refresh`), start their background refresh (at once, then every
 * `refreshMinutes`). Fact names must be unique across subgraphs: the store keys rows by them.
 */
export function openMeasureStore(
  config: StoreConfig,
  sources: SourceRegistry,
  specs: readonly AnyFactSpec[],
  logger: Pick<Console, 'info' | 'warn'> = console,
  /** Today's date (`yyyyMMdd`, Asia/Shanghai); tests fix it. */
  today?: () => LocalDate,
): OpenedStore {
  const db = databaseFor(config);
  const summed = specs.filter((s): s is StoredFactSpec => s.grain !== 'PERIOD');
  for (const s of summed) if (s.projection) db.project(s.name, s.projection);
  // Its facts' marks only: every fact of the subgraph (summed or per period), and projected roll-ups.
  const facts = specs.flatMap((s) =>
    s.grain !== 'PERIOD' && s.projection ? [s.name, projectedFact(s.name)] : [s.name],
  );
  const reader = new MeasureStore(db, new Map(summed.map((s) => [s.name, s])), facts);
  const refresher = new StoreRefresher(db, config, sources, specs, logger, today);
  refresher.onWrite = () => reader.invalidate();
  refresher.start();
  let closed = false;
  const store: OpenedStore = {
    config,
    db,
    reader,
    refresher,
    specs,
    async close() {
      if (closed) return;
      closed = true;
      await refresher.stop();
      await release(store);
    },
  };
  register(store);
  return store;
}
