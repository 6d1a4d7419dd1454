import type DataLoader from 'dataloader';
import type { MeasureRequest, MeasureValueData } from '../common/measures';
import { createMeasureLoader } from './measure-client';
import type { MeasureDirectory } from './measure-client';

/** Long-lived services of the indicators subgraph. */
export interface IndicatorsServices {
  readonly directory: MeasureDirectory;
}

/** Per-request context: one measure loader, so an operation asks each owner once. */
export interface IndicatorsContext {
  readonly services: IndicatorsServices;
  readonly measures: DataLoader<MeasureRequest, MeasureValueData, string>;
}

export function createIndicatorsContext(services: IndicatorsServices): IndicatorsContext {
  return { services, measures: createMeasureLoader(services.directory) };
}
