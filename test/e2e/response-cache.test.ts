import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { RESPONSE_KEY_PREFIX } from '../../gateway/response-cache';
import { todayInShanghai } from '../../schema/period';
import type { RunningStack } from '../../scripts/stack';
import { REDIS_KEY_PREFIX } from '../../subgraphs/indicators/cache';
import { buildRegion } from '../fixtures/region.fixture';
import { callerHeaders } from '../helpers/http';
import type { Caller, GraphQLBody } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * The gateway's cache of whole answers (gateway/response-cache): an answer made only of closed,
 * complete indicator values is kept per caller visibility and served again without any subgraph
 * call (Apollo's response cache marks a hit with an `age` header); open periods, refusals and
 * answers that touch another subgraph are never kept.
 */
const stack = useStack(() => buildRegion('sqlite', 'hag_respcache'), { cache: { kind: 'lru' } });

const SHARE = `query Share($p: Period!, $code: String!) {
  indicatorValues(scopes: [{ kind: REGION, code: $code }], period: $p, codes: ["PRIMARY_CARE_VISIT_SHARE"]) {
    scopeCode indicators { code value numerator denominator }
  }
}`;

const WITH_NAME = `query Named($p: Period!) {
  region(code: "610921") { name indicators(period: $p, codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value } }
}`;

async function ask(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
  on: RunningStack = stack,
): Promise<{ body: GraphQLBody; hit: boolean; calls: number }> {
  const calls = [...on.measures.traffic.values()].reduce((n, t) => n + t.calls, 0);
  const res = await fetch(`${on.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders(caller) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLBody;
  const after = [...on.measures.traffic.values()].reduce((n, t) => n + t.calls, 0);
  return { body, hit: res.headers.has('age'), calls: after - calls };
}

describe('whole answers of closed periods are cached by the gateway, per visibility', () => {
  test('a closed period: computed once, then served whole to the same caller', async () => {
    const first = await ask(SHARE, { p: '2019H1', code: '610921' }, 'national');
    expect(first.body.errors).toBeUndefined();
    expect(first.hit).toBe(false);
    // 5 primary-care visits of 8 in 汉阴县, 2019H1 (region.fixture.ts).
    expect(first.body.data).toEqual({
      indicatorValues: [
        {
          scopeCode: '610921',
          indicators: [{ code: 'PRIMARY_CARE_VISIT_SHARE', value: 62.5, numerator: 5, denominator: 8 }],
        },
      ],
    });
    const second = await ask(SHARE, { p: '2019H1', code: '610921' }, 'national');
    expect([second.hit, second.calls]).toEqual([true, 0]);
    expect(second.body).toEqual(first.body);
  });

  test('another visibility never gets that entry: it computes its own', async () => {
    const city = await ask(SHARE, { p: '2019H1', code: '610921' }, 'city');
    expect(city.hit).toBe(false);
    expect((await ask(SHARE, { p: '2019H1', code: '610921' }, 'city')).hit).toBe(true);
  });

  test('refusals, open periods and answers touching another subgraph are never kept', async () => {
    for (let i = 0; i < 2; i++) {
      const refused = await ask(SHARE, { p: '2019H1', code: '610000' }, 'city');
      expect(refused.hit).toBe(false);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const month = `${todayInShanghai().slice(0, 4)}-${todayInShanghai().slice(4, 6)}`;
    await ask(SHARE, { p: month, code: '610921' }, 'national');
    expect((await ask(SHARE, { p: month, code: '610921' }, 'national')).hit).toBe(false);
    await ask(WITH_NAME, { p: '2019H1' }, 'national');
    const named = await ask(WITH_NAME, { p: '2019H1' }, 'national');
    expect(named.hit).toBe(false);
    expect(named.body.data).toEqual({ region: { name: '汉阴县', indicators: [{ value: 62.5 }] } });
  });
});

describe('replicas share whole answers through Redis (127.0.0.1:6379)', () => {
  const url = 'redis://127.0.0.1:6379';
  const run = `test-${randomUUID()}:`;
  const cache = { kind: 'redis' as const, url, prefix: `${REDIS_KEY_PREFIX}${run}` };
  const first = useStack(() => buildRegion('sqlite', 'hag_respcache_a'), { cache });
  const second = useStack(() => buildRegion('sqlite', 'hag_respcache_b'), { cache });
  afterAll(async () => {
    const admin = createClient({ url });
    await admin.connect();
    for (const prefix of [cache.prefix, `${RESPONSE_KEY_PREFIX}${run}`]) {
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length) await admin.del(keys);
    }
    await admin.close();
  });

  test('an answer one replica computed is served whole by another, under the response prefix', async () => {
    const computed = await ask(SHARE, { p: '2019H1', code: '610921' }, 'national', first);
    expect(computed.hit).toBe(false);
    const shared = await ask(SHARE, { p: '2019H1', code: '610921' }, 'national', second);
    expect([shared.hit, shared.calls]).toEqual([true, 0]);
    expect(shared.body).toEqual(computed.body);
    const admin = createClient({ url });
    await admin.connect();
    expect((await admin.keys(`${RESPONSE_KEY_PREFIX}${run}*`)).length).toBeGreaterThan(0);
    await admin.close();
  });
});
