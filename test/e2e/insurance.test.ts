/**
 * The insurance subgraph through the gateway over HTTP: aggregates of valid settlements for a
 * county, a city and an institution, 县域内就诊率, the measures, batching and a source that is
 * down. The data is the ins fixture of test/fixtures/hrm-ins.fixture.ts, whose rows and hand
 * computations the expectations below follow (S01 … S20 are its settlements).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/databases';
import { buildInsuranceFixture, INS_ORG } from '../fixtures/insurance.fixture';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

const SUMMARY = `
  settlements inpatientSettlements medfeeSum fundPay personalPay fundShare
  referralSettlements continuousDeductibleSettlements
  inCountyRate { region { code } numerator denominator value unplaced }
  countyRates { region { code name } numerator denominator value unplaced }
  complete
  sources { id kind status institutions }
`;

const REGION = `
  query Region($code: DivisionCode!, $period: Period!) {
    region(code: $code) {
      name
      insurance(period: $period) {
        period
        ${SUMMARY}
        byMedicalType { medicalType settlements medfeeSum }
        byPaymentMethod { paymentMethod settlements }
        byInsuranceType { insuranceType settlements }
      }
    }
  }
`;

const RATE = `
  query Rate($code: DivisionCode!, $period: Period!) {
    region(code: $code) { insurance(period: $period) { inCountyRate { numerator denominator value unplaced } } }
  }
`;

const { H1, H2, T1, T2 } = INS_ORG;
const ins = (institutions: number, status = 'OK'): Record<string, unknown> => ({
  id: 'ins',
  kind: 'ins',
  status,
  institutions,
});

describe.each<Engine>(['sqlite', 'mariadb'])(
  'the insurance subgraph through the gateway, sources on %s',
  (engine) => {
    const stack = useStack(() => buildInsuranceFixture(engine, 'hag_is'));
    let url: string;
    beforeAll(() => {
      url = stack.gateway.url;
    });

    test('汉阴县 2019: its insured wherever treated, breakdowns, 县域内就诊率 1 − 4/10', async () => {
      const { status, body } = await gql(url, REGION, { code: '610921', period: '2019' });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      // insu_admdvs 610921: S01 S02 S17 S04 S05 S06 S07 S11 S12 S13 S14 S15 S19 S16 S20 = 15;
      // not S03 (reversed), S18 (flag unknown), S09 (2018), S08 (汉滨区 insured), S10 (area unknown).
      const rate = { region: { code: '610921' }, numerator: 4, denominator: 10, value: 60, unplaced: 1 };
      expect(body.data).toEqual({
        region: {
          name: '汉阴县',
          insurance: {
            period: '2019',
            settlements: 15,
            inpatientSettlements: 10,
            medfeeSum: 77030.5,
            fundPay: 42235.3,
            personalPay: 34795.2,
            fundShare: (100 * 42235.3) / 77030.5,
            // S02 S14 S16 referred; S02 continuous deductible.
            referralSettlements: 3,
            continuousDeductibleSettlements: 1,
            inCountyRate: rate,
            countyRates: [{ ...rate, region: { code: '610921', name: '汉阴县' } }],
            complete: true,
            // H2 and T1 are 定点 (mapped); T2 is not.
            sources: [ins(2)],
            byMedicalType: [
              { medicalType: 'OUTPATIENT', settlements: 2, medfeeSum: 180 },
              { medicalType: 'EMERGENCY', settlements: 1, medfeeSum: 300 },
              { medicalType: 'CHRONIC_OUTPATIENT', settlements: 1, medfeeSum: 400 },
              { medicalType: 'INPATIENT', settlements: 9, medfeeSum: 68100.5 },
              { medicalType: 'DAY_SURGERY', settlements: 1, medfeeSum: 8000 },
              { medicalType: null, settlements: 1, medfeeSum: 50 },
            ],
            byPaymentMethod: [
              { paymentMethod: 'ITEM', settlements: 6 },
              { paymentMethod: 'DIP', settlements: 1 },
              { paymentMethod: 'DRG', settlements: 4 },
              { paymentMethod: 'BED_DAY', settlements: 1 },
              { paymentMethod: 'CAPITATION', settlements: 1 },
              { paymentMethod: 'OTHER', settlements: 1 },
              { paymentMethod: null, settlements: 1 },
            ],
            byInsuranceType: [
              { insuranceType: 'EMPLOYEE', settlements: 1 },
              { insuranceType: 'NCMS', settlements: 1 },
              { insuranceType: 'RESIDENT', settlements: 10 },
              { insuranceType: 'URBAN_RESIDENT', settlements: 1 },
              { insuranceType: 'OTHER', settlements: 1 },
              { insuranceType: null, settlements: 1 },
            ],
          },
        },
      });
    });

    test('安康市 2019: its counties summed, each county with its own 县域内就诊率', async () => {
      const { body } = await gql(
        url,
        `query R($code: DivisionCode!, $period: Period!) { region(code: $code) { insurance(period: $period) { ${SUMMARY} } } }`,
        { code: '610900', period: '2019' },
      );
      expect(body.errors).toBeUndefined();
      // The county's 15 and S08 (汉滨区 insured, at H1 in 汉滨区: inside).
      expect(body.data).toEqual({
        region: {
          insurance: {
            settlements: 16,
            inpatientSettlements: 11,
            medfeeSum: 97030.5,
            fundPay: 62235.3,
            personalPay: 34795.2,
            fundShare: (100 * 62235.3) / 97030.5,
            referralSettlements: 3,
            continuousDeductibleSettlements: 1,
            inCountyRate: {
              region: { code: '610900' },
              numerator: 4,
              denominator: 11,
              value: 700 / 11,
              unplaced: 1,
            },
            countyRates: [
              {
                region: { code: '610902', name: '汉滨区' },
                numerator: 0,
                denominator: 1,
                value: 100,
                unplaced: 0,
              },
              {
                region: { code: '610921', name: '汉阴县' },
                numerator: 4,
                denominator: 10,
                value: 60,
                unplaced: 1,
              },
            ],
            complete: true,
            sources: [ins(3)],
          },
        },
      });
    });

    test('an unmapped code is outside (by its division digits); a mapped code the registry lacks is placed by its digits', async () => {
      const rate = async (code: string, period: string): Promise<unknown> => {
        const { body } = await gql(url, RATE, { code, period });
        expect(body.errors).toBeUndefined();
        return (body.data as { region: { insurance: { inCountyRate: unknown } } }).region.insurance
          .inCountyRate;
      };
      // 2019-08: S14 at 武汉 (H42010000007, not in ins_org_map) outside, S15 + S19 at H2 inside.
      expect(await rate('610921', '2019-08')).toEqual({
        numerator: 1,
        denominator: 3,
        value: 200 / 3,
        unplaced: 0,
      });
      // 2019-07: S13 at H61092100003 → U9, not in the registry: placed in 610921 by its digits.
      expect(await rate('610921', '2019-07')).toEqual({
        numerator: 0,
        denominator: 1,
        value: 100,
        unplaced: 0,
      });
      // 2019H1: S01 S02 S17 S04 S05; outside S02 (汉滨区) and S04 (西安, unmapped).
      expect(await rate('610921', '2019H1')).toEqual({
        numerator: 2,
        denominator: 5,
        value: 60,
        unplaced: 0,
      });
      // 2019Q3: S13 S14 S15+S19 S16; outside S14 and S16 (X-UNKNOWN: unplaced, counted outside).
      expect(await rate('610921', '2019Q3')).toEqual({
        numerator: 2,
        denominator: 5,
        value: 60,
        unplaced: 1,
      });
      // No inpatient settlement of 汉滨区 insured in 2019Q4: no rate.
      expect(await rate('610902', '2019Q4')).toEqual({
        numerator: 0,
        denominator: 0,
        value: null,
        unplaced: 0,
      });
    });

    test('Institution.insurance: settlements at the institution, whoever the insured; reversed ones excluded', async () => {
      const { body } = await gql(
        url,
        `{ h2: institution(orgCode: "${H2}") {
           name
           insurance(period: "2019") {
             ${SUMMARY}
             byMedicalType { medicalType settlements medfeeSum fundPay personalPay }
           }
           feb: insurance(period: "2019-02") { settlements medfeeSum }
         }
         t1: institution(orgCode: "${T1}") { insurance(period: "2019H1") { settlements inpatientSettlements medfeeSum } }
         t2: institution(orgCode: "${T2}") { insurance(period: "2019") { settlements medfeeSum fundShare sources { institutions } } } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        // At H2 in 2019: S01 S17 S07 S10 (insured area unknown) S15 S19 S20 = 7.
        h2: {
          name: '汉阴县人民医院',
          insurance: {
            settlements: 7,
            inpatientSettlements: 5,
            medfeeSum: 17480,
            fundPay: 12060,
            personalPay: 5420,
            fundShare: (100 * 12060) / 17480,
            referralSettlements: 0,
            continuousDeductibleSettlements: 0,
            inCountyRate: null,
            countyRates: null,
            complete: true,
            sources: [ins(1)],
            byMedicalType: [
              { medicalType: 'OUTPATIENT', settlements: 1, medfeeSum: 80, fundPay: 40, personalPay: 40 },
              { medicalType: 'EMERGENCY', settlements: 1, medfeeSum: 300, fundPay: 120, personalPay: 180 },
              {
                medicalType: 'INPATIENT',
                settlements: 5,
                medfeeSum: 17100,
                fundPay: 11900,
                personalPay: 5200,
              },
            ],
          },
          // February: S17 only; S03 (reversed, 3000) never counts.
          feb: { settlements: 1, medfeeSum: 3100 },
        },
        // T1 in 2019H1: S05 S06 S11 S12.
        t1: { insurance: { settlements: 4, inpatientSettlements: 1, medfeeSum: 2050 } },
        // T2 has no 定点 code: nothing settled there.
        t2: { insurance: { settlements: 0, medfeeSum: 0, fundShare: null, sources: [{ institutions: 0 }] } },
      });
      // H1 (汉滨区): S02 (汉阴县 insured) and S08.
      const h1 = await gql(
        url,
        `{ institution(orgCode: "${H1}") { insurance(period: "2019") { settlements medfeeSum } } }`,
      );
      expect(h1.body.data).toEqual({ institution: { insurance: { settlements: 2, medfeeSum: 32000.5 } } });
    });

    test('measures: region and institution scopes in one batch, one insurance statement', async () => {
      const requests = [
        ['REGION', '610921', 'INS_SETTLEMENTS'],
        ['REGION', '610921', 'INS_INPATIENT_INSURED'],
        ['REGION', '610921', 'INS_INPATIENT_INSURED_OUTSIDE_COUNTY'],
        ['REGION', '610900', 'INS_INPATIENT_INSURED'],
        ['REGION', '610900', 'INS_INPATIENT_INSURED_OUTSIDE_COUNTY'],
        ['REGION', '610900', 'INS_MEDFEE_SUM'],
        ['INSTITUTION', H2, 'INS_SETTLEMENTS'],
        ['INSTITUTION', H2, 'INS_INPATIENT_SETTLEMENTS'],
        ['INSTITUTION', H2, 'INS_FUND_PAY'],
        ['INSTITUTION', H2, 'INS_PERSONAL_PAY'],
        ['INSTITUTION', H1, 'INS_REFERRAL_SETTLEMENTS'],
        ['INSTITUTION', H1, 'INS_CONT_DEDUCTIBLE_SETTLEMENTS'],
      ].map(([kind, code, measure]) => ({ scope: { kind, code }, period: '2019', measure }));
      const before = stack.sources.statementCount();
      const { body } = await gql(
        stack.subgraphs.insurance.url.replace(/\/graphql$/, ''),
        `query V($requests: [MeasureRequestInput!]!) { _measureValues(requests: $requests) { scopeCode measure value complete sources { id status } } }`,
        { requests },
      );
      expect(body.errors).toBeUndefined();
      const ok = { complete: true, sources: [{ id: 'ins', status: 'OK' }] };
      expect((body.data as { _measureValues: unknown[] })._measureValues).toEqual([
        { scopeCode: '610921', measure: 'INS_SETTLEMENTS', value: 15, ...ok },
        { scopeCode: '610921', measure: 'INS_INPATIENT_INSURED', value: 10, ...ok },
        { scopeCode: '610921', measure: 'INS_INPATIENT_INSURED_OUTSIDE_COUNTY', value: 4, ...ok },
        { scopeCode: '610900', measure: 'INS_INPATIENT_INSURED', value: 11, ...ok },
        { scopeCode: '610900', measure: 'INS_INPATIENT_INSURED_OUTSIDE_COUNTY', value: 4, ...ok },
        { scopeCode: '610900', measure: 'INS_MEDFEE_SUM', value: 97030.5, ...ok },
        { scopeCode: H2, measure: 'INS_SETTLEMENTS', value: 7, ...ok },
        { scopeCode: H2, measure: 'INS_INPATIENT_SETTLEMENTS', value: 5, ...ok },
        { scopeCode: H2, measure: 'INS_FUND_PAY', value: 12060, ...ok },
        { scopeCode: H2, measure: 'INS_PERSONAL_PAY', value: 5420, ...ok },
        { scopeCode: H1, measure: 'INS_REFERRAL_SETTLEMENTS', value: 1, ...ok },
        { scopeCode: H1, measure: 'INS_CONT_DEDUCTIBLE_SETTLEMENTS', value: 1, ...ok },
      ]);
      // Registry: division tree, the regions' institutions, ins_org_map, institutions by code;
      // one settlement statement for the whole batch.
      expect(stack.sources.statementCount() - before).toBe(5);
    });

    test('the catalog declares the scope kinds; an institution scope of a region-only measure is refused', async () => {
      const base = stack.subgraphs.insurance.url.replace(/\/graphql$/, '');
      const catalog = await gql(base, '{ _measureCatalog { code unit scopeKinds } }');
      const list = (catalog.body.data as { _measureCatalog: Array<{ code: string; scopeKinds: string[] }> })
        ._measureCatalog;
      expect(list.map((m) => m.code)).toHaveLength(9);
      expect(list.find((m) => m.code === 'INS_INPATIENT_INSURED')?.scopeKinds).toEqual(['REGION']);
      expect(list.find((m) => m.code === 'INS_SETTLEMENTS')?.scopeKinds).toEqual(['REGION', 'INSTITUTION']);
      const { body } = await gql(
        base,
        `{ _measureValues(requests: [{ scope: { kind: INSTITUTION, code: "${H2}" }, period: "2019", measure: "INS_INPATIENT_INSURED" }]) { value } }`,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    test('through the gateway: a county costs the same statements as the whole city', async () => {
      const query = (code: string): string =>
        `{ region(code: "${code}") { insurance(period: "2019") { settlements countyRates { region { code name } value } } } }`;
      let before = stack.sources.statementCount();
      const county = await gql(url, query('610921'));
      const forCounty = stack.sources.statementCount() - before;
      before = stack.sources.statementCount();
      const city = await gql(url, query('610900'));
      const forCity = stack.sources.statementCount() - before;
      expect(county.body.errors).toBeUndefined();
      expect(city.body.errors).toBeUndefined();
      expect(
        (city.body.data as { region: { insurance: { countyRates: unknown[] } } }).region.insurance
          .countyRates,
      ).toHaveLength(2);
      expect(forCounty).toBe(forCity);
      // Institutions subgraph: the division tree (region), again for the county names; insurance:
      // division tree, institutions of the counties, ins_org_map, treating institutions, settlements.
      expect(forCity).toBe(7);
    });

    test('no settlement or person identifier in any answer', async () => {
      const { body } = await gql(url, REGION, { code: '610921', period: '2019' });
      expect(JSON.stringify(body)).not.toMatch(/psn_no|mdtrt|setl_id|P0\d\d|S\d\d|M\d\d/);
    });
  },
);

describe('when the insurance database is down', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startStack({
      sources: await buildInsuranceFixture('sqlite', 'hag_is_down', {
        insUrl: `sqlite:${join(tmpdir(), 'hag-no-such-dir', 'ins.sqlite')}`,
      }),
      port: 0,
      logger: quietLogger(),
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  test('the numbers are null (not zero), incomplete, and the source that did not answer is named', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ region(code: "610921") { insurance(period: "2019") { ${SUMMARY} byMedicalType { settlements } } }
         institution(orgCode: "${H2}") { insurance(period: "2019") { settlements medfeeSum complete sources { id status } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      region: {
        insurance: {
          settlements: null,
          inpatientSettlements: null,
          medfeeSum: null,
          fundPay: null,
          personalPay: null,
          fundShare: null,
          referralSettlements: null,
          continuousDeductibleSettlements: null,
          inCountyRate: null,
          countyRates: null,
          complete: false,
          sources: [ins(2, 'UNREACHABLE')],
          byMedicalType: null,
        },
      },
      institution: {
        insurance: {
          settlements: null,
          medfeeSum: null,
          complete: false,
          sources: [{ id: 'ins', status: 'UNREACHABLE' }],
        },
      },
    });
    const { body: measures } = await gql(
      stack.subgraphs.insurance.url.replace(/\/graphql$/, ''),
      `{ _measureValues(requests: [{ scope: { kind: REGION, code: "610921" }, period: "2019", measure: "INS_INPATIENT_INSURED" }]) { value complete } }`,
    );
    expect(measures.data).toEqual({ _measureValues: [{ value: null, complete: false }] });
  });
});
