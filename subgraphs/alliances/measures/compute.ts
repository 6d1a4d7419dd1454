import { classifyReferrals, referralAdapter } from '../../../adapters';
import type { InstitutionRecord, SourceOutcome } from '../../../adapters';
import type { ReferralCount, ReferralQuery } from '../../../adapters/referral/model';
import { ErrorCode, userError } from '../../../schema/errors';
import { periodMonths } from '../../../schema/period';
import type { ParsedMeasureRequest } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import { institutionsOfRegions } from '../../common/registry-view';
import type { MeasureValueData } from '../../common/measures';
import { SourceStatus } from '../../common/provenance';
import type { AlliancesContext } from '../context';
import { measureByCode } from './catalog';
import type { ReferralMeasure } from './catalog';

function scopeKey(kind: ScopeKind, code: string): string {
  return `${kind}:${code}`;
}

/** Region scopes → the institutions standing in their counties: the division tree and one statement. */
async function resolveRegionScopes(
  regionCodes: ReadonlySet<string>,
  ctx: AlliancesContext,
): Promise<{ scopes: Map<string, Set<string>>; known: Map<string, InstitutionRecord> }> {
  const scopes = new Map<string, Set<string>>();
  const known = new Map<string, InstitutionRecord>();
  for (const [code, list] of await institutionsOfRegions(ctx.registry, regionCodes)) {
    for (const org of list) known.set(org.orgCode, org);
    scopes.set(scopeKey(ScopeKind.REGION, code), new Set(list.map((o) => o.orgCode)));
  }
  return { scopes, known };
}

/** The one referral statement per source: by sender, by receiver, or (both needed) every institution. */
function referralQuery(
  requests: readonly ParsedMeasureRequest[],
  measures: readonly ReferralMeasure[],
  scopes: ReadonlyMap<string, ReadonlySet<string>>,
): ReferralQuery {
  const months = [...new Set(requests.flatMap((r) => periodMonths(r.period)))].sort();
  const sides = new Set(measures.map((m) => m.side));
  if (sides.size > 1) return { months, orgCodes: null };
  const orgs = new Set<string>();
  for (const r of requests) for (const o of scopes.get(scopeKey(r.scopeKind, r.scopeCode)) ?? []) orgs.add(o);
  return { months, orgCodes: [...orgs].sort(), by: sides.has('RECEIVER') ? 'RECEIVER' : 'SENDER' };
}

function notCounted(request: ParsedMeasureRequest): MeasureValueData {
  return {
    scopeKind: request.scopeKind,
    scopeCode: request.scopeCode,
    period: request.period.id,
    measure: request.measure,
    value: null,
    complete: false,
    sources: [],
    missingInstitutions: [],
    uncoveredInstitutions: 0,
  };
}

/**
 * Answer a batch of referral measure requests: the registry for the scopes' institutions and for
 * the referrals' counterparts (batched, at most three statements whatever the batch), one
 * statement per referral source for the whole batch (GROUP BY sender, receiver, claim, month),
 * the direction of each referral derived from the registry's levels, then sums in memory.
 * Without a referral source every value is null (not counted): missing is not zero.
 */
export async function computeReferralValues(
  requests: readonly ParsedMeasureRequest[],
  ctx: AlliancesContext,
): Promise<MeasureValueData[]> {
  const measures = requests.map((r) => {
    const m = measureByCode.get(r.measure);
    if (!m)
      throw userError(
        ErrorCode.UNKNOWN_MEASURE,
        `Unknown measure ${r.measure.slice(0, 64)} (度量代码不存在)`,
      );
    if (r.scopeKind !== ScopeKind.REGION && r.scopeKind !== ScopeKind.INSTITUTION)
      throw userError(ErrorCode.BAD_USER_INPUT, `Scope kind ${r.scopeKind} is not served by this subgraph`);
    return m;
  });
  if (requests.length === 0) return [];
  const { sources } = ctx.services;
  const referralSources = sources.ofKinds(['referral']);
  if (referralSources.length === 0) return requests.map(notCounted);

  const regionCodes = new Set(
    requests.filter((r) => r.scopeKind === ScopeKind.REGION).map((r) => r.scopeCode),
  );
  const orgScopes = [
    ...new Set(requests.filter((r) => r.scopeKind === ScopeKind.INSTITUTION).map((r) => r.scopeCode)),
  ];
  const { scopes, known } = await resolveRegionScopes(regionCodes, ctx);
  for (const org of orgScopes) scopes.set(scopeKey(ScopeKind.INSTITUTION, org), new Set([org]));

  const query = referralQuery(requests, measures, scopes);
  const outcomes: SourceOutcome<ReferralCount[]>[] = await sources.fanOut(referralSources, (source) =>
    referralAdapter.countAccepted(source, query),
  );
  const rows: ReferralCount[] = [];
  const statusOf = new Map<string, SourceStatus>();
  for (const o of outcomes) {
    statusOf.set(o.source.id, o.ok ? SourceStatus.OK : (o.failure as SourceStatus));
    if (o.ok) rows.push(...o.value);
  }

  // The registry's view of every institution involved: the institution scopes and every
  // counterpart of a referral not already read with a region: one statement.
  const wanted = new Set<string>(orgScopes);
  for (const r of rows) {
    if (r.senderOrg) wanted.add(r.senderOrg);
    if (r.receiverOrg) wanted.add(r.receiverOrg);
  }
  const missingCodes = [...wanted].filter((c) => !known.has(c)).sort();
  const found = await ctx.registry.institutionByCode.loadMany(missingCodes);
  found.forEach((org) => {
    if (org instanceof Error) throw org;
    if (org) known.set(org.orgCode, org);
  });
  for (const org of orgScopes)
    if (!known.has(org)) throw userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${org} (机构不存在)`);

  const classified = classifyReferrals(rows, known).rows;
  const answered = outcomes.filter((o) => o.ok).length;

  return requests.map((request, i) => {
    const measure = measures[i];
    const scope = scopes.get(scopeKey(request.scopeKind, request.scopeCode)) ?? new Set<string>();
    const months = new Set(periodMonths(request.period));
    const counts =
      request.scopeKind === ScopeKind.REGION ? measure.countsForRegion : measure.countsForInstitution;
    let value = 0;
    for (const row of classified) {
      const org = measure.side === 'RECEIVER' ? row.receiverOrg : row.senderOrg;
      if (org !== null && scope.has(org) && months.has(row.month) && counts(row)) value += row.referrals;
    }
    const complete = answered === outcomes.length;
    return {
      scopeKind: request.scopeKind,
      scopeCode: request.scopeCode,
      period: request.period.id,
      measure: request.measure,
      value: answered === 0 ? null : value,
      complete,
      sources: outcomes
        .map((o) => ({
          id: o.source.id,
          kind: o.source.kind,
          status: statusOf.get(o.source.id) ?? SourceStatus.QUERY_FAILED,
          institutions: scope.size,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      missingInstitutions: complete ? [] : [...scope].sort(),
      uncoveredInstitutions: 0,
    };
  });
}
