import { parseSourcesConfig, SourceRegistry } from '../../adapters';
import { fdsAdapter } from '../../adapters/fds/adapter';
import { fdsTables } from '../../adapters/fds/contract';
import type { KeyGroup, KeyGroupCounts } from '../../adapters/fds/model';
import { phsAdapter } from '../../adapters/phs/adapter';
import { phsTables } from '../../adapters/phs/contract';
import { registryTables } from '../../adapters/registry/contract';
import type { SqlSource } from '../../adapters/sql/source';
import { parsePeriod } from '../../schema/period';
import { buildDatabases } from '../fixtures/databases';
import type { Engine } from '../fixtures/databases';
import {
  chronicRecords,
  contracts,
  divisions,
  followUps,
  ORG,
  surveyResponses,
  teamMembers,
  teams,
} from '../fixtures/phs-fds.fixture';
import { quietLogger } from '../helpers/quiet';

const Y2019 = parsePeriod('2019');
const H1 = parsePeriod('2019H1');
const Q3 = parsePeriod('2019Q3');

/** Key-group counts: the ones given, every other group 0. */
function groups(given: Partial<Record<KeyGroup, number>>): KeyGroupCounts {
  return {
    PREGNANT: 0,
    CHILD_0_6: 0,
    ELDERLY_60: 0,
    HYPERTENSION: 0,
    DIABETES_T2: 0,
    SEVERE_MENTAL: 0,
    TUBERCULOSIS: 0,
    DISABLED: 0,
    SPECIAL_FAMILY: 0,
    LOW_INCOME: 0,
    PRIORITY_CARE: 0,
    REGISTERED_POOR: 0,
    ...given,
  };
}

/** Rows in a stable order, whatever order the database returned them in. */
function sorted<T extends object>(rows: T[]): T[] {
  const key = (r: T): string =>
    JSON.stringify(
      Object.entries(r)
        .filter(([, v]) => typeof v !== 'object')
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe.each<Engine>(['sqlite', 'mariadb'])('phs and fds adapters on %s', (engine) => {
  let sources: SourceRegistry;
  let phs: SqlSource;
  let fds: SqlSource;

  /** Run one adapter call and check it sent exactly one statement. */
  async function once<T>(source: SqlSource, call: () => Promise<T>): Promise<T> {
    const before = source.statements;
    const result = await call();
    expect(source.statements - before).toBe(1);
    return result;
  }

  beforeAll(async () => {
    const urls = await buildDatabases(engine, 'hag_pf', [
      { name: 'registry', tables: registryTables, rows: { admin_division: divisions } },
      {
        name: 'phs',
        tables: phsTables,
        rows: { GW_MBDA: chronicRecords, GW_MBSF: followUps, survey_two_week: surveyResponses },
      },
      {
        name: 'fds',
        tables: fdsTables,
        rows: { fd_team: teams, fd_team_member: teamMembers, fd_contract: contracts },
      },
    ]);
    const config = parseSourcesConfig({
      queryTimeoutMs: 5000,
      sources: [
        { id: 'registry', kind: 'registry', url: urls.registry, answerCacheSeconds: 0 },
        { id: 'phs', kind: 'phs', url: urls.phs },
        { id: 'fds', kind: 'fds', url: urls.fds },
      ],
    });
    sources = new SourceRegistry(config, quietLogger());
    phs = sources.ofKinds(['phs'])[0];
    fds = sources.ofKinds(['fds'])[0];
  });
  afterAll(async () => {
    await sources.close();
  });

  test('chronic management: managed and standardized per period, org, county and disease', async () => {
    const rows = await once(phs, () => phsAdapter.chronicManagement(phs, { periods: [Y2019, H1, Q3] }));
    const row = (
      period: string,
      orgCode: string,
      divisionCode: string,
      disease: 'HYPERTENSION' | 'DIABETES_T2',
      managed: number,
      standardizedManaged: number,
    ): object => ({
      period,
      orgCode,
      divisionCode,
      disease,
      managed,
      standardizedManaged,
      requiredFollowUps: period === '2019' ? 4 : period === '2019H1' ? 2 : 1,
    });
    expect(sorted(rows)).toEqual(
      sorted([
        row('2019', ORG.P1, '610921', 'HYPERTENSION', 3, 1),
        row('2019', ORG.P1, '610921', 'DIABETES_T2', 1, 0),
        row('2019', ORG.P1, '610902', 'HYPERTENSION', 1, 0),
        row('2019', ORG.P2, '610921', 'DIABETES_T2', 1, 1),
        row('2019H1', ORG.P1, '610921', 'HYPERTENSION', 2, 1),
        row('2019H1', ORG.P1, '610921', 'DIABETES_T2', 1, 1),
        row('2019H1', ORG.P1, '610902', 'HYPERTENSION', 1, 0),
        row('2019H1', ORG.P2, '610921', 'DIABETES_T2', 1, 1),
        row('2019Q3', ORG.P1, '610921', 'HYPERTENSION', 2, 2),
        row('2019Q3', ORG.P2, '610921', 'DIABETES_T2', 1, 0),
      ]),
    );
  });

  test('chronic management filtered by managing institution and by county', async () => {
    const byOrg = await once(phs, () =>
      phsAdapter.chronicManagement(phs, { periods: [Y2019], orgCodes: [ORG.P2] }),
    );
    expect(byOrg).toEqual([
      {
        period: '2019',
        orgCode: ORG.P2,
        divisionCode: '610921',
        disease: 'DIABETES_T2',
        managed: 1,
        standardizedManaged: 1,
        requiredFollowUps: 4,
      },
    ]);
    const byCounty = await once(phs, () =>
      phsAdapter.chronicManagement(phs, { periods: [H1, H1], divisionCodes: ['610902'] }),
    );
    expect(byCounty).toEqual([
      {
        period: '2019H1',
        orgCode: ORG.P1,
        divisionCode: '610902',
        disease: 'HYPERTENSION',
        managed: 1,
        standardizedManaged: 0,
        requiredFollowUps: 2,
      },
    ]);
    expect(await phsAdapter.chronicManagement(phs, { periods: [Y2019], orgCodes: [] })).toEqual([]);
  });

  test('two-week survey sums per county and year', async () => {
    const rows = await once(phs, () => phsAdapter.twoWeekSurvey(phs, { years: [2018, 2019] }));
    expect(sorted(rows)).toEqual(
      sorted([
        { divisionCode: '610902', year: 2019, responses: 1, visits: 3, primaryFirstVisits: 1 },
        { divisionCode: '610921', year: 2018, responses: 1, visits: 1, primaryFirstVisits: 0 },
        { divisionCode: '610921', year: 2019, responses: 3, visits: 3, primaryFirstVisits: 2 },
      ]),
    );
    const one = await once(phs, () =>
      phsAdapter.twoWeekSurvey(phs, { years: [2019], divisionCodes: ['610902'] }),
    );
    expect(one).toEqual([
      { divisionCode: '610902', year: 2019, responses: 1, visits: 3, primaryFirstVisits: 1 },
    ]);
  });

  test('signed persons per county at the time points: once per person, flags, stops and pending', async () => {
    const rows = await once(fds, () => fdsAdapter.signedPersonsByDivision(fds, { periods: [H1, Y2019] }));
    expect(sorted(rows)).toEqual(
      sorted([
        {
          period: '2019H1',
          point: '20190630',
          divisionCode: '610921',
          signedPersons: 6,
          keyGroupPersons: 4,
          registeredPoorPersons: 2,
          onePlusOnePlusOnePersons: 2,
          keyGroups: groups({
            CHILD_0_6: 1,
            ELDERLY_60: 1,
            HYPERTENSION: 1,
            DIABETES_T2: 1,
            SEVERE_MENTAL: 1,
            TUBERCULOSIS: 1,
            SPECIAL_FAMILY: 1,
            REGISTERED_POOR: 2,
          }),
        },
        {
          period: '2019',
          point: '20191231',
          divisionCode: '610921',
          signedPersons: 4,
          keyGroupPersons: 3,
          registeredPoorPersons: 1,
          onePlusOnePlusOnePersons: 2,
          keyGroups: groups({ CHILD_0_6: 1, ELDERLY_60: 1, HYPERTENSION: 2, REGISTERED_POOR: 1 }),
        },
        {
          period: '2019',
          point: '20191231',
          divisionCode: '610902',
          signedPersons: 1,
          keyGroupPersons: 1,
          registeredPoorPersons: 0,
          onePlusOnePlusOnePersons: 0,
          keyGroups: groups({ DISABLED: 1, LOW_INCOME: 1, PRIORITY_CARE: 1 }),
        },
      ]),
    );
    const county = await once(fds, () =>
      fdsAdapter.signedPersonsByDivision(fds, { periods: [H1], divisionCodes: ['610902'] }),
    );
    expect(county).toEqual([]);
  });

  test('signed persons per team institution', async () => {
    const rows = await once(fds, () => fdsAdapter.signedPersonsByTeamOrg(fds, { periods: [H1, Y2019] }));
    expect(sorted(rows)).toEqual(
      sorted([
        {
          period: '2019H1',
          point: '20190630',
          orgCode: ORG.P1,
          signedPersons: 4,
          keyGroupPersons: 3,
          registeredPoorPersons: 1,
          onePlusOnePlusOnePersons: 1,
          keyGroups: groups({
            ELDERLY_60: 1,
            HYPERTENSION: 1,
            DIABETES_T2: 1,
            SEVERE_MENTAL: 1,
            TUBERCULOSIS: 1,
            SPECIAL_FAMILY: 1,
            REGISTERED_POOR: 1,
          }),
        },
        {
          period: '2019H1',
          point: '20190630',
          orgCode: ORG.P2,
          signedPersons: 2,
          keyGroupPersons: 1,
          registeredPoorPersons: 1,
          onePlusOnePlusOnePersons: 1,
          keyGroups: groups({ CHILD_0_6: 1, REGISTERED_POOR: 1 }),
        },
        {
          period: '2019',
          point: '20191231',
          orgCode: ORG.P1,
          signedPersons: 2,
          keyGroupPersons: 2,
          registeredPoorPersons: 0,
          onePlusOnePlusOnePersons: 1,
          keyGroups: groups({ ELDERLY_60: 1, HYPERTENSION: 2 }),
        },
        {
          period: '2019',
          point: '20191231',
          orgCode: ORG.P2,
          signedPersons: 3,
          keyGroupPersons: 2,
          registeredPoorPersons: 1,
          onePlusOnePlusOnePersons: 1,
          keyGroups: groups({
            CHILD_0_6: 1,
            DISABLED: 1,
            LOW_INCOME: 1,
            PRIORITY_CARE: 1,
            REGISTERED_POOR: 1,
          }),
        },
      ]),
    );
    const p2 = await once(fds, () =>
      fdsAdapter.signedPersonsByTeamOrg(fds, { periods: [Y2019], orgCodes: [ORG.P2] }),
    );
    expect(p2.map((r) => [r.orgCode, r.signedPersons])).toEqual([[ORG.P2, 3]]);
  });

  test('fee composition of the contracts signed in the period', async () => {
    const rows = await once(fds, () => fdsAdapter.feeComposition(fds, { periods: [H1, Y2019] }));
    expect(sorted(rows)).toEqual(
      sorted([
        {
          period: '2019H1',
          divisionCode: '610921',
          contracts: 7,
          persons: 6,
          feeTotal: 870.5,
          feeInsurance: 336,
          feeFiscal: 444,
          feePersonal: 90.5,
        },
        {
          period: '2019',
          divisionCode: '610921',
          contracts: 8,
          persons: 7,
          feeTotal: 990.5,
          feeInsurance: 384,
          feeFiscal: 504,
          feePersonal: 102.5,
        },
        {
          period: '2019',
          divisionCode: '610902',
          contracts: 1,
          persons: 1,
          feeTotal: 120,
          feeInsurance: 48,
          feeFiscal: 60,
          feePersonal: 12,
        },
      ]),
    );
  });

  test('teams existing at the time points, GP members and specialist teams', async () => {
    const rows = await once(fds, () => fdsAdapter.teams(fds, { periods: [H1, Y2019] }));
    const team = (
      period: string,
      point: string,
      orgCode: string,
      counts: [number, number, number, number],
    ): object => ({
      period,
      point,
      orgCode,
      teams: counts[0],
      generalPractitioners: counts[1],
      teamsWithGp: counts[2],
      specialistTeams: counts[3],
    });
    expect(sorted(rows)).toEqual(
      sorted([
        team('2019H1', '20190630', ORG.P1, [2, 2, 2, 1]),
        team('2019H1', '20190630', ORG.P2, [2, 1, 1, 0]),
        team('2019', '20191231', ORG.P1, [2, 2, 2, 1]),
        team('2019', '20191231', ORG.P2, [1, 1, 1, 1]),
      ]),
    );
    const p1 = await once(fds, () => fdsAdapter.teams(fds, { periods: [Y2019], orgCodes: [ORG.P1] }));
    expect(p1).toEqual([team('2019', '20191231', ORG.P1, [2, 2, 2, 1])]);
  });

  test('the fds connection cannot write', async () => {
    await expect(fds.query("DELETE FROM fd_contract WHERE contract_id = 'C1'")).rejects.toMatchObject({
      failure: 'QUERY_FAILED',
    });
  });
});
