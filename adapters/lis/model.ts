/** Canonical facts of laboratory and imaging systems (LIS/RIS, legacy-systems.md §4). */
import type { MonthlyQuery } from '../sql/time';

/** 患者类别: 门诊, 急诊, 住院, 体检; empty or another code UNKNOWN. */
export type PatientClass = 'OP' | 'ER' | 'IP' | 'PE' | 'UNKNOWN';

/** 检查类型; a value outside the contract's code set (or empty) is OTHER. */
export type Modality = 'CT' | 'MR' | 'DR' | 'US' | 'ECG' | 'OTHER';

/** One request to an institution-held LIS: institutions (null = every one it holds) and months. */
/** Institutions and months (by day for the measure store: see MonthlyQuery). */
export interface LisQuery extends MonthlyQuery {
  readonly orgCodes: readonly string[] | null;
  /** Month keys `yyyyMM` of requested_at. */
  readonly months: readonly string[];
}

/** Lab reports of one institution, month (of requested_at) and patient class. */
export interface LabReportCount {
  readonly orgCode: string;
  readonly month: string;
  readonly patientClass: PatientClass;
  readonly reports: number;
  /** With a reported_at. */
  readonly reported: number;
  /** 结果互认: another institution's result accepted instead of re-testing (recognized_from set). */
  readonly recognized: number;
}

/** Imaging studies of one institution, month (of requested_at), patient class and modality. */
export interface ImagingStudyCount {
  readonly orgCode: string;
  readonly month: string;
  readonly patientClass: PatientClass;
  readonly modality: Modality;
  readonly studies: number;
  /** With a reported_at (NULL = not yet reported). */
  readonly reported: number;
  /** Read remotely by another institution (remote_read_by set: 基层检查、上级诊断). */
  readonly remoteRead: number;
  /** 结果互认 (recognized_from set). */
  readonly recognized: number;
}

/** Studies of one institution read remotely by one reader, per month and modality. */
export interface RemoteReadCount {
  /** Where the study was done (e.g. a township centre). */
  readonly orgCode: string;
  /** Who read it (remote_read_by, e.g. the city hospital). */
  readonly readerOrg: string;
  readonly month: string;
  readonly modality: Modality;
  readonly studies: number;
  readonly reported: number;
}

/**
 * CT 平均出报告时间 (门诊（平诊）): outpatient CT studies with a report, per institution and month
 * of requested_at; the average is `reportMinutes / reportedStudies`.
 */
export interface CtReportTime {
  readonly orgCode: string;
  readonly month: string;
  /** Outpatient (OP, not ER) CT studies with reported_at ≥ requested_at. */
  readonly reportedStudies: number;
  /** Sum of (reported_at − requested_at) over them, in minutes (seconds / 60). */
  readonly reportMinutes: number;
}
