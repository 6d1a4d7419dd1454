import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadSourcesConfig } from '../../adapters';
import { ensureDemoData } from '../../adapters/demo';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import { gql } from '../helpers/http';

/**
 * The embedded demo, end to end: generated SQLite databases read through the gateway. The
 * expected numbers are counted here independently, with plain SQL over the same files.
 */
describe('embedded demo (安康市, SQLite)', () => {
  let dir: string;
  let stack: RunningStack;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hag-demo-'));
    const demo = await ensureDemoData(dir, { scale: { visitScale: 0.1, years: [2019] } });
    expect(demo.reused).toBe(false);
    stack = await startStack({ sources: loadSourcesConfig(demo.sourcesFile), port: 0 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  test('a second start reuses the files', async () => {
    const again = await ensureDemoData(dir, { scale: { visitScale: 0.1, years: [2019] } });
    expect(again.reused).toBe(true);
  });

  test.each([
    ['610921', '2019H1'],
    ['610902', '2019'],
    ['610900', '2019Q3'],
  ])('PRIMARY_CARE_VISIT_SHARE of %s for %s equals the count done by hand in SQL', async (code, period) => {
    const [from, to] = {
      '2019H1': ['2019-01-01 00:00:00', '2019-07-01 00:00:00'],
      '2019': ['2019-01-01 00:00:00', '2020-01-01 00:00:00'],
      '2019Q3': ['2019-07-01 00:00:00', '2019-10-01 00:00:00'],
    }[period]!;
    const compact = (t: string): string => t.replace(/[- :]/g, '');
    const db = new Database(join(dir, 'registry.sqlite'), { readonly: true });
    db.exec(`ATTACH '${join(dir, 'his_a_city.sqlite')}' AS a14; ATTACH '${join(dir, 'his_a_primary.sqlite')}' AS a19;
             ATTACH '${join(dir, 'his_b_county.sqlite')}' AS b`);
    const scope = `SELECT org_code, substr(category_code, 1, 1) IN ('B', 'C', 'D') AS primary_care FROM institution
                    WHERE division_code IN (SELECT code FROM admin_division WHERE code = @code OR parent_code = @code)`;
    const row = db
      .prepare(
        `WITH scope AS (${scope}),
              v AS (SELECT JGDM AS org FROM a14.MZ_GHXX WHERE THBZ = '0' AND GHSJ >= @c_from AND GHSJ < @c_to
                    UNION ALL SELECT JGDM FROM a19.MZ_GHXX WHERE THBZ = '0' AND GHSJ >= @from AND GHSJ < @to
                    UNION ALL SELECT org_code FROM b.outpatient_visit WHERE status = 'DONE' AND visit_at >= @from AND visit_at < @to)
         SELECT SUM(scope.primary_care) AS primary_visits, COUNT(*) AS visits FROM v JOIN scope ON scope.org_code = v.org`,
      )
      .get({ code, from, to, c_from: compact(from), c_to: compact(to) }) as {
      primary_visits: number;
      visits: number;
    };
    db.close();
    expect(row.visits).toBeGreaterThan(100);

    const { body } = await gql(
      stack.gateway.url,
      `{ region(code: "${code}") { indicators(period: "${period}", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { numerator denominator value status } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as { region: { indicators: unknown[] } }).region.indicators).toEqual([
      {
        numerator: row.primary_visits,
        denominator: row.visits,
        value: (row.primary_visits / row.visits) * 100,
        status: 'OK',
      },
    ]);
  });
});
