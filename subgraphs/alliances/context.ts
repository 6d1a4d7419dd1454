import type { SourceRegistry } from '../../adapters';
import type { OpenedStore } from '../common/store/open';
import { FlowLoaders } from './flows/loaders';
import { AllianceRegistryView } from './registry-view';

/** Long-lived services of the alliances subgraph. */
export interface AlliancesServices {
  readonly sources: SourceRegistry;
  /** The measure store of referrals and telemedicine sessions (absent: live answers only). */
  readonly store?: OpenedStore;
}

/** Per-request context: a fresh registry view and flow loaders (DataLoaders) for every operation. */
export interface AlliancesContext {
  readonly services: AlliancesServices;
  readonly registry: AllianceRegistryView;
  readonly flows: FlowLoaders;
}

export function createAlliancesContext(services: AlliancesServices): AlliancesContext {
  const registry = new AllianceRegistryView(services.sources);
  return { services, registry, flows: new FlowLoaders(services.sources, registry, services.store) };
}
