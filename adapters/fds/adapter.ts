import { periodMonths } from '../../schema/period';
import type { Period } from '../../schema/period';
import { nothingAsked } from '../sql/builders';
import {
  distinctPeriods,
  knownDate,
  periodsSpan,
  periodsTable,
  pointsById,
  pointsTable,
  unknownDate,
} from '../sql/periods';
import { toCount, toYuan } from '../sql/rows';
import type { Num } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import { inList, monthsPredicate } from '../sql/time';
import { emptyKeyGroupCounts, KEY_GROUP_CODES, SIGNED_FLAGS, TERMINATED_FLAG } from './codes';
import type {
  DivisionSignedPersons,
  FeeComposition,
  FeeQuery,
  PaidContracts,
  SignedPersonCounts,
  SigningQuery,
  TeamCounts,
  TeamOrgSignedPersons,
  TeamOrgSigningQuery,
  TeamQuery,
} from './model';
import { FDS_KNOWN_FROM, peopleFlagMatch } from './sql';

interface SignedRow {
  pid: string;
  grp: string;
  signed: Num;
  key_group: Num;
  one_one_one: Num;
  [keyGroupColumn: string]: Num;
}

interface FeeRow {
  pid: string;
  division_code: string;
  contracts: Num;
  persons: Num;
  fee_total: Num;
  fee_insurance: Num;
  fee_fiscal: Num;
  fee_personal: Num;
}

interface TeamRow {
  pid: string;
  org_code: string;
  teams: Num;
  gps: Num;
  teams_with_gp: Num;
  specialist_teams: Num;
}

const SIGNED_FLAG_LIST = SIGNED_FLAGS.map((f) => `'${f}'`).join(', ');

/**
 * In force at p.t (see SignedPersonCounts): signed ('1', '2', '3'), signed_on ≤ t ≤ valid_until,
 * and either stopped after t, or not '2' and without a stop date.
 */
const IN_FORCE = `c.signed_on <= p.t AND c.valid_until >= p.t
           AND c.sign_flag IN (${SIGNED_FLAG_LIST})
           AND (c.stop_date > p.t OR (c.sign_flag <> '${TERMINATED_FLAG}' AND ${unknownDate('c.stop_date', FDS_KNOWN_FROM)}))`;

/**
 * Signed persons at each period's last day, grouped by the contract's resident county or by the
 * signing team's institution: one statement.
 */
async function signedPersons(
  source: SqlSource,
  periods: readonly Period[],
  by: 'DIVISION' | 'TEAM_ORG',
  codes: readonly string[] | null,
): Promise<Array<SignedPersonCounts & { group: string }>> {
  const flag = (code: string): string => peopleFlagMatch(source.dialect, 'c.people_flags', code);
  const anyKeyGroup = KEY_GROUP_CODES.map(([, code]) => flag(code)).join(' OR ');
  const perGroup = KEY_GROUP_CODES.map(
    ([, code]) => `COUNT(DISTINCT CASE WHEN ${flag(code)} THEN c.person_key END) AS kg_${code}`,
  ).join(',\n              ');
  const groupColumn = by === 'DIVISION' ? 'c.division_code' : 'tm.org_code';
  const teamJoin = by === 'DIVISION' ? '' : 'JOIN fd_team tm ON tm.team_id = c.team_id';

  const params: unknown[] = [];
  const points = pointsTable(periods, params);
  const span = periodsSpan(periods);
  params.push(span.lastDay, span.firstPoint);
  const scopeWhere = inList(groupColumn, codes, params);
  const rows = await source.query<SignedRow>(
    `SELECT p.pid AS pid, ${groupColumn} AS grp,
            COUNT(DISTINCT c.person_key) AS signed,
            COUNT(DISTINCT CASE WHEN ${anyKeyGroup} THEN c.person_key END) AS key_group,
            COUNT(DISTINCT CASE WHEN c.second_org_code <> '' AND c.third_org_code <> ''
                                THEN c.person_key END) AS one_one_one,
            ${perGroup}
       FROM (${points}) p
       JOIN fd_contract c
         ON ${IN_FORCE}
       ${teamJoin}
      WHERE ${knownDate('c.signed_on', FDS_KNOWN_FROM)} AND c.signed_on <= ? AND c.valid_until >= ?${scopeWhere}
      GROUP BY p.pid, ${groupColumn}`,
    params,
  );
  const pointOf = pointsById(periods);
  return rows.map((r) => {
    const keyGroups = emptyKeyGroupCounts();
    for (const [group, code] of KEY_GROUP_CODES) keyGroups[group] = toCount(r[`kg_${code}`]);
    return {
      group: String(r.grp ?? '').trim(),
      period: String(r.pid),
      point: pointOf(r.pid),
      signedPersons: toCount(r.signed),
      keyGroupPersons: toCount(r.key_group),
      registeredPoorPersons: keyGroups.REGISTERED_POOR,
      onePlusOnePlusOnePersons: toCount(r.one_one_one),
      keyGroups,
    };
  });
}

/** Family-doctor contract system (legacy-systems.md §6): signing states, fees and teams. */
export const fdsAdapter = {
  /**
   * 家庭医生签约服务人数, 重点人群 and 建档立卡贫困人口 signed, per-group persons and "1+1+1" persons,
   * at the last day of each period, per resident county (division_code); one statement.
   */
  async signedPersonsByDivision(source: SqlSource, query: SigningQuery): Promise<DivisionSignedPersons[]> {
    const periods = distinctPeriods(query.periods);
    const codes = query.divisionCodes ?? null;
    if (nothingAsked(periods, codes)) return [];
    const rows = await signedPersons(source, periods, 'DIVISION', codes);
    return rows.map(({ group, ...counts }) => ({ ...counts, divisionCode: group }));
  },

  /** The same, per institution of the signing team (fd_team.org_code), for institution scopes; one statement. */
  async signedPersonsByTeamOrg(
    source: SqlSource,
    query: TeamOrgSigningQuery,
  ): Promise<TeamOrgSignedPersons[]> {
    const periods = distinctPeriods(query.periods);
    const codes = query.orgCodes ?? null;
    if (nothingAsked(periods, codes)) return [];
    const rows = await signedPersons(source, periods, 'TEAM_ORG', codes);
    return rows.map(({ group, ...counts }) => ({ ...counts, orgCode: group }));
  },

  /**
   * 签约服务费 composition: sums over the contracts signed in each period (signed_on in
   * [start, end), sign_flag '1', '2' or '3'), per resident county; one statement.
   */
  async feeComposition(source: SqlSource, query: FeeQuery): Promise<FeeComposition[]> {
    const periods = distinctPeriods(query.periods);
    const codes = query.divisionCodes ?? null;
    if (nothingAsked(periods, codes)) return [];
    const params: unknown[] = [];
    const table = periodsTable(periods, params);
    const timeWhere = monthsPredicate('c.signed_on', 'DATE', periods.flatMap(periodMonths), params);
    const scopeWhere = inList('c.division_code', codes, params);
    const rows = await source.query<FeeRow>(
      `SELECT p.pid AS pid, c.division_code AS division_code,
              COUNT(*) AS contracts, COUNT(DISTINCT c.person_key) AS persons,
              SUM(c.fee_total) AS fee_total, SUM(c.fee_insurance) AS fee_insurance,
              SUM(c.fee_fiscal) AS fee_fiscal, SUM(c.fee_personal) AS fee_personal
         FROM (${table}) p
         JOIN fd_contract c ON c.signed_on >= p.ps AND c.signed_on < p.pe
        WHERE c.sign_flag IN (${SIGNED_FLAG_LIST}) AND (${timeWhere})${scopeWhere}
        GROUP BY p.pid, c.division_code`,
      params,
    );
    return rows.map((r) => ({
      period: String(r.pid),
      divisionCode: String(r.division_code ?? '').trim(),
      contracts: toCount(r.contracts),
      persons: toCount(r.persons),
      feeTotal: toYuan(r.fee_total),
      feeInsurance: toYuan(r.fee_insurance),
      feeFiscal: toYuan(r.fee_fiscal),
      feePersonal: toYuan(r.fee_personal),
    }));
  },

  /**
   * 是否设立签约服务费: contracts signed in each period (as `feeComposition`) with a fee
   * (fee_total > 0), per resident county; one statement.
   */
  async paidContracts(source: SqlSource, query: FeeQuery): Promise<PaidContracts[]> {
    const periods = distinctPeriods(query.periods);
    const codes = query.divisionCodes ?? null;
    if (nothingAsked(periods, codes)) return [];
    const params: unknown[] = [];
    const table = periodsTable(periods, params);
    const timeWhere = monthsPredicate('c.signed_on', 'DATE', periods.flatMap(periodMonths), params);
    const scopeWhere = inList('c.division_code', codes, params);
    const rows = await source.query<{ pid: string; division_code: string; n: Num }>(
      `SELECT p.pid AS pid, c.division_code AS division_code, COUNT(*) AS n
         FROM (${table}) p
         JOIN fd_contract c ON c.signed_on >= p.ps AND c.signed_on < p.pe
        WHERE c.sign_flag IN (${SIGNED_FLAG_LIST}) AND c.fee_total > 0 AND (${timeWhere})${scopeWhere}
        GROUP BY p.pid, c.division_code`,
      params,
    );
    return rows.map((r) => ({
      period: String(r.pid),
      divisionCode: String(r.division_code ?? '').trim(),
      paidContracts: toCount(r.n),
    }));
  },

  /**
   * Teams existing at each period's last day, per institution, with their GP members and
   * specialist teams; one statement. A team without a known creation date counts as existing.
   */
  async teams(source: SqlSource, query: TeamQuery): Promise<TeamCounts[]> {
    const periods = distinctPeriods(query.periods);
    const codes = query.orgCodes ?? null;
    if (nothingAsked(periods, codes)) return [];
    const params: unknown[] = [];
    const points = pointsTable(periods, params);
    const scopeWhere = inList('tm.org_code', codes, params);
    const role = 'UPPER(TRIM(m.role))';
    const rows = await source.query<TeamRow>(
      `SELECT p.pid AS pid, tm.org_code AS org_code,
              COUNT(DISTINCT tm.team_id) AS teams,
              COUNT(DISTINCT CASE WHEN ${role} = 'GP' THEN m.pract_id END) AS gps,
              COUNT(DISTINCT CASE WHEN ${role} = 'GP' THEN tm.team_id END) AS teams_with_gp,
              COUNT(DISTINCT CASE WHEN tm.specialist_org_code <> '' OR ${role} = 'SPECIALIST'
                                  THEN tm.team_id END) AS specialist_teams
         FROM (${points}) p
         JOIN fd_team tm
           ON (tm.created_on IS NULL OR tm.created_on <= p.t)
          AND (${unknownDate('tm.dissolved_on', FDS_KNOWN_FROM)} OR tm.dissolved_on > p.t)
         LEFT JOIN fd_team_member m ON m.team_id = tm.team_id
        WHERE 1 = 1${scopeWhere}
        GROUP BY p.pid, tm.org_code`,
      params,
    );
    const pointOf = pointsById(periods);
    return rows.map((r) => ({
      period: String(r.pid),
      point: pointOf(r.pid),
      orgCode: String(r.org_code ?? '').trim(),
      teams: toCount(r.teams),
      generalPractitioners: toCount(r.gps),
      teamsWithGp: toCount(r.teams_with_gp),
      specialistTeams: toCount(r.specialist_teams),
    }));
  },
};
