import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { BuildSchemaOptions } from 'type-graphql';

const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible'];

/** `__resolveReference` for each entity type this subgraph resolves. */
export type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference: (reference: Record<string, unknown>, context: TContext) => unknown }
>;

/**
 * Build an Apollo Federation 2 subgraph schema from type-graphql resolvers (the pattern of
 * type-graphql's `apollo-federation-2` example): build, print with directives, link the
 * federation spec, then let `@apollo/subgraph` add `_entities` and `_service`.
 */
export async function buildFederatedSchema<TContext>(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers<TContext>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const sdl = printSchemaWithDirectives(schema).replace(
    /^type Query \{/m,
    '"""查询 Query: the entry points this subgraph contributes to the graph"""\ntype Query {',
  );
  const typeDefs = parse(
    `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(FEDERATION_IMPORTS)})\n${sdl}`,
  );
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, ref] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...ref,
    } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
