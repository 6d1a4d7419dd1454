import type { HisAdapter } from '../his/adapter';
import {
  admissionCountsOf,
  bedDaysOf,
  dayCaseDiagnosesOf,
  diagnosisDischargesOf,
  diagnosisVisitsOf,
  dischargeCountsOf,
  procedureCountsOf,
  surgeryCountsOf,
  transfersOf,
  visitCountsOf,
} from '../his/rows';
import type {
  AdmissionRow,
  BedRow,
  DayCaseRow,
  DischargeRow,
  GroupRow,
  SurgeryRow,
  TransferRow,
  VisitRow,
} from '../his/rows';
import { codeGroupCase, diagnosisGroups, icdCategory, perCodeGroup, procedureGroups } from '../his/sql';
import { nothingAsked } from '../sql/builders';
import type { SqlSource } from '../sql/source';
import { queryMonthly } from '../sql/time';
import type { MonthlyColumns } from '../sql/time';
import {
  admissionRouteOfRytj,
  dischargeKindOfLyfs,
  gradeOfSsjb,
  isFlagSet,
  payerOfYlfkfs,
  TRANSFER_LYFS,
} from './codes';
import type { GhsjFormat } from './contract';

const detected = new WeakMap<SqlSource, GhsjFormat>();

/**
 * `MZ_GHXX.GHSJ` is CHAR(14) `yyyyMMddHHmmss`, or CHAR(19) `yyyy-MM-dd HH:mm:ss` in upgraded
 * installations. Taken from the source's `options.ghsjFormat`, else detected once from one row.
 */
async function ghsjFormat(source: SqlSource): Promise<GhsjFormat> {
  const configured = source.config.options.ghsjFormat;
  if (configured === 'CHAR14' || configured === 'CHAR19') return configured;
  const known = detected.get(source);
  if (known) return known;
  const rows = await source.query<{ t: string }>(
    "SELECT GHSJ AS t FROM MZ_GHXX WHERE GHSJ IS NOT NULL AND GHSJ <> '' LIMIT 1",
  );
  const format: GhsjFormat = rows[0] && String(rows[0].t).includes('-') ? 'CHAR19' : 'CHAR14';
  detected.set(source, format);
  return format;
}

/** Month and institution columns: BA_SY by 出院时间, BA_SS by 手术日期, ZY_CWRB by 日期. */
const DISCHARGED: MonthlyColumns = { time: 'CYSJ', format: 'CHAR14', org: 'JGDM' };
const PERFORMED: MonthlyColumns = { time: 'SSRQ', format: 'CHAR14', org: 'JGDM' };
const CENSUS: MonthlyColumns = { time: 'RQ', format: 'CHAR8', org: 'JGDM' };
/** BA_SY by 入院时间 RYSJ. */
const ADMITTED: MonthlyColumns = { time: 'RYSJ', format: 'CHAR14', org: 'JGDM' };
/** BA_SS (alias s) by 手术日期, joined to its BA_SY row (alias b). */
const PERFORMED_JOINED: MonthlyColumns = { time: 's.SSRQ', format: 'CHAR14', org: 's.JGDM' };

/** BA_SY's codes of a discharge: 离院方式, 入院途径, 医疗付费方式, 危重标志. */
interface DischargeCodes {
  lyfs: string | null;
  rytj: string | null;
  ylfkfs: string | null;
  wzbz: string | null;
}

/** BA_SS's codes of a procedure: 手术级别, 日间手术, 择期手术. */
interface SurgeryCodes {
  ssjb: string | null;
  rjss: string | null;
  zqss: string | null;
}

/** 离院方式 and the receiver's name as typed. */
interface TransferCodes {
  lyfs: string;
  name: string | null;
}

/**
 * Vendor A (pinyin schema). 退号标志 THBZ: only '0' is a visit; 挂号类别 GHLB '3' is 急诊.
 * Inpatient facts come from the EMR front page: `BA_SY` has one row per discharge (出院时间 CYSJ
 * CHAR(14)), `BA_SS` one row per procedure (SSRQ CHAR(14)), `ZY_CWRB` one row per day (RQ CHAR(8)).
 */
export const hisAAdapter: HisAdapter = {
  async countVisits(source, query) {
    if (nothingAsked(query.months, query.orgCodes)) return [];
    const format = await ghsjFormat(source);
    const rows = await queryMonthly<VisitRow>(
      source,
      query,
      { time: 'GHSJ', format, org: 'JGDM' },
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, COUNT(*) AS visits,
                SUM(CASE WHEN GHLB = '3' THEN 1 ELSE 0 END) AS er,
                SUM(CASE WHEN ZYBZ = '1' THEN 1 ELSE 0 END) AS tcm,
                SUM(ZFY) AS fee
           FROM MZ_GHXX
          WHERE THBZ = '0' AND ${scope}
          GROUP BY ${groupBy}`,
    );
    return visitCountsOf(rows);
  },

  /** 出院人次: BA_SY rows whose CYSJ falls in the months; SJZYTS is the stay, QJCS the rescues. */
  async countDischarges(source, query) {
    const rows = await queryMonthly<DischargeRow & DischargeCodes>(
      source,
      query,
      DISCHARGED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, LYFS AS lyfs, RYTJ AS rytj, YLFKFS AS ylfkfs,
                WZBZ AS wzbz, COUNT(*) AS n, SUM(SJZYTS) AS stay, SUM(QJCS) AS rescues, SUM(ZFY) AS fee
           FROM BA_SY
          WHERE ${scope}
          GROUP BY ${groupBy}, LYFS, RYTJ, YLFKFS, WZBZ`,
    );
    return dischargeCountsOf(rows, (r) => ({
      dischargeKind: dischargeKindOfLyfs(r.lyfs),
      admissionRoute: admissionRouteOfRytj(r.rytj),
      payer: payerOfYlfkfs(r.ylfkfs),
      critical: isFlagSet(r.wzbz),
    }));
  },

  /** BA_SS rows by the month of SSRQ; the institution is BA_SS.JGDM. */
  async countSurgeries(source, query) {
    const rows = await queryMonthly<SurgeryRow & SurgeryCodes>(
      source,
      query,
      PERFORMED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, SSJB AS ssjb, RJSS AS rjss, ZQSS AS zqss, COUNT(*) AS n
           FROM BA_SS
          WHERE ${scope}
          GROUP BY ${groupBy}, SSJB, RJSS, ZQSS`,
    );
    return surgeryCountsOf(rows, (r) => ({
      grade: gradeOfSsjb(r.ssjb),
      dayCase: isFlagSet(r.rjss),
      elective: isFlagSet(r.zqss),
    }));
  },

  /** ZY_CWRB: KFCW summed is 开放床日, ZYRS summed is 占用床日. */
  async bedDays(source, query) {
    const rows = await queryMonthly<BedRow>(
      source,
      query,
      CENSUS,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, SUM(KFCW) AS open_days, SUM(ZYRS) AS occupied_days,
                COUNT(*) AS days
           FROM ZY_CWRB
          WHERE ${scope}
          GROUP BY ${groupBy}`,
    );
    return bedDaysOf(rows);
  },

  /** Discharges (as countDischarges) by the group of the principal diagnosis JBDM. */
  async countDischargesByDiagnosis(source, query) {
    const groups = diagnosisGroups(query.groups);
    if (groups.length === 0) return [];
    const rows = await queryMonthly<GroupRow>(source, query, DISCHARGED, ({ bucket, org, scope }) =>
      perCodeGroup(
        `SELECT ${org} AS org_code, ${bucket} AS ym, ${codeGroupCase('JBDM', groups)} AS grp
           FROM BA_SY
          WHERE ${scope}`,
        'COUNT(*) AS n',
      ),
    );
    return diagnosisDischargesOf(rows);
  },

  /** BA_SS procedures by SSBM group and the month of SSRQ; cases are distinct discharges (BAH, ZYCS). */
  async countProcedures(source, query) {
    const groups = procedureGroups(query.groups);
    if (groups.length === 0) return [];
    const discharge = source.dialect.concat('BAH', "'/'", 'ZYCS');
    const rows = await queryMonthly<GroupRow>(source, query, PERFORMED, ({ bucket, org, scope }) =>
      perCodeGroup(
        `SELECT ${org} AS org_code, ${bucket} AS ym, ${codeGroupCase('SSBM', groups)} AS grp,
                ${discharge} AS discharge
           FROM BA_SS
          WHERE ${scope}`,
        'COUNT(*) AS n, COUNT(DISTINCT discharge) AS cases',
      ),
    );
    return procedureCountsOf(rows);
  },

  /** 首诊: visits that happened (THBZ '0') whose 第一诊断 ZDDM falls in a group; GHLB '3' is 急诊. */
  async countVisitsByDiagnosis(source, query) {
    const groups = diagnosisGroups(query.groups);
    if (nothingAsked(query.months, query.orgCodes) || groups.length === 0) return [];
    const format = await ghsjFormat(source);
    const rows = await queryMonthly<GroupRow>(
      source,
      query,
      { time: 'GHSJ', format, org: 'JGDM' },
      ({ bucket, org, scope }) =>
        perCodeGroup(
          `SELECT ${org} AS org_code, ${bucket} AS ym, ${codeGroupCase('ZDDM', groups)} AS grp,
                  CASE WHEN GHLB = '3' THEN 1 ELSE 0 END AS er
             FROM MZ_GHXX
            WHERE THBZ = '0' AND ${scope}`,
          'COUNT(*) AS n, SUM(er) AS er',
        ),
    );
    return diagnosisVisitsOf(rows);
  },

  /**
   * Discharges with LYFS '2' (receiver named in YZZY_YLJG) or '3' (in WSY_YLJG), per receiver as
   * recorded: NJSJGDM (newer versions only) and the typed name; '' and '-' become null.
   */
  async dischargeTransfers(source, query) {
    const hospital = TRANSFER_LYFS.TRANSFER_HOSPITAL;
    const primary = TRANSFER_LYFS.TRANSFER_PRIMARY;
    const name = `CASE WHEN LYFS = '${hospital}' THEN YZZY_YLJG ELSE WSY_YLJG END`;
    const rows = await queryMonthly<TransferRow & TransferCodes>(
      source,
      query,
      DISCHARGED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, LYFS AS lyfs, NJSJGDM AS code, ${name} AS name,
                COUNT(*) AS n
           FROM BA_SY
          WHERE LYFS IN ('${hospital}', '${primary}') AND ${scope}
          GROUP BY ${groupBy}, LYFS, NJSJGDM, ${name}`,
    );
    return transfersOf(
      rows,
      (r) => dischargeKindOfLyfs(r.lyfs),
      (r) => r.name,
    );
  },

  /**
   * 住院患者人次数: BA_SY rows by the month of 入院时间 RYSJ. The front page is written at
   * discharge, so a patient still in hospital is counted once discharged.
   */
  async countAdmissions(source, query) {
    const rows = await queryMonthly<AdmissionRow>(
      source,
      query,
      ADMITTED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, COUNT(*) AS n
           FROM BA_SY
          WHERE ${scope}
          GROUP BY ${groupBy}`,
    );
    return admissionCountsOf(rows);
  },

  /** BA_SS rows with RJSS '1' by SSRQ month and the ICD-10 category of their BA_SY.JBDM. */
  async dayCaseDiagnoses(source, query) {
    const cat = icdCategory('b.JBDM');
    const rows = await queryMonthly<DayCaseRow>(
      source,
      query,
      PERFORMED_JOINED,
      ({ bucket, org, groupBy, scope }) =>
        `SELECT ${org} AS org_code, ${bucket} AS ym, ${cat} AS cat, COUNT(*) AS n
           FROM BA_SS s
           JOIN BA_SY b ON b.JGDM = s.JGDM AND b.BAH = s.BAH AND b.ZYCS = s.ZYCS
          WHERE s.RJSS = '1' AND ${scope}
          GROUP BY ${groupBy}, ${cat}`,
    );
    return dayCaseDiagnosesOf(rows);
  },
};
