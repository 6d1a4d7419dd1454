import DataLoader from 'dataloader';
import type { InstitutionRecord } from '../../adapters';
import type { ChronicManagementCounts, TwoWeekSurveyCounts } from '../../adapters/phs/model';
import { periodMonths } from '../../schema/period';
import type { Period } from '../../schema/period';
import { ScopeKind } from '../common/measures';
import type { InstitutionsContext } from './context';
import { fetchChronic, fetchHeld, fetchSurvey, refKey, resolveScopes, scopeKey, surveyYear } from './facts';
import type { Coverage, HeldFact, HeldRows } from './facts';

/** The (scope, period) a service-volume summary is computed for. */
export interface VolumeKey {
  readonly scopeKind: ScopeKind;
  readonly scopeCode: string;
  readonly period: Period;
}

const cacheKeyFn = (k: VolumeKey): string => `${scopeKey(k.scopeKind, k.scopeCode)}@${k.period.id}`;

/** Rows of one scope and period, with their provenance. */
export interface Collected<R> {
  readonly rows: R[];
  readonly coverage: Coverage;
}

/**
 * Per-request DataLoaders of the service-volume summaries, keyed by (scope, period): every
 * summary asked in one tick of an operation (a list of institutions or regions) is one batch,
 * and one batch is one statement per source of the fact, whatever the number of scopes.
 */
export class ServiceVolumeLoaders {
  readonly visits: DataLoader<VolumeKey, Collected<HeldRows['visits']>, string>;
  readonly discharges: DataLoader<VolumeKey, Collected<HeldRows['discharges']>, string>;
  readonly surgeries: DataLoader<VolumeKey, Collected<HeldRows['surgeries']>, string>;
  readonly beds: DataLoader<VolumeKey, Collected<HeldRows['beds']>, string>;
  readonly ct: DataLoader<VolumeKey, Collected<HeldRows['ct']>, string>;
  readonly chronic: DataLoader<VolumeKey, Collected<ChronicManagementCounts>, string>;
  /** Null for an institution scope or a period that is not a whole year. */
  readonly survey: DataLoader<VolumeKey, Collected<TwoWeekSurveyCounts> | null, string>;

  constructor(private readonly ctx: () => InstitutionsContext) {
    this.visits = this.heldLoader('visits');
    this.discharges = this.heldLoader('discharges');
    this.surgeries = this.heldLoader('surgeries');
    this.beds = this.heldLoader('beds');
    this.ct = this.heldLoader('ct');
    this.chronic = new DataLoader((keys) => this.loadChronic(keys), { cacheKeyFn });
    this.survey = new DataLoader((keys) => this.loadSurvey(keys), { cacheKeyFn });
  }

  private heldLoader<F extends HeldFact>(fact: F): DataLoader<VolumeKey, Collected<HeldRows[F]>, string> {
    return new DataLoader(
      async (keys) => {
        const scopes = await resolveScopes(keys, this.ctx());
        const orgs = new Set<string>();
        for (const list of scopes.values()) for (const o of list) orgs.add(o.orgCode);
        const months = new Set(keys.flatMap((k) => periodMonths(k.period)));
        const fetched = await fetchHeld(this.ctx(), fact, orgs, months);
        return keys.map((k) => fetched.collect(institutionsOf(scopes, k), k.period));
      },
      { cacheKeyFn },
    );
  }

  /** 慢病管理: by the managing institution (GLJG) — a region counts the records its institutions manage. */
  private async loadChronic(keys: readonly VolumeKey[]): Promise<Array<Collected<ChronicManagementCounts>>> {
    const scopes = await resolveScopes(keys, this.ctx());
    const orgs = new Set<string>();
    for (const list of scopes.values()) for (const o of list) orgs.add(o.orgCode);
    const periods = new Map(keys.map((k) => [k.period.id, k.period]));
    const fetched = await fetchChronic(this.ctx(), [...periods.values()], orgs);
    const rows = fetched.rows();
    return keys.map((k) => {
      const managing = new Set(institutionsOf(scopes, k).map((o) => o.orgCode));
      return {
        rows: rows.filter((r) => r.period === k.period.id && r.orgCode !== null && managing.has(r.orgCode)),
        coverage: fetched.coverage(managing.size, k.period.id),
      };
    });
  }

  /** 两周患病就诊: the responses of residents of the region's divisions, for a whole year. */
  private async loadSurvey(
    keys: readonly VolumeKey[],
  ): Promise<Array<Collected<TwoWeekSurveyCounts> | null>> {
    const asked = keys.filter((k) => k.scopeKind === ScopeKind.REGION && surveyYear(k.period) !== null);
    if (asked.length === 0) return keys.map(() => null);
    const ctx = this.ctx();
    const index = await ctx.registry.divisions();
    for (const k of asked) await ctx.registry.division(k.scopeCode);
    const subtrees = new Map(asked.map((k) => [k.scopeCode, index.subtree(k.scopeCode)]));
    const divisions = new Set([...subtrees.values()].flatMap((s) => [...s]));
    const fetched = await fetchSurvey(
      ctx,
      asked.map((k) => k.period.year),
      divisions,
    );
    const rows = fetched.rows();
    return keys.map((k) => {
      const subtree = subtrees.get(k.scopeCode);
      if (k.scopeKind !== ScopeKind.REGION || surveyYear(k.period) === null || !subtree) return null;
      return {
        rows: rows.filter((r) => r.year === k.period.year && subtree.has(r.divisionCode)),
        coverage: fetched.coverage(0, k.period.id),
      };
    });
  }
}

function institutionsOf(scopes: Map<string, InstitutionRecord[]>, k: VolumeKey): InstitutionRecord[] {
  return scopes.get(refKey(k)) ?? [];
}

/** Sum a field over rows; null (not counted) when no source answered for the scope. */
export function total<R>(c: Collected<R>, value: (row: R) => number): number | null {
  return c.coverage.counted ? c.rows.reduce((n, r) => n + value(r), 0) : null;
}

/** A ratio of two totals; null when either is null or the denominator is 0. */
export function ratio(numerator: number | null, denominator: number | null, factor = 1): number | null {
  return numerator === null || denominator === null || denominator === 0
    ? null
    : (numerator / denominator) * factor;
}
