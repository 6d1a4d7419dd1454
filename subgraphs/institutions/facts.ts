import { hisAdapters, lisAdapter } from '../../adapters';
import type { InstitutionRecord, SourceOutcome, SystemKind, VisitCounts } from '../../adapters';
import type {
  AdmissionCounts,
  BedDays,
  DayCaseDiagnosisCounts,
  DiagnosisGroupDischarges,
  DiagnosisGroupVisits,
  DischargeCounts,
  ProcedureGroupCounts,
  SurgeryCounts,
} from '../../adapters/his/inpatient';
import type { CtReportTime } from '../../adapters/lis/model';
import type { ChronicManagementCounts, TwoWeekSurveyCounts } from '../../adapters/phs/model';
import { memberDuring, overlaps, registryAdapter } from '../../adapters/registry/adapter';
import type { SqlSource } from '../../adapters/sql/source';
import type { MonthlyQuery } from '../../adapters/sql/time';
import { ErrorCode, userError } from '../../schema/errors';
import { parsePeriod, periodEnd, periodMonths, periodStart } from '../../schema/period';
import type { Period } from '../../schema/period';
import { ScopeKind } from '../common/measures';
import { SourceStatus } from '../common/provenance';
import { institutionsOfRegions, registryUnavailable } from '../common/registry-view';
import type { InstitutionsContext } from './context';
import { isoDay } from '../common/store/days';
import { storedThrough } from '../common/store/reader';
import { fetchPeriods, periodStoredThrough } from '../common/store/period-fetch';
import { CHRONIC_FACT } from './store/chronic';
import { SURVEY_FACT } from './store/survey';
import type { SourcePlan } from '../common/store/reader';

/**
 * The facts behind service volume, fetched for a whole batch of (scope, period) pairs at once:
 * one statement per source per adapter function, whatever the number of scopes and periods,
 * then summed per scope in memory. Used by the measure protocol and by `serviceVolume`.
 */

/**
 * One scope of a request: a region (division code), one institution (org code), an alliance's
 * members during the period (alliance id) or its lead institution (alliance id).
 */
export interface ScopeRef {
  readonly scopeKind: ScopeKind;
  readonly scopeCode: string;
  /** Needed for ALLIANCE: the members are those whose membership overlaps the period. */
  readonly period?: Period;
}

export function scopeKey(kind: ScopeKind, code: string): string {
  return `${kind}:${code}`;
}

/** The key of a scope in `resolveScopes`' answer: an alliance's members depend on the period. */
export function refKey(ref: ScopeRef): string {
  return ref.scopeKind === ScopeKind.ALLIANCE && ref.period
    ? `${scopeKey(ref.scopeKind, ref.scopeCode)}@${ref.period.id}`
    : scopeKey(ref.scopeKind, ref.scopeCode);
}

/**
 * Resolve every scope of a batch to its institutions: the division tree and at most two registry
 * statements for regions and institutions, and two more (alliances, memberships) for every
 * alliance scope of the batch together.
 */
export async function resolveScopes(
  scopes: readonly ScopeRef[],
  ctx: InstitutionsContext,
): Promise<Map<string, InstitutionRecord[]>> {
  const regionCodes = new Set<string>();
  const orgCodes = new Set<string>();
  const allianceIds = new Set<string>();
  for (const r of scopes) {
    if (r.scopeKind === ScopeKind.REGION) regionCodes.add(r.scopeCode);
    else if (r.scopeKind === ScopeKind.INSTITUTION) orgCodes.add(r.scopeCode);
    else if (r.scopeKind === ScopeKind.ALLIANCE || r.scopeKind === ScopeKind.ALLIANCE_LEAD)
      allianceIds.add(r.scopeCode);
    else
      throw userError(ErrorCode.BAD_USER_INPUT, `Scope kind ${r.scopeKind} is not served by this subgraph`);
  }
  const result = new Map<string, InstitutionRecord[]>();
  for (const [code, list] of await institutionsOfRegions(ctx.registry, regionCodes)) {
    result.set(scopeKey(ScopeKind.REGION, code), list);
  }
  // Alliances: the alliance rows and every membership of them, one statement each.
  const alliancesOf = new Map<
    string,
    { lead: string | null; members: Array<{ org: string; from: string | null; to: string | null }> }
  >();
  if (allianceIds.size) {
    const ids = [...allianceIds];
    const registry = ctx.services.sources.registry();
    const [alliances, members] = await Promise.all([
      registryAdapter.alliances(registry, { ids }).catch(registryUnavailable),
      registryAdapter.allianceMembers(registry, { allianceIds: ids }).catch(registryUnavailable),
    ]);
    for (const a of alliances) {
      const own = members.filter((m) => m.allianceId === a.allianceId);
      const lead = a.leadOrgCode ?? own.find((m) => m.role === 'LEAD')?.orgCode ?? null;
      alliancesOf.set(a.allianceId, {
        lead,
        members: own.map((m) => ({ org: m.orgCode, from: m.joinedOn, to: m.leftOn })),
      });
    }
    for (const id of ids) {
      if (!alliancesOf.has(id))
        throw userError(ErrorCode.UNKNOWN_ALLIANCE, `No alliance ${id} (医联体不存在)`);
    }
    for (const a of alliancesOf.values()) {
      if (a.lead) orgCodes.add(a.lead);
      for (const m of a.members) orgCodes.add(m.org);
    }
  }
  const byCode = new Map<string, InstitutionRecord>();
  if (orgCodes.size) {
    const codes = [...orgCodes];
    const found = await ctx.registry.institutionByCode.loadMany(codes);
    found.forEach((org, i) => {
      if (org instanceof Error) throw org;
      if (org) byCode.set(codes[i], org);
    });
  }
  for (const r of scopes) {
    if (r.scopeKind === ScopeKind.INSTITUTION) {
      const org = byCode.get(r.scopeCode);
      if (!org) throw userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${r.scopeCode} (机构不存在)`);
      result.set(refKey(r), [org]);
    } else if (r.scopeKind === ScopeKind.ALLIANCE_LEAD) {
      const lead = alliancesOf.get(r.scopeCode)?.lead;
      const org = lead ? byCode.get(lead) : undefined;
      result.set(refKey(r), org ? [org] : []);
    } else if (r.scopeKind === ScopeKind.ALLIANCE) {
      const members = alliancesOf.get(r.scopeCode)?.members ?? [];
      const start = r.period ? periodStart(r.period) : null;
      const end = r.period ? periodEnd(r.period) : null;
      const orgs = new Set(
        members
          .filter(
            (m) =>
              start === null ||
              end === null ||
              memberDuring(
                { allianceId: r.scopeCode, orgCode: m.org, role: 'MEMBER', joinedOn: m.from, leftOn: m.to },
                start,
                end,
              ),
          )
          .map((m) => m.org),
      );
      result.set(
        refKey(r),
        [...orgs].flatMap((o) => {
          const org = byCode.get(o);
          return org ? [org] : [];
        }),
      );
    }
  }
  return result;
}

/** Facts held per institution (HIS, LIS), by institution and month. */
export interface HeldRows {
  visits: VisitCounts;
  discharges: DischargeCounts;
  surgeries: SurgeryCounts;
  beds: BedDays;
  ct: CtReportTime;
  admissions: AdmissionCounts;
  diagnosisVisits: DiagnosisGroupVisits;
  diagnosisDischarges: DiagnosisGroupDischarges;
  procedures: ProcedureGroupCounts;
  dayCaseDiagnoses: DayCaseDiagnosisCounts;
}
export type HeldFact = keyof HeldRows;

const HIS_KINDS: readonly SystemKind[] = ['his_a', 'his_b'];
/** The system kinds holding each fact. */
export const KINDS_OF: Readonly<Record<HeldFact, readonly SystemKind[]>> = {
  visits: HIS_KINDS,
  discharges: HIS_KINDS,
  surgeries: HIS_KINDS,
  beds: HIS_KINDS,
  ct: ['lis'],
  admissions: HIS_KINDS,
  diagnosisVisits: HIS_KINDS,
  diagnosisDischarges: HIS_KINDS,
  procedures: HIS_KINDS,
  dayCaseDiagnoses: HIS_KINDS,
};

/** One adapter statement of `fact` on `source` (by month, or by day for the measure store). */
export function callHeld<F extends HeldFact>(
  fact: F,
  source: SqlSource,
  query: MonthlyQuery & { orgCodes: readonly string[] | null },
): Promise<HeldRows[F][]> {
  if (fact === 'ct') return lisAdapter.outpatientCtReportTime(source, query) as Promise<HeldRows[F][]>;
  const his = hisAdapters[source.config.kind as 'his_a' | 'his_b'];
  const call: Record<Exclude<HeldFact, 'ct'>, () => Promise<unknown[]>> = {
    visits: () => his.countVisits(source, query),
    discharges: () => his.countDischarges(source, query),
    surgeries: () => his.countSurgeries(source, query),
    beds: () => his.bedDays(source, query),
    admissions: () => his.countAdmissions(source, query),
    diagnosisVisits: () =>
      his.countVisitsByDiagnosis(source, { ...query, groups: ['DIABETES', 'HYPERTENSION'] }),
    diagnosisDischarges: () => his.countDischargesByDiagnosis(source, { ...query, groups: ['AMI'] }),
    procedures: () => his.countProcedures(source, { ...query, groups: ['CESAREAN', 'PCI'] }),
    dayCaseDiagnoses: () => his.dayCaseDiagnoses(source, query),
  };
  return call[fact as Exclude<HeldFact, 'ct'>]() as Promise<HeldRows[F][]>;
}

function statusOf(o: SourceOutcome<unknown>): SourceStatus {
  return o.ok ? SourceStatus.OK : (o.failure as SourceStatus);
}

/** What the sources (and the measure store) of one held fact answered for a batch. */
export class HeldFetch<R extends { orgCode: string; month: string }> {
  constructor(
    readonly holderOf: ReadonlyMap<string, SqlSource>,
    readonly statusOf: ReadonlyMap<string, SourceStatus>,
    readonly rowsOf: ReadonlyMap<string, R[]>,
    /** Per source id: how the store and live shared the months (absent: all live). */
    readonly plans: ReadonlyMap<string, SourcePlan> = new Map(),
  ) {}

  /**
   * The rows of a population's institutions in a period, and its coverage: the sources behind
   * it (and up to which day the store answered for each), institutions whose source failed, open
   * institutions no source holds.
   */
  collect(population: readonly InstitutionRecord[], period: Period): { rows: R[]; coverage: Coverage } {
    const months = new Set(periodMonths(period));
    const perSource = new Map<SqlSource, number>();
    const missing: string[] = [];
    const rows: R[] = [];
    let uncovered = 0;
    let answered = 0;
    for (const org of population) {
      const source = this.holderOf.get(org.orgCode);
      if (!source) {
        if (overlaps(org.openedOn, org.closedOn, periodStart(period), periodEnd(period))) uncovered += 1;
        continue;
      }
      perSource.set(source, (perSource.get(source) ?? 0) + 1);
      if (this.statusOf.get(source.id) !== SourceStatus.OK) {
        missing.push(org.orgCode);
        continue;
      }
      answered += 1;
      for (const row of this.rowsOf.get(org.orgCode) ?? []) if (months.has(row.month)) rows.push(row);
    }
    const sources = [...perSource].map(([source, n]) => {
      const plan = this.plans.get(source.id);
      const through = plan ? storedThrough(plan, periodStart(period), periodEnd(period)) : null;
      return {
        id: source.id,
        kind: source.config.kind,
        status: this.statusOf.get(source.id) ?? SourceStatus.QUERY_FAILED,
        institutions: n,
        storedThrough: through ? isoDay(through) : null,
      };
    });
    return {
      rows,
      coverage: {
        sources: sources.sort((a, b) => a.id.localeCompare(b.id)),
        missingInstitutions: missing.sort(),
        uncoveredInstitutions: uncovered,
        complete: missing.length === 0 && uncovered === 0,
        // Missing is not zero: nothing counted when institutions exist and none answered.
        counted: population.length === 0 || answered > 0,
      },
    };
  }
}

/** Provenance of one summed value. */
export interface Coverage {
  readonly sources: Array<{
    id: string;
    kind: string;
    status: SourceStatus;
    institutions: number;
    /** The last day (yyyy-MM-dd) the measure store answered for this source; null: all live. */
    storedThrough?: string | null;
  }>;
  readonly missingInstitutions: string[];
  readonly uncoveredInstitutions: number;
  readonly complete: boolean;
  /** False when no source answered for the scope: the values are null, not zero. */
  readonly counted: boolean;
}

/**
 * How the store and the sources share a batch's months, per source: from the store (one
 * statement for all sources) what it holds, live the rest (the days after the store's frontier,
 * months before its first day); nothing live when the store holds it all.
 */
async function planStore<F extends HeldFact>(
  ctx: InstitutionsContext,
  fact: F,
  sources: Iterable<SqlSource>,
  months: readonly string[],
): Promise<Map<string, SourcePlan>> {
  const store = ctx.services.store;
  const plans = new Map<string, SourcePlan>();
  if (!store) return plans;
  try {
    for (const source of sources) plans.set(source.id, await store.reader.plan(fact, source.id, months));
  } catch (e) {
    ctx.services.sources.logger.warn(`[store] states unreadable, answering live: ${(e as Error).message}`);
    plans.clear();
  }
  return plans;
}

/** One held fact for the institutions and months of a batch: one statement per source holding any of them. */
export async function fetchHeld<F extends HeldFact>(
  ctx: InstitutionsContext,
  fact: F,
  orgCodes: Iterable<string>,
  months: Iterable<string>,
  /** The batch's periods, when its consumers sum each period's rows (see MeasureStore.rows). */
  periods?: readonly Period[],
  /**
   * The consumers use only the keys of the fact's projection (the measures): closed periods may
   * then be read from the projected roll-ups, rows without the other keys.
   */
  projected = false,
): Promise<HeldFetch<HeldRows[F]>> {
  const { sources } = ctx.services;
  const { bySource } = sources.holders(KINDS_OF[fact], orgCodes);
  const holderOf = new Map<string, SqlSource>();
  for (const [source, orgs] of bySource) for (const org of orgs) holderOf.set(org, source);
  const monthList = [...new Set(months)];
  const wholly = (source: SqlSource): boolean =>
    (bySource.get(source) ?? []).length === source.config.institutions.length;
  const plans = await planStore(ctx, fact, bySource.keys(), monthList);
  let stored = new Map<string, unknown[]>();
  if (plans.size) {
    const everyOrg = [...bySource.keys()].every(wholly);
    try {
      stored = await ctx.services.store!.reader.rows(fact, plans, everyOrg ? null : [...holderOf.keys()], {
        periods,
        projected,
      });
    } catch (e) {
      sources.logger.warn(`[store] unreadable, answering live: ${(e as Error).message}`);
      plans.clear();
    }
  }
  const outcomes = await sources.fanOut(bySource.keys(), async (source) => {
    const orgs = wholly(source) ? null : (bySource.get(source) ?? []);
    const plan = plans.get(source.id);
    if (!plan) return callHeld(fact, source, { orgCodes: orgs, months: monthList });
    const live: Array<Promise<HeldRows[F][]>> = [];
    if (plan.earlyMonths.length)
      live.push(callHeld(fact, source, { orgCodes: orgs, months: plan.earlyMonths }));
    if (plan.tailMonths.length)
      live.push(
        callHeld(fact, source, {
          orgCodes: orgs,
          months: plan.tailMonths,
          ...(plan.state?.storedTo ? { since: plan.state.storedTo } : {}),
        }),
      );
    const fromStore = (stored.get(source.id) ?? []) as HeldRows[F][];
    return [...fromStore, ...(await Promise.all(live)).flat()];
  });
  const status = new Map<string, SourceStatus>();
  const rows = new Map<string, HeldRows[F][]>();
  for (const o of outcomes) {
    status.set(o.source.id, statusOf(o));
    if (!o.ok) continue;
    for (const row of o.value) {
      const list = rows.get(row.orgCode) ?? [];
      list.push(row);
      rows.set(row.orgCode, list);
    }
  }
  return new HeldFetch(holderOf, status, rows, plans);
}

/** What the public-health sources (not institution-held: every phs source is asked) answered. */
export class PhsFetch<R> {
  constructor(
    readonly outcomes: ReadonlyArray<SourceOutcome<R[]>>,
    /** Per source id, the periods the measure store answered (fetchPeriods). */
    private readonly stored: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {}

  private answered: R[] | null = null;

  /** Every row the answering sources gave (gathered once: each scope and measure asks again). */
  rows(): readonly R[] {
    this.answered ??= this.outcomes.flatMap((o) => (o.ok ? o.value : []));
    return this.answered;
  }

  /**
   * Coverage of a scope: every phs source; `institutions` is the number of institutions of the
   * scope. For `periodId`, a source the store answered reports the period's last day as stored through.
   */
  coverage(institutions: number, periodId?: string): Coverage {
    const period = periodId ? parsePeriod(periodId) : null;
    const sources = this.outcomes
      .map((o) => ({
        id: o.source.id,
        kind: o.source.kind,
        status: statusOf(o),
        institutions,
        storedThrough: period && o.ok ? periodStoredThrough(this.stored, o.source.id, period) : null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const answered = sources.filter((s) => s.status === SourceStatus.OK).length;
    return {
      sources,
      missingInstitutions: [],
      uncoveredInstitutions: 0,
      complete: sources.length > 0 && answered === sources.length,
      counted: answered > 0,
    };
  }
}

/**
 * 慢病管理 for the periods of a batch, by managing institution (GLJG): one statement per phs
 * source. A region counts the records managed by the institutions standing in it.
 */
export async function fetchChronic(
  ctx: InstitutionsContext,
  periods: readonly Period[],
  orgCodes: Iterable<string>,
): Promise<PhsFetch<ChronicManagementCounts>> {
  const { sources, store } = ctx.services;
  // Closed periods the measure store holds come from it; the others (all, without a store) live.
  const { outcomes, stored } = await fetchPeriods({
    store,
    spec: CHRONIC_FACT,
    sources,
    targets: sources.ofKinds(['phs']),
    periods,
    codes: [...new Set(orgCodes)].sort(),
  });
  return new PhsFetch(outcomes, stored);
}

/**
 * 两周患病就诊调查 for the years and divisions of a batch: the survey years the measure store holds
 * from it, the others in one statement per phs source (all of them live without a store).
 */
export async function fetchSurvey(
  ctx: InstitutionsContext,
  years: Iterable<number>,
  divisionCodes: Iterable<string>,
): Promise<PhsFetch<TwoWeekSurveyCounts>> {
  const { sources, store } = ctx.services;
  const { outcomes, stored } = await fetchPeriods({
    store,
    spec: SURVEY_FACT,
    sources,
    targets: sources.ofKinds(['phs']),
    periods: [...new Set(years)].sort().map((y) => parsePeriod(String(y))),
    codes: [...new Set(divisionCodes)].sort(),
  });
  return new PhsFetch(
    outcomes.map((o) =>
      o.ok ? { ...o, value: o.value.map(({ period: _period, ...counts }) => counts) } : o,
    ),
    stored,
  );
}

/** The survey is yearly: only a whole-year period has one. */
export function surveyYear(period: Period): number | null {
  return period.granularity === 'YEAR' ? period.year : null;
}
