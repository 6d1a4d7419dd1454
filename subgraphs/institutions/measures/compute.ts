import { hisAdapters } from '../../../adapters';
import type { InstitutionRecord, SourceOutcome, VisitCounts } from '../../../adapters';
import { overlaps } from '../../../adapters/registry/adapter';
import type { SqlSource } from '../../../adapters/sql/source';
import { ErrorCode, userError } from '../../../schema/errors';
import { periodEnd, periodMonths, periodStart } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import type { ParsedMeasureRequest } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import { institutionsOfRegions } from '../../common/registry-view';
import type { MeasureValueData } from '../../common/measures';
import { SourceStatus } from '../../common/provenance';
import type { InstitutionsContext } from '../context';
import { measureByCode } from './catalog';
import type { InstitutionMeasure } from './catalog';

const HIS_KINDS = ['his_a', 'his_b'] as const;

function scopeKey(kind: ScopeKind, code: string): string {
  return `${kind}:${code}`;
}

function openDuring(org: InstitutionRecord, period: Period): boolean {
  return overlaps(org.openedOn, org.closedOn, periodStart(period), periodEnd(period));
}

function inPopulation(org: InstitutionRecord, measure: InstitutionMeasure): boolean {
  return measure.population === 'ALL' || org.primaryCare;
}

/** Resolve every scope of the batch to its institutions: at most two registry statements. */
async function resolveScopes(
  requests: readonly ParsedMeasureRequest[],
  ctx: InstitutionsContext,
): Promise<Map<string, InstitutionRecord[]>> {
  const regionCodes = new Set<string>();
  const orgCodes = new Set<string>();
  for (const r of requests) {
    if (r.scopeKind === ScopeKind.REGION) regionCodes.add(r.scopeCode);
    else if (r.scopeKind === ScopeKind.INSTITUTION) orgCodes.add(r.scopeCode);
    else
      throw userError(ErrorCode.BAD_USER_INPUT, `Scope kind ${r.scopeKind} is not served by this subgraph`);
  }
  const result = new Map<string, InstitutionRecord[]>();
  for (const [code, list] of await institutionsOfRegions(ctx.registry, regionCodes)) {
    result.set(scopeKey(ScopeKind.REGION, code), list);
  }
  if (orgCodes.size) {
    const codes = [...orgCodes];
    const found = await ctx.registry.institutionByCode.loadMany(codes);
    found.forEach((org, i) => {
      if (org instanceof Error) throw org;
      if (!org) throw userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${codes[i]} (机构不存在)`);
      result.set(scopeKey(ScopeKind.INSTITUTION, codes[i]), [org]);
    });
  }
  return result;
}

/**
 * Answer a batch of measure requests: one statement per HIS source for the whole batch
 * (GROUP BY institution and month over the union of scopes and periods), then sums in memory.
 */
export async function computeMeasureValues(
  requests: readonly ParsedMeasureRequest[],
  ctx: InstitutionsContext,
): Promise<MeasureValueData[]> {
  const measures = requests.map((r) => {
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

  const allOrgs = new Map<string, InstitutionRecord>();
  for (const list of scopes.values()) for (const org of list) allOrgs.set(org.orgCode, org);
  const months = new Set(requests.flatMap((r) => periodMonths(r.period)));

  const { sources } = ctx.services;
  const { bySource } = sources.holders(HIS_KINDS, allOrgs.keys());
  const holderOf = new Map<string, SqlSource>();
  for (const [source, orgs] of bySource) for (const org of orgs) holderOf.set(org, source);

  const outcomes: SourceOutcome<VisitCounts[]>[] = await sources.fanOut(bySource.keys(), (source) => {
    const held = bySource.get(source) ?? [];
    const all = held.length === source.config.institutions.length;
    const adapter = hisAdapters[source.config.kind as 'his_a' | 'his_b'];
    return adapter.countVisits(source, { orgCodes: all ? null : held, months: [...months] });
  });

  const statusOf = new Map<string, SourceStatus>();
  const counts = new Map<string, VisitCounts[]>();
  for (const o of outcomes) {
    statusOf.set(o.source.id, o.ok ? SourceStatus.OK : (o.failure as SourceStatus));
    if (!o.ok) continue;
    for (const row of o.value) {
      const list = counts.get(row.orgCode) ?? [];
      list.push(row);
      counts.set(row.orgCode, list);
    }
  }

  return requests.map((request, i) => {
    const measure = measures[i];
    const periodMonthSet = new Set(periodMonths(request.period));
    const population = (scopes.get(scopeKey(request.scopeKind, request.scopeCode)) ?? []).filter((o) =>
      inPopulation(o, measure),
    );
    const perSource = new Map<SqlSource, number>();
    const missing: string[] = [];
    let uncovered = 0;
    let value = 0;
    let answered = 0;
    for (const org of population) {
      const source = holderOf.get(org.orgCode);
      if (!source) {
        if (openDuring(org, request.period)) uncovered += 1;
        continue;
      }
      perSource.set(source, (perSource.get(source) ?? 0) + 1);
      if (statusOf.get(source.id) !== SourceStatus.OK) {
        missing.push(org.orgCode);
        continue;
      }
      answered += 1;
      for (const row of counts.get(org.orgCode) ?? []) {
        if (periodMonthSet.has(row.month)) value += measure.value(row);
      }
    }
    const reports = [...perSource].map(([source, n]) => ({
      id: source.id,
      kind: source.config.kind,
      status: statusOf.get(source.id) ?? SourceStatus.QUERY_FAILED,
      institutions: n,
    }));
    const nothingCounted = population.length > 0 && answered === 0;
    return {
      scopeKind: request.scopeKind,
      scopeCode: request.scopeCode,
      period: request.period.id,
      measure: request.measure,
      value: nothingCounted ? null : value,
      complete: missing.length === 0 && uncovered === 0,
      sources: reports.sort((a, b) => a.id.localeCompare(b.id)),
      missingInstitutions: missing.sort(),
      uncoveredInstitutions: uncovered,
    };
  });
}
