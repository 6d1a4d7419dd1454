import { createMeasuresResolver } from '../../common/measure-resolver';
import type { AlliancesContext } from '../context';
import { referralMeasures } from '../measures/catalog';
import { computeReferralValues } from '../measures/compute';

/** The measure protocol of this subgraph (internal: `@inaccessible` in the supergraph). */
export const MeasuresResolver = createMeasuresResolver<AlliancesContext>(
  referralMeasures,
  computeReferralValues,
);
