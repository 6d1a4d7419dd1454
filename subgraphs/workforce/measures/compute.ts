import { ErrorCode, userError } from '../../../schema/errors';
import type { ParsedMeasureRequest } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import type { MeasureValueData } from '../../common/measures';
import { SourceStatus } from '../../common/provenance';
import type { WorkforceContext } from '../context';
import { allianceScope, institutionScope, regionScope } from '../summaries';
import type { Scope } from '../summaries';
import { measureByCode } from './catalog';
import type { WorkforceMeasure } from './catalog';

/**
 * Answer a batch of workforce and family-doctor measure requests. Every request goes through the
 * per-request fact loaders at once, so the batch costs one statement per adapter function and
 * source (whatever the scopes and periods), plus the registry: the division tree, the
 * institutions of the region scopes (one statement) and the institution scopes (one statement,
 * unknown codes fail with UNKNOWN_INSTITUTION). Without a source every value is null.
 */
export async function computeWorkforceValues(
  requests: readonly ParsedMeasureRequest[],
  ctx: WorkforceContext,
): Promise<MeasureValueData[]> {
  const measures: WorkforceMeasure[] = requests.map((r) => {
    const m = measureByCode.get(r.measure);
    if (!m)
      throw userError(
        ErrorCode.UNKNOWN_MEASURE,
        `Unknown measure ${r.measure.slice(0, 64)} (度量代码不存在)`,
      );
    const kinds = m.scopeKinds ?? [ScopeKind.REGION, ScopeKind.INSTITUTION];
    if (!kinds.includes(r.scopeKind))
      throw userError(
        ErrorCode.BAD_USER_INPUT,
        `Scope kind ${r.scopeKind} is not served for ${m.code} (该范围不适用)`,
      );
    return m;
  });
  if (requests.length === 0) return [];

  const orgCodes = [
    ...new Set(requests.filter((r) => r.scopeKind === ScopeKind.INSTITUTION).map((r) => r.scopeCode)),
  ];
  const found = await ctx.registry.institutionByCode.loadMany(orgCodes);
  found.forEach((org, i) => {
    if (org instanceof Error) throw org;
    if (!org) throw userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${orgCodes[i]} (机构不存在)`);
  });

  // Every scope first (the regions' institutions in one registry statement, the alliances' members
  // in one), then every value at once, so that the fact loaders see the whole batch in one tick.
  // An alliance's members depend on the period.
  const keyOf = (r: ParsedMeasureRequest): string =>
    r.scopeKind === ScopeKind.ALLIANCE
      ? `${r.scopeKind}:${r.period.id}:${r.scopeCode}`
      : `${r.scopeKind}:${r.scopeCode}`;
  const firstOf = new Map<string, ParsedMeasureRequest>();
  for (const r of requests) if (!firstOf.has(keyOf(r))) firstOf.set(keyOf(r), r);
  const scopeKeys = [...firstOf.keys()];
  const resolved = await Promise.all(
    scopeKeys.map((key) => {
      const r = firstOf.get(key)!;
      if (r.scopeKind === ScopeKind.REGION) return regionScope(r.scopeCode, ctx);
      if (r.scopeKind === ScopeKind.ALLIANCE) return allianceScope(r.scopeCode, r.period, ctx);
      return Promise.resolve(institutionScope(r.scopeCode));
    }),
  );
  const scopes = new Map<string, Scope>(scopeKeys.map((k, i) => [k, resolved[i]]));

  return Promise.all(
    requests.map(async (request, i): Promise<MeasureValueData> => {
      const scope = scopes.get(keyOf(request))!;
      const { value, sources } = await measures[i].value(ctx, scope, request.period);
      const reports = [...sources]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((s) => ({
          id: s.id,
          kind: s.kind,
          status: s.status,
          institutions: scope.orgCodes.length,
          storedThrough: s.storedThrough ?? null,
        }));
      const complete = reports.length > 0 && reports.every((s) => s.status === SourceStatus.OK);
      return {
        scopeKind: request.scopeKind,
        scopeCode: request.scopeCode,
        period: request.period.id,
        measure: request.measure,
        value,
        complete,
        sources: reports,
        missingInstitutions: complete ? [] : [...scope.orgCodes],
        uncoveredInstitutions: 0,
      };
    }),
  );
}
