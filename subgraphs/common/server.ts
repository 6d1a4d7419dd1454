import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { ErrorCode, formatError } from '../../schema/errors';
import type { Principal } from '../../security/principal';
import { verifyPrincipal } from '../../security/signing';
import { healthRouter } from '../../gateway/ops/health';
import { createLogger } from '../../gateway/ops/logging';
import type { Logger } from '../../gateway/ops/logging';
import { requestIdMiddleware, requestIdOf, requestScopeMiddleware } from '../../gateway/ops/request-id';
import { metricsHandler, observeSubgraphRequest } from './metrics';

/** The id of the request being served (the gateway's `x-request-id`), for calls a subgraph makes on. */
export { currentRequestId } from '../../gateway/ops/request-id';

/** A running HTTP server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** A fresh context per request (per-request DataLoaders live here); `principal` is added to it. */
  readonly context: (principal: Principal) => Promise<TContext> | TContext;
  readonly plugins?: ApolloServerPlugin<TContext>[];
  /**
   * HMAC key shared with the gateway: every call must carry the principal the gateway verified,
   * signed with it (security/signing.ts); anything else is refused with UNAUTHENTICATED.
   */
  readonly secret: string;
  /** Structured logs: one info line per GraphQL request, with its request id; default: JSON to stdout. */
  readonly log?: Logger;
}

/** The verified caller, in every subgraph context. */
export interface PrincipalContext {
  readonly principal: Principal;
}

/**
 * Serve one subgraph: `POST /graphql`, `GET /healthz` (and `/health`), `GET /metrics` (the process
 * registry, subgraphs/common/metrics.ts). Every request keeps the caller's `x-request-id` (or gets
 * one) for its logs and for the calls it makes on. Errors are masked by the shared formatter.
 */
export async function serveSubgraph<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const app = express();
  const http = createServer(app);
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No subgraph declares cache hints: the gateway reads an answer without a Cache-Control
      // header as uncacheable, as it read Apollo's `no-store`, and the indicators subgraph sets
      // its own (resultCachePolicyPlugin). Apollo's plugin would only wrap every field resolver
      // (a province's measure values are ~10^5 fields: one hook call and hint object each).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  const log = options.log ?? createLogger({ base: { service: options.name } });
  app.use(requestIdMiddleware());
  app.use(healthRouter({ about: { subgraph: options.name } }));
  app.get('/metrics', metricsHandler());
  app.use('/graphql', (req, res, next) => {
    const startedAt = performance.now();
    const requestId = requestIdOf(req);
    res.on('finish', () => {
      const seconds = (performance.now() - startedAt) / 1000;
      observeSubgraphRequest(options.name, res.statusCode, seconds);
      log.info(
        { subgraph: options.name, requestId, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10 },
        'subgraph request',
      );
    });
    next();
  });
  const principals = new WeakMap<object, Principal>();
  app.use('/graphql', (req, res, next) => {
    try {
      principals.set(req, verifyPrincipal(req.headers, options.secret));
      next();
    } catch (e) {
      const reason = (e as { extensions?: { reason?: unknown } }).extensions?.reason;
      res.status(401).json({
        errors: [
          {
            message: (e as Error).message,
            extensions: {
              code: ErrorCode.UNAUTHENTICATED,
              ...(typeof reason === 'string' ? { reason } : {}),
            },
          },
        ],
      });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    requestScopeMiddleware(),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const principal = principals.get(req)!;
        return Object.assign(await options.context(principal), { principal });
      },
    }),
  );
  await new Promise<void>((resolve) => http.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    close: () => server.stop(),
  };
}
