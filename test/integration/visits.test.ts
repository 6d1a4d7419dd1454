import { hisAAdapter, hisBAdapter, SourceRegistry } from '../../adapters';
import type { VisitCounts } from '../../adapters';
import { parsePeriod, periodMonths } from '../../schema/period';
import { ScopeKind } from '../../subgraphs/common/measures';
import { createInstitutionsContext } from '../../subgraphs/institutions';
import { computeMeasureValues } from '../../subgraphs/institutions/measures/compute';
import { buildFixture } from '../fixtures/build';
import type { Engine } from '../fixtures/build';
import { ORG } from '../fixtures/visits.fixture';
import { quietLogger } from '../helpers/quiet';

const H1_2019 = periodMonths(parsePeriod('2019H1'));

function sorted(rows: VisitCounts[]): VisitCounts[] {
  return [...rows].sort((a, b) => (a.orgCode + a.month < b.orgCode + b.month ? -1 : 1));
}

describe.each<Engine>(['sqlite', 'mariadb'])('HIS adapters and measures on %s', (engine) => {
  let sources: SourceRegistry;
  const source = (id: string): ReturnType<SourceRegistry['all']>[number] =>
    sources.all().find((s) => s.id === id)!;

  beforeAll(async () => {
    sources = new SourceRegistry(await buildFixture(engine), quietLogger());
  });
  afterAll(async () => {
    await sources.close();
  });

  test('vendor A, CHAR(14): only THBZ 0 inside [start, end) counts; GHLB 3 is emergency', async () => {
    const rows = await hisAAdapter.countVisits(source('his-a-city'), { orgCodes: null, months: H1_2019 });
    expect(sorted(rows)).toEqual([
      { orgCode: ORG.H1, month: '201901', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 50 },
      { orgCode: ORG.H1, month: '201903', visits: 1, emergencyVisits: 1, tcmVisits: 0, feeTotal: 50 },
      { orgCode: ORG.P4, month: '201902', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 50 },
      { orgCode: ORG.P4, month: '201903', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 50 },
      { orgCode: ORG.P4, month: '201904', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 50 },
    ]);
  });

  test('vendor A, upgraded CHAR(19) times are detected; 退号 and 废号 excluded', async () => {
    const rows = await hisAAdapter.countVisits(source('his-a-upgraded'), { orgCodes: null, months: H1_2019 });
    expect(sorted(rows)).toEqual([
      { orgCode: ORG.P2, month: '201901', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 50 },
      { orgCode: ORG.P2, month: '201906', visits: 1, emergencyVisits: 0, tcmVisits: 1, feeTotal: 50 },
      { orgCode: ORG.P3, month: '201905', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 50 },
    ]);
  });

  test('vendor B: only DONE counts (not NO_SHOW, not CANCELLED), boundaries half-open', async () => {
    const rows = await hisBAdapter.countVisits(source('his-b-county'), {
      orgCodes: [ORG.H2],
      months: H1_2019,
    });
    expect(sorted(rows)).toEqual([
      { orgCode: ORG.H2, month: '201901', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 80 },
      { orgCode: ORG.H2, month: '201903', visits: 1, emergencyVisits: 1, tcmVisits: 0, feeTotal: 80 },
      { orgCode: ORG.H2, month: '201906', visits: 1, emergencyVisits: 0, tcmVisits: 0, feeTotal: 80 },
    ]);
  });

  test('measures for counties and the city sum both vendors, 2019H1', async () => {
    const ctx = createInstitutionsContext({ sources });
    const period = parsePeriod('2019H1');
    const ask = (
      code: string,
      measure: string,
    ): { scopeKind: ScopeKind; scopeCode: string; period: typeof period; measure: string } => ({
      scopeKind: ScopeKind.REGION,
      scopeCode: code,
      period,
      measure,
    });
    const values = await computeMeasureValues(
      [
        ask('610921', 'VISITS_TOTAL'),
        ask('610921', 'VISITS_PRIMARY_CARE'),
        ask('610902', 'VISITS_TOTAL'),
        ask('610902', 'VISITS_PRIMARY_CARE'),
        ask('610900', 'VISITS_TOTAL'),
        ask('610900', 'VISITS_PRIMARY_CARE'),
        ask('610921', 'VISITS_PRIMARY_CARE_TCM'),
        ask('610921', 'VISITS_EMERGENCY'),
        ask('610921', 'VISITS_OUTPATIENT'),
      ],
      ctx,
    );
    expect(values.map((v) => v.value)).toEqual([8, 5, 5, 3, 13, 8, 2, 1, 7]);
    expect(values.every((v) => v.complete)).toBe(true);
    expect(values[0].sources).toEqual([
      { id: 'his-a-upgraded', kind: 'his_a', status: 'OK', institutions: 2, storedThrough: null },
      { id: 'his-b-county', kind: 'his_b', status: 'OK', institutions: 2, storedThrough: null },
    ]);
  });

  test('an institution closed before the period is not missing; open and unheld it is reported', async () => {
    const ctx = createInstitutionsContext({ sources });
    const [h2019, h2018] = await computeMeasureValues(
      [
        {
          scopeKind: ScopeKind.REGION,
          scopeCode: '610921',
          period: parsePeriod('2019H1'),
          measure: 'VISITS_TOTAL',
        },
        {
          scopeKind: ScopeKind.REGION,
          scopeCode: '610921',
          period: parsePeriod('2018H2'),
          measure: 'VISITS_TOTAL',
        },
      ],
      ctx,
    );
    expect([h2019.value, h2019.uncoveredInstitutions, h2019.complete]).toEqual([8, 0, true]);
    expect([h2018.value, h2018.uncoveredInstitutions, h2018.complete]).toEqual([1, 1, false]);
  });

  test('statements per request do not grow with the number of institutions in scope', async () => {
    const period = parsePeriod('2019H1');
    const count = async (scopeCodes: string[]): Promise<number> => {
      const before = sources.statementCount();
      await computeMeasureValues(
        scopeCodes.map((scopeCode) => ({
          scopeKind: ScopeKind.REGION,
          scopeCode,
          period,
          measure: 'VISITS_TOTAL',
        })),
        createInstitutionsContext({ sources }),
      );
      return sources.statementCount() - before;
    };
    await count(['610921']); // warm-up: vendor A time-format detection happens once per source
    const oneCounty = await count(['610921']);
    const wholeProvince = await count(['610000', '610900', '610902', '610921']);
    // divisions + institutions + one aggregate per HIS source holding institutions in scope
    expect(oneCounty).toBe(2 + 2);
    expect(wholeProvince).toBe(2 + 3);
  });

  test('an adapter connection cannot write', async () => {
    await expect(
      source('registry').query("DELETE FROM institution WHERE org_code = 'x'"),
    ).rejects.toMatchObject({
      failure: 'QUERY_FAILED',
    });
    await expect(
      source('his-b-county').query('UPDATE outpatient_visit SET status = ? WHERE visit_id = 1', ['DONE']),
    ).rejects.toMatchObject({ failure: 'QUERY_FAILED' });
    const rows = await source('registry').query<{ n: number }>('SELECT COUNT(*) AS n FROM institution');
    expect(Number(rows[0].n)).toBe(7);
  });
});
