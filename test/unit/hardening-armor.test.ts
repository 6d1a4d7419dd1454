import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { armorPlugins, ArmorErrorCode } from '../../gateway/hardening/armor';

const schema = buildSchema(`
  type Query { region(code: String!): Region, regions(first: Int): [Region!]! }
  type Region { code: String! name: String! parent: Region children(first: Int): [Region!]! }
`);

/** The codes and messages armor's rules report for `query`, with only armor's rules run. */
function armorErrors(query: string, options = {}): Array<{ code: unknown; message: string }> {
  return validate(schema, parse(query), armorPlugins(options).validationRules).map((error) => ({
    code: error.extensions.code,
    message: error.message,
  }));
}

/** `{ region(code: "610000") { parent { parent { … name } } } }` with `levels` nested fields in all. */
function nested(levels: number): string {
  return `{ region(code: "610000") ${'{ parent '.repeat(levels - 2)}{ name }${' }'.repeat(levels - 2)} }`;
}

/** `n` aliased `region` fields. */
function aliases(n: number): string {
  return `{ ${Array.from({ length: n }, (_, i) => `r${i}: region(code: "61${String(i).padStart(4, '0')}") { name }`).join(' ')} }`;
}

/** The README's cross-subgraph example: what the product itself sends. */
const README_QUERY = `{
  alliances(kind: URBAN_GROUP, first: 1) { totalCount edges { node { id name
    lead { name serviceVolume(period: "2019") { inpatient { discharges averageStay } }
           workforce(period: "2019") { generalPractitioners } }
    referrals(period: "2019") { up down } } } }
  region(code: "610921") { name insurance(period: "2019") { inCountyRate { numerator denominator value } }
    familyDoctors(period: "2019") { signedPersons } }
}`;

describe('armorPlugins', () => {
  it('accepts a normal query and the README example with the defaults', () => {
    expect(armorErrors('{ region(code: "610921") { code name children { code name } } }')).toEqual([]);
    expect(armorErrors(README_QUERY)).toEqual([]);
  });

  it('refuses a query deeper than 15 with QUERY_TOO_DEEP, and accepts depth 15', () => {
    expect(armorErrors(nested(15))).toEqual([]);
    expect(armorErrors(nested(16))).toEqual([
      { code: ArmorErrorCode.QUERY_TOO_DEEP, message: 'Query depth limit of 15 exceeded, found 16.' },
    ]);
  });

  it('refuses more than 30 aliases with TOO_MANY_ALIASES, and accepts 30', () => {
    expect(armorErrors(aliases(30))).toEqual([]);
    expect(armorErrors(aliases(50))).toEqual([
      { code: ArmorErrorCode.TOO_MANY_ALIASES, message: 'Aliases limit of 30 exceeded, found 50.' },
    ]);
  });

  it('refuses a costly query with QUERY_TOO_COSTLY', () => {
    // regions(first: 100) { children(first: 100) { name } }: 100 × (2 + 1.5 × 100 × (2 + 1.5 × 1)) = 52 700
    expect(armorErrors('{ regions(first: 100) { children(first: 100) { name } } }')).toEqual([
      { code: ArmorErrorCode.QUERY_TOO_COSTLY, message: 'Query Cost limit of 20000 exceeded, found 52700.' },
    ]);
    expect(armorErrors('{ regions(first: 100) { code name } }')).toEqual([]);
  });

  it('refuses more than 50 directives with TOO_MANY_DIRECTIVES', () => {
    const query = `{ region(code: "610000") { name ${'@include(if: true) '.repeat(51)} } }`;
    expect(armorErrors(query).map((e) => e.code)).toEqual([ArmorErrorCode.TOO_MANY_DIRECTIVES]);
  });

  it('takes its limits from the options', () => {
    expect(armorErrors(nested(4), { maxDepth: 3 })).toEqual([
      { code: ArmorErrorCode.QUERY_TOO_DEEP, message: 'Query depth limit of 3 exceeded, found 4.' },
    ]);
    expect(armorPlugins({ maxTokens: 77 }).maxTokens).toBe(77);
    expect(armorPlugins().maxTokens).toBe(5000);
  });

  it('through Apollo: a 400 validation failure whose originalError carries the stable code', async () => {
    const armor = armorPlugins();
    const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const original = (error as { originalError?: unknown }).originalError;
      const code = original instanceof GraphQLError ? original.extensions.code : formatted.extensions?.code;
      return { message: formatted.message, extensions: { code } };
    };
    const server = new ApolloServer({
      typeDefs: schema,
      resolvers: {},
      validationRules: armor.validationRules,
      plugins: armor.plugins,
      formatError,
    });
    await server.start();
    try {
      const response = await server.executeOperation({ query: aliases(31) });
      expect(response.http.status).toBe(400);
      expect(response.body).toEqual({
        kind: 'single',
        singleResult: {
          errors: [
            { message: 'Aliases limit of 30 exceeded, found 31.', extensions: { code: 'TOO_MANY_ALIASES' } },
          ],
        },
      });
    } finally {
      await server.stop();
    }
  });

  it('hides field suggestions in production mode only', async () => {
    const message = async (production: boolean): Promise<string | undefined> => {
      const armor = armorPlugins({ production });
      const server = new ApolloServer({ typeDefs: schema, resolvers: {}, plugins: armor.plugins });
      await server.start();
      try {
        const response = await server.executeOperation({ query: '{ region(code: "610000") { nam } }' });
        return response.body.kind === 'single' ? response.body.singleResult.errors?.[0]?.message : undefined;
      } finally {
        await server.stop();
      }
    };
    expect(await message(false)).toBe('Cannot query field "nam" on type "Region". Did you mean "name"?');
    expect(await message(true)).toBe('Cannot query field "nam" on type "Region".');
  });
});
