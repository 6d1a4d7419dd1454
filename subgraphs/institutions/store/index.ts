import type { SourceRegistry } from '../../../adapters';
import type { StoreConfig } from '../../../adapters/sources/config';
import { openMeasureStore } from '../../common/store/open';
import type { OpenedStore } from '../../common/store/open';
import { CHRONIC_FACT } from './chronic';
import { STORED_FACTS } from './facts';
import { SURVEY_FACT } from './survey';
import type { LocalDate } from '../../../schema/period';

export { STORED_FACTS } from './facts';
export { CHRONIC_FACT } from './chronic';
export { SURVEY_FACT } from './survey';

/** The institutions subgraph's measure store (HIS and LIS facts; public-health chronic management and the two-week survey per period). */
export type InstitutionsStore = OpenedStore;

/**
 * Open the store `config` names for the HIS and LIS facts and, when this process refreshes
 * (`config.refresh`), start their background refresh (at once, then every `refreshMinutes`).
 */
export function openInstitutionsStore(
  config: StoreConfig,
  sources: SourceRegistry,
  logger: Pick<Console, 'info' | 'warn'> = console,
  /** Today's date (`yyyyMMdd`, Asia/Shanghai); tests fix it. */
  today?: () => LocalDate,
): InstitutionsStore {
  return openMeasureStore(config, sources, [...STORED_FACTS, CHRONIC_FACT, SURVEY_FACT], logger, today);
}
