import DataLoader from 'dataloader';
import { registryAdapter } from '../../adapters';
import type { SourceRegistry } from '../../adapters';
import type { DivisionStatRecord } from '../../adapters/registry/model';
import { RegistryView, registryUnavailable } from '../common/registry-view';
import { ServiceVolumeLoaders } from './service-volume';
import type { InstitutionsStore } from './store';

/** Long-lived services of the institutions subgraph. */
export interface InstitutionsServices {
  readonly sources: SourceRegistry;
  /** The measure store (absent: every answer is live). */
  readonly store?: InstitutionsStore;
}

/** Per-request context: a fresh registry view (and its DataLoaders) for every operation. */
export interface InstitutionsContext {
  readonly services: InstitutionsServices;
  readonly registry: RegistryView;
  /** division_stat rows by year: every year asked in one operation is one statement. */
  readonly divisionStats: DataLoader<number, DivisionStatRecord[]>;
  /** Service-volume summaries by (scope, period). */
  readonly volumes: ServiceVolumeLoaders;
}

export function createInstitutionsContext(services: InstitutionsServices): InstitutionsContext {
  const context: InstitutionsContext = {
    services,
    registry: new RegistryView(services.sources),
    divisionStats: new DataLoader(async (years) => {
      const rows = await registryAdapter
        .divisionStats(services.sources.registry(), years)
        .catch(registryUnavailable);
      return years.map((y) => rows.filter((r) => r.year === y));
    }),
    volumes: new ServiceVolumeLoaders(() => context),
  };
  return context;
}
