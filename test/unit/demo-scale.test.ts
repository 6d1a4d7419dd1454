import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildAnkangRegion, ensureDemoData, hisSourceLayout } from '../../adapters/demo';
import type { DemoScale } from '../../adapters/demo';

interface SourceEntry {
  id: string;
  kind: string;
  url: string;
  institutions?: string[];
  options?: Record<string, string>;
}

/**
 * The demo generator's scale parameters: a small two-city region built as SQLite files, checked
 * against facts that follow from the parameters alone.
 */
describe('demo scale (SQLite)', () => {
  // 安康 (10 real counties, 3 HIS) + 西安 (3 synthetic counties, 2 HIS).
  const scale: Partial<DemoScale> = {
    cities: 2,
    countiesPerCity: 3,
    institutionScale: 0.2,
    visitScale: 0.02,
    years: [2019],
    hisSourcesPerCity: 2,
  };
  let dir: string;
  let sources: SourceEntry[];
  let registry: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hag-demo-scale-'));
    const result = await ensureDemoData(dir, { scale });
    expect(result.reused).toBe(false);
    sources = (JSON.parse(readFileSync(result.sourcesFile, 'utf8')) as { sources: SourceEntry[] }).sources;
    registry = new Database(join(dir, 'registry.sqlite'), { readonly: true });
  }, 120_000);
  afterAll(() => {
    registry?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const his = (): SourceEntry[] => sources.filter((s) => s.kind === 'his_a' || s.kind === 'his_b');
  const file = (s: SourceEntry): string => join(dir, s.url.slice('sqlite:'.length));

  test('a second call with the same scale reuses the build', async () => {
    expect((await ensureDemoData(dir, { scale })).reused).toBe(true);
  });

  test('admin_division: one province, 2 cities, 10 + 3 counties', () => {
    const levels = registry
      .prepare('SELECT level, COUNT(*) AS n FROM admin_division GROUP BY level ORDER BY level')
      .all() as Array<{ level: number; n: number }>;
    expect(levels).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 2 },
      { level: 3, n: 13 },
    ]);
    const xian = registry
      .prepare("SELECT code FROM admin_division WHERE parent_code = '610100' ORDER BY code")
      .all() as Array<{ code: string }>;
    expect(xian.map((r) => r.code)).toEqual(['610121', '610122', '610123']);
    const cities = registry
      .prepare('SELECT code, name, parent_code FROM admin_division WHERE level = 2 ORDER BY code')
      .all();
    expect(cities).toEqual([
      { code: '610100', name: '西安市', parent_code: '610000' },
      { code: '610900', name: '安康市', parent_code: '610000' },
    ]);
  });

  test('five HIS sources: 安康 three, 西安 two, both vendors', () => {
    expect(his().map((s) => [s.id, s.kind, s.options?.ghsjFormat ?? null])).toEqual([
      ['his-a-city', 'his_a', 'CHAR14'],
      ['his-b-county', 'his_b', null],
      ['his-a-primary', 'his_a', 'CHAR19'],
      ['his-a-610100-1', 'his_a', 'CHAR14'],
      ['his-b-610100-2', 'his_b', null],
    ]);
    expect(sources.filter((s) => s.kind === 'registry')).toHaveLength(1);
  });

  test('every institution is held by exactly one HIS source; 西安 split by counties (2 + 1)', () => {
    const all = (
      registry.prepare('SELECT org_code, division_code FROM institution').all() as Array<{
        org_code: string;
        division_code: string;
      }>
    ).map((r) => [r.org_code, r.division_code] as const);
    const division = new Map(all);
    const holders = new Map<string, string[]>();
    for (const s of his())
      for (const org of s.institutions ?? []) holders.set(org, [...(holders.get(org) ?? []), s.id]);
    expect([...holders.values()].every((h) => h.length === 1)).toBe(true);
    expect(holders.size).toBe(all.length);
    const held = (id: string): Set<string> =>
      new Set((his().find((s) => s.id === id)?.institutions ?? []).map((o) => division.get(o) ?? '?'));
    expect([...held('his-a-610100-1')].sort()).toEqual(['610121', '610122']);
    expect([...held('his-b-610100-2')]).toEqual(['610123']);
  });

  test('every institution with visits is held by the source whose database has them', () => {
    let withVisits = 0;
    for (const s of his()) {
      const db = new Database(file(s), { readonly: true });
      const sql =
        s.kind === 'his_a'
          ? 'SELECT DISTINCT JGDM AS org FROM MZ_GHXX'
          : 'SELECT DISTINCT org_code AS org FROM outpatient_visit';
      const orgs = (db.prepare(sql).all() as Array<{ org: string }>).map((r) => r.org);
      db.close();
      expect(orgs.length).toBeGreaterThan(0);
      const listed = new Set(s.institutions);
      expect(orgs.filter((o) => !listed.has(o))).toEqual([]);
      withVisits += orgs.length;
    }
    expect(withVisits).toBeGreaterThan(100);
  });

  test('alliances: a 城市医疗集团 per city, a 县域医共体 per county', () => {
    const kinds = registry
      .prepare(
        "SELECT kind, COUNT(*) AS n FROM alliance WHERE kind IN ('JT', 'GT') GROUP BY kind ORDER BY kind",
      )
      .all();
    // 安康: AK-JT-01 and AK-JT-02; 西安: one group.
    expect(kinds).toEqual([
      { kind: 'GT', n: 13 },
      { kind: 'JT', n: 3 },
    ]);
  });

  test('the default region is 安康 as it always was: 2,151 institutions, 12 divisions, 3 HIS', () => {
    const region = buildAnkangRegion([2018, 2019, 2020]);
    expect(region.institutions).toHaveLength(2151);
    expect(region.divisions).toHaveLength(12);
    expect(region.hisSources.map((h) => h.id)).toEqual(['his-a-city', 'his-b-county', 'his-a-primary']);
    expect(region.cities.map((c) => c.code)).toEqual(['610900']);
  });

  test('a province-sized layout: 10 cities × 2 HIS give 21 sources of both vendors', () => {
    const layout = hisSourceLayout({ cities: 10, countiesPerCity: 10, hisSourcesPerCity: 2 });
    expect(layout).toHaveLength(3 + 9 * 2);
    expect(new Set(layout.map((h) => h.vendor))).toEqual(new Set(['A14', 'A19', 'B']));
    expect(new Set(layout.map((h) => h.city)).size).toBe(10);
  });
});
