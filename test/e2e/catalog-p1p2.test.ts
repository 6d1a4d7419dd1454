import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/databases';
import { buildP1P2Fixture, PATIENT_IDENTIFIERS } from '../fixtures/p1p2.fixture';
import { gql } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * The 2018 医联体综合绩效考核指标体系 (P1 行政部门, P2 医联体) as evaluationForm fills them, on the
 * p1p2 fixture (test/fixtures/p1p2.fixture.ts holds every hand count), 2019H1 against 2018H1;
 * plus the companion codes (住院/手术 parts of a row) and the existing entries this part binds to
 * P1/P2 rows (PRIMARY_CARE_VISIT_SHARE → P1:3490, OUTPATIENT_FEE_PER_VISIT → P2:3594), asked
 * through `indicators`.
 */
interface Row {
  key: string;
  indicator: string | null;
  display: string;
  previousDisplay: string;
  value: { missing: string | null } | null;
}
interface Value {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  display: string;
  missing: string | null;
}

const FORM = `query F($form: EvaluationFormCode!, $scope: EvaluationScopeInput!, $period: Period!) {
  evaluationForm(form: $form, scope: $scope, period: $period) {
    rows { key indicator display previousDisplay value { missing } }
    logicAudit { code rowKeys }
  }
}`;
const FIELDS = 'code value numerator denominator display missing';

async function form(
  stack: RunningStack,
  code: string,
  scope: { kind: string; code: string },
  period: string,
) {
  const { body } = await gql(stack.gateway.url, FORM, { form: code, scope, period });
  const text = JSON.stringify(body);
  expect(body.errors).toBeUndefined();
  for (const id of PATIENT_IDENTIFIERS) expect(text).not.toContain(id);
  const f = (body.data as { evaluationForm: { rows: Row[]; logicAudit: Array<{ code: string }> } })
    .evaluationForm;
  const byKey = new Map(f.rows.map((r) => [r.key, r]));
  return { rows: byKey, logic: f.logicAudit.map((a) => a.code) };
}

/** [row key, indicator, display, previousDisplay] of the rows asked. */
function cells(rows: Map<string, Row>, keys: string[]): Array<[string, string | null, string, string]> {
  return keys.map((k) => {
    const r = rows.get(k)!;
    return [k, r.indicator, r.display, r.previousDisplay];
  });
}

async function indicators(
  stack: RunningStack,
  field: 'region' | 'alliance',
  id: string,
  period: string,
  codes: string[],
): Promise<Value[]> {
  const query =
    field === 'region'
      ? `query Q($id: DivisionCode!, $period: Period!, $codes: [String!]!) {
           region(code: $id) { indicators(period: $period, codes: $codes) { ${FIELDS} } } }`
      : `query Q($id: String!, $period: Period!, $codes: [String!]!) {
           alliance(id: $id) { indicators(period: $period, codes: $codes) { ${FIELDS} } } }`;
  const { body } = await gql(stack.gateway.url, query, { id, period, codes });
  expect(body.errors).toBeUndefined();
  return (body.data as Record<string, { indicators: Value[] }>)[field].indicators;
}

const NOT_AVAILABLE_P1 = ['3433', '3447', '3449', '3463', '3465', '3475', '3495', '3509'];
const NOT_AVAILABLE_P2 = ['3520', '3528', '3562', '3571', '3579', '3603', '3604'];

describe.each<Engine>(['sqlite', 'mariadb'])('P1/P2 rows of the 2018 performance system (%s)', (engine) => {
  const stack = useStack(() => buildP1P2Fixture(engine, `hag_p1p2_${engine}`));

  test('P1 for 安康市: mechanisms, referrals, chronic management, fees and the NOT_AVAILABLE rows', async () => {
    const { rows, logic } = await form(stack, 'P1', { kind: 'REGION', code: '610900' }, '2019H1');
    expect(
      cells(rows, ['3440', '3441', '3454', '3455', '3469', '3470', '3486', '3493', '3494', '3501', '3510']),
    ).toEqual([
      ['3440', 'P1_CHARTER_GUIDANCE', '是', '是'],
      ['3441', 'P1_QUALITY_REFERRAL_RULES', '否', '否'],
      ['3454', 'P1_CONTINUITY_GUIDANCE', '否', '是'],
      ['3455', 'P1_PRIORITY_SERVICE_GUIDANCE', '是', '否'],
      ['3469', 'P1_EMR_CONTINUITY', '是', '是'],
      ['3470', 'P1_HEALTH_INFO_SHARING', '是', '是'],
      ['3486', 'P1_HTN_DM_STANDARDIZED_MANAGEMENT_RATE', '66.67', '0.00'],
      ['3493', 'P1_PRIMARY_UP_REFERRAL_SHARE', '50.00', '--'],
      ['3494', 'P1_DOWN_REFERRAL_SHARE', '60.00', '--'],
      ['3501', 'P1_CORE_HOSPITAL_SPECIALTY_SUPPORT', '是', '否'],
      ['3510', 'P1_HOSPITAL_OUTPATIENT_FEE_PER_VISIT', '280.00', '400.00'],
    ]);
    for (const k of NOT_AVAILABLE_P1) {
      expect([k, rows.get(k)!.display, rows.get(k)!.value?.missing]).toEqual([k, '--', 'NOT_AVAILABLE']);
    }
    expect(NOT_AVAILABLE_P1.map((k) => rows.get(k)!.indicator)).toEqual([
      'P1_INCENTIVE_ASSESSMENT_MECHANISM',
      'P1_SIGNING_SERVICE_CONTENT',
      'P1_CHRONIC_SIGNED_CONVENIENCE',
      'P1_NO_REFILING_IN_ALLIANCE',
      'P1_SPECIALTY_COOPERATION_GUIDANCE',
      'P1_RESOURCE_SHARING_GUIDANCE',
      'P1_HEALTH_EDUCATION_GUIDANCE',
      'P1_PRIMARY_OUTPATIENT_FEE_PER_VISIT',
    ]);
    // 下转 = to primary 3 + to continuing 0; standardized ≤ managed for both diseases: no finding.
    expect(logic.filter((c) => /DOWN_EQ|STANDARDIZED_LE/.test(c))).toEqual([]);
  });

  test('P1 for 汉阴县 (no alliance of its own grid) and for 2019: the mechanisms answer 否 / 是', async () => {
    const county = await form(stack, 'P1', { kind: 'REGION', code: '610921' }, '2019H1');
    expect(cells(county.rows, ['3440', '3501']).map((c) => c[2])).toEqual(['否', '否']);
    const year = await form(stack, 'P1', { kind: 'REGION', code: '610900' }, '2019');
    // REFERRAL_STANDARD is in force from 2019-08-01: quality × referral = 1 on 2019-12-31.
    expect(year.rows.get('3441')!.display).toBe('是');
  });

  test('P1 companion and bound codes, through indicators', async () => {
    const values = await indicators(stack, 'region', '610900', '2019H1', [
      'P1_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE',
      'PRIMARY_CARE_VISIT_SHARE',
      'P1_PRIMARY_UP_REFERRAL_SHARE',
      'P1_DOWN_REFERRAL_SHARE',
      'P1_HTN_DM_STANDARDIZED_MANAGEMENT_RATE',
      'P1_HOSPITAL_OUTPATIENT_FEE_PER_VISIT',
    ]);
    expect(values.map((v) => [v.code, v.numerator, v.denominator, v.display])).toEqual([
      ['P1_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE', 53000, 5, '10600.00'],
      ['PRIMARY_CARE_VISIT_SHARE', 6, 12, '50.00'],
      ['P1_PRIMARY_UP_REFERRAL_SHARE', 3, 6, '50.00'],
      ['P1_DOWN_REFERRAL_SHARE', 3, 5, '60.00'],
      ['P1_HTN_DM_STANDARDIZED_MANAGEMENT_RATE', 2, 3, '66.67'],
      ['P1_HOSPITAL_OUTPATIENT_FEE_PER_VISIT', 1400, 5, '280.00'],
    ]);
  });

  test('P2 for the alliance JT1: members, its lead hospital, support and the NOT_AVAILABLE rows', async () => {
    const { rows } = await form(stack, 'P2', { kind: 'ALLIANCE', code: 'JT1' }, '2019H1');
    expect(
      cells(rows, [
        '3550',
        '3557',
        '3568',
        '3572',
        '3576',
        '3577',
        '3583',
        '3584',
        '3585',
        '3586',
        '3587',
        '3590',
        '3595',
      ]),
    ).toEqual([
      ['3550', 'P2_UPPER_STAFF_SUPPORT', '是', '否'],
      ['3557', 'P2_HEALTH_INFO_SHARING', '是', '是'],
      ['3568', 'P2_PRIMARY_CARE_VISIT_SHARE', '50.00', '0.00'],
      ['3572', 'P2_DOWN_REFERRAL_SHARE', '80.00', '--'],
      ['3576', 'P2_LEAD_NEW_TECH_PROJECTS', '2', '0'],
      ['3577', 'P2_LEAD_SPECIALTY_SUPPORT', '是', '否'],
      ['3583', 'P2_LEAD_VISITS', '3', '1'],
      ['3584', 'P2_LEAD_CRITICAL_SHARE', '50.00', '--'],
      ['3585', 'P2_LEAD_GRADE_3_4_SURGERY_SHARE', '60.00', '--'],
      ['3586', 'P2_LEAD_TCM_VISITS', '1', '0'],
      ['3587', 'P2_MEMBER_VISITS', '10', '1'],
      ['3590', 'P2_LEAD_AVERAGE_STAY', '10.00', '--'],
      ['3595', 'P2_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE', '10600.00', '--'],
    ]);
    for (const k of NOT_AVAILABLE_P2) {
      expect([k, rows.get(k)!.display, rows.get(k)!.value?.missing]).toEqual([k, '--', 'NOT_AVAILABLE']);
    }
    expect(NOT_AVAILABLE_P2.map((k) => rows.get(k)!.indicator)).toEqual([
      'P2_IMPLEMENTATION_PLAN',
      'P2_INCENTIVE_ASSESSMENT_MECHANISM',
      'P2_SHARED_CENTERS',
      'P2_PRIMARY_UP_REFERRALS',
      'P2_MANAGEMENT_SUPPORT',
      'P2_PATIENT_SATISFACTION',
      'P2_STAFF_SATISFACTION',
    ]);
  });

  test('P2 companion and bound codes, through indicators on the alliance', async () => {
    const values = await indicators(stack, 'alliance', 'JT1', '2019H1', [
      'P2_LEAD_DISCHARGES',
      'P2_LEAD_SURGERIES',
      'P2_MEMBER_DISCHARGES',
      'P2_MEMBER_SURGERIES',
      'OUTPATIENT_FEE_PER_VISIT',
      'P2_DOWN_REFERRAL_SHARE',
      'P2_LEAD_CRITICAL_SHARE',
      'P2_LEAD_GRADE_3_4_SURGERY_SHARE',
      'P2_LEAD_AVERAGE_STAY',
    ]);
    expect(values.map((v) => [v.code, v.numerator, v.denominator, v.display])).toEqual([
      ['P2_LEAD_DISCHARGES', 4, null, '4'],
      ['P2_LEAD_SURGERIES', 5, null, '5'],
      ['P2_MEMBER_DISCHARGES', 6, null, '6'],
      ['P2_MEMBER_SURGERIES', 6, null, '6'],
      ['OUTPATIENT_FEE_PER_VISIT', 1600, 10, '160.00'],
      ['P2_DOWN_REFERRAL_SHARE', 4, 5, '80.00'],
      ['P2_LEAD_CRITICAL_SHARE', 2, 4, '50.00'],
      ['P2_LEAD_GRADE_3_4_SURGERY_SHARE', 3, 5, '60.00'],
      ['P2_LEAD_AVERAGE_STAY', 40, 4, '10.00'],
    ]);
  });
});
