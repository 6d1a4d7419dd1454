import type { SourceRegistry } from '../../../adapters';
import type { StoreConfig } from '../../../adapters/sources/config';
import type { LocalDate } from '../../../schema/period';
import { openMeasureStore } from '../../common/store/open';
import type { OpenedStore } from '../../common/store/open';
import { WORKFORCE_STORED_FACTS } from './facts';

export * from './facts';

/** Open the measure store of the workforce and family-doctor facts (and start its refresh when this process refreshes). */
export function openWorkforceStore(
  config: StoreConfig,
  sources: SourceRegistry,
  logger: Pick<Console, 'info' | 'warn'> = console,
  /** Today's date (`yyyyMMdd`, Asia/Shanghai); tests fix it. */
  today?: () => LocalDate,
): OpenedStore {
  return openMeasureStore(config, sources, WORKFORCE_STORED_FACTS, logger, today);
}
