import type { ServedMeasure } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import type { ScopeFacts } from './facts';
import { countyRatesOf, scopeTotals } from './summary';

/** A measure of this subgraph, as data: its value from the facts of one scope and period. */
export interface InsuranceMeasure extends ServedMeasure {
  readonly value: (facts: ScopeFacts) => number;
}

const BOTH = [ScopeKind.REGION, ScopeKind.INSTITUTION] as const;
const REGION_ONLY = [ScopeKind.REGION] as const;

const sumCounties = (key: 'numerator' | 'denominator') => (facts: ScopeFacts) =>
  countyRatesOf(facts).reduce((n, r) => n + r[key], 0);

/**
 * Measures over the insurance settlement system (legacy-systems.md §10): valid settlements only
 * (vali_flag '1'), in the month of setl_time. A region scope counts the settlements of its insured
 * (insu_admdvs in its subtree), an institution scope those settled there (its 定点医药机构编码
 * through ins_org_map).
 */
export const insuranceMeasures: readonly InsuranceMeasure[] = [
  {
    code: 'INS_SETTLEMENTS',
    nameZh: '医保结算人次',
    nameEn: 'Valid insurance settlements: region — of its insured; institution — settled there',
    unit: '人次',
    scopeKinds: BOTH,
    value: (f) => scopeTotals(f).settlements,
  },
  {
    code: 'INS_INPATIENT_SETTLEMENTS',
    nameZh: '医保住院结算人次',
    nameEn: 'Valid inpatient insurance settlements (普通住院, 日间手术)',
    unit: '人次',
    scopeKinds: BOTH,
    value: (f) => scopeTotals(f).inpatientSettlements,
  },
  {
    code: 'INS_MEDFEE_SUM',
    nameZh: '医保结算医疗费总额',
    nameEn: 'Total medical fees of valid insurance settlements',
    unit: '元',
    scopeKinds: BOTH,
    value: (f) => scopeTotals(f).medfeeSum,
  },
  {
    code: 'INS_FUND_PAY',
    nameZh: '医保基金支付总额',
    nameEn: 'Insurance fund payments of valid settlements',
    unit: '元',
    scopeKinds: BOTH,
    value: (f) => scopeTotals(f).fundPay,
  },
  {
    code: 'INS_PERSONAL_PAY',
    nameZh: '医保结算个人负担',
    nameEn: 'Amounts paid by the insured in valid settlements',
    unit: '元',
    scopeKinds: BOTH,
    value: (f) => scopeTotals(f).personalPay,
  },
  {
    code: 'INS_REFERRAL_SETTLEMENTS',
    nameZh: '转诊转院结算人次',
    nameEn: 'Valid settlements flagged as referral or transfer (转诊转院)',
    unit: '人次',
    scopeKinds: BOTH,
    value: (f) => scopeTotals(f).referralSettlements,
  },
  {
    code: 'INS_CONT_DEDUCTIBLE_SETTLEMENTS',
    nameZh: '起付线连续计算结算人次',
    nameEn: 'Valid settlements with the deductible calculated continuously (起付线连续计算)',
    unit: '人次',
    scopeKinds: BOTH,
    value: (f) => scopeTotals(f).continuousDeductibleSettlements,
  },
  {
    code: 'INS_INPATIENT_INSURED',
    nameZh: '同期县域内患者住院总人次数',
    nameEn:
      'Valid inpatient settlements of the insured of the counties of the region (denominator of 县域内就诊率)',
    unit: '人次',
    scopeKinds: REGION_ONLY,
    value: sumCounties('denominator'),
  },
  {
    code: 'INS_INPATIENT_INSURED_OUTSIDE_COUNTY',
    nameZh: '县域内住院患者转出人次数',
    nameEn:
      'Valid inpatient settlements of the insured of a county at institutions outside that county, summed over the counties of the region (numerator of 县域内就诊率)',
    unit: '人次',
    scopeKinds: REGION_ONLY,
    value: sumCounties('numerator'),
  },
];

export const measureByCode = new Map(insuranceMeasures.map((m) => [m.code, m]));
