import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { hardening, HardeningErrorCode, parseManifest, sha256Hex } from '../../gateway/hardening';
import type { PrincipalContext } from '../../gateway/hardening';
import type { Principal } from '../../security/principal';

const app: Principal = {
  id: 'dashboard',
  kind: 'APP',
  division: null,
  orgCode: null,
  grants: [{ kind: 'REGION', code: '610900' }],
  roles: ['indicators:read'],
  suppressSmallCounts: true,
};

describe('hardening()', () => {
  it('lists every stable code once', () => {
    expect(Object.values(HardeningErrorCode).sort()).toEqual([
      'BAD_REQUEST',
      'BATCH_NOT_ALLOWED',
      'BATCH_TOO_LARGE',
      'METHOD_NOT_ALLOWED',
      'PAYLOAD_TOO_LARGE',
      'PERSISTED_QUERY_NOT_ALLOWED',
      'PERSISTED_QUERY_NOT_FOUND',
      'QUERY_TOO_COSTLY',
      'QUERY_TOO_DEEP',
      'RATE_LIMITED',
      'REQUEST_TIMEOUT',
      'TOO_MANY_ALIASES',
      'TOO_MANY_DIRECTIVES',
      'TOO_MANY_TOKENS',
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
    expect(Object.entries(HardeningErrorCode).every(([key, value]) => key === value)).toBe(true);
  });

  it('bundles only what is configured', () => {
    const plain = hardening({ audit: false });
    expect([plain.middlewares.length, plain.plugins.length, plain.validationRules.length]).toEqual([4, 0, 4]);
    expect(plain.parseOptions).toEqual({ maxTokens: 5000 });
    expect([plain.allowBatchedHttpRequests, plain.persistedQueries]).toEqual([false, false]);
    const full = hardening({
      armor: { production: true, maxTokens: 900 },
      body: { maxBatchLength: 5 },
      rateLimit: { keyOf: () => 'k', perMinute: 60, burst: 10 },
      persisted: { manifest: parseManifest({ operations: {} }), enforceFor: (kind) => kind === 'APP' },
      timeoutMs: 0,
    });
    expect([full.middlewares.length, full.plugins.length, full.validationRules.length]).toEqual([5, 3, 4]);
    expect([full.parseOptions, full.allowBatchedHttpRequests]).toEqual([{ maxTokens: 900 }, true]);
  });
});

describe('hardening() wired into a tiny gateway', () => {
  const REGISTERED = '{ region(code: "610921") { name } }';
  const lines: string[] = [];
  let url: string;
  let http: Server;
  let server: ApolloServer<PrincipalContext>;

  beforeAll(async () => {
    const bundle = hardening<PrincipalContext>({
      audit: { sink: (line) => lines.push(line) },
      persisted: {
        manifest: parseManifest({ operations: { [sha256Hex(REGISTERED)]: REGISTERED } }),
        enforceFor: (kind) => kind === 'APP',
      },
      rateLimit: {
        keyOf: (req) => String(req.headers['x-caller'] ?? 'anonymous'),
        perMinute: 600,
        burst: 100,
      },
    });
    server = new ApolloServer<PrincipalContext>({
      typeDefs: 'type Query { region(code: String!): Region } type Region { name: String! }',
      resolvers: { Query: { region: () => ({ name: '汉阴县' }) } },
      plugins: bundle.plugins,
      validationRules: bundle.validationRules,
      parseOptions: bundle.parseOptions,
      allowBatchedHttpRequests: bundle.allowBatchedHttpRequests,
      persistedQueries: bundle.persistedQueries,
    });
    await server.start();
    const express5 = express();
    express5.use(
      '/graphql',
      ...bundle.middlewares,
      expressMiddleware(server, {
        context: async ({ req }) => (req.headers['x-caller'] === 'app' ? { principal: app } : {}),
      }),
    );
    http = createServer(express5);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await server.stop();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });

  const post = async (query: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caller': 'app' },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: await res.json() };
  };

  it('runs a registered operation, refuses an alias bomb and an unregistered one, and audits each', async () => {
    expect(await post(REGISTERED)).toEqual({ status: 200, body: { data: { region: { name: '汉阴县' } } } });
    const bomb = `{ ${Array.from({ length: 50 }, (_, i) => `r${i}: region(code: "610921") { name }`).join(' ')} }`;
    const refused = await post(bomb);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      errors: [
        {
          message: 'Aliases limit of 30 exceeded, found 50.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, // schema/errors.ts formatError surfaces TOO_MANY_ALIASES
        },
      ],
    });
    expect(await post('{ region(code: "610902") { name } }')).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }] },
    });
    expect(
      lines.map((line) => (JSON.parse(line) as { outcome: string; errorCodes: string[] }).errorCodes),
    ).toEqual([[], ['GRAPHQL_VALIDATION_FAILED'], ['PERSISTED_QUERY_NOT_ALLOWED']]);
  });
});
