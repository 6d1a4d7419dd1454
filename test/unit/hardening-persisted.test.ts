import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { jsonBodyMiddleware } from '../../gateway/hardening/limits';
import {
  parseManifest,
  persistedOperationsPlugin,
  persistedQueryMiddleware,
  sha256Hex,
} from '../../gateway/hardening/persisted';
import type { PrincipalContext } from '../../gateway/hardening/persisted';
import type { Principal, PrincipalKind } from '../../security/principal';

const REGISTERED = 'query RegionName($code: String!) { region(code: $code) { name } }';
const OTHER = '{ region(code: "610921") { name } }';
const REGISTERED_HASH = sha256Hex(REGISTERED);

function principal(kind: PrincipalKind, id: string): Principal {
  return {
    id,
    kind,
    division: null,
    orgCode: null,
    grants: [],
    roles: [],
    suppressSmallCounts: kind === 'APP',
  };
}

describe('parseManifest', () => {
  it('reads a manifest whose keys are the sha256 of their documents', () => {
    const manifest = parseManifest({ operations: { [REGISTERED_HASH]: REGISTERED } });
    expect([...manifest.operations]).toEqual([[REGISTERED_HASH, REGISTERED]]);
  });

  it('refuses a key that is not the hash of its document', () => {
    expect(() => parseManifest({ operations: { [REGISTERED_HASH]: OTHER } })).toThrow(
      `persisted manifest: ${REGISTERED_HASH} is not the sha256 of its document`,
    );
  });

  it('refuses a malformed manifest', () => {
    expect(() => parseManifest({ operations: { abc: REGISTERED } })).toThrow(
      'keys must be lower-case sha256 hex',
    );
    expect(() => parseManifest({ ops: {} })).toThrow();
  });
});

describe('persisted-operation allow-list over HTTP', () => {
  let url: string;
  let http: Server;
  let server: ApolloServer<PrincipalContext>;
  const manifest = parseManifest({ operations: { [REGISTERED_HASH]: REGISTERED } });

  beforeAll(async () => {
    server = new ApolloServer<PrincipalContext>({
      typeDefs: 'type Query { region(code: String!): Region } type Region { name: String! }',
      resolvers: {
        Query: { region: (_: unknown, { code }: { code: string }) => ({ name: `region ${code}` }) },
      },
      persistedQueries: false,
      plugins: [persistedOperationsPlugin({ manifest, enforceFor: (kind) => kind === 'APP' })],
    });
    await server.start();
    const app = express();
    app.use(
      '/graphql',
      jsonBodyMiddleware(),
      persistedQueryMiddleware(manifest),
      expressMiddleware(server, {
        context: async ({ req }) => {
          const caller = req.headers['x-caller'];
          if (caller === 'app') return { principal: principal('APP', 'dashboard') };
          if (caller === 'city') return { principal: principal('CITY', '610900') };
          return {};
        },
      }),
    );
    http = createServer(app);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await server.stop();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });

  const post = async (caller: string, body: unknown): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caller': caller },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const notAllowed = {
    status: 403,
    body: {
      errors: [
        {
          message: 'Only registered operations may be run by this caller (未登记的查询)',
          extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
        },
      ],
    },
  };

  it('runs a registered operation for an app', async () => {
    expect(await post('app', { query: REGISTERED, variables: { code: '610921' } })).toEqual({
      status: 200,
      body: { data: { region: { name: 'region 610921' } } },
    });
  });

  it('refuses an unregistered operation for an app, runs it for a city account', async () => {
    expect(await post('app', { query: OTHER })).toEqual(notAllowed);
    expect(await post('city', { query: OTHER })).toEqual({
      status: 200,
      body: { data: { region: { name: 'region 610921' } } },
    });
  });

  it('refuses an unregistered operation when the context has no principal (fail closed)', async () => {
    expect(await post('nobody', { query: OTHER })).toEqual(notAllowed);
  });

  it('resolves a hash-only request from the manifest', async () => {
    const body = {
      variables: { code: '610900' },
      extensions: { persistedQuery: { version: 1, sha256Hash: REGISTERED_HASH } },
    };
    expect(await post('app', body)).toEqual({
      status: 200,
      body: { data: { region: { name: 'region 610900' } } },
    });
  });

  it('resolves a hash-only GET request from the manifest', async () => {
    const params = new URLSearchParams({
      variables: JSON.stringify({ code: '610902' }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: REGISTERED_HASH } }),
    });
    const res = await fetch(`${url}?${params.toString()}`, {
      headers: { 'x-caller': 'app', 'apollo-require-preflight': 'true' },
    });
    expect({ status: res.status, body: await res.json() }).toEqual({
      status: 200,
      body: { data: { region: { name: 'region 610902' } } },
    });
  });

  it('answers 404 PERSISTED_QUERY_NOT_FOUND for an unknown hash', async () => {
    const body = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(OTHER) } } };
    expect(await post('app', body)).toEqual({
      status: 404,
      body: {
        errors: [
          {
            message: 'No registered operation has this sha256Hash (查询哈希未登记)',
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
          },
        ],
      },
    });
  });

  it('answers 400 BAD_REQUEST when the hash does not match the query sent with it', async () => {
    const body = {
      query: OTHER,
      extensions: { persistedQuery: { version: 1, sha256Hash: REGISTERED_HASH } },
    };
    expect(await post('app', body)).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'persistedQuery.sha256Hash does not match the query (查询哈希不符)',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
  });

  it('accepts a matching hash sent with its query (Apollo APQ stays off)', async () => {
    const body = {
      query: REGISTERED,
      variables: { code: '610921' },
      extensions: { persistedQuery: { version: 1, sha256Hash: REGISTERED_HASH } },
    };
    expect(await post('app', body)).toEqual({
      status: 200,
      body: { data: { region: { name: 'region 610921' } } },
    });
  });
});
