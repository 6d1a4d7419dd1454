import { createHash } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { GraphQLError, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { auditPlugin, operationFacts } from '../../gateway/hardening/audit';
import type { PrincipalContext } from '../../gateway/hardening/persisted';
import type { Principal } from '../../security/principal';

const typeDefs = `
  type Query {
    region(code: String!): Region
    alliance(id: ID!): Alliance
    institutions(filter: InstitutionFilter): [Institution!]!
  }
  input InstitutionFilter { orgCode: String, name: String }
  type Region { name: String! serviceVolume(period: String!): Volume familyDoctors(period: String!): Int }
  type Alliance { name: String! referrals(period: String!): Int }
  type Volume { visits: Int! }
  type Institution { name: String! }
`;
const resolvers = {
  Query: {
    region: () => ({ name: '汉阴县' }),
    alliance: () => {
      throw new GraphQLError('Out of scope', { extensions: { code: 'FORBIDDEN' } });
    },
    institutions: () => [],
  },
  Region: { serviceVolume: () => ({ visits: 12 }), familyDoctors: () => 3 },
};

const cityUser: Principal = {
  id: '610900',
  kind: 'CITY',
  division: '610900',
  orgCode: null,
  grants: [],
  roles: ['indicators:read'],
  suppressSmallCounts: false,
};

/** Runs one operation and returns the audit lines it produced, parsed. */
async function audited(
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  contextValue: PrincipalContext = { principal: cityUser },
): Promise<unknown[]> {
  const lines: string[] = [];
  const times = [Date.UTC(2024, 0, 2, 3, 4, 5), Date.UTC(2024, 0, 2, 3, 4, 5) + 42];
  const server = new ApolloServer<PrincipalContext>({
    typeDefs,
    resolvers,
    plugins: [auditPlugin({ sink: (line) => lines.push(line), clock: { now: () => times.shift() ?? 0 } })],
  });
  await server.start();
  try {
    await server.executeOperation(request, { contextValue });
  } finally {
    await server.stop();
  }
  return lines.map((line) => JSON.parse(line) as unknown);
}

describe('auditPlugin', () => {
  it('writes one line with principal, operation, scopes, patient-adjacent fields, duration and outcome', async () => {
    const query = `query CountyVolume($code: String!, $period: String!) {
      region(code: $code) { name serviceVolume(period: $period) { visits } ...Doctors }
    }
    fragment Doctors on Region { familyDoctors(period: "2019") }`;
    expect(await audited({ query, variables: { code: '610921', period: '2019H1' } })).toEqual([
      {
        time: '2024-01-02T03:04:05.000Z',
        event: 'graphql.operation',
        principal: { id: '610900', kind: 'CITY' },
        operationName: 'CountyVolume',
        operationType: 'query',
        documentHash: createHash('sha256').update(query).digest('hex'),
        rootFields: ['region'],
        scopes: ['610921'],
        patientAdjacentFields: ['familyDoctors', 'serviceVolume'],
        durationMs: 42,
        outcome: 'ok',
        errorCodes: [],
      },
    ]);
  });

  it('records partial results with the error codes clients got', async () => {
    const query = '{ region(code: "610921") { name } alliance(id: "6109001") { referrals(period: "2019") } }';
    expect(await audited({ query })).toEqual([
      expect.objectContaining({
        rootFields: ['region', 'alliance'],
        scopes: ['610921', '6109001'],
        patientAdjacentFields: ['referrals'],
        outcome: 'partial',
        errorCodes: ['FORBIDDEN'],
      }),
    ]);
  });

  it('records failures before execution, without a principal', async () => {
    expect(await audited({ query: '{ region(code: "610921") { nope } }' }, {})).toEqual([
      expect.objectContaining({
        principal: null,
        operationName: null,
        operationType: null,
        rootFields: [],
        outcome: 'error',
        errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
      }),
    ]);
  });

  it('never logs variable values other than scope codes, and marks values that are not code-shaped', async () => {
    const query = `query Find($filter: InstitutionFilter) { institutions(filter: $filter) { name } }`;
    const lines = await audited({
      query,
      variables: { filter: { orgCode: "12610921' OR 1=1 --", name: '张三 13800000000' } },
    });
    expect(lines).toEqual([expect.objectContaining({ scopes: ['<invalid>'], rootFields: ['institutions'] })]);
    expect(JSON.stringify(lines)).not.toMatch(/OR 1=1|张三|13800000000/);
  });
});

describe('operationFacts', () => {
  it('reads scope arguments from literals, lists, variables and input objects', () => {
    const document = parse(`query Q($ids: [ID!]!, $scope: String) {
      a: region(code: "610000") { name }
      alliances(ids: $ids, scopes: ["610900", "610921"]) { name }
      search(where: { orgCode: "12610000MB1234567X", period: "2019" }, scope: $scope) { name }
      indicators(codes: ["PRIMARY_CARE_VISIT_SHARE"], id: 42) { value }
    }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(
      operationFacts(document, operation, { ids: ['6109001', '6109002'], scope: 'REGION:610900' }),
    ).toEqual({
      rootFields: ['region', 'alliances', 'search', 'indicators'],
      scopes: [
        '610000',
        '6109001',
        '6109002',
        '610900',
        '610921',
        '12610000MB1234567X',
        'REGION:610900',
        '42',
      ],
      patientAdjacentFields: ['indicators'],
    });
  });
});
