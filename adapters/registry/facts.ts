import { periodEnd, periodLastDay, periodStart } from '../../schema/period';
import type { Period } from '../../schema/period';
import { blankToNull, groupKeys } from '../sql/builders';
import { madeOnce } from '../sql/answer-cache';
import { placeholders, toNumber } from '../sql/dialect';
import { distinctPeriods, valuesTable } from '../sql/periods';
import { toCount } from '../sql/rows';
import type { SqlSource } from '../sql/source';
import {
  CENTER_KINDS,
  codeOf,
  MECHANISM_ITEMS,
  memberRoleOf,
  POLICY_KINDS,
  SUPPORT_KINDS,
  textOrNull,
} from './codes';
import type { MechanismItem, PolicyKind, SharedCenterKind, SupportKind } from './model';

/**
 * Registry facts for the alliance, shared-centre, mechanism and policy measures: several periods
 * per statement (a derived table of periods joined to the facts), aggregated by the database
 * (`GROUP BY` period and canonical keys; COUNT). Dates are CHAR(8); an unknown start ('' or NULL)
 * means "always", an unknown end "still holds" (as `overlaps` / `inForceOn` of adapter.ts), except
 * for policy documents: a document without a known issue date is not counted.
 */

type Row = Record<string, unknown>;

/** Derived table of periods `pid`, `ps` (first day), `pt` (last day), `pe` (day after), as CHAR(8). */
function periodsTable(periods: readonly Period[], params: unknown[]): string {
  return valuesTable(
    ['pid', 'ps', 'pt', 'pe'],
    distinctPeriods(periods).map((p) => [p.id, periodStart(p), periodLastDay(p), periodEnd(p)]),
    params,
  );
}

const unknown = (c: string): string => `(${c} IS NULL OR ${c} = '')`;
/** A dated state `[from, until)` overlaps the period `[ps, pe)`. */
const overlapsPeriod = (from: string, until: string): string =>
  `(${unknown(from)} OR ${from} < p.pe) AND (${unknown(until)} OR ${until} > p.ps)`;
/** A dated state holds on the period's last day `pt`. */
const holdsOnLastDay = (from: string, until: string): string =>
  `(${unknown(from)} OR ${from} <= p.pt) AND (${unknown(until)} OR ${until} > p.pt)`;

/** One membership of an alliance that overlaps a period, with the alliance's and the member's attributes. */
export interface MembershipFact {
  readonly periodId: string;
  readonly allianceId: string;
  readonly allianceName: string;
  /** Raw kind code: JT, GT, ZK, YC. */
  readonly kindCode: string | null;
  readonly allianceDivision: string | null;
  readonly leadOrgCode: string | null;
  readonly specialty: string | null;
  readonly tcm: boolean;
  readonly typical: boolean;
  readonly servicePopulation: number | null;
  /** Null for an alliance without any member during the period. */
  readonly orgCode: string | null;
  readonly role: 'LEAD' | 'MEMBER' | null;
  readonly categoryCode: string | null;
  readonly hospLevel: string | null;
  readonly ownership: string | null;
  readonly memberDivision: string | null;
  readonly mutualRecognition: boolean;
  /** The member is open on the period's last day (统计时间点), as the registry's time-point counts. */
  readonly memberOpenAtEnd: boolean;
}

/** Shared centres open on a period's last day, counted per (period, kind, host's county). */
export interface SharedCenterCount {
  readonly periodId: string;
  readonly kind: SharedCenterKind;
  readonly hostDivision: string | null;
  readonly centers: number;
}

/** A shared centre open on a period's last day, hosted by an institution or in an alliance it leads. */
export interface OwnSharedCenter {
  readonly periodId: string;
  readonly centerId: string;
  readonly kind: SharedCenterKind;
  readonly hostOrgCode: string | null;
  readonly allianceId: string | null;
  readonly allianceLead: string | null;
  readonly openedOn: string | null;
}

/** A mechanism of an alliance in force on a period's last day. */
export interface MechanismInForce {
  readonly periodId: string;
  readonly allianceId: string;
  readonly allianceName: string;
  readonly item: MechanismItem;
  /** Earliest `since` of the rows in force (`yyyyMMdd`), null when unknown. */
  readonly since: string | null;
}

/** Policy documents issued on or before a period's last day. */
export interface PolicyIssued {
  readonly periodId: string;
  readonly divisionCode: string;
  readonly kind: PolicyKind;
  readonly issuedOn: string;
  readonly title: string;
  readonly documents: number;
}

/** Institutions open on a period's last day, per (county, category, level, ownership). */
export interface InstitutionClassCount {
  readonly periodId: string;
  readonly divisionCode: string;
  readonly categoryCode: string | null;
  readonly hospLevel: string | null;
  readonly ownership: string | null;
  readonly institutions: number;
}

/** Support activities of a period per (giver, receiver, kind), with the giver's level and the receiver's class. */
export interface SupportPairCount {
  readonly periodId: string;
  readonly fromOrgCode: string;
  readonly toOrgCode: string;
  readonly kind: SupportKind;
  readonly fromCategory: string | null;
  readonly fromLevel: string | null;
  readonly toCategory: string | null;
  readonly toDivision: string | null;
  /** The receiver is open on the period's last day. */
  readonly toOpenAtEnd: boolean;
  readonly activities: number;
}

const text = (v: unknown): string | null => textOrNull(v);
const flag = (v: unknown): boolean => text(v) === '1';

/**
 * Facts made once per kept answer (madeOnce on the row list, SqlSource.queryShared): the registry
 * keeps its answers for minutes, and a province's memberships were made again by every request.
 */
const MEMBERSHIPS = new WeakMap<readonly Row[], readonly MembershipFact[]>();
const CLASSES = new WeakMap<readonly Row[], readonly InstitutionClassCount[]>();
const SUPPORT_PAIRS = new WeakMap<readonly Row[], readonly SupportPairCount[]>();

export const registryFactsAdapter = {
  /**
   * Memberships overlapping each period, of alliances that exist during it (an alliance without
   * members gives one row with a null member), grouped per (period, alliance, member): one statement.
   */
  async membershipFacts(source: SqlSource, periods: readonly Period[]): Promise<readonly MembershipFact[]> {
    if (periods.length === 0) return [];
    const params: unknown[] = [];
    const p = periodsTable(periods, params);
    const keys = groupKeys([
      ['pid', 'p.pid'],
      ['aid', 'a.alliance_id'],
      ['name', 'a.name'],
      ['kind', blankToNull('a.kind')],
      ['adiv', blankToNull('a.division_code')],
      ['lead', blankToNull('a.lead_org_code')],
      ['spec', blankToNull('a.specialty')],
      ['tcm', 'a.tcm'],
      ['typical', 'a.typical'],
      ['pop', 'a.service_pop'],
      ['org', blankToNull('m.org_code')],
      ['role', 'm.role'],
      ['cat', blankToNull('i.category_code')],
      ['lvl', 'i.hosp_level'],
      ['own', 'i.ownership'],
      ['mdiv', blankToNull('i.division_code')],
      ['mr', 'i.mutual_recognition'],
      ['open', `CASE WHEN ${holdsOnLastDay('i.opened_on', 'i.closed_on')} THEN 1 ELSE 0 END`],
    ]);
    const rows = await source.queryShared<Row>(
      `SELECT ${keys.select}, COUNT(*) AS n
         FROM (${p}) p
         JOIN alliance a ON ${overlapsPeriod('a.established_on', 'a.dissolved_on')}
         LEFT JOIN alliance_member m
           ON m.alliance_id = a.alliance_id AND ${overlapsPeriod('m.joined_on', 'm.left_on')}
         LEFT JOIN institution i ON i.org_code = m.org_code
        GROUP BY ${keys.groupBy}`,
      params,
    );
    // The shared list itself (never changed): what callers make of it can be made once per answer.
    return madeOnce(MEMBERSHIPS, rows, (list) =>
      list.map((r) => ({
        periodId: String(r.k_pid),
        allianceId: String(r.k_aid).trim(),
        allianceName: String(r.k_name ?? ''),
        kindCode: text(r.k_kind)?.toUpperCase() ?? null,
        allianceDivision: text(r.k_adiv),
        leadOrgCode: text(r.k_lead),
        specialty: text(r.k_spec),
        tcm: flag(r.k_tcm),
        typical: flag(r.k_typical),
        servicePopulation: toNumber(r.k_pop),
        orgCode: text(r.k_org),
        role: text(r.k_org) === null ? null : memberRoleOf(text(r.k_role)),
        categoryCode: text(r.k_cat),
        hospLevel: text(r.k_lvl),
        ownership: text(r.k_own),
        memberDivision: text(r.k_mdiv),
        mutualRecognition: flag(r.k_mr),
        memberOpenAtEnd: toCount(r.k_open) === 1,
      })),
    );
  },

  /** Shared centres open on each period's last day, COUNT per (period, kind, host's county): one statement. */
  async sharedCenterCounts(source: SqlSource, periods: readonly Period[]): Promise<SharedCenterCount[]> {
    if (periods.length === 0) return [];
    const params: unknown[] = [];
    const p = periodsTable(periods, params);
    const keys = groupKeys([
      ['pid', 'p.pid'],
      ['kind', 'UPPER(TRIM(c.kind))'],
      ['hdiv', blankToNull('i.division_code')],
    ]);
    const rows = await source.query<Row>(
      `SELECT ${keys.select}, COUNT(*) AS n
         FROM (${p}) p
         JOIN shared_center c ON (${unknown('c.opened_on')} OR c.opened_on <= p.pt)
         LEFT JOIN institution i ON i.org_code = c.host_org_code
        GROUP BY ${keys.groupBy}`,
      params,
    );
    const result: SharedCenterCount[] = [];
    for (const r of rows) {
      const kind = codeOf(text(r.k_kind), CENTER_KINDS);
      if (kind)
        result.push({ periodId: String(r.k_pid), kind, hostDivision: text(r.k_hdiv), centers: toCount(r.n) });
    }
    return result;
  },

  /**
   * The shared centres (the evidence of 是否建立独立…中心) open on each period's last day that the
   * given institutions host or that belong to an alliance they lead: one statement.
   */
  async ownSharedCenters(
    source: SqlSource,
    periods: readonly Period[],
    orgCodes: readonly string[],
  ): Promise<OwnSharedCenter[]> {
    if (periods.length === 0 || orgCodes.length === 0) return [];
    const params: unknown[] = [];
    const p = periodsTable(periods, params);
    for (const list of [orgCodes, orgCodes]) for (const o of list) params.push(o);
    const rows = await source.query<Row>(
      `SELECT p.pid AS k_pid, c.center_id AS k_id, UPPER(TRIM(c.kind)) AS k_kind, c.host_org_code AS k_host,
              c.alliance_id AS k_aid, a.lead_org_code AS k_lead, c.opened_on AS k_open
         FROM (${p}) p
         JOIN shared_center c ON (${unknown('c.opened_on')} OR c.opened_on <= p.pt)
         LEFT JOIN alliance a ON a.alliance_id = c.alliance_id
        WHERE c.host_org_code IN (${placeholders(orgCodes.length)})
           OR a.lead_org_code IN (${placeholders(orgCodes.length)})`,
      params,
    );
    const result: OwnSharedCenter[] = [];
    for (const r of rows) {
      const kind = codeOf(text(r.k_kind), CENTER_KINDS);
      if (kind)
        result.push({
          periodId: String(r.k_pid),
          centerId: String(r.k_id).trim(),
          kind,
          hostOrgCode: text(r.k_host),
          allianceId: text(r.k_aid),
          allianceLead: text(r.k_lead),
          openedOn: text(r.k_open),
        });
    }
    return result;
  },

  /** Mechanisms in force on each period's last day, per (period, alliance, item): one statement. */
  async mechanismsInForce(source: SqlSource, periods: readonly Period[]): Promise<MechanismInForce[]> {
    if (periods.length === 0) return [];
    const params: unknown[] = [];
    const p = periodsTable(periods, params);
    const keys = groupKeys([
      ['pid', 'p.pid'],
      ['aid', 'm.alliance_id'],
      ['name', 'a.name'],
      ['item', 'UPPER(TRIM(m.item))'],
    ]);
    const rows = await source.query<Row>(
      `SELECT ${keys.select}, MIN(${blankToNull('m.since')}) AS since
         FROM (${p}) p
         JOIN alliance_mechanism m ON ${holdsOnLastDay('m.since', 'm.until')}
         LEFT JOIN alliance a ON a.alliance_id = m.alliance_id
        GROUP BY ${keys.groupBy}`,
      params,
    );
    const result: MechanismInForce[] = [];
    for (const r of rows) {
      const item = codeOf(text(r.k_item), MECHANISM_ITEMS);
      if (item)
        result.push({
          periodId: String(r.k_pid),
          allianceId: String(r.k_aid).trim(),
          allianceName: String(r.k_name ?? ''),
          item,
          since: text(r.since),
        });
    }
    return result;
  },

  /** Policy documents issued (known date) on or before each period's last day: one statement. */
  async policiesIssued(source: SqlSource, periods: readonly Period[]): Promise<PolicyIssued[]> {
    if (periods.length === 0) return [];
    const params: unknown[] = [];
    const p = periodsTable(periods, params);
    const keys = groupKeys([
      ['pid', 'p.pid'],
      ['div', 'd.division_code'],
      ['kind', 'UPPER(TRIM(d.kind))'],
      ['issued', 'd.issued_on'],
      ['title', 'd.title'],
    ]);
    const rows = await source.query<Row>(
      `SELECT ${keys.select}, COUNT(*) AS n
         FROM (${p}) p
         JOIN policy_document d ON d.issued_on >= '19010101' AND d.issued_on <= p.pt
        GROUP BY ${keys.groupBy}`,
      params,
    );
    const result: PolicyIssued[] = [];
    for (const r of rows) {
      const kind = codeOf(text(r.k_kind), POLICY_KINDS);
      if (kind)
        result.push({
          periodId: String(r.k_pid),
          divisionCode: String(r.k_div).trim(),
          kind,
          issuedOn: String(r.k_issued).trim(),
          title: String(r.k_title ?? ''),
          documents: toCount(r.n),
        });
    }
    return result;
  },

  /** Institutions open on each period's last day in the given counties, per class: one statement. */
  async institutionClassCounts(
    source: SqlSource,
    periods: readonly Period[],
    counties: readonly string[],
  ): Promise<InstitutionClassCount[]> {
    if (periods.length === 0 || counties.length === 0) return [];
    const params: unknown[] = [];
    const p = periodsTable(periods, params);
    params.push(...counties);
    const keys = groupKeys([
      ['pid', 'p.pid'],
      ['div', 'i.division_code'],
      ['cat', blankToNull('i.category_code')],
      ['lvl', 'i.hosp_level'],
      ['own', 'i.ownership'],
    ]);
    const rows = await source.queryShared<Row>(
      `SELECT ${keys.select}, COUNT(*) AS n
         FROM (${p}) p
         JOIN institution i ON ${holdsOnLastDay('i.opened_on', 'i.closed_on')}
        WHERE i.division_code IN (${placeholders(counties.length)})
        GROUP BY ${keys.groupBy}`,
      params,
    );
    const made = madeOnce(CLASSES, rows, (list) =>
      list.map((r) => ({
        periodId: String(r.k_pid),
        divisionCode: String(r.k_div).trim(),
        categoryCode: text(r.k_cat),
        hospLevel: text(r.k_lvl),
        ownership: text(r.k_own),
        institutions: toCount(r.n),
      })),
    );
    return [...made];
  },

  /**
   * Support activities in each period per (giver, receiver, kind) with both sides' classes: one
   * statement. The list is the one made for the answer the source keeps (shared, read-only).
   */
  async supportPairs(source: SqlSource, periods: readonly Period[]): Promise<readonly SupportPairCount[]> {
    if (periods.length === 0) return [];
    const params: unknown[] = [];
    const p = periodsTable(periods, params);
    const keys = groupKeys([
      ['pid', 'p.pid'],
      ['from', 's.from_org_code'],
      ['to', 's.to_org_code'],
      ['kind', 'UPPER(TRIM(s.kind))'],
      ['fcat', blankToNull('f.category_code')],
      ['flvl', 'f.hosp_level'],
      ['tcat', blankToNull('t.category_code')],
      ['tdiv', blankToNull('t.division_code')],
      ['topen', `CASE WHEN ${holdsOnLastDay('t.opened_on', 't.closed_on')} THEN 1 ELSE 0 END`],
    ]);
    const rows = await source.queryShared<Row>(
      `SELECT ${keys.select}, COUNT(*) AS n
         FROM (${p}) p
         JOIN support_activity s ON s.occurred_on >= p.ps AND s.occurred_on < p.pe
         LEFT JOIN institution f ON f.org_code = s.from_org_code
         LEFT JOIN institution t ON t.org_code = s.to_org_code
        GROUP BY ${keys.groupBy}`,
      params,
    );
    return madeOnce(SUPPORT_PAIRS, rows, (list) => {
      const result: SupportPairCount[] = [];
      for (const r of list) {
        const kind = codeOf(text(r.k_kind), SUPPORT_KINDS);
        if (!kind) continue;
        result.push({
          periodId: String(r.k_pid),
          fromOrgCode: String(r.k_from).trim(),
          toOrgCode: String(r.k_to).trim(),
          kind,
          fromCategory: text(r.k_fcat),
          fromLevel: text(r.k_flvl),
          toCategory: text(r.k_tcat),
          toDivision: text(r.k_tdiv),
          toOpenAtEnd: toCount(r.k_topen) === 1,
          activities: toCount(r.n),
        });
      }
      return result;
    });
  },
};
