import { SignJWT } from 'jose';
import { EVALUATION_FORM_QUERY } from '../../gateway/exports/form-query';
import { DASHBOARD_QUERY } from '../../gateway/exports/operations';
import {
  DEMO_JWT_AUDIENCE,
  DEMO_JWT_ISSUER,
  DEMO_JWT_SECRET,
  DEMO_SUBGRAPH_SECRET,
} from '../../security/demo';
import { buildPrincipal } from '../../security/principal';
import { signPrincipal } from '../../security/signing';
import { accessSecurityConfig, keyOf, TEST_ACCOUNTS } from '../fixtures/access.fixture';
import type { TestAccount } from '../fixtures/access.fixture';
import { buildRegion, ORG, PATIENT_IDENTIFIERS } from '../fixtures/region.fixture';
import { errorCodes, postAs, rawRequest } from '../helpers/callers';
import type { RawResponse } from '../helpers/callers';
import type { GraphQLBody } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * What each kind of principal may see and may not, on region.fixture (hand counts there and in
 * visits.fixture / registry.fixture): 安康市 610900 with 汉滨区 610902, 汉阴县 610921, 石泉县 610922;
 * JT1 (城市医疗集团 of 610900: H1 lead, H2 from 2019-03-01, P4 until 2019-01-01), GT1 (县域医共体 of
 * 610921: H2 lead, P1), GT2 (610922: 200 village clinics). Principals: access.fixture.ts.
 */
const auditLines: string[] = [];
const stack = useStack(() => buildRegion('sqlite', 'hag_access'), {
  security: accessSecurityConfig(),
  audit: (line) => auditLines.push(line),
});

/** Every response body of the suite, for the leak check at the end. */
const bodies: string[] = [];
async function ask(
  who: TestAccount | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<RawResponse> {
  const res = await postAs(stack.gateway.url, keyOf(who), query, variables);
  bodies.push(res.text);
  return res;
}

/** The single error of a response: its code and path. */
const refusal = (body: GraphQLBody | null) =>
  (body?.errors ?? []).map((e) => ({ code: e.extensions?.code, path: e.path }));

const P = '2019H1';
const REGION_VOLUME = (code: string) =>
  `{ region(code: "${code}") { name serviceVolume(period: "${P}") { visits { total } } } }`;
const INSTITUTION_VOLUME = (org: string) =>
  `{ institution(orgCode: "${org}") { name serviceVolume(period: "${P}") { visits { total } } } }`;

/** Period data fields anonymous callers are refused, one per subgraph and scope kind. */
const PERIOD_FIELDS: Array<[string, string, Array<string>]> = [
  [
    'region serviceVolume',
    `{ region(code: "610921") { serviceVolume(period: "${P}") { visits { total } } } }`,
    ['region', 'serviceVolume'],
  ],
  [
    'region indicators',
    `{ region(code: "610921") { indicators(period: "${P}", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value } } }`,
    ['region', 'indicators'],
  ],
  [
    'region workforce',
    `{ region(code: "610921") { workforce(period: "${P}") { generalPractitioners } } }`,
    ['region', 'workforce'],
  ],
  [
    'region insurance',
    `{ region(code: "610921") { insurance(period: "${P}") { settlements } } }`,
    ['region', 'insurance'],
  ],
  [
    'institution serviceVolume',
    INSTITUTION_VOLUME(ORG.H1).replace('name ', ''),
    ['institution', 'serviceVolume'],
  ],
  [
    'institution workforce',
    `{ institution(orgCode: "${ORG.H1}") { workforce(period: "${P}") { generalPractitioners } } }`,
    ['institution', 'workforce'],
  ],
  [
    'alliance referrals',
    `{ alliance(id: "JT1") { referrals(period: "${P}") { up } } }`,
    ['alliance', 'referrals'],
  ],
  [
    'alliance indicators',
    `{ alliance(id: "JT1") { indicators(period: "${P}", codes: ["DISCHARGE_COUNT"]) { value } } }`,
    ['alliance', 'indicators'],
  ],
  [
    'evaluationForm',
    `{ evaluationForm(form: T2, scope: { kind: REGION, code: "610900" }, period: "2019") { titleZh } }`,
    ['evaluationForm'],
  ],
];

describe('anonymous caller: catalog and registry master data only', () => {
  test('the indicator catalog', async () => {
    const res = await ask(
      null,
      '{ indicator(code: "PRIMARY_CARE_VISIT_SHARE") { nameZh unit } indicatorCatalog(scope: COUNTY) { code } }',
    );
    expect(res.status).toBe(200);
    expect(res.body?.errors).toBeUndefined();
    const data = res.body?.data as { indicator: unknown; indicatorCatalog: Array<{ code: string }> };
    expect(data.indicator).toEqual({ nameZh: '城乡基层医疗卫生机构诊疗量占比', unit: '%' });
    expect(data.indicatorCatalog.slice(0, 2)).toEqual([
      { code: 'PRIMARY_CARE_VISIT_SHARE' },
      { code: 'PRIMARY_CARE_TCM_VISIT_SHARE' },
    ]);
  });

  test('region names, the institution registry and alliances (master data)', async () => {
    const res = await ask(
      null,
      `{ region(code: "610921") { name } institutions(divisionCode: "610921") { totalCount edges { node { orgCode name } } }
         alliance(id: "JT1") { name kind lead { orgCode } } }`,
    );
    expect(res.body).toEqual({
      data: {
        region: { name: '汉阴县' },
        institutions: {
          totalCount: 5,
          edges: [
            { node: { orgCode: ORG.H2, name: '汉阴县人民医院' } },
            { node: { orgCode: ORG.P1, name: '汉阴县城关镇中心卫生院' } },
            { node: { orgCode: ORG.P2, name: '汉阴县涧池镇卫生院' } },
            { node: { orgCode: ORG.U1, name: '汉阴县蒲溪镇卫生院' } },
            { node: { orgCode: ORG.P3, name: '汉阴县涧池镇双乐村卫生室' } },
          ],
        },
        alliance: { name: '安康市中心医院医疗集团', kind: 'URBAN_GROUP', lead: { orgCode: ORG.H1 } },
      },
    });
  });

  test.each(PERIOD_FIELDS)('%s → FORBIDDEN', async (_name, query, path) => {
    const res = await ask(null, query);
    expect(res.status).toBe(200);
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path }]);
  });
});

/** The README's cross-subgraph operation, on region.fixture's hand counts. */
const CROSS = `
  query Cross($p: Period!) {
    alliance(id: "JT1") {
      name
      lead { name serviceVolume(period: $p) { inpatient { discharges } } workforce(period: $p) { generalPractitioners } }
      members(period: $p) { role institution { orgCode insurance(period: $p) { settlements inpatientSettlements } } }
    }
    region(code: "610921") { name insurance(period: $p) { inCountyRate { numerator denominator } } }
  }
`;

describe('national: everything', () => {
  test('an alliance, its lead and members, a county: every subgraph', async () => {
    const res = await ask('national', CROSS, { p: P });
    expect(res.body).toEqual({
      data: {
        alliance: {
          name: '安康市中心医院医疗集团',
          lead: {
            name: '安康市中心医院',
            serviceVolume: { inpatient: { discharges: 3 } },
            workforce: { generalPractitioners: 2 },
          },
          members: [
            {
              role: 'LEAD',
              institution: { orgCode: ORG.H1, insurance: { settlements: 1, inpatientSettlements: 1 } },
            },
            {
              role: 'MEMBER',
              institution: { orgCode: ORG.H2, insurance: { settlements: 2, inpatientSettlements: 1 } },
            },
          ],
        },
        region: { name: '汉阴县', insurance: { inCountyRate: { numerator: 2, denominator: 3 } } },
      },
    });
  });

  test('another province’s data is not refused (nothing there: UNKNOWN_DIVISION, not FORBIDDEN)', async () => {
    const res = await ask('national', REGION_VOLUME('370000'));
    expect(refusal(res.body)).toEqual([{ code: 'UNKNOWN_DIVISION', path: ['region'] }]);
  });
});

describe('province 610000', () => {
  test('sees 安康市: 13 visits in the HIS of visits.fixture + 200 clinic visits in 石泉县', async () => {
    const res = await ask('province', REGION_VOLUME('610900'));
    expect(res.body).toEqual({
      data: { region: { name: '安康市', serviceVolume: { visits: { total: 213 } } } },
    });
  });

  test('sees an institution of 安康市 (汉阴县人民医院 H2: 3 visits)', async () => {
    const res = await ask('province', INSTITUTION_VOLUME(ORG.H2));
    expect(res.body).toEqual({
      data: { institution: { name: '汉阴县人民医院', serviceVolume: { visits: { total: 3 } } } },
    });
  });

  test.each<[string, string, Array<string>]>([
    ['region 610900', REGION_VOLUME('610900'), ['region', 'serviceVolume']],
    ['region 610921', REGION_VOLUME('610921'), ['region', 'serviceVolume']],
    ['institution H2', INSTITUTION_VOLUME(ORG.H2), ['institution', 'serviceVolume']],
    [
      'alliance JT1',
      `{ alliance(id: "JT1") { referrals(period: "${P}") { up } } }`,
      ['alliance', 'referrals'],
    ],
  ])('province 370000 asking %s → FORBIDDEN', async (_name, query, path) => {
    const res = await ask('otherProvince', query);
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path }]);
  });
});

describe('city 610900', () => {
  test('its counties: 汉阴县 8 visits, 汉滨区 5', async () => {
    const res = await ask(
      'city',
      `{ a: region(code: "610921") { serviceVolume(period: "${P}") { visits { total } } }
         b: region(code: "610902") { serviceVolume(period: "${P}") { visits { total } } } }`,
    );
    expect(res.body).toEqual({
      data: {
        a: { serviceVolume: { visits: { total: 8 } } },
        b: { serviceVolume: { visits: { total: 5 } } },
      },
    });
  });

  test('its institutions: 安康市中心医院 H1 (2 visits, 3 discharges, 2 GPs)', async () => {
    const res = await ask(
      'city',
      `{ institution(orgCode: "${ORG.H1}") { serviceVolume(period: "${P}") { visits { total } inpatient { discharges } } workforce(period: "${P}") { generalPractitioners } } }`,
    );
    expect(res.body).toEqual({
      data: {
        institution: {
          serviceVolume: { visits: { total: 2 }, inpatient: { discharges: 3 } },
          workforce: { generalPractitioners: 2 },
        },
      },
    });
  });

  test('its province 610000 is refused, not narrowed to the city', async () => {
    const res = await ask('city', REGION_VOLUME('610000'));
    // The province's name is registry master data; its service volume is refused, not narrowed.
    expect(res.body?.data).toEqual({ region: { name: '陕西省', serviceVolume: null } });
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path: ['region', 'serviceVolume'] }]);
    const indicators = await ask(
      'city',
      `{ region(code: "610000") { indicators(period: "${P}", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value } } }`,
    );
    expect(refusal(indicators.body)).toEqual([{ code: 'FORBIDDEN', path: ['region', 'indicators'] }]);
  });

  test('a JWT for the city account has the same scope as its API key', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ hag_kind: 'CITY' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('610900')
      .setIssuer(DEMO_JWT_ISSUER)
      .setAudience(DEMO_JWT_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(new TextEncoder().encode(DEMO_JWT_SECRET));
    const allowed = await rawRequest(stack.gateway.url, {
      headers: { authorization: `Bearer ${jwt}` },
      body: { query: REGION_VOLUME('610921'), operationName: null },
    });
    const refused = await rawRequest(stack.gateway.url, {
      headers: { authorization: `Bearer ${jwt}` },
      body: { query: REGION_VOLUME('610000') },
    });
    bodies.push(allowed.text, refused.text);
    expect(allowed.body).toEqual({
      data: { region: { name: '汉阴县', serviceVolume: { visits: { total: 8 } } } },
    });
    expect(refusal(refused.body)).toEqual([{ code: 'FORBIDDEN', path: ['region', 'serviceVolume'] }]);
    expect(auditLines.join('\n')).not.toContain(jwt);
  });
});

describe('one operation mixing an allowed and a refused field', () => {
  test('nullable field: the allowed one resolves, the error names the refused one', async () => {
    const res = await ask(
      'city',
      `{ ok: region(code: "610921") { name insurance(period: "${P}") { inCountyRate { numerator denominator } } }
         refused: region(code: "610000") { name insurance(period: "${P}") { inCountyRate { numerator denominator } } } }`,
    );
    expect(res.body?.data).toEqual({
      ok: { name: '汉阴县', insurance: { inCountyRate: { numerator: 2, denominator: 3 } } },
      refused: { name: '陕西省', insurance: null },
    });
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path: ['refused', 'insurance'] }]);
  });

  // Period data fields are nullable so that a FORBIDDEN nulls that field only (issue 6: "other
  // fields of the same operation still resolve").
  test('a refused serviceVolume beside an allowed one: the allowed one still resolves', async () => {
    const res = await ask(
      'city',
      `{ ok: region(code: "610921") { serviceVolume(period: "${P}") { visits { total } } }
         refused: region(code: "610000") { serviceVolume(period: "${P}") { visits { total } } } }`,
    );
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path: ['refused', 'serviceVolume'] }]);
    expect(res.body?.data?.ok).toEqual({ serviceVolume: { visits: { total: 8 } } });
  });
});

describe('urban alliance 6109001: the city’s JT alliances and their members', () => {
  test('JT1: its lead’s discharges and GPs, its members in 2019H1', async () => {
    const res = await ask(
      'urbanAlliance',
      `{ alliance(id: "JT1") { lead { serviceVolume(period: "${P}") { inpatient { discharges } } workforce(period: "${P}") { generalPractitioners } }
           members(period: "${P}") { role institution { orgCode } } } }`,
    );
    expect(res.body).toEqual({
      data: {
        alliance: {
          lead: { serviceVolume: { inpatient: { discharges: 3 } }, workforce: { generalPractitioners: 2 } },
          members: [
            { role: 'LEAD', institution: { orgCode: ORG.H1 } },
            { role: 'MEMBER', institution: { orgCode: ORG.H2 } },
          ],
        },
      },
    });
  });

  test('a JT1 member: 汉阴县人民医院 H2, 3 visits', async () => {
    const res = await ask('urbanAlliance', INSTITUTION_VOLUME(ORG.H2));
    expect(res.body).toEqual({
      data: { institution: { name: '汉阴县人民医院', serviceVolume: { visits: { total: 3 } } } },
    });
  });

  test.each<[string, string, Array<string>]>([
    [
      'GT alliance GT1',
      `{ alliance(id: "GT1") { referrals(period: "${P}") { up } } }`,
      ['alliance', 'referrals'],
    ],
    ['a member of GT1 only (P1)', INSTITUTION_VOLUME(ORG.P1), ['institution', 'serviceVolume']],
    ['city aggregate 610900', REGION_VOLUME('610900'), ['region', 'serviceVolume']],
    ['county aggregate 610902', REGION_VOLUME('610902'), ['region', 'serviceVolume']],
  ])('%s → FORBIDDEN', async (_name, query, path) => {
    const res = await ask('urbanAlliance', query);
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path }]);
  });
});

describe('county alliance 6109002: the city’s GT alliances and their members', () => {
  test('GT1: its lead H2 (3 visits) and member P1 (2 visits)', async () => {
    const res = await ask(
      'countyAlliance',
      `{ alliance(id: "GT1") { lead { orgCode serviceVolume(period: "${P}") { visits { total } } } }
         institution(orgCode: "${ORG.P1}") { serviceVolume(period: "${P}") { visits { total } } } }`,
    );
    expect(res.body).toEqual({
      data: {
        alliance: { lead: { orgCode: ORG.H2, serviceVolume: { visits: { total: 3 } } } },
        institution: { serviceVolume: { visits: { total: 2 } } },
      },
    });
  });

  test.each<[string, string, Array<string>]>([
    [
      'JT alliance JT1',
      `{ alliance(id: "JT1") { referrals(period: "${P}") { up } } }`,
      ['alliance', 'referrals'],
    ],
    [
      'JT1’s lead H1',
      `{ alliance(id: "JT1") { lead { serviceVolume(period: "${P}") { visits { total } } } } }`,
      ['alliance', 'lead', 'serviceVolume'],
    ],
    ['region 610921', REGION_VOLUME('610921'), ['region', 'serviceVolume']],
  ])('%s → FORBIDDEN', async (_name, query, path) => {
    const res = await ask('countyAlliance', query);
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path }]);
  });
});

describe('institution 安康市中心医院 H1: itself only', () => {
  test('its own volume and GPs', async () => {
    const res = await ask(
      'institution',
      `{ institution(orgCode: "${ORG.H1}") { name serviceVolume(period: "${P}") { visits { total } inpatient { discharges } } workforce(period: "${P}") { generalPractitioners } } }`,
    );
    expect(res.body).toEqual({
      data: {
        institution: {
          name: '安康市中心医院',
          serviceVolume: { visits: { total: 2 }, inpatient: { discharges: 3 } },
          workforce: { generalPractitioners: 2 },
        },
      },
    });
  });

  test('its own 表3 (T3 LEAD): JT1 has 1 member besides the lead in 2019H1, serves 800 000', async () => {
    const res = await ask('institution', EVALUATION_FORM_QUERY, {
      form: 'T3',
      scope: { kind: 'INSTITUTION', code: ORG.H1 },
      period: P,
      part: 'LEAD',
    });
    expect(res.body?.errors).toBeUndefined();
    const form = res.body?.data?.evaluationForm as {
      form: string;
      scopeCode: string;
      institution: unknown;
      rows: Array<{ key: string; display: string }>;
    };
    expect({ form: form.form, scopeCode: form.scopeCode, institution: form.institution }).toEqual({
      form: 'T3',
      scopeCode: ORG.H1,
      institution: { name: '安康市中心医院', level: 'LEVEL_3' },
    });
    const display = Object.fromEntries(form.rows.map((r) => [r.key, r.display]));
    expect({
      orgCode: display['934'],
      alliances: display['937'],
      members: display['938'],
      population: display['939'],
      visits: display['944'],
    }).toEqual({ orgCode: ORG.H1, alliances: '1', members: '1', population: '800000', visits: '2' });
  });

  // Every row has four entries: jest takes a test function with more parameters than the row for `done`.
  test.each<[string, string, Array<string>, Record<string, unknown> | undefined]>([
    ['another institution (H2)', INSTITUTION_VOLUME(ORG.H2), ['institution', 'serviceVolume'], undefined],
    [
      'its alliance JT1',
      `{ alliance(id: "JT1") { referrals(period: "${P}") { up } } }`,
      ['alliance', 'referrals'],
      undefined,
    ],
    ['its county 610902', REGION_VOLUME('610902'), ['region', 'serviceVolume'], undefined],
    [
      'another institution’s 表3',
      EVALUATION_FORM_QUERY,
      ['evaluationForm'],
      { form: 'T3', scope: { kind: 'INSTITUTION', code: ORG.H2 }, period: P, part: 'LEAD' },
    ],
  ])('%s → FORBIDDEN', async (_name, query, path, variables) => {
    const res = await ask('institution', query, variables);
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path }]);
  });
});

describe('app granted 汉阴县 610921: registered operations only, small counts suppressed', () => {
  test('the registered dashboard: 5/8 shown, TCM 2/5 suppressed (numerator 2 < 5)', async () => {
    const res = await ask('app', DASHBOARD_QUERY, {
      scopes: [{ kind: 'REGION', code: '610921' }],
      period: P,
      codes: ['PRIMARY_CARE_VISIT_SHARE', 'PRIMARY_CARE_TCM_VISIT_SHARE'],
    });
    expect(res.body).toEqual({
      data: {
        indicatorValues: [
          {
            scopeKind: 'REGION',
            scopeCode: '610921',
            indicators: [
              {
                code: 'PRIMARY_CARE_VISIT_SHARE',
                nameZh: '城乡基层医疗卫生机构诊疗量占比',
                value: 62.5,
                display: '62.50',
                missing: null,
                unit: '%',
              },
              {
                code: 'PRIMARY_CARE_TCM_VISIT_SHARE',
                nameZh: '基层医疗卫生机构中医诊疗量占比',
                value: null,
                display: '--',
                missing: 'SUPPRESSED',
                unit: '%',
              },
            ],
          },
        ],
      },
    });
  });

  test('the same dashboard for a national account is not suppressed (TCM 2/5 = 40 %)', async () => {
    const res = await ask('national', DASHBOARD_QUERY, {
      scopes: [{ kind: 'REGION', code: '610921' }],
      period: P,
      codes: ['PRIMARY_CARE_TCM_VISIT_SHARE'],
    });
    const values = res.body?.data?.indicatorValues as Array<{ indicators: Array<Record<string, unknown>> }>;
    expect(values[0].indicators[0]).toMatchObject({ value: 40, display: '40.00', missing: null });
  });

  test('an ungranted region (汉滨区 610902) → FORBIDDEN', async () => {
    const res = await ask('app', DASHBOARD_QUERY, {
      scopes: [{ kind: 'REGION', code: '610902' }],
      period: P,
      codes: ['PRIMARY_CARE_VISIT_SHARE'],
    });
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path: ['indicatorValues'] }]);
  });

  test('an aggregate above the grant (安康市 610900) → FORBIDDEN', async () => {
    const res = await ask('app', DASHBOARD_QUERY, {
      scopes: [{ kind: 'REGION', code: '610900' }],
      period: P,
      codes: ['PRIMARY_CARE_VISIT_SHARE'],
    });
    expect(refusal(res.body)).toEqual([{ code: 'FORBIDDEN', path: ['indicatorValues'] }]);
  });

  test.each([
    ['an ad-hoc query of its own region', '{ region(code: "610921") { name } }'],
    ['the dashboard with one extra space', DASHBOARD_QUERY.replace('indicatorValues', ' indicatorValues')],
  ])('%s → 403 PERSISTED_QUERY_NOT_ALLOWED', async (_name, query) => {
    const res = await ask('app', query);
    expect(res.status).toBe(403);
    expect(refusal(res.body)).toEqual([{ code: 'PERSISTED_QUERY_NOT_ALLOWED', path: undefined }]);
  });
});

describe('the subgraphs answer the gateway only', () => {
  const QUERY = { query: '{ region(code: "610921") { name } }' };
  const direct = async (headers: Record<string, string>): Promise<RawResponse> => {
    const res = await rawRequest(stack.subgraphs.institutions.url.replace(/\/graphql$/, ''), {
      headers,
      body: QUERY,
    });
    bodies.push(res.text);
    return res;
  };
  const national = buildPrincipal(TEST_ACCOUNTS.national.principal);

  test('unsigned → 401 UNAUTHENTICATED', async () => {
    const res = await direct({});
    expect({ status: res.status, codes: errorCodes(res.body), data: res.body?.data }).toEqual({
      status: 401,
      codes: ['UNAUTHENTICATED'],
      data: undefined,
    });
  });

  test('an API key is not a signature → 401', async () => {
    const res = await direct({ authorization: `Bearer ${TEST_ACCOUNTS.national.key}` });
    expect([res.status, ...errorCodes(res.body)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  test('forged (signed with another secret) → 401', async () => {
    const res = await direct(signPrincipal(national, 'f'.repeat(48)));
    expect([res.status, ...errorCodes(res.body)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  test('a valid signature over another principal (tampered x-hag-principal) → 401', async () => {
    const signedCity = signPrincipal(buildPrincipal(TEST_ACCOUNTS.city.principal), DEMO_SUBGRAPH_SECRET);
    const signedNational = signPrincipal(national, DEMO_SUBGRAPH_SECRET);
    const res = await direct({ ...signedCity, 'x-hag-principal': signedNational['x-hag-principal'] });
    expect([res.status, ...errorCodes(res.body)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  test('an app reaching a subgraph with a valid signature still gets no raw aggregates (suppression)', async () => {
    const app = signPrincipal(buildPrincipal(TEST_ACCOUNTS.app.principal), DEMO_SUBGRAPH_SECRET);
    const res = await rawRequest(stack.subgraphs.institutions.url.replace(/\/graphql$/, ''), {
      headers: app,
      body: {
        query: `{ region(code: "610921") { name serviceVolume(period: "${P}") { visits { total } } } }`,
      },
    });
    bodies.push(res.text);
    // Its granted region's registry data resolves; the raw volume (small counts) is refused.
    expect(res.body?.data).toEqual({ region: { name: '汉阴县', serviceVolume: null } });
    expect(errorCodes(res.body)).toEqual(['FORBIDDEN']);
  });

  test('the same query through the gateway works', async () => {
    const res = await ask('national', QUERY.query);
    expect(res.body).toEqual({ data: { region: { name: '汉阴县' } } });
  });
});

describe('audit', () => {
  const lines = (): Array<Record<string, unknown>> =>
    auditLines.map((l) => JSON.parse(l) as Record<string, unknown>);

  test('one line names the principal, the operation, its scopes and patient-adjacent fields', async () => {
    await ask(
      'city',
      `query CountyVolume { region(code: "610921") { serviceVolume(period: "${P}") { visits { total } } } }`,
    );
    const line = lines().find((l) => l.operationName === 'CountyVolume');
    expect(line).toMatchObject({
      event: 'graphql.operation',
      principal: { id: '610900', kind: 'CITY' },
      operationName: 'CountyVolume',
      operationType: 'query',
      rootFields: ['region'],
      scopes: ['610921'],
      patientAdjacentFields: ['serviceVolume'],
      outcome: 'ok',
      errorCodes: [],
    });
  });

  test('a refusal is audited with its code', async () => {
    await ask(
      'city',
      `query ProvinceVolume { region(code: "610000") { serviceVolume(period: "${P}") { visits { total } } } }`,
    );
    expect(lines().find((l) => l.operationName === 'ProvinceVolume')).toMatchObject({
      principal: { id: '610900', kind: 'CITY' },
      scopes: ['610000'],
      // The region resolved; only its service volume was refused.
      outcome: 'partial',
      errorCodes: ['FORBIDDEN'],
    });
  });

  // Scopes given as input objects ({ kind, code }) are audited by their code.
  test('scopes given as input objects (the dashboard) are audited', async () => {
    await ask('app', DASHBOARD_QUERY, {
      scopes: [{ kind: 'REGION', code: '610921' }],
      period: P,
      codes: ['PRIMARY_CARE_VISIT_SHARE'],
    });
    const dashboard = lines().filter((l) => l.operationName === 'Dashboard');
    expect(dashboard[dashboard.length - 1]).toMatchObject({
      principal: { id: 'test-app', kind: 'APP' },
      scopes: ['610921'],
    });
  });

  test('no line holds a key, a token or a secret', () => {
    expect(auditLines.length).toBeGreaterThan(20);
    const text = auditLines.join('\n');
    for (const { key } of Object.values(TEST_ACCOUNTS)) expect(text).not.toContain(key);
    expect(text).not.toMatch(/Bearer|ApiKey|authorization|eyJ/i);
    expect(text).not.toContain(DEMO_SUBGRAPH_SECRET);
    expect(text).not.toContain(DEMO_JWT_SECRET);
  });
});

test('no response of this suite leaks a stack trace, SQL, a connection string, a secret or a patient identifier', () => {
  expect(bodies.length).toBeGreaterThan(40);
  const text = bodies.join('\n');
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(text).not.toMatch(/\bSELECT\b|\bFROM\s+\w+|INSERT INTO|\bER_[A-Z_]+|sqlite|SQLITE_|mysql:\/\//);
  expect(text).not.toContain(DEMO_SUBGRAPH_SECRET);
  for (const id of PATIENT_IDENTIFIERS) {
    expect(text).not.toMatch(new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
  }
});
