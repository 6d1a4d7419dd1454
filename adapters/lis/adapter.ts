import { blankToNull, codeCase, groupKeys, isSet } from '../sql/builders';
import { orgMonth, toCount } from '../sql/rows';
import type { Num } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import { queryMonthly } from '../sql/time';
import type { MonthlyScope } from '../sql/time';
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

const PATIENT_CLASS = codeCase('TRIM(patient_class)', PATIENT_CLASS_CODES, 'UNKNOWN');
const MODALITY = codeCase('TRIM(modality)', MODALITY_CODES, 'OTHER');
const count = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const REPORTED = count('reported_at IS NOT NULL');

/** One statement of the LIS/RIS: what it counts, grouped by institution, month and `keys`. */
interface RequestCount {
  readonly from: 'lab_report' | 'imaging_study';
  /** Grouping keys besides `k_org` and `k_ym` (month of requested_at), selected as `k_<alias>`. */
  readonly keys: ReadonlyArray<readonly [alias: string, expr: string]>;
  /** Aggregates selected after `COUNT(*) AS n`. */
  readonly counts: readonly string[];
  /** Conditions besides the month and institution scope. */
  readonly where?: string;
  /** Parameters of the `?` in `where`. */
  readonly leading?: readonly unknown[];
}

/** Requests counted by the month of requested_at, for the institutions in org_code: one statement. */
function countRequests<R>(source: SqlSource, query: LisQuery, c: RequestCount): Promise<R[]> {
  const columns = { time: 'requested_at', format: 'DATETIME', org: 'org_code' } as const;
  const statement = ({ bucket, org, perInstitution, dayFirst, scope }: MonthlyScope): string => {
    const time: ReadonlyArray<readonly [string, string]> = perInstitution
      ? dayFirst
        ? [
            ['ym', bucket],
            ['org', org],
          ]
        : [
            ['org', org],
            ['ym', bucket],
          ]
      : [['ym', bucket]];
    const keys = groupKeys([...time, ...c.keys]);
    const aggregates = ['COUNT(*) AS n', ...c.counts].join(', ');
    const total = perInstitution ? '' : `${org} AS k_org, `;
    return `SELECT ${total}${keys.select}, ${aggregates}
              FROM ${c.from}
             WHERE ${c.where ? `${c.where} AND ` : ''}${scope}
             GROUP BY ${keys.groupBy}`;
  };
  return queryMonthly<R>(source, query, columns, statement, c.leading);
}

/**
 * Laboratory and imaging systems (`lab_report`, `imaging_study`), institution-held: every row
 * carries org_code, and the query names the institutions the source holds. Months are those of
 * requested_at. One aggregate statement per call.
 */
export const lisAdapter = {
  /** Lab reports per (institution, month, patient class): requested, reported, recognized (结果互认). */
  async countLabReports(source: SqlSource, query: LisQuery): Promise<LabReportCount[]> {
    const rows = await countRequests<LabRow>(source, query, {
      from: 'lab_report',
      keys: [['pc', PATIENT_CLASS]],
      counts: [`${REPORTED} AS reported`, `${count(isSet('recognized_from'))} AS recognized`],
    });
    return rows.map((r) => ({
      ...orgMonth(r.k_org, r.k_ym),
      patientClass: r.k_pc as PatientClass,
      reports: toCount(r.n),
      reported: toCount(r.reported),
      recognized: toCount(r.recognized),
    }));
  },

  /** Imaging studies per (institution, month, patient class, modality): requested, reported, read remotely, recognized. */
  async countImagingStudies(source: SqlSource, query: LisQuery): Promise<ImagingStudyCount[]> {
    const rows = await countRequests<StudyRow>(source, query, {
      from: 'imaging_study',
      keys: [
        ['pc', PATIENT_CLASS],
        ['modality', MODALITY],
      ],
      counts: [
        `${REPORTED} AS reported`,
        `${count(isSet('remote_read_by'))} AS remote`,
        `${count(isSet('recognized_from'))} AS recognized`,
      ],
    });
    return rows.map((r) => ({
      ...orgMonth(r.k_org, r.k_ym),
      patientClass: r.k_pc as PatientClass,
      modality: r.k_modality as Modality,
      studies: toCount(r.n),
      reported: toCount(r.reported),
      remoteRead: toCount(r.remote),
      recognized: toCount(r.recognized),
    }));
  },

  /**
   * Studies read remotely (remote_read_by set) per (institution, reader, month, modality): the
   * 基层检查、上级诊断 flow, by reading institution. One statement.
   */
  async countRemoteReads(source: SqlSource, query: LisQuery): Promise<RemoteReadCount[]> {
    const rows = await countRequests<RemoteRow>(source, query, {
      from: 'imaging_study',
      keys: [
        ['reader', blankToNull('remote_read_by')],
        ['modality', MODALITY],
      ],
      counts: [`${REPORTED} AS reported`],
      where: "remote_read_by IS NOT NULL AND remote_read_by <> ''",
    });
    // A reader of blanks only is no reader (such a group comes back with a NULL key).
    return rows
      .filter((r) => r.k_reader !== null)
      .map((r) => {
        const { orgCode, month } = orgMonth(r.k_org, r.k_ym);
        return {
          orgCode,
          readerOrg: String(r.k_reader),
          month,
          modality: r.k_modality as Modality,
          studies: toCount(r.n),
          reported: toCount(r.reported),
        };
      });
  },

  /**
   * CT 平均出报告时间, 门诊（平诊）: per (institution, month of requested_at), the outpatient CT
   * studies reported (reported_at ≥ requested_at; a report time before the request is a clock
   * error and left out) and the sum of their report times. One statement.
   */
  async outpatientCtReportTime(source: SqlSource, query: LisQuery): Promise<CtReportTime[]> {
    const rows = await countRequests<CtRow>(source, query, {
      from: 'imaging_study',
      keys: [],
      counts: [`SUM(${source.dialect.secondsBetween('requested_at', 'reported_at')}) AS secs`],
      where: `modality = ? AND patient_class = ? AND reported_at IS NOT NULL
          AND reported_at >= requested_at`,
      leading: [CT_MODALITY, OUTPATIENT_CLASS],
    });
    return rows.map((r) => ({
      ...orgMonth(r.k_org, r.k_ym),
      reportedStudies: toCount(r.n),
      reportMinutes: toCount(r.secs) / 60,
    }));
  },
};
