import {
  ANONYMOUS_OPERATION,
  OperationLabels,
  OTHER_OPERATION,
  recordOperation,
  responseOutcome,
} from '../../gateway/ops/metrics';
import {
  cacheHitRatio,
  observeSourceQuery,
  opsRegistry,
  recordCacheLookup,
} from '../../subgraphs/common/metrics';
import { parseSourcesConfig } from '../../adapters';

/** Current value of one sample of the registry (Prometheus text). */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const text = await opsRegistry.metrics();
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const [series, value] = line.split(' ');
    if (series === name || (series.startsWith(`${name}{`) && want.every((w) => series.includes(w)))) {
      if (series === name && want.length > 0) continue;
      return Number(value);
    }
  }
  return undefined;
}

describe('operation labels', () => {
  test('names are kept, missing names are (anonymous), bad names (other)', () => {
    const labels = new OperationLabels();
    expect(labels.label('RegionDashboard')).toBe('RegionDashboard');
    expect(labels.label(null)).toBe(ANONYMOUS_OPERATION);
    expect(labels.label(undefined)).toBe(ANONYMOUS_OPERATION);
    expect(labels.label('')).toBe(ANONYMOUS_OPERATION);
    expect(labels.label('not a name')).toBe(OTHER_OPERATION);
    expect(labels.label('x'.repeat(101))).toBe(OTHER_OPERATION);
  });

  test('beyond the bound, new names are (other); known names stay', () => {
    const labels = new OperationLabels(2);
    expect(['A', 'B', 'C', 'A'].map((n) => labels.label(n))).toEqual(['A', 'B', OTHER_OPERATION, 'A']);
  });
});

describe('response outcome', () => {
  const single = (result: Record<string, unknown>) => ({
    response: { body: { kind: 'single' as const, singleResult: result }, http: { headers: new Map() } },
  });

  test('ok, partial and error, with codes (INTERNAL_SERVER_ERROR when missing)', () => {
    expect(responseOutcome(single({ data: { a: 1 } }) as never)).toEqual({ outcome: 'ok', codes: [] });
    expect(
      responseOutcome(
        single({ data: { a: null }, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }) as never,
      ),
    ).toEqual({ outcome: 'partial', codes: ['FORBIDDEN'] });
    expect(responseOutcome(single({ errors: [{ message: 'x' }] }) as never)).toEqual({
      outcome: 'error',
      codes: ['INTERNAL_SERVER_ERROR'],
    });
  });
});

describe('metrics in the process registry', () => {
  test('an operation counts once, with one latency sample, and its error codes', async () => {
    recordOperation('UnitOp', 'partial', 0.02, ['FORBIDDEN', 'FORBIDDEN']);
    expect(await sample('gateway_requests_total', { operation: 'UnitOp', outcome: 'partial' })).toBe(1);
    expect(
      await sample('gateway_request_duration_seconds_count', { operation: 'UnitOp', outcome: 'partial' }),
    ).toBe(1);
    expect(
      await sample('gateway_request_duration_seconds_bucket', {
        le: '0.025',
        operation: 'UnitOp',
        outcome: 'partial',
      }),
    ).toBe(1);
    expect(
      await sample('gateway_request_duration_seconds_bucket', {
        le: '0.01',
        operation: 'UnitOp',
        outcome: 'partial',
      }),
    ).toBe(0);
    expect(await sample('gateway_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(2);
  });

  test('cache lookups: counters by result and the hit ratio', async () => {
    expect(await sample('cache_lookups_total', { result: 'hit' })).toBe(0);
    expect(await sample('cache_hit_ratio')).toBe(0);
    recordCacheLookup(true);
    recordCacheLookup(true);
    recordCacheLookup(true);
    recordCacheLookup(false);
    expect(cacheHitRatio()).toBe(0.75);
    expect(await sample('cache_lookups_total', { result: 'hit' })).toBe(3);
    expect(await sample('cache_lookups_total', { result: 'miss' })).toBe(1);
    expect(await sample('cache_hit_ratio')).toBe(0.75);
  });

  test('source statements: latency by outcome, errors by failure', async () => {
    const [, source] = parseSourcesConfig({
      sources: [
        { id: 'registry', kind: 'registry', url: 'sqlite:/registry.db' },
        { id: 'his-x', kind: 'his_a', url: 'sqlite:/nowhere.db', institutions: ['12610900MB0000001X'] },
      ],
    }).sources;
    observeSourceQuery({ source, seconds: 0.003, failure: null });
    observeSourceQuery({ source, seconds: 1, failure: 'TIMEOUT' });
    expect(
      await sample('source_query_duration_seconds_count', { source: 'his-x', kind: 'his_a', outcome: 'OK' }),
    ).toBe(1);
    expect(
      await sample('source_query_duration_seconds_count', {
        source: 'his-x',
        kind: 'his_a',
        outcome: 'TIMEOUT',
      }),
    ).toBe(1);
    expect(
      await sample('source_query_errors_total', { source: 'his-x', kind: 'his_a', failure: 'TIMEOUT' }),
    ).toBe(1);
  });

  test('default process metrics are collected', async () => {
    expect(await sample('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});
