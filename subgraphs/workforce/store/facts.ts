import { fdsAdapter, hrmAdapter } from '../../../adapters';
import type {
  DivisionSignedPersons,
  FeeComposition,
  PaidContracts,
  TeamCounts,
  TeamOrgSignedPersons,
} from '../../../adapters/fds/model';
import type {
  AssignmentFlow,
  FurtherTrainingFlow,
  FurtherTrainingPersons,
  GeneralPractitioners,
  PracticeSites,
  PractitionersOnPost,
  PractitionersOnPostTotals,
  Recruitments,
} from '../../../adapters/hrm/model';
import { definePeriodFact } from '../../common/store/period-spec';
import type { PeriodFactSpec } from '../../common/store/period-spec';

/**
 * The workforce subgraph's facts the measure store keeps, whole per closed period (grain PERIOD):
 * states on a period's last day (practitioners and GPs on post, persons signed) and distinct counts
 * over the period (contracts signed and their fees) are not sums of days. Each is its adapter call,
 * as the live answer makes it.
 */
export const ON_POST_FACT = definePeriodFact<PractitionersOnPost>({
  name: 'practitionersOnPost',
  grain: 'PERIOD',
  fields: ['practitioners', 'multiSite'],
  codeField: 'orgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.practitionersOnPost(source, { periods, orgCodes }),
});

/**
 * The same state per institution only (PractitionersOnPostTotals): what the measures read, a row
 * per institution instead of one per category and title (a city's year: ~2,100 rows, not ~10,000).
 */
export const ON_POST_TOTALS_FACT = definePeriodFact<PractitionersOnPostTotals>({
  name: 'practitionersOnPostTotals',
  grain: 'PERIOD',
  fields: ['practitioners', 'multiSite', 'physiciansMultiSite'],
  codeField: 'orgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.practitionersOnPostTotals(source, { periods, orgCodes }),
});

export const GPS_FACT = definePeriodFact<GeneralPractitioners>({
  name: 'generalPractitioners',
  grain: 'PERIOD',
  fields: ['gps', 'scopeGeneralPractice'],
  codeField: 'orgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.generalPractitioners(source, { periods, orgCodes }),
});

/** 派驻/下派 between two institutions: stored under both ends, as the adapter matches either. */
export const ASSIGNMENTS_FACT = definePeriodFact<AssignmentFlow>({
  name: 'assignments',
  grain: 'PERIOD',
  fields: ['personTimes', 'persons', 'days', 'longStays', 'longStayPersons'],
  codeField: 'fromOrgCode',
  otherCodeField: 'toOrgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.assignments(source, { periods, orgCodes }),
});

/** 进修 between a home and a host institution: stored under both, as the adapter matches either. */
export const TRAININGS_FACT = definePeriodFact<FurtherTrainingFlow>({
  name: 'furtherTraining',
  grain: 'PERIOD',
  fields: ['trainings', 'persons', 'days', 'upTo6Months', 'upTo12Months', 'over12Months'],
  codeField: 'homeOrgCode',
  otherCodeField: 'hostOrgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.furtherTraining(source, { periods, orgCodes }),
});

export const TRAINING_PERSONS_FACT = definePeriodFact<FurtherTrainingPersons>({
  name: 'furtherTrainingPersons',
  grain: 'PERIOD',
  fields: ['persons'],
  codeField: 'homeOrgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.furtherTrainingPersons(source, { periods, orgCodes }),
});

/**
 * Physicians' sets of 'MULTI' practice sites on the period's last day, per main institution: the
 * registry's levels are applied when answering (practisingDownOf), so a stored period needs no
 * statement to the workforce registry and follows the registry's levels of the request.
 */
export const PRACTICE_SITES_FACT = definePeriodFact<PracticeSites>({
  name: 'practiceSites',
  grain: 'PERIOD',
  fields: ['physicians'],
  codeField: 'mainOrgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.physicianPracticeSites(source, { periods, orgCodes }),
});

export const RECRUITMENTS_FACT = definePeriodFact<Recruitments>({
  name: 'recruitments',
  grain: 'PERIOD',
  fields: ['recruits'],
  codeField: 'orgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.recruitments(source, { periods, orgCodes }),
});

const SIGNED_FIELDS = [
  'signedPersons',
  'keyGroupPersons',
  'registeredPoorPersons',
  'onePlusOnePlusOnePersons',
] as const;

export const SIGNED_BY_DIVISION_FACT = definePeriodFact<DivisionSignedPersons>({
  name: 'signedByDivision',
  grain: 'PERIOD',
  fields: SIGNED_FIELDS,
  codeField: 'divisionCode',
  kinds: ['fds'],
  fetch: (source, periods, divisionCodes) =>
    fdsAdapter.signedPersonsByDivision(source, { periods, divisionCodes }),
});

export const SIGNED_BY_TEAM_ORG_FACT = definePeriodFact<TeamOrgSignedPersons>({
  name: 'signedByTeamOrg',
  grain: 'PERIOD',
  fields: SIGNED_FIELDS,
  codeField: 'orgCode',
  kinds: ['fds'],
  fetch: (source, periods, orgCodes) => fdsAdapter.signedPersonsByTeamOrg(source, { periods, orgCodes }),
});

/** Family-doctor teams of each institution standing on the period's last day, with their GPs. */
export const TEAMS_FACT = definePeriodFact<TeamCounts>({
  name: 'teams',
  grain: 'PERIOD',
  fields: ['teams', 'generalPractitioners', 'teamsWithGp', 'specialistTeams'],
  codeField: 'orgCode',
  kinds: ['fds'],
  fetch: (source, periods, orgCodes) => fdsAdapter.teams(source, { periods, orgCodes }),
});

export const FEES_FACT = definePeriodFact<FeeComposition>({
  name: 'signingFees',
  grain: 'PERIOD',
  fields: ['contracts', 'persons', 'feeTotal', 'feeInsurance', 'feeFiscal', 'feePersonal'],
  codeField: 'divisionCode',
  kinds: ['fds'],
  fetch: (source, periods, divisionCodes) => fdsAdapter.feeComposition(source, { periods, divisionCodes }),
});

export const PAID_FACT = definePeriodFact<PaidContracts>({
  name: 'paidContracts',
  grain: 'PERIOD',
  fields: ['paidContracts'],
  codeField: 'divisionCode',
  kinds: ['fds'],
  fetch: (source, periods, divisionCodes) => fdsAdapter.paidContracts(source, { periods, divisionCodes }),
});

/** Every fact the workforce subgraph keeps in the store. */
export const WORKFORCE_STORED_FACTS: readonly PeriodFactSpec[] = [
  ON_POST_FACT,
  ON_POST_TOTALS_FACT,
  GPS_FACT,
  ASSIGNMENTS_FACT,
  TRAININGS_FACT,
  TRAINING_PERSONS_FACT,
  PRACTICE_SITES_FACT,
  RECRUITMENTS_FACT,
  SIGNED_BY_DIVISION_FACT,
  SIGNED_BY_TEAM_ORG_FACT,
  TEAMS_FACT,
  FEES_FACT,
  PAID_FACT,
];
