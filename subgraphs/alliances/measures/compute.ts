import type { SupportActivityCount } from '../../../adapters/registry/model';
import type { TelemedSessionCount } from '../../../adapters/telemed/model';
import { periodMonths } from '../../../schema/period';
import { ErrorCode, userError } from '../../../schema/errors';
import type { ParsedMeasureRequest } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import type { MeasureValueData } from '../../common/measures';
import type { AlliancesContext } from '../context';
import { unknownAlliance } from '../errors';
import { flowKey } from '../flows/loaders';
import type { FlowBatch, LisBatch, ReferralBatch } from '../flows/loaders';
import { institutionsOfRegionScopes, membersDuring } from '../flows/scopes';
import { reportsOf } from '../flows/summaries';
import { measureByCode } from './catalog';
import type { AllianceMeasure } from './catalog';
import { computeFactValues } from './facts';
import type { FactMeasure } from './facts';
import { OncePer } from '../../common/memo';

type FlowMeasure = Exclude<AllianceMeasure, FactMeasure>;

/** The institutions of a scope (an alliance: its members during the period, and its lead). */
interface Scope {
  readonly orgs: ReadonlySet<string>;
  readonly lead: string | null;
}

function scopeKey(r: ParsedMeasureRequest): string {
  // An alliance's members depend on the period.
  return r.scopeKind === ScopeKind.ALLIANCE
    ? `${r.scopeKind}:${r.scopeCode}:${r.period.id}`
    : `${r.scopeKind}:${r.scopeCode}`;
}

function validate(r: ParsedMeasureRequest): AllianceMeasure {
  const m = measureByCode.get(r.measure);
  if (!m)
    throw userError(ErrorCode.UNKNOWN_MEASURE, `Unknown measure ${r.measure.slice(0, 64)} (度量代码不存在)`);
  if (!m.scopeKinds.includes(r.scopeKind))
    throw userError(ErrorCode.BAD_USER_INPUT, `Scope kind ${r.scopeKind} is not served for ${m.code}`);
  return m;
}

/** Every scope of the batch: regions (one division tree, one statement), alliances (two statements), institutions. */
async function resolveScopes(
  requests: readonly ParsedMeasureRequest[],
  ctx: AlliancesContext,
): Promise<Map<string, Scope>> {
  const scopes = new Map<string, Scope>();
  const regionCodes = new Set(
    requests.filter((r) => r.scopeKind === ScopeKind.REGION).map((r) => r.scopeCode),
  );
  const allianceRequests = requests.filter((r) => r.scopeKind === ScopeKind.ALLIANCE);
  const [regions, alliances] = await Promise.all([
    institutionsOfRegionScopes(ctx, regionCodes),
    Promise.all(
      allianceRequests.map(async (r) => {
        const [alliance, members] = await Promise.all([
          ctx.registry.allianceById.load(r.scopeCode),
          membersDuring(ctx, r.scopeCode, r.period),
        ]);
        if (!alliance) throw unknownAlliance(r.scopeCode);
        return [scopeKey(r), { orgs: members, lead: alliance.leadOrgCode }] as const;
      }),
    ),
  ]);
  for (const [code, orgs] of regions) scopes.set(`${ScopeKind.REGION}:${code}`, { orgs, lead: null });
  for (const [key, scope] of alliances) scopes.set(key, scope);
  for (const r of requests)
    if (r.scopeKind === ScopeKind.INSTITUTION)
      scopes.set(scopeKey(r), { orgs: new Set([r.scopeCode]), lead: null });
  return scopes;
}

type Batch = ReferralBatch | FlowBatch<unknown> | LisBatch;

/** The load of one request from its family's DataLoader (all issued at once: one batch per loader). */
function load(ctx: AlliancesContext, r: ParsedMeasureRequest, m: FlowMeasure, scope: Scope): Promise<Batch> {
  const months = periodMonths(r.period);
  switch (m.family) {
    case 'REFERRAL':
      // Measures that count no disease group may be answered from the projected referrals.
      return ctx.flows.referrals.load(flowKey(scope.orgs, months, m.side, undefined, m.byDisease !== true));
    case 'TELEMED':
      // Sessions of the scope's requesters or providers: the two parties only.
      return ctx.flows.telemed.load(flowKey([], months, undefined, undefined, true));
    case 'SUPPORT': {
      const givers = r.scopeKind === ScopeKind.ALLIANCE ? (scope.lead ? [scope.lead] : []) : scope.orgs;
      return ctx.flows.support.load(flowKey(givers, months));
    }
    case 'RECOGNITION':
      return ctx.flows.lis.load(flowKey(scope.orgs, months));
  }
}

/**
 * A batch's rows indexed once per side by institution (the batch's row list is shared by every
 * scope of the operation): each scope takes the rows of its own institutions instead of passing
 * over all of them (a hundred county scopes over a province's flows would be a hundred passes).
 * The values summed are counts, so the order they are added in does not change them.
 */
const ORG_INDEXES = new OncePer<object, SideIndex>();

/** One side's index of a batch's rows, and the rows of each scope taken from it (shared by its measures). */
interface SideIndex {
  readonly byOrg: Map<string, unknown[]>;
  readonly byScope: WeakMap<ReadonlySet<string>, unknown[]>;
}

function rowsOfOrgs<T>(
  rows: readonly T[],
  side: string,
  orgOf: (row: T) => string | null,
  orgs: ReadonlySet<string>,
): readonly T[] {
  const index = ORG_INDEXES.get(rows, side, () => {
    const byOrg = new Map<string, unknown[]>();
    for (const row of rows) {
      const org = orgOf(row);
      if (org === null) continue;
      const list = byOrg.get(org);
      if (list) list.push(row);
      else byOrg.set(org, [row]);
    }
    return { byOrg, byScope: new WeakMap() };
  });
  let out = index.byScope.get(orgs);
  if (!out) {
    out = [];
    for (const org of orgs) for (const row of index.byOrg.get(org) ?? []) out.push(row);
    index.byScope.set(orgs, out);
  }
  return out as T[];
}

/** The value of one request over its batch (before provenance). */
function valueOf(r: ParsedMeasureRequest, m: FlowMeasure, scope: Scope, batch: Batch): number {
  const months = new Set(periodMonths(r.period));
  const inScope = (org: string | null): boolean => org !== null && scope.orgs.has(org);
  let value = 0;
  switch (m.family) {
    case 'REFERRAL': {
      const counts = r.scopeKind === ScopeKind.REGION ? m.countsForRegion : m.countsForInstitution;
      const { rows, known } = batch as ReferralBatch;
      const side = m.side === 'RECEIVER' ? 'receiver' : 'sender';
      const key =
        m.side === 'RECEIVER'
          ? (row: ReferralBatch['rows'][number]) => row.receiverOrg
          : (row: ReferralBatch['rows'][number]) => row.senderOrg;
      for (const row of rowsOfOrgs(rows, side, key, scope.orgs))
        if (months.has(row.month) && counts(row, known)) value += row.referrals;
      return value;
    }
    case 'TELEMED': {
      const rows = (batch as FlowBatch<TelemedSessionCount>).rows;
      const side = m.side === 'PROVIDER' ? 'provider' : 'requester';
      const key =
        m.side === 'PROVIDER'
          ? (row: TelemedSessionCount) => row.providerOrg
          : (row: TelemedSessionCount) => row.requesterOrg;
      for (const row of rowsOfOrgs(rows, side, key, scope.orgs))
        if (months.has(row.month)) value += row.sessions;
      return value;
    }
    case 'SUPPORT': {
      const rows = (batch as FlowBatch<SupportActivityCount>).rows;
      for (const row of rows) {
        if (!months.has(row.month)) continue;
        const counts =
          r.scopeKind === ScopeKind.ALLIANCE
            ? row.fromOrgCode === scope.lead && row.toOrgCode !== scope.lead && inScope(row.toOrgCode)
            : inScope(row.fromOrgCode);
        if (counts) value += m.value(row);
      }
      return value;
    }
    case 'RECOGNITION': {
      const lis = batch as LisBatch;
      for (const list of [lis.lab, lis.imaging])
        for (const row of rowsOfOrgs<(typeof list)[number]>(list, 'org', (x) => x.orgCode, scope.orgs))
          if (months.has(row.month)) value += row.recognized;
      return value;
    }
  }
}

/** Value and provenance of one request. */
function answer(r: ParsedMeasureRequest, m: FlowMeasure, scope: Scope, batch: Batch): MeasureValueData {
  const base = { scopeKind: r.scopeKind, scopeCode: r.scopeCode, period: r.period.id, measure: r.measure };
  const orgs = [...scope.orgs].sort();
  if (m.family === 'RECOGNITION') {
    const lis = batch as LisBatch;
    const relevant = lis.outcomes.filter((o) => o.orgs.some((org) => scope.orgs.has(org)));
    const heldOf = (o: (typeof relevant)[number]): string[] => o.orgs.filter((org) => scope.orgs.has(org));
    const { sources, answered } = reportsOf(relevant, (o) => heldOf(o as (typeof relevant)[number]).length);
    const held = new Set(relevant.flatMap(heldOf));
    return {
      ...base,
      value: answered > 0 ? valueOf(r, m, scope, batch) : null,
      complete: relevant.length > 0 && answered === relevant.length,
      sources,
      missingInstitutions: relevant
        .filter((o) => !o.ok)
        .flatMap(heldOf)
        .sort(),
      uncoveredInstitutions: orgs.filter((o) => !held.has(o)).length,
    };
  }
  const { sources, answered, complete } = reportsOf(
    batch.outcomes,
    scope.orgs.size,
    'storedThrough' in batch ? batch.storedThrough : undefined,
  );
  return {
    ...base,
    value: answered > 0 ? valueOf(r, m, scope, batch) : null,
    complete,
    sources,
    missingInstitutions: complete ? [] : orgs,
    uncoveredInstitutions: 0,
  };
}

/**
 * Answer a batch of measure requests (referrals, telemedicine, support, mutual recognition) for
 * region, institution and alliance scopes: the registry for the scopes (batched), then one
 * statement per source per adapter function for the whole batch through the request's DataLoaders,
 * sums in memory. A value is null (not counted) when no source of its family answered.
 */
export async function computeAllianceValues(
  requests: readonly ParsedMeasureRequest[],
  ctx: AlliancesContext,
): Promise<MeasureValueData[]> {
  const all = requests.map(validate);
  if (requests.length === 0) return [];
  // Registry facts and telemedicine parties: their own batch (a fixed number of statements).
  const factIdx: number[] = [];
  const flowIdx: number[] = [];
  all.forEach((m, i) => (m.family === 'FACT' ? factIdx : flowIdx).push(i));
  const [factValues, flowValues] = await Promise.all([
    computeFactValues(
      factIdx.map((i) => requests[i]),
      factIdx.map((i) => all[i] as FactMeasure),
      ctx,
    ),
    computeFlowValues(
      flowIdx.map((i) => requests[i]),
      flowIdx.map((i) => all[i] as FlowMeasure),
      ctx,
    ),
  ]);
  const result: MeasureValueData[] = new Array<MeasureValueData>(requests.length);
  factIdx.forEach((i, k) => (result[i] = factValues[k]));
  flowIdx.forEach((i, k) => (result[i] = flowValues[k]));
  return result;
}

async function computeFlowValues(
  requests: readonly ParsedMeasureRequest[],
  measures: readonly FlowMeasure[],
  ctx: AlliancesContext,
): Promise<MeasureValueData[]> {
  if (requests.length === 0) return [];
  const scopes = await resolveScopes(requests, ctx);
  const scopeOf = (r: ParsedMeasureRequest): Scope =>
    scopes.get(scopeKey(r)) ?? { orgs: new Set(), lead: null };
  const batches = await Promise.all(requests.map((r, i) => load(ctx, r, measures[i], scopeOf(r))));
  // Institution scopes must exist (read with the referrals' counterparts when there are any).
  const orgScopes = [
    ...new Set(requests.filter((r) => r.scopeKind === ScopeKind.INSTITUTION).map((r) => r.scopeCode)),
  ];
  const found = await ctx.registry.institutionByCode.loadMany(orgScopes);
  found.forEach((org, i) => {
    if (org instanceof Error) throw org;
    if (!org) throw userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${orgScopes[i]} (机构不存在)`);
  });
  return requests.map((r, i) => answer(r, measures[i], scopeOf(r), batches[i]));
}
