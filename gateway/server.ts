import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Fetcher } from '@apollo/utils.fetcher';
import express from 'express';
import { formatError } from '../schema/errors';
import { composeSupergraph } from './compose';
import type { SubgraphConfig } from './compose';
import { playgroundRouter } from './playground';
import { disableTelemetryByDefault } from './telemetry';

export interface GatewayOptions {
  readonly subgraphs: readonly SubgraphConfig[];
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Time limit for one subgraph fetch. */
  readonly subgraphTimeoutMs?: number;
  /** Use this supergraph instead of composing from the running subgraphs. */
  readonly supergraphSdl?: string;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly supergraphSdl: string;
  close(): Promise<void>;
}

/** A subgraph fetch that gives up after `timeoutMs` (the Node gateway has no timeout of its own). */
function timeoutFetcher(timeoutMs: number): Fetcher {
  return (url, init) =>
    fetch(url, {
      method: init?.method,
      headers: init?.headers,
      body: typeof init?.body === 'string' || init?.body === undefined ? init?.body : new Uint8Array(init.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
}

/**
 * The federation gateway: composes the supergraph from the subgraphs, answers GraphQL at
 * `POST /graphql`, serves the playground at `GET /` and liveness at `GET /health`.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  disableTelemetryByDefault();
  const supergraphSdl = options.supergraphSdl ?? (await composeSupergraph(options.subgraphs));
  const timeoutMs = options.subgraphTimeoutMs ?? 60_000;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url, fetcher: timeoutFetcher(timeoutMs) }),
  });
  const app = express();
  const http = createServer(app);
  const server = new ApolloServer({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
    ],
  });
  await server.start();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(playgroundRouter('/graphql'));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));
  await new Promise<void>((resolve) => http.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    supergraphSdl,
    close: () => server.stop(),
  };
}
