import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { exportsRouter } from './exports/router';
import { formatError } from '../schema/errors';
import { composeSupergraph } from './compose';
import { SubgraphDataSource, timeoutFetcher } from './datasource';
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
    buildService: ({ url }) => new SubgraphDataSource({ url, fetcher: timeoutFetcher(timeoutMs) }),
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
  app.use(exportsRouter(server));
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
