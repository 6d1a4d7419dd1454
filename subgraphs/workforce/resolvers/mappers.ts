import { periodLastDay } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import { SourceReport } from '../../common/provenance';
import type { WorkforceContext } from '../context';
import {
  assignmentFact,
  feeFact,
  gpFact,
  onPostFact,
  recruitFact,
  signingFact,
  teamFact,
  trainingFact,
} from '../facts';
import type { FlowTotals, TrainingTotals } from '../facts';
import { isoDay, provenance } from '../summaries';
import type { Scope } from '../summaries';
import {
  StaffAssignmentCounts,
  PractitionerCategoryCount,
  RecruitmentDisciplineCount,
  FamilyDoctorSummary,
  FamilyDoctorFees,
  GpTrainingCount,
  PractitionerTitleCount,
  FurtherTrainingCounts,
  WorkforceSummary,
} from '../types/summary';

function flow(t: FlowTotals): StaffAssignmentCounts {
  return Object.assign(new StaffAssignmentCounts(), t);
}

function training(t: TrainingTotals): FurtherTrainingCounts {
  return Object.assign(new FurtherTrainingCounts(), t);
}

function reports(p: ReturnType<typeof provenance>): SourceReport[] {
  return p.sources.map((s) => Object.assign(new SourceReport(), s));
}

/** The workforce summary of a scope: five hrm facts, each batched across the operation. */
export async function workforceSummary(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<WorkforceSummary> {
  const [onPost, gps, assignments, trainings, recruits] = await Promise.all([
    onPostFact(ctx, scope, period),
    gpFact(ctx, scope, period),
    assignmentFact(ctx, scope, period),
    trainingFact(ctx, scope, period),
    recruitFact(ctx, scope, period),
  ]);
  const p = provenance([onPost, gps, assignments, trainings, recruits], scope.orgCodes.length);
  return Object.assign(new WorkforceSummary(), {
    period: period.id,
    asOf: isoDay(periodLastDay(period)),
    practitionersOnPost: onPost.value?.total ?? null,
    practitionersByCategory:
      onPost.value?.byCategory.map((c) =>
        Object.assign(new PractitionerCategoryCount(), { category: c.cls, count: c.count }),
      ) ?? null,
    practitionersByTitleLevel:
      onPost.value?.byTitleLevel.map((c) =>
        Object.assign(new PractitionerTitleCount(), { titleLevel: c.cls, count: c.count }),
      ) ?? null,
    generalPractitioners: gps.value?.total ?? null,
    generalPractitionersByTraining:
      gps.value?.byTraining.map((c) =>
        Object.assign(new GpTrainingCount(), { training: c.cls, count: c.count }),
      ) ?? null,
    multiSitePractitioners: onPost.value?.multiSite ?? null,
    assignmentsOut: assignments.value ? flow(assignments.value.out) : null,
    assignmentsIn: assignments.value ? flow(assignments.value.in) : null,
    furtherTrainingSent: trainings.value ? training(trainings.value.sent) : null,
    furtherTrainingHosted: trainings.value ? training(trainings.value.hosted) : null,
    recruits: recruits.value?.total ?? null,
    recruitsByDiscipline:
      recruits.value?.byDiscipline.map((c) =>
        Object.assign(new RecruitmentDisciplineCount(), { discipline: c.cls, count: c.count }),
      ) ?? null,
    complete: p.complete,
    sources: reports(p),
  });
}

/** The family-doctor summary of a scope: signing, teams and (for a region) fees, batched. */
export async function familyDoctorSummary(
  ctx: WorkforceContext,
  scope: Scope,
  period: Period,
): Promise<FamilyDoctorSummary> {
  const [signing, teams, fees] = await Promise.all([
    signingFact(ctx, scope, period),
    teamFact(ctx, scope, period),
    feeFact(ctx, scope, period),
  ]);
  const p = provenance([signing, teams, fees], scope.orgCodes.length);
  return Object.assign(new FamilyDoctorSummary(), {
    period: period.id,
    asOf: isoDay(periodLastDay(period)),
    signedPersons: signing.value?.signedPersons ?? null,
    keyGroupPersons: signing.value?.keyGroupPersons ?? null,
    registeredPoorPersons: signing.value?.registeredPoorPersons ?? null,
    onePlusOnePlusOnePersons: signing.value?.onePlusOnePlusOnePersons ?? null,
    teams: teams.value?.teams ?? null,
    teamGeneralPractitioners: teams.value?.generalPractitioners ?? null,
    fees: fees.value ? Object.assign(new FamilyDoctorFees(), fees.value) : null,
    complete: p.complete,
    sources: reports(p),
  });
}
