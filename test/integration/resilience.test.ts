import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { parseSourcesConfig, SourceRegistry } from '../../adapters';
import type { SourcesConfig } from '../../adapters';
import { hisBTables } from '../../adapters/his_b/contract';
import { registryTables } from '../../adapters/registry/contract';
import { parsePeriod } from '../../schema/period';
import { ScopeKind } from '../../subgraphs/common/measures';
import { createInstitutionsContext } from '../../subgraphs/institutions';
import { computeMeasureValues } from '../../subgraphs/institutions/measures/compute';
import { startStack } from '../../scripts/stack';
import { buildFixture } from '../fixtures/build';
import { buildDatabases } from '../fixtures/databases';
import { ORG } from '../fixtures/visits.fixture';
import { gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

/** A TCP server that accepts connections and never says a word (a hung database). */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** The visits fixture on MariaDB with two of its HIS sources broken: one refuses, one hangs. */
function breakSources(config: SourcesConfig, hangPort: number): SourcesConfig {
  return parseSourcesConfig({
    queryTimeoutMs: 1000,
    sources: config.sources.map((s) => ({
      id: s.id,
      kind: s.kind,
      institutions: s.institutions.length ? [...s.institutions] : undefined,
      url:
        s.id === 'his-b-county'
          ? 'mysql://hag_reader:x@127.0.0.1:1/nowhere'
          : s.id === 'his-a-upgraded'
            ? `mysql://hag_reader:x@127.0.0.1:${hangPort}/nowhere`
            : s.url,
    })),
  });
}

describe('sources that are down or hang', () => {
  let hung: Awaited<ReturnType<typeof silentServer>>;
  let config: SourcesConfig;

  beforeAll(async () => {
    hung = await silentServer();
    config = breakSources(await buildFixture('mariadb', 'hag_res'), hung.port);
  });
  afterAll(async () => {
    await hung.close();
  });

  test('the start-up check names the unreachable sources', async () => {
    const sources = new SourceRegistry(config, quietLogger());
    const started = Date.now();
    const problems = await sources.check();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(problems.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'his-a-upgraded', failure: 'TIMEOUT' },
      { id: 'his-b-county', failure: 'UNREACHABLE' },
    ]);
    await sources.close();
  });

  test('a measure request returns within the timeout with a partial answer naming the missing sources', async () => {
    const logger = quietLogger();
    const sources = new SourceRegistry(config, logger);
    const started = Date.now();
    const [city] = await computeMeasureValues(
      [
        {
          scopeKind: ScopeKind.REGION,
          scopeCode: '610900',
          period: parsePeriod('2019H1'),
          measure: 'VISITS_TOTAL',
        },
      ],
      createInstitutionsContext({ sources }),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    // Only his-a-city answered: H1 2 + P4 3 visits.
    expect(city.value).toBe(5);
    expect(city.complete).toBe(false);
    expect(city.sources).toEqual([
      { id: 'his-a-city', kind: 'his_a', status: 'OK', institutions: 2, storedThrough: null },
      { id: 'his-a-upgraded', kind: 'his_a', status: 'TIMEOUT', institutions: 2, storedThrough: null },
      { id: 'his-b-county', kind: 'his_b', status: 'UNREACHABLE', institutions: 2, storedThrough: null },
    ]);
    expect(city.missingInstitutions).toEqual([ORG.P1, ORG.H2, ORG.P2, ORG.P3].sort());
    expect(logger.lines.some((l) => l.includes('his-b-county') && l.includes('UNREACHABLE'))).toBe(true);
    await sources.close();
  });

  test('through the gateway: status PARTIAL, the missing sources named, and no value when every source of the scope is down', async () => {
    const stack = await startStack({ sources: config, port: 0, logger: quietLogger() });
    try {
      const { body } = await gql(
        stack.gateway.url,
        `{ a: region(code: "610900") { indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value numerator denominator status complete sources { id status } missingInstitutions } }
           b: region(code: "610921") { indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value display status } } }`,
      );
      expect(body.errors).toBeUndefined();
      const data = body.data as Record<string, { indicators: Array<Record<string, unknown>> }>;
      expect(data.a.indicators[0]).toEqual({
        value: 60,
        numerator: 3,
        denominator: 5,
        status: 'PARTIAL',
        complete: false,
        sources: [
          { id: 'his-a-city', status: 'OK' },
          { id: 'his-a-upgraded', status: 'TIMEOUT' },
          { id: 'his-b-county', status: 'UNREACHABLE' },
        ],
        missingInstitutions: [ORG.P1, ORG.H2, ORG.P2, ORG.P3].sort(),
      });
      // 汉阴县's institutions are all on the two broken sources: not counted, never zero.
      expect(data.b.indicators[0]).toEqual({ value: null, display: '--', status: 'NOT_COUNTED' });
    } finally {
      await stack.close();
    }
  });
  test('a request the gateway gives up on (its time limit) stops its calls to subgraphs at once', async () => {
    const stack = await startStack({
      sources: config,
      port: 0,
      logger: quietLogger(),
      timeouts: { requestMs: 300 },
    });
    const abandoned = async (): Promise<number> => {
      const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) =>
          l.startsWith(
            'gateway_subgraph_fetch_duration_seconds_count{subgraph="indicators",outcome="error"}',
          ),
        );
      return line ? Number(line.split(' ').pop()) : 0;
    };
    try {
      const before = await abandoned();
      // 汉阴县's visits wait on the source that hangs (his-a-upgraded; its statement limit: 1 s).
      const { status, body } = await gql(
        stack.gateway.url,
        `{ region(code: "610921") { indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value } } }`,
      );
      expect(status).toBe(503);
      expect(body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      // The call to the indicators subgraph was aborted with the request, not left to finish
      // (it would answer 200, with a partial value, once the hanging source's 1 s had passed).
      expect(await abandoned()).toBe(before + 1);
    } finally {
      await stack.close();
    }
  });
});

describe('statements per request do not depend on the number of institutions', () => {
  const N = 500;
  const orgs = Array.from({ length: N }, (_, i) => `12610921MB${String(i).padStart(7, '0')}A`);
  let sources: SourceRegistry;

  beforeAll(async () => {
    const urls = await buildDatabases('mariadb', 'hag_many', [
      {
        name: 'registry',
        tables: registryTables,
        rows: {
          admin_division: [
            { code: '610900', name: '安康市', level: 2, parent_code: null },
            { code: '610921', name: '汉阴县', level: 3, parent_code: '610900' },
          ],
          institution: orgs.map((org_code, i) => ({
            org_code,
            org_name: `卫生室${i}`,
            category_code: i === 0 ? 'A100' : 'D600',
            hosp_level: '9',
            division_code: '610921',
            opened_on: '20000101',
          })),
        },
      },
      {
        name: 'his_b',
        tables: hisBTables,
        rows: {
          outpatient_visit: orgs.map((org_code, i) => ({
            visit_id: i + 1,
            org_code,
            visit_at: '2019-03-01 09:00:00',
            visit_kind: 'OP',
            status: 'DONE',
          })),
        },
      },
    ]);
    sources = new SourceRegistry(
      parseSourcesConfig({
        sources: [
          { id: 'registry', kind: 'registry', url: urls.registry, answerCacheSeconds: 0 },
          { id: 'his', kind: 'his_b', url: urls.his_b, institutions: orgs },
        ],
      }),
      quietLogger(),
    );
  });
  afterAll(async () => {
    await sources.close();
  });

  async function statementsFor(
    institutions: readonly string[],
  ): Promise<{ statements: number; total: number }> {
    const before = sources.statementCount();
    const values = await computeMeasureValues(
      institutions.map((code) => ({
        scopeKind: ScopeKind.INSTITUTION,
        scopeCode: code,
        period: parsePeriod('2019'),
        measure: 'VISITS_TOTAL',
      })),
      createInstitutionsContext({ sources }),
    );
    return {
      statements: sources.statementCount() - before,
      total: values.reduce((n, v) => n + (v.value ?? 0), 0),
    };
  }

  test('5 institutions and 500 institutions cost the same two statements', async () => {
    const five = await statementsFor(orgs.slice(0, 5));
    const all = await statementsFor(orgs);
    expect(five).toEqual({ statements: 2, total: 5 });
    expect(all).toEqual({ statements: 2, total: 500 });
  });
});
