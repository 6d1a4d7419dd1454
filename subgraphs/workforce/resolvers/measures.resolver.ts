import { createMeasuresResolver } from '../../common/measure-resolver';
import type { WorkforceContext } from '../context';
import { workforceMeasures } from '../measures/catalog';
import { computeWorkforceValues } from '../measures/compute';

/** The measure protocol of this subgraph (internal: `@inaccessible` in the supergraph). */
export const MeasuresResolver = createMeasuresResolver<WorkforceContext>(
  workforceMeasures,
  computeWorkforceValues,
);
