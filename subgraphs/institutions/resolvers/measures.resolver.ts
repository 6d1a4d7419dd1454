import { createMeasuresResolver } from '../../common/measure-resolver';
import type { InstitutionsContext } from '../context';
import { institutionMeasures } from '../measures/catalog';
import { computeMeasureValues } from '../measures/compute';

/** The measure protocol of this subgraph (internal: `@inaccessible` in the supergraph). */
export const MeasuresResolver = createMeasuresResolver<InstitutionsContext>(
  institutionMeasures,
  computeMeasureValues,
);
