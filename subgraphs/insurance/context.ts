import DataLoader from 'dataloader';
import type { SourceRegistry } from '../../adapters';
import type { OpenedStore } from '../common/store/open';
import { computeSummaries } from './measures/summary';
import type { ScopeRequest } from './measures/facts';
import { scopeRequestKey } from './measures/facts';
import { InsuranceRegistryView } from './registry-view';
import type { InsuranceSummary } from './types/summary';

/** Long-lived services of the insurance subgraph. */
export interface InsuranceServices {
  readonly sources: SourceRegistry;
  /** The measure store of settlements (absent: live answers only). */
  readonly store?: OpenedStore;
}

/** Per-request context: a fresh registry view and summary loader (DataLoaders) for every operation. */
export interface InsuranceContext {
  readonly services: InsuranceServices;
  readonly registry: InsuranceRegistryView;
  /** Summaries of (scope, period): every Region/Institution of one operation answered in one batch. */
  readonly summaries: DataLoader<ScopeRequest, InsuranceSummary, string>;
}

export function createInsuranceContext(services: InsuranceServices): InsuranceContext {
  const context: InsuranceContext = {
    services,
    registry: new InsuranceRegistryView(services.sources),
    summaries: new DataLoader((requests) => computeSummaries(requests, context), {
      cacheKeyFn: scopeRequestKey,
    }),
  };
  return context;
}
