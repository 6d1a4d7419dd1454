import { cachedProbe } from '../../gateway/ops/health';
import type { Readiness } from '../../gateway/ops/health';

const READY: Readiness = { ready: true, sources: [{ id: 'registry', kind: 'registry', status: 'OK' }] };

describe('cachedProbe', () => {
  test('reuses an answer within the TTL and asks again after it', async () => {
    let calls = 0;
    let now = 1_000;
    const probe = cachedProbe(
      async () => {
        calls += 1;
        return READY;
      },
      5_000,
      () => now,
    );
    expect(await probe()).toEqual(READY);
    now += 4_999;
    expect(await probe()).toEqual(READY);
    expect(calls).toBe(1);
    now += 1;
    await probe();
    expect(calls).toBe(2);
  });

  test('concurrent callers share one run', async () => {
    let calls = 0;
    const probe = cachedProbe(async () => {
      calls += 1;
      return READY;
    });
    await Promise.all([probe(), probe(), probe()]);
    expect(calls).toBe(1);
  });

  test('a probe that throws counts as not ready', async () => {
    const probe = cachedProbe(async () => {
      throw new Error('boom');
    });
    expect(await probe()).toEqual({ ready: false, sources: [] });
  });
});
