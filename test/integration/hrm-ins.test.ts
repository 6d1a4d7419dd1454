/**
 * The workforce registry (hrm) and insurance settlement (ins) adapters on SQLite and MariaDB, and
 * the pure functions placing settlements and computing 县域内就诊率. Every expected number is worked
 * out by hand in test/fixtures/hrm-ins.fixture.ts.
 */
import { parseSourcesConfig, registryAdapter, SourceRegistry } from '../../adapters';
import type { InstitutionRecord } from '../../adapters';
import { hrmTables } from '../../adapters/hrm/contract';
import { hrmAdapter } from '../../adapters/hrm/adapter';
import { insTables } from '../../adapters/ins/contract';
import { insAdapter } from '../../adapters/ins/adapter';
import { inCountyRate, placeSettlements } from '../../adapters/ins/county';
import type { SettlementCounts } from '../../adapters/ins/model';
import { registryTables } from '../../adapters/registry/contract';
import type { SqlSource } from '../../adapters/sql/source';
import { parsePeriod, periodMonths } from '../../schema/period';
import { buildDatabases } from '../fixtures/databases';
import type { Engine } from '../fixtures/databases';
import {
  assignments,
  FIX,
  furtherTrainings,
  HI_ORG,
  hiDivisions,
  hiInsOrgMap,
  hiInstitutions,
  practiceSites,
  practitioners,
  recruitments,
  settlements,
} from '../fixtures/hrm-ins.fixture';
import { quietLogger } from '../helpers/quiet';

const { H1, H2, T1, T2, U9 } = HI_ORG;
const H1_2019 = parsePeriod('2019H1');
const H2_2019 = parsePeriod('2019H2');
const Y2019 = parsePeriod('2019');

/** Rows in a stable order, whatever order the engine returns them in. */
function sorted<T extends object>(rows: readonly T[]): T[] {
  const key = (r: T): string => JSON.stringify(Object.values(r));
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe.each<Engine>(['sqlite', 'mariadb'])('hrm and ins adapters on %s', (engine) => {
  let sources: SourceRegistry;
  const source = (id: string): SqlSource => sources.all().find((s) => s.id === id)!;

  /** Run one adapter call and check it sent exactly one statement. */
  async function once<T>(id: string, call: (s: SqlSource) => Promise<T>): Promise<T> {
    const s = source(id);
    const before = s.statements;
    const result = await call(s);
    expect(s.statements - before).toBe(1);
    return result;
  }

  beforeAll(async () => {
    const urls = await buildDatabases(engine, 'hag_hi', [
      {
        name: 'registry',
        tables: registryTables,
        rows: { admin_division: hiDivisions, institution: hiInstitutions, ins_org_map: hiInsOrgMap },
      },
      {
        name: 'hrm',
        tables: hrmTables,
        rows: {
          practitioner: practitioners,
          practice_site: practiceSites,
          assignment: assignments,
          further_training: furtherTrainings,
          recruitment: recruitments,
        },
      },
      { name: 'ins', tables: insTables, rows: { setl_d: settlements } },
    ]);
    const config = parseSourcesConfig({
      queryTimeoutMs: 5000,
      sources: [
        { id: 'registry', kind: 'registry', url: urls.registry, answerCacheSeconds: 0 },
        { id: 'hrm', kind: 'hrm', url: urls.hrm },
        { id: 'ins', kind: 'ins', url: urls.ins },
      ],
    });
    sources = new SourceRegistry(config, quietLogger());
  });
  afterAll(async () => {
    await sources.close();
  });

  test('practitioners on post at 2019-06-30 and 2019-12-31: on post, registered ≤ t < left', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.practitionersOnPost(s, { periods: [H1_2019, Y2019], orgCodes: null }),
    );
    const at =
      (period: string, point: string) =>
      (
        orgCode: string,
        category: string | null,
        titleLevel: string | null,
        practitioners: number,
        multiSite: number,
      ) => ({ period, point, orgCode, category, titleLevel, practitioners, multiSite });
    const h = at('2019H1', '20190630');
    const y = at('2019', '20191231');
    expect(sorted(rows)).toEqual(
      sorted([
        h(H1, 'CLINICAL', 'SENIOR', 1, 1),
        h(H1, 'PHARMACIST', null, 1, 0),
        h(H1, null, 'JUNIOR', 1, 0),
        h(H2, 'CLINICAL', 'INTERMEDIATE', 1, 0),
        h(H2, 'CLINICAL', 'JUNIOR', 1, 0),
        h(H2, 'PUBLIC_HEALTH', 'INTERMEDIATE', 1, 1),
        h(T1, 'NURSE', 'JUNIOR', 1, 0),
        h(T1, 'TCM', null, 2, 0),
        h(T2, 'OTHER', 'NONE', 1, 0),
        h(T2, 'CLINICAL', 'JUNIOR', 1, 0),
        y(H1, 'CLINICAL', 'SENIOR', 1, 1),
        y(H1, 'PHARMACIST', null, 1, 0),
        y(H1, null, 'JUNIOR', 1, 0),
        y(H2, 'CLINICAL', 'INTERMEDIATE', 1, 1),
        y(H2, 'CLINICAL', 'JUNIOR', 1, 0),
        y(T1, 'CLINICAL', 'JUNIOR', 1, 0),
        y(T1, 'NURSE', 'JUNIOR', 1, 0),
        y(T1, 'TCM', null, 2, 0),
        y(T2, 'OTHER', 'NONE', 1, 0),
        y(T2, 'CLINICAL', 'JUNIOR', 1, 1),
      ]),
    );
    const total = (p: string): number =>
      rows.filter((r) => r.period === p).reduce((s, r) => s + r.practitioners, 0);
    expect([total('2019H1'), total('2019')]).toEqual([11, 11]);
  });

  test('practitioners on post per institution: the totals of the breakdown, physicians apart', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.practitionersOnPostTotals(s, { periods: [H1_2019, Y2019], orgCodes: null }),
    );
    const at =
      (period: string, point: string) =>
      (orgCode: string, practitioners: number, multiSite: number, physiciansMultiSite: number) => ({
        period,
        point,
        orgCode,
        practitioners,
        multiSite,
        physiciansMultiSite,
      });
    const h = at('2019H1', '20190630');
    const y = at('2019', '20191231');
    // By hand from the breakdown above: H2 at 2019-12-31 keeps its multi-site clinician, T2's
    // clinician takes a 'MULTI' site in the second half; the TCM pair and the nurse have none.
    expect(sorted(rows)).toEqual(
      sorted([
        h(H1, 3, 1, 1),
        h(H2, 3, 1, 1),
        h(T1, 3, 0, 0),
        h(T2, 2, 0, 0),
        y(H1, 3, 1, 1),
        y(H2, 2, 1, 1),
        y(T1, 4, 0, 0),
        y(T2, 2, 1, 1),
      ]),
    );
    const one = await hrmAdapter.practitionersOnPostTotals(source('hrm'), {
      periods: [Y2019],
      orgCodes: [T2],
    });
    expect(one).toEqual([y(T2, 2, 1, 1)]);
    expect(
      await hrmAdapter.practitionersOnPostTotals(source('hrm'), { periods: [Y2019], orgCodes: [] }),
    ).toEqual([]);
  });

  test('institution filter', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.practitionersOnPost(s, { periods: [Y2019], orgCodes: [T2] }),
    );
    expect(sorted(rows)).toEqual(
      sorted([
        {
          period: '2019',
          point: '20191231',
          orgCode: T2,
          category: 'OTHER',
          titleLevel: 'NONE',
          practitioners: 1,
          multiSite: 0,
        },
        {
          period: '2019',
          point: '20191231',
          orgCode: T2,
          category: 'CLINICAL',
          titleLevel: 'JUNIOR',
          practitioners: 1,
          multiSite: 1,
        },
      ]),
    );
    expect(await hrmAdapter.practitionersOnPost(source('hrm'), { periods: [Y2019], orgCodes: [] })).toEqual(
      [],
    );
  });

  test('GPs: category 1/4 with scope 21 or 3+2/5+3/TRANSFER training; a nurse with 21 is not one', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.generalPractitioners(s, { periods: [H1_2019, Y2019], orgCodes: null }),
    );
    const gp = (
      period: string,
      point: string,
      orgCode: string,
      titleLevel: string | null,
      training: string | null,
      scopeGeneralPractice: number,
    ) => ({ period, point, orgCode, titleLevel, training, gps: 1, scopeGeneralPractice });
    expect(sorted(rows)).toEqual(
      sorted([
        gp('2019H1', '20190630', H2, 'INTERMEDIATE', 'NONE', 1),
        gp('2019H1', '20190630', H2, 'JUNIOR', 'ASSISTANT_3_2', 0),
        gp('2019H1', '20190630', T1, null, 'TRANSFER', 0),
        gp('2019H1', '20190630', T2, 'JUNIOR', null, 1),
        gp('2019', '20191231', H2, 'INTERMEDIATE', 'NONE', 1),
        gp('2019', '20191231', H2, 'JUNIOR', 'ASSISTANT_3_2', 0),
        gp('2019', '20191231', T1, null, 'TRANSFER', 0),
        gp('2019', '20191231', T1, 'JUNIOR', 'RESIDENCY_5_3', 0),
        gp('2019', '20191231', T2, 'JUNIOR', null, 1),
      ]),
    );
  });

  test('multi-site practice: active MULTI site at the point, practitioner on post, distinct', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.multiSitePractice(s, { periods: [H1_2019, Y2019], orgCodes: null }),
    );
    const m = (
      period: string,
      point: string,
      mainOrgCode: string,
      siteOrgCode: string,
      category: string,
      filed: boolean | null,
    ) => ({ period, point, mainOrgCode, siteOrgCode, category, filed, practitioners: 1 });
    expect(sorted(rows)).toEqual(
      sorted([
        m('2019H1', '20190630', H1, T1, 'CLINICAL', false),
        m('2019H1', '20190630', H2, T1, 'PUBLIC_HEALTH', null),
        m('2019', '20191231', H1, T1, 'CLINICAL', false),
        m('2019', '20191231', H2, T2, 'CLINICAL', true),
        m('2019', '20191231', T2, T1, 'CLINICAL', true),
      ]),
    );
  });

  test('assignments: 人次 by start, days inside each period, ≥ 90 days counted where they start', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.assignments(s, { periods: [H1_2019, H2_2019, Y2019], orgCodes: null }),
    );
    const a = (
      period: string,
      fromOrgCode: string,
      toOrgCode: string,
      kind: string | null,
      [personTimes, persons, days, longStays, longStayPersons]: number[],
    ) => ({ period, fromOrgCode, toOrgCode, kind, personTimes, persons, days, longStays, longStayPersons });
    expect(sorted(rows)).toEqual(
      sorted([
        a('2019H1', H1, T1, 'TECH', [1, 1, 71, 1, 1]),
        a('2019H1', H2, T2, 'TECH', [3, 2, 210, 1, 1]),
        a('2019H2', H1, T1, 'TECH', [0, 0, 62, 0, 0]),
        a('2019H2', H2, T1, 'MGMT', [1, 1, 61, 1, 1]),
        a('2019H2', H2, T2, null, [1, 1, 10, 0, 0]),
        a('2019', H1, T1, 'TECH', [1, 1, 133, 1, 1]),
        a('2019', H2, T2, 'TECH', [3, 2, 210, 1, 1]),
        a('2019', H2, T1, 'MGMT', [1, 1, 61, 1, 1]),
        a('2019', H2, T2, null, [1, 1, 10, 0, 0]),
      ]),
    );
    const toT1 = await once('hrm', (s) => hrmAdapter.assignments(s, { periods: [H2_2019], orgCodes: [T1] }));
    expect(sorted(toT1)).toEqual(
      sorted([a('2019H2', H1, T1, 'TECH', [0, 0, 62, 0, 0]), a('2019H2', H2, T1, 'MGMT', [1, 1, 61, 1, 1])]),
    );
  });

  test('further training: count and persons by start, days inside, duration classes', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.furtherTraining(s, { periods: [H1_2019, H2_2019, Y2019], orgCodes: null }),
    );
    const f = (
      period: string,
      homeOrgCode: string,
      hostOrgCode: string,
      [trainings, persons, days, upTo6Months, upTo12Months, over12Months]: number[],
    ) => ({
      period,
      homeOrgCode,
      hostOrgCode,
      trainings,
      persons,
      days,
      upTo6Months,
      upTo12Months,
      over12Months,
    });
    expect(sorted(rows)).toEqual(
      sorted([
        f('2019H1', T1, H2, [1, 1, 122, 1, 0, 0]),
        f('2019H1', T1, H1, [1, 1, 167, 0, 0, 1]),
        f('2019H2', T1, H2, [2, 2, 185, 1, 0, 0]),
        f('2019H2', T2, H1, [1, 1, 184, 0, 1, 0]),
        f('2019H2', T1, H1, [0, 0, 184, 0, 0, 0]),
        f('2019', T1, H2, [3, 3, 307, 2, 0, 0]),
        f('2019', T1, H1, [1, 1, 351, 0, 0, 1]),
        f('2019', T2, H1, [1, 1, 184, 0, 1, 0]),
      ]),
    );
  });

  test('recruitment per period, institution and discipline', async () => {
    const rows = await once('hrm', (s) =>
      hrmAdapter.recruitments(s, { periods: [H1_2019, H2_2019], orgCodes: null }),
    );
    const r = (period: string, orgCode: string, discipline: string | null, recruits: number) => ({
      period,
      orgCode,
      discipline,
      recruits,
    });
    expect(sorted(rows)).toEqual(
      sorted([
        r('2019H1', H1, 'ICU', 1),
        r('2019H1', H2, 'EMERGENCY', 1),
        r('2019H1', H2, null, 2),
        r('2019H2', T1, 'OTHER', 1),
        r('2019H2', H2, 'EMERGENCY', 1),
        r('2019H2', H1, 'ANESTHESIA', 1),
      ]),
    );
  });

  const s = (
    fixmedinsCode: string,
    insuAdmdvs: string | null,
    medType: string | null,
    insuranceType: string | null,
    paymentMethod: string | null,
    referral: boolean | null,
    continuousDeductible: boolean | null,
    month: string,
    [settlements, persons, medfeeSum, fundPay, personalPay]: number[],
  ): SettlementCounts =>
    ({
      fixmedinsCode,
      insuAdmdvs,
      medType,
      inpatient: medType === 'INPATIENT' || medType === 'DAY_SURGERY',
      insuranceType,
      paymentMethod,
      referral,
      continuousDeductible,
      month,
      settlements,
      persons,
      medfeeSum,
      fundPay,
      personalPay,
    }) as SettlementCounts;

  const EXPECTED_2019: SettlementCounts[] = [
    s(FIX.H2, '610921', 'INPATIENT', 'RESIDENT', 'ITEM', false, false, '201901', [1, 1, 5000, 3500, 1500]),
    s(
      FIX.H1,
      '610921',
      'INPATIENT',
      'EMPLOYEE',
      'DRG',
      true,
      true,
      '201902',
      [1, 1, 12000.5, 7200.3, 4800.2],
    ),
    s(FIX.H2, '610921', 'INPATIENT', 'RESIDENT', 'ITEM', false, false, '201902', [1, 1, 3100, 2100, 1000]),
    s(FIX.XIAN, '610921', 'DAY_SURGERY', 'RESIDENT', 'DIP', null, null, '201903', [1, 1, 8000, 4000, 4000]),
    s(FIX.T1, '610921', 'INPATIENT', 'NCMS', 'BED_DAY', null, false, '201903', [1, 1, 1500, 1275, 225]),
    s(FIX.T1, '610921', 'OUTPATIENT', 'RESIDENT', 'CAPITATION', false, false, '201903', [1, 1, 100, 60, 40]),
    s(FIX.H2, '610921', 'EMERGENCY', 'RESIDENT', 'ITEM', false, false, '201904', [1, 1, 300, 120, 180]),
    s(
      FIX.H1,
      '610902',
      'INPATIENT',
      'RETIRED_CADRE',
      'SINGLE_DISEASE',
      false,
      false,
      '201901',
      [1, 1, 20000, 20000, 0],
    ),
    s(FIX.H2, null, 'INPATIENT', 'RESIDENT', 'ITEM', false, false, '201905', [1, 1, 2000, 1400, 600]),
    s(FIX.T1, '610921', null, null, null, null, null, '201905', [1, 1, 50, 30, 20]),
    s(
      FIX.T1,
      '610921',
      'CHRONIC_OUTPATIENT',
      'URBAN_RESIDENT',
      'ITEM',
      false,
      false,
      '201906',
      [1, 1, 400, 260, 140],
    ),
    s(FIX.U9, '610921', 'INPATIENT', 'RESIDENT', 'ITEM', false, false, '201907', [1, 1, 2500, 1750, 750]),
    s(
      FIX.WUHAN,
      '610921',
      'INPATIENT',
      'RESIDENT',
      'DRG',
      true,
      false,
      '201908',
      [1, 1, 30000, 13500, 16500],
    ),
    s(FIX.H2, '610921', 'INPATIENT', 'RESIDENT', 'DRG', false, false, '201908', [2, 1, 7000, 4900, 2100]),
    s(FIX.BAD, '610921', 'INPATIENT', 'RESIDENT', 'ITEM', true, false, '201909', [1, 1, 7000, 3500, 3500]),
    s(FIX.H2, '610921', 'OUTPATIENT', 'OTHER', 'OTHER', false, false, '201910', [1, 0, 80, 40, 40]),
  ];

  test('settlements: valid only, canonical codes, month of setl_time, sums', async () => {
    const rows = await once('ins', (src) =>
      insAdapter.settlements(src, { months: periodMonths(Y2019), insuAdmdvs: null }),
    );
    expect(sorted(rows)).toEqual(sorted(EXPECTED_2019));
  });

  test('settlements filtered by insured area and institution code', async () => {
    const rows = await once('ins', (src) =>
      insAdapter.settlements(src, {
        months: periodMonths(H1_2019),
        insuAdmdvs: ['610902', '610921'],
        fixmedinsCodes: [FIX.H1],
      }),
    );
    expect(sorted(rows)).toEqual(sorted(EXPECTED_2019.filter((r) => r.fixmedinsCode === FIX.H1)));
  });

  test('distinct insured persons per period and insured area', async () => {
    const rows = await once('ins', (src) =>
      insAdapter.insuredPersons(src, { periods: [H1_2019, Y2019], insuAdmdvs: null }),
    );
    const p = (period: string, insuAdmdvs: string | null, counts: number[]) => ({
      period,
      insuAdmdvs,
      settlements: counts[0],
      persons: counts[1],
      inpatientSettlements: counts[2],
      inpatientPersons: counts[3],
    });
    expect(sorted(rows)).toEqual(
      sorted([
        p('2019H1', '610921', [9, 5, 5, 3]),
        p('2019H1', '610902', [1, 1, 1, 1]),
        p('2019H1', null, [1, 1, 1, 1]),
        p('2019', '610921', [15, 8, 10, 6]),
        p('2019', '610902', [1, 1, 1, 1]),
        p('2019', null, [1, 1, 1, 1]),
      ]),
    );
  });

  test('placing settlements through ins_org_map and the registry; 县域内就诊率', async () => {
    const institutions: InstitutionRecord[] = await registryAdapter.institutionsByCodes(source('registry'), [
      H1,
      H2,
      T1,
      T2,
      U9,
    ]);
    const byOrg = new Map(institutions.map((i) => [i.orgCode, i]));
    const orgMap = new Map(hiInsOrgMap.map((r) => [String(r.fixmedins_code), String(r.org_code)]));
    const rows = await insAdapter.settlements(source('ins'), { months: periodMonths(Y2019) });
    const placed = placeSettlements(rows, orgMap, byOrg);

    const placement = new Map(
      placed.map((r) => [
        r.fixmedinsCode,
        { orgCode: r.orgCode, county: r.county, inRegion: r.inRegion, placedBy: r.placedBy },
      ]),
    );
    expect(Object.fromEntries(placement)).toEqual({
      [FIX.H1]: { orgCode: H1, county: '610902', inRegion: true, placedBy: 'REGISTRY' },
      [FIX.H2]: { orgCode: H2, county: '610921', inRegion: true, placedBy: 'REGISTRY' },
      [FIX.T1]: { orgCode: T1, county: '610921', inRegion: true, placedBy: 'REGISTRY' },
      [FIX.U9]: { orgCode: U9, county: '610921', inRegion: true, placedBy: 'CODE' },
      [FIX.XIAN]: { orgCode: null, county: '610100', inRegion: false, placedBy: 'CODE' },
      [FIX.WUHAN]: { orgCode: null, county: '420100', inRegion: false, placedBy: 'CODE' },
      [FIX.BAD]: { orgCode: null, county: null, inRegion: false, placedBy: null },
    });
    expect(placed.map(({ orgCode: _o, county: _c, inRegion: _i, placedBy: _p, ...row }) => row)).toEqual(
      rows,
    );

    expect(inCountyRate(placed, '610921')).toEqual({
      county: '610921',
      numerator: 4,
      denominator: 10,
      value: 0.6,
      unplaced: 1,
    });
    expect(inCountyRate(placed, '610921', periodMonths(H1_2019))).toEqual({
      county: '610921',
      numerator: 2,
      denominator: 5,
      value: 0.6,
      unplaced: 0,
    });
    expect(inCountyRate(placed, '610902', periodMonths(Y2019))).toEqual({
      county: '610902',
      numerator: 0,
      denominator: 1,
      value: 1,
      unplaced: 0,
    });
    expect(inCountyRate(placed, '610922').value).toBeNull();
  });

  test('the adapters cannot write', async () => {
    await expect(
      source('hrm').query("DELETE FROM practitioner WHERE pract_id = 'D01'"),
    ).rejects.toMatchObject({
      failure: 'QUERY_FAILED',
    });
    await expect(source('ins').query("UPDATE setl_d SET vali_flag = '1'")).rejects.toMatchObject({
      failure: 'QUERY_FAILED',
    });
  });
});
