import { fdsAdapter, hrmAdapter } from '../../../adapters';
import type {
  DivisionSignedPersons,
  FeeComposition,
  PaidContracts,
  TeamOrgSignedPersons,
} from '../../../adapters/fds/model';
import type { GeneralPractitioners, PractitionersOnPost } from '../../../adapters/hrm/model';
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

export const GPS_FACT = definePeriodFact<GeneralPractitioners>({
  name: 'generalPractitioners',
  grain: 'PERIOD',
  fields: ['gps', 'scopeGeneralPractice'],
  codeField: 'orgCode',
  kinds: ['hrm'],
  fetch: (source, periods, orgCodes) => hrmAdapter.generalPractitioners(source, { periods, orgCodes }),
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
  GPS_FACT,
  SIGNED_BY_DIVISION_FACT,
  SIGNED_BY_TEAM_ORG_FACT,
  FEES_FACT,
  PAID_FACT,
];
