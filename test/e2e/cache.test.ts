import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { todayInShanghai } from '../../schema/period';
import type { RunningStack } from '../../scripts/stack';
import { REDIS_KEY_PREFIX } from '../../subgraphs/indicators/cache';
import { buildRegion } from '../fixtures/region.fixture';
import { gql } from '../helpers/http';
import type { Caller, GraphQLBody } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * The result cache of closed periods (subgraphs/indicators/cache), end to end over HTTP with the
 * in-process LRU: a closed period is computed once per caller visibility; an open period is
 * always live; another caller never gets the first caller's entries, and scope checks still apply.
 */
const stack = useStack(() => buildRegion('sqlite', 'hag_cache'), { cache: { kind: 'lru' } });

type Traffic = Record<string, { calls: number; triples: number }>;

/** 基层诊疗量占比 of 汉阴县 (610921): 5 primary-care visits of 8 in 2019H1 (region.fixture.ts). */
const QUERY = `query Share($p: Period!, $codes: [String!]!) {
  indicatorValues(scopes: [{ kind: REGION, code: "610921" }], period: $p, codes: $codes) {
    scopeCode indicators { code value numerator denominator }
  }
}`;

/** One request, with the `_measureValues` calls per owner and the SQL statements it caused. */
async function askOn(
  stack: RunningStack,
  period: string,
  caller: Caller = 'national',
  codes: string[] = ['PRIMARY_CARE_VISIT_SHARE'],
): Promise<{ body: GraphQLBody; traffic: Traffic; statements: number }> {
  const before = new Map([...stack.measures.traffic].map(([k, v]) => [k, { ...v }]));
  const statements = stack.sources.statementCount();
  const { body } = await gql(stack.gateway.url, QUERY, { p: period, codes }, caller);
  const traffic: Traffic = {};
  for (const [k, v] of stack.measures.traffic) {
    const b = before.get(k) ?? { calls: 0, triples: 0 };
    if (v.calls > b.calls) traffic[k] = { calls: v.calls - b.calls, triples: v.triples - b.triples };
  }
  return { body, traffic, statements: stack.sources.statementCount() - statements };
}

const share = (value: number | null, numerator: number, denominator: number) => ({
  indicatorValues: [
    {
      scopeCode: '610921',
      indicators: [{ code: 'PRIMARY_CARE_VISIT_SHARE', value, numerator, denominator }],
    },
  ],
});

const ask = (period: string, caller: Caller = 'national', codes?: string[]) =>
  askOn(stack, period, caller, codes);

/** The (numerator, denominator) visit counts: two triples, both served by the institutions subgraph. */
const LIVE: Traffic = { institutions: { calls: 1, triples: 2 } };

describe('result cache of closed periods (in-process LRU)', () => {
  test('the same closed-period query twice: the second asks no owner, runs no SQL, returns the same values', async () => {
    const first = await ask('2019H1');
    expect(first.body).toEqual({ data: share(62.5, 5, 8) });
    expect(first.traffic).toEqual(LIVE);
    expect(first.statements).toBeGreaterThan(0);

    const second = await ask('2019H1');
    expect(second.body).toEqual(first.body);
    expect(second.traffic).toEqual({});
    expect(second.statements).toBe(0);
  });

  test('an open period (the current month) is asked live every time', async () => {
    const today = todayInShanghai();
    const month = `${today.slice(0, 4)}-${today.slice(4, 6)}`;
    for (let i = 0; i < 2; i++) {
      const open = await ask(month);
      expect(open.body).toEqual({ data: share(null, 0, 0) });
      expect(open.traffic).toEqual(LIVE);
      expect(open.statements).toBeGreaterThan(0);
    }
  });

  test('another caller does not get the national caller’s entries: it is asked live, then from its own', async () => {
    await ask('2019H2'); // the national caller fills its entries of 2019H2
    const city = await ask('2019H2', 'city');
    expect(city.traffic).toEqual(LIVE);
    expect(city.statements).toBeGreaterThan(0);
    const again = await ask('2019H2', 'city');
    expect(again.body).toEqual(city.body);
    expect(again.traffic).toEqual({});
    expect(again.statements).toBe(0);
  });

  test.each(['institution', 'urban-alliance'])(
    'an out-of-scope caller (%s) still gets FORBIDDEN after the national caller filled the cache',
    async (caller) => {
      expect((await ask('2019H1')).traffic).toEqual({});
      const refused = await ask('2019H1', caller);
      expect(refused.body.data).toEqual({ indicatorValues: null });
      expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(refused.traffic).toEqual({});
    },
  );

  test('a partial answer is never cached: asked again every time', async () => {
    const codes = ['GRADED_REFERRALS_DOWN_GROWTH'];
    const first = await ask('2019Q1', 'national', codes);
    expect(first.body.errors).toBeUndefined();
    expect(first.traffic).toEqual({ alliances: { calls: 1, triples: 2 } });
    const second = await ask('2019Q1', 'national', codes);
    expect(second.body).toEqual(first.body);
    expect(second.traffic).toEqual({ alliances: { calls: 1, triples: 2 } });
  });
});

describe('shared result cache in Redis (127.0.0.1:6379)', () => {
  const url = 'redis://127.0.0.1:6379';
  const prefix = `${REDIS_KEY_PREFIX}test-${randomUUID()}:`;
  const redisStack = useStack(() => buildRegion('sqlite', 'hag_cache_redis'), {
    cache: { kind: 'redis', url, prefix },
  });
  afterAll(async () => {
    const admin = createClient({ url });
    await admin.connect();
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(keys);
    await admin.close();
  });

  test('the second closed-period query is served from Redis, under the prefix', async () => {
    const first = await askOn(redisStack, '2019H1');
    expect(first.body).toEqual({ data: share(62.5, 5, 8) });
    expect(first.traffic).toEqual(LIVE);
    const second = await askOn(redisStack, '2019H1');
    expect(second.body).toEqual(first.body);
    expect(second.traffic).toEqual({});
    expect(second.statements).toBe(0);
  });
});
