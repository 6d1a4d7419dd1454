import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/databases';
import { buildWorkforceCatalogFixture, ORG } from '../fixtures/workforce-catalog.fixture';
import { gql } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * The workforce, family-doctor and 政府办乡镇卫生院 entries of workforce.json computed over HTTP
 * from the hand-counted rows of test/fixtures/workforce-catalog.fixture.ts (its header holds the
 * computations).
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

async function ask(stack: RunningStack, scope: string, period: string, codes: readonly string[]) {
  const { body } = await gql(
    stack.gateway.url,
    `query Q($period: Period!, $codes: [String!]!) {
       s: ${scope} { indicators(period: $period, codes: $codes) { ${FIELDS} } }
     }`,
    { period, codes },
  );
  expect(body.errors).toBeUndefined();
  const list = (body.data as { s: { indicators: Value[] } }).s.indicators;
  return new Map(list.map((v) => [v.code, v]));
}

const region = (code: string): string => `region(code: "${code}")`;

function expectCount(v: Value | undefined, n: number): void {
  expect(v).toBeDefined();
  expect([v!.code, v!.value, v!.numerator]).toEqual([v!.code, n, n]);
}

function expectRatio(v: Value | undefined, num: number, den: number, factor: number): void {
  expect(v).toBeDefined();
  expect([v!.code, v!.numerator, v!.denominator]).toEqual([v!.code, num, den]);
  expect(v!.value).toBeCloseTo((num / den) * factor, 9);
}

function expectRulesPass(v: Value | undefined): void {
  expect(v!.rules.map((r) => [r.code, r.passed])).toEqual(v!.rules.map((r) => [r.code, true]));
}

describe.each<Engine>(['sqlite', 'mariadb'])('workforce catalog entries, sources on %s', (engine) => {
  const stack = useStack(() => buildWorkforceCatalogFixture(engine, 'hag_cwf'));

  test('全科医生 and 政府办乡镇卫生院 (表1 5/6, 表2 4/5), 2019H1 and 2018', async () => {
    const codes = [
      'GP_TOTAL',
      'GOV_TOWNSHIP_GP_TOTAL',
      'GOV_TOWNSHIP_WITH_GP_COUNT',
      'GOV_TOWNSHIP_WITH_GP_SHARE',
      'GOV_TOWNSHIP_TRAINED_GP_COUNT',
    ];
    const city = await ask(stack, region('610900'), '2019H1', codes);
    expectCount(city.get('GP_TOTAL'), 5);
    expectCount(city.get('GOV_TOWNSHIP_GP_TOTAL'), 2);
    expectCount(city.get('GOV_TOWNSHIP_WITH_GP_COUNT'), 1);
    expectRatio(city.get('GOV_TOWNSHIP_WITH_GP_SHARE'), 1, 2, 100);
    expectCount(city.get('GOV_TOWNSHIP_TRAINED_GP_COUNT'), 1);
    for (const c of codes) expectRulesPass(city.get(c));
    expect(city.get('GOV_TOWNSHIP_WITH_GP_COUNT')!.rules.map((r) => r.code)).toEqual([
      'GOV_TOWNSHIP_WITH_GP_LE_TOWNSHIPS',
    ]);
    const county = await ask(stack, region('610921'), '2019H1', ['GP_TOTAL']);
    expectCount(county.get('GP_TOTAL'), 4);

    const y2018 = await ask(stack, region('610900'), '2018', codes);
    expectCount(y2018.get('GOV_TOWNSHIP_GP_TOTAL'), 4);
    expectCount(y2018.get('GOV_TOWNSHIP_WITH_GP_COUNT'), 3);
    expectRatio(y2018.get('GOV_TOWNSHIP_WITH_GP_SHARE'), 3, 3, 100);
    expectCount(y2018.get('GOV_TOWNSHIP_TRAINED_GP_COUNT'), 1);

    // An alliance with no township centre among its members: counted, none (0, not "--").
    const alliance = await ask(stack, 'alliance(id: "AJT1")', '2019H1', ['GOV_TOWNSHIP_WITH_GP_COUNT']);
    expectCount(alliance.get('GOV_TOWNSHIP_WITH_GP_COUNT'), 0);
  });

  test('人员建设 (表1 3, 表2 8) and 基层全科医生岗位 (表2 14)', async () => {
    const codes = [
      'PRIMARY_CARE_STAFF_PER_1000',
      'MULTI_SITE_PHYSICIAN_COUNT',
      'PHYSICIANS_PRACTISING_DOWN_COUNT',
      'PRIMARY_CARE_GP_TOTAL',
      'PRIMARY_CARE_GP_SENIOR',
      'PRIMARY_CARE_GP_INTERMEDIATE',
    ];
    const city = await ask(stack, region('610900'), '2019H1', codes);
    expectRatio(city.get('PRIMARY_CARE_STAFF_PER_1000'), 8, 8000, 1000);
    expectCount(city.get('MULTI_SITE_PHYSICIAN_COUNT'), 3);
    expectCount(city.get('PHYSICIANS_PRACTISING_DOWN_COUNT'), 2);
    expectCount(city.get('PRIMARY_CARE_GP_TOTAL'), 5);
    expectCount(city.get('PRIMARY_CARE_GP_SENIOR'), 1);
    expectCount(city.get('PRIMARY_CARE_GP_INTERMEDIATE'), 2);
    for (const c of codes) expectRulesPass(city.get(c));

    const hanyin = await ask(stack, region('610921'), '2019H1', codes);
    expectRatio(hanyin.get('PRIMARY_CARE_STAFF_PER_1000'), 6, 5000, 1000);
    expectCount(hanyin.get('PHYSICIANS_PRACTISING_DOWN_COUNT'), 0);
    const hanbin = await ask(stack, region('610902'), '2019H1', ['PHYSICIANS_PRACTISING_DOWN_COUNT']);
    expectCount(hanbin.get('PHYSICIANS_PRACTISING_DOWN_COUNT'), 2);
  });

  test('下派 and 进修 (表2 12, 表3 26, 附件1 27/35, 附件2 17/23)', async () => {
    const codes = [
      'L2_TECH_STAFF_SENT_DOWN',
      'L2_MGMT_STAFF_SENT_DOWN',
      'ALLIANCE_HOSPITAL_STAFF_SENT_DOWN',
      'PRIMARY_STAFF_TRAINING_UP_TIMES',
    ];
    const city = await ask(stack, region('610900'), '2019H1', codes);
    expectCount(city.get('L2_TECH_STAFF_SENT_DOWN'), 1);
    expectCount(city.get('L2_MGMT_STAFF_SENT_DOWN'), 1);
    expectCount(city.get('ALLIANCE_HOSPITAL_STAFF_SENT_DOWN'), 3);
    expectCount(city.get('PRIMARY_STAFF_TRAINING_UP_TIMES'), 3);
    const hanyin = await ask(stack, region('610921'), '2019H1', ['ALLIANCE_HOSPITAL_STAFF_SENT_DOWN']);
    expectCount(hanyin.get('ALLIANCE_HOSPITAL_STAFF_SENT_DOWN'), 2);

    const alliance = await ask(stack, 'alliance(id: "AJT1")', '2019H1', [
      'ALLIANCE_HOSPITAL_STAFF_SENT_DOWN',
      'PRIMARY_STAFF_TRAINING_UP_TIMES',
      'FURTHER_TRAINING_PERSON_COUNT',
    ]);
    expectCount(alliance.get('ALLIANCE_HOSPITAL_STAFF_SENT_DOWN'), 1);
    expectCount(alliance.get('PRIMARY_STAFF_TRAINING_UP_TIMES'), 1);
    expectCount(alliance.get('FURTHER_TRAINING_PERSON_COUNT'), 2);
    expectRulesPass(alliance.get('FURTHER_TRAINING_PERSON_COUNT'));
    const year = await ask(stack, 'alliance(id: "AJT1")', '2019', ['ALLIANCE_HOSPITAL_STAFF_SENT_DOWN']);
    expectCount(year.get('ALLIANCE_HOSPITAL_STAFF_SENT_DOWN'), 2);

    const wt1 = await ask(stack, `institution(orgCode: "${ORG.WT1}")`, '2019H1', [
      'FURTHER_TRAINING_PERSON_COUNT',
    ]);
    expectCount(wt1.get('FURTHER_TRAINING_PERSON_COUNT'), 1);
    expectRulesPass(wt1.get('FURTHER_TRAINING_PERSON_COUNT'));
  });

  test('家庭医生 (表1 19/20, 表2 22): cities, doctors, fee set and fee per person', async () => {
    const codes = [
      'FAMILY_DOCTOR_CITIES',
      'FAMILY_DOCTOR_COUNT',
      'FAMILY_DOCTOR_FEE_SET',
      'FAMILY_DOCTOR_FEE_PER_PERSON',
      'FAMILY_DOCTOR_FEE_INSURANCE_PER_PERSON',
      'FAMILY_DOCTOR_FEE_FISCAL_PER_PERSON',
      'FAMILY_DOCTOR_FEE_PERSONAL_PER_PERSON',
    ];
    const city = await ask(stack, region('610900'), '2019H1', codes);
    expectCount(city.get('FAMILY_DOCTOR_CITIES'), 1);
    expectCount(city.get('FAMILY_DOCTOR_COUNT'), 3);
    expect([city.get('FAMILY_DOCTOR_FEE_SET')!.value, city.get('FAMILY_DOCTOR_FEE_SET')!.numerator]).toEqual([
      1, 3,
    ]);
    expectRatio(city.get('FAMILY_DOCTOR_FEE_PER_PERSON'), 300, 4, 1);
    expect(city.get('FAMILY_DOCTOR_FEE_PER_PERSON')!.value).toBe(75);
    expectRatio(city.get('FAMILY_DOCTOR_FEE_INSURANCE_PER_PERSON'), 150, 4, 1);
    expectRatio(city.get('FAMILY_DOCTOR_FEE_FISCAL_PER_PERSON'), 110, 4, 1);
    expectRatio(city.get('FAMILY_DOCTOR_FEE_PERSONAL_PER_PERSON'), 40, 4, 1);
    expect(city.get('FAMILY_DOCTOR_FEE_PER_PERSON')!.rules).toEqual([
      { code: 'FEE_EQ_SUM_OF_SHARES', passed: true },
    ]);

    const province = await ask(stack, region('610000'), '2019H1', ['FAMILY_DOCTOR_CITIES']);
    expectCount(province.get('FAMILY_DOCTOR_CITIES'), 1);
    const xian = await ask(stack, region('610100'), '2019H1', [
      'FAMILY_DOCTOR_CITIES',
      'FAMILY_DOCTOR_FEE_SET',
    ]);
    expectCount(xian.get('FAMILY_DOCTOR_CITIES'), 0);
    expect([xian.get('FAMILY_DOCTOR_FEE_SET')!.value, xian.get('FAMILY_DOCTOR_FEE_SET')!.numerator]).toEqual([
      0, 0,
    ]);
    const hanyin = await ask(stack, region('610921'), '2019H1', ['FAMILY_DOCTOR_COUNT']);
    expectCount(hanyin.get('FAMILY_DOCTOR_COUNT'), 2);
  });
});
