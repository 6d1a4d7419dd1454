import { memberDuring } from '../../adapters';
import type { InstitutionRecord } from '../../adapters';
import { ErrorCode, userError } from '../../schema/errors';
import { periodEnd, periodStart } from '../../schema/period';
import type { Period } from '../../schema/period';
import { ScopeKind } from '../common/measures';
import { SourceStatus } from '../common/provenance';
import { institutionsOfRegions } from '../common/registry-view';
import type { WorkforceContext } from './context';
import { mergeState } from './view';
import type { Gathered, SourceState } from './view';

/**
 * A scope of this subgraph: one institution, a region (its institutions and its counties), or an
 * alliance (its members during one period).
 */
export interface Scope {
  readonly kind: ScopeKind.INSTITUTION | ScopeKind.REGION | ScopeKind.ALLIANCE;
  readonly code: string;
  /** The institutions of the scope (one for an institution; those standing in a region's counties). */
  readonly orgCodes: readonly string[];
  /** The county-level divisions of a region's subtree (empty for an institution). */
  readonly counties: readonly string[];
  /** The registry records of the institutions, when the scope read them (regions). */
  readonly records?: readonly InstitutionRecord[];
}

export function institutionScope(orgCode: string): Scope {
  return { kind: ScopeKind.INSTITUTION, code: orgCode, orgCodes: [orgCode], counties: [] };
}

/** A region scope: the division tree (once per request) and its institutions (batched by county). */
export async function regionScope(code: string, ctx: WorkforceContext): Promise<Scope> {
  const lists = await institutionsOfRegions(ctx.registry, [code]);
  const counties = (await ctx.registry.divisions()).countiesUnder(code);
  const records = lists.get(code) ?? [];
  const orgCodes = records.map((o) => o.orgCode).sort();
  return { kind: ScopeKind.REGION, code, orgCodes, counties, records };
}

/** An alliance scope: its members during the period (the lead is a member); UNKNOWN_ALLIANCE else. */
export async function allianceScope(code: string, period: Period, ctx: WorkforceContext): Promise<Scope> {
  const [alliance, members] = await Promise.all([
    ctx.registry.allianceById.load(code),
    ctx.registry.allianceMembers.load(code),
  ]);
  if (!alliance)
    throw userError(ErrorCode.UNKNOWN_ALLIANCE, `No alliance ${code.slice(0, 64)} (医联体不存在)`);
  const start = periodStart(period);
  const end = periodEnd(period);
  const orgCodes = [
    ...new Set(members.filter((m) => memberDuring(m, start, end)).map((m) => m.orgCode)),
  ].sort();
  return { kind: ScopeKind.ALLIANCE, code, orgCodes, counties: [] };
}

/** The registry records of a scope's institutions (read once per operation, batched). */
export async function recordsOf(ctx: WorkforceContext, scope: Scope): Promise<InstitutionRecord[]> {
  if (scope.records) return [...scope.records];
  const found = await ctx.registry.institutionByCode.loadMany(scope.orgCodes);
  return found.flatMap((r) => {
    if (r instanceof Error) throw r;
    return r ? [r] : [];
  });
}

/** A value computed from some facts, and the sources behind it. */
export interface Counted<T> {
  /** null = not counted: no source of the kind answered (or none is configured). */
  readonly value: T | null;
  readonly sources: readonly SourceState[];
}

/** `compute(rows)` when at least one source answered, else null (missing is not zero). */
export function counted<R, T>(facts: Gathered<R>, compute: (rows: readonly R[]) => T): Counted<T> {
  const answered = facts.sources.some((s) => s.status === SourceStatus.OK);
  return { value: answered ? compute(facts.rows) : null, sources: facts.sources };
}

/** Sum of `value` over rows. */
export function sum<R>(rows: readonly R[], value: (row: R) => number): number {
  return rows.reduce((n, r) => n + value(r), 0);
}

/** Counts per class, in the order of `classes`, leaving out the empty ones. */
export function byClass<R, C extends string>(
  rows: readonly R[],
  classes: readonly C[],
  classOf: (row: R) => C,
  value: (row: R) => number,
): Array<{ cls: C; count: number }> {
  const totals = new Map<C, number>();
  for (const r of rows) totals.set(classOf(r), (totals.get(classOf(r)) ?? 0) + value(r));
  return classes.filter((c) => (totals.get(c) ?? 0) > 0).map((c) => ({ cls: c, count: totals.get(c)! }));
}

/** Provenance over several facts of one kind: per source, the first failure if any; complete when all answered. */
export function provenance(
  parts: ReadonlyArray<Counted<unknown>>,
  institutions: number,
): {
  complete: boolean;
  sources: Array<{
    id: string;
    kind: string;
    status: SourceStatus;
    institutions: number;
    storedThrough: string | null;
  }>;
} {
  const states = new Map<string, SourceState>();
  for (const p of parts) for (const s of p.sources) states.set(s.id, mergeState(states.get(s.id), s));
  const sources = [...states.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => ({
      id: s.id,
      kind: s.kind,
      status: s.status,
      institutions,
      storedThrough: s.storedThrough ?? null,
    }));
  return { complete: sources.length > 0 && sources.every((s) => s.status === SourceStatus.OK), sources };
}

/** `yyyyMMdd` → `yyyy-MM-dd`. */
export function isoDay(d: string): string {
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}
