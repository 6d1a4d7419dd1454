import { buildEvaluationFixture, HIS_B, ORG, PATIENT_IDENTIFIERS } from '../fixtures/evaluation.fixture';
import type { Engine } from '../fixtures/databases';
import { gql } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * The acceptance test of the four 分级诊疗 evaluation forms: 表1 (陕西省 610000), 表2 (安康市 610900),
 * 表3 (安康市中心医院 C3, lead of JT1) and 表4 (汉阴县人民医院 H2, lead of GT1), all for 2019
 * against 2018, on the region of test/fixtures/evaluation.fixture.ts, whose header holds every
 * hand computation. Each expected row is [key, indicator, display, previousDisplay, missing].
 */
interface Row {
  key: string;
  indicator: string | null;
  display: string;
  previousDisplay: string;
  value: { missing: string | null; status: string; complete: boolean } | null;
}
interface Finding {
  code: string;
  rowKeys: string[];
  indicators: string[];
  left: number | null;
  right: number | null;
}
interface Form {
  form: string;
  part: string;
  period: string;
  comparedWith: string;
  passedLogicAudit: boolean;
  complete: boolean;
  sources: Array<{ id: string; status: string }>;
  rows: Row[];
  logicAudit: Finding[];
  reasonablenessAudit: Finding[];
}

const FORM = `query F($form: EvaluationFormCode!, $scope: EvaluationScopeInput!, $period: Period!, $part: String) {
  evaluationForm(form: $form, scope: $scope, period: $period, part: $part) {
    form part period comparedWith passedLogicAudit complete sources { id status }
    rows { key indicator display previousDisplay value { missing status complete } }
    logicAudit { code rowKeys indicators left right }
    reasonablenessAudit { code rowKeys indicators left right }
  }
}`;

type Expected = readonly [string, string, string, string, string | null];

/** The rows as [key, indicator, display, previousDisplay, missing], for the keys asked. */
function pick(f: Form, expected: readonly Expected[]): Expected[] {
  return expected.map(([key]) => {
    const r = f.rows.find((x) => x.key === key);
    if (!r) throw new Error(`${f.form}: no row ${key}`);
    return [r.key, r.indicator ?? '', r.display, r.previousDisplay, r.value?.missing ?? null];
  });
}

// 表1, 陕西省 610000 (= 安康市: the province's only city), 2019 against 2018.
const T1_ROWS: readonly Expected[] = [
  ['353', 'COUNTY_COUNT', '3', '3', null], // 汉滨区 汉阴县 石泉县
  ['354', 'PUBLIC_HOSPITAL_LEVEL_2_COUNT', '2', '2', null], // H2 Q2
  ['355', 'PUBLIC_HOSPITAL_LEVEL_3_COUNT', '1', '1', null], // C3
  ['356', 'PUBLIC_HOSPITAL_COUNT', '3', '3', null], // C3 H2 Q2 (N1 is 社会办)
  ['357', 'PRIMARY_CARE_INSTITUTION_COUNT', '4', '5', null], // B1 T1 T2 V1; 2018 + CL (closed 20190601)
  ['358', 'COMMUNITY_HEALTH_CENTER_COUNT', '1', '1', null], // B1
  ['360', 'COMMUNITY_HEALTH_STATION_COUNT', '0', '0', 'NOT_CARRIED_OUT'], // none: a counted 0
  ['361', 'TOWNSHIP_HEALTH_CENTER_COUNT', '2', '3', null], // T1 T2; 2018 + CL
  ['362', 'VILLAGE_CLINIC_COUNT', '1', '1', null], // V1
  ['364', 'LEVEL_2_HOSPITAL_AVERAGE_STAY', '6.00', '--', null], // H2 12 days / 2; 2018 no discharge
  ['365', 'LEVEL_3_HOSPITAL_AVERAGE_STAY', '9.00', '10.00', null], // C3 36 / 4; 2018 d5 10 / 1
  ['366', 'OUTPATIENT_FEE_PER_VISIT', '107.14', '90.00', null], // 1500 / 14; 2018 (100 + 80) / 2
  ['367', 'INPATIENT_FEE_PER_DISCHARGE', '10000.00', '9000.00', null], // 60000 / 6; 2018 9000 / 1
  ['368', 'LIFE_EXPECTANCY', '--', '--', 'NOT_COUNTED'], // division_stat.life_expectancy empty
  ['386', 'PRIVATE_ELDERLY_CARE_COUNT', '--', '--', 'NOT_AVAILABLE'], // no WS 218 code for 老年型
  ['387', 'PRIVATE_LONG_TERM_CARE_BEDS', '40', '40', null], // N1 A710 社会办, 40 beds
  ['388', 'PRIVATE_LONG_TERM_CARE_COUNT', '1', '1', null], // N1
  ['409', 'COUNTIES_300K_GENERAL_2A_COUNT', '1', '1', null], // 610921 (H2 二甲综合)
  ['414', 'COUNTIES_300K_COUNT', '2', '2', null], // 610902 1,000,000; 610921 300,000
  ['425', 'GP_TOTAL', '2', '2', null], // G1 G2; 2018 G1 G3
  ['431', 'GOV_TOWNSHIP_WITH_GP_COUNT', '2', '1', null], // T1 T2; 2018 T1
  ['455', 'TELEMED_COUNTY_COUNT', '2', '1', null], // 610921 (S1), 610922 (S2); 2018 610921 (S5)
  ['460', 'TELEMED_SERVICE_COUNT', '4', '1', null], // S1 S2 S3 S6 (S4 cancelled); 2018 S5
  ['467', 'GRADING_SYSTEM_PUBLIC_HOSPITALS_LEVEL_3', '1', '1', null], // C3
  ['471', 'MUTUAL_RECOGNITION_PUBLIC_HOSPITALS', '2', '2', null], // C3 H2
  ['503', 'ALLIANCE_COUNT', '3', '3', null], // JT1 GT1 XT1 (kind QT): the rule fails
  ['505', 'ALLIANCE_COVERED_INSTITUTION_COUNT', '7', '7', null], // C3 B1 N1 H2 T1 V1 Q2
  ['511', 'URBAN_GROUP_COUNT', '1', '1', null], // JT1
  ['512', 'COUNTY_COMMUNITY_COUNT', '1', '1', null], // GT1
  ['513', 'SPECIALTY_ALLIANCE_COUNT', '0', '0', 'NOT_CARRIED_OUT'], // no ZK alliance
  ['550', 'PUBLIC_HOSPITAL_2_3_INPATIENTS', '6', '1', null], // C3 4 + H2 2; 2018 d5
  ['559', 'GRADED_DOWN_TOTAL', '4', '2', null], // R1 R2 R3 R4; 2018 P1 P2
  ['562', 'GRADED_DOWN_TO_PRIMARY', '3', '2', null], // R1 R3 R4
  ['563', 'GRADED_DOWN_TO_CONTINUING', '1', '0', null], // R2 (C3 → N1)
  ['564', 'GRADED_UP_TOTAL', '2', '1', null], // R5 R6 (R7 is 2 → 3); 2018 P3
  ['566', 'GRADED_UP_FROM_CONTINUING', '0', '0', 'NOT_CARRIED_OUT'], // none
  ['570', 'STABLE_SUPPORT_CENTER_COUNT', '2', '2', null], // B1 (JT1), T1 (GT1)
];

// 表2, 安康市 610900, 2019 against 2018.
const T2_ROWS: readonly Expected[] = [
  ['624', 'COUNTY_COUNT', '3', '3', null], // 3 counties
  ['629', 'PRIMARY_CARE_INSTITUTION_COUNT', '4', '5', null], // B1 T1 T2 V1; 2018 + CL
  ['632', 'COMMUNITY_HEALTH_STATION_COUNT', '0', '0', 'NOT_CARRIED_OUT'], // none
  ['636', 'OUTPATIENT_FEE_PER_VISIT', '107.14', '90.00', null], // 1500 / 14
  ['639', 'LEVEL_2_HOSPITAL_OUTPATIENT_FEE_PER_VISIT', '140.00', '80.00', null], // H2 420 / 3; 2018 h5 80
  ['640', 'LEVEL_2_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE', '6000.00', '--', null], // H2 12000 / 2
  ['641', 'LEVEL_3_HOSPITAL_OUTPATIENT_FEE_PER_VISIT', '300.00', '100.00', null], // C3 900 / 3; 2018 a5
  ['642', 'LEVEL_3_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE', '12000.00', '9000.00', null], // C3 48000 / 4
  ['667', 'PRIVATE_ELDERLY_CARE_COUNT', '--', '--', 'NOT_AVAILABLE'], // no legacy data
  ['698', 'GP_TOTAL', '2', '2', null], // G1 G2; 2018 G1 G3
  ['702', 'GOV_TOWNSHIP_TRAINED_GP_COUNT', '1', '0', null], // G2 (3+2) at T2 since 2019-03-01
  ['754', 'TELEMED_COUNTY_COUNT', '2', '1', null], // 610921, 610922
  ['759', 'TELEMED_SERVICE_COUNT', '4', '1', null], // S1 S2 S3 S6
  ['791', 'LEVEL_3_PUBLIC_HOSPITALS_LEADING_ALLIANCES', '1', '1', null], // C3 leads JT1
  ['792', 'ALLIANCE_COUNT', '3', '3', null], // JT1 GT1 XT1
  ['793', 'COMMUNITY_CENTERS_IN_ALLIANCES', '1', '1', null], // B1
  ['794', 'TOWNSHIP_CENTERS_IN_ALLIANCES', '1', '1', null], // T1
  ['806', 'NURSING_HOMES_IN_ALLIANCES', '1', '1', null], // N1 (A710)
  ['808', 'PRIVATE_INSTITUTIONS_IN_ALLIANCES', '2', '2', null], // N1 V1
  ['878', 'PUBLIC_HOSPITAL_2_3_INPATIENTS', '6', '1', null], // C3 4 + H2 2
  ['882', 'GRADED_DOWN_TO_PRIMARY', '3', '2', null], // R1 R3 R4; 2018 P1 P2
  ['884', 'PRIMARY_TO_UPPER_REFERRALS', '2', '1', null], // R5 R6; 2018 P3
  ['887', 'GRADED_UP_FROM_CONTINUING', '0', '0', 'NOT_CARRIED_OUT'], // none
  ['898', 'LEAD_NEW_TECH_PROJECT_FOR_PRIMARY_COUNT', '1', '0', null], // A1 C3 → B1 NEW_TECH 20190510
];

// 表3 lead-hospital part, 安康市中心医院 C3, 2019 against 2018.
const T3_ROWS: readonly Expected[] = [
  ['937', 'ALLIANCES_JOINED_BY_HOSPITAL', '1', '1', null], // JT1
  ['938', 'LED_ALLIANCE_MEMBER_COUNT', '2', '2', null], // B1 N1
  ['939', 'LED_ALLIANCE_SERVICE_POPULATION', '400000', '400000', null], // JT1 service_pop
  ['940', 'LED_TYPICAL_ALLIANCE', '是', '是', null], // JT1 typical
  ['943', 'OUTPATIENT_VISIT_COUNT', '2', '1', null], // a1 a3 (a2 急诊, a4 退号); 2018 a5
  ['944', 'OUTPATIENT_EMERGENCY_VISIT_COUNT', '3', '1', null], // a1 a2 a3
  ['946', 'DAY_SURGERY_COUNT', '0', '0', 'NOT_CARRIED_OUT'], // no surgery at all
  ['947', 'DISCHARGE_COUNT', '4', '1', null], // d1–d4; 2018 d5
  ['948', 'ADMISSION_COUNT', '3', '2', null], // admitted in 2019: d2 d3 d4; 2018 d1 d5
  ['951', 'AVERAGE_LENGTH_OF_STAY', '9.00', '10.00', null], // 36 / 4
  ['953', 'OUTPATIENT_FEE_PER_VISIT', '300.00', '100.00', null], // 900 / 3
  ['954', 'INPATIENT_FEE_PER_DISCHARGE', '12000.00', '9000.00', null], // 48000 / 4
  ['964', 'OUTPATIENT_REVENUE', '900', '100', null], // 200 + 400 + 300
  ['965', 'INPATIENT_REVENUE', '48000', '9000', null], // 20000 + 10000 + 6000 + 12000
  ['971', 'LED_COMMUNITY_CENTER_COUNT', '1', '1', null], // B1
  ['973', 'LED_NURSING_INSTITUTION_COUNT', '1', '1', null], // N1
  ['981', 'MECH_CHARTER_RESPONSIBILITIES', '是', '是', null], // JT1 CHARTER since 20180101
  ['985', 'MECH_PACKAGED_PAYMENT', '否', '否', null], // JT1 has none
  ['993', 'MUTUAL_RECOGNITION_PARTICIPATION', '是', '是', null], // C3 mutual_recognition 1
  ['994', 'TELEMED_SERVICE_COUNT', '0', '0', 'NOT_CARRIED_OUT'], // C3 requested none
  ['995', 'TELEMED_COVERED_HOSPITAL_COUNT', '2', '1', null], // H2 Q2; 2018 H2
  ['1027', 'CEREBROVASCULAR_DOWN_CASES', '1', '0', null], // R1 I63.9
  ['1047', 'REFERRAL_SHARE_OF_DISCHARGES', '100.00', '100.00', null], // (0 + 2 + 2) / 4; 2018 (0 + 1 + 0) / 1
  ['1048', 'REFERRALS_UP_CASES', '0', '0', 'NOT_CARRIED_OUT'], // C3 sent none up
  ['1050', 'REFERRALS_DOWN_CASES', '2', '1', null], // R1 R2 (R8 refused); 2018 P1
  ['1051', 'REFERRALS_RECEIVED_UP_CASES', '2', '0', null], // R5 R7
  ['1061', 'NEW_TECH_SUPPORTED', '1', '0', null], // A1
  ['1063', 'CASE_MIX_INDEX', '--', '--', 'NOT_AVAILABLE'], // no case-mix data
];

// 表4 lead-hospital part, 汉阴县人民医院 H2, 2019 against 2018.
const T4_ROWS: readonly Expected[] = [
  ['1121', 'LED_ALLIANCE_MEMBER_COUNT', '2', '2', null], // T1 V1
  ['1122', 'LED_ALLIANCE_SERVICE_POPULATION', '200000', '200000', null], // GT1 service_pop
  ['1123', 'LED_TYPICAL_ALLIANCE', '否', '否', null], // GT1 not typical
  ['1127', 'OUTPATIENT_VISIT_COUNT', '2', '1', null], // h1 h4 (h2 ER, h3 no-show); 2018 h5
  ['1128', 'OUTPATIENT_EMERGENCY_VISIT_COUNT', '3', '1', null], // h1 h2 h4
  ['1130', 'DISCHARGE_COUNT', '2', '0', null], // e1 e2 (e3 still in); 2018 none → a counted 0
  ['1133', 'AVERAGE_LENGTH_OF_STAY', '6.00', '--', null], // (7 + 5) / 2; 2018 0 / 0
  ['1137', 'OUTPATIENT_FEE_PER_VISIT', '140.00', '80.00', null], // 420 / 3; 2018 80 / 1
  ['1138', 'INPATIENT_FEE_PER_DISCHARGE', '6000.00', '--', null], // 12000 / 2
  ['1155', 'TELEMED_SERVICE_COUNT', '2', '1', null], // S1 S6; 2018 S5
  ['1161', 'MECH_PACKAGED_PAYMENT', '是', '否', null], // GT1 since 20190701
  ['1173', 'MUTUAL_RECOGNITION_PARTICIPATION', '是', '是', null], // H2 mutual_recognition 1
  ['1175', 'TELEMED_SESSIONS_WITH_UPPER', '2', '1', null], // S1 S6 with C3; 2018 S5
  ['1176', 'TELEMED_SESSIONS_WITH_LOWER', '1', '0', null], // S3 from T1
  ['1206', 'REFERRAL_SHARE_OF_DISCHARGES', '200.00', '--', null], // (1 + 2 + 1) / 2
  ['1207', 'REFERRALS_UP_CASES', '1', '0', null], // R7 (2 → 3)
  ['1209', 'REFERRALS_DOWN_CASES', '2', '1', null], // R3 R4; 2018 P2
  ['1210', 'REFERRALS_RECEIVED_UP_CASES', '1', '1', null], // R6; 2018 P3
];

const INDICATORS = `query I($code: DivisionCode!, $codes: [String!]!) {
  region(code: $code) {
    indicators(period: "2019", codes: $codes) {
      code value display numerator denominator status complete missing
      target { comparator value year met }
      sources { id status }
    }
  }
}`;

interface Indicator {
  code: string;
  value: number | null;
  display: string;
  numerator: number | null;
  denominator: number | null;
  status: string;
  complete: boolean;
  missing: string | null;
  target: { comparator: string; value: number; year: number; met: boolean | null } | null;
  sources: Array<{ id: string; status: string }>;
}

describe.each<[Engine]>([['sqlite'], ['mariadb']])('the four evaluation forms by hand (%s)', (engine) => {
  const stack = useStack(() => buildEvaluationFixture(engine, 'hag_evalvals'));

  const fill = async (form: string, kind: string, code: string, part?: string): Promise<Form> => {
    const { body } = await gql(stack.gateway.url, FORM, {
      form,
      scope: { kind, code },
      period: '2019',
      part,
    });
    expect(body.errors).toBeUndefined();
    const text = JSON.stringify(body);
    for (const id of PATIENT_IDENTIFIERS) expect(text).not.toContain(id);
    return (body.data as { evaluationForm: Form }).evaluationForm;
  };
  const indicators = async (code: string, codes: string[]): Promise<Indicator[]> => {
    const { body } = await gql(stack.gateway.url, INDICATORS, { code, codes });
    expect(body.errors).toBeUndefined();
    return (body.data as { region: { indicators: Indicator[] } }).region.indicators;
  };

  test('表1 for 陕西省: the hand-computed rows, and the alliance-kind rule that the data breaks', async () => {
    const f = await fill('T1', 'REGION', '610000');
    expect([f.form, f.part, f.period, f.comparedWith]).toEqual(['T1', 'MAIN', '2019', '2018']);
    expect(pick(f, T1_ROWS)).toEqual(T1_ROWS);
    // XT1's kind 'QT' is none of JT/GT/ZK/YC: 3 alliances against 1 + 1 + 0 + 0 = 2.
    expect(f.logicAudit).toContainEqual({
      code: 'TOTAL_EQ_SUM_OF_KINDS',
      rowKeys: ['503'],
      indicators: ['ALLIANCE_COUNT'],
      left: 3,
      right: 2,
    });
    expect(f.passedLogicAudit).toBe(false);
    expect(f.rows.find((r) => r.key === '503')?.value?.status).toBe('RULE_FAILED');
    // 分级诊疗下转 4 against 2 in 2018: +100 %, over the 50 % of the reasonableness audit.
    expect(f.reasonablenessAudit).toContainEqual({
      code: 'CHANGE_OVER_50_PERCENT',
      rowKeys: ['559'],
      indicators: ['GRADED_DOWN_TOTAL'],
      left: 4,
      right: 2,
    });
  });

  test('表2 for 安康市: the hand-computed rows and the same rule violation on its own row', async () => {
    const f = await fill('T2', 'REGION', '610900');
    expect([f.form, f.part, f.period, f.comparedWith]).toEqual(['T2', 'MAIN', '2019', '2018']);
    expect(pick(f, T2_ROWS)).toEqual(T2_ROWS);
    expect(f.logicAudit).toContainEqual({
      code: 'TOTAL_EQ_SUM_OF_KINDS',
      rowKeys: ['792'],
      indicators: ['ALLIANCE_COUNT'],
      left: 3,
      right: 2,
    });
    expect(f.passedLogicAudit).toBe(false);
    // Every source answered: sources all OK.
    expect(f.sources.every((s) => s.status === 'OK')).toBe(true);
  });

  test('表3 for 安康市中心医院 (lead of JT1): the hand-computed rows', async () => {
    const f = await fill('T3', 'INSTITUTION', ORG.C3, 'LEAD');
    expect([f.form, f.part, f.period, f.comparedWith]).toEqual(['T3', 'LEAD', '2019', '2018']);
    expect(pick(f, T3_ROWS)).toEqual(T3_ROWS);
    // Discharges 4 against 1: +300 %.
    expect(f.reasonablenessAudit).toContainEqual({
      code: 'CHANGE_OVER_50_PERCENT',
      rowKeys: ['947'],
      indicators: ['DISCHARGE_COUNT'],
      left: 4,
      right: 1,
    });
  });

  test('表4 for 汉阴县人民医院 (lead of GT1): the hand-computed rows', async () => {
    const f = await fill('T4', 'INSTITUTION', ORG.H2, 'LEAD');
    expect([f.form, f.part, f.period, f.comparedWith]).toEqual(['T4', 'LEAD', '2019', '2018']);
    expect(pick(f, T4_ROWS)).toEqual(T4_ROWS);
    expect(f.sources.find((s) => s.id === HIS_B)?.status).toBe('OK');
  });

  test('growth against the same period last year, and targets met and missed', async () => {
    const city = await indicators('610900', [
      'GRADED_REFERRALS_DOWN_GROWTH',
      'PRIMARY_CARE_VISIT_SHARE',
      'TELEMED_COVERAGE_RATE',
      'PAIRED_SUPPORT_COVERAGE_RATE',
      'GOV_TOWNSHIP_WITH_GP_SHARE',
    ]);
    const by = (code: string): Indicator => city.find((i) => i.code === code)!;
    // 分级诊疗下转 (4 − 2) / 2 = 100.00 %, target ≥ 10 % (2017): met.
    expect(by('GRADED_REFERRALS_DOWN_GROWTH')).toMatchObject({
      value: 100,
      display: '100.00',
      numerator: 2,
      denominator: 2,
      target: { comparator: 'GE', value: 10, year: 2017, met: true },
    });
    // 基层诊疗量占比 (B1 3 + T1 2 + V1 3) / 14 = 57.14 %, target ≥ 65 %: missed.
    expect(by('PRIMARY_CARE_VISIT_SHARE')).toMatchObject({
      display: '57.14',
      numerator: 8,
      denominator: 14,
      status: 'OK',
      target: { comparator: 'GE', value: 65, met: false },
    });
    // 远程医疗覆盖 2 of 3 counties = 66.67 %, target ≥ 50 %: met.
    expect(by('TELEMED_COVERAGE_RATE')).toMatchObject({
      display: '66.67',
      numerator: 2,
      denominator: 3,
      target: { comparator: 'GE', value: 50, met: true },
    });
    // 对口支援覆盖 B1 T1 of B1 T1 T2 = 66.67 %, target 100 %: missed.
    expect(by('PAIRED_SUPPORT_COVERAGE_RATE')).toMatchObject({
      display: '66.67',
      numerator: 2,
      denominator: 3,
      target: { value: 100, met: false },
    });
    // 政府办乡镇卫生院有全科医生 T1 T2 of T1 T2 = 100.00 %, target 100 %: met.
    expect(by('GOV_TOWNSHIP_WITH_GP_SHARE')).toMatchObject({
      display: '100.00',
      numerator: 2,
      denominator: 2,
      target: { value: 100, met: true },
    });
  });
});

describe('a partial answer: the vendor-B HIS is down (SQLite sources)', () => {
  const stack = useStack(() => buildEvaluationFixture('sqlite', 'hag_evalpart', true));

  test('表4 of H2 prints "--" for its HIS rows, names the missing source and is not complete', async () => {
    const { body } = await gql(stack.gateway.url, FORM, {
      form: 'T4',
      scope: { kind: 'INSTITUTION', code: ORG.H2 },
      period: '2019',
      part: 'LEAD',
    });
    expect(body.errors).toBeUndefined();
    const f = (body.data as { evaluationForm: Form }).evaluationForm;
    expect(f.complete).toBe(false);
    expect(f.sources[0]).toEqual({ id: HIS_B, status: 'UNREACHABLE' }); // worst status first
    const row = (key: string): Row => f.rows.find((r) => r.key === key)!;
    // H2's visits and discharges are only on the broken source: not counted, never 0.
    for (const key of ['1127', '1130', '1137'])
      expect([row(key).display, row(key).value?.missing, row(key).value?.complete]).toEqual([
        '--',
        'SOURCE_UNAVAILABLE',
        false,
      ]);
    // Rows from the registry and the referral platform still stand.
    expect([row('1121').display, row('1209').display]).toEqual(['2', '2']);
  });

  test('表2 of 安康市 counts what answered and says the value is partial', async () => {
    const { body } = await gql(stack.gateway.url, FORM, {
      form: 'T2',
      scope: { kind: 'REGION', code: '610900' },
      period: '2019',
    });
    expect(body.errors).toBeUndefined();
    const f = (body.data as { evaluationForm: Form }).evaluationForm;
    const row = (key: string): Row => f.rows.find((r) => r.key === key)!;
    expect(f.complete).toBe(false);
    expect(f.sources).toContainEqual({ id: HIS_B, status: 'UNREACHABLE' });
    // 门诊次均费用 from vendor A only: C3 900 + B1 100 over 3 + 3 visits = 166.67, PARTIAL.
    expect([row('636').display, row('636').value?.status, row('636').value?.complete]).toEqual([
      '166.67',
      'PARTIAL',
      false,
    ]);
    // 三级 (C3, vendor A) is whole: 900 / 3.
    expect([row('641').display, row('641').value?.status]).toEqual(['300.00', 'OK']);
  });
});
