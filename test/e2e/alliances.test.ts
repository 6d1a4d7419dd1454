import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import { ORG, buildAlliancesFixture } from '../fixtures/alliances.fixture';
import type { Engine } from '../fixtures/build';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

const ALLIANCE = `
  query Alliance($id: String!, $period: Period!, $earlier: Period!) {
    alliance(id: $id) {
      id name kind specialty tcm tight typical servicePopulation establishedOn dissolvedOn
      lead { orgCode name level }
      region { code name }
      members(period: $period) { institution { orgCode name } role joinedOn leftOn }
      earlier: members(period: $earlier) { institution { orgCode } role }
      mechanisms(asOf: "2019H1") { item since until inForce }
      inForce: mechanisms(asOf: "2019-06-30", inForceOnly: true) { item }
      sharedCenters { id kind host { orgCode name } openedOn }
    }
  }
`;

const INDICATORS = `
  query Referrals($code: DivisionCode!) {
    region(code: $code) {
      name
      indicators(period: "2019H1", codes: ["GRADED_REFERRALS_DOWN", "GRADED_REFERRALS_UP"]) {
        code nameZh value display numerator unit status complete formula
        citation { line }
        sources { id kind status institutions }
      }
    }
  }
`;

describe.each<Engine>(['sqlite', 'mariadb'])(
  'the alliances subgraph through the gateway, sources on %s',
  (engine) => {
    const stack = useStack(() => buildAlliancesFixture(engine, 'hag_e2e_all'));
    let url: string;
    beforeAll(() => {
      url = stack.gateway.url;
    });

    test('an alliance: its lead and grid region from the institutions subgraph, members by period, mechanisms in force', async () => {
      const { status, body } = await gql(url, ALLIANCE, { id: 'JT1', period: '2019H1', earlier: '2018' });
      expect(status).toBe(200);
      expect(body).toEqual({
        data: {
          alliance: {
            id: 'JT1',
            name: '安康市中心医院医疗集团',
            kind: 'URBAN_GROUP',
            specialty: null,
            tcm: false,
            tight: true,
            typical: null,
            servicePopulation: 800000,
            establishedOn: '2017-06-01',
            dissolvedOn: null,
            lead: { orgCode: ORG.H1, name: '安康市中心医院', level: 'LEVEL_3' },
            region: { code: '610900', name: '安康市' },
            // P4 left on 2019-01-01: [joined, left) does not overlap 2019H1.
            members: [
              {
                institution: { orgCode: ORG.H1, name: '安康市中心医院' },
                role: 'LEAD',
                joinedOn: '2017-06-01',
                leftOn: null,
              },
              {
                institution: { orgCode: ORG.H2, name: '汉阴县人民医院' },
                role: 'MEMBER',
                joinedOn: '2019-03-01',
                leftOn: null,
              },
            ],
            // H2 joined in 2019: not a member in 2018; P4 was.
            earlier: [
              { institution: { orgCode: ORG.H1 }, role: 'LEAD' },
              { institution: { orgCode: ORG.P4 }, role: 'MEMBER' },
            ],
            // As of 2019-06-30 (the last day of 2019H1); the unknown item 'FOO' is dropped.
            mechanisms: [
              { item: 'CHARTER', since: '2017-06-01', until: null, inForce: true },
              { item: 'GLOBAL_BUDGET', since: '2018-01-01', until: '2019-01-01', inForce: false },
            ],
            inForce: [{ item: 'CHARTER' }],
            sharedCenters: [
              {
                id: 'C1',
                kind: 'IMAGING',
                host: { orgCode: ORG.H1, name: '安康市中心医院' },
                openedOn: '2018-03-01',
              },
            ],
          },
        },
      });
    });

    test('an unknown registry kind is null; the connection filters by kind and by division subtree', async () => {
      const { body } = await gql(
        url,
        `{ all: alliances { totalCount pageInfo { hasNextPage } edges { node { id kind } } }
         specialty: alliances(kind: SPECIALTY_ALLIANCE) { edges { node { id name specialty dissolvedOn } } }
         county: alliances(divisionCode: "610921") { totalCount edges { node { id lead { name } } } } }`,
      );
      expect(body).toEqual({
        data: {
          all: {
            totalCount: 4,
            pageInfo: { hasNextPage: false },
            edges: [
              { node: { id: 'BAD1', kind: null } },
              { node: { id: 'GT1', kind: 'COUNTY_COMMUNITY' } },
              { node: { id: 'JT1', kind: 'URBAN_GROUP' } },
              { node: { id: 'ZK1', kind: 'SPECIALTY_ALLIANCE' } },
            ],
          },
          specialty: {
            edges: [
              {
                node: {
                  id: 'ZK1',
                  name: '安康市胸痛中心（联盟）',
                  specialty: '胸痛',
                  dissolvedOn: '2019-04-01',
                },
              },
            ],
          },
          county: { totalCount: 1, edges: [{ node: { id: 'GT1', lead: { name: '汉阴县人民医院' } } }] },
        },
      });
    });

    test('Institution.alliances: memberships overlapping the period, optionally of one kind', async () => {
      const { body } = await gql(
        url,
        `{ h2: institution(orgCode: "${ORG.H2}") {
           name
           alliances(period: "2019H1") { id kind }
           counties: alliances(period: "2019H1", kind: COUNTY_COMMUNITY) { id }
           before: alliances(period: "2018") { id }
         }
         p4: institution(orgCode: "${ORG.P4}") { now: alliances(period: "2019H1") { id } then: alliances(period: "2018") { id name } } }`,
      );
      expect(body).toEqual({
        data: {
          h2: {
            name: '汉阴县人民医院',
            alliances: [
              { id: 'GT1', kind: 'COUNTY_COMMUNITY' },
              { id: 'JT1', kind: 'URBAN_GROUP' },
            ],
            counties: [{ id: 'GT1' }],
            before: [{ id: 'GT1' }],
          },
          p4: { now: [], then: [{ id: 'JT1', name: '安康市中心医院医疗集团' }] },
        },
      });
    });

    test('Region.alliances: grid divisions in the region subtree, by kind and period', async () => {
      const { body } = await gql(
        url,
        `{ city: region(code: "610900") {
           all: alliances { id }
           urban: alliances(kind: URBAN_GROUP) { id }
           h2: alliances(period: "2019H2") { id }
           children { code alliances { id } }
         } }`,
      );
      expect(body).toEqual({
        data: {
          city: {
            all: [{ id: 'BAD1' }, { id: 'GT1' }, { id: 'JT1' }, { id: 'ZK1' }],
            urban: [{ id: 'JT1' }],
            // ZK1 was dissolved on 2019-04-01.
            h2: [{ id: 'BAD1' }, { id: 'GT1' }, { id: 'JT1' }],
            children: [
              { code: '610902', alliances: [] },
              { code: '610921', alliances: [{ id: 'GT1' }] },
            ],
          },
        },
      });
    });

    test('分级诊疗下转/上转患者数 for 汉阴县 and 安康市, 2019H1, by the registry levels', async () => {
      const county = await gql(url, INDICATORS, { code: '610921' });
      expect(county.body.errors).toBeUndefined();
      const source = { id: 'referral', kind: 'referral', status: 'OK' };
      expect(county.body.data).toEqual({
        region: {
          name: '汉阴县',
          indicators: [
            {
              code: 'GRADED_REFERRALS_DOWN',
              nameZh: '分级诊疗下转患者数',
              value: 3,
              display: '3',
              numerator: 3,
              unit: '人次',
              status: 'OK',
              complete: true,
              formula: 'REFERRALS_DOWN',
              citation: { line: 1662 },
              sources: [{ ...source, institutions: 5 }],
            },
            {
              code: 'GRADED_REFERRALS_UP',
              nameZh: '分级诊疗上转患者数',
              value: 2,
              display: '2',
              numerator: 2,
              unit: '人次',
              status: 'OK',
              complete: true,
              formula: 'REFERRALS_UP',
              citation: { line: 1679 },
              sources: [{ ...source, institutions: 5 }],
            },
          ],
        },
      });
      const city = await gql(
        url,
        `{ region(code: "610900") {
           indicators(period: "2019H1", codes: ["GRADED_REFERRALS_DOWN", "GRADED_REFERRALS_UP"]) { code value }
           children { code indicators(period: "2019H1", codes: ["GRADED_REFERRALS_DOWN", "GRADED_REFERRALS_UP"]) { value } }
         } }`,
      );
      expect(city.body).toEqual({
        data: {
          region: {
            indicators: [
              { code: 'GRADED_REFERRALS_DOWN', value: 4 },
              { code: 'GRADED_REFERRALS_UP', value: 3 },
            ],
            children: [
              { code: '610902', indicators: [{ value: 1 }, { value: 1 }] },
              { code: '610921', indicators: [{ value: 3 }, { value: 2 }] },
            ],
          },
        },
      });
    });

    test('institution scopes, received and data-quality measures (measure protocol of the subgraph)', async () => {
      const requests = [
        ['INSTITUTION', ORG.H2, 'REFERRALS_DOWN'],
        ['INSTITUTION', ORG.H2, 'REFERRALS_UP'],
        ['INSTITUTION', ORG.H2, 'REFERRALS_RECEIVED_UP'],
        ['INSTITUTION', ORG.H1, 'REFERRALS_RECEIVED_UP'],
        ['REGION', '610921', 'REFERRAL_DIRECTION_MISMATCHES'],
        ['REGION', '610921', 'REFERRALS_DOWN'],
      ].map(([kind, code, measure]) => ({ scope: { kind, code }, period: '2019H1', measure }));
      const before = stack.sources.statementCount();
      const { body } = await gql(
        stack.subgraphs.alliances.url.replace(/\/graphql$/, ''),
        `query V($requests: [MeasureRequestInput!]!) { _measureValues(requests: $requests) { scopeCode measure value complete } }`,
        { requests },
      );
      expect(body.errors).toBeUndefined();
      expect((body.data as { _measureValues: unknown[] })._measureValues).toEqual([
        { scopeCode: ORG.H2, measure: 'REFERRALS_DOWN', value: 3, complete: true },
        { scopeCode: ORG.H2, measure: 'REFERRALS_UP', value: 1, complete: true },
        { scopeCode: ORG.H2, measure: 'REFERRALS_RECEIVED_UP', value: 1, complete: true },
        { scopeCode: ORG.H1, measure: 'REFERRALS_RECEIVED_UP', value: 3, complete: true },
        { scopeCode: '610921', measure: 'REFERRAL_DIRECTION_MISMATCHES', value: 1, complete: true },
        { scopeCode: '610921', measure: 'REFERRALS_DOWN', value: 3, complete: true },
      ]);
      // Registry: division tree, the county's institutions, the counterparts; one referral statement.
      expect(stack.sources.statementCount() - before).toBe(4);
    });

    test("resolving 2 institutions' alliances costs the same statements as every institution's", async () => {
      // What the gateway sends the alliances subgraph for a list of institutions: one _entities call.
      const entities = async (codes: readonly string[]): Promise<[number, unknown]> => {
        const before = stack.sources.statementCount();
        const { body } = await gql(
          stack.subgraphs.alliances.url.replace(/\/graphql$/, ''),
          `query E($representations: [_Any!]!) {
             _entities(representations: $representations) { ... on Institution { orgCode alliances(period: "2019H1") { id } } }
           }`,
          { representations: codes.map((orgCode) => ({ __typename: 'Institution', orgCode })) },
        );
        expect(body.errors).toBeUndefined();
        return [stack.sources.statementCount() - before, body.data];
      };
      const all = Object.values(ORG);
      expect(all).toHaveLength(7);
      const [forTwo] = await entities([ORG.H1, ORG.H2]);
      const [forAll, data] = await entities(all);
      expect((data as { _entities: unknown[] })._entities).toEqual([
        { orgCode: ORG.H1, alliances: [{ id: 'JT1' }] },
        { orgCode: ORG.P4, alliances: [] },
        { orgCode: ORG.H2, alliances: [{ id: 'GT1' }, { id: 'JT1' }] },
        { orgCode: ORG.P1, alliances: [{ id: 'GT1' }] },
        { orgCode: ORG.P2, alliances: [] },
        { orgCode: ORG.P3, alliances: [] },
        { orgCode: ORG.U1, alliances: [] },
      ]);
      // One alliance_member statement for every org code, one alliance statement for every id.
      expect([forTwo, forAll]).toEqual([2, 2]);
    });

    test('through the gateway: the members of one county alliance cost the same as those of the whole city', async () => {
      const query = (code: string): string =>
        `{ region(code: "${code}") { alliances { id members { institution { orgCode alliances { id } } } } } }`;
      let before = stack.sources.statementCount();
      const county = await gql(url, query('610921'));
      const forCounty = stack.sources.statementCount() - before;
      before = stack.sources.statementCount();
      const city = await gql(url, query('610900'));
      const forCity = stack.sources.statementCount() - before;
      expect(county.body).toEqual({
        data: {
          region: {
            alliances: [
              {
                id: 'GT1',
                members: [
                  { institution: { orgCode: ORG.H2, alliances: [{ id: 'GT1' }, { id: 'JT1' }] } },
                  { institution: { orgCode: ORG.P1, alliances: [{ id: 'GT1' }] } },
                ],
              },
            ],
          },
        },
      });
      const members = (
        city.body.data as { region: { alliances: Array<{ members: unknown[] }> } }
      ).region.alliances.flatMap((a) => a.members);
      expect(members).toHaveLength(5);
      // The institutions subgraph's division tree (for region(code)); here: the division tree, every
      // alliance, members of the alliances, memberships of the members, alliances by id.
      expect([forCounty, forCity]).toEqual([6, 6]);
    });

    test('an unknown alliance id fails with a stable code and no stack trace', async () => {
      const { body } = await gql(url, '{ alliance(id: "NOPE") { name } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('UNKNOWN_ALLIANCE');
      expect(body.errors?.[0]?.message).toBe('No alliance NOPE (医联体不存在)');
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|at \w+ \(|SELECT /);
    });
  },
);

describe('when the referral platform is down', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startStack({
      sources: await buildAlliancesFixture('sqlite', 'hag_e2e_all_down', {
        referralUrl: `sqlite:${join(tmpdir(), 'hag-no-such-dir', 'referral.sqlite')}`,
      }),
      port: 0,
      logger: quietLogger(),
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  test('the values are missing (not zero) and the answer names the source that did not answer', async () => {
    const { body } = await gql(stack.gateway.url, INDICATORS, { code: '610921' });
    expect(body.errors).toBeUndefined();
    const [down] = (body.data as { region: { indicators: Array<Record<string, unknown>> } }).region
      .indicators;
    expect(down).toMatchObject({
      code: 'GRADED_REFERRALS_DOWN',
      value: null,
      display: '--',
      status: 'NOT_COUNTED',
      complete: false,
      sources: [{ id: 'referral', kind: 'referral', status: 'UNREACHABLE', institutions: 5 }],
    });
  });
});
