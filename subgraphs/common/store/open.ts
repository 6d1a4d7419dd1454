import type { SourceRegistry } from '../../../adapters';
import type { StoreConfig } from '../../../adapters/sources/config';
import type { LocalDate } from '../../../schema/period';
import { StoreDatabase } from './database';
import { MeasureStore } from './reader';
import { StoreRefresher } from './refresher';
import type { StoredFactSpec } from './spec';

/** A subgraph's measure store, opened: its database, the answering side and the refresher. */
export interface OpenedStore {
  readonly config: StoreConfig;
  readonly db: StoreDatabase;
  readonly reader: MeasureStore;
  readonly refresher: StoreRefresher;
  /** The facts this subgraph keeps in the store. */
  readonly specs: readonly StoredFactSpec[];
  close(): Promise<void>;
}

/**
 * Databases opened in this process, by URL, with the number of stores using each. Subgraphs of
 * one process share one connection (SQLite allows one writer at a time: two writer connections
 * would wait on each other's long fills).
 */
const shared = new Map<string, { db: StoreDatabase; users: number }>();

function acquire(url: string): StoreDatabase {
  const entry = shared.get(url) ?? { db: new StoreDatabase(url), users: 0 };
  entry.users += 1;
  shared.set(url, entry);
  return entry.db;
}

async function release(url: string): Promise<void> {
  const entry = shared.get(url);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  shared.delete(url);
  await entry.db.close();
}

/**
 * Open the store `config` names for the facts `specs` of one subgraph and, when this process
 * refreshes (`config.refresh`), start their background refresh (at once, then every
 * `refreshMinutes`). Fact names must be unique across subgraphs: the store keys rows by them.
 */
export function openMeasureStore(
  config: StoreConfig,
  sources: SourceRegistry,
  specs: readonly StoredFactSpec[],
  logger: Pick<Console, 'info' | 'warn'> = console,
  /** Today's date (`yyyyMMdd`, Asia/Shanghai); tests fix it. */
  today?: () => LocalDate,
): OpenedStore {
  const db = acquire(config.url);
  const reader = new MeasureStore(db, new Map(specs.map((s) => [s.name, s])));
  const refresher = new StoreRefresher(db, config, sources, specs, logger, today);
  refresher.onWrite = () => reader.invalidate();
  refresher.start();
  let closed = false;
  return {
    config,
    db,
    reader,
    refresher,
    specs,
    async close() {
      if (closed) return;
      closed = true;
      await refresher.stop();
      await release(config.url);
    },
  };
}
