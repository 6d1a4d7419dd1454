import type DataLoader from 'dataloader';
import type { MeasureRequest, MeasureValueData } from '../common/measures';
import type { Principal } from '../../security/principal';
import { createMeasureLoader } from './measure-client';
import type { MeasureDirectory } from './measure-client';

/** Long-lived services of the indicators subgraph. */
export interface IndicatorsServices {
  readonly directory: MeasureDirectory;
  /** Counts below it are withheld from callers with small-count suppression (apps); default 5. */
  readonly smallCountThreshold: number;
}

/** Per-request context: one measure loader, so an operation asks each owner once. */
export interface IndicatorsContext {
  readonly services: IndicatorsServices;
  /** The caller, as the gateway verified it; forwarded (signed) with every measure request. */
  readonly principal: Principal;
  readonly measures: DataLoader<MeasureRequest, MeasureValueData, string>;
}

export function createIndicatorsContext(
  services: IndicatorsServices,
  principal: Principal,
): IndicatorsContext {
  return { services, principal, measures: createMeasureLoader(services.directory, principal) };
}
