import { inCountyRates } from '../../../adapters/ins/county';
import type { InCountyRate } from '../../../adapters/ins/county';
import { periodMonths } from '../../../schema/period';
import { ScopeKind } from '../../common/measures';
import { SourceReport } from '../../common/provenance';
import type { InsuranceContext } from '../context';
import { InsuranceMedicalType, InsurancePaymentMethod, InsuranceType } from '../types/enums';
import { regionRef } from '../types/references';
import {
  InsuranceInCountyRate,
  InsuranceMedicalTypeLine,
  InsurancePaymentMethodLine,
  InsuranceSummary,
  InsuranceTypeLine,
} from '../types/summary';
import { scopeFacts } from './facts';
import type { PlacedSettlements, ScopeFacts, ScopeRequest } from './facts';

/** Yuan to the cent: sums of DECIMAL(16,2) amounts without floating-point dust. */
export function yuan(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface Totals {
  readonly settlements: number;
  readonly inpatientSettlements: number;
  readonly medfeeSum: number;
  readonly fundPay: number;
  readonly personalPay: number;
  readonly referralSettlements: number;
  readonly continuousDeductibleSettlements: number;
}

/** Sums of settlement groups (amounts rounded to the cent). */
export function totalsOf(rows: readonly PlacedSettlements[]): Totals {
  let settlements = 0;
  let inpatient = 0;
  let fee = 0;
  let fund = 0;
  let own = 0;
  let referral = 0;
  let cont = 0;
  for (const r of rows) {
    settlements += r.settlements;
    if (r.inpatient) inpatient += r.settlements;
    fee += r.medfeeSum;
    fund += r.fundPay;
    own += r.personalPay;
    if (r.referral === true) referral += r.settlements;
    if (r.continuousDeductible === true) cont += r.settlements;
  }
  return {
    settlements,
    inpatientSettlements: inpatient,
    medfeeSum: yuan(fee),
    fundPay: yuan(fund),
    personalPay: yuan(own),
    referralSettlements: referral,
    continuousDeductibleSettlements: cont,
  };
}

const TOTALS = new WeakMap<ScopeFacts, Totals>();

/** `totalsOf` the rows of one scope's facts, once per scope whatever the number of measures asking. */
export function scopeTotals(facts: ScopeFacts): Totals {
  let totals = TOTALS.get(facts);
  if (!totals) {
    totals = totalsOf(facts.rows);
    TOTALS.set(facts, totals);
  }
  return totals;
}

const RATES = new WeakMap<ScopeFacts, InCountyRate[]>();

/**
 * 县域内就诊率 of each county of a region scope (rows already restricted to the scope and period):
 * one pass over the rows, once per scope whatever the number of measures asking.
 */
export function countyRatesOf(facts: ScopeFacts): InCountyRate[] {
  let rates = RATES.get(facts);
  if (!rates) {
    rates = inCountyRates(facts.rows, facts.counties, periodMonths(facts.request.period));
    RATES.set(facts, rates);
  }
  return rates;
}

/** Percent (1 − numerator / denominator) × 100, null without a denominator. */
function ratePercent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (100 * (denominator - numerator)) / denominator;
}

function rateOf(
  region: string,
  numerator: number,
  denominator: number,
  unplaced: number,
): InsuranceInCountyRate {
  return Object.assign(new InsuranceInCountyRate(), {
    region: regionRef(region),
    numerator,
    denominator,
    value: ratePercent(numerator, denominator),
    unplaced,
  });
}

/** Lines per key, in the enum's declared order, unknown (null) last; classes without settlements left out. */
function breakdown<K extends string, L>(
  rows: readonly PlacedSettlements[],
  order: readonly K[],
  keyOf: (r: PlacedSettlements) => K | null,
  line: (key: K | null, totals: Totals) => L,
): L[] {
  const groups = new Map<K | null, PlacedSettlements[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return [...order, null].filter((k) => groups.has(k)).map((k) => line(k, totalsOf(groups.get(k) ?? [])));
}

function sums(t: Totals): { settlements: number; medfeeSum: number; fundPay: number; personalPay: number } {
  return {
    settlements: t.settlements,
    medfeeSum: t.medfeeSum,
    fundPay: t.fundPay,
    personalPay: t.personalPay,
  };
}

/** The public summary of one scope and period. */
export function toSummary(facts: ScopeFacts): InsuranceSummary {
  const base = {
    period: facts.request.period.id,
    complete: facts.complete,
    sources: facts.sources.map((s) => Object.assign(new SourceReport(), s)),
  };
  if (!facts.available) {
    return Object.assign(new InsuranceSummary(), {
      ...base,
      settlements: null,
      inpatientSettlements: null,
      medfeeSum: null,
      fundPay: null,
      personalPay: null,
      fundShare: null,
      referralSettlements: null,
      continuousDeductibleSettlements: null,
      byMedicalType: null,
      byPaymentMethod: null,
      byInsuranceType: null,
      inCountyRate: null,
      countyRates: null,
    });
  }
  const t = totalsOf(facts.rows);
  let inCounty: InsuranceInCountyRate | null = null;
  let countyRates: InsuranceInCountyRate[] | null = null;
  if (facts.request.kind === ScopeKind.REGION) {
    const rates = countyRatesOf(facts);
    countyRates = rates.map((r) => rateOf(r.county, r.numerator, r.denominator, r.unplaced));
    const sum = (key: 'numerator' | 'denominator' | 'unplaced'): number =>
      rates.reduce((n, r) => n + r[key], 0);
    inCounty = rateOf(facts.request.code, sum('numerator'), sum('denominator'), sum('unplaced'));
  }
  return Object.assign(new InsuranceSummary(), {
    ...base,
    ...t,
    fundShare: t.medfeeSum === 0 ? null : (100 * t.fundPay) / t.medfeeSum,
    byMedicalType: breakdown(
      facts.rows,
      Object.values(InsuranceMedicalType),
      (r) => r.medType as InsuranceMedicalType | null,
      (medicalType, totals) =>
        Object.assign(new InsuranceMedicalTypeLine(), { medicalType, ...sums(totals) }),
    ),
    byPaymentMethod: breakdown(
      facts.rows,
      Object.values(InsurancePaymentMethod),
      (r) => r.paymentMethod as InsurancePaymentMethod | null,
      (paymentMethod, totals) =>
        Object.assign(new InsurancePaymentMethodLine(), { paymentMethod, ...sums(totals) }),
    ),
    byInsuranceType: breakdown(
      facts.rows,
      Object.values(InsuranceType),
      (r) => r.insuranceType as InsuranceType | null,
      (insuranceType, totals) => Object.assign(new InsuranceTypeLine(), { insuranceType, ...sums(totals) }),
    ),
    inCountyRate: inCounty,
    countyRates,
  });
}

/** The DataLoader batch: every summary of one operation from one batch of facts. */
export async function computeSummaries(
  requests: readonly ScopeRequest[],
  ctx: InsuranceContext,
): Promise<Array<InsuranceSummary | Error>> {
  try {
    return (await scopeFacts(requests, ctx)).map(toSummary);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return requests.map(() => error);
  }
}
