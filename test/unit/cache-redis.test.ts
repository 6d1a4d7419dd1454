import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createClient } from 'redis';
import { ScopeKind } from '../../subgraphs/common/measures';
import type { MeasureValueData } from '../../subgraphs/common/measures';
import { REDIS_KEY_PREFIX, RedisMeasureCache } from '../../subgraphs/indicators/cache';

/** Redis runs on 127.0.0.1:6379 on these machines (issue 7). */
const URL = 'redis://127.0.0.1:6379';

const value = (v: number): MeasureValueData => ({
  scopeKind: ScopeKind.INSTITUTION,
  scopeCode: 'H61092100001',
  period: '2019',
  measure: 'DISCHARGES',
  value: v,
  complete: true,
  sources: [{ id: 'his_a', kind: 'HIS', status: 'OK', institutions: 1 }],
  missingInstitutions: [],
  uncoveredInstitutions: 0,
  evidence: [],
  error: null,
});

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Redis measure cache', () => {
  const prefix = `${REDIS_KEY_PREFIX}test-${randomUUID()}:`;
  const admin = createClient({ url: URL });

  beforeAll(async () => {
    await admin.connect();
  });
  afterAll(async () => {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(keys);
    await admin.close();
  });

  test('round trip under the prefix, with EX as the TTL', async () => {
    const cache = new RedisMeasureCache({ url: URL, prefix, ttlMs: 90_000 });
    expect(await cache.getMany(['a', 'b'])).toEqual([undefined, undefined]);
    await cache.setMany([
      ['a', value(7)],
      ['b', value(8)],
    ]);
    expect(await cache.getMany(['b', 'a', 'c'])).toEqual([value(8), value(7), undefined]);
    expect((await admin.keys(`${prefix}*`)).sort()).toEqual([`${prefix}a`, `${prefix}b`]);
    expect(await admin.ttl(`${prefix}a`)).toBeGreaterThan(85);
    expect(await admin.ttl(`${prefix}a`)).toBeLessThanOrEqual(90);
    await cache.close();
  });

  test('replicas share it: a second client reads what the first stored', async () => {
    const first = new RedisMeasureCache({ url: URL, prefix });
    const second = new RedisMeasureCache({ url: URL, prefix });
    await first.setMany([['shared', value(3)]]);
    expect(await second.getMany(['shared'])).toEqual([value(3)]);
    await first.close();
    await second.close();
  });

  test('a prefix outside hag:measure:v1: is refused', () => {
    expect(() => new RedisMeasureCache({ url: URL, prefix: 'other:' })).toThrow(/hag:measure:v1:/);
  });

  test('Redis down: misses, stores dropped, one warning, never an exception', async () => {
    const warnings: string[] = [];
    const cache = new RedisMeasureCache({
      url: `redis://127.0.0.1:${await closedPort()}`,
      prefix,
      logger: { warn: (m: string) => warnings.push(m), info: () => undefined },
    });
    expect(await cache.getMany(['a'])).toEqual([undefined]);
    await cache.setMany([['a', value(1)]]);
    expect(await cache.getMany(['a', 'b'])).toEqual([undefined, undefined]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[indicators\] measure cache: Redis unavailable/);
    expect(cache.connected).toBe(false);
    await cache.close();
  });

  test('after the retry delay it tries again (still down: still no second warning)', async () => {
    let now = 0;
    const warnings: string[] = [];
    const cache = new RedisMeasureCache({
      url: `redis://127.0.0.1:${await closedPort()}`,
      prefix,
      retryAfterMs: 1_000,
      now: () => now,
      logger: { warn: (m: string) => warnings.push(m), info: () => undefined },
    });
    expect(await cache.getMany(['a'])).toEqual([undefined]);
    now = 1_000;
    expect(await cache.getMany(['a'])).toEqual([undefined]);
    expect(warnings).toHaveLength(1);
    await cache.close();
  });
});
