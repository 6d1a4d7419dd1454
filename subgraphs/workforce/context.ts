import type { SourceRegistry } from '../../adapters';
import type { OpenedStore } from '../common/store/open';
import { WorkforceView } from './view';

/** Long-lived services of the workforce subgraph. */
export interface WorkforceServices {
  readonly sources: SourceRegistry;
  /** The measure store of the per-period workforce and family-doctor facts (absent: live answers only). */
  readonly store?: OpenedStore;
}

/** Per-request context: a fresh view (its registry and fact DataLoaders) for every operation. */
export interface WorkforceContext {
  readonly services: WorkforceServices;
  readonly registry: WorkforceView;
}

export function createWorkforceContext(services: WorkforceServices): WorkforceContext {
  return { services, registry: new WorkforceView(services.sources, services.store) };
}
