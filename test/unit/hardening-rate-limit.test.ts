import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { rateLimitMiddleware, TokenBucketLimiter } from '../../gateway/hardening/rate-limit';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('TokenBucketLimiter', () => {
  it('allows a burst, then one request per refill interval', () => {
    const clock = fakeClock();
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 3, clock });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps one bucket per key', () => {
    const clock = fakeClock();
    const limiter = new TokenBucketLimiter({ perMinute: 6, burst: 1, clock });
    expect(limiter.take('province:370000')).toEqual({ allowed: true });
    expect(limiter.take('province:370000')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take('app:dashboard')).toEqual({ allowed: true });
  });

  it('never holds more than burst tokens after a long idle time', () => {
    const clock = fakeClock();
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 2, clock });
    limiter.take('a');
    clock.advance(3_600_000);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 1 },
    ]);
  });

  it('keeps at most maxKeys buckets: refilled ones go first, then the least recently used', () => {
    const clock = fakeClock();
    const limiter = new TokenBucketLimiter({ perMinute: 1, burst: 1, clock, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // no bucket is full: the least recently used (a) is dropped
    expect(limiter.take('c')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('b')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  it('refuses nonsense options', () => {
    expect(() => new TokenBucketLimiter({ perMinute: 0, burst: 1 })).toThrow(
      'rate limit: perMinute must be > 0 and burst >= 1',
    );
  });
});

describe('rateLimitMiddleware', () => {
  let url: string;
  let server: Server;
  const clock = fakeClock();
  beforeAll(async () => {
    const app = express();
    app.use(
      '/graphql',
      rateLimitMiddleware(
        (req) => {
          const caller = req.headers['x-caller'];
          if (caller === 'forged') throw new Error('bad token');
          return String(caller ?? 'anonymous');
        },
        { perMinute: 30, burst: 2, clock },
      ),
      (_req, res) => {
        res.json({ data: { ok: true } });
      },
    );
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const hit = async (
    caller: string,
  ): Promise<{ status: number; retryAfter: string | null; body: unknown }> => {
    const res = await fetch(url, { method: 'POST', headers: { 'x-caller': caller } });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  };

  it('answers 429 RATE_LIMITED with Retry-After once the bucket is empty, per principal', async () => {
    expect((await hit('city:610900')).status).toBe(200);
    expect((await hit('city:610900')).status).toBe(200);
    expect(await hit('city:610900')).toEqual({
      status: 429,
      retryAfter: '2',
      body: {
        errors: [
          {
            message: 'Too many requests; retry after 2 s (请求过于频繁)',
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      },
    });
    expect((await hit('app:dashboard')).status).toBe(200);
    clock.advance(2000);
    expect((await hit('city:610900')).status).toBe(200);
  });

  it('keys callers whose key cannot be computed by their address', async () => {
    expect((await hit('forged')).status).toBe(200);
    expect((await hit('forged')).status).toBe(200);
    expect((await hit('forged')).status).toBe(429);
  });
});
