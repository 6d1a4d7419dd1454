import { createMeasuresResolver } from '../../common/measure-resolver';
import type { InsuranceContext } from '../context';
import { insuranceMeasures } from '../measures/catalog';
import { computeInsuranceValues } from '../measures/compute';

/** The measure protocol of this subgraph (internal: `@inaccessible` in the supergraph). */
export const MeasuresResolver = createMeasuresResolver<InsuranceContext>(
  insuranceMeasures,
  computeInsuranceValues,
);
