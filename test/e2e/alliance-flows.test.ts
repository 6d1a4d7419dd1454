import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import { buildAllianceFlowsFixture } from '../fixtures/alliances.fixture';
import type { Engine } from '../fixtures/build';
import { ORG } from '../fixtures/regional-flows.fixture';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

/** Hand computations: test/fixtures/alliances.fixture.ts (alliance flows) and regional-flows.fixture.ts. */

const FLOWS = `
  query Flows($id: String!) {
    alliance(id: $id) {
      id
      support(period: "2019H1") {
        activities complete
        byKind { kind activities amountYuan equipmentOver300k }
        sources { id kind status institutions }
      }
      referrals(period: "2019H1") {
        total up down lateral undetermined receivedUpByLead mismatches complete
        byDiseaseGroup { group up down total }
        sources { id status institutions }
      }
      telemedicine(period: "2019H1") {
        sessions complete
        byService { service sessions }
        sources { id status institutions }
      }
      mutualRecognition(period: "2019H1") {
        labReports labRecognized imagingStudies imagingRecognized recognized uncoveredMembers complete
        sources { id kind status institutions }
      }
    }
  }
`;

const SUPPORT_KINDS = [
  'NEW_TECH',
  'NEW_PROJECT',
  'SPECIALTY',
  'EQUIPMENT',
  'EXPERT_CLINIC',
  'TEACHING_ROUND',
  'LECTURE',
  'TEACHING_SURGERY',
  'MGMT_OUTPUT',
];
const GROUPS = ['CEREBROVASCULAR', 'HYPERTENSION', 'DIABETES', 'COPD', 'NEOPLASM', 'OTHER'];
const SERVICES = ['CONSULT', 'IMAGING', 'ECG', 'PATHOLOGY', 'TEACHING', 'TRAINING', 'FOLLOWUP', 'OTHER'];

type Counts = Record<string, number>;

const byKind = (given: Record<string, [number, number | null, number]>): unknown[] =>
  SUPPORT_KINDS.map((kind) => {
    const [activities, amountYuan, equipmentOver300k] = given[kind] ?? [0, null, 0];
    return { kind, activities, amountYuan, equipmentOver300k };
  });
const byGroup = (given: Record<string, [number, number, number]>): unknown[] =>
  GROUPS.map((group) => {
    const [up, down, total] = given[group] ?? [0, 0, 0];
    return { group, up, down, total };
  });
const byService = (given: Counts): unknown[] =>
  SERVICES.map((service) => ({ service, sessions: given[service] ?? 0 }));
const bySides = (requested: Counts, provided: Counts): unknown[] =>
  SERVICES.map((service) => ({
    service,
    asRequester: requested[service] ?? 0,
    asProvider: provided[service] ?? 0,
  }));

const ok = (id: string, institutions: number): Record<string, unknown> => ({
  id,
  status: 'OK',
  institutions,
});

describe.each<Engine>(['sqlite', 'mariadb'])(
  'alliance flows through the gateway, sources on %s',
  (engine) => {
    let stack: RunningStack;
    let url: string;
    let subgraph: string;

    beforeAll(async () => {
      stack = await startStack({
        sources: await buildAllianceFlowsFixture(engine, 'hag_af'),
        port: 0,
        logger: quietLogger(),
      });
      url = stack.gateway.url;
      subgraph = stack.subgraphs.alliances.url.replace(/\/graphql$/, '');
    });
    afterAll(async () => {
      await stack.close();
    });

    test('城市医疗集团 JT-AK, 2019H1: support by kind, referrals between members by disease group, telemedicine, mutual recognition', async () => {
      const { body } = await gql(url, FLOWS, { id: 'JT-AK' });
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        alliance: {
          id: 'JT-AK',
          support: {
            activities: 4,
            complete: true,
            byKind: byKind({
              NEW_TECH: [1, null, 0],
              NEW_PROJECT: [1, null, 0],
              EQUIPMENT: [2, 799999.99, 1],
            }),
            sources: [{ id: 'registry', kind: 'registry', status: 'OK', institutions: 4 }],
          },
          referrals: {
            total: 6,
            up: 2,
            down: 4,
            lateral: 0,
            undetermined: 0,
            receivedUpByLead: 2,
            mismatches: 1,
            complete: true,
            byDiseaseGroup: byGroup({
              CEREBROVASCULAR: [0, 1, 1],
              HYPERTENSION: [1, 0, 1],
              DIABETES: [0, 1, 1],
              NEOPLASM: [1, 0, 1],
              OTHER: [0, 2, 2],
            }),
            sources: [ok('referral', 4)],
          },
          telemedicine: {
            sessions: 8,
            complete: true,
            byService: byService({
              CONSULT: 2,
              IMAGING: 2,
              PATHOLOGY: 1,
              TEACHING: 1,
              FOLLOWUP: 1,
              OTHER: 1,
            }),
            sources: [ok('telemed', 4)],
          },
          mutualRecognition: {
            labReports: 6,
            labRecognized: 1,
            imagingStudies: 10,
            imagingRecognized: 1,
            recognized: 2,
            uncoveredMembers: 2,
            complete: false,
            sources: [{ id: 'lis', kind: 'lis', status: 'OK', institutions: 2 }],
          },
        },
      });
    });

    test('县域医共体 GT-HY, 2019H1: a member joining during the period counts; lateral and mismatched referrals', async () => {
      const { body } = await gql(url, FLOWS, { id: 'GT-HY' });
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        alliance: {
          id: 'GT-HY',
          support: {
            activities: 3,
            complete: true,
            byKind: byKind({
              NEW_TECH: [1, null, 0],
              EQUIPMENT: [1, 300000, 1],
              LECTURE: [1, null, 0],
            }),
            sources: [{ id: 'registry', kind: 'registry', status: 'OK', institutions: 5 }],
          },
          referrals: {
            total: 10,
            up: 7,
            down: 2,
            lateral: 1,
            undetermined: 0,
            receivedUpByLead: 7,
            mismatches: 2,
            complete: true,
            byDiseaseGroup: byGroup({
              CEREBROVASCULAR: [2, 0, 2],
              HYPERTENSION: [1, 0, 1],
              COPD: [1, 1, 2],
              OTHER: [3, 1, 5],
            }),
            sources: [ok('referral', 5)],
          },
          telemedicine: {
            sessions: 9,
            complete: true,
            byService: byService({
              CONSULT: 2,
              IMAGING: 2,
              ECG: 1,
              PATHOLOGY: 1,
              TEACHING: 1,
              FOLLOWUP: 1,
              OTHER: 1,
            }),
            sources: [ok('telemed', 5)],
          },
          mutualRecognition: {
            labReports: 3,
            labRecognized: 1,
            imagingStudies: 7,
            imagingRecognized: 1,
            recognized: 2,
            uncoveredMembers: 3,
            complete: false,
            sources: [{ id: 'lis', kind: 'lis', status: 'OK', institutions: 2 }],
          },
        },
      });
    });

    test('远程医疗协作网: the sessions of its network count, though none of its members took part', async () => {
      const { body } = await gql(
        url,
        `{ alliance(id: "AK-YC-01") { telemedicine(period: "2019H1") { sessions byService { service sessions } } } }`,
      );
      expect(body).toEqual({
        data: {
          alliance: { telemedicine: { sessions: 3, byService: byService({ CONSULT: 2, TEACHING: 1 }) } },
        },
      });
    });

    test('Institution and Region: referrals sent and received by levels and disease group, telemedicine by side', async () => {
      const { body } = await gql(
        url,
        `{ institution(orgCode: "${ORG.H2}") {
           referrals(period: "2019H1") { sent sentUp sentDown receivedUp complete byDiseaseGroup { group up down total } }
           telemedicine(period: "2019H1") { asRequester asProvider complete }
         }
         region(code: "610921") {
           referrals(period: "2019H1") { sent sentUp sentDown receivedUp complete byDiseaseGroup { group up down total } sources { id status institutions } }
           telemedicine(period: "2019H1") { asRequester asProvider complete byService { service asRequester asProvider } sources { id status institutions } }
         } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        institution: {
          referrals: {
            sent: 3,
            sentUp: 1,
            sentDown: 2,
            receivedUp: 7,
            complete: true,
            byDiseaseGroup: byGroup({ COPD: [0, 1, 1], NEOPLASM: [1, 0, 1], OTHER: [0, 1, 1] }),
          },
          telemedicine: { asRequester: 1, asProvider: 5, complete: true },
        },
        region: {
          // Senders H2 M1 R2 T1 T2 V1: UP 8, DOWN 2, LATERAL Z11, UNKNOWN Z15 (to an unknown institution).
          referrals: {
            sent: 12,
            sentUp: 8,
            sentDown: 2,
            receivedUp: 7,
            complete: true,
            byDiseaseGroup: byGroup({
              CEREBROVASCULAR: [2, 0, 2],
              HYPERTENSION: [1, 0, 1],
              DIABETES: [0, 0, 1],
              COPD: [1, 1, 2],
              NEOPLASM: [1, 0, 1],
              OTHER: [3, 1, 5],
            }),
            sources: [ok('referral', 6)],
          },
          telemedicine: {
            asRequester: 9,
            asProvider: 6,
            complete: true,
            byService: bySides(
              { CONSULT: 2, IMAGING: 2, ECG: 1, PATHOLOGY: 1, TEACHING: 1, FOLLOWUP: 1, OTHER: 1 },
              { IMAGING: 2, ECG: 1, PATHOLOGY: 1, FOLLOWUP: 1, OTHER: 1 },
            ),
            sources: [ok('telemed', 6)],
          },
        },
      });
    });

    test('measures: telemedicine, referrals by disease group, support and recognition for region, institution and alliance scopes', async () => {
      const requests = [
        ['ALLIANCE', 'GT-HY', 'TELEMED_SESSIONS'],
        ['ALLIANCE', 'JT-AK', 'TELEMED_SESSIONS_PROVIDED'],
        ['INSTITUTION', ORG.C3, 'TELEMED_SESSIONS_PROVIDED'],
        ['REGION', '610921', 'TELEMED_SESSIONS'],
        ['ALLIANCE', 'JT-AK', 'REFERRALS_DOWN'],
        ['INSTITUTION', ORG.H2, 'REFERRALS_DOWN_COPD'],
        ['REGION', '610921', 'REFERRALS_UP_CEREBROVASCULAR'],
        ['REGION', '610902', 'REFERRALS_DOWN_CEREBROVASCULAR'],
        ['ALLIANCE', 'JT-AK', 'SUPPORT_EQUIPMENT_300K'],
        ['ALLIANCE', 'GT-HY', 'SUPPORT_NEW_TECH'],
        ['INSTITUTION', ORG.C3, 'SUPPORT_NEW_TECH'],
        ['REGION', '610921', 'SUPPORT_EQUIPMENT_300K'],
        ['REGION', '610902', 'SUPPORT_NEW_PROJECT'],
        ['INSTITUTION', ORG.C3, 'RECOGNIZED_RESULTS'],
        ['ALLIANCE', 'GT-HY', 'RECOGNIZED_RESULTS'],
      ].map(([kind, code, measure]) => ({ scope: { kind, code }, period: '2019H1', measure }));
      const { body } = await gql(
        subgraph,
        `query V($requests: [MeasureRequestInput!]!) {
         _measureValues(requests: $requests) { scopeCode measure value complete uncoveredInstitutions }
       }`,
        { requests },
      );
      expect(body.errors).toBeUndefined();
      const values = (body.data as { _measureValues: Array<Record<string, unknown>> })._measureValues;
      expect(
        values.map((v) => [v.scopeCode, v.measure, v.value, v.complete, v.uncoveredInstitutions]),
      ).toEqual([
        ['GT-HY', 'TELEMED_SESSIONS', 9, true, 0],
        ['JT-AK', 'TELEMED_SESSIONS_PROVIDED', 8, true, 0],
        [ORG.C3, 'TELEMED_SESSIONS_PROVIDED', 3, true, 0],
        ['610921', 'TELEMED_SESSIONS', 9, true, 0],
        // Sent by members (C3: Z05 Z07 Z08 Z09 Z18; H2: Z06 Z12), whoever receives.
        ['JT-AK', 'REFERRALS_DOWN', 7, true, 0],
        [ORG.H2, 'REFERRALS_DOWN_COPD', 1, true, 0],
        ['610921', 'REFERRALS_UP_CEREBROVASCULAR', 2, true, 0],
        ['610902', 'REFERRALS_DOWN_CEREBROVASCULAR', 1, true, 0],
        ['JT-AK', 'SUPPORT_EQUIPMENT_300K', 1, true, 0],
        ['GT-HY', 'SUPPORT_NEW_TECH', 1, true, 0],
        // Given by C3 to anyone: A01 and A05 (A06 is in 2019H2).
        [ORG.C3, 'SUPPORT_NEW_TECH', 2, true, 0],
        ['610921', 'SUPPORT_EQUIPMENT_300K', 1, true, 0],
        ['610902', 'SUPPORT_NEW_PROJECT', 1, true, 0],
        [ORG.C3, 'RECOGNIZED_RESULTS', 1, true, 0],
        ['GT-HY', 'RECOGNIZED_RESULTS', 2, true, 3],
      ]);
    });

    test('the flow measures and the fact measures of telemedicine share one read of the platform', async () => {
      const telemed = stack.sources.all().filter((s) => s.config.kind === 'telemed');
      expect(telemed).toHaveLength(1);
      let statements = 0;
      const previous = telemed[0].observer;
      telemed[0].observer = (event) => {
        previous?.(event);
        statements += 1;
      };
      try {
        const requests = ['TELEMED_SESSIONS', 'TELEMED_COUNTIES'].map((measure) => ({
          scope: { kind: 'REGION', code: '610921' },
          period: '2019H1',
          measure,
        }));
        const { body } = await gql(
          subgraph,
          `query V($requests: [MeasureRequestInput!]!) { _measureValues(requests: $requests) { measure value } }`,
          { requests },
        );
        expect(body.errors).toBeUndefined();
        expect((body.data as { _measureValues: unknown[] })._measureValues).toEqual([
          { measure: 'TELEMED_SESSIONS', value: 9 },
          // 610921 is a county: its own, where a hospital had sessions with an upper tertiary one.
          { measure: 'TELEMED_COUNTIES', value: 1 },
        ]);
      } finally {
        telemed[0].observer = previous;
      }
      // The two families batch apart (flows, facts), in the same request: one statement.
      expect(statements).toBe(1);
    });

    test('the alliance connection: pages, filters (kind, division, activeDuring), bad cursors', async () => {
      const page = `query P($after: String) {
      alliances(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
    }`;
      type Page = {
        alliances: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: unknown[];
        };
      };
      const first = await gql(url, page, {});
      const one = first.body.data as Page;
      expect(one.alliances).toMatchObject({
        totalCount: 4,
        pageInfo: { hasNextPage: true },
        edges: [{ node: { id: 'AK-YC-01' } }, { node: { id: 'GT-HY' } }],
      });
      const second = await gql(url, page, { after: one.alliances.pageInfo.endCursor });
      expect((second.body.data as Page).alliances).toMatchObject({
        totalCount: 4,
        pageInfo: { hasNextPage: false },
        edges: [{ node: { id: 'JT-AK' } }, { node: { id: 'ZK-XT' } }],
      });
      const filtered = await gql(
        url,
        `{ active: alliances(activeDuring: "2019H1") { totalCount edges { node { id } } }
         before: alliances(activeDuring: "2018") { totalCount }
         county: alliances(kind: COUNTY_COMMUNITY, divisionCode: "610921") { edges { node { id name } } }
         none: alliances(divisionCode: "610902") { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      );
      expect(filtered.body).toEqual({
        data: {
          active: {
            totalCount: 3,
            edges: [{ node: { id: 'AK-YC-01' } }, { node: { id: 'GT-HY' } }, { node: { id: 'JT-AK' } }],
          },
          before: { totalCount: 4 },
          county: { edges: [{ node: { id: 'GT-HY', name: '汉阴县医共体' } }] },
          none: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
        },
      });
      for (const bad of ['nope', Buffer.from('k:NO-SUCH').toString('base64url')]) {
        const { body } = await gql(url, page, { after: bad });
        expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const tooMany = await gql(url, '{ alliances(first: 501) { totalCount } }');
      expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    test("the flows of 2 institutions' alliances cost the same statements as those of every institution", async () => {
      const entities = async (codes: readonly string[]): Promise<[number, unknown]> => {
        const before = stack.sources.statementCount();
        const { body } = await gql(
          subgraph,
          `query E($representations: [_Any!]!) {
           _entities(representations: $representations) {
             ... on Institution {
               orgCode
               referrals(period: "2019H1") { sent }
               telemedicine(period: "2019H1") { asRequester }
               alliances(period: "2019H1") {
                 id
                 support(period: "2019H1") { activities }
                 referrals(period: "2019H1") { total }
                 telemedicine(period: "2019H1") { sessions }
                 mutualRecognition(period: "2019H1") { recognized }
               }
             }
           }
         }`,
          { representations: codes.map((orgCode) => ({ __typename: 'Institution', orgCode })) },
        );
        expect(body.errors).toBeUndefined();
        return [stack.sources.statementCount() - before, body.data];
      };
      const all = Object.values(ORG).filter((o) => o !== ORG.ZZ);
      expect(all).toHaveLength(10);
      const [forTwo] = await entities([ORG.C3, ORG.H2]);
      const [forAll, data] = await entities(all);
      const list = (data as { _entities: Array<{ alliances: Array<{ id: string }> }> })._entities;
      expect(new Set(list.flatMap((i) => i.alliances.map((a) => a.id)))).toEqual(
        new Set(['AK-YC-01', 'GT-HY', 'JT-AK']),
      );
      // Registry: memberships, alliances by id, members, support activities, institutions (the
      // referrals' counterparts); referral platform: Institution.referrals (by sender and receiver) and
      // Alliance.referrals (by sender); telemed: one (shared by every scope); LIS: lab and imaging.
      expect([forTwo, forAll]).toEqual([10, 10]);
    });
  },
);

describe('when the telemedicine platform and the LIS are down', () => {
  const stack = useStack(() =>
    buildAllianceFlowsFixture('sqlite', 'hag_af_down', { down: ['telemed', 'lis'] }),
  );

  test('their numbers are null (not zero), incomplete, naming the source; referrals still answer', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ alliance(id: "JT-AK") {
           referrals(period: "2019H1") { total complete }
           telemedicine(period: "2019H1") { sessions complete byService { sessions } sources { id kind status institutions } }
           mutualRecognition(period: "2019H1") { recognized labReports complete sources { id status institutions } }
         }
         institution(orgCode: "${ORG.H2}") { telemedicine(period: "2019H1") { asRequester asProvider complete } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      alliance: {
        referrals: { total: 6, complete: true },
        telemedicine: {
          sessions: null,
          complete: false,
          byService: SERVICES.map(() => ({ sessions: null })),
          sources: [{ id: 'telemed', kind: 'telemed', status: 'UNREACHABLE', institutions: 4 }],
        },
        mutualRecognition: {
          recognized: null,
          labReports: null,
          complete: false,
          sources: [{ id: 'lis', status: 'UNREACHABLE', institutions: 2 }],
        },
      },
      institution: { telemedicine: { asRequester: null, asProvider: null, complete: false } },
    });
  });
});
