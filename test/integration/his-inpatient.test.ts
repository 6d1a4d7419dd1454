import { hisAAdapter, hisBAdapter, registryAdapter, SourceRegistry } from '../../adapters';
import type { HisAdapter } from '../../adapters';
import { matchReceivers, normaliseName, strippedNames } from '../../adapters/his/receivers';
import type { DischargeTransfers } from '../../adapters/his/inpatient';
import { codeGroupCase, diagnosisGroups, pickGroups } from '../../adapters/his/sql';
import type { SqlSource } from '../../adapters/sql/source';
import { parsePeriod, periodMonths } from '../../schema/period';
import type { Engine } from '../fixtures/databases';
import { buildInpatientFixture, ORG, UNKNOWN_RECEIVER } from '../fixtures/inpatient.fixture';
import { quietLogger } from '../helpers/quiet';

/** The hand computation of every number below is in test/fixtures/inpatient.fixture.ts. */
const H1_2019 = periodMonths(parsePeriod('2019H1'));
const ALL = { orgCodes: null, months: H1_2019 };

/** Rows in a stable order: by their fields' JSON, which starts with orgCode and month. */
function sorted<T>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function total<T>(rows: readonly T[], field: keyof T): number {
  return rows.reduce((sum, r) => sum + (r[field] as unknown as number), 0);
}

describe('receiver names and code groups (pure)', () => {
  test('normalised names: full-width, whitespace, brackets', () => {
    expect(normaliseName('汉阴县\u3000城关镇 中心卫生院')).toBe('汉阴县城关镇中心卫生院');
    expect(normaliseName('汉阴县妇幼保健院【计划生育服务中心】')).toBe('汉阴县妇幼保健院(计划生育服务中心)');
    expect(normaliseName('汉阴县妇幼保健院（计划生育服务中心）')).toBe('汉阴县妇幼保健院(计划生育服务中心)');
    expect(normaliseName('ＡＢＣ医院[一]')).toBe('ABC医院(一)');
  });

  test('division prefixes are stripped one at a time, never inside 镇/社区 names', () => {
    expect(strippedNames('安康市汉滨区老城社区卫生服务中心')).toEqual([
      '汉滨区老城社区卫生服务中心',
      '老城社区卫生服务中心',
    ]);
    expect(strippedNames('汉阴县城关镇中心卫生院')).toEqual(['城关镇中心卫生院']);
    expect(strippedNames('西安交通大学第一附属医院')).toEqual([]);
  });

  test('group CASE: one expression, ranges on the 3-character category, prefixes with LIKE', () => {
    expect(codeGroupCase('JBDM', diagnosisGroups(['AMI', 'HYPERTENSION']))).toBe(
      "CASE WHEN REPLACE(UPPER(TRIM(JBDM)), '.', '') LIKE 'I21%' THEN 'AMI' " +
        "WHEN SUBSTR(REPLACE(UPPER(TRIM(JBDM)), '.', ''), 1, 3) BETWEEN 'I10' AND 'I15' THEN 'HYPERTENSION' END",
    );
    expect(() =>
      pickGroups([
        { id: 'A', label: '', system: 'ICD-10', codes: [['I10', 'I15']], note: '' },
        { id: 'B', label: '', system: 'ICD-10', codes: ['I15.0'], note: '' },
      ]),
    ).toThrow('overlap');
  });
});

test('matchReceivers (pure): spellings of one unknown receiver are one report entry; nothing dropped', () => {
  const t = (receiverName: string | null, count: number): DischargeTransfers => ({
    orgCode: ORG.HA,
    month: '201901',
    kind: 'TRANSFER_HOSPITAL',
    receiverCode: null,
    receiverName,
    count,
  });
  const { transfers, unmatched } = matchReceivers(
    [t('十堰市太和医院', 3), t('十堰市 太和医院', 1), t('十堰市\u3000太和医院', 1), t('太和医院', 1)],
    [],
  );
  expect(transfers.map((r) => [r.matchedBy, r.receiverLevel, r.count])).toEqual([
    ['UNMATCHED', 'UNKNOWN', 3],
    ['UNMATCHED', 'UNKNOWN', 1],
    ['UNMATCHED', 'UNKNOWN', 1],
    ['UNMATCHED', 'UNKNOWN', 1],
  ]);
  expect(unmatched).toEqual([
    {
      name: '十堰市太和医院',
      code: null,
      count: 5,
      spellings: ['十堰市 太和医院', '十堰市\u3000太和医院', '十堰市太和医院'],
    },
    { name: '太和医院', code: null, count: 1, spellings: ['太和医院'] },
  ]);
});

describe.each<Engine>(['sqlite', 'mariadb'])('HIS inpatient facts on %s', (engine) => {
  let sources: SourceRegistry;
  const source = (id: string): SqlSource => sources.all().find((s) => s.id === id)!;
  const a = (): SqlSource => source('his-a');
  const b = (): SqlSource => source('his-b');

  beforeAll(async () => {
    sources = new SourceRegistry(await buildInpatientFixture(engine), quietLogger());
  });
  afterAll(async () => {
    await sources.close();
  });

  test('countDischarges, vendor A: CYSJ in [start, end), codes mapped and raw groups merged', async () => {
    const rows = await hisAAdapter.countDischarges(a(), ALL);
    const row = (
      orgCode: string,
      month: string,
      dischargeKind: string,
      admissionRoute: string,
      payer: string,
      critical: boolean,
      discharges: number,
      stayDays: number,
      rescues: number,
      feeTotal: number,
    ): Record<string, unknown> => ({
      orgCode,
      month,
      dischargeKind,
      admissionRoute,
      payer,
      critical,
      discharges,
      stayDays,
      rescues,
      feeTotal,
    });
    expect(sorted(rows)).toEqual(
      sorted([
        row(ORG.HA, '201901', 'HOME', 'EMERGENCY', 'EMPLOYEE', true, 1, 5, 2, 20000.5),
        row(ORG.HA, '201901', 'TRANSFER_HOSPITAL', 'OUTPATIENT', 'EMPLOYEE', false, 2, 13, 0, 15000),
        row(ORG.HA, '201903', 'TRANSFER_PRIMARY', 'OUTPATIENT', 'RESIDENT', false, 1, 4, 0, 3000),
        row(ORG.HA, '201903', 'HOME', 'OUTPATIENT', 'RESIDENT', false, 2, 9, 0, 7500.25),
        row(ORG.HA, '201904', 'TRANSFER_PRIMARY', 'EMERGENCY', 'EMPLOYEE', true, 1, 12, 1, 15000.5),
        row(ORG.HA, '201904', 'TRANSFER_HOSPITAL', 'OUTPATIENT', 'RESIDENT', false, 1, 2, 0, 1800),
        row(ORG.HA, '201906', 'TRANSFER_HOSPITAL', 'TRANSFER_IN', 'SELF_PAY', true, 1, 10, 1, 30000),
        row(ORG.PA, '201902', 'TRANSFER_HOSPITAL', 'OTHER', 'OTHER', false, 1, 5, 0, 1500),
        row(ORG.PA, '201902', 'TRANSFER_HOSPITAL', 'EMERGENCY', 'OTHER', false, 1, 4, 0, 1200),
        row(ORG.PA, '201904', 'OTHER', 'OTHER', 'OTHER', false, 1, 2, 0, 800),
        row(ORG.PA, '201905', 'TRANSFER_PRIMARY', 'OUTPATIENT', 'RESIDENT', false, 1, 8, 0, 2000),
        row(ORG.PA, '201906', 'DIED', 'EMERGENCY', 'EMPLOYEE', true, 1, 1, 3, 4000),
        row(ORG.PA, '201906', 'AGAINST_ADVICE', 'OUTPATIENT', 'COMMERCIAL', false, 1, 3, 0, 1000),
      ]),
    );
    const paOnly = await hisAAdapter.countDischarges(a(), { orgCodes: [ORG.PA], months: ['201906'] });
    expect(total(paOnly, 'discharges')).toBe(2);
  });

  test('countDischarges, vendor B: discharged_at in [start, end), NULL excluded, stay from the dates', async () => {
    const rows = await hisBAdapter.countDischarges(b(), ALL);
    expect(sorted(rows)).toEqual(
      sorted([
        {
          orgCode: ORG.HB,
          month: '201901',
          dischargeKind: 'HOME',
          admissionRoute: 'EMERGENCY',
          payer: 'EMPLOYEE',
          critical: true,
          discharges: 1,
          stayDays: 7,
          rescues: 1,
          feeTotal: 30000,
        },
        {
          orgCode: ORG.HB,
          month: '201901',
          dischargeKind: 'TRANSFER_HOSPITAL',
          admissionRoute: 'OUTPATIENT',
          payer: 'RESIDENT',
          critical: false,
          discharges: 1,
          stayDays: 1,
          rescues: 0,
          feeTotal: 9000,
        },
        {
          orgCode: ORG.HB,
          month: '201901',
          dischargeKind: 'TRANSFER_PRIMARY',
          admissionRoute: 'TRANSFER_IN',
          payer: 'SELF_PAY',
          critical: false,
          discharges: 1,
          stayDays: 14,
          rescues: 0,
          feeTotal: 12000,
        },
        {
          orgCode: ORG.HB,
          month: '201902',
          dischargeKind: 'HOME',
          admissionRoute: 'OUTPATIENT',
          payer: 'RESIDENT',
          critical: false,
          discharges: 1,
          stayDays: 1,
          rescues: 0,
          feeTotal: 4000,
        },
        {
          orgCode: ORG.HB,
          month: '201902',
          dischargeKind: 'TRANSFER_HOSPITAL',
          admissionRoute: 'OUTPATIENT',
          payer: 'EMPLOYEE',
          critical: false,
          discharges: 1,
          stayDays: 5,
          rescues: 0,
          feeTotal: 6000,
        },
        {
          orgCode: ORG.HB,
          month: '201903',
          dischargeKind: 'OTHER',
          admissionRoute: 'OTHER',
          payer: 'COMMERCIAL',
          critical: true,
          discharges: 1,
          stayDays: 10,
          rescues: 2,
          feeTotal: 7000,
        },
        {
          orgCode: ORG.PB,
          month: '201904',
          dischargeKind: 'TRANSFER_HOSPITAL',
          admissionRoute: 'OUTPATIENT',
          payer: 'OTHER',
          critical: false,
          discharges: 1,
          stayDays: 4,
          rescues: 0,
          feeTotal: 2000,
        },
        {
          orgCode: ORG.PB,
          month: '201905',
          dischargeKind: 'DIED',
          admissionRoute: 'EMERGENCY',
          payer: 'RESIDENT',
          critical: true,
          discharges: 1,
          stayDays: 2,
          rescues: 1,
          feeTotal: 5000,
        },
        {
          orgCode: ORG.PB,
          month: '201905',
          dischargeKind: 'AGAINST_ADVICE',
          admissionRoute: 'OUTPATIENT',
          payer: 'RESIDENT',
          critical: false,
          discharges: 1,
          stayDays: 2,
          rescues: 0,
          feeTotal: 1500.5,
        },
        {
          orgCode: ORG.PB,
          month: '201906',
          dischargeKind: 'TRANSFER_HOSPITAL',
          admissionRoute: 'OUTPATIENT',
          payer: 'RESIDENT',
          critical: false,
          discharges: 1,
          stayDays: 2,
          rescues: 0,
          feeTotal: 1000,
        },
      ]),
    );
  });

  test('countSurgeries: by procedure date, empty SSJB / NULL grade is not a graded surgery', async () => {
    const s = (
      orgCode: string,
      month: string,
      grade: number | null,
      dayCase: boolean,
      elective: boolean,
      count: number,
    ): Record<string, unknown> => ({ orgCode, month, grade, dayCase, elective, count });
    expect(sorted(await hisAAdapter.countSurgeries(a(), ALL))).toEqual(
      sorted([
        s(ORG.HA, '201901', 4, false, false, 1),
        s(ORG.HA, '201901', null, false, false, 2),
        s(ORG.HA, '201903', 3, false, true, 1),
        s(ORG.HA, '201906', 4, false, true, 1),
        s(ORG.HA, '201906', 3, false, false, 1),
        s(ORG.PA, '201905', 1, true, true, 1),
        s(ORG.PA, '201906', 2, true, true, 1),
      ]),
    );
    expect(sorted(await hisBAdapter.countSurgeries(b(), ALL))).toEqual(
      sorted([
        s(ORG.HB, '201901', 4, false, false, 2),
        s(ORG.HB, '201902', 3, false, true, 1),
        s(ORG.HB, '201906', 2, false, true, 1),
        s(ORG.HB, '201906', 3, false, true, 1),
        s(ORG.PB, '201904', 1, true, true, 1),
        s(ORG.PB, '201905', null, false, false, 1),
      ]),
    );
    expect(await hisBAdapter.countSurgeries(b(), { orgCodes: [ORG.PB], months: ['201906'] })).toEqual([]);
  });

  test('bedDays: CHAR(8) and DATE census rows inside the months only', async () => {
    const d = (
      orgCode: string,
      month: string,
      openBedDays: number,
      occupiedBedDays: number,
      daysReported: number,
    ): Record<string, unknown> => ({ orgCode, month, openBedDays, occupiedBedDays, daysReported });
    expect(sorted(await hisAAdapter.bedDays(a(), ALL))).toEqual(
      sorted([
        d(ORG.HA, '201901', 200, 165, 2),
        d(ORG.HA, '201906', 100, 90, 1),
        d(ORG.PA, '201903', 42, 22, 2),
      ]),
    );
    expect(sorted(await hisBAdapter.bedDays(b(), ALL))).toEqual(
      sorted([
        d(ORG.HB, '201901', 600, 510, 2),
        d(ORG.HB, '201902', 310, 270, 1),
        d(ORG.PB, '201905', 30, 12, 1),
      ]),
    );
  });

  test('countDischargesByDiagnosis: principal diagnosis groups (codes trimmed, any case, with or without dot)', async () => {
    const g = (
      orgCode: string,
      month: string,
      group: string,
      discharges: number,
    ): Record<string, unknown> => ({
      orgCode,
      month,
      group,
      discharges,
    });
    expect(sorted(await hisAAdapter.countDischargesByDiagnosis(a(), ALL))).toEqual(
      sorted([
        g(ORG.HA, '201901', 'AMI', 1),
        g(ORG.HA, '201901', 'CEREBROVASCULAR', 1),
        g(ORG.HA, '201903', 'DIABETES', 1),
        g(ORG.HA, '201903', 'HYPERTENSION', 1),
        g(ORG.HA, '201904', 'AMI', 1),
        g(ORG.HA, '201906', 'NEOPLASM', 1),
        g(ORG.PA, '201902', 'COPD', 1),
        g(ORG.PA, '201905', 'HYPERTENSION', 1),
        g(ORG.PA, '201906', 'CEREBROVASCULAR', 1),
        g(ORG.PA, '201906', 'NEOPLASM', 1),
      ]),
    );
    expect(sorted(await hisBAdapter.countDischargesByDiagnosis(b(), ALL))).toEqual(
      sorted([
        g(ORG.HB, '201901', 'AMI', 1),
        g(ORG.HB, '201901', 'CEREBROVASCULAR', 2),
        g(ORG.HB, '201903', 'COPD', 1),
        g(ORG.PB, '201904', 'DIABETES', 1),
        g(ORG.PB, '201905', 'HYPERTENSION', 1),
        g(ORG.PB, '201905', 'NEOPLASM', 1),
        g(ORG.PB, '201906', 'HYPERTENSION', 1),
      ]),
    );
    expect(await hisAAdapter.countDischargesByDiagnosis(a(), { ...ALL, groups: ['AMI'] })).toEqual(
      expect.arrayContaining([g(ORG.HA, '201901', 'AMI', 1), g(ORG.HA, '201904', 'AMI', 1)]),
    );
    expect(await hisAAdapter.countDischargesByDiagnosis(a(), { ...ALL, groups: ['AMI'] })).toHaveLength(2);
  });

  test('countProcedures: 剖宫产 and PCI by procedure date; PCI coded twice is one case', async () => {
    const p = (
      orgCode: string,
      month: string,
      group: string,
      procedures: number,
      cases: number,
    ): Record<string, unknown> => ({ orgCode, month, group, procedures, cases });
    expect(sorted(await hisAAdapter.countProcedures(a(), ALL))).toEqual(
      sorted([
        p(ORG.HA, '201901', 'PCI', 2, 1),
        p(ORG.HA, '201903', 'CESAREAN', 1, 1),
        p(ORG.HA, '201906', 'CESAREAN', 1, 1),
      ]),
    );
    expect(sorted(await hisBAdapter.countProcedures(b(), ALL))).toEqual(
      sorted([
        p(ORG.HB, '201901', 'PCI', 2, 1),
        p(ORG.HB, '201902', 'CESAREAN', 1, 1),
        p(ORG.HB, '201906', 'CESAREAN', 1, 1),
      ]),
    );
  });

  test('countVisitsByDiagnosis: 首诊 visits that happened, first diagnosis diabetes / hypertension', async () => {
    const v = (
      orgCode: string,
      month: string,
      group: string,
      visits: number,
      emergencyVisits: number,
    ): Record<string, unknown> => ({ orgCode, month, group, visits, emergencyVisits });
    const groups = ['DIABETES', 'HYPERTENSION'] as const;
    expect(sorted(await hisAAdapter.countVisitsByDiagnosis(a(), { ...ALL, groups }))).toEqual(
      sorted([
        v(ORG.HA, '201901', 'DIABETES', 1, 0),
        v(ORG.HA, '201901', 'HYPERTENSION', 1, 1),
        v(ORG.HA, '201903', 'DIABETES', 1, 0),
        v(ORG.HA, '201903', 'HYPERTENSION', 1, 0),
        v(ORG.PA, '201904', 'DIABETES', 1, 0),
        v(ORG.PA, '201904', 'HYPERTENSION', 1, 0),
      ]),
    );
    expect(sorted(await hisBAdapter.countVisitsByDiagnosis(b(), { ...ALL, groups }))).toEqual(
      sorted([
        v(ORG.HB, '201901', 'DIABETES', 1, 0),
        v(ORG.HB, '201901', 'HYPERTENSION', 1, 1),
        v(ORG.HB, '201902', 'HYPERTENSION', 1, 0),
        v(ORG.HB, '201906', 'DIABETES', 1, 0),
        v(ORG.PB, '201903', 'DIABETES', 1, 0),
        v(ORG.PB, '201903', 'HYPERTENSION', 1, 0),
      ]),
    );
  });

  test('dischargeTransfers: receivers as recorded, blank and "-" become null, names trimmed', async () => {
    const t = (
      orgCode: string,
      month: string,
      kind: string,
      receiverCode: string | null,
      receiverName: string | null,
      count: number,
    ): Record<string, unknown> => ({ orgCode, month, kind, receiverCode, receiverName, count });
    expect(sorted(await hisAAdapter.dischargeTransfers(a(), ALL))).toEqual(
      sorted([
        t(ORG.HA, '201901', 'TRANSFER_HOSPITAL', null, '安康市中心医院', 2),
        t(ORG.HA, '201903', 'TRANSFER_PRIMARY', null, '汉阴县\u3000城关镇中心卫生院', 1),
        t(ORG.HA, '201904', 'TRANSFER_HOSPITAL', null, '汉阴县妇幼保健院[计划生育服务中心]', 1),
        t(ORG.HA, '201904', 'TRANSFER_PRIMARY', null, null, 1),
        t(ORG.HA, '201906', 'TRANSFER_HOSPITAL', null, '西安交通大学第一附属医院', 1),
        t(ORG.PA, '201902', 'TRANSFER_HOSPITAL', ORG.HB, '汉阴县人民医院', 1),
        t(ORG.PA, '201902', 'TRANSFER_HOSPITAL', null, '人民医院', 1),
        t(ORG.PA, '201905', 'TRANSFER_PRIMARY', null, '双河口镇卫生院', 1),
      ]),
    );
    expect(sorted(await hisBAdapter.dischargeTransfers(b(), ALL))).toEqual(
      sorted([
        t(ORG.HB, '201901', 'TRANSFER_HOSPITAL', ORG.CY, null, 1),
        t(ORG.HB, '201901', 'TRANSFER_PRIMARY', ORG.PS, null, 1),
        t(ORG.HB, '201902', 'TRANSFER_HOSPITAL', UNKNOWN_RECEIVER, null, 1),
        t(ORG.PB, '201904', 'TRANSFER_HOSPITAL', null, null, 1),
        t(ORG.PB, '201906', 'TRANSFER_HOSPITAL', ORG.HB, null, 1),
      ]),
    );
  });

  test('matchReceivers: code, exact name, normalised name, unique prefix-stripped name, else unmatched', async () => {
    const registry = await registryAdapter.institutionsInDivisions(sources.registry(), ['610921', '610902']);
    const transfers: DischargeTransfers[] = [
      ...(await hisAAdapter.dischargeTransfers(a(), ALL)),
      ...(await hisBAdapter.dischargeTransfers(b(), ALL)),
    ];
    const { transfers: resolved, unmatched } = matchReceivers(transfers, registry);
    const summary = sorted(
      resolved.map((r) => [
        r.orgCode,
        r.month,
        r.kind,
        r.receiverCode ?? r.receiverName,
        r.matchedBy,
        r.receiverOrgCode,
        r.receiverLevel,
        r.receiverPrimaryCare,
        r.count,
      ]),
    );
    expect(summary).toEqual(
      sorted([
        [ORG.HA, '201901', 'TRANSFER_HOSPITAL', '安康市中心医院', 'NAME', ORG.CY, 'LEVEL_3', false, 2],
        [
          ORG.HA,
          '201903',
          'TRANSFER_PRIMARY',
          '汉阴县\u3000城关镇中心卫生院',
          'NORMALISED',
          ORG.PB,
          'LEVEL_1',
          true,
          1,
        ],
        [
          ORG.HA,
          '201904',
          'TRANSFER_HOSPITAL',
          '汉阴县妇幼保健院[计划生育服务中心]',
          'NORMALISED',
          ORG.MC,
          'LEVEL_2',
          false,
          1,
        ],
        [ORG.HA, '201904', 'TRANSFER_PRIMARY', null, 'UNMATCHED', null, 'UNKNOWN', null, 1],
        [
          ORG.HA,
          '201906',
          'TRANSFER_HOSPITAL',
          '西安交通大学第一附属医院',
          'UNMATCHED',
          null,
          'UNKNOWN',
          null,
          1,
        ],
        [ORG.PA, '201902', 'TRANSFER_HOSPITAL', ORG.HB, 'CODE', ORG.HB, 'LEVEL_2', false, 1],
        [ORG.PA, '201902', 'TRANSFER_HOSPITAL', '人民医院', 'UNMATCHED', null, 'UNKNOWN', null, 1],
        [ORG.PA, '201905', 'TRANSFER_PRIMARY', '双河口镇卫生院', 'PREFIX', ORG.PS, 'UNRATED', true, 1],
        [ORG.HB, '201901', 'TRANSFER_HOSPITAL', ORG.CY, 'CODE', ORG.CY, 'LEVEL_3', false, 1],
        [ORG.HB, '201901', 'TRANSFER_PRIMARY', ORG.PS, 'CODE', ORG.PS, 'UNRATED', true, 1],
        [ORG.HB, '201902', 'TRANSFER_HOSPITAL', UNKNOWN_RECEIVER, 'UNMATCHED', null, 'UNKNOWN', null, 1],
        [ORG.PB, '201904', 'TRANSFER_HOSPITAL', null, 'UNMATCHED', null, 'UNKNOWN', null, 1],
        [ORG.PB, '201906', 'TRANSFER_HOSPITAL', ORG.HB, 'CODE', ORG.HB, 'LEVEL_2', false, 1],
      ]),
    );
    expect(unmatched).toEqual([
      { name: null, code: null, count: 2, spellings: [] },
      { name: null, code: UNKNOWN_RECEIVER, count: 1, spellings: [] },
      { name: '人民医院', code: null, count: 1, spellings: ['人民医院'] },
      { name: '西安交通大学第一附属医院', code: null, count: 1, spellings: ['西安交通大学第一附属医院'] },
    ]);
    // Never dropped: every transfer is still there.
    expect(total(resolved, 'count')).toBe(14);
    expect(resolved.filter((r) => r.receiverOrgCode !== null).reduce((s, r) => s + r.count, 0)).toBe(9);
  });

  test('the county: both vendors sum to the hand totals; one statement per call', async () => {
    const county = await registryAdapter.institutionsInDivisions(sources.registry(), ['610921']);
    const { bySource, uncovered } = sources.holders(
      ['his_a', 'his_b'],
      county.map((i) => i.orgCode),
    );
    expect(uncovered.sort()).toEqual([ORG.MC, ORG.PS].sort());
    const adapters: Record<string, HisAdapter> = { his_a: hisAAdapter, his_b: hisBAdapter };
    // Vendor A's GHSJ format is detected once per source, before counting statements.
    await hisAAdapter.countVisitsByDiagnosis(a(), { orgCodes: [ORG.HA], months: ['201901'] });

    const sums = {
      discharges: 0,
      stayDays: 0,
      rescues: 0,
      feeTotal: 0,
      surgeries: 0,
      graded: 0,
      openBedDays: 0,
      occupiedBedDays: 0,
      cesarean: 0,
      pci: 0,
      ami: 0,
      diabetesVisits: 0,
      hypertensionVisits: 0,
      transfers: 0,
    };
    for (const [src, orgCodes] of bySource) {
      const adapter = adapters[src.config.kind];
      const q = { orgCodes, months: H1_2019 };
      const before = src.statements;
      const discharges = await adapter.countDischarges(src, q);
      const surgeries = await adapter.countSurgeries(src, q);
      const beds = await adapter.bedDays(src, q);
      const procedures = await adapter.countProcedures(src, q);
      const diagnoses = await adapter.countDischargesByDiagnosis(src, q);
      const visits = await adapter.countVisitsByDiagnosis(src, q);
      const transfers = await adapter.dischargeTransfers(src, q);
      expect(src.statements - before).toBe(7);
      sums.discharges += total(discharges, 'discharges');
      sums.stayDays += total(discharges, 'stayDays');
      sums.rescues += total(discharges, 'rescues');
      sums.feeTotal += total(discharges, 'feeTotal');
      sums.surgeries += total(surgeries, 'count');
      sums.graded += total(
        surgeries.filter((s) => s.grade !== null),
        'count',
      );
      sums.openBedDays += total(beds, 'openBedDays');
      sums.occupiedBedDays += total(beds, 'occupiedBedDays');
      sums.cesarean += total(
        procedures.filter((p) => p.group === 'CESAREAN'),
        'cases',
      );
      sums.pci += total(
        procedures.filter((p) => p.group === 'PCI'),
        'cases',
      );
      sums.ami += total(
        diagnoses.filter((d) => d.group === 'AMI'),
        'discharges',
      );
      sums.diabetesVisits += total(
        visits.filter((v) => v.group === 'DIABETES'),
        'visits',
      );
      sums.hypertensionVisits += total(
        visits.filter((v) => v.group === 'HYPERTENSION'),
        'visits',
      );
      sums.transfers += total(transfers, 'count');
    }
    sums.feeTotal = Math.round(sums.feeTotal * 100) / 100;
    expect(sums).toEqual({
      discharges: 25,
      stayDays: 126,
      rescues: 11,
      feeTotal: 180301.75,
      surgeries: 15,
      graded: 12,
      openBedDays: 1282,
      occupiedBedDays: 1069,
      cesarean: 4,
      pci: 2,
      ami: 3,
      diabetesVisits: 6,
      hypertensionVisits: 6,
      transfers: 14,
    });
    expect(sums.stayDays / sums.discharges).toBeCloseTo(5.04, 10);
    expect(sums.occupiedBedDays / sums.openBedDays).toBeCloseTo(1069 / 1282, 12);
  });

  test('empty requests send no statement', async () => {
    const before = a().statements + b().statements;
    expect(await hisAAdapter.countDischarges(a(), { orgCodes: [], months: H1_2019 })).toEqual([]);
    expect(await hisBAdapter.bedDays(b(), { orgCodes: null, months: [] })).toEqual([]);
    expect(a().statements + b().statements).toBe(before);
  });
});
