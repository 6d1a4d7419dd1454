import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { ResponseCache } from './response-cache';
import { answerReplay } from './response-cache/replay';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { exportsRouter } from './exports/router';
import { builtInOperations } from './exports/operations';
import { formatError } from '../schema/errors';
import { composeSupergraph } from './compose';
import { observedFetcher, SubgraphDataSource } from './datasource';
import { subgraphClient } from './subgraph-fetch';
import type { SubgraphConfig } from './compose';
import { playgroundRouter } from './playground';
import { disableTelemetryByDefault } from './telemetry';
import { authenticateMiddleware, principalOf } from './auth';
import { hardening, loadManifestFile, requestSignal } from './hardening';
import type { PersistedManifest } from './hardening';
import type { SecurityConfig } from '../security/config';
import type { Principal } from '../security/principal';
import {
  accessLogMiddleware,
  currentRequestId,
  healthRouter,
  metricsHandler,
  metricsPlugin,
  OperationLabels,
  recordOperation,
  requestIdMiddleware,
  requestIdOf,
  requestScopeMiddleware,
  silentLogger,
} from './ops';
import type { Logger, ReadinessProbe } from './ops';

/** What every gateway operation knows: the verified caller. */
export interface GatewayContext {
  readonly principal: Principal;
  /** The request's id (gateway/ops/request-id.ts), forwarded to every subgraph call. */
  readonly requestId?: string;
}

export interface GatewayOptions {
  readonly subgraphs: readonly SubgraphConfig[];
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Time limit for one subgraph fetch. */
  readonly subgraphTimeoutMs?: number;
  /** Use this supergraph instead of composing from the running subgraphs. */
  readonly supergraphSdl?: string;
  /** Tokens, API keys, the subgraph secret, limits (security/config.ts). */
  readonly security: SecurityConfig;
  /** Registered operations app principals may run, when the security config names no file (default: the built-in ones). */
  readonly persistedOperations?: PersistedManifest;
  /** Where audit lines go, with the operation's request id (default: stdout). */
  readonly audit?: (line: string, requestId?: string) => void;
  /** Structured logs (gateway/ops/logging.ts); default: none. HTTP requests are logged at debug level. */
  readonly log?: Logger;
  /** `/readyz`: whether every source is reachable (default: ready whenever alive). */
  readonly readiness?: ReadinessProbe;
  /** How long a readiness answer is reused (ms, default 5 000). */
  readonly readinessCacheMs?: number;
  /** The playground's preset request headers (the demo presets a demo key). */
  readonly playgroundHeaders?: Record<string, string>;
  /** Time limit of one request (ms, default 60 000; 503 after it). */
  readonly requestTimeoutMs?: number;
  /** Whole answers of closed periods (gateway/response-cache); default: none. */
  readonly responseCache?: ResponseCache;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly supergraphSdl: string;
  close(): Promise<void>;
}

/**
 * The federation gateway: composes the supergraph from the subgraphs, answers GraphQL at
 * `POST /graphql`, serves the playground at `GET /`, liveness at `GET /healthz` (and `/health`),
 * readiness at `GET /readyz` and Prometheus metrics at `GET /metrics` (gateway/ops/README.md).
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  disableTelemetryByDefault();
  const { security } = options;
  const secret = security.subgraphSecret;
  const supergraphSdl = options.supergraphSdl ?? (await composeSupergraph(options.subgraphs, { secret }));
  const subgraphs = subgraphClient({ timeoutMs: options.subgraphTimeoutMs ?? 60_000 });
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ url, fetcher: observedFetcher(name, subgraphs.fetcher), secret }),
  });
  const manifest = security.persistedOperations
    ? loadManifestFile(security.persistedOperations)
    : (options.persistedOperations ?? builtInOperations());
  const guard = hardening<GatewayContext>({
    ...(options.requestTimeoutMs !== undefined ? { timeoutMs: options.requestTimeoutMs } : {}),
    // Cost is a static estimate that grows 1.5× per level: 200 000 admits the product's own
    // list-of-entities queries (a region's institutions with their volumes, ~40 000) and refuses
    // wide-and-deep abuse; aliases and depth have their own limits.
    armor: { production: !security.introspection, maxCost: 200_000 },
    // Per account; anonymous callers per client address (they share no account).
    rateLimit: {
      keyOf: (req) => {
        const p = principalOf(req);
        return p.kind === 'ANONYMOUS' ? `anonymous@${req.ip ?? 'unknown'}` : `${p.kind}:${p.id}`;
      },
      ...security.rateLimit,
    },
    persisted: { manifest, enforceFor: (kind) => kind === 'APP' },
    audit: options.audit ? { sink: (line) => options.audit?.(line, currentRequestId()) } : undefined,
  });
  const app = express();
  const http = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: security.introspection,
    validationRules: guard.validationRules,
    parseOptions: guard.parseOptions,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    persistedQueries: guard.persistedQueries,
    // start.ts shuts the whole stack down in order; Apollo must not stop (and re-signal) on its own.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      ...guard.plugins,
      // After the guards: a cached answer is served only to a caller they let through.
      ...(options.responseCache?.plugins ?? []),
      metricsPlugin<GatewayContext>(),
    ],
  });
  await server.start();
  app.disable('x-powered-by');
  app.use(requestIdMiddleware());
  app.use(accessLogMiddleware(options.log ?? silentLogger()));
  app.use(healthRouter({ readiness: options.readiness, readinessCacheMs: options.readinessCacheMs }));
  app.get('/metrics', metricsHandler());
  app.use(playgroundRouter('/graphql', options.playgroundHeaders));
  const authenticated = authenticateMiddleware(security);
  app.use('/exports', authenticated);
  app.use(exportsRouter(server, principalOf));
  // Timeout first, then who is calling (rate limits are per principal), then the body checks.
  const [timeout, ...rest] = guard.middlewares;
  // With a whole-answer cache, the bytes of cacheable answers are replayed after every guard.
  const labels = new OperationLabels();
  const auditSink = options.audit
    ? (line: string) => options.audit?.(line, currentRequestId())
    : (line: string) => process.stdout.write(`${line}\n`);
  const replay =
    options.responseCache && options.responseCache.kind !== 'off'
      ? answerReplay({
          principalOf,
          audit: (record) => auditSink(JSON.stringify(record)),
          observe: (name, seconds) => recordOperation(labels.label(name), 'ok', seconds, []),
        })
      : null;
  app.use(
    '/graphql',
    timeout,
    authenticated,
    ...rest,
    // The request's scope again, with its abort signal: an abandoned request's subgraph calls stop.
    requestScopeMiddleware(requestSignal),
    ...(replay ? [replay.middleware] : []),
    expressMiddleware(server, {
      context: async ({ req }) => ({ principal: principalOf(req), requestId: requestIdOf(req) }),
    }),
  );
  await new Promise<void>((resolve) => http.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    supergraphSdl,
    close: async () => {
      await server.stop();
      await subgraphs.close();
      await options.responseCache?.close();
    },
  };
}
