import type { SourceRegistry } from '../../../adapters';
import type { StoreConfig } from '../../../adapters/sources/config';
import type { LocalDate } from '../../../schema/period';
import { openMeasureStore } from '../../common/store/open';
import type { OpenedStore } from '../../common/store/open';
import { INSURANCE_STORED_FACTS } from './facts';

export { INSURANCE_STORED_FACTS, SETTLEMENTS_FACT } from './facts';

/** Open the measure store of settlements (and start its refresh when this process refreshes). */
export function openInsuranceStore(
  config: StoreConfig,
  sources: SourceRegistry,
  logger: Pick<Console, 'info' | 'warn'> = console,
  /** Today's date (`yyyyMMdd`, Asia/Shanghai); tests fix it. */
  today?: () => LocalDate,
): OpenedStore {
  return openMeasureStore(config, sources, INSURANCE_STORED_FACTS, logger, today);
}
