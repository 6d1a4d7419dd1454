import { SourceRegistry } from '../../adapters';
import { fdsAdapter } from '../../adapters/fds/adapter';
import { hrmAdapter, practisingDownOf } from '../../adapters/hrm/adapter';
import type { SqlSource } from '../../adapters/sql/source';
import { parsePeriod } from '../../schema/period';
import type { Engine } from '../fixtures/databases';
import { buildWorkforceCatalogFixture, ORG } from '../fixtures/workforce-catalog.fixture';
import { quietLogger } from '../helpers/quiet';

/**
 * The aggregate statements behind the workforce catalog entries, on the rows of
 * test/fixtures/workforce-catalog.fixture.ts (its header holds the hand computations): each call
 * is one statement, whatever the number of periods and groups asked.
 */
const H1 = parsePeriod('2019H1');
const Y2018 = parsePeriod('2018');

const sortBy = <T>(rows: T[], key: (r: T) => string): T[] =>
  [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe.each<Engine>(['sqlite', 'mariadb'])('workforce measure statements on %s', (engine) => {
  let sources: SourceRegistry;
  let hrm: SqlSource;
  let fds: SqlSource;

  async function once<T>(source: SqlSource, call: () => Promise<T>): Promise<T> {
    const before = source.statements;
    const result = await call();
    expect(source.statements - before).toBe(1);
    return result;
  }

  beforeAll(async () => {
    sources = new SourceRegistry(await buildWorkforceCatalogFixture(engine, 'hag_iwf'), quietLogger());
    hrm = sources.ofKinds(['hrm'])[0];
    fds = sources.ofKinds(['fds'])[0];
  });
  afterAll(async () => {
    await sources.close();
  });

  test('institutions with at least one GP, per group and period: from the per-institution GP counts', async () => {
    const groups = {
      gov: [ORG.WT1, ORG.WT2, ORG.WT4],
      all: [ORG.WT1, ORG.WT2, ORG.WT3, ORG.WT4, ORG.WC1, ORG.WH3],
    };
    const rows = await once(hrm, () =>
      hrmAdapter.generalPractitioners(hrm, { periods: [H1, Y2018], orgCodes: groups.all }),
    );
    const withGp = (period: string, orgs: readonly string[]): number =>
      new Set(
        rows
          .filter((r) => r.period === period && r.gps > 0 && orgs.includes(r.orgCode))
          .map((r) => r.orgCode),
      ).size;
    expect([
      ['2018', withGp('2018', groups.all), withGp('2018', groups.gov)],
      ['2019H1', withGp('2019H1', groups.all), withGp('2019H1', groups.gov)],
    ]).toEqual([
      ['2018', 5, 3],
      ['2019H1', 4, 2],
    ]);
  });

  test('physicians of 二级以上医院 practising at a lower level, distinct per main institution', async () => {
    const rows = await once(hrm, () =>
      hrmAdapter.physiciansPractisingDown(hrm, {
        periods: [H1],
        orgCodes: null,
        level3: [ORG.WH3],
        level2: [ORG.WH2],
      }),
    );
    expect(rows.map((r) => [r.period, r.mainOrgCode, r.physicians])).toEqual([['2019H1', ORG.WH3, 2]]);
  });

  test("physicians' sets of practice sites per main institution; the levels applied give the same count", async () => {
    const rows = await once(hrm, () =>
      hrmAdapter.physicianPracticeSites(hrm, { periods: [H1], orgCodes: null }),
    );
    // 2019H1: p09 (WH3) at WC1; p10 (WH3) at WH2 and WC1; p11 (WH2) at WH3; p12 a nurse, p15 ended.
    expect(
      sortBy(rows, (r) => `${r.mainOrgCode}|${r.siteOrgCodes}`).map((r) => [
        r.period,
        r.mainOrgCode,
        r.siteOrgCodes,
        r.physicians,
      ]),
    ).toEqual(
      sortBy(
        [
          ['2019H1', ORG.WH3, ORG.WC1, 1],
          ['2019H1', ORG.WH3, [ORG.WC1, ORG.WH2].sort().join(','), 1],
          ['2019H1', ORG.WH2, ORG.WH3, 1],
        ],
        (r) => `${r[1]}|${r[2]}`,
      ),
    );
    // 到下级执业: p09 and p10 (once) of the 三级 WH3; p11's site is higher than its 二级 WH2.
    expect(practisingDownOf(rows, { level3: [ORG.WH3], level2: [ORG.WH2] })).toEqual([
      { period: '2019H1', point: rows[0].point, mainOrgCode: ORG.WH3, physicians: 2 },
    ]);
  });

  test('distinct staff starting a further training, per home institution', async () => {
    const rows = await once(hrm, () =>
      hrmAdapter.furtherTrainingPersons(hrm, { periods: [H1], orgCodes: null }),
    );
    expect(sortBy(rows, (r) => r.homeOrgCode).map((r) => [r.homeOrgCode, r.persons])).toEqual([
      [ORG.WC1, 1],
      [ORG.WH3, 1],
      [ORG.WT1, 1],
    ]);
  });

  test('contracts with a fee, per resident county', async () => {
    const rows = await once(fds, () => fdsAdapter.paidContracts(fds, { periods: [H1] }));
    expect(sortBy(rows, (r) => r.divisionCode).map((r) => [r.divisionCode, r.paidContracts])).toEqual([
      ['610902', 1],
      ['610921', 2],
    ]);
  });
});
