import type { SourceRegistry } from '../../adapters';
import { AllianceRegistryView } from './registry-view';

/** Long-lived services of the alliances subgraph. */
export interface AlliancesServices {
  readonly sources: SourceRegistry;
}

/** Per-request context: a fresh registry view (and its DataLoaders) for every operation. */
export interface AlliancesContext {
  readonly services: AlliancesServices;
  readonly registry: AllianceRegistryView;
}

export function createAlliancesContext(services: AlliancesServices): AlliancesContext {
  return { services, registry: new AllianceRegistryView(services.sources) };
}
