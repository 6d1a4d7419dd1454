import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/databases';
import { buildRegion, ORG, PATIENT_IDENTIFIERS } from '../fixtures/region.fixture';
import { gql } from '../helpers/http';
import type { GraphQLBody } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

/** One operation crossing all four domain subgraphs (see region.fixture.ts for the hand counts). */
const CROSS = `
  query Cross($p: Period!) {
    alliance(id: "JT1") {
      name
      kind
      lead {
        name
        serviceVolume(period: $p) { inpatient { discharges } }
        workforce(period: $p) { generalPractitioners }
      }
      members(period: $p) {
        role
        institution { orgCode insurance(period: $p) { settlements inpatientSettlements } }
      }
    }
    region(code: "610921") {
      name
      insurance(period: $p) { inCountyRate { numerator denominator value } }
    }
  }
`;

describe.each<Engine>(['sqlite', 'mariadb'])('one region across every subgraph, sources on %s', (engine) => {
  let stack: RunningStack;
  const responses: GraphQLBody[] = [];
  const ask = async (query: string, variables?: Record<string, unknown>): Promise<GraphQLBody> => {
    const { body } = await gql(stack.gateway.url, query, variables);
    responses.push(body);
    return body;
  };

  beforeAll(async () => {
    stack = await startStack({
      sources: await buildRegion(engine, 'hag_rg'),
      port: 0,
      logger: quietLogger(),
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  test('an alliance, its lead’s discharges and GPs, and its members’ settlements in one operation', async () => {
    const body = await ask(CROSS, { p: '2019H1' });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      alliance: {
        name: '安康市中心医院医疗集团',
        kind: 'URBAN_GROUP',
        lead: {
          name: '安康市中心医院',
          serviceVolume: { inpatient: { discharges: 3 } },
          workforce: { generalPractitioners: 2 },
        },
        members: [
          {
            role: 'LEAD',
            institution: { orgCode: ORG.H1, insurance: { settlements: 1, inpatientSettlements: 1 } },
          },
          {
            role: 'MEMBER',
            institution: { orgCode: ORG.H2, insurance: { settlements: 2, inpatientSettlements: 1 } },
          },
        ],
      },
      region: {
        name: '汉阴县',
        insurance: { inCountyRate: { numerator: 2, denominator: 3, value: (1 - 2 / 3) * 100 } },
      },
    });
  });

  test('outpatient fees: sum and average per visit over both vendors (汉阴县, 2019H1)', async () => {
    // H2 3 × 80 + P1 2 × 80 (vendor B) + P2 2 × 50 + P3 1 × 50 (vendor A) = 550 yuan over 8 visits
    const body = await ask(
      '{ region(code: "610921") { serviceVolume(period: "2019H1") { visits { total feeTotal averageFee complete } } } }',
    );
    expect(body.data).toEqual({
      region: { serviceVolume: { visits: { total: 8, feeTotal: 550, averageFee: 68.75, complete: true } } },
    });
  });

  test('200 institutions cost no more SQL statements than 2', async () => {
    const query = `query Many($code: DivisionCode!) {
      region(code: $code) {
        institutions(first: 500) {
          totalCount
          edges { node { orgCode alliances(period: "2019H1") { id } serviceVolume(period: "2019H1") { visits { total } } } }
        }
      }
    }`;
    const cost = async (
      code: string,
    ): Promise<{ statements: number; institutions: number; visits: number }> => {
      const before = stack.sources.statementCount();
      const body = await ask(query, { code });
      expect(body.errors).toBeUndefined();
      const statements = stack.sources.statementCount() - before;
      const list = (
        body.data as {
          region: {
            institutions: {
              totalCount: number;
              edges: Array<{ node: { serviceVolume: { visits: { total: number } } } }>;
            };
          };
        }
      ).region.institutions;
      return {
        statements,
        institutions: list.totalCount,
        visits: list.edges.reduce((n, e) => n + e.node.serviceVolume.visits.total, 0),
      };
    };
    await cost('610902'); // warm-up: vendor A's time format is detected once per source
    const two = await cost('610902');
    const many = await cost('610922');
    expect([two.institutions, two.visits]).toEqual([2, 5]);
    expect([many.institutions, many.visits]).toEqual([200, 200]);
    expect(many.statements).toBeLessThanOrEqual(two.statements);
  });

  test('no patient identifier in any response', async () => {
    await ask('{ __schema { types { name fields { name } } } }');
    await ask(
      `{ region(code: "610900") { serviceVolume(period: "2019") { visits { total } } workforce(period: "2019") { generalPractitioners }
         insurance(period: "2019") { settlements byMedicalType { medicalType settlements } } referrals(period: "2019") { sent } } }`,
    );
    const text = JSON.stringify(responses);
    expect(responses.length).toBeGreaterThanOrEqual(5);
    for (const id of PATIENT_IDENTIFIERS) expect([id, text.includes(id)]).toEqual([id, false]);
    expect(text).not.toMatch(/\b(brid|patient_?ref|mrn|psn_?no|person_?key|cert_?hash)\b/i);
  });
});
