import type { SourceRegistry } from '../../adapters';
import { RegistryView } from '../common/registry-view';

/** Long-lived services of the institutions subgraph. */
export interface InstitutionsServices {
  readonly sources: SourceRegistry;
}

/** Per-request context: a fresh registry view (and its DataLoaders) for every operation. */
export interface InstitutionsContext {
  readonly services: InstitutionsServices;
  readonly registry: RegistryView;
}

export function createInstitutionsContext(services: InstitutionsServices): InstitutionsContext {
  return { services, registry: new RegistryView(services.sources) };
}
