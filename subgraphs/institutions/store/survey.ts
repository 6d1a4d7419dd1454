import { phsAdapter } from '../../../adapters';
import type { TwoWeekSurveyCounts } from '../../../adapters/phs/model';
import { definePeriodFact } from '../../common/store/period-spec';

/** A survey row with the period it answers (the survey year, as a YEAR period id). */
export interface SurveyPeriodCounts extends TwoWeekSurveyCounts {
  readonly period: string;
}

/**
 * 居民2周患病就诊调查 (two-week illness survey), kept whole per survey year by county: it is yearly,
 * so only YEAR periods have rows (a half-year stored has none, as live).
 */
export const SURVEY_FACT = definePeriodFact<SurveyPeriodCounts>({
  name: 'twoWeekSurvey',
  grain: 'PERIOD',
  fields: ['responses', 'visits', 'primaryFirstVisits'],
  codeField: 'divisionCode',
  kinds: ['phs'],
  fetch: async (source, periods, divisionCodes) => {
    const years = periods.filter((p) => p.granularity === 'YEAR').map((p) => p.year);
    if (years.length === 0) return [];
    const rows = await phsAdapter.twoWeekSurvey(source, { years, divisionCodes });
    return rows.map((r) => ({ ...r, period: String(r.year) }));
  },
});
