import type { RunningStack } from '../../scripts/stack';
import { buildCatalogFixture } from '../fixtures/catalog.fixture';
import { buildServiceVolumeFixture, ORG as SV } from '../fixtures/service-volume.fixture';
import { buildT1T4Fixture, ORG } from '../fixtures/t1t4.fixture';
import { gql } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * The rows of 表1–表4 filled by forms-t1t2.json and forms-t3t4.json, over HTTP, with the numbers
 * worked out by hand in the fixtures' header comments: service volume, chronic management, the
 * survey and the population on the service-volume fixture; poor and key-group population, family
 * doctors and insurance on the catalog fixture; registry flags and a faulty bed census on the
 * t1t4 fixture (表1/表2/表3/表4 filled with evaluationForm, with their logic audits).
 */
interface Value {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

async function regionValues(
  stack: RunningStack,
  region: string,
  period: string,
  codes: readonly string[],
): Promise<Value[]> {
  const { body } = await gql(
    stack.gateway.url,
    `query Q($region: DivisionCode!, $period: Period!, $codes: [String!]!) {
       region(code: $region) { indicators(period: $period, codes: $codes) { code value numerator denominator } }
     }`,
    { region, period, codes },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { region: { indicators: Value[] } }).region.indicators;
}

const count = (code: string, n: number | null): Value => ({
  code,
  value: n,
  numerator: n,
  denominator: null,
});

interface Row {
  key: string;
  indicator: string | null;
  display: string;
  value: { missing: string | null } | null;
}
interface Form {
  rows: Row[];
  logicAudit: Array<{ code: string; rowKeys: string[] }>;
}

async function fill(
  stack: RunningStack,
  form: string,
  scope: { kind: string; code: string },
  period: string,
  part?: string,
): Promise<Form> {
  const { body } = await gql(
    stack.gateway.url,
    `query F($form: EvaluationFormCode!, $scope: EvaluationScopeInput!, $period: Period!, $part: String) {
       evaluationForm(form: $form, scope: $scope, period: $period, part: $part) {
         rows { key indicator display value { missing } }
         logicAudit { code rowKeys }
       }
     }`,
    { form, scope, period, ...(part ? { part } : {}) },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { evaluationForm: Form }).evaluationForm;
}

/** [row key, catalog code, display, missing] of the rows asked. */
const rowsOf = (f: Form, keys: readonly string[]): Array<[string, string | null, string, string | null]> =>
  keys.map((k) => {
    const r = f.rows.find((x) => x.key === k);
    if (!r) throw new Error(`no row ${k}`);
    return [r.key, r.indicator, r.display, r.value?.missing ?? null];
  });

const notAvailable = (
  rows: ReadonlyArray<readonly [string, string]>,
): Array<[string, string, string, string]> => rows.map(([key, code]) => [key, code, '--', 'NOT_AVAILABLE']);

describe('表1/表2 data items over service volume, chronic management, the survey and population', () => {
  const stack = useStack(() => buildServiceVolumeFixture('sqlite', 'hag_t1t4_sv'));

  test('汉阴县 2019H1: visits, chronic management and the population of the year', async () => {
    expect(
      await regionValues(stack, '610921', '2019H1', [
        'TOTAL_VISITS',
        'PRIMARY_CARE_VISITS',
        'PRIMARY_CARE_TCM_VISITS',
        'HTN_STANDARDIZED_COUNT',
        'HTN_MANAGED_COUNT',
        'DM_STANDARDIZED_COUNT',
        'DM_MANAGED_COUNT',
        'HOUSEHOLD_POPULATION',
        'URBAN_HOUSEHOLD_POPULATION',
      ]),
    ).toEqual([
      // HA 6, PA 2, HB 5, PB 2; primary care PA + PB; no visit carries the TCM flag.
      count('TOTAL_VISITS', 15),
      count('PRIMARY_CARE_VISITS', 4),
      count('PRIMARY_CARE_TCM_VISITS', 0),
      // By managing institution (PB, PA): HTN 2 managed / 1 standardized, DM 2 / 1.
      count('HTN_STANDARDIZED_COUNT', 1),
      count('HTN_MANAGED_COUNT', 2),
      count('DM_STANDARDIZED_COUNT', 1),
      count('DM_MANAGED_COUNT', 2),
      count('HOUSEHOLD_POPULATION', 300000),
      count('URBAN_HOUSEHOLD_POPULATION', 100000),
    ]);
  });

  test('安康市 2019H1: chronic management of the city; the population summed from its counties', async () => {
    expect(
      await regionValues(stack, '610900', '2019H1', [
        'HTN_STANDARDIZED_COUNT',
        'HTN_MANAGED_COUNT',
        'HOUSEHOLD_POPULATION',
        'URBAN_HOUSEHOLD_POPULATION',
      ]),
    ).toEqual([
      count('HTN_STANDARDIZED_COUNT', 2),
      count('HTN_MANAGED_COUNT', 3),
      count('HOUSEHOLD_POPULATION', 1300000),
      count('URBAN_HOUSEHOLD_POPULATION', 700000),
    ]);
  });

  test('居民 2 周患病: counted for a whole year only', async () => {
    expect(
      await regionValues(stack, '610921', '2019', ['SURVEY_PRIMARY_FIRST_VISIT_COUNT', 'SURVEY_VISIT_COUNT']),
    ).toEqual([count('SURVEY_PRIMARY_FIRST_VISIT_COUNT', 2), count('SURVEY_VISIT_COUNT', 3)]);
    expect(
      await regionValues(stack, '610900', '2019', ['SURVEY_PRIMARY_FIRST_VISIT_COUNT', 'SURVEY_VISIT_COUNT']),
    ).toEqual([count('SURVEY_PRIMARY_FIRST_VISIT_COUNT', 3), count('SURVEY_VISIT_COUNT', 6)]);
    expect(await regionValues(stack, '610921', '2019H1', ['SURVEY_VISIT_COUNT'])).toEqual([
      count('SURVEY_VISIT_COUNT', null),
    ]);
  });

  test('表4 CT 平均出报告时间（小时）: the core minutes over reports, divided by 60', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ institution(orgCode: "${SV.HB}") {
           indicators(period: "2019H1", codes: ["CT_REPORT_AVERAGE_HOURS"]) { code value numerator denominator }
         } }`,
    );
    expect(body.errors).toBeUndefined();
    // HB: 2 outpatient CT studies, 60 + 30 = 90 minutes → 45 minutes = 0.75 hours.
    expect((body.data as { institution: { indicators: Value[] } }).institution.indicators).toEqual([
      { code: 'CT_REPORT_AVERAGE_HOURS', value: 0.75, numerator: 90, denominator: 2 },
    ]);
    // 安康市: 3 studies, 210 minutes → 70 minutes = 7/6 hours.
    const [city] = await regionValues(stack, '610900', '2019H1', ['CT_REPORT_AVERAGE_HOURS']);
    expect(city.numerator).toBe(210);
    expect(city.denominator).toBe(3);
    expect(city.value).toBeCloseTo(7 / 6, 12);
  });
});

describe('表1/表2 data items over poor and key-group population, family doctors and insurance', () => {
  const stack = useStack(() => buildCatalogFixture('sqlite', 'hag_t1t4_cat'));

  test('汉阴县 2019: population of the year and contracts in force on 2019-12-31', async () => {
    expect(
      await regionValues(stack, '610921', '2019', [
        'POOR_POPULATION',
        'REGISTERED_POOR_POPULATION',
        'KEY_GROUP_POPULATION',
        'FAMILY_DOCTOR_SIGNED_PERSONS',
        'FAMILY_DOCTOR_KEY_GROUP_PERSONS',
        'FAMILY_DOCTOR_REGISTERED_POOR_PERSONS',
        'FAMILY_DOCTOR_FEE_ALL_THREE_SOURCES',
      ]),
    ).toEqual([
      count('POOR_POPULATION', 4),
      count('REGISTERED_POOR_POPULATION', 2),
      count('KEY_GROUP_POPULATION', 6),
      count('FAMILY_DOCTOR_SIGNED_PERSONS', 4),
      count('FAMILY_DOCTOR_KEY_GROUP_PERSONS', 3),
      count('FAMILY_DOCTOR_REGISTERED_POOR_PERSONS', 1),
      // Insurance 384, fiscal 504, personal 102.50: all three shares present → 是 (1).
      {
        code: 'FAMILY_DOCTOR_FEE_ALL_THREE_SOURCES',
        value: 1,
        numerator: 384 * 504 * 102.5,
        denominator: null,
      },
    ]);
  });

  test('安康市 2019: summed over 汉滨区 and 汉阴县', async () => {
    expect(
      await regionValues(stack, '610900', '2019', [
        'POOR_POPULATION',
        'REGISTERED_POOR_POPULATION',
        'KEY_GROUP_POPULATION',
        'FAMILY_DOCTOR_SIGNED_PERSONS',
        'FAMILY_DOCTOR_KEY_GROUP_PERSONS',
      ]),
    ).toEqual([
      count('POOR_POPULATION', 14),
      count('REGISTERED_POOR_POPULATION', 7),
      count('KEY_GROUP_POPULATION', 36),
      count('FAMILY_DOCTOR_SIGNED_PERSONS', 5),
      count('FAMILY_DOCTOR_KEY_GROUP_PERSONS', 4),
    ]);
  });

  test('县域内就诊 2019H1, insured of 汉阴县: 3 inpatient settlements, 2 outside the county', async () => {
    expect(
      await regionValues(stack, '610921', '2019H1', [
        'IN_COUNTY_INPATIENTS_OUT',
        'IN_COUNTY_INPATIENTS_TOTAL',
      ]),
    ).toEqual([count('IN_COUNTY_INPATIENTS_OUT', 2), count('IN_COUNTY_INPATIENTS_TOTAL', 3)]);
  });

  test('表2 of 安康市 2019 prints the rows, 是 for the fee composition', async () => {
    const f = await fill(stack, 'T2', { kind: 'REGION', code: '610900' }, '2019');
    expect(rowsOf(f, ['623', '870', '871', '872', '907', '914', '915'])).toEqual([
      ['623', 'POOR_POPULATION', '14', null],
      ['870', 'FAMILY_DOCTOR_SIGNED_PERSONS', '5', null],
      ['871', 'FAMILY_DOCTOR_KEY_GROUP_PERSONS', '4', null],
      ['872', 'KEY_GROUP_POPULATION', '36', null],
      ['907', 'FAMILY_DOCTOR_FEE_ALL_THREE_SOURCES', '是', null],
      ['914', 'REGISTERED_POOR_POPULATION', '7', null],
      ['915', 'FAMILY_DOCTOR_REGISTERED_POOR_PERSONS', '1', null],
    ]);
  });
});

describe('表1–表4 over registry flags and a faulty bed census (t1t4 fixture)', () => {
  const stack = useStack(() => buildT1T4Fixture('sqlite', 'hag_t1t4'));

  test('表2 of 安康市 2019: construction standard, TCM and graded-care counts; NOT_AVAILABLE rows', async () => {
    const f = await fill(stack, 'T2', { kind: 'REGION', code: '610900' }, '2019');
    expect(
      rowsOf(f, [
        '629',
        '630',
        '632',
        '633',
        '634',
        '676',
        '710',
        '711',
        '712',
        '713',
        '766',
        '769',
        '772',
        '773',
      ]),
    ).toEqual([
      ['629', 'PRIMARY_CARE_INSTITUTION_COUNT', '7', null],
      ['630', 'COMMUNITY_HEALTH_CENTER_COUNT', '2', null],
      ['632', 'COMMUNITY_HEALTH_STATION_COUNT', '1', null],
      ['633', 'TOWNSHIP_HEALTH_CENTER_COUNT', '2', null],
      ['634', 'VILLAGE_CLINIC_COUNT', '2', null],
      ['676', 'PRIMARY_CARE_MEETS_STANDARD_COUNT', '5', null],
      ['710', 'TCM_COMMUNITY_CENTER_COUNT', '1', null],
      ['711', 'TCM_TOWNSHIP_CENTER_COUNT', '1', null],
      ['712', 'TCM_COMMUNITY_STATION_COUNT', '1', null],
      ['713', 'TCM_VILLAGE_CLINIC_COUNT', '1', null],
      ['766', 'GRADING_SYSTEM_INSTITUTION_COUNT', '3', null],
      ['769', 'GRADING_SYSTEM_PUBLIC_HOSPITALS_2_3', '1', null],
      ['772', 'GRADING_SYSTEM_TOWNSHIP_CENTERS', '1', null],
      ['773', 'GRADING_SYSTEM_COMMUNITY_CENTERS', '1', null],
    ]);
    expect(rowsOf(f, ['728', '812', '813', '817', '920', '923', '924'])).toEqual(
      notAvailable([
        ['728', 'MULTI_SITE_SITE_CHANGE_REQUIRED'],
        ['812', 'TCM_ADVANTAGE_DISEASE_TOTAL'],
        ['813', 'TCM_ADVANTAGE_PATHWAY_TOTAL'],
        ['817', 'PRESCRIPTION_MAX_WEEKS'],
        ['920', 'GOV_PRIMARY_BALANCE_SUBSIDY_COUNTIES'],
        ['923', 'PRIMARY_PERF_PAY_ON_TIME_COUNTIES'],
        ['924', 'VILLAGE_DOCTOR_SUBSIDY_AVERAGE'],
      ]),
    );
    expect(f.logicAudit).toEqual([]);
  });

  test('表1 of 陕西省 2019: the same counts; NOT_AVAILABLE rows', async () => {
    const f = await fill(stack, 'T1', { kind: 'REGION', code: '610000' }, '2019');
    expect(rowsOf(f, ['357', '395', '436', '437', '438', '439'])).toEqual([
      ['357', 'PRIMARY_CARE_INSTITUTION_COUNT', '7', null],
      ['395', 'PRIMARY_CARE_MEETS_STANDARD_COUNT', '5', null],
      ['436', 'TCM_COMMUNITY_CENTER_COUNT', '1', null],
      ['437', 'TCM_TOWNSHIP_CENTER_COUNT', '1', null],
      ['438', 'TCM_COMMUNITY_STATION_COUNT', '1', null],
      ['439', 'TCM_VILLAGE_CLINIC_COUNT', '1', null],
    ]);
    expect(rowsOf(f, ['515', '516', '606', '609', '610'])).toEqual(
      notAvailable([
        ['515', 'TCM_ADVANTAGE_DISEASE_TOTAL'],
        ['516', 'TCM_ADVANTAGE_PATHWAY_TOTAL'],
        ['606', 'GOV_PRIMARY_BALANCE_SUBSIDY_COUNTIES'],
        ['609', 'PRIMARY_PERF_PAY_ON_TIME_COUNTIES'],
        ['610', 'VILLAGE_DOCTOR_SUBSIDY_AVERAGE'],
      ]),
    );
    expect(f.logicAudit).toEqual([]);
  });

  test('表3 of HX 2019: more occupied than open bed days fails the form audit; NOT_AVAILABLE rows', async () => {
    const lead = await fill(stack, 'T3', { kind: 'INSTITUTION', code: ORG.HX }, '2019', 'LEAD');
    expect(rowsOf(lead, ['941', '942'])).toEqual([
      ['941', 'OPEN_BED_DAYS', '30', null],
      ['942', 'OCCUPIED_BED_DAYS', '35', null],
    ]);
    expect(lead.logicAudit).toContainEqual({ code: 'T3_OCCUPIED_LE_OPEN_BED_DAYS', rowKeys: ['942', '941'] });
    expect(rowsOf(lead, ['959', '960', '1063'])).toEqual(
      notAvailable([
        ['959', 'TCM_ADVANTAGE_PATHWAY_SPEC_COUNT'],
        ['960', 'TCM_KEY_SPECIALTY_COUNT'],
        ['1063', 'CASE_MIX_INDEX'],
      ]),
    );
    const member = await fill(stack, 'T3', { kind: 'INSTITUTION', code: ORG.HX }, '2019', 'MEMBER');
    expect(rowsOf(member, ['1073', '1074', '1089', '1090', '1099', '1100', '1107', '1108'])).toEqual(
      notAvailable([
        ['1073', 'MEMBER_ALLIANCE_SERVICE_POPULATION'],
        ['1074', 'MEMBER_ALLIANCE_TYPICAL'],
        ['1089', 'TCM_ADVANTAGE_PATHWAY_SPEC_COUNT'],
        ['1090', 'TCM_KEY_SPECIALTY_COUNT'],
        ['1099', 'ASSURED_DISEASE_COUNT'],
        ['1100', 'ASSISTED_DISEASE_COUNT'],
        ['1107', 'NEW_TECH_RECEIVED'],
        ['1108', 'NEW_PROJECT_RECEIVED'],
      ]),
    );
  });

  test('表4 of HX 2019: the same audit; CT hours without a LIS; NOT_AVAILABLE rows', async () => {
    const lead = await fill(stack, 'T4', { kind: 'INSTITUTION', code: ORG.HX }, '2019', 'LEAD');
    expect(lead.logicAudit).toContainEqual({
      code: 'T4_OCCUPIED_LE_OPEN_BED_DAYS',
      rowKeys: ['1126', '1125'],
    });
    expect(rowsOf(lead, ['1139'])).toEqual([['1139', 'CT_REPORT_AVERAGE_HOURS', '--', 'NOT_COUNTED']]);
    expect(
      rowsOf(lead, [
        '1142',
        '1143',
        '1190',
        '1191',
        '1192',
        '1193',
        '1194',
        '1195',
        '1215',
        '1216',
        '1217',
        '1218',
        '1219',
        '1220',
        '1221',
        '1222',
        '1223',
        '1224',
      ]),
    ).toEqual(
      notAvailable([
        ['1142', 'TCM_ADVANTAGE_PATHWAY_SPEC_COUNT'],
        ['1143', 'TCM_KEY_SPECIALTY_COUNT'],
        ['1190', 'TUMOR_SURGERY_COUNT'],
        ['1191', 'CARDIO_CEREBROVASCULAR_SURGERY_COUNT'],
        ['1192', 'INFECTIOUS_DISEASE_SURGERY_COUNT'],
        ['1193', 'ENDOSCOPIC_SURGERY_COUNT'],
        ['1194', 'INTERVENTIONAL_SURGERY_COUNT'],
        ['1195', 'SECOND_LEVEL_SUBJECT_COUNT'],
        ['1215', 'TOWNSHIPS_HELPED_NEW_TECH'],
        ['1216', 'TOWNSHIPS_HELPED_SPECIALTY'],
        ['1217', 'TRAINEES_HOSTED_UP_TO_6_MONTHS'],
        ['1218', 'TRAINEES_HOSTED_7_TO_12_MONTHS'],
        ['1219', 'TRAINEES_HOSTED_OVER_12_MONTHS'],
        ['1220', 'EXPERT_CLINIC_TIMES'],
        ['1221', 'TEACHING_ROUND_TIMES'],
        ['1222', 'LECTURE_TIMES'],
        ['1223', 'TEACHING_SURGERY_TIMES'],
        ['1224', 'MANAGEMENT_OUTPUT_PROVIDED'],
      ]),
    );
    const member = await fill(stack, 'T4', { kind: 'INSTITUTION', code: ORG.HX }, '2019', 'MEMBER');
    expect(rowsOf(member, ['1234', '1235', '1236', '1244', '1245'])).toEqual(
      notAvailable([
        ['1234', 'ASSURED_DISEASE_COUNT'],
        ['1235', 'ASSISTED_DISEASE_COUNT'],
        ['1236', 'HOSPITAL_TOTAL_REVENUE'],
        ['1244', 'NEW_TECH_RECEIVED'],
        ['1245', 'NEW_PROJECT_RECEIVED'],
      ]),
    );
  });
});
