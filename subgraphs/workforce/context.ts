import type { SourceRegistry } from '../../adapters';
import { WorkforceView } from './view';

/** Long-lived services of the workforce subgraph. */
export interface WorkforceServices {
  readonly sources: SourceRegistry;
}

/** Per-request context: a fresh view (its registry and fact DataLoaders) for every operation. */
export interface WorkforceContext {
  readonly services: WorkforceServices;
  readonly registry: WorkforceView;
}

export function createWorkforceContext(services: WorkforceServices): WorkforceContext {
  return { services, registry: new WorkforceView(services.sources) };
}
