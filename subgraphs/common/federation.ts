import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, isObjectType, parse } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { AuthChecker, BuildSchemaOptions } from 'type-graphql';
import { ErrorCode, userError } from '../../schema/errors';
import { hasRole } from '../../security/principal';
import { accessOf } from './access';
import type { GuardedContext, GuardedScope } from './access';

/**
 * The entities whose period data is scoped to the caller, and the key naming the scope. Every
 * field of these types that takes a `period` is data of that region, institution or alliance and
 * is checked before it resolves (FORBIDDEN on that field only; the rest of the operation still
 * resolves); fields without a period are registry master data, public like the registry itself.
 */
const SCOPED_ENTITIES: Record<string, { kind: GuardedScope; key: string }> = {
  Region: { kind: 'REGION', key: 'code' },
  Institution: { kind: 'INSTITUTION', key: 'orgCode' },
  Alliance: { kind: 'ALLIANCE', key: 'id' },
};
/** Period fields that are registry master data (memberships), not the scope's data. */
const MASTER_DATA_FIELDS = new Set(['alliances', 'members']);

type FieldResolverEntry =
  GraphQLFieldResolver<unknown, unknown> | { resolve?: GraphQLFieldResolver<unknown, unknown> };

function guarded(
  kind: GuardedScope,
  key: string,
  resolve: GraphQLFieldResolver<unknown, unknown>,
  raw: boolean,
): GraphQLFieldResolver<unknown, unknown> {
  return async (root, args, context, info) => {
    const code = (root as Record<string, unknown>)[key];
    const guard = accessOf(context as GuardedContext);
    if (typeof code === 'string') await guard.assert(kind, code);
    // Callers under small-count suppression (apps) read indicators, whose counts are suppressed,
    // never the raw aggregates behind them — even if an operation asking for them was registered.
    if (raw) guard.assertUnsuppressed(info.fieldName);
    return resolve(root, args, context, info);
  };
}

/** Wrap every scoped data field of the schema's entities with the caller's access check. */
function guardScopedFields(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>): void {
  for (const [typeName, scope] of Object.entries(SCOPED_ENTITIES)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const typeResolvers = (resolvers[typeName] ?? {}) as Record<string, FieldResolverEntry>;
    for (const field of Object.values(type.getFields())) {
      if (MASTER_DATA_FIELDS.has(field.name) || !field.args.some((a) => a.name === 'period')) continue;
      const entry = typeResolvers[field.name];
      const resolve =
        typeof entry === 'function'
          ? entry
          : (entry?.resolve ?? (defaultFieldResolver as GraphQLFieldResolver<unknown, unknown>));
      typeResolvers[field.name] = guarded(scope.kind, scope.key, resolve, field.name !== 'indicators');
    }
    resolvers[typeName] = typeResolvers as GraphQLResolverMap<unknown>[string];
  }
}

/**
 * `@Authorized('role')` on a field: the caller (the signed principal) must hold every role named;
 * otherwise FORBIDDEN on that field.
 */
const roleChecker: AuthChecker<object> = ({ context }, roles) => {
  const principal = (context as GuardedContext).principal;
  const lacking = roles.filter((r) => !hasRole(principal, r));
  if (lacking.length === 0) return true;
  throw userError(ErrorCode.FORBIDDEN, `Requires role ${lacking.join(', ')} (需要管理员权限)`);
};

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
  const schema = await buildSchema({
    authChecker: roleChecker,
    ...options,
    skipCheck: true,
    validate: false,
  });
  const sdl = printSchemaWithDirectives(schema)
    .replace(
      /^type Query \{/m,
      '"""查询 Query: the entry points this subgraph contributes to the graph"""\ntype Query {',
    )
    .replace(
      /^type Mutation \{/m,
      '"""变更 Mutation: the operations this subgraph contributes (administration only)"""\ntype Mutation {',
    );
  const typeDefs = parse(
    `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(FEDERATION_IMPORTS)})\n${sdl}`,
  );
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  guardScopedFields(schema, resolvers);
  for (const [typeName, ref] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...ref,
    } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
