import { SignJWT } from 'jose';
import {
  DEMO_JWT_AUDIENCE,
  DEMO_JWT_ISSUER,
  DEMO_JWT_SECRET,
  DEMO_SUBGRAPH_SECRET,
} from '../../security/demo';
import { buildPrincipal } from '../../security/principal';
import { signPrincipal } from '../../security/signing';
import { accessSecurityConfig, TEST_ACCOUNTS } from '../fixtures/access.fixture';
import { buildRegion, ORG, PATIENT_IDENTIFIERS } from '../fixtures/region.fixture';
import { errorCodes, keyHeaders, rawRequest } from '../helpers/callers';
import type { RawRequest } from '../helpers/callers';
import { useStack } from '../helpers/stack';

const stack = useStack(() => buildRegion('sqlite', 'hag_bad'), { security: accessSecurityConfig() });
const NATIONAL = TEST_ACCOUNTS.national.key;

interface Case {
  /** What is sent: a GraphQL operation as the national account, or a raw request. */
  readonly send: () => Promise<RawRequest & { target?: 'gateway' | 'subgraph' }>;
  readonly status: number;
  readonly code: string;
  /** Where the error is reported, when it is a field error. */
  readonly path?: ReadonlyArray<string | number>;
}

const op =
  (query: string, variables?: Record<string, unknown>, key: string | null = NATIONAL) =>
  async () => ({
    headers: keyHeaders(key),
    body: variables === undefined ? { query } : { query, variables },
  });

const SQL = ["' OR 1=1 --", '1; DROP TABLE institution', "\\' UNION SELECT org_code FROM institution --"];
const BIG = 'A'.repeat(10 * 1024);

/** Every string argument, as a variable: the injected value goes through variables, never into the document. */
const STRING_ARGUMENTS: Record<string, { query: string; vars: (s: string) => Record<string, unknown> }> = {
  'region code': {
    query: 'query Q($v: DivisionCode!) { region(code: $v) { name } }',
    vars: (v) => ({ v }),
  },
  'institution orgCode': {
    query: 'query Q($v: OrgCode!) { institution(orgCode: $v) { name } }',
    vars: (v) => ({ v }),
  },
  'alliance id': { query: 'query Q($v: String!) { alliance(id: $v) { name } }', vars: (v) => ({ v }) },
  'indicator code': {
    query: 'query Q($v: String!) { indicator(code: $v) { nameZh } }',
    vars: (v) => ({ v }),
  },
  'codes list item': {
    query:
      'query Q($v: String!) { region(code: "610921") { indicators(period: "2019H1", codes: [$v]) { value } } }',
    vars: (v) => ({ v }),
  },
  period: {
    query:
      'query Q($v: Period!) { region(code: "610921") { serviceVolume(period: $v) { visits { total } } } }',
    vars: (v) => ({ v }),
  },
  'evaluationForm scope code': {
    query:
      'query Q($v: String!) { evaluationForm(form: T3, part: "LEAD", scope: { kind: INSTITUTION, code: $v }, period: "2019") { titleZh } }',
    vars: (v) => ({ v }),
  },
  'evaluationForm part': {
    query: `query Q($v: String!) { evaluationForm(form: T3, part: $v, scope: { kind: INSTITUTION, code: "${ORG.H1}" }, period: "2019") { titleZh } }`,
    vars: (v) => ({ v }),
  },
  'indicatorValues scope code': {
    query:
      'query Q($v: String!) { indicatorValues(scopes: [{ kind: REGION, code: $v }], period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { scopeCode } }',
    vars: (v) => ({ v }),
  },
  'alliances after cursor': {
    query: 'query Q($v: String!) { alliances(first: 1, after: $v) { totalCount } }',
    vars: (v) => ({ v }),
  },
};

/** The code each string argument answers a malformed or unknown value with. */
const EXPECTED_CODE: Record<string, string> = {
  'region code': 'INVALID_DIVISION_CODE',
  'institution orgCode': 'INVALID_ORG_CODE',
  'alliance id': 'UNKNOWN_ALLIANCE',
  'indicator code': 'UNKNOWN_INDICATOR',
  'codes list item': 'UNKNOWN_INDICATOR',
  period: 'INVALID_PERIOD',
  'evaluationForm scope code': 'INVALID_ORG_CODE',
  'evaluationForm part': 'UNKNOWN_FORM',
  'indicatorValues scope code': 'INVALID_DIVISION_CODE',
  'alliances after cursor': 'BAD_USER_INPUT',
};

const cases: Array<[string, Case]> = [];
for (const [arg, { query, vars }] of Object.entries(STRING_ARGUMENTS)) {
  SQL.forEach((s, i) =>
    cases.push([
      `SQL injection ${i + 1} in ${arg}`,
      { send: op(query, vars(s)), status: 200, code: EXPECTED_CODE[arg] },
    ]),
  );
  cases.push([
    `10 kB string in ${arg}`,
    { send: op(query, vars(BIG)), status: 200, code: EXPECTED_CODE[arg] },
  ]);
}

const R = (period: string) =>
  `{ region(code: "610921") { serviceVolume(period: "${period}") { visits { total } } } }`;
const RV =
  'query Q($p: Period!) { region(code: "610921") { serviceVolume(period: $p) { visits { total } } } }';

/** A selection nested `depth` levels deep (institution → alliances → lead → alliances → …). */
function deepQuery(depth: number): string {
  let inner = 'name';
  for (let level = 2; level < depth; level++)
    inner = level % 2 === 0 ? `lead { ${inner} }` : `alliances(period: "2019") { ${inner} }`;
  return `{ institution(orgCode: "${ORG.H1}") { ${inner} } }`;
}

const hs256 = (claims: Record<string, unknown>, secret: string, exp: number) =>
  new SignJWT({ hag_kind: 'NATIONAL', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('national')
    .setIssuer(DEMO_JWT_ISSUER)
    .setAudience(DEMO_JWT_AUDIENCE)
    .setIssuedAt(exp - 3600)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
const now = () => Math.floor(Date.now() / 1000);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const withAuth = (authorization: string) => async () => ({
  headers: { authorization },
  body: { query: '{ region(code: "610921") { name } }' },
});
const SIMPLE = { query: '{ region(code: "610921") { name } }' };

cases.push(
  // periods
  ['period 2019Q5', { send: op(R('2019Q5')), status: 200, code: 'INVALID_PERIOD' }],
  ['period 2019-13', { send: op(R('2019-13')), status: 200, code: 'INVALID_PERIOD' }],
  ['period 19', { send: op(R('19')), status: 200, code: 'INVALID_PERIOD' }],
  ['period empty', { send: op(R('')), status: 200, code: 'INVALID_PERIOD' }],
  ['period 2019H3', { send: op(R('2019H3')), status: 200, code: 'INVALID_PERIOD' }],
  ['period very long', { send: op(R('2019'.repeat(500))), status: 200, code: 'INVALID_PERIOD' }],
  ['period 2019Q5 as a variable', { send: op(RV, { p: '2019Q5' }), status: 200, code: 'INVALID_PERIOD' }],
  ['period as a number variable', { send: op(RV, { p: 2019 }), status: 200, code: 'INVALID_PERIOD' }],
  ['future period 2099', { send: op(R('2099')), status: 200, code: 'PERIOD_IN_FUTURE' }],
  ['future month 2099-01', { send: op(RV, { p: '2099-01' }), status: 200, code: 'PERIOD_IN_FUTURE' }],
  // divisions, institutions, alliances, indicators
  [
    'unknown division 619999',
    {
      send: op('{ region(code: "619999") { name } }'),
      status: 200,
      code: 'UNKNOWN_DIVISION',
      path: ['region'],
    },
  ],
  [
    'division of 5 digits',
    { send: op('{ region(code: "61092") { name } }'), status: 200, code: 'INVALID_DIVISION_CODE' },
  ],
  [
    'division with letters',
    { send: op('{ region(code: "61O921") { name } }'), status: 200, code: 'INVALID_DIVISION_CODE' },
  ],
  [
    'division as a number',
    { send: op('{ region(code: 610921) { name } }'), status: 200, code: 'INVALID_DIVISION_CODE' },
  ],
  [
    'institutions of a malformed division',
    {
      send: op('{ institutions(divisionCode: "6109") { totalCount } }'),
      status: 200,
      code: 'INVALID_DIVISION_CODE',
    },
  ],
  [
    'org code too short',
    { send: op('{ institution(orgCode: "12610900MB123") { name } }'), status: 200, code: 'INVALID_ORG_CODE' },
  ],
  [
    'org code with a forbidden letter I',
    {
      send: op('{ institution(orgCode: "12610900MB123456IX") { name } }'),
      status: 200,
      code: 'INVALID_ORG_CODE',
    },
  ],
  [
    'unknown institution',
    {
      send: op('{ institution(orgCode: "12610900MB7654321X") { name } }'),
      status: 200,
      code: 'UNKNOWN_INSTITUTION',
      path: ['institution'],
    },
  ],
  [
    'unknown alliance',
    {
      send: op('{ alliance(id: "JT999") { name } }'),
      status: 200,
      code: 'UNKNOWN_ALLIANCE',
      path: ['alliance'],
    },
  ],
  [
    'unknown indicator',
    {
      send: op('{ indicator(code: "NO_SUCH_INDICATOR") { nameZh } }'),
      status: 200,
      code: 'UNKNOWN_INDICATOR',
      path: ['indicator'],
    },
  ],
  [
    'unknown indicator in codes',
    {
      send: op('{ region(code: "610921") { indicators(period: "2019H1", codes: ["NO_SUCH"]) { value } } }'),
      status: 200,
      code: 'UNKNOWN_INDICATOR',
      path: ['region', 'indicators'],
    },
  ],
  [
    'indicator not applicable to an institution',
    {
      send: op(
        `{ institution(orgCode: "${ORG.H1}") { indicators(period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value } } }`,
      ),
      status: 200,
      code: 'INDICATOR_NOT_APPLICABLE',
      path: ['institution', 'indicators'],
    },
  ],
  [
    'empty codes list',
    {
      send: op('{ region(code: "610921") { indicators(period: "2019H1", codes: []) { value } } }'),
      status: 200,
      code: 'EMPTY_CODE_LIST',
      path: ['region', 'indicators'],
    },
  ],
  [
    '10 000 codes',
    {
      send: op(
        'query Q($c: [String!]) { region(code: "610921") { indicators(period: "2019H1", codes: $c) { value } } }',
        { c: Array.from({ length: 10_000 }, (_, i) => `C${i}`) },
      ),
      status: 200,
      code: 'BAD_USER_INPUT',
      path: ['region', 'indicators'],
    },
  ],
  [
    '1 000 scopes',
    {
      send: op(
        'query Q($s: [EvaluationScopeInput!]!) { indicatorValues(scopes: $s, period: "2019H1", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { scopeCode } }',
        { s: Array.from({ length: 1000 }, () => ({ kind: 'REGION', code: '610921' })) },
      ),
      status: 200,
      code: 'BAD_USER_INPUT',
      path: ['indicatorValues'],
    },
  ],
  [
    'page size 100 000',
    { send: op('{ institutions(first: 100000) { totalCount } }'), status: 400, code: 'QUERY_TOO_COSTLY' },
  ],
  [
    'page size 501',
    {
      send: op('{ institutions(first: 501) { totalCount } }'),
      status: 200,
      code: 'BAD_USER_INPUT',
      path: ['institutions'],
    },
  ],
  [
    'negative page size',
    {
      send: op('{ institutions(first: -1) { totalCount } }'),
      status: 200,
      code: 'BAD_USER_INPUT',
      path: ['institutions'],
    },
  ],
  [
    'form not applicable (表1 of a county)',
    {
      send: op(
        '{ evaluationForm(form: T1, scope: { kind: REGION, code: "610921" }, period: "2019") { titleZh } }',
      ),
      status: 200,
      code: 'FORM_NOT_APPLICABLE',
      path: ['evaluationForm'],
    },
  ],
  [
    'unknown form code',
    {
      send: op(
        '{ evaluationForm(form: T9, scope: { kind: REGION, code: "610921" }, period: "2019") { titleZh } }',
      ),
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
  ],
  // injection in document literals rather than variables
  [
    'SQL injection in a literal alliance id',
    {
      send: op(`{ alliance(id: ${JSON.stringify(SQL[0])}) { name } }`),
      status: 200,
      code: 'UNKNOWN_ALLIANCE',
      path: ['alliance'],
    },
  ],
  [
    'SQL injection in a literal codes item',
    {
      send: op(
        `{ region(code: "610921") { indicators(period: "2019", codes: [${JSON.stringify(SQL[1])}]) { value } } }`,
      ),
      status: 200,
      code: 'UNKNOWN_INDICATOR',
      path: ['region', 'indicators'],
    },
  ],
  [
    'SQL injection in a literal region code',
    {
      send: op(`{ region(code: ${JSON.stringify(SQL[2])}) { name } }`),
      status: 200,
      code: 'INVALID_DIVISION_CODE',
    },
  ],
  // query shape
  ['depth 16 (> 15)', { send: op(deepQuery(16)), status: 400, code: 'QUERY_TOO_DEEP' }],
  [
    '31 aliases',
    {
      send: op(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: indicatorCatalog { code }`).join(' ')} }`),
      status: 400,
      code: 'TOO_MANY_ALIASES',
    },
  ],
  [
    'a very costly query',
    {
      send: op(
        '{ institutions(first: 500) { edges { node { region { institutions(first: 500) { edges { node { name } } } } } } } }',
      ),
      status: 400,
      code: 'QUERY_TOO_COSTLY',
    },
  ],
  [
    'more than 5000 tokens',
    { send: op(`{ indicatorCatalog { ${'code '.repeat(5001)} } }`), status: 400, code: 'TOO_MANY_TOKENS' },
  ],
  [
    'unknown field',
    {
      send: op('{ region(code: "610921") { name password } }'),
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
  ],
  [
    'unknown argument',
    {
      send: op('{ region(code: "610921", where: "1=1") { name } }'),
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
  ],
  [
    'syntax error',
    { send: op('{ region(code: "610921") { name '), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  ],
  [
    'wrong variable type (object for a String)',
    {
      send: op('query Q($v: String!) { alliance(id: $v) { name } }', { v: { $ne: 1 } }),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
  ],
  [
    'missing required variable',
    {
      send: op('query Q($v: String!) { alliance(id: $v) { name } }', {}),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
  ],
  [
    'wrong variable type (string for an enum list)',
    {
      send: op(
        'query Q($f: EvaluationFormCode!) { evaluationForm(form: $f, scope: { kind: REGION, code: "610900" }, period: "2019") { titleZh } }',
        { f: 'DROP' },
      ),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
  ],
  [
    'query not a string',
    {
      send: async () => ({ headers: keyHeaders(NATIONAL), body: { query: 42 } }),
      status: 400,
      code: 'BAD_REQUEST',
    },
  ],
  [
    'no query',
    { send: async () => ({ headers: keyHeaders(NATIONAL), body: {} }), status: 400, code: 'BAD_REQUEST' },
  ],
  // HTTP
  [
    'batched array body',
    {
      send: async () => ({ headers: keyHeaders(NATIONAL), body: [SIMPLE, SIMPLE] }),
      status: 400,
      code: 'BATCH_NOT_ALLOWED',
    },
  ],
  [
    'batch of 1 000',
    {
      send: async () => ({ headers: keyHeaders(NATIONAL), body: Array.from({ length: 1000 }, () => SIMPLE) }),
      status: 400,
      code: 'BATCH_NOT_ALLOWED',
    },
  ],
  [
    'invalid JSON',
    {
      send: async () => ({
        headers: keyHeaders(NATIONAL),
        body: '{"query": "{ region(code: \\"610921\\") { name } }"',
      }),
      status: 400,
      code: 'BAD_REQUEST',
    },
  ],
  [
    'JSON string body',
    {
      send: async () => ({ headers: keyHeaders(NATIONAL), body: '"{ region }"' }),
      status: 400,
      code: 'BAD_REQUEST',
    },
  ],
  [
    'content type text/plain',
    {
      send: async () => ({
        headers: keyHeaders(NATIONAL),
        contentType: 'text/plain',
        body: JSON.stringify(SIMPLE),
      }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ],
  [
    'content type form-urlencoded',
    {
      send: async () => ({
        headers: keyHeaders(NATIONAL),
        contentType: 'application/x-www-form-urlencoded',
        body: 'query=%7B%7D',
      }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ],
  [
    'content type multipart',
    {
      send: async () => ({
        headers: keyHeaders(NATIONAL),
        contentType: 'multipart/form-data; boundary=x',
        body: '--x--',
      }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ],
  [
    'no content type',
    {
      send: async () => ({ headers: keyHeaders(NATIONAL), contentType: null, body: JSON.stringify(SIMPLE) }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ],
  [
    'unknown charset',
    {
      send: async () => ({
        headers: keyHeaders(NATIONAL),
        contentType: 'application/json; charset=ebcdic',
        body: JSON.stringify(SIMPLE),
      }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
  ],
  [
    'body over 100 kB',
    {
      send: async () => ({
        headers: keyHeaders(NATIONAL),
        body: { query: '{ indicatorCatalog { code } }', variables: { pad: 'x'.repeat(110 * 1024) } },
      }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
  ],
  [
    'method PUT',
    {
      send: async () => ({ method: 'PUT', headers: keyHeaders(NATIONAL), body: SIMPLE }),
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
    },
  ],
  // credentials
  [
    'expired JWT',
    {
      send: async () => withAuth(`Bearer ${await hs256({}, DEMO_JWT_SECRET, now() - 3600)}`)(),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
  [
    'JWT signed with the wrong secret',
    {
      send: async () => withAuth(`Bearer ${await hs256({}, 'x'.repeat(48), now() + 3600)}`)(),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
  [
    'JWT signed with the subgraph secret',
    {
      send: async () => withAuth(`Bearer ${await hs256({}, DEMO_SUBGRAPH_SECRET, now() + 3600)}`)(),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
  [
    'alg none JWT',
    {
      send: withAuth(
        `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'national', hag_kind: 'NATIONAL', iss: DEMO_JWT_ISSUER, aud: DEMO_JWT_AUDIENCE, exp: now() + 3600 })}.`,
      ),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
  [
    'JWT with a forged kind claim',
    {
      send: async () =>
        withAuth(`Bearer ${await hs256({ hag_kind: 'ROOT' }, DEMO_JWT_SECRET, now() + 3600)}`)(),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
  ['garbage bearer', { send: withAuth('Bearer !!!garbage!!!'), status: 401, code: 'UNAUTHENTICATED' }],
  ['unknown API key', { send: withAuth('Bearer hag_not_a_key'), status: 401, code: 'UNAUTHENTICATED' }],
  [
    'unknown API key (ApiKey scheme)',
    { send: withAuth('ApiKey not_a_key'), status: 401, code: 'UNAUTHENTICATED' },
  ],
  [
    'Basic authorization',
    { send: withAuth('Basic bmF0aW9uYWw6cGFzc3dvcmQ='), status: 401, code: 'UNAUTHENTICATED' },
  ],
  ['Bearer without a token', { send: withAuth('Bearer'), status: 401, code: 'UNAUTHENTICATED' }],
  [
    'Authorization header of 10 kB',
    { send: withAuth(`Bearer hag_${BIG}`), status: 401, code: 'UNAUTHENTICATED' },
  ],
  // the subgraphs are not a public API
  [
    'unsigned call to a subgraph',
    {
      send: async () => ({ target: 'subgraph' as const, path: '/graphql', body: SIMPLE }),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
  [
    'subgraph call signed with the wrong secret',
    {
      send: async () => ({
        target: 'subgraph' as const,
        path: '/graphql',
        headers: signPrincipal(buildPrincipal({ id: 'national', kind: 'NATIONAL' }), 'y'.repeat(48)),
        body: SIMPLE,
      }),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
  [
    'subgraph call with a stale signature',
    {
      send: async () => ({
        target: 'subgraph' as const,
        path: '/graphql',
        headers: signPrincipal(
          buildPrincipal({ id: 'national', kind: 'NATIONAL' }),
          DEMO_SUBGRAPH_SECRET,
          Date.now() - 3_600_000,
        ),
        body: SIMPLE,
      }),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ],
);

/** The value at an error path in `data` (null when an enclosing field is null). */
function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = data;
  for (const step of path) {
    if (current === null || current === undefined) return null;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current ?? null;
}

/** Every response body of the suite, for the leak checks at the end. */
const bodies: Array<{ name: string; text: string }> = [];

describe('bad input through the gateway over HTTP', () => {
  test.each(cases)('%s', async (name, c) => {
    const { target, ...req } = await c.send();
    const base =
      target === 'subgraph' ? stack.subgraphs.institutions.url.replace(/\/graphql$/, '') : stack.gateway.url;
    const res = await rawRequest(base, req);
    bodies.push({ name, text: res.text });
    expect({ status: res.status, codes: errorCodes(res.body) }).toEqual({
      status: c.status,
      codes: [c.code],
    });
    if (c.path) expect(res.body?.errors?.[0].path).toEqual(c.path);
    // A refusal never carries data: the field the error names is null (or the whole answer is).
    expect(valueAt(res.body?.data ?? null, res.body?.errors?.[0].path ?? [])).toBeNull();
  });

  test('afterwards the gateway still answers a normal query exactly (汉阴县 2019H1, region.fixture)', async () => {
    const res = await rawRequest(stack.gateway.url, {
      headers: keyHeaders(NATIONAL),
      body: {
        query:
          'query Normal($p: Period!) { region(code: "610921") { name serviceVolume(period: $p) { visits { total } } indicators(period: $p, codes: ["PRIMARY_CARE_VISIT_SHARE"]) { value numerator denominator } } }',
        variables: { p: '2019H1' },
      },
    });
    bodies.push({ name: 'normal query', text: res.text });
    expect(res.status).toBe(200);
    // visits.fixture: 汉阴县 total 8, primary care 5 → 62.5 %
    expect(res.body).toEqual({
      data: {
        region: {
          name: '汉阴县',
          serviceVolume: { visits: { total: 8 } },
          indicators: [{ value: 62.5, numerator: 5, denominator: 8 }],
        },
      },
    });
  });

  // graphql-js's coercion message quotes a rejected variable whole ('Variable "$v" got invalid
  // value "AAAA…"'); formatError clips every message to 300 characters.
  test('a 10 kB argument is never echoed whole', () => {
    const echoing = bodies
      .filter((b) => b.name.startsWith('10 kB') && b.text.includes(BIG))
      .map((b) => b.name);
    expect(echoing).toEqual([]);
  });

  test('no response of the suite leaks a stack trace, SQL, a connection string, a secret or a patient identifier', () => {
    expect(bodies.length).toBe(cases.length + 1);
    // Injected strings come back in "unknown …" messages: that is the caller's own text, not ours.
    // (the scalars quote at most 40 characters of it).
    const sent = [...SQL, ...SQL.map((q) => q.slice(0, 40))];
    const echoed = [...sent, ...sent.map((q) => JSON.stringify(q).slice(1, -1))].sort(
      (a, b) => b.length - a.length,
    );
    const leaks = bodies.flatMap(({ name, text }) => {
      let scrubbed = text;
      for (const e of echoed) scrubbed = scrubbed.split(e).join('<input>');
      return [...leakChecks(scrubbed)].map((what) => `${name}: ${what}`);
    });
    expect(leaks).toEqual([]);
  });
});

/** What a response must never contain. */
function* leakChecks(text: string): Generator<string> {
  if (/\bat .+\.(ts|js):\d+/.test(text)) yield 'stack trace';
  if (/\bSELECT\b|\bFROM\s+\w+|INSERT INTO|\bER_[A-Z_]+/.test(text) || /sqlite|SQLITE_/i.test(text))
    yield 'SQL text';
  if (/mysql:\/\/|sqlite:/i.test(text)) yield 'connection string';
  if (text.includes(DEMO_SUBGRAPH_SECRET)) yield 'subgraph secret';
  if (text.includes(DEMO_JWT_SECRET)) yield 'JWT secret';
  for (const id of PATIENT_IDENTIFIERS) {
    if (new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text))
      yield `patient identifier ${id}`;
  }
}
