import type { VisitCountQuery } from './visits';

/**
 * Canonical inpatient facts of a HIS (legacy-systems.md §2 `BA_SY`/`BA_SS`/`ZY_CWRB`, §3
 * `inpatient_episode`/`surgery`/`bed_census`, and the outpatient first diagnosis). The vendor
 * code sets are mapped in `his_a/codes.ts` and `his_b/codes.ts`; nothing here names a vendor column.
 */

/** 离院方式, canonical. Empty/NULL/unknown → OTHER. */
export type DischargeKind =
  /** 医嘱离院 */
  | 'HOME'
  /** 医嘱转院 */
  | 'TRANSFER_HOSPITAL'
  /** 医嘱转社区卫生服务机构/乡镇卫生院 */
  | 'TRANSFER_PRIMARY'
  /** 非医嘱离院 */
  | 'AGAINST_ADVICE'
  /** 死亡 */
  | 'DIED'
  | 'OTHER';

/** The two discharge kinds that name a receiving institution. */
export type TransferKind = 'TRANSFER_HOSPITAL' | 'TRANSFER_PRIMARY';

/** 入院途径, canonical: 急诊, 门诊, 其他医疗机构转入, 其他 (and unknown). */
export type AdmissionRoute = 'EMERGENCY' | 'OUTPATIENT' | 'TRANSFER_IN' | 'OTHER';

/**
 * 医疗付费方式, canonical classes:
 *   EMPLOYEE    职工基本医疗保险
 *   RESIDENT    城乡居民基本医疗保险, including the former 城镇居民 and 新农合
 *   SELF_PAY    全自费
 *   COMMERCIAL  商业医疗保险
 *   OTHER       贫困救助, 全公费, 其他社会保险, 其他, and unknown
 */
export type PayerClass = 'EMPLOYEE' | 'RESIDENT' | 'SELF_PAY' | 'COMMERCIAL' | 'OTHER';

/** 手术级别 一级..四级; null for operations that are not surgery (or an unknown grade). */
export type SurgeryGrade = 1 | 2 | 3 | 4;

/** Diagnosis groups of `diagnosis.ts` (ICD-10 on the principal / first diagnosis). */
export type DiagnosisGroupId = 'AMI' | 'CEREBROVASCULAR' | 'HYPERTENSION' | 'DIABETES' | 'COPD' | 'NEOPLASM';

/** Procedure groups of `diagnosis.ts` (ICD-9-CM-3). */
export type ProcedureGroupId = 'CESAREAN' | 'PCI';

/** Institutions (null = every institution the source holds) and `yyyyMM` months, as for visits. */
export type InpatientQuery = VisitCountQuery;

export interface DiagnosisGroupQuery extends InpatientQuery {
  /** Groups asked (default: every group of `DIAGNOSIS_GROUPS`). They must not overlap. */
  readonly groups?: readonly DiagnosisGroupId[];
}

export interface ProcedureGroupQuery extends InpatientQuery {
  /** Groups asked (default: every group of `PROCEDURE_GROUPS`). They must not overlap. */
  readonly groups?: readonly ProcedureGroupId[];
}

/** 出院人次 and their sums for one institution, discharge month and canonical class. */
export interface DischargeCounts {
  readonly orgCode: string;
  /** `yyyyMM` of the discharge time. */
  readonly month: string;
  readonly dischargeKind: DischargeKind;
  readonly admissionRoute: AdmissionRoute;
  readonly payer: PayerClass;
  /** 危重 (unknown counts as not critical). */
  readonly critical: boolean;
  /** 出院人次. */
  readonly discharges: number;
  /** Sum of 实际住院天数 (出院者占用总床日数). */
  readonly stayDays: number;
  /** Sum of 抢救次数. */
  readonly rescues: number;
  /** Sum of 住院总费用, yuan (rounded to the fen). */
  readonly feeTotal: number;
}

/** Surgeries and operations by the month of the procedure date. */
export interface SurgeryCounts {
  readonly orgCode: string;
  readonly month: string;
  readonly grade: SurgeryGrade | null;
  /** 日间手术. */
  readonly dayCase: boolean;
  /** 择期手术. */
  readonly elective: boolean;
  readonly count: number;
}

/** The daily bed census summed over a month. */
export interface BedDays {
  readonly orgCode: string;
  readonly month: string;
  /** 实际开放总床日数. */
  readonly openBedDays: number;
  /** 实际占用总床日数. */
  readonly occupiedBedDays: number;
  /** Days with a census row (a month with fewer days than the calendar has gaps). */
  readonly daysReported: number;
}

/** Discharges whose principal diagnosis falls in a group. */
export interface DiagnosisGroupDischarges {
  readonly orgCode: string;
  /** `yyyyMM` of the discharge time. */
  readonly month: string;
  readonly group: DiagnosisGroupId;
  readonly discharges: number;
}

/** Procedures of a group by the month of the procedure date. */
export interface ProcedureGroupCounts {
  readonly orgCode: string;
  readonly month: string;
  readonly group: ProcedureGroupId;
  /** Procedure rows coded in the group (one PCI is often coded twice: 00.66 + 36.07). */
  readonly procedures: number;
  /** Distinct discharges (episodes) with at least one procedure of the group in the month: 例次. */
  readonly cases: number;
}

/** Outpatient and emergency visits that happened, whose first diagnosis falls in a group (首诊). */
export interface DiagnosisGroupVisits {
  readonly orgCode: string;
  readonly month: string;
  readonly group: DiagnosisGroupId;
  /** 诊疗人次 with this first diagnosis (outpatient + emergency). */
  readonly visits: number;
  /** Of which 急诊. */
  readonly emergencyVisits: number;
}

/** Discharges transferred out (医嘱转院, 医嘱转社区/乡镇卫生院), by receiver as recorded. */
export interface DischargeTransfers {
  readonly orgCode: string;
  readonly month: string;
  readonly kind: TransferKind;
  /** 拟接收机构代码 as recorded (trimmed); null when empty. */
  readonly receiverCode: string | null;
  /** 拟接收机构名称 as typed (trimmed); null when empty or `-` (vendor B keeps no names). */
  readonly receiverName: string | null;
  readonly count: number;
}

/** 住院患者人次数: admissions by the month of the admission time (入院时间). */
export interface AdmissionCounts {
  readonly orgCode: string;
  /** `yyyyMM` of the admission time. */
  readonly month: string;
  readonly admissions: number;
}

/**
 * Day surgeries (日间手术) by the ICD-10 category (the first three characters, 类目) of the principal
 * diagnosis of their discharge: the 病种 a day surgery covers.
 */
export interface DayCaseDiagnosisCounts {
  readonly orgCode: string;
  /** `yyyyMM` of the procedure date. */
  readonly month: string;
  /** ICD-10 category, normalised (upper case, no dot), e.g. `K40`; null when the diagnosis is empty. */
  readonly category: string | null;
  /** Day-surgery procedure rows. */
  readonly procedures: number;
}
