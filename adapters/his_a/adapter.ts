import type {
  BedDays,
  DiagnosisGroupDischarges,
  DiagnosisGroupQuery,
  DiagnosisGroupVisits,
  DischargeCounts,
  DischargeTransfers,
  InpatientQuery,
  ProcedureGroupCounts,
  ProcedureGroupQuery,
  SurgeryCounts,
} from '../his/inpatient';
import type { DiagnosisGroupId, ProcedureGroupId } from '../his/inpatient';
import { mergeRows, roundFen, textOrNull } from '../his/rows';
import { codeGroupCase, concatExpr, diagnosisGroups, emptyQuery, procedureGroups } from '../his/sql';
import type { HisAdapter, VisitCountQuery, VisitCounts } from '../his/visits';
import { toNumber } from '../sql/dialect';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import type { SqlSource } from '../sql/source';
import {
  admissionRouteOfRytj,
  dischargeKindOfLyfs,
  gradeOfSsjb,
  isFlagSet,
  payerOfYlfkfs,
  TRANSFER_LYFS,
} from './codes';
import type { GhsjFormat } from './contract';

interface VisitRow {
  org_code: string;
  ym: string;
  visits: number | string;
  er: number | string | null;
  tcm: number | string | null;
}

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

type Num = number | string | null;

interface DischargeRow {
  org_code: string;
  ym: string;
  lyfs: string | null;
  rytj: string | null;
  ylfkfs: string | null;
  wzbz: string | null;
  n: Num;
  stay: Num;
  rescues: Num;
  fee: Num;
}

interface SurgeryRow {
  org_code: string;
  ym: string;
  ssjb: string | null;
  rjss: string | null;
  zqss: string | null;
  n: Num;
}

interface BedRow {
  org_code: string;
  ym: string;
  open_days: Num;
  occupied_days: Num;
  days: Num;
}

interface GroupRow {
  org_code: string;
  ym: string;
  grp: string;
  n: Num;
  cases?: Num;
  er?: Num;
}

interface TransferRow {
  org_code: string;
  ym: string;
  lyfs: string;
  code: string | null;
  name: string | null;
  n: Num;
}

const count = (v: Num | undefined): number => toNumber(v) ?? 0;

/**
 * Vendor A (pinyin schema). 退号标志 THBZ: only '0' is a visit; 挂号类别 GHLB '3' is 急诊.
 * Inpatient facts come from the EMR front page: `BA_SY` has one row per discharge (出院时间 CYSJ
 * CHAR(14)), `BA_SS` one row per procedure (SSRQ CHAR(14)), `ZY_CWRB` one row per day (RQ CHAR(8)).
 */
export const hisAAdapter: HisAdapter = {
  async countVisits(source: SqlSource, query: VisitCountQuery): Promise<VisitCounts[]> {
    if (query.months.length === 0 || (query.orgCodes && query.orgCodes.length === 0)) return [];
    const format = await ghsjFormat(source);
    const bucket = monthBucket('GHSJ', format, source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('GHSJ', format, query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<VisitRow>(
      `SELECT JGDM AS org_code, ${bucket} AS ym, COUNT(*) AS visits,
              SUM(CASE WHEN GHLB = '3' THEN 1 ELSE 0 END) AS er,
              SUM(CASE WHEN ZYBZ = '1' THEN 1 ELSE 0 END) AS tcm
         FROM MZ_GHXX
        WHERE THBZ = '0' AND (${timeWhere})${orgWhere}
        GROUP BY JGDM, ${bucket}`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      visits: toNumber(r.visits) ?? 0,
      emergencyVisits: toNumber(r.er) ?? 0,
      tcmVisits: toNumber(r.tcm) ?? 0,
    }));
  },
  /** 出院人次: BA_SY rows whose CYSJ falls in the months; SJZYTS is the stay, QJCS the rescues. */
  async countDischarges(source: SqlSource, query: InpatientQuery): Promise<DischargeCounts[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('CYSJ', 'CHAR14', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('CYSJ', 'CHAR14', query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<DischargeRow>(
      `SELECT JGDM AS org_code, ${bucket} AS ym, LYFS AS lyfs, RYTJ AS rytj, YLFKFS AS ylfkfs,
              WZBZ AS wzbz, COUNT(*) AS n, SUM(SJZYTS) AS stay, SUM(QJCS) AS rescues, SUM(ZFY) AS fee
         FROM BA_SY
        WHERE (${timeWhere})${orgWhere}
        GROUP BY JGDM, ${bucket}, LYFS, RYTJ, YLFKFS, WZBZ`,
      params,
    );
    const canonical: DischargeCounts[] = rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      dischargeKind: dischargeKindOfLyfs(r.lyfs),
      admissionRoute: admissionRouteOfRytj(r.rytj),
      payer: payerOfYlfkfs(r.ylfkfs),
      critical: isFlagSet(r.wzbz),
      discharges: count(r.n),
      stayDays: count(r.stay),
      rescues: count(r.rescues),
      feeTotal: count(r.fee),
    }));
    return mergeRows(
      canonical,
      (r) => [r.orgCode, r.month, r.dischargeKind, r.admissionRoute, r.payer, r.critical].join('|'),
      ['discharges', 'stayDays', 'rescues', 'feeTotal'],
    ).map((r) => ({ ...r, feeTotal: roundFen(r.feeTotal) }));
  },

  /** BA_SS rows by the month of SSRQ; the institution is BA_SS.JGDM. */
  async countSurgeries(source: SqlSource, query: InpatientQuery): Promise<SurgeryCounts[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('SSRQ', 'CHAR14', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('SSRQ', 'CHAR14', query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<SurgeryRow>(
      `SELECT JGDM AS org_code, ${bucket} AS ym, SSJB AS ssjb, RJSS AS rjss, ZQSS AS zqss, COUNT(*) AS n
         FROM BA_SS
        WHERE (${timeWhere})${orgWhere}
        GROUP BY JGDM, ${bucket}, SSJB, RJSS, ZQSS`,
      params,
    );
    return mergeRows(
      rows.map((r): SurgeryCounts => ({
        orgCode: String(r.org_code).trim(),
        month: monthKey(r.ym),
        grade: gradeOfSsjb(r.ssjb),
        dayCase: isFlagSet(r.rjss),
        elective: isFlagSet(r.zqss),
        count: count(r.n),
      })),
      (r) => [r.orgCode, r.month, r.grade, r.dayCase, r.elective].join('|'),
      ['count'],
    );
  },

  /** ZY_CWRB: KFCW summed is 开放床日, ZYRS summed is 占用床日. */
  async bedDays(source: SqlSource, query: InpatientQuery): Promise<BedDays[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('RQ', 'CHAR8', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('RQ', 'CHAR8', query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<BedRow>(
      `SELECT JGDM AS org_code, ${bucket} AS ym, SUM(KFCW) AS open_days, SUM(ZYRS) AS occupied_days,
              COUNT(*) AS days
         FROM ZY_CWRB
        WHERE (${timeWhere})${orgWhere}
        GROUP BY JGDM, ${bucket}`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      openBedDays: count(r.open_days),
      occupiedBedDays: count(r.occupied_days),
      daysReported: count(r.days),
    }));
  },

  /** Discharges (as countDischarges) by the group of the principal diagnosis JBDM. */
  async countDischargesByDiagnosis(
    source: SqlSource,
    query: DiagnosisGroupQuery,
  ): Promise<DiagnosisGroupDischarges[]> {
    const groups = diagnosisGroups(query.groups);
    if (emptyQuery(query) || groups.length === 0) return [];
    const bucket = monthBucket('CYSJ', 'CHAR14', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('CYSJ', 'CHAR14', query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<GroupRow>(
      `SELECT org_code, ym, grp, COUNT(*) AS n
         FROM (SELECT JGDM AS org_code, ${bucket} AS ym, ${codeGroupCase('JBDM', groups)} AS grp
                 FROM BA_SY
                WHERE (${timeWhere})${orgWhere}) t
        WHERE grp IS NOT NULL
        GROUP BY org_code, ym, grp`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      group: r.grp as DiagnosisGroupId,
      discharges: count(r.n),
    }));
  },

  /** BA_SS procedures by SSBM group and the month of SSRQ; cases are distinct discharges (BAH, ZYCS). */
  async countProcedures(source: SqlSource, query: ProcedureGroupQuery): Promise<ProcedureGroupCounts[]> {
    const groups = procedureGroups(query.groups);
    if (emptyQuery(query) || groups.length === 0) return [];
    const bucket = monthBucket('SSRQ', 'CHAR14', source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('SSRQ', 'CHAR14', query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const discharge = concatExpr(source.dialect.name, 'BAH', "'/'", 'ZYCS');
    const rows = await source.query<GroupRow>(
      `SELECT org_code, ym, grp, COUNT(*) AS n, COUNT(DISTINCT discharge) AS cases
         FROM (SELECT JGDM AS org_code, ${bucket} AS ym, ${codeGroupCase('SSBM', groups)} AS grp,
                      ${discharge} AS discharge
                 FROM BA_SS
                WHERE (${timeWhere})${orgWhere}) t
        WHERE grp IS NOT NULL
        GROUP BY org_code, ym, grp`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      group: r.grp as ProcedureGroupId,
      procedures: count(r.n),
      cases: count(r.cases),
    }));
  },

  /** 首诊: visits that happened (THBZ '0') whose 第一诊断 ZDDM falls in a group; GHLB '3' is 急诊. */
  async countVisitsByDiagnosis(
    source: SqlSource,
    query: DiagnosisGroupQuery,
  ): Promise<DiagnosisGroupVisits[]> {
    const groups = diagnosisGroups(query.groups);
    if (emptyQuery(query) || groups.length === 0) return [];
    const format = await ghsjFormat(source);
    const bucket = monthBucket('GHSJ', format, source.dialect);
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('GHSJ', format, query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<GroupRow>(
      `SELECT org_code, ym, grp, COUNT(*) AS n, SUM(er) AS er
         FROM (SELECT JGDM AS org_code, ${bucket} AS ym, ${codeGroupCase('ZDDM', groups)} AS grp,
                      CASE WHEN GHLB = '3' THEN 1 ELSE 0 END AS er
                 FROM MZ_GHXX
                WHERE THBZ = '0' AND (${timeWhere})${orgWhere}) t
        WHERE grp IS NOT NULL
        GROUP BY org_code, ym, grp`,
      params,
    );
    return rows.map((r) => ({
      orgCode: String(r.org_code).trim(),
      month: monthKey(r.ym),
      group: r.grp as DiagnosisGroupId,
      visits: count(r.n),
      emergencyVisits: count(r.er),
    }));
  },

  /**
   * Discharges with LYFS '2' (receiver named in YZZY_YLJG) or '3' (in WSY_YLJG), per receiver as
   * recorded: NJSJGDM (newer versions only) and the typed name; '' and '-' become null.
   */
  async dischargeTransfers(source: SqlSource, query: InpatientQuery): Promise<DischargeTransfers[]> {
    if (emptyQuery(query)) return [];
    const bucket = monthBucket('CYSJ', 'CHAR14', source.dialect);
    const hospital = TRANSFER_LYFS.TRANSFER_HOSPITAL;
    const primary = TRANSFER_LYFS.TRANSFER_PRIMARY;
    const name = `CASE WHEN LYFS = '${hospital}' THEN YZZY_YLJG ELSE WSY_YLJG END`;
    const params: unknown[] = [];
    const timeWhere = monthsPredicate('CYSJ', 'CHAR14', query.months, params);
    const orgWhere = inList('JGDM', query.orgCodes, params);
    const rows = await source.query<TransferRow>(
      `SELECT JGDM AS org_code, ${bucket} AS ym, LYFS AS lyfs, NJSJGDM AS code, ${name} AS name,
              COUNT(*) AS n
         FROM BA_SY
        WHERE LYFS IN ('${hospital}', '${primary}') AND (${timeWhere})${orgWhere}
        GROUP BY JGDM, ${bucket}, LYFS, NJSJGDM, ${name}`,
      params,
    );
    return mergeRows(
      rows.map((r): DischargeTransfers => ({
        orgCode: String(r.org_code).trim(),
        month: monthKey(r.ym),
        kind: dischargeKindOfLyfs(r.lyfs) === 'TRANSFER_PRIMARY' ? 'TRANSFER_PRIMARY' : 'TRANSFER_HOSPITAL',
        receiverCode: textOrNull(r.code),
        receiverName: textOrNull(r.name),
        count: count(r.n),
      })),
      (r) => JSON.stringify([r.orgCode, r.month, r.kind, r.receiverCode, r.receiverName]),
      ['count'],
    );
  },
};
