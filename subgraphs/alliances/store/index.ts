import type { SourceRegistry } from '../../../adapters';
import type { StoreConfig } from '../../../adapters/sources/config';
import type { LocalDate } from '../../../schema/period';
import { openMeasureStore } from '../../common/store/open';
import type { OpenedStore } from '../../common/store/open';
import { ALLIANCES_STORED_FACTS } from './facts';

export { ALLIANCES_STORED_FACTS, REFERRALS_FACT, TELEMED_FACT } from './facts';

/** Open the measure store of referrals and telemedicine sessions (and start its refresh when this process refreshes). */
export function openAlliancesStore(
  config: StoreConfig,
  sources: SourceRegistry,
  logger: Pick<Console, 'info' | 'warn'> = console,
  /** Today's date (`yyyyMMdd`, Asia/Shanghai); tests fix it. */
  today?: () => LocalDate,
): OpenedStore {
  return openMeasureStore(config, sources, ALLIANCES_STORED_FACTS, logger, today);
}
