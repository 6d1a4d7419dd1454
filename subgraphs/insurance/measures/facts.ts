import { insAdapter } from '../../../adapters/ins/adapter';
import { placed, placer } from '../../../adapters/ins/county';
import type { Placement } from '../../../adapters/ins/county';
import type { SettlementCounts, SettlementQuery } from '../../../adapters/ins/model';
import type { InstitutionRecord } from '../../../adapters';
import { ErrorCode, userError } from '../../../schema/errors';
import { periodEnd, periodMonths, periodStart } from '../../../schema/period';
import type { SqlSource } from '../../../adapters/sql/source';
import { madeOnce } from '../../../adapters/sql/answer-cache';
import { isoDay } from '../../common/store/days';
import { storedThrough } from '../../common/store/reader';
import { fetchStored } from '../../common/store/fetch';
import { keysPatterns } from '../../common/store/database';
import type { KeysFilter } from '../../common/store/database';
import type { StoredFetch } from '../../common/store/fetch';
import { SETTLEMENTS_FACT, settlementOf } from '../store/facts';
import type { Period } from '../../../schema/period';
import { groupBy, institutionsOfRegions } from '../../common/registry-view';
import { ScopeKind } from '../../common/measures';
import { SourceStatus } from '../../common/provenance';
import type { InsuranceContext } from '../context';

/** One scope and period whose settlements are wanted. */
export interface ScopeRequest {
  readonly kind: ScopeKind.REGION | ScopeKind.INSTITUTION;
  /** Division code or org code. */
  readonly code: string;
  readonly period: Period;
}

export function scopeRequestKey(r: ScopeRequest): string {
  return `${r.kind}:${r.code}:${r.period.id}`;
}

/** A settlement group with its treating institution placed (for region scopes; county null otherwise). */
export type PlacedSettlements = SettlementCounts & Partial<Placement>;

export interface SourceReportData {
  readonly id: string;
  readonly kind: string;
  readonly status: SourceStatus;
  readonly institutions: number;
  /** Last day (yyyy-MM-dd) of the period answered from the measure store; null: live only. */
  readonly storedThrough: string | null;
}

/** What the insurance sources say about one scope and period. */
export interface ScopeFacts {
  readonly request: ScopeRequest;
  /** False when no insurance source answered (or none is configured): numbers are null. */
  readonly available: boolean;
  readonly complete: boolean;
  readonly sources: SourceReportData[];
  /** The scope's valid settlement groups in the period's months. */
  readonly rows: PlacedSettlements[];
  /** For a region: its county-level divisions, by code; empty for an institution. */
  readonly counties: string[];
}

/** Patterns of insured areas filtered in the store's SQL at most (one LIKE each); more read every row. */
const MAX_AREAS_FILTERED = 40;

/**
 * The settlements of `query` from every insurance source: the whole closed months the measure
 * store holds from the store, the others live (see fetchStored).
 */
function fetchSettlements(
  ctx: InsuranceContext,
  insSources: readonly SqlSource[],
  query: SettlementQuery,
  /** The batch's periods: every consumer sums a period's groups, so stored months may be summed. */
  periods: readonly Period[],
  /** Where a 定点医药机构编码 stands, when the batch places its rows (regions); else null. */
  placementOf: ((fixmedinsCode: string) => Placement) | null,
  /** The consumers use the measures' keys only (SETTLEMENTS_FACT.projection). */
  projected: boolean,
  /** The regions asked: their codes' starts filter the insured areas in the store's SQL. */
  regionCodes: readonly string[],
): Promise<StoredFetch<PlacedSettlements>> {
  const areas = query.insuAdmdvs ? new Set(query.insuAdmdvs) : null;
  // A region's insured areas by its code's start (one LIKE for a city's), the others one each.
  const keys: KeysFilter | null = areas
    ? { key: 'insuAdmdvs', values: [...areas].sort(), prefixes: regionCodes.map(divisionStart) }
    : null;
  return fetchStored<PlacedSettlements>({
    store: ctx.services.store,
    fact: SETTLEMENTS_FACT,
    sources: ctx.services.sources,
    targets: insSources,
    months: query.months,
    orgCodes: query.fixmedinsCodes ?? null,
    periods,
    projected,
    // Regions: the insured areas' rows only, in the store's SQL too (a city's 2 years were 211 000
    // province rows, 48 MB, to keep a tenth). Every area of a province filters nothing: not sent.
    ...(keys && keysPatterns(keys).length <= MAX_AREAS_FILTERED ? { keys } : {}),
    // A month-grain fact: live months are whole months (`since` never cuts one).
    live: async (source, part) => {
      const rows = await insAdapter.settlements(source, { ...query, months: part.months });
      return placementOf ? rows.map((r) => placed(r, placementOf(r.fixmedinsCode))) : rows;
    },
    // Filtered and placed as the store's rows are read: one object per kept row.
    fromStore: (row) => {
      const area = row.insuAdmdvs;
      if (areas && (typeof area !== 'string' || !areas.has(area))) return null;
      return settlementOf(row, placementOf?.(row.orgCode));
    },
  });
}

/**
 * The start every code of a division's subtree shares: its code without the trailing '00' pairs
 * (610900 → 6109, 610000 → 61); a county's is its whole code.
 */
export function divisionStart(code: string): string {
  return code.replace(/(?:00)+$/, '');
}

/** Each institution's 定点医药机构编码s, once per map (the registry's kept answer). */
const CODES_OF_ORG = new WeakMap<ReadonlyMap<string, string>, ReadonlyMap<string, readonly string[]>>();
function fixmedinsCodesOf(orgMap: ReadonlyMap<string, string>): ReadonlyMap<string, readonly string[]> {
  return madeOnce(CODES_OF_ORG, orgMap, (map) =>
    groupBy(
      [...map],
      ([, org]) => org,
      ([fixmedins]) => fixmedins,
    ),
  );
}

/**
 * Read the settlements behind many (scope, period) requests at once: the registry (division tree,
 * the regions' institutions, ins_org_map, the treating institutions — each one batched statement),
 * then ONE statement per insurance source for the whole batch (all months; filtered by insured
 * area when only regions are asked, by institution code when only institutions are, else
 * unfiltered), rows placed through ins_org_map. Unknown divisions: UNKNOWN_DIVISION; unknown
 * institutions: UNKNOWN_INSTITUTION.
 */
export async function scopeFacts(
  requests: readonly ScopeRequest[],
  ctx: InsuranceContext,
  /**
   * The caller uses only the keys of the measures (insured area, inpatient, referral, continuous
   * deductible; SETTLEMENTS_FACT.projection): rows may then come without the others (null).
   */
  options: { readonly measuresOnly?: boolean } = {},
): Promise<ScopeFacts[]> {
  if (requests.length === 0) return [];
  const { sources } = ctx.services;
  const view = ctx.registry;

  const regionCodes = [...new Set(requests.filter((r) => r.kind === ScopeKind.REGION).map((r) => r.code))];
  const orgScopes = [...new Set(requests.filter((r) => r.kind === ScopeKind.INSTITUTION).map((r) => r.code))];

  // Regions: their subtree (the insured areas) and counties; the institutions standing in them.
  const subtrees = new Map<string, Set<string>>();
  const counties = new Map<string, string[]>();
  const regionInstitutions = new Map<string, InstitutionRecord[]>();
  if (regionCodes.length > 0) {
    const index = await view.divisions();
    for (const code of regionCodes) {
      await view.division(code);
      subtrees.set(code, index.subtree(code));
      counties.set(code, index.countiesUnder(code).sort());
    }
    for (const [code, list] of await institutionsOfRegions(view, regionCodes))
      regionInstitutions.set(code, list);
  }

  const orgMap = await view.insOrgMap();
  const codesOfOrg = fixmedinsCodesOf(orgMap);

  const months = [...new Set(requests.flatMap((r) => periodMonths(r.period)))].sort();
  const query: SettlementQuery =
    regionCodes.length > 0 && orgScopes.length > 0
      ? { months }
      : regionCodes.length > 0
        ? { months, insuAdmdvs: [...new Set([...subtrees.values()].flatMap((s) => [...s]))].sort() }
        : { months, fixmedinsCodes: orgScopes.flatMap((o) => codesOfOrg.get(o) ?? []).sort() };

  // The registry's institutions: the institution scopes and, for regions, every mapped treating
  // institution (to place a settlement in its county as it is read): one statement.
  const wanted = new Set<string>(orgScopes);
  if (regionCodes.length > 0) for (const org of orgMap.values()) wanted.add(org);
  const known = new Map<string, InstitutionRecord>();
  const found = await view.institutionByCode.loadMany([...wanted].sort());
  for (const org of found) {
    if (org instanceof Error) throw org;
    if (org) known.set(org.orgCode, org);
  }
  for (const org of orgScopes)
    if (!known.has(org))
      throw userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${org.slice(0, 64)} (机构不存在)`);

  // Regions place each row (its treating institution's county) as it is read.
  const placementOf = regionCodes.length > 0 ? placer(orgMap, known) : null;
  const insSources = sources.ofKinds(['ins']);
  const periods = [...new Map(requests.map((r) => [r.period.id, r.period])).values()];
  const { outcomes, plans } = await fetchSettlements(
    ctx,
    insSources,
    query,
    periods,
    placementOf,
    options.measuresOnly === true,
    regionCodes,
  );
  const placed: PlacedSettlements[] = [];
  // Not push(...rows): a province's settlement groups outnumber the arguments a call may take.
  for (const o of outcomes) if (o.ok) for (const row of o.value) placed.push(row);
  const answered = outcomes.filter((o) => o.ok).length;
  const available = answered > 0;
  const complete = insSources.length > 0 && answered === outcomes.length;

  const mapped = new Set(orgMap.values());
  // The rows indexed once by insured area and by treating institution: a scope takes its own
  // rows by key (a province's groups × a hundred county scopes would be a hundred passes).
  // Indices, so that a scope's rows keep their order (sums of money add up in the same order).
  const byArea = indexBy(placed, (r) => r.insuAdmdvs);
  const byFixmedins = indexBy(placed, (r) => r.fixmedinsCode);
  return requests.map((request) => {
    const monthSet = new Set(periodMonths(request.period));
    const candidates: number[] = [];
    let institutions: number;
    if (request.kind === ScopeKind.REGION) {
      for (const area of subtrees.get(request.code) ?? [])
        for (const i of byArea.get(area) ?? []) candidates.push(i);
      institutions = (regionInstitutions.get(request.code) ?? []).filter((i) => mapped.has(i.orgCode)).length;
    } else {
      const codes = new Set(codesOfOrg.get(request.code) ?? []);
      for (const code of codes) for (const i of byFixmedins.get(code) ?? []) candidates.push(i);
      institutions = codes.size > 0 ? 1 : 0;
    }
    return {
      request,
      available,
      complete,
      sources: outcomes
        .map((o) => {
          const plan = plans.get(o.source.id);
          const through = plan
            ? storedThrough(plan, periodStart(request.period), periodEnd(request.period))
            : null;
          return {
            id: o.source.id,
            kind: o.source.kind,
            status: o.ok ? SourceStatus.OK : (o.failure as SourceStatus),
            institutions,
            storedThrough: through ? isoDay(through) : null,
          };
        })
        .sort((a, b) => a.id.localeCompare(b.id)),
      rows: candidates
        .sort((a, b) => a - b)
        .map((i) => placed[i])
        .filter((r) => monthSet.has(r.month)),
      counties: request.kind === ScopeKind.REGION ? (counties.get(request.code) ?? []) : [],
    };
  });
}

/** The indices of `rows` grouped by `key` (rows whose key is null are left out), ascending. */
function indexBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = key(r);
    if (k === null) return;
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  });
  return out;
}
