import { toNumber } from '../sql/dialect';
import type { SqlSource } from '../sql/source';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import { CT_MODALITY, MODALITY_CODES, OUTPATIENT_CLASS, PATIENT_CLASS_CODES } from './codes';
import type {
  CtReportTime,
  ImagingStudyCount,
  LabReportCount,
  LisQuery,
  Modality,
  PatientClass,
  RemoteReadCount,
} from './model';
import { blankToNull, codeCase, groupKeys, isSet, secondsBetween } from './sql';

type Num = number | string | null;

interface LabRow {
  k_org: string;
  k_ym: string | number;
  k_pc: string;
  n: Num;
  reported: Num;
  recognized: Num;
}

interface StudyRow extends LabRow {
  k_modality: string;
  remote: Num;
}

interface RemoteRow {
  k_org: string;
  k_reader: string | null;
  k_ym: string | number;
  k_modality: string;
  n: Num;
  reported: Num;
}

interface CtRow {
  k_org: string;
  k_ym: string | number;
  n: Num;
  secs: Num;
}

function nothingAsked(query: LisQuery): boolean {
  return query.months.length === 0 || (query.orgCodes !== null && query.orgCodes.length === 0);
}

const PATIENT_CLASS = codeCase('TRIM(patient_class)', PATIENT_CLASS_CODES, 'UNKNOWN');
const MODALITY = codeCase('TRIM(modality)', MODALITY_CODES, 'OTHER');
const count = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/**
 * Laboratory and imaging systems (`lab_report`, `imaging_study`), institution-held: every row
 * carries org_code, and the query names the institutions the source holds. Months are those of
 * requested_at. One aggregate statement per call.
 */
export const lisAdapter = {
  /** Lab reports per (institution, month, patient class): requested, reported, recognized (结果互认). */
  async countLabReports(source: SqlSource, query: LisQuery): Promise<LabReportCount[]> {
    if (nothingAsked(query)) return [];
    const keys = groupKeys([
      ['org', 'org_code'],
      ['ym', monthBucket('requested_at', 'DATETIME', source.dialect)],
      ['pc', PATIENT_CLASS],
    ]);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('requested_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<LabRow>(
      `SELECT ${keys.select}, COUNT(*) AS n,
              ${count('reported_at IS NOT NULL')} AS reported,
              ${count(isSet('recognized_from'))} AS recognized
         FROM lab_report
        WHERE (${timeWhere})${orgWhere}
        GROUP BY ${keys.groupBy}`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.k_org).trim(),
      month: monthKey(r.k_ym),
      patientClass: r.k_pc as PatientClass,
      reports: toNumber(r.n) ?? 0,
      reported: toNumber(r.reported) ?? 0,
      recognized: toNumber(r.recognized) ?? 0,
    }));
  },

  /** Imaging studies per (institution, month, patient class, modality): requested, reported, read remotely, recognized. */
  async countImagingStudies(source: SqlSource, query: LisQuery): Promise<ImagingStudyCount[]> {
    if (nothingAsked(query)) return [];
    const keys = groupKeys([
      ['org', 'org_code'],
      ['ym', monthBucket('requested_at', 'DATETIME', source.dialect)],
      ['pc', PATIENT_CLASS],
      ['modality', MODALITY],
    ]);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('requested_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<StudyRow>(
      `SELECT ${keys.select}, COUNT(*) AS n,
              ${count('reported_at IS NOT NULL')} AS reported,
              ${count(isSet('remote_read_by'))} AS remote,
              ${count(isSet('recognized_from'))} AS recognized
         FROM imaging_study
        WHERE (${timeWhere})${orgWhere}
        GROUP BY ${keys.groupBy}`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.k_org).trim(),
      month: monthKey(r.k_ym),
      patientClass: r.k_pc as PatientClass,
      modality: r.k_modality as Modality,
      studies: toNumber(r.n) ?? 0,
      reported: toNumber(r.reported) ?? 0,
      remoteRead: toNumber(r.remote) ?? 0,
      recognized: toNumber(r.recognized) ?? 0,
    }));
  },

  /**
   * Studies read remotely (remote_read_by set) per (institution, reader, month, modality): the
   * 基层检查、上级诊断 flow, by reading institution. One statement.
   */
  async countRemoteReads(source: SqlSource, query: LisQuery): Promise<RemoteReadCount[]> {
    if (nothingAsked(query)) return [];
    const reader = blankToNull('remote_read_by');
    const keys = groupKeys([
      ['org', 'org_code'],
      ['reader', reader],
      ['ym', monthBucket('requested_at', 'DATETIME', source.dialect)],
      ['modality', MODALITY],
    ]);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('requested_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<RemoteRow>(
      `SELECT ${keys.select}, COUNT(*) AS n, ${count('reported_at IS NOT NULL')} AS reported
         FROM imaging_study
        WHERE remote_read_by IS NOT NULL AND remote_read_by <> '' AND (${timeWhere})${orgWhere}
        GROUP BY ${keys.groupBy}`,
      params,
    );
    // A reader of blanks only is no reader (such a group comes back with a NULL key).
    return rows
      .filter((r) => r.k_reader !== null)
      .map((r) => ({
        orgCode: String(r.k_org).trim(),
        readerOrg: String(r.k_reader),
        month: monthKey(r.k_ym),
        modality: r.k_modality as Modality,
        studies: toNumber(r.n) ?? 0,
        reported: toNumber(r.reported) ?? 0,
      }));
  },

  /**
   * CT 平均出报告时间, 门诊（平诊）: per (institution, month of requested_at), the outpatient CT
   * studies reported (reported_at ≥ requested_at; a report time before the request is a clock
   * error and left out) and the sum of their report times. One statement.
   */
  async outpatientCtReportTime(source: SqlSource, query: LisQuery): Promise<CtReportTime[]> {
    if (nothingAsked(query)) return [];
    const keys = groupKeys([
      ['org', 'org_code'],
      ['ym', monthBucket('requested_at', 'DATETIME', source.dialect)],
    ]);
    const params: unknown[] = [CT_MODALITY, OUTPATIENT_CLASS];
    const timeWhere = monthsPredicate('requested_at', 'DATETIME', query.months, params);
    const orgWhere = inList('org_code', query.orgCodes, params);
    const rows = await source.query<CtRow>(
      `SELECT ${keys.select}, COUNT(*) AS n,
              SUM(${secondsBetween(source.dialect.name, 'requested_at', 'reported_at')}) AS secs
         FROM imaging_study
        WHERE modality = ? AND patient_class = ? AND reported_at IS NOT NULL
          AND reported_at >= requested_at AND (${timeWhere})${orgWhere}
        GROUP BY ${keys.groupBy}`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.k_org).trim(),
      month: monthKey(r.k_ym),
      reportedStudies: toNumber(r.n) ?? 0,
      reportMinutes: (toNumber(r.secs) ?? 0) / 60,
    }));
  },
};
