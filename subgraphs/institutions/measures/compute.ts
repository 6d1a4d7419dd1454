import { rollUpDivisionStats } from '../../../adapters';
import type { DivisionStatRecord } from '../../../adapters/registry/model';
import { ErrorCode, userError } from '../../../schema/errors';
import { overlaps } from '../../../adapters/registry/adapter';
import { periodEnd, periodLastDay, periodMonths, periodStart } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import type { ParsedMeasureRequest } from '../../common/measure-resolver';
import type { MeasureValueData } from '../../common/measures';
import type { InstitutionsContext } from '../context';
import { fetchChronic, fetchHeld, fetchSurvey, refKey, resolveScopes, surveyYear } from '../facts';
import type { Coverage, HeldFact, HeldFetch, HeldRows, PhsFetch } from '../facts';
import type { ChronicManagementCounts, TwoWeekSurveyCounts } from '../../../adapters/phs/model';
import { SourceStatus } from '../../common/provenance';
import { inPopulation, measureByCode } from './catalog';
import type {
  CalendarMeasure,
  CountyMeasure,
  HeldMeasure,
  InstitutionMeasure,
  PopulationMeasure,
  RegistryCountMeasure,
} from './catalog';
import type { DivisionIndex } from '../../common/registry-view';
import type { InstitutionRecord } from '../../../adapters/registry/model';
import { OncePer } from '../../common/memo';

type Row = { orgCode: string; month: string };

const NOT_COUNTED = { uncoveredInstitutions: 0, complete: false, counted: false } as const;

/**
 * Answer a batch of measure requests: for each fact the batch needs, one statement per source
 * (GROUP BY institution and month over the union of scopes and periods), then sums in memory.
 */
export async function computeMeasureValues(
  requests: readonly ParsedMeasureRequest[],
  ctx: InstitutionsContext,
): Promise<MeasureValueData[]> {
  const measures: InstitutionMeasure[] = requests.map((r) => {
    const m = measureByCode.get(r.measure);
    if (!m)
      throw userError(
        ErrorCode.UNKNOWN_MEASURE,
        `Unknown measure ${r.measure.slice(0, 64)} (度量代码不存在)`,
      );
    return m;
  });
  if (requests.length === 0) return [];
  const scopes = await resolveScopes(requests, ctx);
  const institutionsOf = (r: ParsedMeasureRequest): ReturnType<typeof scopes.get> & object =>
    scopes.get(refKey(r)) ?? [];

  // Which facts, institutions, months, periods and divisions the batch needs.
  const heldNeeds = new Map<
    HeldFact,
    { orgs: Set<string>; months: Set<string>; periods: Map<string, Period> }
  >();
  const chronicOrgs = new Set<string>();
  const chronicPeriods = new Map<string, Period>();
  const surveyYears = new Set<number>();
  const surveyDivisions = new Set<string>();
  const populationYears = new Set<number>();
  // The division tree only when a survey or population measure needs the regions' subtrees.
  const index = measures.some((m) => m.fact === 'survey' || m.fact === 'population' || m.fact === 'counties')
    ? await ctx.registry.divisions()
    : null;
  requests.forEach((r, i) => {
    const m = measures[i];
    const orgs = institutionsOf(r);
    if (m.fact === 'chronic') {
      for (const o of orgs) chronicOrgs.add(o.orgCode);
      chronicPeriods.set(r.period.id, r.period);
    } else if (m.fact === 'survey') {
      const year = surveyYear(r.period);
      if (year === null || r.scopeKind !== 'REGION') return;
      surveyYears.add(year);
      for (const d of index!.subtree(r.scopeCode)) surveyDivisions.add(d);
    } else if (m.fact === 'population') {
      if (r.scopeKind === 'REGION') populationYears.add(r.period.year);
    } else if (m.fact === 'counties') {
      if (r.scopeKind === 'REGION') populationYears.add(r.period.year);
    } else if (m.fact === 'registry' || m.fact === 'calendar') {
      // Counted from the scope's registry rows, already loaded above; or from the calendar alone.
    } else {
      const need = heldNeeds.get(m.fact) ?? {
        orgs: new Set<string>(),
        months: new Set<string>(),
        periods: new Map<string, Period>(),
      };
      for (const o of orgs) need.orgs.add(o.orgCode);
      for (const month of periodMonths(r.period)) need.months.add(month);
      need.periods.set(r.period.id, r.period);
      heldNeeds.set(m.fact, need);
    }
  });

  const held = new Map<HeldFact, HeldFetch<Row>>();
  const [, chronic, survey, stats] = await Promise.all([
    Promise.all(
      [...heldNeeds].map(async ([fact, need]) => {
        // Every held measure sums a period's rows (HeldFetch.collect): the store may sum months,
        // and read projected roll-ups (a fact's projection is the keys its measures use).
        const fetched = await fetchHeld(ctx, fact, need.orgs, need.months, [...need.periods.values()], true);
        held.set(fact, fetched as HeldFetch<Row>);
      }),
    ),
    chronicPeriods.size ? fetchChronic(ctx, [...chronicPeriods.values()], chronicOrgs) : null,
    surveyYears.size ? fetchSurvey(ctx, surveyYears, surveyDivisions) : null,
    // division_stat of every year of the batch: one registry statement (the loader batches them).
    populationYears.size ? loadStats(ctx, populationYears) : null,
  ]);
  const registry = ctx.services.sources.registry();

  return requests.map((request, i) => {
    const measure = measures[i];
    const orgs = institutionsOf(request);
    let value: number | null;
    let coverage: Coverage;
    if (measure.fact === 'chronic') {
      ({ value, coverage } = chronicValue(
        chronic!,
        orgs.map((o) => o.orgCode),
        request.period,
        (r) => (r.disease === measure.disease ? measure.value(r) : 0),
      ));
    } else if (measure.fact === 'survey') {
      const year = surveyYear(request.period);
      if (year === null || request.scopeKind !== 'REGION' || !survey) {
        // Regions and whole years only (as the catalog declares): anything else is not counted.
        value = null;
        coverage = { ...NOT_COUNTED, sources: [], missingInstitutions: [] };
      } else {
        ({ value, coverage } = surveyValue(
          survey,
          index!.subtree(request.scopeCode),
          year,
          orgs.length,
          measure.value,
        ));
      }
    } else if (measure.fact === 'population') {
      ({ value, coverage } = populationValue(
        measure,
        request,
        stats,
        (c) => index!.children(c).map((d) => d.code),
        { id: registry.id, kind: registry.config.kind },
      ));
    } else if (measure.fact === 'registry') {
      ({ value, coverage } = registryCountValue(measure, request, orgs, {
        id: registry.id,
        kind: registry.config.kind,
      }));
    } else if (measure.fact === 'calendar') {
      ({ value, coverage } = calendarValue(measure, request.period));
    } else if (measure.fact === 'counties') {
      ({ value, coverage } = countyValue(measure, request, orgs, stats, index!, {
        id: registry.id,
        kind: registry.config.kind,
      }));
    } else {
      const fetched = held.get(measure.fact)!;
      // One collection per scope, population and period, shared by the fact's measures (visits,
      // emergency visits, fees… of a county's hospitals are the same rows).
      const collected = COLLECTED.get(
        fetched,
        `${refKey(request)}|${measure.population}|${request.period.id}`,
        () =>
          fetched.collect(
            orgs.filter((o) => inPopulation(measure.population, o)),
            request.period,
          ),
      );
      coverage = collected.coverage;
      value = coverage.counted
        ? heldValue(
            measure as unknown as {
              value: (row: HeldRows[HeldMeasure['fact']]) => number;
              distinct?: (row: HeldRows[HeldMeasure['fact']]) => string | null;
            },
            collected.rows as Array<HeldRows[HeldMeasure['fact']]>,
          )
        : null;
    }
    return {
      scopeKind: request.scopeKind,
      scopeCode: request.scopeCode,
      period: request.period.id,
      measure: request.measure,
      value,
      complete: coverage.complete,
      sources: coverage.sources,
      missingInstitutions: coverage.missingInstitutions,
      uncoveredInstitutions: coverage.uncoveredInstitutions,
    };
  });
}

/** A batch's held rows collected per scope, population and period (see computeMeasureValues). */
const COLLECTED = new OncePer<HeldFetch<Row>, ReturnType<HeldFetch<Row>['collect']>>();

/** A batch's chronic-management rows of one period by managing institution, made once for every scope. */
const CHRONIC_BY_ORG = new OncePer<
  PhsFetch<ChronicManagementCounts>,
  Map<string, ChronicManagementCounts[]>
>();

/** Chronic-disease management of the records managed (GLJG) by `orgCodes`, in one period. */
export function chronicValue(
  fetched: PhsFetch<ChronicManagementCounts>,
  orgCodes: readonly string[],
  period: Period,
  value: (row: ChronicManagementCounts) => number,
): { value: number | null; coverage: Coverage } {
  const coverage = fetched.coverage(orgCodes.length, period.id);
  const byOrg = CHRONIC_BY_ORG.get(fetched, period.id, () => {
    const index = new Map<string, ChronicManagementCounts[]>();
    for (const r of fetched.rows()) {
      if (r.period !== period.id || r.orgCode === null) continue;
      const list = index.get(r.orgCode);
      if (list) list.push(r);
      else index.set(r.orgCode, [r]);
    }
    return index;
  });
  let sum = 0;
  for (const org of new Set(orgCodes)) for (const r of byOrg.get(org) ?? []) sum += value(r);
  return { value: coverage.counted ? sum : null, coverage };
}

/** The two-week survey of the residents of `divisions`, in one year. */
export function surveyValue(
  fetched: PhsFetch<TwoWeekSurveyCounts>,
  divisions: ReadonlySet<string>,
  year: number,
  institutions: number,
  value: (row: TwoWeekSurveyCounts) => number,
): { value: number | null; coverage: Coverage } {
  const coverage = fetched.coverage(institutions, String(year));
  const sum = fetched
    .rows()
    .filter((r) => r.year === year && divisions.has(r.divisionCode))
    .reduce((n, r) => n + value(r), 0);
  return { value: coverage.counted ? sum : null, coverage };
}

/** The division_stat rows of some years, through the per-operation loader (one statement). */
async function loadStats(
  ctx: InstitutionsContext,
  years: ReadonlySet<number>,
): Promise<DivisionStatRecord[]> {
  const loaded = await ctx.divisionStats.loadMany([...years]);
  return loaded.flatMap((rows) => {
    if (rows instanceof Error) throw rows;
    return rows;
  });
}

/**
 * A population measure of a region: the statistics of the period's year (the region's own row,
 * else summed from below). Null (not counted) for another scope kind, or when no row gives it.
 */
export function populationValue(
  measure: PopulationMeasure,
  request: ParsedMeasureRequest,
  stats: readonly DivisionStatRecord[] | null,
  childrenOf: (code: string) => readonly string[],
  registry: { id: string; kind: string },
): { value: number | null; coverage: Coverage } {
  const found =
    request.scopeKind === 'REGION' && stats
      ? rollUpDivisionStats(request.scopeCode, request.period.year, stats, childrenOf)
      : null;
  const value = found ? measure.value(found) : null;
  return {
    value,
    coverage: {
      sources:
        request.scopeKind === 'REGION' ? [{ ...registry, status: SourceStatus.OK, institutions: 0 }] : [],
      missingInstitutions: [],
      uncoveredInstitutions: 0,
      complete: value !== null,
      counted: value !== null,
    },
  };
}

/** A scope's institutions open on a period's last day, made once for all its registry measures. */
const OPEN_AT_END = new OncePer<readonly InstitutionRecord[], InstitutionRecord[]>();

function openAtEnd(orgs: readonly InstitutionRecord[], period: Period): InstitutionRecord[] {
  return OPEN_AT_END.get(orgs, period.id, () => {
    const lastDay = periodLastDay(period);
    const dayAfter = periodEnd(period);
    return orgs.filter((o) => overlaps(o.openedOn, o.closedOn, lastDay, dayAfter));
  });
}

/**
 * A registry count of a region: its institutions open on the period's last day that the measure
 * counts. Null (not counted) for another scope kind.
 */
export function registryCountValue(
  measure: RegistryCountMeasure,
  request: ParsedMeasureRequest,
  orgs: readonly InstitutionRecord[],
  registry: { id: string; kind: string },
): { value: number | null; coverage: Coverage } {
  if (request.scopeKind !== 'REGION') {
    return { value: null, coverage: { ...NOT_COUNTED, sources: [], missingInstitutions: [] } };
  }
  const counted = openAtEnd(orgs, request.period).filter((o) => measure.counts(o));
  const weight = measure.weight;
  const weights = weight ? counted.map((o) => weight(o)) : null;
  const value = !weights
    ? counted.length
    : weights.some((w) => w === null)
      ? null
      : weights.reduce((n: number, w) => n + (w ?? 0), 0);
  return {
    value,
    coverage: {
      sources: [{ ...registry, status: SourceStatus.OK, institutions: orgs.length }],
      missingInstitutions: [],
      uncoveredInstitutions: 0,
      complete: value !== null,
      counted: value !== null,
    },
  };
}

/**
 * A held measure over the rows of a scope and period: the sum of `value`, or for a `distinct`
 * measure the number of distinct keys among the rows whose value is > 0.
 */
export function heldValue<R>(
  measure: { value: (row: R) => number; distinct?: (row: R) => string | null },
  rows: readonly R[],
): number {
  const { distinct } = measure;
  if (!distinct) return rows.reduce((n, row) => n + measure.value(row), 0);
  const keys = new Set<string>();
  for (const row of rows) {
    const k = distinct(row);
    if (k !== null && measure.value(row) > 0) keys.add(k);
  }
  return keys.size;
}

const CALENDAR_COVERAGE: Coverage = {
  sources: [],
  missingInstitutions: [],
  uncoveredInstitutions: 0,
  complete: true,
  counted: true,
};

/** Days of the period (calendar or working days): any scope; null for a year without a holiday schedule. */
export function calendarValue(
  measure: CalendarMeasure,
  period: Period,
): { value: number | null; coverage: Coverage } {
  const value = measure.value(periodStart(period), periodEnd(period));
  return {
    value,
    coverage: value === null ? { ...CALENDAR_COVERAGE, complete: false, counted: false } : CALENDAR_COVERAGE,
  };
}

/**
 * County counts of a region: its county-level divisions (itself, for a county) that the measure
 * accepts, judged on the household population of the period's year (the county's own
 * division_stat row) and its institutions open on the period's last day. Null (not counted) for
 * another scope kind, or when a county cannot be judged (no population figure).
 */
/** A scope's institutions open on a period's last day, per division (per scope list and period, once). */
const OPEN_BY_DIVISION = new OncePer<readonly InstitutionRecord[], Map<string, InstitutionRecord[]>>();

function openByDivision(
  orgs: readonly InstitutionRecord[],
  period: Period,
): Map<string, InstitutionRecord[]> {
  return OPEN_BY_DIVISION.get(orgs, period.id, () => {
    const lastDay = periodLastDay(period);
    const dayAfter = periodEnd(period);
    const grouped = new Map<string, InstitutionRecord[]>();
    for (const o of orgs) {
      if (!overlaps(o.openedOn, o.closedOn, lastDay, dayAfter)) continue;
      const list = grouped.get(o.divisionCode);
      if (list) list.push(o);
      else grouped.set(o.divisionCode, [o]);
    }
    return grouped;
  });
}

export function countyValue(
  measure: CountyMeasure,
  request: ParsedMeasureRequest,
  orgs: readonly InstitutionRecord[],
  stats: readonly DivisionStatRecord[] | null,
  index: DivisionIndex,
  registry: { id: string; kind: string },
): { value: number | null; coverage: Coverage } {
  if (request.scopeKind !== 'REGION') {
    return { value: null, coverage: { ...NOT_COUNTED, sources: [], missingInstitutions: [] } };
  }
  const open = openByDivision(orgs, request.period);
  let value: number | null = 0;
  for (const county of index.countiesUnder(request.scopeCode)) {
    const stat = (stats ?? []).find((s) => s.code === county && s.year === request.period.year);
    const verdict = measure.counts({
      code: county,
      householdPop: stat?.householdPop ?? null,
      institutions: open.get(county) ?? [],
    });
    if (verdict === null) {
      value = null;
      break;
    }
    if (verdict) value += 1;
  }
  return {
    value,
    coverage: {
      sources: [{ ...registry, status: SourceStatus.OK, institutions: orgs.length }],
      missingInstitutions: [],
      uncoveredInstitutions: 0,
      complete: value !== null,
      counted: value !== null,
    },
  };
}
