import type DataLoader from 'dataloader';
import type { MeasureRequest, MeasureValueData } from '../common/measures';
import type { Principal } from '../../security/principal';
import { createMeasureLoader } from './measure-client';
import type { MeasureDirectory } from './measure-client';
import type { MeasureCache } from './cache';
import { ResultPolicy } from './cache/result-policy';

/** Long-lived services of the indicators subgraph. */
export interface IndicatorsServices {
  readonly directory: MeasureDirectory;
  /** Counts below it are withheld from callers with small-count suppression (apps); default 5. */
  readonly smallCountThreshold: number;
  /**
   * Result cache of closed periods (cache/README.md), shared by every request; keyed by the
   * caller's visibility. Absent or null: every triple is asked live.
   */
  readonly cache?: MeasureCache | null;
}

/** Per-request context: one measure loader, so an operation asks each owner once. */
export interface IndicatorsContext {
  readonly services: IndicatorsServices;
  /** The caller, as the gateway verified it; forwarded (signed) with every measure request. */
  readonly principal: Principal;
  readonly measures: DataLoader<MeasureRequest, MeasureValueData, string>;
  /** Whether this request's whole answer may be cached by the gateway (every value closed and complete). */
  readonly resultPolicy: ResultPolicy;
}

export function createIndicatorsContext(
  services: IndicatorsServices,
  principal: Principal,
): IndicatorsContext {
  const resultPolicy = new ResultPolicy();
  return {
    services,
    principal,
    measures: createMeasureLoader(services.directory, principal, {
      cache: services.cache ?? null,
      observe: (cacheable) => resultPolicy.note(cacheable),
    }),
    resultPolicy,
  };
}
