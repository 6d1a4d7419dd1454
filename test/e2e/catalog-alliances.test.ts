import type { RunningStack } from '../../scripts/stack';
import {
  ALLIANCE_NAMES,
  buildAllianceCatalogFixture,
  ORG,
  POLICY_TITLES,
} from '../fixtures/alliance-catalog.fixture';
import type { Engine } from '../fixtures/databases';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';

/**
 * The alliances catalog (schema/catalog/indicators/alliances.json) over HTTP: alliance work,
 * telemedicine, paired support, graded referrals by class, shared centres, mechanisms and policy
 * documents (定性, with their evidence) and 表3/表4 alliance facts, on the hand-counted fixture of
 * test/fixtures/alliance-catalog.fixture.ts (every number below is worked out in its header).
 */
interface Value {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
}

const FIELDS = 'code value numerator denominator status';

async function region(stack: RunningStack, code: string, period: string, codes: string[]): Promise<Value[]> {
  const { body } = await gql(
    stack.gateway.url,
    `query Q($code: DivisionCode!, $period: Period!, $codes: [String!]!) {
       region(code: $code) { indicators(period: $period, codes: $codes) { ${FIELDS} } } }`,
    { code, period, codes },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { region: { indicators: Value[] } }).region.indicators;
}

async function institution(
  stack: RunningStack,
  org: string,
  period: string,
  codes: string[],
): Promise<Value[]> {
  const { body } = await gql(
    stack.gateway.url,
    `query Q($org: OrgCode!, $period: Period!, $codes: [String!]!) {
       institution(orgCode: $org) { indicators(period: $period, codes: $codes) { ${FIELDS} } } }`,
    { org, period, codes },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { institution: { indicators: Value[] } }).institution.indicators;
}

async function alliance(stack: RunningStack, id: string, period: string, codes: string[]): Promise<Value[]> {
  const { body } = await gql(
    stack.gateway.url,
    `query Q($id: String!, $period: Period!, $codes: [String!]!) {
       alliance(id: $id) { indicators(period: $period, codes: $codes) { ${FIELDS} } } }`,
    { id, period, codes },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { alliance: { indicators: Value[] } }).alliance.indicators;
}

/** code → numerator of each answer, the value checked against the kind of entry. */
function numerators(values: Value[]): Record<string, number | null> {
  return Object.fromEntries(values.map((v) => [v.code, v.numerator]));
}

/** Counts: value = numerator, no denominator, status OK. */
async function expectCounts(got: Promise<Value[]>, expected: Record<string, number>): Promise<void> {
  const values = await got;
  expect(values).toEqual(
    Object.entries(expected).map(([code, n]) => ({
      code,
      value: n,
      numerator: n,
      denominator: null,
      status: 'OK',
    })),
  );
}

/** Qualitative: the numerator counts documents/mechanisms; the value is 是 (> 0) or 否 (0). */
async function expectQualitative(got: Promise<Value[]>, expected: Record<string, number>): Promise<void> {
  const values = await got;
  expect(numerators(values)).toEqual(expected);
  for (const v of values) {
    const n = expected[v.code];
    // The engine reports 是/否 as 1/0 (or, before it maps them, the count itself).
    expect([n > 0 ? 1 : 0, n]).toContain(v.value);
    expect(v.denominator).toBeNull();
  }
}

interface Evidence {
  kind: string;
  title: string;
  date: string;
  holder: string;
}

async function measures(
  stack: RunningStack,
  requests: Array<[string, string, string, string]>,
): Promise<Array<{ measure: string; value: number | null; evidence: Evidence[] }>> {
  const { body } = await gql(
    stack.subgraphs.alliances.url.replace(/\/graphql$/, ''),
    `query V($requests: [MeasureRequestInput!]!) {
       _measureValues(requests: $requests) { measure value evidence { kind title date holder } } }`,
    {
      requests: requests.map(([kind, code, period, measure]) => ({ scope: { kind, code }, period, measure })),
    },
  );
  expect(body.errors).toBeUndefined();
  return (
    body.data as { _measureValues: Array<{ measure: string; value: number | null; evidence: Evidence[] }> }
  )._measureValues;
}

describe.each<Engine>(['sqlite', 'mariadb'])('alliances catalog, sources on %s', (engine) => {
  const stack = useStack(() => buildAllianceCatalogFixture(engine, 'hag_alliance_catalog'));

  test('医联体工作情况, 安康市 2019H1: kinds, coverage by level, participation', async () => {
    await expectCounts(
      region(stack, '610900', '2019H1', [
        'ALLIANCE_COUNT',
        'TCM_ALLIANCE_COUNT',
        'URBAN_GROUP_COUNT',
        'COUNTY_COMMUNITY_COUNT',
        'SPECIALTY_ALLIANCE_COUNT',
        'TELEMED_NETWORK_COUNT',
        'ALLIANCE_COVERED_INSTITUTION_COUNT',
        'ALLIANCE_COVERED_LEVEL_3_COUNT',
        'ALLIANCE_COVERED_LEVEL_2_COUNT',
        'ALLIANCE_COVERED_LEVEL_1_COUNT',
        'LEVEL_3_PUBLIC_HOSPITALS_LEADING_ALLIANCES',
        'COMMUNITY_CENTERS_IN_ALLIANCES',
        'TOWNSHIP_CENTERS_IN_ALLIANCES',
        'NURSING_HOMES_IN_ALLIANCES',
        'REHAB_HOSPITALS_IN_ALLIANCES',
        'PRIVATE_INSTITUTIONS_IN_ALLIANCES',
        'PRIVATE_NURSING_REHAB_IN_ALLIANCES',
        'MUTUAL_RECOGNITION_INSTITUTIONS',
      ]),
      {
        ALLIANCE_COUNT: 4,
        TCM_ALLIANCE_COUNT: 1,
        URBAN_GROUP_COUNT: 1,
        COUNTY_COMMUNITY_COUNT: 1,
        SPECIALTY_ALLIANCE_COUNT: 2,
        TELEMED_NETWORK_COUNT: 0,
        ALLIANCE_COVERED_INSTITUTION_COUNT: 8,
        ALLIANCE_COVERED_LEVEL_3_COUNT: 1,
        ALLIANCE_COVERED_LEVEL_2_COUNT: 2,
        ALLIANCE_COVERED_LEVEL_1_COUNT: 1,
        LEVEL_3_PUBLIC_HOSPITALS_LEADING_ALLIANCES: 1,
        COMMUNITY_CENTERS_IN_ALLIANCES: 1,
        TOWNSHIP_CENTERS_IN_ALLIANCES: 2,
        NURSING_HOMES_IN_ALLIANCES: 1,
        REHAB_HOSPITALS_IN_ALLIANCES: 0,
        PRIVATE_INSTITUTIONS_IN_ALLIANCES: 1,
        PRIVATE_NURSING_REHAB_IN_ALLIANCES: 1,
        MUTUAL_RECOGNITION_INSTITUTIONS: 3,
      },
    );
  });

  test('汉阴县 2019H1: its community only', async () => {
    await expectCounts(
      region(stack, '610921', '2019H1', [
        'ALLIANCE_COUNT',
        'TCM_ALLIANCE_COUNT',
        'COUNTY_COMMUNITY_COUNT',
        'ALLIANCE_COVERED_INSTITUTION_COUNT',
        'ALLIANCE_COVERED_LEVEL_2_COUNT',
        'ALLIANCE_COVERED_LEVEL_1_COUNT',
      ]),
      {
        ALLIANCE_COUNT: 1,
        TCM_ALLIANCE_COUNT: 1,
        COUNTY_COMMUNITY_COUNT: 1,
        ALLIANCE_COVERED_INSTITUTION_COUNT: 3,
        ALLIANCE_COVERED_LEVEL_2_COUNT: 1,
        ALLIANCE_COVERED_LEVEL_1_COUNT: 1,
      },
    );
  });

  test('P1 3 / P1 4 shares and the coverage rates, 安康市 2019H1', async () => {
    expect(
      await region(stack, '610900', '2019H1', [
        'LEVEL_3_PUBLIC_ALLIANCE_LAUNCH_SHARE',
        'PRIMARY_CENTERS_IN_ALLIANCES_SHARE',
        'TELEMED_COVERAGE_RATE',
        'PAIRED_SUPPORT_COVERAGE_RATE',
      ]),
    ).toEqual([
      {
        code: 'LEVEL_3_PUBLIC_ALLIANCE_LAUNCH_SHARE',
        value: 100,
        numerator: 1,
        denominator: 1,
        status: 'OK',
      },
      { code: 'PRIMARY_CENTERS_IN_ALLIANCES_SHARE', value: 80, numerator: 4, denominator: 5, status: 'OK' },
      { code: 'TELEMED_COVERAGE_RATE', value: (2 / 3) * 100, numerator: 2, denominator: 3, status: 'OK' },
      { code: 'PAIRED_SUPPORT_COVERAGE_RATE', value: 100, numerator: 4, denominator: 4, status: 'OK' },
    ]);
    expect(
      await region(stack, '610921', '2019H1', [
        'LEVEL_3_PUBLIC_ALLIANCE_LAUNCH_SHARE',
        'TELEMED_COVERAGE_RATE',
        'PAIRED_SUPPORT_COVERAGE_RATE',
      ]),
    ).toEqual([
      // No 三级公立医院 in 汉阴县: 0 / 0 is not counted.
      {
        code: 'LEVEL_3_PUBLIC_ALLIANCE_LAUNCH_SHARE',
        value: null,
        numerator: 0,
        denominator: 0,
        status: 'NOT_COUNTED',
      },
      { code: 'TELEMED_COVERAGE_RATE', value: 100, numerator: 1, denominator: 1, status: 'OK' },
      { code: 'PAIRED_SUPPORT_COVERAGE_RATE', value: 100, numerator: 2, denominator: 2, status: 'OK' },
    ]);
  });

  test('远程医疗 counts of the region, 2019H1', async () => {
    await expectCounts(
      region(stack, '610900', '2019H1', [
        'TELEMED_COUNTY_COUNT',
        'TELEMED_CITY_L2_PUBLIC_HOSPITAL_COUNT',
        'TELEMED_CITY_L3_PUBLIC_HOSPITAL_COUNT',
        'TELEMED_COUNTY_PUBLIC_HOSPITAL_COUNT',
        'TELEMED_PUBLIC_HOSPITALS_WITH_PRIMARY_COUNT',
      ]),
      {
        TELEMED_COUNTY_COUNT: 2,
        TELEMED_CITY_L2_PUBLIC_HOSPITAL_COUNT: 1,
        TELEMED_CITY_L3_PUBLIC_HOSPITAL_COUNT: 1,
        TELEMED_COUNTY_PUBLIC_HOSPITAL_COUNT: 1,
        TELEMED_PUBLIC_HOSPITALS_WITH_PRIMARY_COUNT: 2,
      },
    );
  });

  test('表3/表4 telemedicine of the lead hospitals, 2019H1', async () => {
    await expectCounts(
      institution(stack, ORG.C3, '2019H1', [
        'TELEMED_COVERED_HOSPITAL_COUNT',
        'TELEMED_UPPER_HOSPITAL_COUNT',
        'TELEMED_LOWER_HOSPITAL_COUNT',
        'TELEMED_COVERED_TOWNSHIP_COUNT',
        'TELEMED_COVERED_COMMUNITY_COUNT',
      ]),
      {
        TELEMED_COVERED_HOSPITAL_COUNT: 4,
        TELEMED_UPPER_HOSPITAL_COUNT: 0,
        TELEMED_LOWER_HOSPITAL_COUNT: 3,
        TELEMED_COVERED_TOWNSHIP_COUNT: 0,
        TELEMED_COVERED_COMMUNITY_COUNT: 1,
      },
    );
    await expectCounts(
      institution(stack, ORG.H2, '2019H1', [
        'TELEMED_COVERED_HOSPITAL_COUNT',
        'TELEMED_COVERED_TOWNSHIP_COUNT',
        'TELEMED_SESSIONS_WITH_UPPER',
        'TELEMED_SESSIONS_WITH_LOWER',
      ]),
      {
        TELEMED_COVERED_HOSPITAL_COUNT: 3,
        TELEMED_COVERED_TOWNSHIP_COUNT: 2,
        TELEMED_SESSIONS_WITH_UPPER: 1,
        TELEMED_SESSIONS_WITH_LOWER: 2,
      },
    );
  });

  test('对口帮扶 and the leads’ support to primary care, 2019H1', async () => {
    await expectCounts(
      region(stack, '610900', '2019H1', [
        'STABLE_SUPPORT_CENTER_COUNT',
        'STABLE_SUPPORT_COMMUNITY_CENTER_COUNT',
        'STABLE_SUPPORT_TOWNSHIP_CENTER_COUNT',
        'LEAD_NEW_TECH_PROJECT_FOR_PRIMARY_COUNT',
        'LEAD_SPECIALTY_FOR_PRIMARY_COUNT',
      ]),
      {
        STABLE_SUPPORT_CENTER_COUNT: 4,
        STABLE_SUPPORT_COMMUNITY_CENTER_COUNT: 1,
        STABLE_SUPPORT_TOWNSHIP_CENTER_COUNT: 3,
        LEAD_NEW_TECH_PROJECT_FOR_PRIMARY_COUNT: 2,
        LEAD_SPECIALTY_FOR_PRIMARY_COUNT: 2,
      },
    );
    await expectCounts(
      alliance(stack, 'GT1', '2019H1', [
        'LEAD_NEW_TECH_PROJECT_FOR_PRIMARY_COUNT',
        'LEAD_SPECIALTY_FOR_PRIMARY_COUNT',
      ]),
      { LEAD_NEW_TECH_PROJECT_FOR_PRIMARY_COUNT: 1, LEAD_SPECIALTY_FOR_PRIMARY_COUNT: 1 },
    );
  });

  test('分级诊疗转诊 by the classes of sender and receiver, 2019H1', async () => {
    const codes = [
      'GRADED_DOWN_TO_PRIMARY',
      'GRADED_DOWN_TO_CONTINUING',
      'GRADED_DOWN_TOTAL',
      'GRADED_UP_FROM_PRIMARY',
      'GRADED_UP_FROM_CONTINUING',
      'GRADED_UP_TOTAL',
      'PRIMARY_TO_UPPER_REFERRALS',
    ];
    await expectCounts(region(stack, '610900', '2019H1', codes), {
      GRADED_DOWN_TO_PRIMARY: 2,
      GRADED_DOWN_TO_CONTINUING: 1,
      GRADED_DOWN_TOTAL: 3,
      GRADED_UP_FROM_PRIMARY: 3,
      GRADED_UP_FROM_CONTINUING: 1,
      GRADED_UP_TOTAL: 4,
      PRIMARY_TO_UPPER_REFERRALS: 4,
    });
    await expectCounts(region(stack, '610921', '2019H1', codes), {
      GRADED_DOWN_TO_PRIMARY: 1,
      GRADED_DOWN_TO_CONTINUING: 0,
      GRADED_DOWN_TOTAL: 1,
      GRADED_UP_FROM_PRIMARY: 2,
      GRADED_UP_FROM_CONTINUING: 0,
      GRADED_UP_TOTAL: 2,
      PRIMARY_TO_UPPER_REFERRALS: 2,
    });
  });

  test('区域共享中心 open on the last day', async () => {
    const codes = [
      'SHARED_IMAGING_CENTER_COUNT',
      'SHARED_LAB_CENTER_COUNT',
      'SHARED_PATHOLOGY_CENTER_COUNT',
      'SHARED_DIALYSIS_CENTER_COUNT',
      'SHARED_HOSPICE_CENTER_COUNT',
      'SHARED_DISINFECTION_CENTER_COUNT',
      'SHARED_REHAB_CENTER_COUNT',
      'SHARED_NURSING_CENTER_COUNT',
      'SHARED_EYE_CENTER_COUNT',
      'SHARED_CHECKUP_CENTER_COUNT',
    ];
    await expectCounts(region(stack, '610900', '2019H1', codes), {
      SHARED_IMAGING_CENTER_COUNT: 1,
      SHARED_LAB_CENTER_COUNT: 1,
      SHARED_PATHOLOGY_CENTER_COUNT: 0,
      SHARED_DIALYSIS_CENTER_COUNT: 0,
      SHARED_HOSPICE_CENTER_COUNT: 0,
      SHARED_DISINFECTION_CENTER_COUNT: 1,
      SHARED_REHAB_CENTER_COUNT: 0,
      SHARED_NURSING_CENTER_COUNT: 0,
      SHARED_EYE_CENTER_COUNT: 0,
      SHARED_CHECKUP_CENTER_COUNT: 0,
    });
    await expectCounts(region(stack, '610900', '2019', ['SHARED_IMAGING_CENTER_COUNT']), {
      SHARED_IMAGING_CENTER_COUNT: 2,
    });
  });

  test('表3 是否建立独立…中心, with the centres as evidence', async () => {
    await expectQualitative(
      institution(stack, ORG.C3, '2019H1', [
        'OWN_IMAGING_CENTER',
        'OWN_LOGISTICS_CENTER',
        'OWN_LAB_CENTER',
        'OWN_DISINFECTION_CENTER',
      ]),
      { OWN_IMAGING_CENTER: 1, OWN_LOGISTICS_CENTER: 0, OWN_LAB_CENTER: 1, OWN_DISINFECTION_CENTER: 1 },
    );
    await expectQualitative(
      institution(stack, ORG.H2, '2019H1', ['OWN_LOGISTICS_CENTER', 'OWN_IMAGING_CENTER']),
      {
        OWN_LOGISTICS_CENTER: 1,
        OWN_IMAGING_CENTER: 0,
      },
    );
    expect(
      await measures(stack, [
        ['INSTITUTION', ORG.C3, '2019H1', 'OWN_SHARED_CENTER_DISINFECTION'],
        ['INSTITUTION', ORG.H2, '2019H1', 'OWN_SHARED_CENTER_LOGISTICS'],
        ['INSTITUTION', ORG.H2, '2019H1', 'OWN_SHARED_CENTER_IMAGING'],
      ]),
    ).toEqual([
      {
        measure: 'OWN_SHARED_CENTER_DISINFECTION',
        value: 1,
        evidence: [{ kind: 'DISINFECTION', title: '消毒供应中心 SC3', date: '2019-06-01', holder: 'JT1' }],
      },
      {
        measure: 'OWN_SHARED_CENTER_LOGISTICS',
        value: 1,
        evidence: [{ kind: 'LOGISTICS', title: '后勤服务中心 SC5', date: '2018-06-01', holder: 'GT1' }],
      },
      { measure: 'OWN_SHARED_CENTER_IMAGING', value: 0, evidence: [] },
    ]);
  });

  test('mechanisms in force (表2, 表3/表4, P2), with evidence', async () => {
    await expectQualitative(
      region(stack, '610900', '2019H1', [
        'MECH_PRESCRIPTION_EXTENSION',
        'MECH_GLOBAL_BUDGET',
        'MECH_QUALITY_HOMOGENEITY',
      ]),
      { MECH_PRESCRIPTION_EXTENSION: 0, MECH_GLOBAL_BUDGET: 1, MECH_QUALITY_HOMOGENEITY: 1 },
    );
    await expectQualitative(region(stack, '610900', '2019', ['MECH_PRESCRIPTION_EXTENSION']), {
      MECH_PRESCRIPTION_EXTENSION: 1,
    });
    await expectQualitative(
      institution(stack, ORG.C3, '2019H1', [
        'MECH_CHARTER_RESPONSIBILITIES',
        'MECH_PACKAGED_PAYMENT',
        'MECH_PRIORITY_SERVICE',
        'MECH_EMR_SHARING',
        'MECH_QUALITY_HOMOGENEITY_RULES',
      ]),
      {
        MECH_CHARTER_RESPONSIBILITIES: 1,
        MECH_PACKAGED_PAYMENT: 1,
        MECH_PRIORITY_SERVICE: 0,
        MECH_EMR_SHARING: 1,
        MECH_QUALITY_HOMOGENEITY_RULES: 1,
      },
    );
    await expectQualitative(institution(stack, ORG.H2, '2019H1', ['MECH_CHARTER_RESPONSIBILITIES']), {
      MECH_CHARTER_RESPONSIBILITIES: 1,
    });
    await expectQualitative(
      alliance(stack, 'GT1', '2019H1', [
        'P2_CHARTER_OR_AGREEMENT',
        'P2_QUALITY_HOMOGENEITY',
        'P2_REFERRAL_STANDARD',
        'P2_CONTINUITY',
        'P2_PRIORITY_SERVICE',
        'P2_EMR_CONTINUITY',
        'P2_BENEFIT_SHARING',
        'P2_CHARTER_CORE_HOSPITAL',
        'P2_PERF_PAY',
      ]),
      {
        P2_CHARTER_OR_AGREEMENT: 1,
        P2_QUALITY_HOMOGENEITY: 0,
        P2_REFERRAL_STANDARD: 1,
        P2_CONTINUITY: 0,
        P2_PRIORITY_SERVICE: 0,
        P2_EMR_CONTINUITY: 0,
        P2_BENEFIT_SHARING: 0,
        P2_CHARTER_CORE_HOSPITAL: 1,
        P2_PERF_PAY: 0,
      },
    );
    expect(
      await measures(stack, [
        ['REGION', '610900', '2019H1', 'MECHANISM_CHARTER'],
        ['INSTITUTION', ORG.C3, '2019H1', 'MECHANISM_EMR_SHARING'],
      ]),
    ).toEqual([
      {
        measure: 'MECHANISM_CHARTER',
        value: 2,
        evidence: [
          {
            kind: 'CHARTER',
            title: `章程明确责权利（${ALLIANCE_NAMES.GT1}）`,
            date: '2018-01-01',
            holder: 'GT1',
          },
          {
            kind: 'CHARTER',
            title: `章程明确责权利（${ALLIANCE_NAMES.JT1}）`,
            date: '2017-06-01',
            holder: 'JT1',
          },
        ],
      },
      {
        measure: 'MECHANISM_EMR_SHARING',
        value: 1,
        evidence: [
          {
            kind: 'EMR_SHARING',
            title: '电子病历连续记录与共享（陕西省远程医疗协作网）',
            date: '2018-01-01',
            holder: 'YC1',
          },
        ],
      },
    ]);
  });

  test('policy documents of the region and the divisions above it, with evidence', async () => {
    await expectQualitative(
      region(stack, '610921', '2019H1', [
        'POLICY_ALLIANCE_PLAN_ISSUED',
        'POLICY_GRID_PLAN_ISSUED',
        'POLICY_INSURANCE_DIFF_ISSUED',
        'POLICY_BENEFIT_SHARING_ISSUED',
        'POLICY_TELEMED_PRICING_ISSUED',
        'POLICY_PERF_PAY_ISSUED',
        'TELEMED_PRICING_POLICY',
        'HOME_BED_PRICING_POLICY',
      ]),
      {
        POLICY_ALLIANCE_PLAN_ISSUED: 2,
        POLICY_GRID_PLAN_ISSUED: 0,
        POLICY_INSURANCE_DIFF_ISSUED: 0,
        POLICY_BENEFIT_SHARING_ISSUED: 0,
        POLICY_TELEMED_PRICING_ISSUED: 0,
        POLICY_PERF_PAY_ISSUED: 0,
        TELEMED_PRICING_POLICY: 0,
        HOME_BED_PRICING_POLICY: 0,
      },
    );
    await expectQualitative(region(stack, '610921', '2019', ['TELEMED_PRICING_POLICY']), {
      TELEMED_PRICING_POLICY: 1,
    });
    expect(await measures(stack, [['REGION', '610900', '2019H1', 'POLICY_ALLIANCE_PLAN']])).toEqual([
      {
        measure: 'POLICY_ALLIANCE_PLAN',
        value: 2,
        evidence: [
          { kind: 'ALLIANCE_PLAN', title: POLICY_TITLES.provincePlan, date: '2017-06-01', holder: '610000' },
          { kind: 'ALLIANCE_PLAN', title: POLICY_TITLES.cityPlan, date: '2017-10-01', holder: '610900' },
        ],
      },
    ]);
    await expectCounts(
      region(stack, '610900', '2019H1', [
        'CITIES_GRADING_IN_GOV_ASSESSMENT_COUNT',
        'COUNTY_HEALTH_PLAN_COUNTY_COUNT',
      ]),
      { CITIES_GRADING_IN_GOV_ASSESSMENT_COUNT: 1, COUNTY_HEALTH_PLAN_COUNTY_COUNT: 1 },
    );
    await expectCounts(region(stack, '610900', '2019', ['COUNTY_HEALTH_PLAN_COUNTY_COUNT']), {
      COUNTY_HEALTH_PLAN_COUNTY_COUNT: 2,
    });
  });

  test('表3/表4 alliance facts of the lead hospitals, 2019H1', async () => {
    await expectCounts(
      institution(stack, ORG.C3, '2019H1', [
        'ALLIANCES_JOINED_BY_HOSPITAL',
        'LED_ALLIANCE_MEMBER_COUNT',
        'LED_ALLIANCE_SERVICE_POPULATION',
        'LED_TOWNSHIP_CENTER_COUNT',
        'LED_COMMUNITY_CENTER_COUNT',
        'LED_REHAB_INSTITUTION_COUNT',
        'LED_NURSING_INSTITUTION_COUNT',
        'SPECIALTIES_IN_SPECIALTY_ALLIANCES',
      ]),
      {
        ALLIANCES_JOINED_BY_HOSPITAL: 4,
        LED_ALLIANCE_MEMBER_COUNT: 4,
        LED_ALLIANCE_SERVICE_POPULATION: 500000,
        LED_TOWNSHIP_CENTER_COUNT: 0,
        LED_COMMUNITY_CENTER_COUNT: 1,
        LED_REHAB_INSTITUTION_COUNT: 0,
        LED_NURSING_INSTITUTION_COUNT: 1,
        SPECIALTIES_IN_SPECIALTY_ALLIANCES: 2,
      },
    );
    await expectCounts(
      institution(stack, ORG.H2, '2019H1', ['LED_ALLIANCE_MEMBER_COUNT', 'LED_ALLIANCE_SERVICE_POPULATION']),
      { LED_ALLIANCE_MEMBER_COUNT: 2, LED_ALLIANCE_SERVICE_POPULATION: 300000 },
    );
    await expectQualitative(
      institution(stack, ORG.C3, '2019H1', ['LED_TYPICAL_ALLIANCE', 'MUTUAL_RECOGNITION_PARTICIPATION']),
      { LED_TYPICAL_ALLIANCE: 1, MUTUAL_RECOGNITION_PARTICIPATION: 1 },
    );
    await expectQualitative(
      institution(stack, ORG.C2, '2019H1', ['LED_TYPICAL_ALLIANCE', 'MUTUAL_RECOGNITION_PARTICIPATION']),
      { LED_TYPICAL_ALLIANCE: 0, MUTUAL_RECOGNITION_PARTICIPATION: 0 },
    );
    expect(await measures(stack, [['INSTITUTION', ORG.C3, '2019H1', 'LED_GROUP_TYPICAL']])).toEqual([
      {
        measure: 'LED_GROUP_TYPICAL',
        value: 1,
        evidence: [{ kind: 'TYPICAL', title: ALLIANCE_NAMES.JT1, date: '2019-06-30', holder: 'JT1' }],
      },
    ]);
  });

  test('P2 items of an alliance, 2019H1', async () => {
    expect(
      await alliance(stack, 'JT1', '2019H1', [
        'ALLIANCE_COMPOSITION',
        'ALLIANCE_PRIMARY_CENTER_MEMBERS',
        'PRIVATE_NURSING_REHAB_IN_ALLIANCES',
        'MUTUAL_RECOGNITION_MEMBER_SHARE',
      ]),
    ).toEqual([
      { code: 'ALLIANCE_COMPOSITION', value: 5, numerator: 5, denominator: null, status: 'OK' },
      { code: 'ALLIANCE_PRIMARY_CENTER_MEMBERS', value: 2, numerator: 2, denominator: null, status: 'OK' },
      { code: 'PRIVATE_NURSING_REHAB_IN_ALLIANCES', value: 1, numerator: 1, denominator: null, status: 'OK' },
      { code: 'MUTUAL_RECOGNITION_MEMBER_SHARE', value: 20, numerator: 1, denominator: 5, status: 'OK' },
    ]);
  });

  test('a batch of many scopes and measures costs a fixed number of statements', async () => {
    const ask = (scopes: Array<[string, string]>): Array<[string, string, string, string]> =>
      scopes.flatMap(([kind, code]) =>
        [
          'ALLIANCES_TOTAL',
          'ALLIANCE_COVERED_INSTITUTIONS',
          'SHARED_CENTERS_IMAGING',
          'MECHANISM_CHARTER',
        ].map((m): [string, string, string, string] => [kind, code, '2019H1', m]),
      );
    const before = stack.sources.statementCount();
    await measures(stack, ask([['REGION', '610921']]));
    const one = stack.sources.statementCount() - before;
    const mid = stack.sources.statementCount();
    await measures(
      stack,
      ask([
        ['REGION', '610900'],
        ['REGION', '610921'],
        ['REGION', '610902'],
        ['REGION', '610922'],
        ['REGION', '610000'],
      ]),
    );
    expect(stack.sources.statementCount() - mid).toBe(one);
  });
});
