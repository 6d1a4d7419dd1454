import { indicatorCatalog } from '../../schema/catalog';
import { buildFixture } from '../fixtures/build';
import type { Engine } from '../fixtures/build';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';

const SHARE = `
  query Share($code: DivisionCode!, $period: Period!) {
    region(code: $code) {
      name
      level
      indicators(period: $period, codes: ["PRIMARY_CARE_VISIT_SHARE"]) {
        code nameZh value display numerator denominator unit status complete formula
        citation { document section line }
        rules { code passed }
        target { comparator value year met }
        sources { id kind status institutions }
        uncoveredInstitutions
      }
    }
  }
`;

describe.each<Engine>(['sqlite', 'mariadb'])('through the gateway over HTTP, sources on %s', (engine) => {
  const stack = useStack(() => buildFixture(engine, `hag_e2e`));
  let url: string;
  beforeAll(() => {
    url = stack.gateway.url;
  });

  test('城乡基层医疗卫生机构诊疗量占比 for 汉阴县, 2019H1: 5 / 8 = 62.5 %', async () => {
    const { status, body } = await gql(url, SHARE, { code: '610921', period: '2019H1' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      region: {
        name: '汉阴县',
        level: 'COUNTY',
        indicators: [
          {
            code: 'PRIMARY_CARE_VISIT_SHARE',
            nameZh: '城乡基层医疗卫生机构诊疗量占比',
            value: 62.5,
            display: '62.50',
            numerator: 5,
            denominator: 8,
            unit: '%',
            status: 'OK',
            complete: true,
            formula: '(VISITS_PRIMARY_CARE) / (VISITS_TOTAL) × 100',
            citation: {
              document: '004_4dca3a86e03f15ed.txt',
              section: '二、(一) 5.(1) 城乡基层医疗卫生机构诊疗量占比; 表1 三 (五) 13; 表2 三 (六)',
              line: 1522,
            },
            rules: [{ code: 'NUMERATOR_LE_DENOMINATOR', passed: true }],
            target: { comparator: 'GE', value: 65, year: 2017, met: false },
            sources: [
              { id: 'his-a-upgraded', kind: 'his_a', status: 'OK', institutions: 2 },
              { id: 'his-b-county', kind: 'his_b', status: 'OK', institutions: 2 },
            ],
            uncoveredInstitutions: 0,
          },
        ],
      },
    });
  });

  test('the city sums its counties and both vendors; children are answered in the same operation', async () => {
    const { body } = await gql(
      url,
      `{ region(code: "610900") {
           indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE", "PRIMARY_CARE_TCM_VISIT_SHARE", "GRADED_REFERRALS_DOWN", "GRADED_REFERRALS_UP"]) {
             code numerator denominator value
           }
           all: indicators(period: "2019H1") { code }
           children { code indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { numerator denominator value } }
         } }`,
    );
    expect(body.errors).toBeUndefined();
    const region = (body.data as { region: Record<string, unknown> }).region;
    expect(region.indicators).toEqual([
      { code: 'PRIMARY_CARE_VISIT_SHARE', numerator: 8, denominator: 13, value: (8 / 13) * 100 },
      { code: 'PRIMARY_CARE_TCM_VISIT_SHARE', numerator: 2, denominator: 8, value: 25 },
      // This fixture has no referral source: the alliances subgraph answers "not counted" (null).
      { code: 'GRADED_REFERRALS_DOWN', numerator: null, denominator: null, value: null },
      { code: 'GRADED_REFERRALS_UP', numerator: null, denominator: null, value: null },
    ]);
    // Without codes: every indicator of the catalog that applies to a city, without an error.
    const applicable = indicatorCatalog
      .filter((d) => d.scopes.includes('CITY'))
      .map((d) => ({ code: d.code }));
    expect(region.all).toEqual(applicable);
    expect(region.children).toEqual([
      { code: '610902', indicators: [{ numerator: 3, denominator: 5, value: 60 }] },
      { code: '610921', indicators: [{ numerator: 5, denominator: 8, value: 62.5 }] },
    ]);
  });

  test('without a referral source, 分级诊疗下转患者数 is not counted ("--"), never a silent zero', async () => {
    const { body } = await gql(
      url,
      `{ region(code: "610900") { indicators(period: "2019H1", codes: ["GRADED_REFERRALS_DOWN", "GRADED_REFERRALS_UP"]) {
           code value display status complete sources { id } components { measure value } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as { region: { indicators: unknown[] } }).region.indicators).toEqual(
      ['DOWN', 'UP'].map((d) => ({
        code: `GRADED_REFERRALS_${d}`,
        value: null,
        display: '--',
        status: 'NOT_COUNTED',
        complete: false,
        sources: [],
        components: [{ measure: `REFERRALS_${d}`, value: null }],
      })),
    );
  });

  test('an institution open in the period but held by no source makes the answer PARTIAL', async () => {
    const { body } = await gql(url, SHARE, { code: '610921', period: '2018H2' });
    const [indicator] = (body.data as { region: { indicators: Array<Record<string, unknown>> } }).region
      .indicators;
    expect(indicator).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
      status: 'PARTIAL',
      complete: false,
    });
    expect(indicator.uncoveredInstitutions).toBe(1);
  });

  test('the catalog lists each indicator with its seed name', async () => {
    const { body } = await gql(url, '{ indicatorCatalog { code nameZh nameEn citation { line } } }');
    expect(body.data).toEqual({
      indicatorCatalog: expect.arrayContaining([
        {
          code: 'PRIMARY_CARE_VISIT_SHARE',
          nameZh: '城乡基层医疗卫生机构诊疗量占比',
          nameEn: 'Share of visits at urban and rural primary-care institutions',
          citation: { line: 1522 },
        },
        {
          code: 'PRIMARY_CARE_TCM_VISIT_SHARE',
          nameZh: '基层医疗卫生机构中医诊疗量占比',
          nameEn: 'Share of TCM visits at primary-care institutions',
          citation: { line: 1398 },
        },
        {
          code: 'GRADED_REFERRALS_DOWN',
          nameZh: '分级诊疗下转患者数',
          nameEn: 'Graded-treatment downward referrals',
          citation: { line: 1662 },
        },
        {
          code: 'GRADED_REFERRALS_UP',
          nameZh: '分级诊疗上转患者数',
          nameEn: 'Graded-treatment upward referrals',
          citation: { line: 1679 },
        },
      ]),
    });
  });

  test('entities resolve across subgraphs: Institution and its Region', async () => {
    const { body } = await gql(
      url,
      '{ institution(orgCode: "12610921MB0000202C") { name categoryCode category primaryCare level region { name parent { name } } } }',
    );
    expect(body).toEqual({
      data: {
        institution: {
          name: '汉阴县涧池镇卫生院',
          categoryCode: 'C220',
          category: 'TOWNSHIP_HEALTH_CENTER',
          primaryCare: true,
          level: 'UNRATED',
          region: { name: '汉阴县', parent: { name: '安康市' } },
        },
      },
    });
  });

  describe('bad input gets a stable extensions.code and no stack trace', () => {
    const cases: Array<[string, string, Record<string, unknown> | undefined, string]> = [
      ['unknown division code', '{ region(code: "999999") { name } }', undefined, 'UNKNOWN_DIVISION'],
      ['malformed division code', '{ region(code: "61090") { name } }', undefined, 'INVALID_DIVISION_CODE'],
      ['period 2019H3 (literal)', SHARE, { code: '610921', period: '2019H3' }, 'INVALID_PERIOD'],
      ['period 19-06 (variable)', SHARE, { code: '610921', period: '19-06' }, 'INVALID_PERIOD'],
      ['month 13', SHARE, { code: '610921', period: '2019-13' }, 'INVALID_PERIOD'],
      ['a future period', SHARE, { code: '610921', period: '2999' }, 'PERIOD_IN_FUTURE'],
      [
        'period literal 2019H3 inline',
        '{ region(code: "610921") { indicators(period: "2019H3") { value } } }',
        undefined,
        'INVALID_PERIOD',
      ],
      [
        'an empty code list',
        '{ region(code: "610921") { indicators(period: "2019", codes: []) { value } } }',
        undefined,
        'EMPTY_CODE_LIST',
      ],
      [
        'an unknown indicator',
        '{ region(code: "610921") { indicators(period: "2019", codes: ["NOPE"]) { value } } }',
        undefined,
        'UNKNOWN_INDICATOR',
      ],
      [
        'an unknown institution',
        '{ institution(orgCode: "12610921MB0000999Y") { name } }',
        undefined,
        'UNKNOWN_INSTITUTION',
      ],
      [
        'a malformed org code',
        '{ institution(orgCode: "x\' OR 1=1 --") { name } }',
        undefined,
        'INVALID_ORG_CODE',
      ],
    ];
    test.each(cases)('%s', async (_name, query, variables, code) => {
      const { body } = await gql(url, query, variables);
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/stacktrace|at \w+ \(|SELECT |mysql:\/\/|sqlite:/);
    });

    test('the gateway still answers a normal query afterwards', async () => {
      const { body } = await gql(url, SHARE, { code: '610921', period: '2019H1' });
      expect(
        (body.data as { region: { indicators: Array<{ value: number }> } }).region.indicators[0].value,
      ).toBe(62.5);
    });
  });
});
