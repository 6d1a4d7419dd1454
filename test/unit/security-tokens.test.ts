import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWTPayload } from 'jose';
import { buildAnkangRegion } from '../../adapters/demo/ankang';
import { parseSecurityConfig, SecurityConfigError } from '../../security/config';
import type { SecurityConfig } from '../../security/config';
import {
  DEMO_ACCOUNTS,
  DEMO_CENTRAL_HOSPITAL_ORG_CODE,
  demoCredentialsHelp,
  demoJwt,
  demoSecurityConfig,
} from '../../security/demo';
import { ANONYMOUS_PRINCIPAL, buildPrincipal, principalProblems } from '../../security/principal';
import type { PrincipalInput } from '../../security/principal';
import { apiKeySha256, authenticate } from '../../security/tokens';

const SUBGRAPH_SECRET = 'subgraph-secret-of-at-least-32-bytes!!';
const HS_SECRET = 'hs256-secret-of-at-least-thirty-two-bytes';
const NOW = new Date('2020-03-01T08:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

let rsa: { publicKey: CryptoKey; privateKey: CryptoKey };
let otherRsa: { publicKey: CryptoKey; privateKey: CryptoKey };
let rsConfig: SecurityConfig;
let jwksConfig: SecurityConfig;
let hsConfig: SecurityConfig;
let publicPem: string;

const CITY_CLAIMS = { sub: '610900', hag_kind: 'CITY' };

function token(
  claims: JWTPayload,
  key: CryptoKey | Uint8Array,
  alg = 'RS256',
  times: { iat?: number; exp?: number | null; nbf?: number } = {},
  registered: { iss?: string; aud?: string; kid?: string } = {},
): Promise<string> {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, ...(registered.kid ? { kid: registered.kid } : {}) })
    .setIssuer(registered.iss ?? 'https://idp.example')
    .setAudience(registered.aud ?? 'hag')
    .setIssuedAt(times.iat ?? T - 60);
  if (times.exp !== null) jwt = jwt.setExpirationTime(times.exp ?? T + 600);
  if (times.nbf !== undefined) jwt = jwt.setNotBefore(times.nbf);
  return jwt.sign(key);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function failure(p: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { code: e.extensions.code, message: e.message };
  }
  throw new Error('expected a failure');
}

const unauthenticated = (message: string) => ({ code: 'UNAUTHENTICATED', message });

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  otherRsa = await generateKeyPair('RS256', { extractable: true });
  publicPem = await exportSPKI(rsa.publicKey);
  const jwt = { issuer: 'https://idp.example', audience: 'hag' };
  const apiKeys = [
    { keySha256: apiKeySha256('hag_test_city'), principal: { id: '610900', kind: 'CITY' } },
    {
      keySha256: apiKeySha256('hag_test_app'),
      principal: { id: 'app-1', kind: 'APP', grants: [{ kind: 'REGION', code: '610902' }] },
    },
  ];
  rsConfig = parseSecurityConfig({
    jwt: { algorithms: ['RS256'], publicKeyPem: publicPem, ...jwt },
    apiKeys,
    subgraphSecret: SUBGRAPH_SECRET,
  });
  const dir = mkdtempSync(join(tmpdir(), 'hag-jwks-'));
  writeFileSync(
    join(dir, 'jwks.json'),
    JSON.stringify({ keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] }),
  );
  jwksConfig = parseSecurityConfig(
    { jwt: { algorithms: ['RS256'], jwksFile: 'jwks.json', ...jwt }, subgraphSecret: SUBGRAPH_SECRET },
    { baseDir: dir, env: {} },
  );
  hsConfig = parseSecurityConfig({
    jwt: { algorithms: ['HS256'], secret: HS_SECRET, ...jwt },
    subgraphSecret: SUBGRAPH_SECRET,
    anonymous: false,
  });
});

describe('JWT bearer tokens', () => {
  test('a valid RS256 token gives the principal of its claims', async () => {
    const jwt = await token(CITY_CLAIMS, rsa.privateKey);
    expect(await authenticate(`Bearer ${jwt}`, rsConfig, NOW)).toEqual({
      id: '610900',
      kind: 'CITY',
      division: '610900',
      orgCode: null,
      grants: [],
      roles: ['catalog:read', 'registry:read', 'indicators:read', 'forms:read'],
      suppressSmallCounts: false,
    });
  });

  test('every claim: app grants and roles, institution org code, alliance division', async () => {
    const app = await token(
      {
        sub: 'app-7',
        hag_kind: 'APP',
        hag_grants: [{ kind: 'INSTITUTION', code: '1261090216141035WD' }],
        hag_roles: ['indicators:read'],
      },
      rsa.privateKey,
    );
    expect(await authenticate(`bearer ${app}`, rsConfig, NOW)).toEqual({
      id: 'app-7',
      kind: 'APP',
      division: null,
      orgCode: null,
      grants: [{ kind: 'INSTITUTION', code: '1261090216141035WD' }],
      roles: ['indicators:read'],
      suppressSmallCounts: true,
    });
    const inst = await token(
      { sub: '1261090216141035WD', hag_kind: 'INSTITUTION', hag_org: '1261090216141035WD' },
      rsa.privateKey,
    );
    expect(await authenticate(`Bearer ${inst}`, rsConfig, NOW)).toMatchObject({
      kind: 'INSTITUTION',
      orgCode: '1261090216141035WD',
      division: null,
    });
    const alliance = await token(
      { sub: '6109002', hag_kind: 'COUNTY_ALLIANCE', hag_division: '610900' },
      rsa.privateKey,
    );
    expect(await authenticate(`Bearer ${alliance}`, rsConfig, NOW)).toMatchObject({
      kind: 'COUNTY_ALLIANCE',
      division: '610900',
    });
  });

  test('a token verified against a local JWKS file', async () => {
    const jwt = await token(CITY_CLAIMS, rsa.privateKey, 'RS256', {}, { kid: 'k1' });
    expect(await authenticate(`Bearer ${jwt}`, jwksConfig, NOW)).toMatchObject({ id: '610900' });
    const stranger = await token(CITY_CLAIMS, otherRsa.privateKey, 'RS256', {}, { kid: 'k1' });
    expect(await failure(authenticate(`Bearer ${stranger}`, jwksConfig, NOW))).toEqual(
      unauthenticated('token signature invalid (令牌签名无效)'),
    );
  });

  test('HS256 for the demo', async () => {
    const jwt = await token(CITY_CLAIMS, new TextEncoder().encode(HS_SECRET), 'HS256');
    expect(await authenticate(`Bearer ${jwt}`, hsConfig, NOW)).toMatchObject({ id: '610900', kind: 'CITY' });
  });

  test.each([
    ['expired', { exp: T - 31 }, {}, 'token expired (令牌已过期)'],
    ['not yet valid', { nbf: T + 31 }, {}, 'token claim "nbf" rejected (令牌声明无效)'],
    ['without exp', { exp: null }, {}, 'token claim "exp" rejected (令牌声明无效)'],
    ['wrong issuer', {}, { iss: 'https://evil.example' }, 'token claim "iss" rejected (令牌声明无效)'],
    ['wrong audience', {}, { aud: 'other' }, 'token claim "aud" rejected (令牌声明无效)'],
  ] as const)('%s → UNAUTHENTICATED', async (_name, times, registered, message) => {
    const jwt = await token(CITY_CLAIMS, rsa.privateKey, 'RS256', times, registered);
    expect(await failure(authenticate(`Bearer ${jwt}`, rsConfig, NOW))).toEqual(unauthenticated(message));
  });

  test('the clock tolerance (30 s) is honoured', async () => {
    const jwt = await token(CITY_CLAIMS, rsa.privateKey, 'RS256', { exp: T - 29 });
    expect(await authenticate(`Bearer ${jwt}`, rsConfig, NOW)).toMatchObject({ id: '610900' });
  });

  test('alg none, HS256 where RS256 is configured, and algorithm confusion are refused', async () => {
    const payload = { ...CITY_CLAIMS, iss: 'https://idp.example', aud: 'hag', exp: T + 600 };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
    const notAllowed = unauthenticated('token algorithm not allowed (令牌算法不被允许)');
    expect(await failure(authenticate(`Bearer ${none}`, rsConfig, NOW))).toEqual(notAllowed);
    const hs = await token(CITY_CLAIMS, new TextEncoder().encode(HS_SECRET), 'HS256');
    expect(await failure(authenticate(`Bearer ${hs}`, rsConfig, NOW))).toEqual(notAllowed);
    // The classic confusion attack: HMAC keyed with the server's public key.
    const confused = await token(CITY_CLAIMS, new TextEncoder().encode(publicPem), 'HS256');
    expect(await failure(authenticate(`Bearer ${confused}`, rsConfig, NOW))).toEqual(notAllowed);
    const rs = await token(CITY_CLAIMS, rsa.privateKey);
    expect(await failure(authenticate(`Bearer ${rs}`, hsConfig, NOW))).toEqual(notAllowed);
  });

  test('forged signatures and tampered payloads are refused', async () => {
    const forged = await token(CITY_CLAIMS, otherRsa.privateKey);
    const invalid = unauthenticated('token signature invalid (令牌签名无效)');
    expect(await failure(authenticate(`Bearer ${forged}`, rsConfig, NOW))).toEqual(invalid);
    const [h, , s] = (await token(CITY_CLAIMS, rsa.privateKey)).split('.');
    const escalated = `${h}.${b64({ sub: 'national', hag_kind: 'NATIONAL', iss: 'https://idp.example', aud: 'hag', exp: T + 600 })}.${s}`;
    expect(await failure(authenticate(`Bearer ${escalated}`, rsConfig, NOW))).toEqual(invalid);
  });

  test.each([
    ['Bearer abc.def.ghi', 'malformed token (令牌格式错误)'],
    ['Bearer not-a-jwt', 'malformed token (令牌格式错误)'],
    ['Bearer ', 'unsupported Authorization header: use "Bearer <token>" or "ApiKey <key>"'],
    ['Basic dXNlcjpwYXNz', 'unsupported Authorization header: use "Bearer <token>" or "ApiKey <key>"'],
    ['Bearer a b', 'unsupported Authorization header: use "Bearer <token>" or "ApiKey <key>"'],
    [`Bearer ${'a'.repeat(9000)}`, 'Authorization header too long'],
  ])('garbage %#', async (header, message) => {
    expect(await failure(authenticate(header.slice(0, 9000), rsConfig, NOW))).toEqual(
      unauthenticated(message),
    );
  });

  test.each([
    [
      { sub: '610001', hag_kind: 'PROVINCE' },
      'token account invalid: id "610001": PROVINCE account ids are its province code, 6 digits ending 0000',
    ],
    [
      { sub: '610900', hag_kind: 'ROOT' },
      'token claims invalid: hag_kind: one of NATIONAL, PROVINCE, CITY, URBAN_ALLIANCE, COUNTY_ALLIANCE, INSTITUTION, APP',
    ],
    [
      { sub: '610900', hag_kind: 'ANONYMOUS' },
      'token claims invalid: hag_kind: one of NATIONAL, PROVINCE, CITY, URBAN_ALLIANCE, COUNTY_ALLIANCE, INSTITUTION, APP',
    ],
    [
      { sub: '610900', hag_kind: 'CITY', hag_division: '610000' },
      'token account invalid: division 610000 does not match account 610900 (expected 610900)',
    ],
    [
      { sub: '610900', hag_kind: 'CITY', hag_roles: 'all' },
      'token claims invalid: hag_roles: a list of strings',
    ],
    [{ hag_kind: 'CITY' }, 'token claim "sub" rejected (令牌声明无效)'],
  ])('malformed claims %#', async (claims, message) => {
    const jwt = await token(claims, rsa.privateKey);
    expect(await failure(authenticate(`Bearer ${jwt}`, rsConfig, NOW))).toEqual(unauthenticated(message));
  });
});

describe('API keys and the anonymous caller', () => {
  test('a known key, as Bearer hag_… or ApiKey …', async () => {
    const city = { id: '610900', kind: 'CITY', division: '610900' };
    expect(await authenticate('Bearer hag_test_city', rsConfig)).toMatchObject(city);
    expect(await authenticate('ApiKey hag_test_city', rsConfig)).toMatchObject(city);
    expect(await authenticate('apikey hag_test_app', rsConfig)).toEqual({
      id: 'app-1',
      kind: 'APP',
      division: null,
      orgCode: null,
      grants: [{ kind: 'REGION', code: '610902' }],
      roles: ['catalog:read', 'registry:read'],
      suppressSmallCounts: true,
    });
  });

  test('an unknown key', async () => {
    const unknown = unauthenticated('unknown API key (API 密钥无效)');
    expect(await failure(authenticate('Bearer hag_test_cit', rsConfig))).toEqual(unknown);
    expect(await failure(authenticate('ApiKey hag_test_city2', rsConfig))).toEqual(unknown);
    expect(await failure(authenticate('ApiKey 610900', rsConfig))).toEqual(unknown);
  });

  test('no header: anonymous, unless the configuration requires credentials', async () => {
    expect(await authenticate(undefined, rsConfig)).toBe(ANONYMOUS_PRINCIPAL);
    expect(await authenticate('  ', rsConfig)).toBe(ANONYMOUS_PRINCIPAL);
    expect(ANONYMOUS_PRINCIPAL).toEqual({
      id: 'anonymous',
      kind: 'ANONYMOUS',
      division: null,
      orgCode: null,
      grants: [],
      roles: ['catalog:read', 'registry:read'],
      suppressSmallCounts: false,
    });
    expect(await failure(authenticate(undefined, hsConfig))).toEqual(
      unauthenticated('credentials required (需要身份认证)'),
    );
  });
});

describe('account scheme (seed 004 第三部分)', () => {
  test.each<[PrincipalInput, string[]]>([
    [{ id: '610000', kind: 'PROVINCE' }, []],
    [{ id: '370000', kind: 'PROVINCE' }, []],
    [
      { id: '610900', kind: 'PROVINCE' },
      ['id "610900": PROVINCE account ids are its province code, 6 digits ending 0000'],
    ],
    [
      { id: '000000', kind: 'PROVINCE' },
      ['id "000000": PROVINCE account ids are its province code, 6 digits ending 0000'],
    ],
    [{ id: '610900', kind: 'CITY' }, []],
    [{ id: '610000', kind: 'CITY' }, ['id "610000": CITY account ids are its city code, 6 digits ending 00']],
    [{ id: '610902', kind: 'CITY' }, ['id "610902": CITY account ids are its city code, 6 digits ending 00']],
    [{ id: '6109001', kind: 'URBAN_ALLIANCE' }, []],
    [
      { id: '6109002', kind: 'URBAN_ALLIANCE' },
      ['id "6109002": URBAN_ALLIANCE account ids are its city code + "1" (7 digits, e.g. 6109001)'],
    ],
    [
      { id: '6100001', kind: 'URBAN_ALLIANCE' },
      ['id "6100001": URBAN_ALLIANCE account ids are its city code + "1" (7 digits, e.g. 6109001)'],
    ],
    [{ id: '6109002', kind: 'COUNTY_ALLIANCE' }, []],
    [
      { id: '61090021', kind: 'COUNTY_ALLIANCE' },
      ['id "61090021": COUNTY_ALLIANCE account ids are its city code + "2" (7 digits, e.g. 6109002)'],
    ],
    [{ id: '1261090216141035WD', kind: 'INSTITUTION' }, []],
    [
      { id: '1261090216141035wd', kind: 'INSTITUTION' },
      ['id "1261090216141035wd": INSTITUTION account ids are its 18-character org code'],
    ],
    [
      { id: '12610902161410', kind: 'INSTITUTION' },
      ['id "12610902161410": INSTITUTION account ids are its 18-character org code'],
    ],
    [{ id: 'app-1', kind: 'APP' }, ['an APP account needs at least one grant']],
    [
      {
        id: 'app-1',
        kind: 'APP',
        grants: [
          { kind: 'REGION', code: '6109' },
          { kind: 'INSTITUTION', code: 'x' },
        ],
      },
      [
        'grants[0]: a REGION grant needs a 6-digit division code',
        'grants[1]: an INSTITUTION grant needs an 18-character org code',
      ],
    ],
    [
      { id: '610900', kind: 'CITY', grants: [{ kind: 'REGION', code: '610000' }] },
      ['a CITY account takes no grants'],
    ],
    [
      { id: '610900', kind: 'CITY', roles: ['admin'] },
      ['roles[0] "admin": a role looks like "indicators:read"'],
    ],
    [
      { id: '610900', kind: 'CITY', orgCode: '1261090216141035WD' },
      ['orgCode 1261090216141035WD does not match account 610900 (expected none)'],
    ],
  ])('%j → %j', (input, problems) => {
    expect(principalProblems(input)).toEqual(problems);
  });

  test('alliance accounts take the city as their division', () => {
    expect(buildPrincipal({ id: '6109001', kind: 'URBAN_ALLIANCE' }).division).toBe('610900');
  });
});

describe('security configuration', () => {
  test('defaults, ${ENV} interpolation, hashes stored lower-case', () => {
    const config = parseSecurityConfig(
      {
        jwt: { algorithms: ['HS256'], secret: '${JWT_SECRET}', issuer: 'i', audience: 'a' },
        apiKeys: [
          { keySha256: apiKeySha256('hag_x').toUpperCase(), principal: { id: '610000', kind: 'PROVINCE' } },
        ],
        subgraphSecret: '${SUB_SECRET}',
        persistedOperations: 'ops.json',
      },
      { baseDir: '/etc/hag', env: { JWT_SECRET: HS_SECRET, SUB_SECRET: SUBGRAPH_SECRET } },
    );
    expect({ ...config, apiKeys: config.apiKeys.map((k) => k.keySha256) }).toEqual({
      jwt: { algorithm: 'HS256', secret: HS_SECRET, issuer: 'i', audience: 'a', clockToleranceSec: 30 },
      apiKeys: [apiKeySha256('hag_x')],
      subgraphSecret: SUBGRAPH_SECRET,
      smallCountThreshold: 5,
      introspection: false,
      rateLimit: { perMinute: 600, burst: 60 },
      persistedOperations: '/etc/hag/ops.json',
      anonymous: true,
    });
  });

  function problems(raw: unknown): string[] {
    try {
      parseSecurityConfig(raw, { baseDir: '/nonexistent', env: {} });
    } catch (e) {
      if (e instanceof SecurityConfigError) return e.problems;
      throw e;
    }
    return [];
  }

  test('shape problems are listed at once', () => {
    expect(problems({ jwt: { algorithms: ['none'] }, apiKeys: [{ keySha256: 'abc' }], extra: 1 })).toEqual([
      "jwt.algorithms.0: Invalid enum value. Expected 'RS256' | 'HS256', received 'none'",
      'jwt.issuer: Required',
      'jwt.audience: Required',
      'apiKeys.0.keySha256: keySha256: 64 hex digits (SHA-256 of the key)',
      'apiKeys.0.principal: Required',
      'subgraphSecret: Required',
      "(root): Unrecognized key(s) in object: 'extra'",
    ]);
  });

  test('meaning problems are listed at once', () => {
    const key = apiKeySha256('hag_a');
    expect(
      problems({
        jwt: { algorithms: ['RS256'], secret: 'x', issuer: 'i', audience: '${AUD}' },
        apiKeys: [
          { keySha256: key, principal: { id: '610901', kind: 'CITY' } },
          {
            keySha256: key,
            principal: { id: 'app', kind: 'APP', grants: [{ kind: 'REGION', code: '610902' }] },
          },
        ],
        subgraphSecret: 'short',
        persistedOperations: 'https://example.com/ops.json',
      }),
    ).toEqual([
      'jwt.audience: environment variable AUD is not set',
      'jwt.secret: RS256 verifies with a public key; remove the secret',
      'jwt: RS256 needs exactly one of publicKeyPem or jwksFile',
      'subgraphSecret: must be at least 32 bytes',
      'apiKeys[0].principal: id "610901": CITY account ids are its city code, 6 digits ending 00',
      'apiKeys[1]: duplicate keySha256',
      'persistedOperations: a local file path, never a URL',
    ]);
    expect(
      problems({
        jwt: { algorithms: ['RS256', 'HS256'], issuer: 'i', audience: 'a' },
        subgraphSecret: SUBGRAPH_SECRET,
      }),
    ).toEqual(['jwt.algorithms: RS256 and HS256 must not be mixed (algorithm confusion)']);
    expect(
      problems({
        jwt: { algorithms: ['RS256'], jwksFile: 'https://idp.example/jwks.json', issuer: 'i', audience: 'a' },
        subgraphSecret: SUBGRAPH_SECRET,
      }),
    ).toEqual(['jwt.jwksFile: a local file path, never a URL']);
    expect(
      problems({
        jwt: { algorithms: ['HS256'], secret: SUBGRAPH_SECRET, issuer: 'i', audience: 'a' },
        subgraphSecret: SUBGRAPH_SECRET,
      }),
    ).toEqual(['jwt.secret and subgraphSecret must differ']);
  });
});

describe('demo credentials', () => {
  test('安康市中心医院 is the demo institution account', () => {
    const central = buildAnkangRegion([]).institutions.find((i) => i.name === '安康市中心医院');
    expect(central?.orgCode).toBe(DEMO_CENTRAL_HOSPITAL_ORG_CODE);
  });

  test('every demo key and demo JWT authenticates to its account', async () => {
    const config = demoSecurityConfig();
    expect(config.introspection).toBe(true);
    const seen = [];
    for (const account of DEMO_ACCOUNTS) {
      const byKey = await authenticate(`Bearer ${account.key}`, config);
      const byJwt = await authenticate(`Bearer ${await demoJwt(account.name)}`, config);
      expect(byJwt).toEqual(byKey);
      seen.push([
        byKey.kind,
        byKey.id,
        byKey.division,
        byKey.grants.map((g) => `${g.kind}:${g.code}`).join(),
      ]);
    }
    expect(seen).toEqual([
      ['NATIONAL', 'national', null, ''],
      ['PROVINCE', '610000', '610000', ''],
      ['CITY', '610900', '610900', ''],
      ['URBAN_ALLIANCE', '6109001', '610900', ''],
      ['COUNTY_ALLIANCE', '6109002', '610900', ''],
      ['INSTITUTION', '1261090216141035WD', null, ''],
      ['NATIONAL', 'ops-admin', null, ''],
      ['APP', 'demo-app', null, 'REGION:610902'],
    ]);
  });

  test('the help text names every key', () => {
    const help = demoCredentialsHelp('http://127.0.0.1:4000');
    for (const account of DEMO_ACCOUNTS) expect(help).toContain(`Bearer ${account.key}`);
    expect(help).toContain("curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json'");
  });
});
