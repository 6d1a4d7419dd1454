import { parseSourcesConfig, SourceConfigError } from '../../adapters';

const ORG_A = '12610921MB0000101A';

function problems(raw: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseSourcesConfig(raw, { baseDir: '/etc/hag', env });
  } catch (e) {
    if (e instanceof SourceConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('sources configuration', () => {
  test('a valid file: relative sqlite paths, ${ENV} in URLs, defaults', () => {
    const config = parseSourcesConfig(
      {
        sources: [
          { id: 'registry', kind: 'registry', url: 'sqlite:registry.sqlite' },
          {
            id: 'his-1',
            kind: 'his_b',
            url: 'mysql://reader:${HIS1_PW}@10.0.0.5:3306/his',
            institutions: [ORG_A],
          },
        ],
      },
      { baseDir: '/etc/hag', env: { HIS1_PW: 's3cret' } },
    );
    expect(config.sources.map((s) => [s.id, s.url, s.queryTimeoutMs])).toEqual([
      ['registry', 'sqlite:/etc/hag/registry.sqlite', 15000],
      ['his-1', 'mysql://reader:s3cret@10.0.0.5:3306/his', 15000],
    ]);
  });

  test('registry answers are reused for 5 minutes unless configured; other sources keep none', () => {
    const parse = (registry: object, his: object = {}) =>
      parseSourcesConfig(
        {
          sources: [
            { id: 'registry', kind: 'registry', url: 'sqlite:registry.sqlite', ...registry },
            { id: 'his-1', kind: 'his_b', url: 'sqlite:his.sqlite', institutions: [ORG_A], ...his },
          ],
        },
        { baseDir: '/etc/hag', env: {} },
      ).sources.map((s) => [s.id, s.answerCacheSeconds]);
    expect(parse({})).toEqual([
      ['registry', 300],
      ['his-1', 0],
    ]);
    expect(parse({ answerCacheSeconds: 0 }, { answerCacheSeconds: 60 })).toEqual([
      ['registry', 0],
      ['his-1', 60],
    ]);
    expect(
      problems({
        sources: [{ id: 'registry', kind: 'registry', url: 'sqlite:r.sqlite', answerCacheSeconds: -1 }],
      }),
    ).toEqual(['sources.0.answerCacheSeconds: Number must be greater than or equal to 0']);
  });

  test('every problem is reported at once, in plain words', () => {
    expect(
      problems(
        {
          sources: [
            { id: 'a', kind: 'his_b', url: 'mysql://x/y', institutions: [ORG_A] },
            { id: 'b', kind: 'his_a', url: 'postgres://x/y', institutions: [ORG_A] },
            { id: 'b', kind: 'lis', url: 'mysql://${MISSING}/y' },
          ],
        },
        {},
      ),
    ).toEqual([
      `sources[1] (b): url must start with mysql://, mariadb:// or sqlite:`,
      `sources[1] (b): institution ${ORG_A} is already held by source a`,
      'sources[2] (b): duplicate source id',
      'sources[2] (b): environment variable MISSING is not set',
      'sources[2] (b): a lis source must list the institutions it holds',
      'exactly one registry source is required, found 0',
    ]);
  });

  test('unknown kinds and unknown keys are refused', () => {
    expect(problems({ sources: [{ id: 'x', kind: 'his_c', url: 'sqlite:x' }] })).toEqual([
      'sources.0.kind: kind must be one of registry, his_a, his_b, lis, phs, fds, referral, telemed, hrm, ins',
    ]);
    expect(problems({ sources: [{ id: 'x', kind: 'registry', url: 'sqlite:x', password: 'p' }] })[0]).toMatch(
      /Unrecognized key/,
    );
  });

  test('the measure store: defaults, a relative sqlite path, ${ENV}, and every problem at once', () => {
    const registry = { id: 'registry', kind: 'registry', url: 'sqlite:registry.sqlite' };
    const config = parseSourcesConfig(
      { sources: [registry], store: { url: 'sqlite:store.sqlite', from: '2018-01-01' } },
      { baseDir: '/etc/hag', env: {} },
    );
    expect(config.store).toEqual({
      url: 'sqlite:/etc/hag/store.sqlite',
      from: '20180101',
      windowDays: 30,
      refreshMinutes: 60,
      verifyMonthsPerRun: 3,
      concurrencyPerSource: 1,
      fillChunkMonths: 12,
      refresh: true,
      periods: ['YEAR', 'HALF_YEAR'],
    });
    const quarters = parseSourcesConfig(
      {
        sources: [registry],
        store: { url: 'sqlite:s', from: '2018-01-01', periods: ['QUARTER', 'QUARTER'] },
      },
      { env: {} },
    );
    expect(quarters.store?.periods).toEqual(['QUARTER']);
    const replica = parseSourcesConfig(
      { sources: [registry], store: { url: 'mysql://store:${PW}@db/hag_store', from: '2018-01-01' } },
      { baseDir: '/etc/hag', env: { PW: 'pw', MEASURE_STORE_REFRESH: '0' } },
    );
    expect([replica.store?.url, replica.store?.refresh]).toEqual(['mysql://store:pw@db/hag_store', false]);
    expect(parseSourcesConfig({ sources: [registry] }, { env: {} }).store).toBeUndefined();
    expect(
      problems({
        sources: [registry],
        store: {
          url: 'postgres://x',
          from: '2018/01/01',
          windowDays: -1,
          concurrencyPerSource: 99,
          periods: ['WEEK'],
        },
      }),
    ).toEqual([
      'store.from: a date yyyy-MM-dd',
      'store.windowDays: Number must be greater than or equal to 0',
      'store.concurrencyPerSource: Number must be less than or equal to 8',
      "store.periods.0: Invalid enum value. Expected 'YEAR' | 'HALF_YEAR' | 'QUARTER' | 'MONTH', received 'WEEK'",
    ]);
  });
});
