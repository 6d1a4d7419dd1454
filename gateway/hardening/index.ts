import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import type { ParseOptions, ValidationRule } from 'graphql';
import { armorPlugins, ArmorErrorCode } from './armor';
import type { ArmorOptions } from './armor';
import { auditPlugin } from './audit';
import type { AuditOptions } from './audit';
import {
  contentTypeMiddleware,
  jsonBodyMiddleware,
  LimitErrorCode,
  requestTimeoutMiddleware,
  tokenLimitMiddleware,
} from './limits';
import type { ContentTypeOptions, JsonBodyOptions } from './limits';
import { PersistedErrorCode, persistedOperationsPlugin, persistedQueryMiddleware } from './persisted';
import type { PersistedOperationsOptions, PrincipalContext } from './persisted';
import { RateLimitErrorCode, rateLimitMiddleware } from './rate-limit';
import type { RateLimitOptions } from './rate-limit';

export * from './armor';
export * from './audit';
export * from './limits';
export * from './persisted';
export * from './rate-limit';

/** Every stable `extensions.code` the hardening layer produces (add them to schema/errors.ts). */
export const HardeningErrorCode = {
  ...ArmorErrorCode,
  ...LimitErrorCode,
  ...RateLimitErrorCode,
  ...PersistedErrorCode,
} as const;
export type HardeningErrorCode = (typeof HardeningErrorCode)[keyof typeof HardeningErrorCode];

export interface HardeningOptions {
  /** Query-shape limits (depth 15, aliases 30, cost 20 000, tokens 5 000, directives 50). */
  readonly armor?: ArmorOptions;
  /** Body size (100 kB) and batching (off). */
  readonly body?: JsonBodyOptions;
  readonly contentType?: ContentTypeOptions;
  /** Time limit of a whole request in ms. Default 60 000; 0 disables. */
  readonly timeoutMs?: number;
  /** Per-principal token bucket; off unless given. `keyOf` names the caller of a request. */
  readonly rateLimit?: RateLimitOptions & { readonly keyOf: (req: Request) => string | Promise<string> };
  /** Persisted-operation allow-list; off unless given. */
  readonly persisted?: PersistedOperationsOptions;
  /** Audit log; on by default (stdout), `false` turns it off. */
  readonly audit?: AuditOptions | false;
}

/** Everything to plug into the gateway. */
export interface Hardening<TContext extends PrincipalContext> {
  /** Add to `new ApolloServer({ plugins })`. */
  readonly plugins: ApolloServerPlugin<TContext>[];
  /** `new ApolloServer({ validationRules })`. */
  readonly validationRules: ValidationRule[];
  /** `new ApolloServer({ parseOptions })`: the token limit again, for `executeOperation` callers. */
  readonly parseOptions: ParseOptions;
  /** `new ApolloServer({ allowBatchedHttpRequests })`: true only when batches are enabled. */
  readonly allowBatchedHttpRequests: boolean;
  /** `new ApolloServer({ persistedQueries: false })`: the manifest, not Apollo's APQ cache, resolves hashes. */
  readonly persistedQueries: false;
  /** In order, for `app.use('/graphql', ...middlewares, expressMiddleware(server, …))` (no other body parser). */
  readonly middlewares: RequestHandler[];
}

/** Bundles the hardening pieces with their defaults (see README.md). */
export function hardening<TContext extends PrincipalContext>(
  options: HardeningOptions = {},
): Hardening<TContext> {
  const armor = armorPlugins(options.armor);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const middlewares: RequestHandler[] = [
    ...(timeoutMs > 0 ? [requestTimeoutMiddleware({ timeoutMs })] : []),
    contentTypeMiddleware(options.contentType),
    ...(options.rateLimit ? [rateLimitMiddleware(options.rateLimit.keyOf, options.rateLimit)] : []),
    jsonBodyMiddleware(options.body),
    tokenLimitMiddleware(armor.maxTokens),
    ...(options.persisted ? [persistedQueryMiddleware(options.persisted.manifest)] : []),
  ];
  const plugins: ApolloServerPlugin<TContext>[] = [
    ...(armor.plugins as ApolloServerPlugin<TContext>[]),
    ...(options.persisted ? [persistedOperationsPlugin<TContext>(options.persisted)] : []),
    ...(options.audit === false ? [] : [auditPlugin<TContext>(options.audit)]),
  ];
  return {
    plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: armor.maxTokens },
    allowBatchedHttpRequests: options.body?.maxBatchLength !== undefined,
    persistedQueries: false,
    middlewares,
  };
}
