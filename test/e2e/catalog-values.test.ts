import type { RunningStack } from '../../scripts/stack';
import { buildCatalogFixture } from '../fixtures/catalog.fixture';
import type { Engine } from '../fixtures/databases';
import { buildServiceVolumeFixture, ORG } from '../fixtures/service-volume.fixture';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';

/**
 * The catalog's entries computed over HTTP from hand-counted fixture rows: service volume,
 * chronic management and the survey on the service-volume fixture (see service-volume.fixture.ts
 * and inpatient.fixture.ts), population, family doctors, GPs and insurance on the catalog fixture
 * (see catalog.fixture.ts).
 */
interface Value {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
  target: { met: boolean | null } | null;
}

async function indicators(
  stack: RunningStack,
  region: string,
  period: string,
  codes: readonly string[],
): Promise<Value[]> {
  const { body } = await gql(
    stack.gateway.url,
    `query Q($region: DivisionCode!, $period: Period!, $codes: [String!]!) {
       region(code: $region) {
         indicators(period: $period, codes: $codes) { code value numerator denominator status target { met } }
       }
     }`,
    { region, period, codes },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { region: { indicators: Value[] } }).region.indicators;
}

const value = (
  code: string,
  numerator: number | null,
  denominator: number | null,
  factor: number,
  status: string,
  met: boolean | null | undefined,
): Value => ({
  code,
  value: numerator === null || !denominator ? null : (numerator / denominator) * factor,
  numerator,
  denominator,
  status,
  target: met === undefined ? null : { met },
});

describe.each<Engine>(['sqlite', 'mariadb'])('catalog values, sources on %s', (engine) => {
  describe('service volume, chronic management and the survey (service-volume fixture)', () => {
    const stack = useStack(() => buildServiceVolumeFixture(engine, 'hag_cat_sv'));

    test('汉阴县 2019H1: 表3/表4 items from both HIS vendors and the LIS', async () => {
      const got = await indicators(stack, '610921', '2019H1', [
        'DISCHARGE_COUNT',
        'AVERAGE_LENGTH_OF_STAY',
        'BED_OCCUPANCY_RATE',
        'DAY_SURGERY_SHARE_OF_ELECTIVE',
        'CT_REPORT_AVERAGE_TIME',
      ]);
      expect(got).toEqual([
        {
          code: 'DISCHARGE_COUNT',
          value: 25,
          numerator: 25,
          denominator: null,
          status: 'PARTIAL',
          target: null,
        },
        value('AVERAGE_LENGTH_OF_STAY', 126, 25, 1, 'PARTIAL', undefined),
        value('BED_OCCUPANCY_RATE', 1069, 1282, 100, 'PARTIAL', undefined),
        // Day surgeries PA 05, PA 06, PB 04 = 3; elective HA 03, HA 06, PA 05, PA 06, HB 02, HB 06 ×2, PB 04 = 8.
        value('DAY_SURGERY_SHARE_OF_ELECTIVE', 3, 8, 100, 'PARTIAL', undefined),
        // HB's outpatient CT: 2 studies, 90 minutes (the other institutions have no LIS: partial).
        value('CT_REPORT_AVERAGE_TIME', 90, 2, 1, 'PARTIAL', undefined),
      ]);
    });

    test('汉阴县人民医院 (HB, vendor B and the LIS) 2019H1: the same items at institution scope', async () => {
      const { body } = await gql(
        stack.gateway.url,
        `{ institution(orgCode: "${ORG.HB}") {
             indicators(period: "2019H1", codes: ["DISCHARGE_COUNT", "AVERAGE_LENGTH_OF_STAY", "BED_OCCUPANCY_RATE",
               "DAY_SURGERY_SHARE_OF_ELECTIVE", "CT_REPORT_AVERAGE_TIME"]) {
               code value numerator denominator status target { met }
             } } }`,
      );
      expect(body.errors).toBeUndefined();
      expect((body.data as { institution: { indicators: Value[] } }).institution.indicators).toEqual([
        { code: 'DISCHARGE_COUNT', value: 6, numerator: 6, denominator: null, status: 'OK', target: null },
        // b1 7, b2 1, b6 14, b3 1, b13 5, b7 10.
        value('AVERAGE_LENGTH_OF_STAY', 38, 6, 1, 'OK', undefined),
        // 201901 600/510, 201902 310/270.
        value('BED_OCCUPANCY_RATE', 780, 910, 100, 'OK', undefined),
        // No day surgery at HB; elective: 201902 1, 201906 2.
        value('DAY_SURGERY_SHARE_OF_ELECTIVE', 0, 3, 100, 'OK', undefined),
        value('CT_REPORT_AVERAGE_TIME', 90, 2, 1, 'OK', undefined),
      ]);
    });

    test('规范化诊疗和管理率: 汉阴县 meets the 2015 standard (≥ 40 %), the city by managing institution', async () => {
      expect(
        await indicators(stack, '610921', '2019H1', [
          'HTN_STANDARDIZED_MANAGEMENT_RATE',
          'DM_STANDARDIZED_MANAGEMENT_RATE',
        ]),
      ).toEqual([
        value('HTN_STANDARDIZED_MANAGEMENT_RATE', 1, 2, 100, 'OK', true),
        value('DM_STANDARDIZED_MANAGEMENT_RATE', 1, 2, 100, 'OK', true),
      ]);
      expect((await indicators(stack, '610900', '2019H1', ['HTN_STANDARDIZED_MANAGEMENT_RATE']))[0]).toEqual(
        value('HTN_STANDARDIZED_MANAGEMENT_RATE', 2, 3, 100, 'OK', true),
      );
    });

    test('居民 2 周患病首选基层: 汉阴县 2019 misses the 70 % target; a half-year is not counted', async () => {
      expect(await indicators(stack, '610921', '2019', ['TWO_WEEK_PRIMARY_FIRST_SHARE'])).toEqual([
        value('TWO_WEEK_PRIMARY_FIRST_SHARE', 2, 3, 100, 'OK', false),
      ]);
      expect(await indicators(stack, '610900', '2019', ['TWO_WEEK_PRIMARY_FIRST_SHARE'])).toEqual([
        value('TWO_WEEK_PRIMARY_FIRST_SHARE', 3, 6, 100, 'OK', false),
      ]);
      expect(await indicators(stack, '610921', '2019H1', ['TWO_WEEK_PRIMARY_FIRST_SHARE'])).toEqual([
        value('TWO_WEEK_PRIMARY_FIRST_SHARE', null, null, 100, 'NOT_COUNTED', null),
      ]);
    });

    test('without a family-doctor source, the coverage is not counted even though the population is known', async () => {
      const [coverage] = await indicators(stack, '610921', '2019', ['FAMILY_DOCTOR_COVERAGE']);
      expect(coverage).toEqual({
        code: 'FAMILY_DOCTOR_COVERAGE',
        value: null,
        numerator: null,
        denominator: 300000,
        status: 'NOT_COUNTED',
        target: null,
      });
    });
  });

  describe('population, family doctors, GPs and insurance (catalog fixture)', () => {
    const stack = useStack(() => buildCatalogFixture(engine, 'hag_cat'));

    test('汉阴县 2019: family-doctor coverages over the registry population, fee composition, GPs', async () => {
      expect(
        await indicators(stack, '610921', '2019', [
          'FAMILY_DOCTOR_COVERAGE',
          'FAMILY_DOCTOR_KEY_GROUP_COVERAGE',
          'FAMILY_DOCTOR_POOR_COVERAGE',
          'FAMILY_DOCTOR_FEE_INSURANCE_SHARE',
          'FAMILY_DOCTOR_FEE_FISCAL_SHARE',
          'FAMILY_DOCTOR_FEE_PERSONAL_SHARE',
          'GP_PER_10K_URBAN_RESIDENTS',
        ]),
      ).toEqual([
        value('FAMILY_DOCTOR_COVERAGE', 4, 20, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_KEY_GROUP_COVERAGE', 3, 6, 100, 'OK', undefined),
        // 建档立卡 signed over 同期贫困人口总数 (not over the registered poor, 2).
        value('FAMILY_DOCTOR_POOR_COVERAGE', 1, 4, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_FEE_INSURANCE_SHARE', 384, 990.5, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_FEE_FISCAL_SHARE', 504, 990.5, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_FEE_PERSONAL_SHARE', 102.5, 990.5, 100, 'OK', undefined),
        // 1 GP per 5,000 urban residents = 2 per 10,000: meets the 2015 standard (≥ 2).
        value('GP_PER_10K_URBAN_RESIDENTS', 1, 5000, 10000, 'OK', true),
      ]);
    });

    test('汉滨区 misses the GP standard; the city sums its counties’ population (no row of its own)', async () => {
      expect(await indicators(stack, '610902', '2019', ['GP_PER_10K_URBAN_RESIDENTS'])).toEqual([
        value('GP_PER_10K_URBAN_RESIDENTS', 2, 20000, 10000, 'OK', false),
      ]);
      expect(
        await indicators(stack, '610900', '2019', [
          'FAMILY_DOCTOR_COVERAGE',
          'FAMILY_DOCTOR_KEY_GROUP_COVERAGE',
          'FAMILY_DOCTOR_POOR_COVERAGE',
          'GP_PER_10K_URBAN_RESIDENTS',
        ]),
      ).toEqual([
        value('FAMILY_DOCTOR_COVERAGE', 5, 120, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_KEY_GROUP_COVERAGE', 4, 36, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_POOR_COVERAGE', 1, 14, 100, 'OK', undefined),
        value('GP_PER_10K_URBAN_RESIDENTS', 3, 25000, 10000, 'OK', false),
      ]);
    });

    test('2019H1 at 2019-06-30: the signed persons of that day over the year’s population', async () => {
      expect(
        await indicators(stack, '610921', '2019H1', [
          'FAMILY_DOCTOR_COVERAGE',
          'FAMILY_DOCTOR_KEY_GROUP_COVERAGE',
          'FAMILY_DOCTOR_POOR_COVERAGE',
        ]),
      ).toEqual([
        value('FAMILY_DOCTOR_COVERAGE', 6, 20, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_KEY_GROUP_COVERAGE', 4, 6, 100, 'OK', undefined),
        value('FAMILY_DOCTOR_POOR_COVERAGE', 2, 4, 100, 'OK', undefined),
      ]);
    });

    test('县域内就诊率 of 汉阴县 2019H1 = 1 − 2/3: misses the 90 % target', async () => {
      expect(await indicators(stack, '610921', '2019H1', ['IN_COUNTY_TREATMENT_RATE'])).toEqual([
        value('IN_COUNTY_TREATMENT_RATE', 1, 3, 100, 'OK', false),
      ]);
    });

    test('not counted ("--") without statistics of the year, or without a public-health source', async () => {
      const [coverage] = await indicators(stack, '610921', '2018', ['FAMILY_DOCTOR_COVERAGE']);
      expect(coverage).toMatchObject({ value: null, denominator: null, status: 'NOT_COUNTED' });
      expect(await indicators(stack, '610921', '2019', ['TWO_WEEK_PRIMARY_FIRST_SHARE'])).toEqual([
        value('TWO_WEEK_PRIMARY_FIRST_SHARE', null, null, 100, 'NOT_COUNTED', null),
      ]);
    });
  });
});
