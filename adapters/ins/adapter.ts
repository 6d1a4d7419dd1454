import { periodMonths } from '../../schema/period';
import type { Period } from '../../schema/period';
import { flagOf, textOrNull } from '../registry/codes';
import { flagCase, nothingAsked } from '../sql/builders';
import { distinctPeriods, periodsTable } from '../sql/periods';
import { toCount, toYuan } from '../sql/rows';
import type { Num } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import {
  bucketKey,
  dayBucket,
  inList,
  monthBucket,
  monthKey,
  monthsPredicate,
  timeLiteral,
} from '../sql/time';
import {
  canonicalCase,
  INPATIENT_MED_TYPES,
  INSURANCE_TYPES,
  isInpatient,
  MED_TYPES,
  PAYMENT_METHODS,
} from './codes';
import type {
  DailySettlements,
  InsuranceType,
  InsuredPersons,
  MedType,
  PaymentMethod,
  SettlementCounts,
  SettlementQuery,
} from './model';

interface SettlementRow {
  fx: string | null;
  adm: string | null;
  mt: string | null;
  it: string | null;
  pm: string | null;
  rf: string | null;
  cd: string | null;
  ym: string | number;
  n: Num;
  persons: Num;
  fee: Num;
  fund: Num;
  own: Num;
}

interface PersonsRow {
  pid: string;
  adm: string | null;
  n: Num;
  persons: Num;
  ip_n: Num;
  ip_persons: Num;
}

/** `setl_time >= ? AND setl_time < ?` for days `[from, to)` (pushes the parameters). */
function dayRangePredicate(column: string, days: { from: string; to: string }, params: unknown[]): string {
  params.push(timeLiteral(days.from, 'DATETIME'), timeLiteral(days.to, 'DATETIME'));
  return `${column} >= ? AND ${column} < ?`;
}

/** A person with an empty or NULL psn_no is never counted as a person. */
const PERSON = `NULLIF(TRIM(psn_no), '')`;

const INPATIENT_LIST = INPATIENT_MED_TYPES.map((c) => `'${c}'`).join(', ');

/**
 * Read-only access to the insurance settlement system (legacy-systems.md §10): one aggregate
 * statement per call. Only valid settlements (vali_flag '1') count; reversed ones ('0', 冲销)
 * and rows with an unknown flag never do. Months are those of setl_time (local time).
 */
export const insAdapter = {
  /**
   * Valid settlements per (fixmedins code, insured area, medical type, 险种, payment method,
   * referral, continuous deductible, month). Codes are made canonical inside the database, so
   * `persons` is an exact distinct count for each group (still not additive across groups).
   */
  async settlements(source: SqlSource, query: SettlementQuery): Promise<SettlementCounts[]> {
    const admdvs = query.insuAdmdvs ?? null;
    const codes = query.fixmedinsCodes ?? null;
    if (nothingAsked(query.months, admdvs, codes)) return [];
    const params: unknown[] = [];
    const timeWhere = query.days
      ? dayRangePredicate('setl_time', query.days, params)
      : monthsPredicate('setl_time', 'DATETIME', query.months, params);
    const admWhere = inList('insu_admdvs', admdvs, params);
    const codeWhere = inList('fixmedins_code', codes, params);
    const groups = [
      'TRIM(fixmedins_code)',
      `COALESCE(TRIM(insu_admdvs), '')`,
      canonicalCase('med_type', MED_TYPES, ''),
      canonicalCase('insutype', INSURANCE_TYPES, 'OTHER'),
      canonicalCase('hi_paymtd', PAYMENT_METHODS, 'OTHER'),
      flagCase('refl_flag'),
      flagCase('cont_deductible'),
      monthBucket('setl_time', 'DATETIME', source.dialect),
    ];
    const [fx, adm, mt, it, pm, rf, cd, ym] = groups;
    const rows = await source.query<SettlementRow>(
      `SELECT ${fx} AS fx, ${adm} AS adm, ${mt} AS mt, ${it} AS it, ${pm} AS pm, ${rf} AS rf, ${cd} AS cd,
              ${ym} AS ym, COUNT(*) AS n, COUNT(DISTINCT ${PERSON}) AS persons,
              SUM(medfee_sumamt) AS fee, SUM(fund_pay_sumamt) AS fund, SUM(psn_pay) AS own
         FROM setl_d
        WHERE vali_flag = '1' AND (${timeWhere})${admWhere}${codeWhere}
        GROUP BY ${groups.join(', ')}`,
      params,
    );
    return rows.map((r) => {
      const medType = (textOrNull(r.mt) as MedType | null) ?? null;
      return {
        fixmedinsCode: String(r.fx ?? '').trim(),
        insuAdmdvs: textOrNull(r.adm),
        medType,
        inpatient: isInpatient(medType),
        insuranceType: textOrNull(r.it) as InsuranceType | null,
        paymentMethod: textOrNull(r.pm) as PaymentMethod | null,
        referral: flagOf(r.rf),
        continuousDeductible: flagOf(r.cd),
        month: monthKey(r.ym),
        settlements: toCount(r.n),
        persons: toCount(r.persons),
        medfeeSum: toYuan(r.fee),
        fundPay: toYuan(r.fund),
        personalPay: toYuan(r.own),
      };
    });
  },

  /**
   * Valid settlements per day of `[from, to)` over every institution (no other grouping): the
   * measure store's cheap verification of what it holds.
   */
  async dailySettlements(
    source: SqlSource,
    days: { readonly from: string; readonly to: string },
  ): Promise<DailySettlements[]> {
    const params: unknown[] = [];
    const timeWhere = dayRangePredicate('setl_time', days, params);
    const day = dayBucket('setl_time', 'DATETIME', source.dialect);
    const rows = await source.query<{ d: string | number; n: Num; fee: Num; fund: Num; own: Num }>(
      `SELECT ${day} AS d, COUNT(*) AS n, SUM(medfee_sumamt) AS fee, SUM(fund_pay_sumamt) AS fund, SUM(psn_pay) AS own
         FROM setl_d WHERE vali_flag = '1' AND (${timeWhere}) GROUP BY ${day}`,
      params,
    );
    return rows.map((r) => ({
      day: bucketKey(r.d),
      settlements: toCount(r.n),
      medfeeSum: toYuan(r.fee),
      fundPay: toYuan(r.fund),
      personalPay: toYuan(r.own),
    }));
  },

  /**
   * Distinct insured persons with a valid settlement in each period, per insured area (all
   * settlements, and inpatient ones): the numbers `settlements` cannot add up.
   */
  async insuredPersons(
    source: SqlSource,
    query: { readonly periods: readonly Period[]; readonly insuAdmdvs?: readonly string[] | null },
  ): Promise<InsuredPersons[]> {
    const admdvs = query.insuAdmdvs ?? null;
    const periods = distinctPeriods(query.periods);
    if (nothingAsked(periods, admdvs)) return [];
    const params: unknown[] = [];
    const table = periodsTable(periods, params, 'DATETIME');
    const timeWhere = monthsPredicate(
      's.setl_time',
      'DATETIME',
      periods.flatMap((p) => periodMonths(p)),
      params,
    );
    const admWhere = inList('s.insu_admdvs', admdvs, params);
    const adm = `COALESCE(TRIM(s.insu_admdvs), '')`;
    const inpatient = `TRIM(s.med_type) IN (${INPATIENT_LIST})`;
    const person = PERSON.replace('psn_no', 's.psn_no');
    const rows = await source.query<PersonsRow>(
      `SELECT p.pid AS pid, ${adm} AS adm, COUNT(*) AS n, COUNT(DISTINCT ${person}) AS persons,
              SUM(CASE WHEN ${inpatient} THEN 1 ELSE 0 END) AS ip_n,
              COUNT(DISTINCT CASE WHEN ${inpatient} THEN ${person} END) AS ip_persons
         FROM setl_d s
         JOIN (${table}) p ON s.setl_time >= p.ps AND s.setl_time < p.pe
        WHERE s.vali_flag = '1' AND (${timeWhere})${admWhere}
        GROUP BY p.pid, ${adm}`,
      params,
    );
    return rows.map((r) => ({
      period: String(r.pid),
      insuAdmdvs: textOrNull(r.adm),
      settlements: toCount(r.n),
      persons: toCount(r.persons),
      inpatientSettlements: toCount(r.ip_n),
      inpatientPersons: toCount(r.ip_persons),
    }));
  },
};
