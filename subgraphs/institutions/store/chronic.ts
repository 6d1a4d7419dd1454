import { phsAdapter } from '../../../adapters';
import type { ChronicManagementCounts } from '../../../adapters/phs/model';
import { definePeriodFact } from '../../common/store/period-spec';

/**
 * 慢病管理 (public-health chronic-disease management), kept whole per closed period: 纳入管理 counts
 * the records open in the period and 规范管理 the follow-ups within it, neither a sum of days.
 */
export const CHRONIC_FACT = definePeriodFact<ChronicManagementCounts>({
  name: 'chronicManagement',
  grain: 'PERIOD',
  fields: ['managed', 'standardizedManaged', 'requiredFollowUps'],
  codeField: 'orgCode',
  kinds: ['phs'],
  fetch: (source, periods, orgCodes) => phsAdapter.chronicManagement(source, { periods, orgCodes }),
});
