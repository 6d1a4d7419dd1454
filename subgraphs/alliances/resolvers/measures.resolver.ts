import { createMeasuresResolver } from '../../common/measure-resolver';
import type { AlliancesContext } from '../context';
import { allianceMeasures } from '../measures/catalog';
import { computeAllianceValues } from '../measures/compute';

/** The measure protocol of this subgraph (internal: `@inaccessible` in the supergraph). */
export const MeasuresResolver = createMeasuresResolver<AlliancesContext>(
  allianceMeasures,
  computeAllianceValues,
);
