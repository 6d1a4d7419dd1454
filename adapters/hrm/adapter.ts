import { flagOf } from '../registry/codes';
import { eitherIn, flagCase, nothingAsked } from '../sql/builders';
import { placeholders } from '../sql/dialect';
import type { Dialect } from '../sql/dialect';
import {
  cappedEnd,
  distinctPeriods,
  flooredStart,
  knownDate,
  openOrAfter,
  openOrFrom,
  periodsSpan,
  periodsTable,
  pointsById,
  pointsTable,
  unknownDate,
} from '../sql/periods';
import { mergeRows, toCount } from '../sql/rows';
import type { Num } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import { inList } from '../sql/time';
import {
  assignmentKindOf,
  GP_RULE,
  gpTrainingOf,
  practitionerCategoryOf,
  recruitmentDisciplineOf,
  titleLevelOf,
} from './codes';
import type {
  AssignmentFlow,
  FurtherTrainingFlow,
  FurtherTrainingPersons,
  GeneralPractitioners,
  HrmQuery,
  MultiSitePractice,
  PracticeSites,
  PractisingDown,
  PractisingDownQuery,
  PractitionersOnPost,
  PractitionersOnPostTotals,
  Recruitments,
} from './model';

interface OnPostRow {
  pid: string;
  org_code: string;
  category: string | null;
  title_level: string | null;
  n: Num;
  multi: Num;
}

interface OnPostTotalsRow {
  pid: string;
  org_code: string;
  n: Num;
  multi: Num;
  physician_multi: Num;
}

interface GpRow {
  pid: string;
  org_code: string;
  title_level: string | null;
  gp_training: string | null;
  n: Num;
  scope_gp: Num;
}

interface MultiSiteRow {
  pid: string;
  main_org: string;
  site_org: string;
  category: string | null;
  filed: string;
  n: Num;
}

interface AssignmentRow {
  pid: string;
  from_org: string;
  to_org: string;
  kind: string;
  person_times: Num;
  persons: Num;
  days: Num;
  long_stays: Num;
  long_persons: Num;
}

interface TrainingRow {
  pid: string;
  home_org: string;
  host_org: string;
  trainings: Num;
  persons: Num;
  days: Num;
  up6: Num;
  up12: Num;
  over12: Num;
}

interface RecruitmentRow {
  pid: string;
  org_code: string;
  discipline: string | null;
  n: Num;
}

/** 医师: the four physician categories of 医师执业注册 ('1' 临床, '2' 口腔, '3' 公共卫生, '4' 中医). */
const PHYSICIAN_CATEGORIES = ['1', '2', '3', '4'] as const;

/** The practice site `s` is active at the point `p.t`: its start known and reached, not ended. */
const SITE_ACTIVE_AT_POINT = `${knownDate('s.from_date')} AND s.from_date <= p.t AND ${openOrAfter('s.to_date', 'p.t')}`;

/** The practitioner `pr` holds an active 'MULTI' practice site at the point `p.t` (no parameter). */
const MULTI_SITE_AT_POINT = `EXISTS (
  SELECT 1 FROM practice_site s
   WHERE s.pract_id = pr.pract_id AND s.kind = 'MULTI' AND ${SITE_ACTIVE_AT_POINT})`;

/** `column IN (…)` pushing the values, or a constant false for an empty list. */
function inSet(column: string, values: readonly string[], params: unknown[]): string {
  if (values.length === 0) return '1 = 0';
  params.push(...values);
  return `${column} IN (${placeholders(values.length)})`;
}

/** `column NOT IN (…)` pushing the values, or a constant true for an empty list. */
function notInSet(column: string, values: readonly string[], params: unknown[]): string {
  if (values.length === 0) return '1 = 1';
  params.push(...values);
  return `${column} NOT IN (${placeholders(values.length)})`;
}

function code(value: unknown): string {
  return String(value ?? '').trim();
}

/** A practitioner holds at point `p.t`: registered on or before it, not yet left (left_on after it or unknown). */
const HOLDS_AT_POINT = `${knownDate('pr.registered_on')} AND pr.registered_on <= p.t AND ${openOrAfter('pr.left_on', 'p.t')}`;

/** The assignment/training `x` reaches into period `p`: started by its last day, not ended before its first. */
function overlaps(x: string): string {
  return `${x}.start_date <= p.pl AND ${openOrFrom(`${x}.end_date`, 'p.ps')}`;
}

/** Start and end known and in order (or end unknown = open): rows with an end before the start are errors. */
function validInterval(x: string): string {
  return `${knownDate(`${x}.start_date`)} AND ${openOrFrom(`${x}.end_date`, `${x}.start_date`)}`;
}

/** Days of `x` inside period `p`, first and last day included; an open `x` runs to the period's last day. */
function daysInPeriod(dialect: Dialect, x: string): string {
  return `${dialect.daysBetween(flooredStart(`${x}.start_date`, 'p.ps'), cappedEnd(`${x}.end_date`, 'p.pl'))} + 1`;
}

/**
 * A state statement: the periods asked (once each) as a derived table of time points (`p.pid`,
 * `p.t`; its parameters pushed after `leading`), the latest point, and the point of a period id.
 */
function atPoints(query: HrmQuery, leading: readonly unknown[] = []) {
  const periods = distinctPeriods(query.periods);
  const params = [...leading];
  const points = pointsTable(periods, params);
  return { params, points, lastPoint: periodsSpan(periods).lastDay, pointOf: pointsById(periods) };
}

/**
 * A flow statement: the periods asked (once each) as a derived table (`p.pid`, `p.ps`, `p.pl`,
 * `p.pe`; its parameters pushed first) and the span they cover together.
 */
function inPeriods(query: HrmQuery) {
  const periods = distinctPeriods(query.periods);
  const params: unknown[] = [];
  const table = periodsTable(periods, params);
  return { params, table, span: periodsSpan(periods) };
}

/**
 * Physicians (categories '1'–'4') on post and their active 'MULTI' practice sites at each point of
 * `points` (`p.pid`, `p.t`): the FROM … WHERE of a statement, more conditions may follow. Its
 * parameters after the points': PHYSICIAN_CATEGORIES, then the last point.
 */
function physicianSitesAtPoints(points: string): string {
  return `FROM practice_site s
         JOIN practitioner pr ON pr.pract_id = s.pract_id
         JOIN (${points}) p
           ON ${SITE_ACTIVE_AT_POINT}
          AND ${HOLDS_AT_POINT}
        WHERE s.kind = 'MULTI' AND pr.on_post = '1'
          AND pr.category IN (${placeholders(PHYSICIAN_CATEGORIES.length)}) AND s.from_date <= ?`;
}

/**
 * 二级以上医院医师到下级医疗机构执业的人数 from the sets of practice sites: per (period, main
 * institution), the physicians of a 三级 hospital with a site that is not a 三级 hospital, and of a
 * 二级 hospital with a site that is neither (physiciansPractisingDown's rule, applied to stored
 * sets; codes compared trimmed, as the registry's are).
 */
export function practisingDownOf(
  rows: readonly PracticeSites[],
  levels: { readonly level3: readonly string[]; readonly level2: readonly string[] },
): PractisingDown[] {
  const level3 = new Set(levels.level3);
  const level2 = new Set(levels.level2);
  const out = new Map<string, PractisingDown>();
  for (const r of rows) {
    const main = r.mainOrgCode.trim();
    const above = level3.has(main) ? [level3] : level2.has(main) ? [level3, level2] : null;
    if (!above || r.siteOrgCodes === null) continue;
    const lower = r.siteOrgCodes.split(',').some((site) => !above.some((l) => l.has(site.trim())));
    if (!lower) continue;
    const key = `${r.period}|${r.mainOrgCode}`;
    const seen = out.get(key);
    out.set(key, {
      period: r.period,
      point: r.point,
      mainOrgCode: r.mainOrgCode,
      physicians: (seen?.physicians ?? 0) + r.physicians,
    });
  }
  return [...out.values()];
}

/**
 * Read-only access to the health workforce registry (legacy-systems.md §9). Every function sends
 * one aggregate statement whatever the number of periods and institutions asked.
 *
 * States are read at each period's last day (统计时间点) through a derived table of points; flows
 * (assignments, trainings, recruitment) through a derived table of periods, so that overlapping
 * periods (2019 and 2019H1) are answered by the same statement.
 *
 * `on_post` is the registry's current flag (it has no history): the contract's rule applies it at
 * every point, together with registered_on ≤ t and (left_on unknown or > t). A practitioner whose
 * registration date is unknown is not counted (it cannot be shown to hold at t).
 */
export const hrmAdapter = {
  /** Practitioners on post at each point, per (point, institution, category, title). */
  async practitionersOnPost(source: SqlSource, query: HrmQuery): Promise<PractitionersOnPost[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, points, lastPoint, pointOf } = atPoints(query);
    params.push(lastPoint);
    const orgWhere = inList('pr.org_code', query.orgCodes, params);
    const rows = await source.query<OnPostRow>(
      `SELECT p.pid AS pid, pr.org_code AS org_code, pr.category AS category, pr.title_level AS title_level,
              COUNT(*) AS n,
              SUM(CASE WHEN ${MULTI_SITE_AT_POINT} THEN 1 ELSE 0 END) AS multi
         FROM practitioner pr
         JOIN (${points}) p ON ${HOLDS_AT_POINT}
        WHERE pr.on_post = '1' AND pr.registered_on <= ?${orgWhere}
        GROUP BY p.pid, pr.org_code, pr.category, pr.title_level`,
      params,
    );
    return mergeRows(
      rows.map((r): PractitionersOnPost => ({
        period: r.pid,
        point: pointOf(r.pid),
        orgCode: code(r.org_code),
        category: practitionerCategoryOf(r.category),
        titleLevel: titleLevelOf(r.title_level),
        practitioners: toCount(r.n),
        multiSite: toCount(r.multi),
      })),
      ['period', 'orgCode', 'category', 'titleLevel'],
      ['practitioners', 'multiSite'],
    );
  },

  /**
   * Practitioners on post at each point, per (point, institution) only: the totals the measures
   * use (all, with a 'MULTI' site, physicians with one), a row per institution instead of one per
   * category and title (practitionersOnPost, which summaries break down).
   */
  async practitionersOnPostTotals(source: SqlSource, query: HrmQuery): Promise<PractitionersOnPostTotals[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, points, lastPoint, pointOf } = atPoints(query, PHYSICIAN_CATEGORIES);
    params.push(lastPoint);
    const orgWhere = inList('pr.org_code', query.orgCodes, params);
    const rows = await source.query<OnPostTotalsRow>(
      `SELECT pid, org_code, COUNT(*) AS n, SUM(multi) AS multi, SUM(physician * multi) AS physician_multi
         FROM (SELECT p.pid AS pid, pr.org_code AS org_code,
                      CASE WHEN pr.category IN (${placeholders(PHYSICIAN_CATEGORIES.length)}) THEN 1 ELSE 0 END AS physician,
                      CASE WHEN ${MULTI_SITE_AT_POINT} THEN 1 ELSE 0 END AS multi
                 FROM practitioner pr
                 JOIN (${points}) p ON ${HOLDS_AT_POINT}
                WHERE pr.on_post = '1' AND pr.registered_on <= ?${orgWhere}) x
        GROUP BY pid, org_code`,
      params,
    );
    return mergeRows(
      rows.map((r): PractitionersOnPostTotals => ({
        period: r.pid,
        point: pointOf(r.pid),
        orgCode: code(r.org_code),
        practitioners: toCount(r.n),
        multiSite: toCount(r.multi),
        physiciansMultiSite: toCount(r.physician_multi),
      })),
      ['period', 'orgCode'],
      ['practitioners', 'multiSite', 'physiciansMultiSite'],
    );
  },

  /**
   * 全科医生 on post at each point, per (point, institution, title, training): category '1' or '4'
   * and (scope '21' or training '3+2'/'5+3'/'TRANSFER'), holding at the point.
   */
  async generalPractitioners(source: SqlSource, query: HrmQuery): Promise<GeneralPractitioners[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, points, lastPoint, pointOf } = atPoints(query, [GP_RULE.scope]);
    params.push(...GP_RULE.categories, GP_RULE.scope, ...GP_RULE.trainings, lastPoint);
    const orgWhere = inList('pr.org_code', query.orgCodes, params);
    const rows = await source.query<GpRow>(
      `SELECT p.pid AS pid, pr.org_code AS org_code, pr.title_level AS title_level, pr.gp_training AS gp_training,
              COUNT(*) AS n,
              SUM(CASE WHEN pr.scope_code = ? THEN 1 ELSE 0 END) AS scope_gp
         FROM practitioner pr
         JOIN (${points}) p ON ${HOLDS_AT_POINT}
        WHERE pr.on_post = '1'
          AND pr.category IN (${placeholders(GP_RULE.categories.length)})
          AND (pr.scope_code = ? OR pr.gp_training IN (${placeholders(GP_RULE.trainings.length)}))
          AND pr.registered_on <= ?${orgWhere}
        GROUP BY p.pid, pr.org_code, pr.title_level, pr.gp_training`,
      params,
    );
    return mergeRows(
      rows.map((r): GeneralPractitioners => ({
        period: r.pid,
        point: pointOf(r.pid),
        orgCode: code(r.org_code),
        titleLevel: titleLevelOf(r.title_level),
        training: gpTrainingOf(r.gp_training),
        gps: toCount(r.n),
        scopeGeneralPractice: toCount(r.scope_gp),
      })),
      ['period', 'orgCode', 'titleLevel', 'training'],
      ['gps', 'scopeGeneralPractice'],
    );
  },

  /**
   * Practitioners on post with an active 'MULTI' practice site at each point, per (point, main
   * institution, site, category, filed). `orgCodes` matches the site or the main institution.
   */
  async multiSitePractice(source: SqlSource, query: HrmQuery): Promise<MultiSitePractice[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, points, lastPoint, pointOf } = atPoints(query);
    params.push(lastPoint);
    const orgWhere = eitherIn('s.org_code', 'pr.org_code', query.orgCodes, params);
    const filed = flagCase('s.filed');
    const rows = await source.query<MultiSiteRow>(
      `SELECT p.pid AS pid, pr.org_code AS main_org, s.org_code AS site_org, pr.category AS category,
              ${filed} AS filed, COUNT(DISTINCT pr.pract_id) AS n
         FROM practice_site s
         JOIN practitioner pr ON pr.pract_id = s.pract_id
         JOIN (${points}) p
           ON ${SITE_ACTIVE_AT_POINT}
          AND ${HOLDS_AT_POINT}
        WHERE s.kind = 'MULTI' AND pr.on_post = '1' AND s.from_date <= ?${orgWhere}
        GROUP BY p.pid, pr.org_code, s.org_code, pr.category, ${filed}`,
      params,
    );
    // One practitioner has one category: raw category groups hold different practitioners, so
    // adding their distinct counts stays exact.
    return mergeRows(
      rows.map((r): MultiSitePractice => ({
        period: r.pid,
        point: pointOf(r.pid),
        mainOrgCode: code(r.main_org),
        siteOrgCode: code(r.site_org),
        category: practitionerCategoryOf(r.category),
        filed: flagOf(r.filed),
        practitioners: toCount(r.n),
      })),
      ['period', 'mainOrgCode', 'siteOrgCode', 'category', 'filed'],
      ['practitioners'],
    );
  },

  /**
   * 派驻/下派 per (period, from, to, kind). `orgCodes` matches either end. Days inside the period
   * count both the first and the last day; an open assignment runs to the period's last day.
   */
  async assignments(source: SqlSource, query: HrmQuery): Promise<AssignmentFlow[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, table, span } = inPeriods(query);
    params.push(span.lastDay, span.firstDay);
    const orgWhere = eitherIn('a.from_org', 'a.to_org', query.orgCodes, params);
    const kind = `CASE WHEN UPPER(TRIM(a.kind)) IN ('TECH', 'MGMT') THEN UPPER(TRIM(a.kind)) ELSE '' END`;
    const starts = 'a.start_date >= p.ps';
    const days = daysInPeriod(source.dialect, 'a');
    const long = `(${unknownDate('a.end_date')} OR ${source.dialect.daysBetween('a.start_date', 'a.end_date')} >= 89)`;
    const rows = await source.query<AssignmentRow>(
      `SELECT p.pid AS pid, a.from_org AS from_org, a.to_org AS to_org, ${kind} AS kind,
              SUM(CASE WHEN ${starts} THEN 1 ELSE 0 END) AS person_times,
              COUNT(DISTINCT CASE WHEN ${starts} THEN a.pract_id END) AS persons,
              SUM(${days}) AS days,
              SUM(CASE WHEN ${starts} AND ${long} THEN 1 ELSE 0 END) AS long_stays,
              COUNT(DISTINCT CASE WHEN ${starts} AND ${long} THEN a.pract_id END) AS long_persons
         FROM assignment a
         JOIN (${table}) p ON ${overlaps('a')}
        WHERE ${validInterval('a')} AND a.start_date <= ? AND ${openOrFrom('a.end_date', '?')}${orgWhere}
        GROUP BY p.pid, a.from_org, a.to_org, ${kind}`,
      params,
    );
    return rows.map((r) => ({
      period: r.pid,
      fromOrgCode: code(r.from_org),
      toOrgCode: code(r.to_org),
      kind: assignmentKindOf(r.kind),
      personTimes: toCount(r.person_times),
      persons: toCount(r.persons),
      days: toCount(r.days),
      longStays: toCount(r.long_stays),
      longStayPersons: toCount(r.long_persons),
    }));
  },

  /**
   * 进修 per (period, home institution, host institution). `orgCodes` matches either. Duration
   * classes by total calendar days (start and end included): ≤ 184 (6 months), ≤ 366 (12 months), more.
   */
  async furtherTraining(source: SqlSource, query: HrmQuery): Promise<FurtherTrainingFlow[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, table, span } = inPeriods(query);
    params.push(span.lastDay, span.firstDay);
    const orgWhere = eitherIn('f.home_org', 'f.host_org', query.orgCodes, params);
    const starts = 'f.start_date >= p.ps';
    const days = daysInPeriod(source.dialect, 'f');
    const length = `CASE WHEN ${knownDate('f.end_date')} THEN ${source.dialect.daysBetween('f.start_date', 'f.end_date')} + 1 END`;
    const rows = await source.query<TrainingRow>(
      `SELECT p.pid AS pid, f.home_org AS home_org, f.host_org AS host_org,
              SUM(CASE WHEN ${starts} THEN 1 ELSE 0 END) AS trainings,
              COUNT(DISTINCT CASE WHEN ${starts} THEN f.pract_id END) AS persons,
              SUM(${days}) AS days,
              SUM(CASE WHEN ${starts} AND ${length} <= 184 THEN 1 ELSE 0 END) AS up6,
              SUM(CASE WHEN ${starts} AND ${length} > 184 AND ${length} <= 366 THEN 1 ELSE 0 END) AS up12,
              SUM(CASE WHEN ${starts} AND ${length} > 366 THEN 1 ELSE 0 END) AS over12
         FROM further_training f
         JOIN (${table}) p ON ${overlaps('f')}
        WHERE ${validInterval('f')} AND f.start_date <= ? AND ${openOrFrom('f.end_date', '?')}${orgWhere}
        GROUP BY p.pid, f.home_org, f.host_org`,
      params,
    );
    return rows.map((r) => ({
      period: r.pid,
      homeOrgCode: code(r.home_org),
      hostOrgCode: code(r.host_org),
      trainings: toCount(r.trainings),
      persons: toCount(r.persons),
      days: toCount(r.days),
      upTo6Months: toCount(r.up6),
      upTo12Months: toCount(r.up12),
      over12Months: toCount(r.over12),
    }));
  },

  /**
   * 二级以上医院医师到下级医疗机构执业的人数: distinct physicians (categories '1'–'4') on post whose
   * main institution is a 三级/二级 hospital and who hold an active 'MULTI' practice site at an
   * institution of lower level (not a hospital of the main one's level or above) at each
   * period's last day, per (point, main institution); one statement. The rule in SQL, for the
   * levels given; the gateway counts it from the stored sets of sites (physicianPracticeSites,
   * practisingDownOf), which the test fixtures check against this.
   */
  async physiciansPractisingDown(source: SqlSource, query: PractisingDownQuery): Promise<PractisingDown[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    if (query.level3.length === 0 && query.level2.length === 0) return [];
    const { params, points, lastPoint, pointOf } = atPoints(query);
    params.push(...PHYSICIAN_CATEGORIES, lastPoint);
    const down3 = `(${inSet('pr.org_code', query.level3, params)} AND ${notInSet('s.org_code', query.level3, params)})`;
    const down2 = `(${inSet('pr.org_code', query.level2, params)} AND ${notInSet('s.org_code', query.level3, params)} AND ${notInSet('s.org_code', query.level2, params)})`;
    const orgWhere = inList('pr.org_code', query.orgCodes, params);
    const rows = await source.query<{ pid: string; main_org: string; n: Num }>(
      `SELECT p.pid AS pid, pr.org_code AS main_org, COUNT(DISTINCT pr.pract_id) AS n
         ${physicianSitesAtPoints(points)}
          AND (${down3} OR ${down2})${orgWhere}
        GROUP BY p.pid, pr.org_code`,
      params,
    );
    return rows.map((r) => ({
      period: String(r.pid),
      point: pointOf(r.pid),
      mainOrgCode: code(r.main_org),
      physicians: toCount(r.n),
    }));
  },

  /**
   * The sets of 'MULTI' practice sites of physicians (categories '1'–'4') on post at each period's
   * last day, per (point, main institution, set of sites), counted: a physician's sites joined in
   * SQL (distinct, sorted), then physicians counted per set; one statement. Independent of the
   * registry's levels, so the measure store keeps it whole per period; practisingDownOf applies
   * the levels, as physiciansPractisingDown does in SQL.
   */
  async physicianPracticeSites(source: SqlSource, query: HrmQuery): Promise<PracticeSites[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, points, lastPoint, pointOf } = atPoints(query);
    params.push(...PHYSICIAN_CATEGORIES, lastPoint);
    const orgWhere = inList('pr.org_code', query.orgCodes, params);
    const rows = await source.query<{ pid: string; main_org: string; sites: string | null; n: Num }>(
      `SELECT x.pid AS pid, x.main_org AS main_org, x.sites AS sites, COUNT(*) AS n
         FROM (SELECT p.pid AS pid, pr.org_code AS main_org, pr.pract_id AS pract,
                      ${source.dialect.distinctList('s.org_code')} AS sites
                 ${physicianSitesAtPoints(points)}${orgWhere}
                GROUP BY p.pid, pr.org_code, pr.pract_id) x
        GROUP BY x.pid, x.main_org, x.sites`,
      params,
    );
    return rows.map((r) => ({
      period: String(r.pid),
      point: pointOf(r.pid),
      mainOrgCode: code(r.main_org),
      siteOrgCodes: r.sites === null || r.sites === undefined ? null : String(r.sites),
      physicians: toCount(r.n),
    }));
  },

  /**
   * 进修人数: distinct practitioners per (period, home institution) starting a further training in
   * the period (COUNT(DISTINCT) in SQL: additive across home institutions); one statement.
   */
  async furtherTrainingPersons(source: SqlSource, query: HrmQuery): Promise<FurtherTrainingPersons[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, table, span } = inPeriods(query);
    params.push(span.firstDay, span.lastDay);
    const orgWhere = inList('f.home_org', query.orgCodes, params);
    const rows = await source.query<{ pid: string; home_org: string; n: Num }>(
      `SELECT p.pid AS pid, f.home_org AS home_org, COUNT(DISTINCT f.pract_id) AS n
         FROM further_training f
         JOIN (${table}) p ON f.start_date >= p.ps AND f.start_date <= p.pl
        WHERE ${validInterval('f')} AND f.start_date >= ? AND f.start_date <= ?${orgWhere}
        GROUP BY p.pid, f.home_org`,
      params,
    );
    return rows.map((r) => ({ period: String(r.pid), homeOrgCode: code(r.home_org), persons: toCount(r.n) }));
  },

  /** 引进人才 hired in each period, per (period, institution, discipline). */
  async recruitments(source: SqlSource, query: HrmQuery): Promise<Recruitments[]> {
    if (nothingAsked(query.periods, query.orgCodes)) return [];
    const { params, table, span } = inPeriods(query);
    params.push(span.firstDay, span.lastDay);
    const orgWhere = inList('r.org_code', query.orgCodes, params);
    const rows = await source.query<RecruitmentRow>(
      `SELECT p.pid AS pid, r.org_code AS org_code, r.discipline AS discipline, COUNT(*) AS n
         FROM recruitment r
         JOIN (${table}) p ON r.hired_on >= p.ps AND r.hired_on < p.pe
        WHERE r.hired_on >= ? AND r.hired_on <= ?${orgWhere}
        GROUP BY p.pid, r.org_code, r.discipline`,
      params,
    );
    return mergeRows(
      rows.map((r): Recruitments => ({
        period: r.pid,
        orgCode: code(r.org_code),
        discipline: recruitmentDisciplineOf(r.discipline),
        recruits: toCount(r.n),
      })),
      ['period', 'orgCode', 'discipline'],
      ['recruits'],
    );
  },
};
