import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphClient } from '../../gateway/subgraph-fetch';
import type { SubgraphClient } from '../../gateway/subgraph-fetch';

/** What the fake subgraph saw of each call. */
interface Seen {
  method?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
let sockets = 0;
/** For each call to `/hang` (never answered) whose connection closed: whether it had been answered. */
const hangsClosed: boolean[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method, headers: req.headers, body });
  if (req.url === '/slow') return void setTimeout(() => res.end('{"data":{"late":true}}'), 400);
  if (req.url === '/hang') return void res.on('close', () => hangsClosed.push(res.writableFinished));
  if (req.url === '/bad') {
    res.writeHead(400, { 'content-type': 'application/json' });
    return void res.end('{"errors":[{"message":"期间格式错误","extensions":{"code":"BAD_PERIOD"}}]}');
  }
  res.writeHead(200, [
    ['content-type', 'application/json; charset=utf-8'],
    ['cache-control', 'max-age=60, public'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ]);
  res.end(JSON.stringify({ data: { echo: JSON.parse(body) as unknown, 名称: '安康市' } }));
}

beforeAll(async () => {
  server = createServer((req, res) => void readBody(req).then((body) => answer(req, res, body)));
  server.on('connection', () => (sockets += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('subgraphClient (the gateway → subgraph HTTP client)', () => {
  let client: SubgraphClient;
  beforeEach(() => {
    seen.length = 0;
    sockets = 0;
    client = subgraphClient({ timeoutMs: 200 });
  });
  afterEach(() => client.close());

  test('sends method, headers and body as given, and answers status, headers and the whole body', async () => {
    const res = await client.fetcher(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' },
      body: '{"query":"{ a }"}',
    });
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        body: '{"query":"{ a }"}',
        headers: expect.objectContaining({ 'content-type': 'application/json', 'x-request-id': 'r-1' }),
      }),
    ]);
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${base}/graphql`);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('max-age=60, public');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await res.json()).toEqual({ data: { echo: { query: '{ a }' }, 名称: '安康市' } });
    // The body is read once and may be read again (Apollo reads it as text or JSON).
    expect(JSON.parse(await res.clone().text())).toEqual({
      data: { echo: { query: '{ a }' }, 名称: '安康市' },
    });
    expect(new TextDecoder().decode(await res.arrayBuffer())).toContain('安康市');
  });

  test('a non-2xx answer is returned, not thrown, with its body (the data source turns it into the error)', async () => {
    const res = await client.fetcher(`${base}/bad`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
    expect(res.ok).toBe(false);
    expect(await res.json()).toEqual({
      errors: [{ message: '期间格式错误', extensions: { code: 'BAD_PERIOD' } }],
    });
  });

  test('calls in sequence reuse kept-alive connections (undici alternates between two)', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await client.fetcher(`${base}/graphql`, { method: 'POST', body: `{"i":${i}}` });
      await res.text();
    }
    expect(seen).toHaveLength(10);
    expect(sockets).toBeLessThanOrEqual(2);
  });

  test('a call not answered in full within the time limit rejects, naming the limit', async () => {
    await expect(client.fetcher(`${base}/slow`, { method: 'POST', body: '{}' })).rejects.toThrow(
      'subgraph did not answer within 200 ms',
    );
  });

  test('a call whose signal aborts (its gateway request was abandoned) rejects with its reason, closing the call', async () => {
    const abandoned = new AbortController();
    const call = client.fetcher(`${base}/hang`, { method: 'POST', body: '{}', signal: abandoned.signal });
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    abandoned.abort(new Error('request timed out'));
    await expect(call).rejects.toThrow('request timed out');
    while (hangsClosed.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(hangsClosed).toEqual([false]);
    // A signal aborted already: no call is sent.
    await expect(
      client.fetcher(`${base}/graphql`, { method: 'POST', body: '{}', signal: abandoned.signal }),
    ).rejects.toThrow('request timed out');
    expect(seen).toHaveLength(1);
  });

  test('a subgraph that is not listening rejects (connection refused)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      client.fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' }),
    ).rejects.toThrow();
  });
});
