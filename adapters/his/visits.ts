import type { MonthlyQuery } from '../sql/time';

/** The adapter interface lives in adapter.ts; it is re-exported here for existing imports. */
export type { HisAdapter } from './adapter';

/**
 * One request for visit counts: institutions (null = every institution the source holds) and
 * months (`yyyyMM`; the adapter turns them into the fewest index-friendly ranges). The measure
 * store also asks by day (`grain`, `days`) and the live tail after it (`since`): see MonthlyQuery.
 */
export interface VisitCountQuery extends MonthlyQuery {
  readonly orgCodes: readonly string[] | null;
  readonly months: readonly string[];
}

/** 诊疗人次 for one institution and month, in canonical meaning (only visits that happened). */
export interface VisitCounts {
  readonly orgCode: string;
  /** `yyyyMM`. */
  readonly month: string;
  /** 诊疗人次: outpatient + emergency. */
  readonly visits: number;
  /** 急诊人次. */
  readonly emergencyVisits: number;
  /** 中医诊疗人次. */
  readonly tcmVisits: number;
  /** 门诊费用合计 (yuan) of those visits. */
  readonly feeTotal: number;
}
