import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/build';
import { ORG, buildServiceVolumeFixture } from '../fixtures/service-volume.fixture';
import { useStack } from '../helpers/stack';
import { tempStoreConfig } from '../helpers/store';
import { gql } from '../helpers/http';
import type { GraphQLBody } from '../helpers/http';

const VOLUME = `
  visits { total outpatient emergency tcm complete sources { id kind status institutions } }
  inpatient { discharges stayDays averageStay criticalPatients rescues feeTotal averageFee complete sources { id institutions } }
  beds { openBedDays occupiedBedDays occupancyRate complete }
  surgeries { total byGrade { grade count } daySurgeries electiveSurgeries complete }
  ctReportTime { reportedStudies totalMinutes averageMinutes complete sources { id kind status institutions } }
  chronicManagement { diseases { disease managed standardized requiredFollowUps } complete sources { id kind status institutions } }
  twoWeekSurvey { year responses visits primaryFirstVisits complete }
`;

const his = (id: string, kind: string, institutions: number): Record<string, unknown> => ({
  id,
  kind,
  status: 'OK',
  institutions,
});

function data(body: GraphQLBody): Record<string, unknown> {
  expect(body.errors).toBeUndefined();
  return body.data as Record<string, unknown>;
}

describe.each<Engine>(['sqlite', 'mariadb'])(
  'the institutions subgraph through the gateway, sources on %s',
  (engine) => {
    const stack = useStack(() => buildServiceVolumeFixture(engine, 'hag_inst'));
    let url: string;
    beforeAll(() => {
      url = stack.gateway.url;
    });

    test('statistics: own rows, a city summed from its counties (derived), nothing for 2018; one statement', async () => {
      const before = stack.sources.statementCount();
      const { body } = await gql(
        url,
        `{ province: region(code: "610000") { statistics(year: 2019) { year derived householdPop lifeExpectancy } }
         city: region(code: "610900") {
           statistics(year: 2019) {
             year derived householdPop householdUrbanPop residentPop poorPop liveBirths infantDeaths maternalDeaths lifeExpectancy
           }
           earlier: statistics(year: 2018) { householdPop }
           children { code statistics(year: 2019) { derived householdPop maternalDeaths lifeExpectancy } }
         } }`,
      );
      expect(data(body)).toEqual({
        province: { statistics: { year: 2019, derived: false, householdPop: 3000000, lifeExpectancy: 77.1 } },
        city: {
          statistics: {
            year: 2019,
            derived: true,
            householdPop: 1300000,
            householdUrbanPop: 700000,
            residentPop: 1350000,
            poorPop: null,
            liveBirths: 11500,
            infantDeaths: 70,
            // 610921 does not give it: a sum with an unknown part is unknown.
            maternalDeaths: null,
            // Not summable.
            lifeExpectancy: null,
          },
          earlier: null,
          children: [
            {
              code: '610902',
              statistics: { derived: false, householdPop: 1000000, maternalDeaths: 1, lifeExpectancy: 76.5 },
            },
            {
              code: '610921',
              statistics: { derived: false, householdPop: 300000, maternalDeaths: null, lifeExpectancy: 75 },
            },
          ],
        },
      });
      // The division tree, and division_stat for both years in one statement.
      expect(stack.sources.statementCount() - before).toBe(2);
    });

    test('institution lists: pages by cursor, filters, Query.institutions', async () => {
      const page = `query P($after: String) { region(code: "610921") {
      institutions(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { orgCode name } } }
    } }`;
      const first = data((await gql(url, page)).body) as {
        region: { institutions: { pageInfo: { endCursor: string } } & Record<string, unknown> };
      };
      expect(first.region.institutions).toMatchObject({
        totalCount: 6,
        pageInfo: { hasNextPage: true },
        edges: [
          { node: { orgCode: ORG.HB, name: '汉阴县人民医院' } },
          { node: { orgCode: ORG.HA, name: '汉阴县中医医院' } },
          { node: { orgCode: ORG.PB, name: '汉阴县城关镇中心卫生院' } },
          { node: { orgCode: ORG.PA, name: '汉阴县涧池镇卫生院' } },
        ],
      });
      const second = data(
        (await gql(url, page, { after: first.region.institutions.pageInfo.endCursor })).body,
      );
      expect(second).toEqual({
        region: {
          institutions: {
            totalCount: 6,
            pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
            edges: [
              { node: { orgCode: ORG.PS, name: '汉阴县双河口镇卫生院' } },
              { node: { orgCode: ORG.MC, name: '汉阴县妇幼保健院（计划生育服务中心）' } },
            ],
          },
        },
      });

      const filtered = await gql(
        url,
        `{ county: region(code: "610921") { primary: institutions(primaryCare: true) { edges { node { orgCode } } } }
         city: region(code: "610900") {
           level2: institutions(level: LEVEL_2) { totalCount edges { node { orgCode } } }
           general: institutions(category: GENERAL_HOSPITAL) { edges { node { orgCode } } }
           closed: institutions(openDuring: "1999") { totalCount }
           open: institutions(openDuring: "2019H1") { totalCount }
         }
         district: institutions(divisionCode: "610902") { edges { node { orgCode } } }
         all: institutions(first: 2) { totalCount pageInfo { hasNextPage } edges { node { orgCode } } } }`,
      );
      const nodes = (...codes: string[]): Array<{ node: { orgCode: string } }> =>
        codes.map((orgCode) => ({ node: { orgCode } }));
      expect(data(filtered.body)).toEqual({
        county: { primary: { edges: nodes(ORG.PB, ORG.PA, ORG.PS) } },
        city: {
          level2: { totalCount: 4, edges: nodes(ORG.BR, ORG.HB, ORG.HA, ORG.MC) },
          general: { edges: nodes(ORG.CY, ORG.BR, ORG.HB) },
          // Every institution opened on 2000-01-01.
          closed: { totalCount: 0 },
          open: { totalCount: 8 },
        },
        district: { edges: nodes(ORG.CY, ORG.BR) },
        all: { totalCount: 8, pageInfo: { hasNextPage: true }, edges: nodes(ORG.CY, ORG.BR) },
      });

      const bad = await gql(url, '{ institutions(after: "bm90LWEtY3Vyc29y") { totalCount } }');
      expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const foreign = await gql(
        url,
        `{ region(code: "610902") { institutions(after: "${Buffer.from(`k:${ORG.HB}`).toString('base64url')}") { totalCount } } }`,
      );
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    test('serviceVolume of one institution (vendor B, LIS) and of the county summing both HIS vendors', async () => {
      const { body } = await gql(
        url,
        `{ hb: institution(orgCode: "${ORG.HB}") { serviceVolume(period: "2019H1") { scopeKind scopeCode period ${VOLUME} } }
         pb: institution(orgCode: "${ORG.PB}") { serviceVolume(period: "2019H1") { chronicManagement { diseases { disease managed standardized } } } }
         county: region(code: "610921") { serviceVolume(period: "2019H1") { ${VOLUME} } }
         year: region(code: "610921") { serviceVolume(period: "2019") { twoWeekSurvey { year responses visits primaryFirstVisits complete sources { id } } } } }`,
      );
      const d = data(body);
      expect(d.hb).toEqual({
        serviceVolume: {
          scopeKind: 'INSTITUTION',
          scopeCode: ORG.HB,
          period: '2019H1',
          // outpatient_visit: 5 DONE in 2019H1 (NO_SHOW and 2019-07-01 left out), one ER.
          visits: {
            total: 5,
            outpatient: 4,
            emergency: 1,
            tcm: 0,
            complete: true,
            sources: [his('his-b', 'his_b', 1)],
          },
          // b1 7 + b2 1 + b6 14 + b3 1 + b13 5 + b7 10 days; fees 68000 / 6.
          inpatient: {
            discharges: 6,
            stayDays: 38,
            averageStay: 38 / 6,
            criticalPatients: 2,
            rescues: 3,
            feeTotal: 68000,
            averageFee: 11333.33,
            complete: true,
            sources: [{ id: 'his-b', institutions: 1 }],
          },
          // 600 + 310 open, 510 + 270 occupied.
          beds: { openBedDays: 910, occupiedBedDays: 780, occupancyRate: (780 / 910) * 100, complete: true },
          surgeries: {
            total: 5,
            byGrade: [
              { grade: 2, count: 1 },
              { grade: 3, count: 2 },
              { grade: 4, count: 2 },
            ],
            daySurgeries: 0,
            electiveSurgeries: 3,
            complete: true,
          },
          // I1 60 + I2 30 minutes.
          ctReportTime: {
            reportedStudies: 2,
            totalMinutes: 90,
            averageMinutes: 45,
            complete: true,
            sources: [his('lis', 'lis', 1)],
          },
          // HB manages no record: zero, counted.
          chronicManagement: {
            diseases: [
              { disease: 'HYPERTENSION', managed: 0, standardized: 0, requiredFollowUps: 2 },
              { disease: 'DIABETES_T2', managed: 0, standardized: 0, requiredFollowUps: 2 },
            ],
            complete: true,
            sources: [his('phs', 'phs', 1)],
          },
          twoWeekSurvey: null,
        },
      });
      expect(d.pb).toEqual({
        serviceVolume: {
          chronicManagement: {
            diseases: [
              { disease: 'HYPERTENSION', managed: 2, standardized: 1 },
              { disease: 'DIABETES_T2', managed: 1, standardized: 1 },
            ],
          },
        },
      });
      expect(d.county).toEqual({
        serviceVolume: {
          // HA 6 + PA 2 + HB 5 + PB 2; PS and MC are open and held by no HIS: incomplete.
          visits: {
            total: 15,
            outpatient: 13,
            emergency: 2,
            tcm: 0,
            complete: false,
            sources: [his('his-a', 'his_a', 2), his('his-b', 'his_b', 2)],
          },
          // inpatient.fixture.ts: 25 discharges, 126 stay days (5.04), rescues 7 + 4, fees 180301.75.
          inpatient: {
            discharges: 25,
            stayDays: 126,
            averageStay: 5.04,
            criticalPatients: 7,
            rescues: 11,
            feeTotal: 180301.75,
            averageFee: 7212.07,
            complete: false,
            sources: [
              { id: 'his-a', institutions: 2 },
              { id: 'his-b', institutions: 2 },
            ],
          },
          beds: {
            openBedDays: 1282,
            occupiedBedDays: 1069,
            occupancyRate: (1069 / 1282) * 100,
            complete: false,
          },
          surgeries: {
            total: 15,
            byGrade: [
              { grade: 1, count: 2 },
              { grade: 2, count: 2 },
              { grade: 3, count: 4 },
              { grade: 4, count: 4 },
              { grade: null, count: 3 },
            ],
            daySurgeries: 3,
            electiveSurgeries: 8,
            complete: false,
          },
          ctReportTime: {
            reportedStudies: 2,
            totalMinutes: 90,
            averageMinutes: 45,
            complete: false,
            sources: [his('lis', 'lis', 1)],
          },
          // Managed by PB and PA (D5's resident lives in 610902, D6 is managed by BR in 610902).
          chronicManagement: {
            diseases: [
              { disease: 'HYPERTENSION', managed: 2, standardized: 1, requiredFollowUps: 2 },
              { disease: 'DIABETES_T2', managed: 2, standardized: 1, requiredFollowUps: 2 },
            ],
            complete: true,
            sources: [his('phs', 'phs', 6)],
          },
          // A half-year has no survey.
          twoWeekSurvey: null,
        },
      });
      expect(d.year).toEqual({
        serviceVolume: {
          twoWeekSurvey: {
            year: 2019,
            responses: 3,
            visits: 3,
            primaryFirstVisits: 2,
            complete: true,
            sources: [{ id: 'phs' }],
          },
        },
      });
    });

    test('the same facts as measures, for the indicator engine', async () => {
      const county = [
        'DISCHARGES',
        'BED_DAYS_OPEN',
        'BED_DAYS_OCCUPIED',
        'STAY_DAYS',
        'SURGERIES',
        'SURGERIES_GRADE_3',
        'SURGERIES_GRADE_4',
        'DAY_SURGERIES',
        'ELECTIVE_SURGERIES',
        'CRITICAL_PATIENTS',
        'RESCUES',
        'CT_REPORT_MINUTES',
        'CT_REPORTS',
        'HTN_MANAGED',
        'HTN_STANDARDIZED',
        'DM_MANAGED',
        'DM_STANDARDIZED',
        'VISITS_TOTAL',
      ];
      const requests = [
        ...county.map((measure) => ({
          scope: { kind: 'REGION', code: '610921' },
          period: '2019H1',
          measure,
        })),
        { scope: { kind: 'INSTITUTION', code: ORG.HB }, period: '2019H1', measure: 'DISCHARGES' },
        { scope: { kind: 'REGION', code: '610900' }, period: '2019', measure: 'SURVEY_VISITS' },
        { scope: { kind: 'REGION', code: '610900' }, period: '2019', measure: 'SURVEY_PRIMARY_FIRST_VISITS' },
        { scope: { kind: 'REGION', code: '610900' }, period: '2019H1', measure: 'CT_REPORT_MINUTES' },
      ];
      const before = stack.sources.statementCount();
      const { body } = await gql(
        stack.subgraphs.institutions.url.replace(/\/graphql$/, ''),
        `query V($requests: [MeasureRequestInput!]!) { _measureValues(requests: $requests) { scopeCode measure value complete } }`,
        { requests },
      );
      const values = (data(body) as { _measureValues: Array<{ value: number | null }> })._measureValues;
      expect(values.map((v) => v.value)).toEqual([
        25, 1282, 1069, 126, 15, 4, 4, 3, 8, 7, 11, 90, 2, 2, 1, 2, 1, 15, 6, 6, 3, 210,
      ]);
      // Registry: division tree, county institutions, HB by code; HIS: visits, discharges, surgeries,
      // beds × 2 sources; LIS 1; phs: chronic 1, survey 1.
      expect(stack.sources.statementCount() - before).toBe(3 + 8 + 1 + 2);
      const { body: catalog } = await gql(
        stack.subgraphs.institutions.url.replace(/\/graphql$/, ''),
        '{ _measureCatalog { code scopeKinds granularities } }',
      );
      const survey = (data(catalog) as { _measureCatalog: Array<{ code: string }> })._measureCatalog.find(
        (m) => m.code === 'SURVEY_VISITS',
      );
      expect(survey).toEqual({ code: 'SURVEY_VISITS', scopeKinds: ['REGION'], granularities: ['YEAR'] });
    });

    test("the service volume of a county's institutions costs the same statements as the whole city's", async () => {
      const query = (code: string): string =>
        `{ region(code: "${code}") { institutions { edges { node { orgCode serviceVolume(period: "2019H1") { ${VOLUME} } } } } } }`;
      let before = stack.sources.statementCount();
      const county = await gql(url, query('610921'));
      const forCounty = stack.sources.statementCount() - before;
      before = stack.sources.statementCount();
      const city = await gql(url, query('610900'));
      const forCity = stack.sources.statementCount() - before;
      type Nodes = {
        region: {
          institutions: {
            edges: Array<{ node: { orgCode: string; serviceVolume: { visits: { total: number | null } } } }>;
          };
        };
      };
      const countyNodes = (data(county.body) as Nodes).region.institutions.edges;
      const cityNodes = (data(city.body) as Nodes).region.institutions.edges;
      expect(countyNodes).toHaveLength(6);
      expect(cityNodes).toHaveLength(8);
      // Held by no HIS: not counted (null), never zero.
      expect(cityNodes.map((e) => [e.node.orgCode, e.node.serviceVolume.visits.total])).toEqual([
        [ORG.CY, null],
        [ORG.BR, null],
        [ORG.HB, 5],
        [ORG.HA, 6],
        [ORG.PB, 2],
        [ORG.PA, 2],
        [ORG.PS, null],
        [ORG.MC, null],
      ]);
      // Registry: division tree, institutions of the counties; per HIS source: visits, discharges,
      // beds, surgeries; LIS: CT; phs: chronic management.
      expect([forCounty, forCity]).toEqual([12, 12]);
    });

    test("_entities: 2 institutions' service volume cost the same statements as all 8", async () => {
      const entities = async (codes: readonly string[]): Promise<number> => {
        const before = stack.sources.statementCount();
        const { body } = await gql(
          stack.subgraphs.institutions.url.replace(/\/graphql$/, ''),
          `query E($representations: [_Any!]!) {
           _entities(representations: $representations) { ... on Institution { orgCode serviceVolume(period: "2019H1") { ${VOLUME} } } }
         }`,
          { representations: codes.map((orgCode) => ({ __typename: 'Institution', orgCode })) },
        );
        expect(body.errors).toBeUndefined();
        return stack.sources.statementCount() - before;
      };
      const forTwo = await entities([ORG.HA, ORG.HB]);
      const forAll = await entities(Object.values(ORG));
      // Registry: institutions by code; 4 per HIS source, LIS 1, phs 1.
      expect([forTwo, forAll]).toEqual([11, 11]);
    });
  },
);

describe('public health from the measure store (sqlite)', () => {
  const live = useStack(() => buildServiceVolumeFixture('sqlite', 'hag_inst_live'), { store: null });
  const stored = useStack(() => buildServiceVolumeFixture('sqlite', 'hag_inst_stored'), {
    store: tempStoreConfig('hag-phs-store'),
  });
  const phs = (stack: RunningStack): number =>
    stack.sources
      .all()
      .filter((s) => s.config.kind === 'phs')
      .reduce((n, s) => n + s.statements, 0);

  beforeAll(async () => {
    for (const store of stored.stores) await store.refresher.idle();
  });

  test('the two-week survey of a year and chronic management from the store equal the live answer, with no statement to phs', async () => {
    const query = `{ county: region(code: "610921") { serviceVolume(period: "2019") {
        twoWeekSurvey { year responses visits primaryFirstVisits complete sources { id status } }
        chronicManagement { diseases { disease managed standardized } } } }
      half: region(code: "610921") { serviceVolume(period: "2019H1") { twoWeekSurvey { year } } } }`;
    const ask = async (stack: RunningStack): Promise<[number, unknown]> => {
      const before = phs(stack);
      const { body } = await gql(stack.gateway.url, query);
      expect(body.errors).toBeUndefined();
      return [phs(stack) - before, body.data];
    };
    const [liveStatements, fromLive] = await ask(live);
    const [storedStatements, fromStore] = await ask(stored);
    expect(fromStore).toEqual(fromLive);
    expect(fromLive).toMatchObject({
      county: { serviceVolume: { twoWeekSurvey: { year: 2019, complete: true } } },
      half: { serviceVolume: { twoWeekSurvey: null } },
    });
    expect(JSON.stringify(fromLive)).toMatch(/"responses":[1-9]/);
    expect([liveStatements, storedStatements]).toEqual([2, 0]);
    // The store's answer says so: the survey's phs source stored through the year's last day.
    const through = async (stack: RunningStack): Promise<unknown> => {
      const { body } = await gql(
        stack.gateway.url,
        `{ region(code: "610921") { serviceVolume(period: "2019") { twoWeekSurvey { sources { id storedThrough } } } } }`,
      );
      expect(body.errors).toBeUndefined();
      return (body.data as { region: { serviceVolume: { twoWeekSurvey: unknown } } }).region.serviceVolume
        .twoWeekSurvey;
    };
    expect(await through(stored)).toEqual({ sources: [{ id: 'phs', storedThrough: '2019-12-31' }] });
    expect(await through(live)).toEqual({ sources: [{ id: 'phs', storedThrough: null }] });
  });
});
