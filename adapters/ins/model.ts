/**
 * Canonical facts of the insurance settlement system (legacy-systems.md §10). Only valid
 * settlements (vali_flag '1') ever count; no person identifier (psn_no) survives here.
 */

/** 医疗类别 (the contract's subset). */
export type MedType =
  | 'OUTPATIENT' // '11' 普通门诊
  | 'EMERGENCY' // '13' 急诊
  | 'CHRONIC_OUTPATIENT' // '14' 门诊慢特病
  | 'INPATIENT' // '21' 普通住院
  | 'DAY_SURGERY'; // '2114' 日间手术

/** 险种. */
export type InsuranceType =
  | 'EMPLOYEE' // '310' 职工基本医疗保险
  | 'CIVIL_SERVANT' // '320' 公务员医疗补助
  | 'LARGE_EXPENSE' // '330' 大额医疗费用补助
  | 'RETIRED_CADRE' // '340' 离休人员医疗保障
  | 'NCMS' // '380' 新型农村合作医疗
  | 'RESIDENT' // '390' 城乡居民基本医疗保险
  | 'URBAN_RESIDENT' // '391' 城镇居民基本医疗保险
  | 'SERIOUS_ILLNESS' // '392' 城乡居民大病医疗保险
  | 'OTHER'; // '399' 其他, and any other code of the national set

/** 医保支付方式. */
export type PaymentMethod =
  | 'ITEM' // '1' 按项目
  | 'SINGLE_DISEASE' // '2' 单病种
  | 'DIP' // '3' 按病种分值
  | 'DRG' // '4'
  | 'BED_DAY' // '5' 按床日
  | 'CAPITATION' // '6' 按人头/人次
  | 'OTHER'; // '9' 其他, and any other code

/** One request: months (`yyyyMM`), insured areas and institutions (null = all). */
export interface SettlementQuery {
  readonly months: readonly string[];
  /**
   * Days `[from, to)` (`yyyyMMdd`) instead of the months (the measure store fills whole closed
   * months with it; `months` must still name the months it falls in).
   */
  readonly days?: { readonly from: string; readonly to: string };
  /** 参保地医保区划 (insu_admdvs); null = every insured area. */
  readonly insuAdmdvs?: readonly string[] | null;
  /** 定点医药机构编码; null = every institution. */
  readonly fixmedinsCodes?: readonly string[] | null;
}

/** Valid settlements per (institution code, insured area, medical type, 险种, payment, flags, month). */
export interface SettlementCounts {
  /** 定点医药机构编码, as the insurance system writes it (map through ins_org_map: see county.ts). */
  readonly fixmedinsCode: string;
  /** 参保地 county; null when empty or NULL. */
  readonly insuAdmdvs: string | null;
  /** null when the code is empty or outside the contract's subset. */
  readonly medType: MedType | null;
  /** 住院: med_type '21' or '2114'. */
  readonly inpatient: boolean;
  /** null when empty or NULL; codes outside the contract's list are OTHER. */
  readonly insuranceType: InsuranceType | null;
  readonly paymentMethod: PaymentMethod | null;
  /** 转诊转院; null when unknown. */
  readonly referral: boolean | null;
  /** 起付线连续计算; null when unknown. */
  readonly continuousDeductible: boolean | null;
  /** `yyyyMM` of setl_time. */
  readonly month: string;
  /** 结算人次. */
  readonly settlements: number;
  /** Distinct insured persons inside this group only: not additive across groups (see `insuredPersons`). */
  readonly persons: number;
  /** 医疗费总额, yuan. */
  readonly medfeeSum: number;
  /** 基金支付总额. */
  readonly fundPay: number;
  /** 个人负担. */
  readonly personalPay: number;
}

/** Valid settlements of one day over every institution: what the measure store verifies. */
export interface DailySettlements {
  /** `yyyyMMdd` of setl_time. */
  readonly day: string;
  readonly settlements: number;
  readonly medfeeSum: number;
  readonly fundPay: number;
  readonly personalPay: number;
}

/** Distinct insured persons with a valid settlement in a period, per insured area. */
export interface InsuredPersons {
  /** Period id, e.g. `2019`. */
  readonly period: string;
  readonly insuAdmdvs: string | null;
  readonly settlements: number;
  readonly persons: number;
  readonly inpatientSettlements: number;
  /** Distinct persons with at least one valid inpatient settlement. */
  readonly inpatientPersons: number;
}
