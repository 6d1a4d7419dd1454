import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
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
}

/** The verified caller, in every subgraph context. */
export interface PrincipalContext {
  readonly principal: Principal;
}

/** Serve one subgraph: `POST /graphql`, `GET /health`. Errors are masked by the shared formatter. */
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
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: options.name });
  });
  const principals = new WeakMap<object, Principal>();
  app.use('/graphql', (req, res, next) => {
    try {
      principals.set(req, verifyPrincipal(req.headers, options.secret));
      next();
    } catch (e) {
      res.status(401).json({
        errors: [{ message: (e as Error).message, extensions: { code: ErrorCode.UNAUTHENTICATED } }],
      });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
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
