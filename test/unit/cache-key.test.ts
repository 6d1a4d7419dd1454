import { ScopeKind } from '../../subgraphs/common/measures';
import type { MeasureRequest, MeasureValueData } from '../../subgraphs/common/measures';
import {
  isCacheableRequest,
  isStorableValue,
  measureCacheConfigFromEnv,
  measureCacheKey,
  visibilityKey,
} from '../../subgraphs/indicators/cache';
import { buildPrincipal } from '../../security/principal';

const triple: MeasureRequest = {
  scopeKind: ScopeKind.REGION,
  scopeCode: '610921',
  period: '2019H1',
  measure: 'VISITS_TOTAL',
};
const national = buildPrincipal({ id: 'national', kind: 'NATIONAL' });
const city = buildPrincipal({ id: '610900', kind: 'CITY' });
const app = (code: string, roles?: string[]) =>
  buildPrincipal({ id: 'demo-app', kind: 'APP', grants: [{ kind: 'REGION', code }], roles });

const value = (over: Partial<MeasureValueData> = {}): MeasureValueData => ({
  ...triple,
  value: 12,
  complete: true,
  sources: [],
  missingInstitutions: [],
  uncoveredInstitutions: 0,
  error: null,
  ...over,
});

describe('measure cache keys carry the caller’s visibility', () => {
  test('a key is the visibility (kind, id, hash of grants…) then scope kind, scope code, period and measure', () => {
    expect(visibilityKey(national)).toMatch(/^NATIONAL:national:[0-9a-f]{16}$/);
    expect(measureCacheKey(national, triple)).toBe(
      `${visibilityKey(national)}|REGION|610921|2019H1|VISITS_TOTAL`,
    );
  });

  test('principals of other kinds, ids, grants or roles never share a key', () => {
    const keys = [national, city, app('610921'), app('610902'), app('610921', ['indicators:read'])].map((p) =>
      measureCacheKey(p, triple),
    );
    expect(new Set(keys).size).toBe(5);
  });

  test('the same visibility gives the same key whatever the order of grants', () => {
    const a = buildPrincipal({
      id: 'x-app',
      kind: 'APP',
      grants: [
        { kind: 'REGION', code: '610921' },
        { kind: 'ALLIANCE', code: 'JT1' },
      ],
    });
    const b = buildPrincipal({
      id: 'x-app',
      kind: 'APP',
      grants: [
        { kind: 'ALLIANCE', code: 'JT1' },
        { kind: 'REGION', code: '610921' },
      ],
    });
    expect(visibilityKey(a)).toBe(visibilityKey(b));
  });

  test('only closed periods are cacheable (ended before today in Asia/Shanghai)', () => {
    const at = (period: string, today: string) => isCacheableRequest({ ...triple, period }, today);
    expect(at('2019H1', '20190701')).toBe(true);
    expect(at('2019H1', '20190630')).toBe(false);
    expect(at('2019-06', '20190615')).toBe(false);
    expect(at('2030', '20190615')).toBe(false);
    expect(at('not-a-period', '20190615')).toBe(false);
  });

  test('only answers every source gave, without an error, are stored', () => {
    expect(isStorableValue(value())).toBe(true);
    expect(isStorableValue(value({ error: undefined }))).toBe(true);
    // A source that did not answer: partial, asked again next time.
    expect(isStorableValue(value({ complete: false, missingInstitutions: ['12610921MB0000101A'] }))).toBe(
      false,
    );
    expect(
      isStorableValue(
        value({
          complete: false,
          sources: [{ id: 'his', kind: 'his_a', status: 'TIMEOUT', institutions: 1 }],
        }),
      ),
    ).toBe(false);
    // Institutions no source holds: a fact of the configuration, final like any answer.
    expect(isStorableValue(value({ complete: false, uncoveredInstitutions: 3 }))).toBe(true);
    expect(isStorableValue(value({ value: null, error: 'FORBIDDEN' }))).toBe(false);
  });
});

describe('cache configuration from the environment', () => {
  test('default LRU, off, Redis URL, TTL and bound', () => {
    expect(measureCacheConfigFromEnv({})).toEqual({ kind: 'lru', maxEntries: undefined, ttlMs: undefined });
    expect(measureCacheConfigFromEnv({ INDICATOR_CACHE: 'off' })).toEqual({ kind: 'off' });
    expect(
      measureCacheConfigFromEnv({
        INDICATOR_CACHE: 'lru',
        INDICATOR_CACHE_MAX: '100',
        INDICATOR_CACHE_TTL: '60',
      }),
    ).toEqual({ kind: 'lru', maxEntries: 100, ttlMs: 60_000 });
    expect(measureCacheConfigFromEnv({ INDICATOR_CACHE: 'redis://127.0.0.1:6379' })).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379',
      prefix: undefined,
      ttlMs: undefined,
    });
  });

  test('a bad value is refused with the variable’s name', () => {
    expect(() => measureCacheConfigFromEnv({ INDICATOR_CACHE: 'memcached://x' })).toThrow(/INDICATOR_CACHE/);
    expect(() => measureCacheConfigFromEnv({ INDICATOR_CACHE_TTL: '-1' })).toThrow(/INDICATOR_CACHE_TTL/);
  });
});
