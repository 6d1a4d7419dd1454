import { buildAlliancesFixture } from '../fixtures/alliances.fixture';
import type { Engine } from '../fixtures/databases';
import { ORG } from '../fixtures/visits.fixture';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';

/** The indicator engine over every scope kind, with year-on-year growth (hand counts in alliances.fixture.ts). */
describe.each<Engine>(['sqlite', 'mariadb'])('indicator engine, sources on %s', (engine) => {
  const stack = useStack(() => buildAlliancesFixture(engine, 'hag_eng'));

  test('分级诊疗转诊患者年增长率: growth over the same period of the previous year, targets per document', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ county: region(code: "610921") { ...growth } city: region(code: "610900") { ...growth } hanbin: region(code: "610902") { ...growth } }
       fragment growth on Region {
         indicators(period: "2019H1", codes: ["GRADED_REFERRALS_DOWN_GROWTH"]) {
           value numerator denominator status
           components { measure role value }
           targets { year value met }
         }
       }`,
    );
    expect(body.errors).toBeUndefined();
    const data = body.data as Record<string, { indicators: Array<Record<string, unknown>> }>;
    expect(data.county.indicators[0]).toEqual({
      value: 200,
      numerator: 2,
      denominator: 1,
      status: 'OK',
      components: [
        { measure: 'REFERRALS_DOWN', role: 'NUMERATOR', value: 3 },
        { measure: 'REFERRALS_DOWN', role: 'PREVIOUS_YEAR', value: 1 },
      ],
      targets: [
        { year: 2017, value: 10, met: true },
        { year: 2017, value: 10, met: true },
        { year: 2023, value: 5, met: true },
      ],
    });
    expect(data.city.indicators[0]).toMatchObject({ value: 300, numerator: 3, denominator: 1 });
    // 汉滨区 had no downward referral in 2018H1: a denominator of 0 gives no value, never Infinity or 0.
    expect(data.hanbin.indicators[0]).toMatchObject({
      value: null,
      numerator: 1,
      denominator: 0,
      status: 'NOT_COUNTED',
    });
  });

  test('下转病人例数 on an institution and on an alliance (its members during the period)', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ institution(orgCode: "${ORG.H2}") { indicators(period: "2019H1", codes: ["REFERRALS_DOWN_CASES"]) { value unit } }
         alliance(id: "JT1") { indicators(period: "2019H1", codes: ["REFERRALS_DOWN_CASES"]) { code value scopeKind scopeCode } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      institution: { indicators: [{ value: 3, unit: '例' }] },
      alliance: {
        indicators: [{ code: 'REFERRALS_DOWN_CASES', value: 5, scopeKind: 'ALLIANCE', scopeCode: 'JT1' }],
      },
    });
  });

  test('an indicator of another scope level is refused on the field, with a stable code', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ alliance(id: "JT1") { indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value } } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('INDICATOR_NOT_APPLICABLE');
  });
});
