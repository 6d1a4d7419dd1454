import type { SignedPersonCounts } from '../../adapters/fds/model';
import type { AssignmentFlow, FurtherTrainingFlow } from '../../adapters/hrm/model';
import { overlaps } from '../../adapters';
import type { InstitutionRecord } from '../../adapters';
import { practisingDownOf } from '../../adapters/hrm/adapter';
import { HospitalLevel, InstitutionCategory, Ownership, RegionLevel } from '../../schema/enums';
import { periodEnd, periodLastDay } from '../../schema/period';
import type { Period } from '../../schema/period';
import { ScopeKind } from '../common/measures';
import type { WorkforceContext } from './context';
import type { Gathered } from './view';
import { byClass, counted, recordsOf, sum } from './summaries';
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
  /** Distinct persons of the contracts signed in the period (additive across counties). */
  readonly persons: number;
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

export interface OnPostCounts {
  readonly total: number;
  readonly multiSite: number;
  readonly physiciansMultiSite: number;
}

/**
 * 在岗 practitioners at the period's last day, totals only (the measures' read: a row per
 * institution, not per category and title as onPostFact's breakdowns need).
 */
export async function onPostCountsFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<OnPostCounts>> {
  return onPostCountsOf(ctx, period, scope.orgCodes);
}

function onPostCountsOf(
  ctx: WorkforceContext,
  period: Period,
  orgCodes: readonly string[],
): Promise<Counted<OnPostCounts>> {
  return ctx.registry.gather(ctx.registry.onPostTotals, 'hrm', period, orgCodes).then((facts) =>
    counted(facts, (rows) => ({
      total: sum(rows, (r) => r.practitioners),
      multiSite: sum(rows, (r) => r.multiSite),
      physiciansMultiSite: sum(rows, (r) => r.physiciansMultiSite),
    })),
  );
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
    persons: sum(rows, (r) => r.persons),
    total: fen(sum(rows, (r) => r.feeTotal)),
    insurance: fen(sum(rows, (r) => r.feeInsurance)),
    fiscal: fen(sum(rows, (r) => r.feeFiscal)),
    personal: fen(sum(rows, (r) => r.feePersonal)),
  }));
}

// ── Facts that classify institutions by the registry (the workforce subgraph reads it too) ──────

/** 政府办乡镇卫生院: ownership '1' and category C210/C220. */
export function isGovernmentTownshipCentre(r: InstitutionRecord): boolean {
  return (
    r.ownership === Ownership.GOVERNMENT &&
    (r.category === InstitutionCategory.CENTRAL_TOWNSHIP_HEALTH_CENTER ||
      r.category === InstitutionCategory.TOWNSHIP_HEALTH_CENTER)
  );
}

/** Open on the period's last day (统计时间点): the test, with the period's days worked out once. */
export function openAtPoint(period: Period): (r: InstitutionRecord) => boolean {
  const lastDay = periodLastDay(period);
  const end = periodEnd(period);
  return (r) => overlaps(r.openedOn, r.closedOn, lastDay, end);
}

/**
 * Level rank for "上级/下级": 三级 hospital 3, 二级 hospital 2, anything else 1 (primary care of
 * any hosp_level, 一级 and unrated institutions); an institution unknown to the registry 0.
 */
export function levelRank(r: InstitutionRecord | undefined): number {
  if (!r) return 0;
  if (r.primaryCare) return 1;
  if (r.level === HospitalLevel.LEVEL_3) return 3;
  if (r.level === HospitalLevel.LEVEL_2) return 2;
  return 1;
}

export interface GovernmentTownshipTotals {
  /** 政府办乡镇卫生院数 open at the point. */
  readonly centres: number;
  /** 全科医生 on post at them. */
  readonly gps: number;
  /** Of them, trained 助理全科 (3+2) or 全科规培 (5+3). */
  readonly trainedGps: number;
}

/** GPs of the 政府办乡镇卫生院 of the scope open at the period's last day. */
export async function governmentTownshipFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<GovernmentTownshipTotals>> {
  const openAt = openAtPoint(period);
  const centres = (await recordsOf(ctx, scope))
    .filter((r) => isGovernmentTownshipCentre(r) && openAt(r))
    .map((r) => r.orgCode);
  const facts = await ctx.registry.gather(ctx.registry.gps, 'hrm', period, centres);
  return counted(facts, (rows) => ({
    centres: centres.length,
    gps: sum(rows, (r) => r.gps),
    trainedGps: sum(rows, (r) =>
      r.training === 'ASSISTANT_3_2' || r.training === 'RESIDENCY_5_3' ? r.gps : 0,
    ),
  }));
}

/** 政府办乡镇卫生院数 open at the period's last day, from the registry alone. */
export async function governmentTownshipCentres(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  const records = await recordsOf(ctx, scope);
  const openAt = openAtPoint(period);
  return {
    value: records.filter((r) => isGovernmentTownshipCentre(r) && openAt(r)).length,
    sources: ctx.registry.idle('registry'),
  };
}

/**
 * 至少拥有 1 名全科医生的政府办乡镇卫生院数: the centres with a GP among the per-institution GP
 * counts the hrm database grouped (the same rows as 政府办乡镇卫生院全科医生数, so no statement of
 * its own; kept per period by the measure store with them).
 */
export async function governmentTownshipsWithGp(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  const openAt = openAtPoint(period);
  const centres = (await recordsOf(ctx, scope))
    .filter((r) => isGovernmentTownshipCentre(r) && openAt(r))
    .map((r) => r.orgCode);
  const facts = await ctx.registry.gather(ctx.registry.gps, 'hrm', period, centres);
  return counted(facts, (rows) => new Set(rows.filter((r) => r.gps > 0).map((r) => r.orgCode)).size);
}

export interface PrimaryCareWorkforce {
  /** 基层医疗卫生机构在岗人员数 (every category of the registry, on post at the point). */
  readonly staffOnPost: number;
  /** 基层医疗卫生机构中全科医生总数, and by post level (职称) 高级 / 中级. */
  readonly gps: number;
  readonly seniorGps: number;
  readonly intermediateGps: number;
}

/** The workforce of the scope's primary-care institutions (基层医疗卫生机构) at the period's last day. */
export async function primaryCareFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<PrimaryCareWorkforce>> {
  const primary = (await recordsOf(ctx, scope)).filter((r) => r.primaryCare).map((r) => r.orgCode);
  const [staff, gps] = await Promise.all([
    onPostCountsOf(ctx, period, primary),
    ctx.registry.gather(ctx.registry.gps, 'hrm', period, primary),
  ]);
  const s = { value: staff.value?.total ?? null, sources: staff.sources };
  const g = counted(gps, (rows) => ({
    gps: sum(rows, (r) => r.gps),
    senior: sum(rows, (r) => (r.titleLevel === 'SENIOR' ? r.gps : 0)),
    intermediate: sum(rows, (r) => (r.titleLevel === 'INTERMEDIATE' ? r.gps : 0)),
  }));
  return {
    value:
      s.value === null || g.value === null
        ? null
        : {
            staffOnPost: s.value,
            gps: g.value.gps,
            seniorGps: g.value.senior,
            intermediateGps: g.value.intermediate,
          },
    sources: s.sources,
  };
}

/** 区域内开展多点机构执业医师数: physicians (categories '1'–'4') on post with an active 'MULTI' site. */
export async function multiSitePhysiciansFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  const counts = await onPostCountsOf(ctx, period, scope.orgCodes);
  return { value: counts.value?.physiciansMultiSite ?? null, sources: counts.sources };
}

/**
 * 二级以上医院医师到下级医疗机构执业的人数: the physicians' sets of practice sites (distinct per
 * physician in SQL, stored per closed period), the registry's hospital levels applied here.
 */
export async function practisingDownFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  const [facts, levels] = await Promise.all([
    ctx.registry.gather(ctx.registry.practiceSites, 'hrm', period, scope.orgCodes),
    ctx.registry.hospitalsByLevel(),
  ]);
  return counted(facts, (rows) => sum(practisingDownOf(rows, levels), (r) => r.physicians));
}

export interface DownwardAssignments {
  /** 二级医院向基层下派的专业人员人次数 / 管理人员人次数. */
  readonly level2TechToPrimary: number;
  readonly level2MgmtToPrimary: number;
  /** 二级以上医疗机构向基层医疗卫生机构派出专业技术/管理人才的人次数 (every kind). */
  readonly hospitalToPrimary: number;
}

/**
 * Assignments starting in the period from a hospital of the scope to a primary-care institution
 * (levels from the registry); an alliance counts those between two of its members.
 */
export async function downwardAssignmentFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<DownwardAssignments>> {
  const [facts, registry] = await Promise.all([
    ctx.registry.gather(
      ctx.registry.assignments,
      'hrm',
      period,
      scope.orgCodes,
      (r) => `${r.period}|${r.fromOrgCode}|${r.toOrgCode}|${r.kind ?? ''}`,
    ),
    ctx.registry.institutionMap(),
  ]);
  const orgs = new Set(scope.orgCodes);
  return counted(facts, (rows) => {
    const down = rows.filter(
      (r) =>
        orgs.has(r.fromOrgCode) &&
        (scope.kind !== ScopeKind.ALLIANCE || orgs.has(r.toOrgCode)) &&
        registry.get(r.toOrgCode)?.primaryCare === true &&
        levelRank(registry.get(r.fromOrgCode)) >= 2,
    );
    const fromLevel2 = down.filter((r) => levelRank(registry.get(r.fromOrgCode)) === 2);
    return {
      level2TechToPrimary: sum(fromLevel2, (r) => (r.kind === 'TECH' ? r.personTimes : 0)),
      level2MgmtToPrimary: sum(fromLevel2, (r) => (r.kind === 'MGMT' ? r.personTimes : 0)),
      hospitalToPrimary: sum(down, (r) => r.personTimes),
    };
  });
}

/**
 * 基层医务人员去上级医院学习进修的人次数: trainings starting in the period of staff of a
 * primary-care institution of the scope at a host of higher level (an alliance: both members).
 */
export async function upwardTrainingFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  const [facts, registry] = await Promise.all([
    ctx.registry.gather(
      ctx.registry.trainings,
      'hrm',
      period,
      scope.orgCodes,
      (r) => `${r.period}|${r.homeOrgCode}|${r.hostOrgCode}`,
    ),
    ctx.registry.institutionMap(),
  ]);
  const orgs = new Set(scope.orgCodes);
  return counted(facts, (rows) =>
    sum(rows, (r) => {
      const home = registry.get(r.homeOrgCode);
      const counts =
        orgs.has(r.homeOrgCode) &&
        (scope.kind !== ScopeKind.ALLIANCE || orgs.has(r.hostOrgCode)) &&
        home?.primaryCare === true &&
        levelRank(registry.get(r.hostOrgCode)) > levelRank(home);
      return counts ? r.trainings : 0;
    }),
  );
}

/** 去上级医院学习进修的人数: distinct staff of the scope starting a training in the period (in SQL). */
export async function trainingPersonsFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  const facts = await ctx.registry.gather(ctx.registry.trainingPersons, 'hrm', period, scope.orgCodes);
  return counted(facts, (rows) => sum(rows, (r) => r.persons));
}

/** 已开展签约服务试点的地市数: cities of a region with a signed person at the period's last day. */
export async function signingCitiesFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  if (scope.kind !== ScopeKind.REGION) return { value: null, sources: [] };
  const [facts, index] = await Promise.all([
    ctx.registry.gather(ctx.registry.signedByDivision, 'fds', period, scope.counties),
    ctx.registry.divisions(),
  ]);
  return counted(facts, (rows) => {
    const cities = new Set<string>();
    for (const r of rows) {
      if (r.signedPersons <= 0) continue;
      const county = index.get(r.divisionCode);
      const city = county?.parentCode ? index.get(county.parentCode) : undefined;
      if (city && city.level === RegionLevel.CITY) cities.add(city.code);
    }
    return cities.size;
  });
}

/** Contracts signed in the period with a fee (是否设立签约服务费), by the residents' counties. */
export async function paidContractsFact(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<Counted<number>> {
  if (scope.kind !== ScopeKind.REGION) return { value: null, sources: [] };
  const facts = await ctx.registry.gather(ctx.registry.paid, 'fds', period, scope.counties);
  return counted(facts, (rows) => sum(rows, (r) => r.paidContracts));
}
