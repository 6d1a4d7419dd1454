import type { SqlSource } from '../sql/source';
import type {
  AdmissionCounts,
  BedDays,
  DayCaseDiagnosisCounts,
  DiagnosisGroupDischarges,
  DiagnosisGroupQuery,
  DiagnosisGroupVisits,
  DischargeCounts,
  DischargeTransfers,
  InpatientQuery,
  ProcedureGroupCounts,
  ProcedureGroupQuery,
  SurgeryCounts,
} from './inpatient';
import type { VisitCountQuery, VisitCounts } from './visits';

/**
 * What every HIS vendor adapter provides, whatever its schema (`his_a/adapter.ts`,
 * `his_b/adapter.ts`). Each function is one aggregate statement per call, grouped by institution
 * and month (and the canonical classes); the canonical types are in `visits.ts` and `inpatient.ts`.
 */
export interface HisAdapter {
  /** 诊疗人次: GROUP BY institution and month. */
  countVisits(source: SqlSource, query: VisitCountQuery): Promise<VisitCounts[]>;
  /** 出院人次 with stay days, rescues and fees, per discharge kind, admission route, payer and 危重. */
  countDischarges(source: SqlSource, query: InpatientQuery): Promise<DischargeCounts[]>;
  /** Surgeries and operations per grade, 日间 and 择期, by procedure date. */
  countSurgeries(source: SqlSource, query: InpatientQuery): Promise<SurgeryCounts[]>;
  /** 开放床日 and 占用床日 from the daily census. */
  bedDays(source: SqlSource, query: InpatientQuery): Promise<BedDays[]>;
  /** Discharges per principal-diagnosis group (急性心肌梗死, 脑血管疾病, …). */
  countDischargesByDiagnosis(
    source: SqlSource,
    query: DiagnosisGroupQuery,
  ): Promise<DiagnosisGroupDischarges[]>;
  /** Procedures per procedure group (剖宫产, PCI). */
  countProcedures(source: SqlSource, query: ProcedureGroupQuery): Promise<ProcedureGroupCounts[]>;
  /** Visits per first-diagnosis group (第一诊断为糖尿病/高血压的门诊就诊例次). */
  countVisitsByDiagnosis(source: SqlSource, query: DiagnosisGroupQuery): Promise<DiagnosisGroupVisits[]>;
  /** Discharge transfers per kind and receiver as recorded (resolve them with `matchReceivers`). */
  dischargeTransfers(source: SqlSource, query: InpatientQuery): Promise<DischargeTransfers[]>;
  /** 住院患者人次数: admissions by the month of the admission time. */
  countAdmissions(source: SqlSource, query: InpatientQuery): Promise<AdmissionCounts[]>;
  /** Day surgeries by the ICD-10 category of their discharge's principal diagnosis (日间手术覆盖的病种). */
  dayCaseDiagnoses(source: SqlSource, query: InpatientQuery): Promise<DayCaseDiagnosisCounts[]>;
}

/** The inpatient functions alone. */
export type HisInpatientAdapter = Omit<HisAdapter, 'countVisits'>;
