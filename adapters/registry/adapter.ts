import { madeOnce } from '../sql/answer-cache';
import { placeholders, toNumber } from '../sql/dialect';
import type { SqlSource } from '../sql/source';
import { inList, monthBucket, monthKey, monthsPredicate } from '../sql/time';
import {
  allianceKindCode,
  allianceKindOf,
  categoryOf,
  codeOf,
  memberRoleOf,
  flagOf,
  hospitalGradeOf,
  hospitalLevelOf,
  isPrimaryCareCategory,
  normalizeCategoryCode,
  ownershipOf,
  regionLevelOf,
  textOrNull,
  CENTER_KINDS,
  MECHANISM_ITEMS,
  POLICY_KINDS,
  SUPPORT_KINDS,
} from './codes';
import type {
  AllianceKind,
  AllianceMemberRecord,
  AllianceRecord,
  DivisionStatRecord,
  DivisionRecord,
  InstitutionRecord,
  MechanismRecord,
  PolicyDocumentRecord,
  SharedCenterRecord,
  SupportActivityCount,
} from './model';

type Row = Record<string, unknown>;

/** 30万元: the threshold of 赠送30万元以上大型设备. */
const LARGE_EQUIPMENT_YUAN = 300_000;

function toAlliance(r: Row): AllianceRecord {
  return {
    allianceId: String(r.alliance_id).trim(),
    name: String(r.name ?? ''),
    kind: allianceKindOf(textOrNull(r.kind)),
    leadOrgCode: textOrNull(r.lead_org_code),
    divisionCode: textOrNull(r.division_code),
    specialty: textOrNull(r.specialty),
    tcm: flagOf(textOrNull(r.tcm)),
    tight: flagOf(textOrNull(r.tight)),
    typical: flagOf(textOrNull(r.typical)),
    servicePopulation: toNumber(r.service_pop),
    establishedOn: textOrNull(r.established_on),
    dissolvedOn: textOrNull(r.dissolved_on),
  };
}

const STAT_COLUMNS: Array<[keyof DivisionStatRecord, string]> = [
  ['householdPop', 'household_pop'],
  ['householdUrbanPop', 'household_urban_pop'],
  ['residentPop', 'resident_pop'],
  ['poorPop', 'poor_pop'],
  ['registeredPoorPop', 'registered_poor_pop'],
  ['keyGroupPop', 'key_group_pop'],
  ['liveBirths', 'live_births'],
  ['infantDeaths', 'infant_deaths'],
  ['maternalDeaths', 'maternal_deaths'],
];

interface DivisionRow {
  code: string;
  name: string;
  level: number | string;
  parent_code: string | null;
}

interface InstitutionRow {
  org_code: string;
  org_name: string;
  category_code: string | null;
  hosp_level: string | null;
  hosp_grade: string | null;
  ownership: string | null;
  division_code: string;
  beds: number | string | null;
  tcm_service: string | null;
  meets_standard: string | null;
  grading_system: string | null;
  mutual_recognition: string | null;
  opened_on: string | null;
  closed_on: string | null;
}

const INSTITUTION_COLUMNS =
  'org_code, org_name, category_code, hosp_level, hosp_grade, ownership, division_code, beds, tcm_service, meets_standard, grading_system, mutual_recognition, opened_on, closed_on';

/**
 * Records already made from an answer: a registry source that keeps its answers
 * (`answerCacheSeconds`) hands the same row list to every request for minutes
 * (SqlSource.queryShared), and a province's 24 000 institutions were converted again by each
 * subgraph of each request.
 */
const RECORDS = new WeakMap<readonly InstitutionRow[], readonly InstitutionRecord[]>();

/** The records of a row list, made once per list (shared: readonly). */
function madeRecords(rows: readonly InstitutionRow[]): readonly InstitutionRecord[] {
  return madeOnce(RECORDS, rows, (list) => list.map(toInstitution));
}

/** The records of a row list, in a list of the caller's own. */
function recordsOf(rows: readonly InstitutionRow[]): InstitutionRecord[] {
  return [...madeRecords(rows)];
}

/** The rows of the institutions standing in `divisionCodes` (the kept answer's list itself). */
function institutionRowsIn(
  source: SqlSource,
  divisionCodes: readonly string[],
): Promise<readonly InstitutionRow[]> {
  return source.queryShared<InstitutionRow>(
    `SELECT ${INSTITUTION_COLUMNS} FROM institution WHERE division_code IN (${placeholders(divisionCodes.length)})`,
    divisionCodes,
  );
}

/** Every institution of some divisions, listed and by code: made once per kept answer. */
export interface InstitutionIndex {
  readonly list: readonly InstitutionRecord[];
  readonly byCode: ReadonlyMap<string, InstitutionRecord>;
}

const INDEXES = new WeakMap<readonly InstitutionRow[], InstitutionIndex>();
const ORG_MAPS = new WeakMap<readonly Row[], ReadonlyMap<string, string>>();

function toInstitution(row: InstitutionRow): InstitutionRecord {
  const categoryCode = normalizeCategoryCode(row.category_code);
  return {
    orgCode: row.org_code.trim(),
    name: row.org_name,
    categoryCode,
    category: categoryOf(categoryCode),
    primaryCare: isPrimaryCareCategory(categoryCode),
    level: hospitalLevelOf(row.hosp_level),
    grade: hospitalGradeOf(row.hosp_grade),
    ownership: ownershipOf(row.ownership),
    divisionCode: row.division_code.trim(),
    beds: toNumber(row.beds),
    tcmService: flagOf(row.tcm_service),
    meetsStandard: flagOf(row.meets_standard),
    gradingSystem: flagOf(row.grading_system),
    mutualRecognition: flagOf(row.mutual_recognition),
    openedOn: textOrNull(row.opened_on),
    closedOn: textOrNull(row.closed_on),
  };
}

/** Read-only access to the regional registry (legacy-systems.md §1). */
export const registryAdapter = {
  /** The whole division tree (a few thousand rows at most for a province): one statement. */
  async divisions(source: SqlSource): Promise<DivisionRecord[]> {
    const rows = await source.query<DivisionRow>('SELECT code, name, level, parent_code FROM admin_division');
    const result: DivisionRecord[] = [];
    for (const r of rows) {
      const level = regionLevelOf(r.level);
      if (!level) continue;
      result.push({ code: r.code.trim(), name: r.name, level, parentCode: textOrNull(r.parent_code) });
    }
    return result;
  },

  /** Institutions standing in any of the given county-level divisions: one statement. */
  async institutionsInDivisions(
    source: SqlSource,
    divisionCodes: readonly string[],
  ): Promise<InstitutionRecord[]> {
    if (divisionCodes.length === 0) return [];
    return recordsOf(await institutionRowsIn(source, divisionCodes));
  },

  /**
   * `institutionsInDivisions`, as one index shared by every caller while the source keeps the
   * answer (a province's 24 000 institutions by code, for each request that needs them all).
   */
  async institutionIndex(source: SqlSource, divisionCodes: readonly string[]): Promise<InstitutionIndex> {
    if (divisionCodes.length === 0) return { list: [], byCode: new Map() };
    const rows = await institutionRowsIn(source, divisionCodes);
    return madeOnce(INDEXES, rows, () => {
      const list = madeRecords(rows);
      return { list, byCode: new Map(list.map((r) => [r.orgCode, r])) };
    });
  },

  /** Institutions by code, for batched entity references: one statement. */
  async institutionsByCodes(source: SqlSource, orgCodes: readonly string[]): Promise<InstitutionRecord[]> {
    if (orgCodes.length === 0) return [];
    const rows = await source.queryShared<InstitutionRow>(
      `SELECT ${INSTITUTION_COLUMNS} FROM institution WHERE org_code IN (${placeholders(orgCodes.length)})`,
      orgCodes,
    );
    return recordsOf(rows);
  },

  /** Alliances, all or of some kinds / ids: one statement. */
  async alliances(
    source: SqlSource,
    filter: { kinds?: readonly AllianceKind[]; ids?: readonly string[] } = {},
  ): Promise<AllianceRecord[]> {
    const params: unknown[] = [];
    const kinds = filter.kinds ? inList('kind', filter.kinds.map(allianceKindCode), params) : '';
    const ids = filter.ids ? inList('alliance_id', filter.ids, params) : '';
    const rows = await source.query<Row>(
      `SELECT alliance_id, name, kind, lead_org_code, division_code, specialty, tcm, tight, typical, service_pop,
              established_on, dissolved_on
         FROM alliance WHERE 1 = 1${kinds}${ids}`,
      params,
    );
    return rows.map(toAlliance).sort((a, b) => a.allianceId.localeCompare(b.allianceId));
  },

  /** Memberships of the given alliances and/or institutions (either list may be null): one statement. */
  async allianceMembers(
    source: SqlSource,
    filter: { allianceIds?: readonly string[] | null; orgCodes?: readonly string[] | null },
  ): Promise<AllianceMemberRecord[]> {
    const params: unknown[] = [];
    const where =
      inList('alliance_id', filter.allianceIds ?? null, params) +
      inList('org_code', filter.orgCodes ?? null, params);
    const rows = await source.query<Row>(
      `SELECT alliance_id, org_code, role, joined_on, left_on FROM alliance_member WHERE 1 = 1${where}`,
      params,
    );
    return rows.map((r) => ({
      allianceId: String(r.alliance_id).trim(),
      orgCode: String(r.org_code).trim(),
      role: memberRoleOf(textOrNull(r.role)),
      joinedOn: textOrNull(r.joined_on),
      leftOn: textOrNull(r.left_on),
    }));
  },

  /** Mechanisms (qualitative facts with dates) of the given alliances (null = all): one statement. */
  async mechanisms(source: SqlSource, allianceIds: readonly string[] | null): Promise<MechanismRecord[]> {
    const params: unknown[] = [];
    const rows = await source.query<Row>(
      `SELECT alliance_id, item, since, until FROM alliance_mechanism WHERE 1 = 1${inList('alliance_id', allianceIds, params)}`,
      params,
    );
    const result: MechanismRecord[] = [];
    for (const r of rows) {
      const item = codeOf(textOrNull(r.item), MECHANISM_ITEMS);
      if (item)
        result.push({
          allianceId: String(r.alliance_id).trim(),
          item,
          since: textOrNull(r.since),
          until: textOrNull(r.until),
        });
    }
    return result;
  },

  /** Shared centres hosted by the given institutions or belonging to the given alliances: one statement. */
  async sharedCenters(
    source: SqlSource,
    filter: { hostOrgCodes?: readonly string[] | null; allianceIds?: readonly string[] | null } = {},
  ): Promise<SharedCenterRecord[]> {
    const params: unknown[] = [];
    const hosts = filter.hostOrgCodes ?? null;
    const alliances = filter.allianceIds ?? null;
    let where = '';
    if (hosts && alliances) {
      params.push(...hosts, ...alliances);
      where = ` AND (host_org_code IN (${placeholders(hosts.length)}) OR alliance_id IN (${placeholders(alliances.length)}))`;
    } else {
      where = inList('host_org_code', hosts, params) + inList('alliance_id', alliances, params);
    }
    const rows = await source.query<Row>(
      `SELECT center_id, host_org_code, alliance_id, kind, opened_on FROM shared_center WHERE 1 = 1${where}`,
      params,
    );
    const result: SharedCenterRecord[] = [];
    for (const r of rows) {
      const kind = codeOf(textOrNull(r.kind), CENTER_KINDS);
      if (!kind) continue;
      result.push({
        centerId: String(r.center_id).trim(),
        hostOrgCode: String(r.host_org_code).trim(),
        allianceId: textOrNull(r.alliance_id),
        kind,
        openedOn: textOrNull(r.opened_on),
      });
    }
    return result;
  },

  /**
   * 帮扶与辐射带动 counted per (helping, helped, kind, month) for the given months, from or to
   * the given institutions (null = all): one statement.
   */
  async supportActivities(
    source: SqlSource,
    query: { months: readonly string[]; orgCodes: readonly string[] | null },
  ): Promise<SupportActivityCount[]> {
    if (query.months.length === 0) return [];
    const params: unknown[] = [LARGE_EQUIPMENT_YUAN];
    const bucket = monthBucket('occurred_on', 'CHAR8', source.dialect);
    const time = monthsPredicate('occurred_on', 'CHAR8', query.months, params);
    let orgs = '';
    if (query.orgCodes) {
      for (const list of [query.orgCodes, query.orgCodes]) for (const o of list) params.push(o);
      const ph = placeholders(query.orgCodes.length);
      orgs = ` AND (from_org_code IN (${ph}) OR to_org_code IN (${ph}))`;
    }
    const rows = await source.query<Row>(
      `SELECT from_org_code, to_org_code, kind, ${bucket} AS ym, COUNT(*) AS n, SUM(amount) AS amount,
              SUM(CASE WHEN kind = 'EQUIPMENT' AND amount >= ? THEN 1 ELSE 0 END) AS big
         FROM support_activity
        WHERE (${time})${orgs}
        GROUP BY from_org_code, to_org_code, kind, ${bucket}`,
      params,
    );
    const result: SupportActivityCount[] = [];
    for (const r of rows) {
      const kind = codeOf(textOrNull(r.kind), SUPPORT_KINDS);
      if (!kind) continue;
      result.push({
        fromOrgCode: String(r.from_org_code).trim(),
        toOrgCode: String(r.to_org_code).trim(),
        kind,
        month: monthKey(r.ym),
        activities: toNumber(r.n) ?? 0,
        amount: toNumber(r.amount),
        equipmentOver300k: toNumber(r.big) ?? 0,
      });
    }
    return result;
  },

  /** Policy documents issued by the given divisions (null = all): one statement. */
  async policyDocuments(
    source: SqlSource,
    divisionCodes: readonly string[] | null,
  ): Promise<PolicyDocumentRecord[]> {
    const params: unknown[] = [];
    const rows = await source.query<Row>(
      `SELECT division_code, kind, issued_on, title FROM policy_document WHERE 1 = 1${inList('division_code', divisionCodes, params)}`,
      params,
    );
    const result: PolicyDocumentRecord[] = [];
    for (const r of rows) {
      const kind = codeOf(textOrNull(r.kind), POLICY_KINDS);
      if (kind) {
        result.push({
          divisionCode: String(r.division_code).trim(),
          kind,
          issuedOn: textOrNull(r.issued_on),
          title: String(r.title ?? ''),
        });
      }
    }
    return result;
  },

  /** The division_stat rows of some years, as stored (see `rollUpDivisionStats` for missing levels): one statement. */
  async divisionStats(source: SqlSource, years: readonly number[]): Promise<DivisionStatRecord[]> {
    if (years.length === 0) return [];
    const rows = await source.query<Row>(
      `SELECT code, year, ${STAT_COLUMNS.map(([, c]) => c).join(', ')}, life_expectancy
         FROM division_stat WHERE year IN (${placeholders(years.length)})`,
      [...years],
    );
    return rows.map((r) => {
      const record: Record<string, unknown> = {
        code: String(r.code).trim(),
        year: Number(r.year),
        lifeExpectancy: toNumber(r.life_expectancy),
        derived: false,
      };
      for (const [key, column] of STAT_COLUMNS) record[key] = toNumber(r[column]);
      return record as unknown as DivisionStatRecord;
    });
  },

  /**
   * 医保定点机构编码对照: fixmedins_code → org_code (one statement; a few thousand rows). The map
   * is made once per kept answer and shared (read-only) by the requests while it is kept.
   */
  async insOrgMap(source: SqlSource): Promise<ReadonlyMap<string, string>> {
    const rows = await source.queryShared<Row>('SELECT fixmedins_code, org_code FROM ins_org_map');
    return madeOnce(
      ORG_MAPS,
      rows,
      (list) => new Map(list.map((r) => [String(r.fixmedins_code).trim(), String(r.org_code).trim()])),
    );
  },
};

/**
 * Statistics of a division and year: its own row when there is one, else the sum of the
 * divisions below it (recursively), marked `derived`. Life expectancy is not summable: null
 * unless the division's own row gives it. Null when neither exists.
 */
export function rollUpDivisionStats(
  code: string,
  year: number,
  stats: readonly DivisionStatRecord[],
  childrenOf: (code: string) => readonly string[],
): DivisionStatRecord | null {
  const own = stats.find((s) => s.code === code && s.year === year);
  if (own) return own;
  const parts = childrenOf(code)
    .map((c) => rollUpDivisionStats(c, year, stats, childrenOf))
    .filter((s): s is DivisionStatRecord => s !== null);
  if (parts.length === 0) return null;
  const sum = (key: keyof DivisionStatRecord): number | null =>
    parts.some((p) => p[key] === null) ? null : parts.reduce((n, p) => n + (p[key] as number), 0);
  const record: Record<string, unknown> = { code, year, lifeExpectancy: null, derived: true };
  for (const [key] of STAT_COLUMNS) record[key] = sum(key);
  return record as unknown as DivisionStatRecord;
}

/**
 * A dated state `[from, until)` (joined/left, opened/closed, established/dissolved: the end day
 * is the first day it no longer holds) overlaps the half-open period `[start, end)`.
 */
export function overlaps(from: string | null, until: string | null, start: string, end: string): boolean {
  return (!from || from < end) && (!until || until > start);
}

/** Membership counts for a period when it overlaps it. */
export function memberDuring(m: AllianceMemberRecord, start: string, end: string): boolean {
  return overlaps(m.joinedOn, m.leftOn, start, end);
}

/** A dated fact (alliance, mechanism) in force on day `t` (`yyyyMMdd`). */
export function inForceOn(since: string | null, until: string | null, t: string): boolean {
  return (!since || since <= t) && (!until || until > t);
}
