import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { RequestHandler } from 'express';
import {
  contentTypeMiddleware,
  countTokens,
  jsonBodyMiddleware,
  requestSignal,
  requestTimeoutMiddleware,
  tokenLimitMiddleware,
} from '../../gateway/hardening/limits';

/** What the handlers saw of their request's signal. */
const seen: string[] = [];

/** A tiny app: `middlewares`, then a handler that echoes the parsed body (or waits, for `/slow`). */
async function start(middlewares: RequestHandler[]): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use('/graphql', ...middlewares, (req, res) => {
    res.json({ data: { echo: (req.body as unknown) ?? null } });
  });
  app.use('/answered', ...middlewares, (_req, res) => {
    res.on('close', () => seen.push(`answered: aborted ${requestSignal(res)?.aborted}`));
    res.json({ data: { ok: true } });
  });
  app.use('/hang', ...middlewares, (_req, res) => {
    const signal = requestSignal(res);
    signal?.addEventListener('abort', () => seen.push(`hang: ${(signal.reason as Error).message}`));
  });
  app.use('/slow', ...middlewares, (_req, res) => {
    const signal = requestSignal(res);
    signal?.addEventListener('abort', () => {
      res.json({ data: { late: true } });
    });
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function call(
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const json = { 'content-type': 'application/json' };
const error = (code: string, message: string): unknown => ({ errors: [{ message, extensions: { code } }] });

describe('HTTP limits', () => {
  let url: string;
  let server: Server;
  beforeAll(async () => {
    ({ url, server } = await start([
      requestTimeoutMiddleware({ timeoutMs: 200 }),
      contentTypeMiddleware(),
      jsonBodyMiddleware({ maxBytes: 1000 }),
      tokenLimitMiddleware(20),
    ]));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes a normal POST through', async () => {
    expect(
      await call(`${url}/graphql`, { method: 'POST', headers: json, body: '{"query":"{ a }"}' }),
    ).toMatchObject({ status: 200, body: { data: { echo: { query: '{ a }' } } } });
  });

  it('answers 413 PAYLOAD_TOO_LARGE over the body limit', async () => {
    const body = JSON.stringify({ query: `{ a } #${'x'.repeat(1000)}` });
    expect(await call(`${url}/graphql`, { method: 'POST', headers: json, body })).toMatchObject({
      status: 413,
      body: error('PAYLOAD_TOO_LARGE', 'Request body too large (请求体过大)'),
    });
  });

  it('answers 400 BAD_REQUEST for invalid JSON and for a JSON scalar', async () => {
    const expected = {
      status: 400,
      body: error('BAD_REQUEST', 'Request body is not valid JSON (请求体不是合法 JSON)'),
    };
    expect(await call(`${url}/graphql`, { method: 'POST', headers: json, body: '{"query": ' })).toMatchObject(
      expected,
    );
    expect(await call(`${url}/graphql`, { method: 'POST', headers: json, body: '"{ a }"' })).toMatchObject(
      expected,
    );
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a POST that is not JSON', async () => {
    const expected = {
      status: 415,
      body: error(
        'UNSUPPORTED_MEDIA_TYPE',
        'POST requests must have Content-Type: application/json (内容类型必须为 application/json)',
      ),
    };
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      expect(
        await call(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': type },
          body: 'query={a}',
        }),
      ).toMatchObject(expected);
    }
    expect(await call(`${url}/graphql`, { method: 'POST', body: '{"query":"{ a }"}' })).toMatchObject({
      status: 415,
    });
  });

  it('accepts application/json with a charset, refuses an unknown charset', async () => {
    const body = '{"query":"{ a }"}';
    expect(
      await call(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'Application/JSON; charset=utf-8' },
        body,
      }),
    ).toMatchObject({ status: 200 });
    expect(
      await call(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=klingon' },
        body,
      }),
    ).toMatchObject({
      status: 415,
      body: error('UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset (不支持的字符集)'),
    });
  });

  it('answers 405 METHOD_NOT_ALLOWED with Allow for PUT, lets GET through', async () => {
    const put = await call(`${url}/graphql`, { method: 'PUT', headers: json, body: '{}' });
    expect(put).toMatchObject({
      status: 405,
      body: error('METHOD_NOT_ALLOWED', 'Method PUT is not allowed; use GET, POST (请求方法不支持)'),
    });
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect(await call(`${url}/graphql?query=%7Ba%7D`, { method: 'GET' })).toMatchObject({ status: 200 });
  });

  it('refuses batched array bodies with BATCH_NOT_ALLOWED', async () => {
    const body = JSON.stringify([{ query: '{ a }' }, { query: '{ b }' }]);
    expect(await call(`${url}/graphql`, { method: 'POST', headers: json, body })).toMatchObject({
      status: 400,
      body: error(
        'BATCH_NOT_ALLOWED',
        'Batched requests are not allowed; send one operation per request (不支持批量请求)',
      ),
    });
  });

  it('refuses documents over the token limit with TOO_MANY_TOKENS, in POST and GET', async () => {
    const query = `{ ${'a '.repeat(30)}}`;
    const expected = {
      status: 400,
      body: error('TOO_MANY_TOKENS', 'Query has more than 20 tokens (查询过长)'),
    };
    expect(
      await call(`${url}/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query }) }),
    ).toMatchObject(expected);
    expect(await call(`${url}/graphql?query=${encodeURIComponent(query)}`, { method: 'GET' })).toMatchObject(
      expected,
    );
  });

  it('answers 503 REQUEST_TIMEOUT when the handler does not answer in time, and drops the late answer', async () => {
    expect(await call(`${url}/slow`, { method: 'POST', headers: json, body: '{}' })).toMatchObject({
      status: 503,
      body: error('REQUEST_TIMEOUT', 'The operation did not finish within 200 ms (请求超时)'),
    });
    // the server still answers normally afterwards
    expect(
      await call(`${url}/graphql`, { method: 'POST', headers: json, body: '{"query":"{ a }"}' }),
    ).toMatchObject({ status: 200 });
  });

  it('aborts the request signal when the client goes away, never after a normal answer', async () => {
    seen.length = 0;
    expect(await call(`${url}/answered`, { method: 'POST', headers: json, body: '{}' })).toMatchObject({
      status: 200,
    });
    const gone = new AbortController();
    const hanging = fetch(`${url}/hang`, { method: 'POST', headers: json, body: '{}', signal: gone.signal });
    await new Promise((r) => setTimeout(r, 50));
    gone.abort();
    await expect(hanging).rejects.toThrow();
    for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['answered: aborted false', 'hang: request closed']);
  });
});

describe('batches when enabled', () => {
  let url: string;
  let server: Server;
  beforeAll(async () => {
    ({ url, server } = await start([jsonBodyMiddleware({ maxBatchLength: 2 }), tokenLimitMiddleware(20)]));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts up to maxBatchLength, refuses longer batches with BATCH_TOO_LARGE', async () => {
    const batch = (n: number): string =>
      JSON.stringify(Array.from({ length: n }, () => ({ query: '{ a }' })));
    expect(await call(`${url}/graphql`, { method: 'POST', headers: json, body: batch(2) })).toMatchObject({
      status: 200,
    });
    expect(await call(`${url}/graphql`, { method: 'POST', headers: json, body: batch(3) })).toMatchObject({
      status: 400,
      body: error('BATCH_TOO_LARGE', 'At most 2 operations per batch (批量请求过多)'),
    });
  });

  it('applies the token limit to every entry of a batch', async () => {
    const body = JSON.stringify([{ query: '{ a }' }, { query: `{ ${'a '.repeat(30)}}` }]);
    expect(await call(`${url}/graphql`, { method: 'POST', headers: json, body })).toMatchObject({
      status: 400,
      body: error('TOO_MANY_TOKENS', 'Query has more than 20 tokens (查询过长)'),
    });
  });
});

describe('countTokens', () => {
  it('counts lexical tokens (comments excluded), stopping after limit + 1', () => {
    expect(countTokens('{ a b }', 100)).toBe(4);
    expect(countTokens('# comment\n{ a(x: "s") }', 100)).toBe(8);
    expect(countTokens(`{ ${'a '.repeat(10_000)}}`, 50)).toBe(51);
  });

  it('counts 0 for text the lexer rejects (Apollo reports the syntax error)', () => {
    expect(countTokens('{ a "unterminated', 100)).toBe(0);
  });
});
