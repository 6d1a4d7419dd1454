/**
 * The workforce subgraph through the gateway over HTTP: Institution/Region `workforce` and
 * `familyDoctors`, its measures, a source that is down, and statements that do not grow with the
 * institutions asked. Values are worked out by hand in hrm-ins.fixture.ts and phs-fds.fixture.ts
 * (2019H1: time point 2019-06-30; 2019: 2019-12-31).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/databases';
import { buildWorkforceFixture, ORG } from '../fixtures/workforce.fixture';
import { useStack } from '../helpers/stack';
import { tempStoreConfig } from '../helpers/store';
import { gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

const WORKFORCE_FIELDS = `
  period asOf practitionersOnPost
  practitionersByCategory { category count }
  practitionersByTitleLevel { titleLevel count }
  generalPractitioners
  generalPractitionersByTraining { training count }
  multiSitePractitioners
  assignmentsOut { personTimes days longStays }
  assignmentsIn { personTimes days longStays }
  furtherTrainingSent { trainings days }
  furtherTrainingHosted { trainings days }
  recruits
  recruitsByDiscipline { discipline count }
  complete
  sources { id kind status institutions }
`;

const FAMILY_FIELDS = `
  period asOf signedPersons keyGroupPersons registeredPoorPersons onePlusOnePlusOnePersons
  teams teamGeneralPractitioners
  fees { contracts total insurance fiscal personal }
  complete
  sources { id kind status institutions }
`;

const REGION = `
  query Region($code: DivisionCode!, $period: Period!) {
    region(code: $code) {
      name
      workforce(period: $period) { ${WORKFORCE_FIELDS} }
      familyDoctors(period: $period) { ${FAMILY_FIELDS} }
    }
  }
`;

const hrmOk = (institutions: number): unknown => ({ id: 'hrm', kind: 'hrm', status: 'OK', institutions });
const fdsOk = (institutions: number): unknown => ({ id: 'fds', kind: 'fds', status: 'OK', institutions });

/** 汉阴县 610921, 2019H1: H2, T1 (= P1) and T2 (= P2) of the hrm fixture; P3 and U1 have no hrm rows. */
const HANYIN_2019H1_WORKFORCE = {
  period: '2019H1',
  asOf: '2019-06-30',
  // H2 D01 D15 D08; T1 D03 D04 D17; T2 D11 D16.
  practitionersOnPost: 8,
  practitionersByCategory: [
    { category: 'CLINICAL', count: 3 },
    { category: 'PUBLIC_HEALTH', count: 1 },
    { category: 'TCM', count: 2 },
    { category: 'NURSE', count: 1 },
    { category: 'OTHER', count: 1 },
  ],
  practitionersByTitleLevel: [
    { titleLevel: 'INTERMEDIATE', count: 2 },
    { titleLevel: 'JUNIOR', count: 3 },
    { titleLevel: 'NONE', count: 1 },
    { titleLevel: 'UNKNOWN', count: 2 },
  ],
  generalPractitioners: 4,
  generalPractitionersByTraining: [
    { training: 'NONE', count: 1 },
    { training: 'ASSISTANT_3_2', count: 1 },
    { training: 'TRANSFER', count: 1 },
    { training: 'UNKNOWN', count: 1 },
  ],
  // D08 (H2); D15's site ended on 06-30, D01's starts 07-01.
  multiSitePractitioners: 1,
  // Sent: H2→T2 A2 A3 A8. Received: H2→T2 and H1→T1 (A1 61 days + A5 10 days, A5 no 人次).
  assignmentsOut: { personTimes: 3, days: 210, longStays: 1 },
  assignmentsIn: { personTimes: 4, days: 281, longStays: 2 },
  // Sent: F1 T1→H2 122 days, F4 T1→H1 167 days. Hosted: F1.
  furtherTrainingSent: { trainings: 2, days: 289 },
  furtherTrainingHosted: { trainings: 1, days: 122 },
  recruits: 3,
  recruitsByDiscipline: [
    { discipline: 'EMERGENCY', count: 1 },
    { discipline: 'UNKNOWN', count: 2 },
  ],
  complete: true,
  sources: [hrmOk(5)],
};

describe.each<Engine>(['sqlite', 'mariadb'])(
  'the workforce subgraph through the gateway, sources on %s',
  (engine) => {
    const stack = useStack(() => buildWorkforceFixture(engine, 'hag_wf'));
    let url: string;
    beforeAll(() => {
      url = stack.gateway.url;
    });

    test('Institution.workforce and familyDoctors, 2019H1', async () => {
      const { status, body } = await gql(
        url,
        `query I($h2: OrgCode!, $p1: OrgCode!) {
         h2: institution(orgCode: $h2) { name workforce(period: "2019H1") { ${WORKFORCE_FIELDS} } }
         p1: institution(orgCode: $p1) { name familyDoctors(period: "2019H1") { ${FAMILY_FIELDS} } }
       }`,
        { h2: ORG.H2, p1: ORG.P1 },
      );
      expect(status).toBe(200);
      expect(body).toEqual({
        data: {
          h2: {
            name: '汉阴县人民医院',
            workforce: {
              period: '2019H1',
              asOf: '2019-06-30',
              // D01 CLINICAL/INTERMEDIATE, D15 CLINICAL/JUNIOR, D08 PUBLIC_HEALTH/INTERMEDIATE (D07 left on 06-30).
              practitionersOnPost: 3,
              practitionersByCategory: [
                { category: 'CLINICAL', count: 2 },
                { category: 'PUBLIC_HEALTH', count: 1 },
              ],
              practitionersByTitleLevel: [
                { titleLevel: 'INTERMEDIATE', count: 2 },
                { titleLevel: 'JUNIOR', count: 1 },
              ],
              generalPractitioners: 2,
              generalPractitionersByTraining: [
                { training: 'NONE', count: 1 },
                { training: 'ASSISTANT_3_2', count: 1 },
              ],
              multiSitePractitioners: 1,
              // A2 (90 days: long) A3 (89 days) A8; nothing sent to H2.
              assignmentsOut: { personTimes: 3, days: 210, longStays: 1 },
              assignmentsIn: { personTimes: 0, days: 0, longStays: 0 },
              furtherTrainingSent: { trainings: 0, days: 0 },
              furtherTrainingHosted: { trainings: 1, days: 122 },
              // EMERGENCY hired 06-30, discipline '' and NULL.
              recruits: 3,
              recruitsByDiscipline: [
                { discipline: 'EMERGENCY', count: 1 },
                { discipline: 'UNKNOWN', count: 2 },
              ],
              complete: true,
              sources: [hrmOk(1)],
            },
          },
          p1: {
            name: '汉阴县城关镇中心卫生院',
            familyDoctors: {
              period: '2019H1',
              asOf: '2019-06-30',
              // Teams T1 T2: C1 C2 C3 C5 C11 → K1 K2 K3 K9.
              signedPersons: 4,
              keyGroupPersons: 3,
              registeredPoorPersons: 1,
              onePlusOnePlusOnePersons: 1,
              teams: 2,
              teamGeneralPractitioners: 2,
              fees: null,
              complete: true,
              sources: [fdsOk(1)],
            },
          },
        },
      });
    });

    test('Region 汉阴县, 2019H1: its institutions (workforce) and residents (family doctors)', async () => {
      const { body } = await gql(url, REGION, { code: '610921', period: '2019H1' });
      expect(body).toEqual({
        data: {
          region: {
            name: '汉阴县',
            workforce: HANYIN_2019H1_WORKFORCE,
            familyDoctors: {
              period: '2019H1',
              asOf: '2019-06-30',
              // Residents of 610921: K1 K2 K3 K5 K6 K9.
              signedPersons: 6,
              keyGroupPersons: 4,
              registeredPoorPersons: 2,
              onePlusOnePlusOnePersons: 2,
              // P1 T1 T2 (G1 G2), P2 T3 T5 (G3).
              teams: 4,
              teamGeneralPractitioners: 3,
              // C1 C2 C5 C7 C8 C10 C11.
              fees: { contracts: 7, total: 870.5, insurance: 336, fiscal: 444, personal: 90.5 },
              complete: true,
              sources: [fdsOk(5)],
            },
          },
        },
      });
    });

    test('Region 安康市, 2019: both counties', async () => {
      const { body } = await gql(url, REGION, { code: '610900', period: '2019' });
      expect(body).toEqual({
        data: {
          region: {
            name: '安康市',
            workforce: {
              period: '2019',
              asOf: '2019-12-31',
              // 2019-06-30's eleven without D08, plus D02.
              practitionersOnPost: 11,
              practitionersByCategory: [
                { category: 'CLINICAL', count: 5 },
                { category: 'TCM', count: 2 },
                { category: 'NURSE', count: 1 },
                { category: 'PHARMACIST', count: 1 },
                { category: 'OTHER', count: 1 },
                { category: 'UNKNOWN', count: 1 },
              ],
              practitionersByTitleLevel: [
                { titleLevel: 'SENIOR', count: 1 },
                { titleLevel: 'INTERMEDIATE', count: 1 },
                { titleLevel: 'JUNIOR', count: 5 },
                { titleLevel: 'NONE', count: 1 },
                { titleLevel: 'UNKNOWN', count: 3 },
              ],
              generalPractitioners: 5,
              generalPractitionersByTraining: [
                { training: 'NONE', count: 1 },
                { training: 'ASSISTANT_3_2', count: 1 },
                { training: 'RESIDENCY_5_3', count: 1 },
                { training: 'TRANSFER', count: 1 },
                { training: 'UNKNOWN', count: 1 },
              ],
              // D09 (H1), D01 (H2), D16 (T2: its site starts on the point).
              multiSitePractitioners: 3,
              // H1→T1 1/133/1, H2→T2 TECH 3/210/1, H2→T1 MGMT 1/61/1 (open), H2→T2 unknown kind 1/10/0.
              assignmentsOut: { personTimes: 6, days: 414, longStays: 3 },
              assignmentsIn: { personTimes: 6, days: 414, longStays: 3 },
              // F1 184, F3 122 (open), F6 1, F4 351, F2 184.
              furtherTrainingSent: { trainings: 5, days: 842 },
              furtherTrainingHosted: { trainings: 5, days: 842 },
              recruits: 7,
              recruitsByDiscipline: [
                { discipline: 'EMERGENCY', count: 2 },
                { discipline: 'ANESTHESIA', count: 1 },
                { discipline: 'ICU', count: 1 },
                { discipline: 'OTHER', count: 1 },
                { discipline: 'UNKNOWN', count: 2 },
              ],
              complete: true,
              sources: [hrmOk(7)],
            },
            familyDoctors: {
              period: '2019',
              asOf: '2019-12-31',
              // 610921 K1 K2 K5 K6 + 610902 K7.
              signedPersons: 5,
              keyGroupPersons: 4,
              registeredPoorPersons: 1,
              onePlusOnePlusOnePersons: 2,
              // P1 T1 T2 (G1 G2), P2 T4 (G4).
              teams: 3,
              teamGeneralPractitioners: 3,
              fees: { contracts: 9, total: 1110.5, insurance: 432, fiscal: 564, personal: 114.5 },
              complete: true,
              sources: [fdsOk(7)],
            },
          },
        },
      });
    });

    test('measures: one statement per adapter function and source for the whole batch', async () => {
      const requests = [
        ['REGION', '610921', 'GP_COUNT', '2019H1'],
        ['INSTITUTION', ORG.H2, 'PRACTITIONERS_ON_POST', '2019H1'],
        ['REGION', '610900', 'ASSIGNMENT_PERSON_TIMES', '2019'],
        ['REGION', '610900', 'ASSIGNMENT_DAYS', '2019'],
        ['REGION', '610900', 'ASSIGNMENT_LONG_STAYS', '2019'],
        ['REGION', '610921', 'FURTHER_TRAINING_COUNT', '2019H1'],
        ['REGION', '610900', 'RECRUITS', '2019'],
        ['REGION', '610900', 'RECRUITS_EMERGENCY', '2019'],
        ['REGION', '610921', 'FD_SIGNED_PERSONS', '2019H1'],
        ['INSTITUTION', ORG.P1, 'FD_SIGNED_PERSONS', '2019H1'],
        ['REGION', '610921', 'FD_KEY_GROUP_PERSONS', '2019H1'],
        ['REGION', '610921', 'FD_REGISTERED_POOR_PERSONS', '2019H1'],
        ['REGION', '610921', 'FD_ONE_PLUS_ONE_PLUS_ONE_PERSONS', '2019H1'],
        ['REGION', '610921', 'FD_FEE_TOTAL', '2019H1'],
        ['REGION', '610921', 'FD_FEE_INSURANCE', '2019H1'],
        ['REGION', '610921', 'FD_FEE_FISCAL', '2019H1'],
        ['REGION', '610921', 'FD_FEE_PERSONAL', '2019H1'],
      ].map(([kind, code, measure, period]) => ({ scope: { kind, code }, period, measure }));
      const before = stack.sources.statementCount();
      const { body } = await gql(
        stack.subgraphs.workforce.url.replace(/\/graphql$/, ''),
        `query V($requests: [MeasureRequestInput!]!) { _measureValues(requests: $requests) { measure value complete sources { id status } } }`,
        { requests },
      );
      expect(body.errors).toBeUndefined();
      const values = (body.data as { _measureValues: Array<{ measure: string; value: number }> })
        ._measureValues;
      expect(values.map((v) => v.value)).toEqual([
        4, 3, 6, 414, 3, 2, 7, 2, 6, 4, 4, 2, 2, 870.5, 336, 444, 90.5,
      ]);
      expect(values.every((v) => JSON.stringify(v).includes('"complete":true'))).toBe(true);
      // Registry: the institution scopes, the division tree, the regions' institutions.
      // hrm: GPs, on post, assignments, training, recruits. fds: by county, by team institution, fees.
      expect(stack.sources.statementCount() - before).toBe(3 + 5 + 3);
    });

    test('a measure only served for regions, asked for an institution, fails with a stable code', async () => {
      const { body } = await gql(
        stack.subgraphs.workforce.url.replace(/\/graphql$/, ''),
        `{ _measureValues(requests: [{ scope: { kind: INSTITUTION, code: "${ORG.P1}" }, period: "2019", measure: "FD_FEE_TOTAL" }]) { value } }`,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    test('region { workforce } costs the same statements for a county as for the whole city', async () => {
      const query = (code: string): string =>
        `{ region(code: "${code}") { workforce(period: "2019H1") { practitionersOnPost generalPractitioners assignmentsOut { days } furtherTrainingSent { days } recruits } } }`;
      let before = stack.sources.statementCount();
      const county = await gql(url, query('610921'));
      const forCounty = stack.sources.statementCount() - before;
      before = stack.sources.statementCount();
      const city = await gql(url, query('610900'));
      const forCity = stack.sources.statementCount() - before;
      expect(county.body.errors).toBeUndefined();
      expect(city.body).toEqual({
        data: {
          region: {
            workforce: {
              practitionersOnPost: 11,
              generalPractitioners: 4,
              assignmentsOut: { days: 281 },
              furtherTrainingSent: { days: 289 },
              recruits: 4,
            },
          },
        },
      });
      // The institutions subgraph's division tree (for region(code)); here: the division tree, the
      // institutions of the counties, and the five hrm statements.
      expect([forCounty, forCity]).toEqual([8, 8]);
    });

    test('the children of the city answer in the same statements as one region', async () => {
      const before = stack.sources.statementCount();
      const { body } = await gql(
        url,
        `{ region(code: "610900") { children { code workforce(period: "2019H1") { practitionersOnPost } familyDoctors(period: "2019H1") { signedPersons } } } }`,
      );
      expect(body).toEqual({
        data: {
          region: {
            children: [
              { code: '610902', workforce: { practitionersOnPost: 3 }, familyDoctors: { signedPersons: 0 } },
              { code: '610921', workforce: { practitionersOnPost: 8 }, familyDoctors: { signedPersons: 6 } },
            ],
          },
        },
      });
      // Institutions subgraph: the division tree; here: the tree, the counties' institutions, one
      // hrm statement per fact and one fds statement per fact (by county, teams, fees).
      expect(stack.sources.statementCount() - before).toBe(1 + 2 + 5 + 3);
    });

    test('no person identifier in the schema', async () => {
      const { body } = await gql(
        stack.subgraphs.workforce.url.replace(/\/graphql$/, ''),
        '{ _service { sdl } }',
      );
      const sdl = (body.data as { _service: { sdl: string } })._service.sdl;
      expect(sdl).toMatch(/workforce\(/);
      expect(sdl).not.toMatch(/pract_?id|person_?key|cert_?hash/i);
    });
  },
);

describe('when the workforce registry is down', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startStack({
      sources: await buildWorkforceFixture('sqlite', 'hag_wf_down', {
        hrmUrl: `sqlite:${join(tmpdir(), 'hag-no-such-dir', 'hrm.sqlite')}`,
      }),
      port: 0,
      logger: quietLogger(),
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  test('the counts are null (not zero), incomplete, and the answer names the source', async () => {
    const { body } = await gql(stack.gateway.url, REGION, { code: '610921', period: '2019H1' });
    expect(body.errors).toBeUndefined();
    const region = (body.data as { region: Record<string, Record<string, unknown>> }).region;
    expect(region.workforce).toEqual({
      period: '2019H1',
      asOf: '2019-06-30',
      practitionersOnPost: null,
      practitionersByCategory: null,
      practitionersByTitleLevel: null,
      generalPractitioners: null,
      generalPractitionersByTraining: null,
      multiSitePractitioners: null,
      assignmentsOut: null,
      assignmentsIn: null,
      furtherTrainingSent: null,
      furtherTrainingHosted: null,
      recruits: null,
      recruitsByDiscipline: null,
      complete: false,
      sources: [{ id: 'hrm', kind: 'hrm', status: 'UNREACHABLE', institutions: 5 }],
    });
    // The family-doctor system still answers.
    expect(region.familyDoctors).toMatchObject({ signedPersons: 6, complete: true });
  });

  test('the measures are not counted', async () => {
    const { body } = await gql(
      stack.subgraphs.workforce.url.replace(/\/graphql$/, ''),
      `{ _measureValues(requests: [{ scope: { kind: REGION, code: "610921" }, period: "2019H1", measure: "GP_COUNT" }]) { value complete sources { id status } } }`,
    );
    expect(body).toEqual({
      data: {
        _measureValues: [{ value: null, complete: false, sources: [{ id: 'hrm', status: 'UNREACHABLE' }] }],
      },
    });
  });
});

describe('the workforce from the measure store (sqlite)', () => {
  const live = useStack(() => buildWorkforceFixture('sqlite', 'hag_wf_live'), { store: null });
  const stored = useStack(() => buildWorkforceFixture('sqlite', 'hag_wf_stored'), {
    store: tempStoreConfig('hag-wf-store'),
  });
  const statementsOf = (stack: RunningStack, kind: string): number =>
    stack.sources
      .all()
      .filter((s) => s.config.kind === kind)
      .reduce((n, s) => n + s.statements, 0);
  const hrm = (stack: RunningStack): number => statementsOf(stack, 'hrm');

  beforeAll(async () => {
    for (const store of stored.stores) await store.refresher.idle();
  });

  test.each([
    ['610921', '2019H1'],
    ['610900', '2019'],
  ])(
    'region %s, %s: family doctors (teams, signed persons, fees) from the store equal the live answer, with no statement to fds',
    async (code, period) => {
      const ask = async (stack: RunningStack): Promise<[number, unknown]> => {
        const before = statementsOf(stack, 'fds');
        const { body } = await gql(stack.gateway.url, REGION, { code, period });
        expect(body.errors).toBeUndefined();
        return [
          statementsOf(stack, 'fds') - before,
          (body.data as { region: { familyDoctors: unknown } }).region.familyDoctors,
        ];
      };
      const [liveStatements, fromLive] = await ask(live);
      const [storedStatements, fromStore] = await ask(stored);
      expect(fromStore).toEqual(fromLive);
      expect(fromLive).toMatchObject({ complete: true });
      expect(JSON.stringify(fromLive)).toMatch(/"teams":[1-9]/);
      expect(liveStatements).toBeGreaterThan(0);
      expect(storedStatements).toBe(0);
    },
  );

  test("each answer says up to which day it came from the store: the period's last day, null when live", async () => {
    const query = `query S($code: DivisionCode!, $period: Period!) { region(code: $code) {
        workforce(period: $period) { sources { id storedThrough } }
        familyDoctors(period: $period) { sources { id storedThrough } } } }`;
    const sourcesOf = async (stack: RunningStack, period: string): Promise<unknown> => {
      const { body } = await gql(stack.gateway.url, query, { code: '610921', period });
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const through = (day: string | null): unknown => ({
      region: {
        workforce: { sources: [{ id: 'hrm', storedThrough: day }] },
        familyDoctors: { sources: [{ id: 'fds', storedThrough: day }] },
      },
    });
    expect(await sourcesOf(stored, '2019H1')).toEqual(through('2019-06-30'));
    expect(await sourcesOf(stored, '2019')).toEqual(through('2019-12-31'));
    // A quarter is not a stored period kind: read live.
    expect(await sourcesOf(stored, '2019Q1')).toEqual(through(null));
    expect(await sourcesOf(live, '2019H1')).toEqual(through(null));
  });

  test.each([
    ['610921', '2019H1'],
    ['610900', '2019H1'],
    ['610900', '2019'],
  ])(
    'region %s, %s: dispatches, further training and recruits from the store equal the live answer, with no statement to hrm',
    async (code, period) => {
      const ask = async (stack: RunningStack): Promise<[number, unknown]> => {
        const before = hrm(stack);
        const { body } = await gql(stack.gateway.url, REGION, { code, period });
        expect(body.errors).toBeUndefined();
        return [hrm(stack) - before, (body.data as { region: { workforce: unknown } }).region.workforce];
      };
      const [liveStatements, fromLive] = await ask(live);
      const [storedStatements, fromStore] = await ask(stored);
      expect(fromStore).toEqual(fromLive);
      expect(fromLive).toMatchObject({ complete: true });
      expect(JSON.stringify(fromLive)).toMatch(/"assignmentsOut":\{"personTimes":[1-9]/);
      // Live: on post (with multi-site practice), GPs, dispatches, further training, recruits; stored: none.
      expect([liveStatements, storedStatements]).toEqual([5, 0]);
    },
  );
});
