import type { SignedPersonCounts } from '../../adapters/fds/model';
import type { AssignmentFlow, FurtherTrainingFlow } from '../../adapters/hrm/model';
import type { Period } from '../../schema/period';
import { ScopeKind } from '../common/measures';
import type { WorkforceContext } from './context';
import type { Gathered } from './view';
import { byClass, counted, sum } from './summaries';
import type { Counted, Scope } from './summaries';
import { GpTrainingType, PractitionerCategory, RecruitmentDiscipline, TitleLevel } from './types/enums';

/**
 * The facts of one scope and period, each from one per-request loader (so each adapter function
 * is one statement per source for the whole operation), aggregated in memory. Every fact is
 * `Counted`: null when no source of its kind answered.
 */

const CATEGORIES = Object.values(PractitionerCategory);
const TITLES = Object.values(TitleLevel);
const TRAININGS = Object.values(GpTrainingType);
const DISCIPLINES = Object.values(RecruitmentDiscipline);

export interface ClassCount<C extends string> {
  readonly cls: C;
  readonly count: number;
}

export interface OnPostTotals {
  readonly total: number;
  readonly byCategory: ReadonlyArray<ClassCount<PractitionerCategory>>;
  readonly byTitleLevel: ReadonlyArray<ClassCount<TitleLevel>>;
  readonly multiSite: number;
}

export interface GpTotals {
  readonly total: number;
  readonly byTraining: ReadonlyArray<ClassCount<GpTrainingType>>;
}

export interface FlowTotals {
  readonly personTimes: number;
  readonly days: number;
  readonly longStays: number;
}

export interface TrainingTotals {
  readonly trainings: number;
  readonly days: number;
}

export interface RecruitTotals {
  readonly total: number;
  readonly byDiscipline: ReadonlyArray<ClassCount<RecruitmentDiscipline>>;
}

export interface SigningTotals {
  readonly signedPersons: number;
  readonly keyGroupPersons: number;
  readonly registeredPoorPersons: number;
  readonly onePlusOnePlusOnePersons: number;
}

export interface TeamTotals {
  readonly teams: number;
  readonly generalPractitioners: number;
}

export interface FeeTotals {
  readonly contracts: number;
  readonly total: number;
  readonly insurance: number;
  readonly fiscal: number;
  readonly personal: number;
}

/** 在岗 practitioners at the period's last day, by main practice institution. */
export async function onPostFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<OnPostTotals>> {
  const facts = await ctx.registry.gather(ctx.registry.onPost, 'hrm', period, scope.orgCodes);
  return counted(facts, (rows) => ({
    total: sum(rows, (r) => r.practitioners),
    byCategory: byClass(
      rows,
      CATEGORIES,
      (r) => (r.category ?? 'UNKNOWN') as PractitionerCategory,
      (r) => r.practitioners,
    ),
    byTitleLevel: byClass(
      rows,
      TITLES,
      (r) => (r.titleLevel ?? 'UNKNOWN') as TitleLevel,
      (r) => r.practitioners,
    ),
    multiSite: sum(rows, (r) => r.multiSite),
  }));
}

/** 全科医生 on post at the period's last day. */
export async function gpFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<GpTotals>> {
  const facts = await ctx.registry.gather(ctx.registry.gps, 'hrm', period, scope.orgCodes);
  return counted(facts, (rows) => ({
    total: sum(rows, (r) => r.gps),
    byTraining: byClass(
      rows,
      TRAININGS,
      (r) => (r.training ?? 'UNKNOWN') as GpTrainingType,
      (r) => r.gps,
    ),
  }));
}

function flowTotals(rows: readonly AssignmentFlow[]): FlowTotals {
  return {
    personTimes: sum(rows, (r) => r.personTimes),
    days: sum(rows, (r) => r.days),
    longStays: sum(rows, (r) => r.longStays),
  };
}

/** 派驻 sent (from an institution of the scope) and received (to one), in the period. */
export async function assignmentFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<{ out: FlowTotals; in: FlowTotals }>> {
  const facts = await ctx.registry.gather(
    ctx.registry.assignments,
    'hrm',
    period,
    scope.orgCodes,
    (r) => `${r.period}|${r.fromOrgCode}|${r.toOrgCode}|${r.kind ?? ''}`,
  );
  const orgs = new Set(scope.orgCodes);
  return counted(facts, (rows) => ({
    out: flowTotals(rows.filter((r) => orgs.has(r.fromOrgCode))),
    in: flowTotals(rows.filter((r) => orgs.has(r.toOrgCode))),
  }));
}

function trainingTotals(rows: readonly FurtherTrainingFlow[]): TrainingTotals {
  return { trainings: sum(rows, (r) => r.trainings), days: sum(rows, (r) => r.days) };
}

/** 进修 of the scope's staff (home institution) and hosted by it (host institution), in the period. */
export async function trainingFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<{ sent: TrainingTotals; hosted: TrainingTotals }>> {
  const facts = await ctx.registry.gather(
    ctx.registry.trainings,
    'hrm',
    period,
    scope.orgCodes,
    (r) => `${r.period}|${r.homeOrgCode}|${r.hostOrgCode}`,
  );
  const orgs = new Set(scope.orgCodes);
  return counted(facts, (rows) => ({
    sent: trainingTotals(rows.filter((r) => orgs.has(r.homeOrgCode))),
    hosted: trainingTotals(rows.filter((r) => orgs.has(r.hostOrgCode))),
  }));
}

/** 引进人才 hired in the period. */
export async function recruitFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<RecruitTotals>> {
  const facts = await ctx.registry.gather(ctx.registry.recruitments, 'hrm', period, scope.orgCodes);
  return counted(facts, (rows) => ({
    total: sum(rows, (r) => r.recruits),
    byDiscipline: byClass(
      rows,
      DISCIPLINES,
      (r) => (r.discipline ?? 'UNKNOWN') as RecruitmentDiscipline,
      (r) => r.recruits,
    ),
  }));
}

/**
 * Signed persons at the period's last day: a region by the contracts' resident counties (each
 * person once per county, summed over the counties), an institution by its signing teams.
 */
export async function signingFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<SigningTotals>> {
  const facts: Gathered<SignedPersonCounts> =
    scope.kind === ScopeKind.REGION
      ? await ctx.registry.gather(ctx.registry.signedByDivision, 'fds', period, scope.counties)
      : await ctx.registry.gather(ctx.registry.signedByTeamOrg, 'fds', period, scope.orgCodes);
  return counted(facts, (rows) => ({
    signedPersons: sum(rows, (r) => r.signedPersons),
    keyGroupPersons: sum(rows, (r) => r.keyGroupPersons),
    registeredPoorPersons: sum(rows, (r) => r.registeredPoorPersons),
    onePlusOnePlusOnePersons: sum(rows, (r) => r.onePlusOnePlusOnePersons),
  }));
}

/** Family-doctor teams of the scope's institutions at the period's last day, and their GPs. */
export async function teamFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<TeamTotals>> {
  const facts = await ctx.registry.gather(ctx.registry.teams, 'fds', period, scope.orgCodes);
  return counted(facts, (rows) => ({
    teams: sum(rows, (r) => r.teams),
    generalPractitioners: sum(rows, (r) => r.generalPractitioners),
  }));
}

/**
 * Fees of the contracts signed in the period, by the residents' counties of a region. The
 * contract system gives no fees by team institution: an institution scope has none (null).
 */
export async function feeFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<FeeTotals>> {
  if (scope.kind !== ScopeKind.REGION) return { value: null, sources: [] };
  const facts = await ctx.registry.gather(ctx.registry.fees, 'fds', period, scope.counties);
  const fen = (n: number): number => Math.round(n * 100) / 100;
  return counted(facts, (rows) => ({
    contracts: sum(rows, (r) => r.contracts),
    total: fen(sum(rows, (r) => r.feeTotal)),
    insurance: fen(sum(rows, (r) => r.feeInsurance)),
    fiscal: fen(sum(rows, (r) => r.feeFiscal)),
    personal: fen(sum(rows, (r) => r.feePersonal)),
  }));
}
