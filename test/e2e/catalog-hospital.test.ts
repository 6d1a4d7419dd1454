import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/databases';
import { buildHospitalCatalogFixture, ORG, PATIENT_IDENTIFIERS } from '../fixtures/hospital-catalog.fixture';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';

/**
 * The hospital and registry items of schema/catalog/indicators/institutions.json (表1/表2 region
 * items, 表3/表4 institution and alliance items), over HTTP through the gateway, with the values
 * counted by hand in the header of test/fixtures/hospital-catalog.fixture.ts. Period 2019H1.
 */
interface Value {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
  rules: Array<{ code: string; passed: boolean | null }>;
}

const FIELDS = 'code value numerator denominator status rules { code passed }';

async function ask(
  stack: RunningStack,
  target: string,
  period: string,
  codes: readonly string[],
): Promise<Map<string, Value>> {
  const { body, text } = await gql(
    stack.gateway.url,
    `{ scope: ${target} { indicators(period: "${period}", codes: ${JSON.stringify(codes)}) { ${FIELDS} } } }`,
  ).then((r) => ({ ...r, text: JSON.stringify(r.body) }));
  expect(body.errors).toBeUndefined();
  for (const id of PATIENT_IDENTIFIERS) expect(text).not.toContain(id);
  const list = (body.data as { scope: { indicators: Value[] } }).scope.indicators;
  expect(list.map((v) => v.code)).toEqual(codes);
  return new Map(list.map((v) => [v.code, v]));
}

const institution = (org: string): string => `institution(orgCode: "${org}")`;
const region = (code: string): string => `region(code: "${code}")`;
const alliance = (id: string): string => `alliance(id: "${id}")`;

/** Numerator and denominator exact, value (approximately when a division) as given. */
function expectValue(
  v: Value | undefined,
  value: number | null,
  numerator: number | null,
  denominator: number | null = null,
  status?: string,
): void {
  expect(v).toBeDefined();
  expect([v!.code, v!.numerator, v!.denominator]).toEqual([v!.code, numerator, denominator]);
  if (value === null) expect([v!.code, v!.value]).toEqual([v!.code, null]);
  else expect(v!.value).toBeCloseTo(value, 6);
  if (status) expect([v!.code, v!.status]).toEqual([v!.code, status]);
  for (const r of v!.rules) expect([v!.code, r.code, r.passed]).toEqual([v!.code, r.code, true]);
}

/** A count, complete. */
const expectCount = (v: Value | undefined, n: number, status = 'OK'): void =>
  expectValue(v, n, n, null, status);

describe.each<Engine>(['sqlite', 'mariadb'])('hospital and registry items, sources on %s', (engine) => {
  const stack = useStack(() => buildHospitalCatalogFixture(engine, 'hag_hosp'));

  test('表3/表4 items of 安康市中心医院 (H3, vendor A), 2019H1', async () => {
    const codes = [
      'OPEN_BEDS_AVERAGE',
      'OPEN_BED_DAYS',
      'OCCUPIED_BED_DAYS',
      'AVERAGE_DAILY_OUTPATIENT_VISITS',
      'ADMISSION_COUNT',
      'BED_TURNOVER',
      'OUTPATIENT_FEE_PER_VISIT',
      'INPATIENT_FEE_PER_DISCHARGE',
      'OUTPATIENT_REVENUE',
      'INPATIENT_REVENUE',
      'DIABETES_FIRST_DX_OUTPATIENT_VISITS',
      'HYPERTENSION_FIRST_DX_OUTPATIENT_VISITS',
      'CESAREAN_SECTION_COUNT',
      'AMI_CASE_COUNT',
      'PCI_CASE_COUNT',
      'DAY_SURGERY_CARRIED_OUT',
      'DAY_SURGERY_DISEASE_COUNT',
    ];
    const v = await ask(stack, institution(ORG.H3), '2019H1', codes);
    // Open bed days 3100 + 150 × 120 = 21100 over 181 days; occupied 181 × 90.
    expectValue(v.get('OPEN_BEDS_AVERAGE'), 21100 / 181, 21100, 181, 'OK');
    expectCount(v.get('OPEN_BED_DAYS'), 21100);
    expectCount(v.get('OCCUPIED_BED_DAYS'), 16290);
    // 4 visits over the 122 working days of 2019H1 (never 181, never 365).
    expectValue(v.get('AVERAGE_DAILY_OUTPATIENT_VISITS'), 4 / 122, 4, 122, 'OK');
    // Admitted in 2019H1: b2 b3 b4 b5 b6 (b1 in 2018).
    expectCount(v.get('ADMISSION_COUNT'), 5);
    // 5 discharges over 21100/181 average open beds.
    expectValue(v.get('BED_TURNOVER'), (5 * 181) / 21100, 5, 21100 / 181, 'OK');
    expectValue(v.get('OUTPATIENT_FEE_PER_VISIT'), 187.5, 750, 4, 'OK');
    expectValue(v.get('INPATIENT_FEE_PER_DISCHARGE'), 8000, 40000, 5, 'OK');
    expectCount(v.get('OUTPATIENT_REVENUE'), 750);
    expectCount(v.get('INPATIENT_REVENUE'), 40000);
    // v1 E11.9, v5 'e14.9' (v2 E11 is 急诊); v3 I10 (v4 退号, v6 July).
    expectCount(v.get('DIABETES_FIRST_DX_OUTPATIENT_VISITS'), 2);
    expectCount(v.get('HYPERTENSION_FIRST_DX_OUTPATIENT_VISITS'), 1);
    expectCount(v.get('CESAREAN_SECTION_COUNT'), 1);
    // b1 I21.0 discharged 0105; b5 I21.4 discharged in July.
    expectCount(v.get('AMI_CASE_COUNT'), 1);
    // b1 (00.66 + 36.07: one case) and b5 (36.06 on 0622).
    expectCount(v.get('PCI_CASE_COUNT'), 2);
    // 3 day surgeries: 是 (1); their principal diagnoses K40.9, K40.2, K80.1 → K40, K80.
    expectValue(v.get('DAY_SURGERY_CARRIED_OUT'), 1, 3, null, 'OK');
    expectCount(v.get('DAY_SURGERY_DISEASE_COUNT'), 2);
  });

  test('vendor B: 汉阴县人民医院 (H2) and the TCM hospital without day surgery (T2), 2019H1', async () => {
    const codes = [
      'OPEN_BED_DAYS',
      'ADMISSION_COUNT',
      'OUTPATIENT_FEE_PER_VISIT',
      'INPATIENT_FEE_PER_DISCHARGE',
      'DIABETES_FIRST_DX_OUTPATIENT_VISITS',
      'HYPERTENSION_FIRST_DX_OUTPATIENT_VISITS',
      'CESAREAN_SECTION_COUNT',
      'AMI_CASE_COUNT',
      'PCI_CASE_COUNT',
      'DAY_SURGERY_CARRIED_OUT',
      'DAY_SURGERY_DISEASE_COUNT',
    ];
    const h2 = await ask(stack, institution(ORG.H2), '2019H1', codes);
    expectCount(h2.get('OPEN_BED_DAYS'), 1550);
    // e1 e2 e3 (still in hospital) e4.
    expectCount(h2.get('ADMISSION_COUNT'), 4);
    expectValue(h2.get('OUTPATIENT_FEE_PER_VISIT'), 100, 300, 3, 'OK');
    expectValue(h2.get('INPATIENT_FEE_PER_DISCHARGE'), 8000, 24000, 3, 'OK');
    expectCount(h2.get('DIABETES_FIRST_DX_OUTPATIENT_VISITS'), 1);
    // o4 I11.9 (o2 I10 is ER, o3 a no-show).
    expectCount(h2.get('HYPERTENSION_FIRST_DX_OUTPATIENT_VISITS'), 1);
    expectCount(h2.get('CESAREAN_SECTION_COUNT'), 1);
    expectCount(h2.get('AMI_CASE_COUNT'), 1);
    expectCount(h2.get('PCI_CASE_COUNT'), 0);
    expectValue(h2.get('DAY_SURGERY_CARRIED_OUT'), 1, 1, null, 'OK');
    expectCount(h2.get('DAY_SURGERY_DISEASE_COUNT'), 1);
    const t2 = await ask(stack, institution(ORG.T2), '2019H1', [
      'DAY_SURGERY_CARRIED_OUT',
      'OUTPATIENT_REVENUE',
    ]);
    // No day surgery: 否 (0), counted, not "--".
    expectValue(t2.get('DAY_SURGERY_CARRIED_OUT'), 0, 0, null, 'OK');
    expectCount(t2.get('OUTPATIENT_REVENUE'), 60);
  });

  test('working days: a year without a holiday schedule is not counted (never divided by 365)', async () => {
    const v = await ask(stack, institution(ORG.H3), '2014', ['AVERAGE_DAILY_OUTPATIENT_VISITS']);
    expectValue(v.get('AVERAGE_DAILY_OUTPATIENT_VISITS'), null, 0, null, 'NOT_COUNTED');
  });

  test('alliances: members during the period, distinct 病种 across members', async () => {
    const codes = [
      'OUTPATIENT_REVENUE',
      'DIABETES_FIRST_DX_OUTPATIENT_VISITS',
      'HYPERTENSION_FIRST_DX_OUTPATIENT_VISITS',
      'DAY_SURGERY_DISEASE_COUNT',
    ];
    // JT1 in 2019H1: H3 and TC1 (H2 left on 2019-01-01).
    const jt1 = await ask(stack, alliance('JT1'), '2019H1', codes);
    expectCount(jt1.get('OUTPATIENT_REVENUE'), 800);
    expectCount(jt1.get('DIABETES_FIRST_DX_OUTPATIENT_VISITS'), 2);
    expectCount(jt1.get('HYPERTENSION_FIRST_DX_OUTPATIENT_VISITS'), 2);
    expectCount(jt1.get('DAY_SURGERY_DISEASE_COUNT'), 2);
    // JT2: H3 + H2. K40 at both hospitals counts once.
    const jt2 = await ask(stack, alliance('JT2'), '2019H1', [
      'DAY_SURGERY_DISEASE_COUNT',
      'CESAREAN_SECTION_COUNT',
      'AMI_CASE_COUNT',
      'PCI_CASE_COUNT',
      'ADMISSION_COUNT',
    ]);
    expectCount(jt2.get('DAY_SURGERY_DISEASE_COUNT'), 2);
    expectCount(jt2.get('CESAREAN_SECTION_COUNT'), 2);
    expectCount(jt2.get('AMI_CASE_COUNT'), 2);
    expectCount(jt2.get('PCI_CASE_COUNT'), 2);
    expectCount(jt2.get('ADMISSION_COUNT'), 9);
  });

  test('表1/表2 registry counts of 安康市 on 2019-06-30', async () => {
    const codes = [
      'COUNTY_COUNT',
      'COUNTIES_300K_COUNT',
      'COUNTIES_300K_GENERAL_2A_COUNT',
      'COUNTIES_300K_TCM_2A_COUNT',
      'COUNTIES_300K_BOTH_2A_COUNT',
      'COUNTY_HOSPITAL_GRADE_RATE',
      'PUBLIC_HOSPITAL_COUNT',
      'PUBLIC_HOSPITAL_LEVEL_2_COUNT',
      'PUBLIC_HOSPITAL_LEVEL_3_COUNT',
      'PRIMARY_CARE_INSTITUTION_COUNT',
      'COMMUNITY_HEALTH_CENTER_COUNT',
      'COMMUNITY_HEALTH_STATION_COUNT',
      'TOWNSHIP_HEALTH_CENTER_COUNT',
      'VILLAGE_CLINIC_COUNT',
      'PRIVATE_REHAB_COUNT',
      'PRIVATE_REHAB_BEDS',
      'PRIVATE_LONG_TERM_CARE_COUNT',
      'PRIVATE_LONG_TERM_CARE_BEDS',
      'PRIVATE_HOSPICE_COUNT',
      'PRIVATE_HOSPICE_BEDS',
      'PRIVATE_ELDERLY_CARE_COUNT',
      'PRIVATE_ELDERLY_CARE_BEDS',
      'GRADING_SYSTEM_PUBLIC_HOSPITALS_2_3',
      'GRADING_SYSTEM_PUBLIC_HOSPITALS_LEVEL_3',
      'GRADING_SYSTEM_PUBLIC_HOSPITALS_LEVEL_2',
      'GRADING_SYSTEM_TOWNSHIP_CENTERS',
      'GRADING_SYSTEM_COMMUNITY_CENTERS',
      'MUTUAL_RECOGNITION_PUBLIC_HOSPITALS',
      'INFANT_MORTALITY_RATE',
      'MATERNAL_MORTALITY_RATE',
      'LIFE_EXPECTANCY',
    ];
    const v = await ask(stack, region('610900'), '2019H1', codes);
    expectCount(v.get('COUNTY_COUNT'), 3);
    expectCount(v.get('COUNTIES_300K_COUNT'), 2);
    expectCount(v.get('COUNTIES_300K_GENERAL_2A_COUNT'), 1);
    expectCount(v.get('COUNTIES_300K_TCM_2A_COUNT'), 2);
    expectCount(v.get('COUNTIES_300K_BOTH_2A_COUNT'), 1);
    expectValue(v.get('COUNTY_HOSPITAL_GRADE_RATE'), 50, 1, 2, 'OK');
    expectCount(v.get('PUBLIC_HOSPITAL_COUNT'), 6);
    expectCount(v.get('PUBLIC_HOSPITAL_LEVEL_2_COUNT'), 4);
    expectCount(v.get('PUBLIC_HOSPITAL_LEVEL_3_COUNT'), 1);
    expectCount(v.get('PRIMARY_CARE_INSTITUTION_COUNT'), 8);
    expectCount(v.get('COMMUNITY_HEALTH_CENTER_COUNT'), 2);
    expectCount(v.get('COMMUNITY_HEALTH_STATION_COUNT'), 1);
    expectCount(v.get('TOWNSHIP_HEALTH_CENTER_COUNT'), 2);
    expectCount(v.get('VILLAGE_CLINIC_COUNT'), 2);
    expectCount(v.get('PRIVATE_REHAB_COUNT'), 2);
    // R3's beds are unknown: "--", never a silent 50.
    expectValue(v.get('PRIVATE_REHAB_BEDS'), null, null, null, 'NOT_COUNTED');
    expectCount(v.get('PRIVATE_LONG_TERM_CARE_COUNT'), 2);
    expectCount(v.get('PRIVATE_LONG_TERM_CARE_BEDS'), 40);
    expectCount(v.get('PRIVATE_HOSPICE_COUNT'), 1);
    expectCount(v.get('PRIVATE_HOSPICE_BEDS'), 12);
    expectValue(v.get('PRIVATE_ELDERLY_CARE_COUNT'), null, null, null);
    expectValue(v.get('PRIVATE_ELDERLY_CARE_BEDS'), null, null, null);
    expectCount(v.get('GRADING_SYSTEM_PUBLIC_HOSPITALS_2_3'), 3);
    expectCount(v.get('GRADING_SYSTEM_PUBLIC_HOSPITALS_LEVEL_3'), 1);
    expectCount(v.get('GRADING_SYSTEM_PUBLIC_HOSPITALS_LEVEL_2'), 2);
    expectCount(v.get('GRADING_SYSTEM_TOWNSHIP_CENTERS'), 1);
    expectCount(v.get('GRADING_SYSTEM_COMMUNITY_CENTERS'), 1);
    expectCount(v.get('MUTUAL_RECOGNITION_PUBLIC_HOSPITALS'), 2);
    expectValue(v.get('INFANT_MORTALITY_RATE'), (70 / 15000) * 1000, 70, 15000, 'OK');
    expectValue(v.get('MATERNAL_MORTALITY_RATE'), 20, 3, 15000, 'OK');
    // Not summable: the city has no row of its own.
    expectValue(v.get('LIFE_EXPECTANCY'), null, null, null, 'NOT_COUNTED');

    const county = await ask(stack, region('610921'), '2019H1', [
      'LIFE_EXPECTANCY',
      'INFANT_MORTALITY_RATE',
      'COUNTY_COUNT',
      'COUNTIES_300K_BOTH_2A_COUNT',
      'PRIVATE_HOSPICE_BEDS',
    ]);
    expectCount(county.get('LIFE_EXPECTANCY'), 76.5);
    expectValue(county.get('INFANT_MORTALITY_RATE'), 4, 12, 3000, 'OK');
    expectCount(county.get('COUNTY_COUNT'), 1);
    expectCount(county.get('COUNTIES_300K_BOTH_2A_COUNT'), 1);
    expectCount(county.get('PRIVATE_HOSPICE_BEDS'), 12);
    const hanbin = await ask(stack, region('610902'), '2019H1', [
      'PRIVATE_REHAB_BEDS',
      'PRIVATE_REHAB_COUNT',
    ]);
    expectCount(hanbin.get('PRIVATE_REHAB_BEDS'), 50);
    expectCount(hanbin.get('PRIVATE_REHAB_COUNT'), 1);
  });

  test('表1/表2 HIS items of 安康市, 2019H1 (institutions without a HIS make them PARTIAL)', async () => {
    const codes = [
      'OUTPATIENT_FEE_PER_VISIT',
      'INPATIENT_FEE_PER_DISCHARGE',
      'LEVEL_2_HOSPITAL_AVERAGE_STAY',
      'LEVEL_3_HOSPITAL_AVERAGE_STAY',
      'LEVEL_2_HOSPITAL_OUTPATIENT_FEE_PER_VISIT',
      'LEVEL_2_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE',
      'LEVEL_3_HOSPITAL_OUTPATIENT_FEE_PER_VISIT',
      'LEVEL_3_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE',
      'PRIMARY_CARE_BED_OCCUPANCY_RATE',
      'PUBLIC_HOSPITAL_2_3_INPATIENTS',
      'DAY_SURGERY_LEVEL_3_PUBLIC_HOSPITALS',
    ];
    const v = await ask(stack, region('610900'), '2019H1', codes);
    expectValue(v.get('OUTPATIENT_FEE_PER_VISIT'), 116, 1160, 10, 'PARTIAL');
    expectValue(v.get('INPATIENT_FEE_PER_DISCHARGE'), 8000, 64000, 8, 'PARTIAL');
    // 二级 hospitals with a HIS: H2 (18 stay days / 3); G2, G3, S2 have none (uncovered).
    expectValue(v.get('LEVEL_2_HOSPITAL_AVERAGE_STAY'), 6, 18, 3, 'PARTIAL');
    // 三级: H3 only, fully covered.
    expectValue(v.get('LEVEL_3_HOSPITAL_AVERAGE_STAY'), 5, 25, 5, 'OK');
    expectValue(v.get('LEVEL_2_HOSPITAL_OUTPATIENT_FEE_PER_VISIT'), 90, 360, 4, 'PARTIAL');
    expectValue(v.get('LEVEL_2_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE'), 8000, 24000, 3, 'PARTIAL');
    expectValue(v.get('LEVEL_3_HOSPITAL_OUTPATIENT_FEE_PER_VISIT'), 187.5, 750, 4, 'OK');
    expectValue(v.get('LEVEL_3_HOSPITAL_INPATIENT_FEE_PER_DISCHARGE'), 8000, 40000, 5, 'OK');
    // TC1: 60 occupied of 100 open bed days.
    expectValue(v.get('PRIMARY_CARE_BED_OCCUPANCY_RATE'), 60, 60, 100, 'PARTIAL');
    // H3 5 + H2 3 (G2 and G3 have no HIS).
    expectValue(v.get('PUBLIC_HOSPITAL_2_3_INPATIENTS'), 8, 8, null, 'PARTIAL');
    expectCount(v.get('DAY_SURGERY_LEVEL_3_PUBLIC_HOSPITALS'), 1);
  });
});
