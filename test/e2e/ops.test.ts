import { parseSourcesConfig } from '../../adapters';
import type { SourcesConfig } from '../../adapters';
import { createLogger } from '../../gateway/ops/logging';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import { buildRegion } from '../fixtures/region.fixture';
import { callerHeaders, gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';
import { useStack } from '../helpers/stack';

/** JSON log lines written by the stack, parsed. */
const logLines: string[] = [];
const log = createLogger({
  level: 'info',
  destination: { write: (line: string) => void logLines.push(line) },
});
const records = (): Array<Record<string, unknown>> =>
  logLines.map((l) => JSON.parse(l) as Record<string, unknown>);

/** Audit lines with the request id the gateway handed the sink. */
const audits: Array<{ operationName: unknown; requestId: string | undefined }> = [];

const stack = useStack(() => buildRegion('sqlite', 'hag_ops'), {
  log,
  audit: (line, requestId) =>
    audits.push({ operationName: (JSON.parse(line) as { operationName: unknown }).operationName, requestId }),
  readinessCacheMs: 60_000,
});

const SOURCES = [
  { id: 'registry', kind: 'registry' },
  { id: 'his-a-city', kind: 'his_a' },
  { id: 'his-a-upgraded', kind: 'his_a' },
  { id: 'his-b-county', kind: 'his_b' },
  { id: 'hrm', kind: 'hrm' },
  { id: 'ins', kind: 'ins' },
];

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

async function metricsText(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

/** The value of one sample of the Prometheus text, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

async function post(
  url: string,
  query: string,
  headers: Record<string, string>,
  caller = 'national',
): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders(caller), ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('liveness and readiness', () => {
  test('/healthz and its alias /health answer 200 while the gateway serves', async () => {
    expect(await getJson(`${stack.gateway.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${stack.gateway.url}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  test('every subgraph answers /healthz with its name', async () => {
    const indicators = stack.subgraphs.indicators.url.replace(/\/graphql$/, '');
    expect(await getJson(`${indicators}/healthz`)).toEqual({
      status: 200,
      body: { status: 'ok', subgraph: 'indicators' },
    });
  });

  test('/readyz answers 200 with every source of the region OK', async () => {
    expect(await getJson(`${stack.gateway.url}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ready', ready: true, sources: SOURCES.map((s) => ({ ...s, status: 'OK' })) },
    });
  });
});

describe('readiness with a source down', () => {
  let down: RunningStack;
  /** The fixture with its workforce registry pointing at a MySQL port nothing listens on. */
  const breakHrm = (config: SourcesConfig): SourcesConfig =>
    parseSourcesConfig({
      queryTimeoutMs: 2000,
      sources: config.sources.map((s) => ({
        id: s.id,
        kind: s.kind,
        institutions: s.institutions.length ? [...s.institutions] : undefined,
        url: s.id === 'hrm' ? 'mysql://hag_reader:x@127.0.0.1:1/nowhere' : s.url,
      })),
    });

  beforeAll(async () => {
    down = await startStack({
      sources: breakHrm(await buildRegion('sqlite', 'hag_ops_down')),
      port: 0,
      logger: quietLogger(),
      readinessCacheMs: 60_000,
    });
  });
  afterAll(async () => {
    await down.close();
  });

  test('/readyz answers 503 naming the unreachable source; a second probe reuses the answer', async () => {
    const before = down.sources.statementCount();
    const expected = {
      status: 503,
      body: {
        status: 'not ready',
        ready: false,
        sources: SOURCES.map((s) => ({ ...s, status: s.id === 'hrm' ? 'UNREACHABLE' : 'OK' })),
      },
    };
    expect(await getJson(`${down.gateway.url}/readyz`)).toEqual(expected);
    // Five reachable sources ran SELECT 1 once; the refused connection ran no statement.
    expect(down.sources.statementCount() - before).toBe(5);
    expect(await getJson(`${down.gateway.url}/readyz`)).toEqual(expected);
    expect(down.sources.statementCount() - before).toBe(5);
    const text = await metricsText(down.gateway.url);
    expect(
      sample(text, 'source_query_errors_total', { source: 'hrm', kind: 'hrm', failure: 'UNREACHABLE' }),
    ).toBe(1);
    expect(
      sample(text, 'source_query_duration_seconds_count', {
        source: 'hrm',
        kind: 'hrm',
        outcome: 'UNREACHABLE',
      }),
    ).toBe(1);
  });
});

describe('metrics', () => {
  test('an operation is counted by name and outcome, with its latency, subgraph fetches and source statements', async () => {
    const ok = await gql(stack.gateway.url, 'query OpsRegionName { region(code: "610921") { name } }');
    expect(ok.body).toEqual({ data: { region: { name: '汉阴县' } } });
    const refused = await gql(
      stack.gateway.url,
      'query OpsProvince { region(code: "610000") { serviceVolume(period: "2019") { visits { total } } } }',
      undefined,
      'city',
    );
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const text = await metricsText(stack.gateway.url);
    expect(
      sample(text, 'gateway_request_duration_seconds_count', { operation: 'OpsRegionName', outcome: 'ok' }),
    ).toBe(1);
    expect(
      sample(text, 'gateway_request_duration_seconds_bucket', {
        operation: 'OpsRegionName',
        outcome: 'ok',
        le: '+Inf',
      }),
    ).toBe(1);
    // Refused: an error, and data or not depending on whether the field's parent is nullable.
    const outcome = refused.body.data ? 'partial' : 'error';
    const other = outcome === 'error' ? 'partial' : 'error';
    expect(sample(text, 'gateway_requests_total', { operation: 'OpsProvince', outcome })).toBe(1);
    expect(
      sample(text, 'gateway_requests_total', { operation: 'OpsProvince', outcome: other }),
    ).toBeUndefined();
    expect(sample(text, 'gateway_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(1);
    expect(
      sample(text, 'gateway_subgraph_fetch_duration_seconds_count', {
        subgraph: 'institutions',
        outcome: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'source_query_duration_seconds_count', {
        source: 'registry',
        kind: 'registry',
        outcome: 'OK',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'subgraph_request_duration_seconds_count', { subgraph: 'institutions', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    // The cache layer's counters are always exported (0 until its first lookup).
    expect(sample(text, 'cache_lookups_total', { result: 'hit' })).not.toBeUndefined();
    expect(sample(text, 'cache_lookups_total', { result: 'miss' })).not.toBeUndefined();
    expect(sample(text, 'cache_hit_ratio')).not.toBeUndefined();
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  test('a subgraph serves the same process registry on its own /metrics', async () => {
    const institutions = stack.subgraphs.institutions.url.replace(/\/graphql$/, '');
    const text = await metricsText(institutions);
    expect(
      sample(text, 'subgraph_request_duration_seconds_count', { subgraph: 'institutions', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('request ids', () => {
  const INDICATOR = (period: string, name: string) =>
    `query ${name} { region(code: "610921") { indicators(period: "${period}", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value } } }`;

  test('a well-formed x-request-id comes back, reaches every subgraph the operation touches, and is audited', async () => {
    // Warm-up: the indicators subgraph discovers the measure owners once (a call to every subgraph).
    await post(stack.gateway.url, INDICATOR('2019H2', 'OpsWarmUp'), {});
    const res = await post(stack.gateway.url, INDICATOR('2019H1', 'OpsTraced'), {
      'x-request-id': 'ops-test-0001',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('ops-test-0001');
    const subgraphs = records()
      .filter((r) => r.msg === 'subgraph request' && r.requestId === 'ops-test-0001')
      .map((r) => r.subgraph);
    // The gateway asked institutions (the region) and indicators (its indicators); indicators
    // asked institutions again for the visits (the measure client forwards the id).
    expect([...subgraphs].sort()).toEqual(['indicators', 'institutions', 'institutions']);
    expect(audits.filter((a) => a.operationName === 'OpsTraced')).toEqual([
      { operationName: 'OpsTraced', requestId: 'ops-test-0001' },
    ]);
  });

  test('a malformed x-request-id is replaced by a fresh UUID', async () => {
    const res = await post(stack.gateway.url, '{ __typename }', { 'x-request-id': 'no spaces "allowed"' });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('a request without one gets a fresh UUID, also on /healthz', async () => {
    const res = await fetch(`${stack.gateway.url}/healthz`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
