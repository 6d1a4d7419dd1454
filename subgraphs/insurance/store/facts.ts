import { insAdapter } from '../../../adapters/ins/adapter';
import type { Placement } from '../../../adapters/ins/county';
import type { SettlementCounts } from '../../../adapters/ins/model';
import { ALL_INSTITUTIONS } from '../../../adapters/sql/time';
import { defineStoredFact, MONEY_TOLERANCE } from '../../common/store/spec';
import type { FactRow, StoredFactSpec } from '../../common/store/spec';

/** The summed fields of a settlement group, in storage order. */
const FIELDS = ['settlements', 'persons', 'medfeeSum', 'fundPay', 'personalPay'] as const;

/** A settlement group as a fact row: the institution column holds the 定点医药机构编码. */
function toFact(row: SettlementCounts): FactRow {
  const { fixmedinsCode, ...rest } = row;
  return { orgCode: fixmedinsCode, ...rest };
}

/**
 * A stored fact row back as the settlement group the adapter returns, with its treating
 * institution's `placement` when given: one object per row, built whole (a province's 200 000
 * groups are not copied again to be placed).
 */
export function settlementOf(row: FactRow, placement?: Placement): SettlementCounts & Partial<Placement> {
  const num = (k: string): number => Number(row[k] ?? 0);
  const text = (k: string): string | null =>
    row[k] === null || row[k] === undefined ? null : String(row[k]);
  const flag = (k: string): boolean | null => (typeof row[k] === 'boolean' ? (row[k] as boolean) : null);
  return {
    fixmedinsCode: row.orgCode,
    insuAdmdvs: text('insuAdmdvs'),
    medType: text('medType') as SettlementCounts['medType'],
    inpatient: row.inpatient === true,
    insuranceType: text('insuranceType') as SettlementCounts['insuranceType'],
    paymentMethod: text('paymentMethod') as SettlementCounts['paymentMethod'],
    referral: flag('referral'),
    continuousDeductible: flag('continuousDeductible'),
    month: row.month,
    settlements: num('settlements'),
    persons: num('persons'),
    medfeeSum: num('medfeeSum'),
    fundPay: num('fundPay'),
    personalPay: num('personalPay'),
    orgCode: placement?.orgCode,
    county: placement?.county,
    inRegion: placement?.inRegion,
    placedBy: placement?.placedBy,
  };
}

/**
 * Valid settlements (医保结算), kept per whole closed month: each group's `persons` is a distinct
 * count that days do not add up to. Verification compares the valid settlements and their amounts per day.
 */
export const SETTLEMENTS_FACT: StoredFactSpec = defineStoredFact({
  name: 'settlements',
  grain: 'MONTH',
  fields: [...FIELDS],
  checkFields: ['settlements', 'medfeeSum', 'fundPay', 'personalPay'],
  checkTolerance: { medfeeSum: MONEY_TOLERANCE, fundPay: MONEY_TOLERANCE, personalPay: MONEY_TOLERANCE },
  // What the insurance measures use (insured area, inpatient, the two flags): a province's year is
  // 116 000 groups with every key, 20 000 with these.
  projection: ['insuAdmdvs', 'inpatient', 'referral', 'continuousDeductible'],
  kinds: ['ins'],
  fetch: async (source, query) => {
    if (query.grain === 'DAY_TOTAL') {
      if (!query.days) return [];
      const days = await insAdapter.dailySettlements(source, query.days);
      return days.map(({ day, ...sums }) => ({ orgCode: ALL_INSTITUTIONS, month: day, ...sums }));
    }
    const rows = await insAdapter.settlements(source, {
      months: query.months,
      ...(query.days ? { days: query.days } : {}),
    });
    return rows.map(toFact);
  },
});

/** The insurance subgraph's stored facts. */
export const INSURANCE_STORED_FACTS: readonly StoredFactSpec[] = [SETTLEMENTS_FACT];
