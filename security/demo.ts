import { SignJWT } from 'jose';
import { parseSecurityConfig } from './config';
import type { SecurityConfig } from './config';
import { ACCOUNT_DEFAULT_ROLES, STORE_ADMIN_ROLE } from './principal';
import type { PrincipalInput } from './principal';
import { apiKeySha256 } from './tokens';

/**
 * Demo credentials for the zero-install 安康市 demo (演示用凭据). DEMO ONLY: the keys and secrets
 * below are public (they are in this file); never use demoSecurityConfig() with real data.
 */

/** 安康市中心医院's org code in the demo region (deterministic, see adapters/demo/ankang.ts). */
export const DEMO_CENTRAL_HOSPITAL_ORG_CODE = '1261090216141035WD';

/** One demo account: its API key and what it stands for. */
export interface DemoAccount {
  /** Short name used in the help text and by demoJwt(). */
  readonly name: string;
  readonly labelZh: string;
  readonly key: string;
  readonly principal: PrincipalInput;
}

/** The demo accounts, one per principal kind (the anonymous caller needs no key). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    name: 'national',
    labelZh: '国家平台',
    key: 'hag_demo_national',
    principal: { id: 'national', kind: 'NATIONAL' },
  },
  {
    name: 'province',
    labelZh: '陕西省 610000',
    key: 'hag_demo_province_610000',
    principal: { id: '610000', kind: 'PROVINCE' },
  },
  {
    name: 'city',
    labelZh: '安康市 610900',
    key: 'hag_demo_city_610900',
    principal: { id: '610900', kind: 'CITY' },
  },
  {
    name: 'urban-alliance',
    labelZh: '安康市城市医联体 6109001',
    key: 'hag_demo_urban_alliance_6109001',
    principal: { id: '6109001', kind: 'URBAN_ALLIANCE' },
  },
  {
    name: 'county-alliance',
    labelZh: '安康市县域医疗联合体 6109002',
    key: 'hag_demo_county_alliance_6109002',
    principal: { id: '6109002', kind: 'COUNTY_ALLIANCE' },
  },
  {
    name: 'institution',
    labelZh: `安康市中心医院 ${DEMO_CENTRAL_HOSPITAL_ORG_CODE}`,
    key: 'hag_demo_institution_central_hospital',
    principal: { id: DEMO_CENTRAL_HOSPITAL_ORG_CODE, kind: 'INSTITUTION' },
  },
  {
    name: 'admin',
    labelZh: '运维管理员 (全国范围 + 度量存储管理)',
    key: 'hag_demo_admin',
    principal: { id: 'ops-admin', kind: 'NATIONAL', roles: [...ACCOUNT_DEFAULT_ROLES, STORE_ADMIN_ROLE] },
  },
  {
    name: 'app',
    labelZh: '第三方应用 (汉滨区 610902, 小数抑制)',
    key: 'hag_demo_app_610902',
    principal: {
      id: 'demo-app',
      kind: 'APP',
      grants: [{ kind: 'REGION', code: '610902' }],
      roles: ['catalog:read', 'registry:read', 'indicators:read'],
    },
  },
];

/** HS256 secret of demo JWTs (public, demo only). */
export const DEMO_JWT_SECRET = 'hag-demo-jwt-secret-NOT-FOR-PRODUCTION-2019';
/** Demo JWT issuer and audience. */
export const DEMO_JWT_ISSUER = 'hag-demo';
export const DEMO_JWT_AUDIENCE = 'hag-gateway';
/** HMAC key between the demo gateway and its subgraphs (public, demo only). */
export const DEMO_SUBGRAPH_SECRET = 'hag-demo-subgraph-secret-NOT-FOR-PRODUCTION';

/** The demo's security configuration: HS256 JWTs, the demo API keys, introspection on. */
export function demoSecurityConfig(): SecurityConfig {
  return parseSecurityConfig(
    {
      jwt: {
        algorithms: ['HS256'],
        secret: DEMO_JWT_SECRET,
        issuer: DEMO_JWT_ISSUER,
        audience: DEMO_JWT_AUDIENCE,
      },
      apiKeys: DEMO_ACCOUNTS.map((a) => ({ keySha256: apiKeySha256(a.key), principal: a.principal })),
      subgraphSecret: DEMO_SUBGRAPH_SECRET,
      smallCountThreshold: 5,
      introspection: true,
      rateLimit: { perMinute: 1200, burst: 200 },
      anonymous: true,
    },
    { env: {} },
  );
}

/** A demo JWT (HS256) for a demo account, valid for `ttlSec` seconds from `now`. */
export async function demoJwt(name: string, now: Date = new Date(), ttlSec = 12 * 3600): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.name === name);
  if (!account) throw new Error(`no demo account ${name}`);
  const p = account.principal;
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    hag_kind: p.kind,
    ...(p.grants ? { hag_grants: p.grants.map((g) => ({ kind: g.kind, code: g.code })) } : {}),
    ...(p.roles ? { hag_roles: [...p.roles] } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(p.id)
    .setIssuer(DEMO_JWT_ISSUER)
    .setAudience(DEMO_JWT_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSec)
    .sign(new TextEncoder().encode(DEMO_JWT_SECRET));
}

/** Text the start script prints: the demo keys and curl examples (demo only). */
export function demoCredentialsHelp(baseUrl = 'http://127.0.0.1:4000'): string {
  const query = JSON.stringify({
    query:
      '{ region(code: "610921") { name indicators(period: "2019", codes: ["PRIMARY_CARE_VISIT_SHARE"]) { display } } }',
  });
  const lines = [
    'Demo credentials (演示凭据 — public, for the demo only; configure GATEWAY_SECURITY for real data):',
    '  without a token: anonymous — indicator catalog and institution registry only, no region data',
    ...DEMO_ACCOUNTS.map(
      (a) => `  ${a.name.padEnd(16)} Authorization: Bearer ${a.key.padEnd(40)} ${a.labelZh}`,
    ),
    '',
    'For example:',
    `  curl -s ${baseUrl}/graphql -H 'content-type: application/json' \\`,
    `    -H 'Authorization: Bearer hag_demo_city_610900' -d '${query}'`,
    `  curl -s ${baseUrl}/graphql -H 'content-type: application/json' \\`,
    `    -H 'Authorization: ApiKey hag_demo_app_610902' -d '${query}'   # indicators: FORBIDDEN (granted 610902 only)`,
    `JWTs (HS256, issuer "${DEMO_JWT_ISSUER}", audience "${DEMO_JWT_AUDIENCE}", claims sub, hag_kind, hag_grants, hag_roles)`,
    `are signed with the demo secret "${DEMO_JWT_SECRET}".`,
  ];
  return lines.join('\n');
}
