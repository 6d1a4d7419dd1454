import DataLoader from 'dataloader';
import { registryAdapter } from '../../adapters';
import type { SourceRegistry } from '../../adapters';
import { allianceKindCode } from '../../adapters/registry/codes';
import type { AllianceRecord } from '../../adapters/registry/model';
import { ErrorCode, userError } from '../../schema/errors';
import type { Principal } from '../../security/principal';
import { allianceAccess, institutionAccess, regionAccess } from '../../security/scope';
import type { Access, AllianceFacts } from '../../security/scope';
import { registryUnavailable } from './registry-view';

/** The kinds of scope a caller may be refused: a division, an institution, an alliance (or its lead). */
export type GuardedScope = 'REGION' | 'INSTITUTION' | 'ALLIANCE' | 'ALLIANCE_LEAD';

const ALLOW_ALL: Access = { allowed: true, reason: 'national account' };
const DEFER: Access = {
  allowed: true,
  reason: 'no registry here: the measure-serving subgraphs decide (each refuses what the caller may not see)',
};
const UNKNOWN: Access = {
  allowed: true,
  reason: 'unknown to the registry: the resolver answers UNKNOWN_* itself',
};

function allianceFacts(a: AllianceRecord): AllianceFacts {
  return {
    id: a.allianceId,
    kind: a.kind ? allianceKindCode(a.kind) : '',
    divisionCode: a.divisionCode ?? '',
  };
}

/**
 * Per-request access decisions of one subgraph (security/scope.ts decides; this class fetches the
 * registry facts it needs, batched: one statement per kind of fact, whatever the number of scopes).
 * Subgraphs without a registry (the indicators subgraph) decide divisions themselves and defer
 * institutions and alliances to the subgraphs whose measures they ask for.
 */
export class AccessGuard {
  private readonly institutions: DataLoader<string, Access>;
  private readonly alliances: DataLoader<string, Access>;

  constructor(
    readonly principal: Principal,
    sources: SourceRegistry | null,
  ) {
    const registry = (): ReturnType<SourceRegistry['registry']> => sources!.registry();
    const allianceRecords = async (ids: readonly string[]): Promise<Map<string, AllianceRecord>> => {
      if (ids.length === 0) return new Map();
      const rows = await registryAdapter.alliances(registry(), { ids }).catch(registryUnavailable);
      return new Map(rows.map((a) => [a.allianceId, a]));
    };
    this.alliances = new DataLoader(async (ids) => {
      if (!sources) return ids.map(() => DEFER);
      const found = await allianceRecords(ids);
      return ids.map((id) => {
        const a = found.get(id);
        return a ? allianceAccess(principal, allianceFacts(a)) : UNKNOWN;
      });
    });
    this.institutions = new DataLoader(async (codes) => {
      if (!sources) return codes.map(() => DEFER);
      const rows = await registryAdapter.institutionsByCodes(registry(), codes).catch(registryUnavailable);
      const byCode = new Map(rows.map((r) => [r.orgCode, r]));
      // Alliance accounts see the members of their alliances: memberships and alliances, two statements.
      const needsAlliances = principal.kind === 'URBAN_ALLIANCE' || principal.kind === 'COUNTY_ALLIANCE';
      const memberships = needsAlliances
        ? await registryAdapter.allianceMembers(registry(), { orgCodes: codes }).catch(registryUnavailable)
        : [];
      const alliances = await allianceRecords([...new Set(memberships.map((m) => m.allianceId))]);
      return codes.map((code) => {
        const inst = byCode.get(code);
        if (!inst) return UNKNOWN;
        return institutionAccess(principal, {
          orgCode: code,
          divisionCode: inst.divisionCode ?? '',
          allianceIds: memberships
            .filter((m) => m.orgCode === code && alliances.has(m.allianceId))
            .map((m) => allianceFacts(alliances.get(m.allianceId)!)),
        });
      });
    });
  }

  /** The decision for one scope. */
  check(kind: GuardedScope, code: string): Promise<Access> {
    if (this.principal.kind === 'NATIONAL') return Promise.resolve(ALLOW_ALL);
    switch (kind) {
      case 'REGION':
        return Promise.resolve(regionAccess(this.principal, code));
      case 'INSTITUTION':
        return this.institutions.load(code);
      default:
        return this.alliances.load(code);
    }
  }

  /** Throws FORBIDDEN for callers under small-count suppression asking for raw aggregates. */
  assertUnsuppressed(field: string): void {
    if (this.principal.suppressSmallCounts) {
      throw userError(
        ErrorCode.FORBIDDEN,
        `${field}: callers with small-count suppression read indicators, not raw aggregates (小数抑制：仅可查询指标)`,
      );
    }
  }

  /** Throws FORBIDDEN (on the field concerned) when the caller may not see the scope's data. */
  async assert(kind: GuardedScope, code: string): Promise<void> {
    const access = await this.check(kind, code);
    if (!access.allowed) {
      throw userError(
        ErrorCode.FORBIDDEN,
        `Not within the caller's scope: ${access.reason} (无权访问该范围的数据)`,
        { scope: { kind, code: code.slice(0, 32) } },
      );
    }
  }
}

const GUARDS = new WeakMap<object, AccessGuard>();

/** What a subgraph context offers the guard: the caller, and the sources if it reads a registry. */
export interface GuardedContext {
  readonly principal: Principal;
  readonly services?: object & { readonly sources?: SourceRegistry };
}

/** The request's guard, created on first use and kept on the context (its DataLoaders are per request). */
export function accessOf(ctx: GuardedContext): AccessGuard {
  let guard = GUARDS.get(ctx);
  if (!guard) {
    guard = new AccessGuard(ctx.principal, ctx.services?.sources ?? null);
    GUARDS.set(ctx, guard);
  }
  return guard;
}
