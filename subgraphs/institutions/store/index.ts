import type { SourceRegistry } from '../../../adapters';
import type { StoreConfig } from '../../../adapters/sources/config';
import { StoreDatabase } from '../../common/store/database';
import { MeasureStore } from '../../common/store/reader';
import { StoreRefresher } from '../../common/store/refresher';
import { STORED_FACTS } from './facts';
import type { LocalDate } from '../../../schema/period';

export { STORED_FACTS } from './facts';

/** The institutions subgraph's measure store: its database, the answering side and the refresher. */
export interface InstitutionsStore {
  readonly config: StoreConfig;
  readonly db: StoreDatabase;
  readonly reader: MeasureStore;
  readonly refresher: StoreRefresher;
  close(): Promise<void>;
}

/**
 * Open the store `config` names and, when this process refreshes (`config.refresh`), start its
 * background refresh (at once, then every `refreshMinutes`).
 */
export function openInstitutionsStore(
  config: StoreConfig,
  sources: SourceRegistry,
  logger: Pick<Console, 'info' | 'warn'> = console,
  /** Today's date (`yyyyMMdd`, Asia/Shanghai); tests fix it. */
  today?: () => LocalDate,
): InstitutionsStore {
  const db = new StoreDatabase(config.url);
  const reader = new MeasureStore(db, new Map(STORED_FACTS.map((s) => [s.name, s])));
  const refresher = new StoreRefresher(db, config, sources, STORED_FACTS, logger, today);
  refresher.onWrite = () => reader.invalidate();
  refresher.start();
  return {
    config,
    db,
    reader,
    refresher,
    async close() {
      await refresher.stop();
      await db.close();
    },
  };
}
