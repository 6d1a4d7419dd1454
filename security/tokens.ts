import { createHash, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, importSPKI, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import {
  ACCOUNT_KINDS,
  ANONYMOUS_PRINCIPAL,
  buildPrincipal,
  PrincipalError,
  SecurityErrorCode,
  securityError,
} from './principal';
import type { Principal, PrincipalInput, ScopeGrant } from './principal';
import type { ApiKeyEntry, JwtConfig, SecurityConfig } from './config';

/**
 * Authentication (身份认证): the `Authorization` header → a verified Principal.
 *
 * - no header → the anonymous principal (when the configuration allows it);
 * - `Bearer <jwt>` → a JWT verified with the configured key and algorithm allow-list;
 * - `Bearer hag_<key>` or `ApiKey <key>` → an API key, looked up by its SHA-256.
 *
 * JWT claims: `sub` the account id, `hag_kind` the account kind, and optionally `hag_division`,
 * `hag_org`, `hag_grants` ([{ kind, code }]) and `hag_roles` (strings). `exp` is required.
 */

export { SecurityErrorCode, securityError } from './principal';

/** Longest Authorization header accepted, characters. */
export const MAX_AUTHORIZATION_LENGTH = 8192;

/** Prefix of every API key; `Bearer hag_…` is an API key, not a JWT. */
export const API_KEY_PREFIX = 'hag_';

/** Lower-case hex SHA-256 of an API key, as stored in the configuration (`keySha256`). */
export function apiKeySha256(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The principal of an API key, or null. Compares the key's hash with every entry in constant time
 * (no early exit), so timing reveals neither which entry matched nor how much of a hash did.
 */
export function lookupApiKey(key: string, entries: readonly ApiKeyEntry[]): Principal | null {
  const presented = createHash('sha256').update(key, 'utf8').digest();
  let found: Principal | null = null;
  for (const entry of entries) {
    const stored = Buffer.from(entry.keySha256, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented) && found === null) {
      found = entry.principal;
    }
  }
  return found;
}

type VerificationKey =
  { kind: 'key'; key: CryptoKey | Uint8Array } | { kind: 'jwks'; getKey: JWTVerifyGetKey };

/** Keys are imported once per configuration object. */
const keyCache = new WeakMap<JwtConfig, Promise<VerificationKey>>();

function verificationKey(jwt: JwtConfig): Promise<VerificationKey> {
  let cached = keyCache.get(jwt);
  if (!cached) {
    cached = (async (): Promise<VerificationKey> => {
      if (jwt.algorithm === 'HS256') return { kind: 'key', key: new TextEncoder().encode(jwt.secret) };
      if (jwt.publicKeyPem) return { kind: 'key', key: await importSPKI(jwt.publicKeyPem, 'RS256') };
      if (jwt.jwks) return { kind: 'jwks', getKey: createLocalJWKSet({ keys: [...jwt.jwks.keys] }) };
      throw new Error('jwt configuration has no key');
    })();
    keyCache.set(jwt, cached);
  }
  return cached;
}

/** A stable, plain message for a jose failure (never the token itself). */
function joseMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'token expired (令牌已过期)';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const claim = (error as { claim?: unknown }).claim;
      return `token claim "${String(claim)}" rejected (令牌声明无效)`;
    }
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'token algorithm not allowed (令牌算法不被允许)';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'token signature invalid (令牌签名无效)';
    default:
      return 'malformed token (令牌格式错误)';
  }
}

const stringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const grantList = (value: unknown): value is ScopeGrant[] =>
  Array.isArray(value) &&
  value.every(
    (g) =>
      typeof g === 'object' &&
      g !== null &&
      ['REGION', 'INSTITUTION', 'ALLIANCE'].includes((g as ScopeGrant).kind) &&
      typeof (g as ScopeGrant).code === 'string',
  );

/** The account a verified token's claims describe; throws UNAUTHENTICATED on malformed claims. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const problems: string[] = [];
  const kind = claims.hag_kind;
  if (typeof claims.sub !== 'string') problems.push('sub: the account id is required');
  if (typeof kind !== 'string' || !(ACCOUNT_KINDS as readonly string[]).includes(kind)) {
    problems.push(`hag_kind: one of ${ACCOUNT_KINDS.join(', ')}`);
  }
  const optionalString = (name: string): string | undefined => {
    const value = claims[name];
    if (value !== undefined && typeof value !== 'string') problems.push(`${name}: a string`);
    return typeof value === 'string' ? value : undefined;
  };
  const division = optionalString('hag_division');
  const orgCode = optionalString('hag_org');
  if (claims.hag_grants !== undefined && !grantList(claims.hag_grants)) {
    problems.push('hag_grants: a list of { kind: REGION|INSTITUTION|ALLIANCE, code }');
  }
  if (claims.hag_roles !== undefined && !stringList(claims.hag_roles))
    problems.push('hag_roles: a list of strings');
  if (problems.length) {
    throw securityError(SecurityErrorCode.UNAUTHENTICATED, `token claims invalid: ${problems.join('; ')}`);
  }
  const input: PrincipalInput = {
    id: claims.sub as string,
    kind: kind as PrincipalInput['kind'],
    division,
    orgCode,
    grants: claims.hag_grants as ScopeGrant[] | undefined,
    roles: claims.hag_roles as string[] | undefined,
  };
  try {
    return buildPrincipal(input);
  } catch (e) {
    if (e instanceof PrincipalError) {
      throw securityError(
        SecurityErrorCode.UNAUTHENTICATED,
        `token account invalid: ${e.problems.join('; ')}`,
      );
    }
    throw e;
  }
}

/** Verify a compact JWT against the configuration; returns its principal or throws UNAUTHENTICATED. */
export async function verifyJwt(token: string, jwt: JwtConfig | null, now?: Date): Promise<Principal> {
  if (!jwt) throw securityError(SecurityErrorCode.UNAUTHENTICATED, 'bearer tokens are not accepted here');
  const options = {
    algorithms: [jwt.algorithm],
    issuer: jwt.issuer,
    audience: jwt.audience,
    clockTolerance: jwt.clockToleranceSec,
    requiredClaims: ['exp', 'sub'],
    currentDate: now,
  };
  let payload: JWTPayload;
  try {
    const key = await verificationKey(jwt);
    const result =
      key.kind === 'key'
        ? await jwtVerify(token, key.key, options)
        : await jwtVerify(token, key.getKey, options);
    payload = result.payload;
  } catch (e) {
    throw securityError(SecurityErrorCode.UNAUTHENTICATED, joseMessage(e));
  }
  return principalFromClaims(payload);
}

/**
 * The principal of a request's `Authorization` header. An absent or empty header is the anonymous
 * principal unless `config.anonymous` is false. Every failure is a GraphQLError with code
 * UNAUTHENTICATED. `now` is for tests.
 */
export async function authenticate(
  authorizationHeader: string | undefined,
  config: SecurityConfig,
  now?: Date,
): Promise<Principal> {
  const header = authorizationHeader?.trim() ?? '';
  if (header === '') {
    if (config.anonymous) return ANONYMOUS_PRINCIPAL;
    throw securityError(SecurityErrorCode.UNAUTHENTICATED, 'credentials required (需要身份认证)');
  }
  if (header.length > MAX_AUTHORIZATION_LENGTH) {
    throw securityError(SecurityErrorCode.UNAUTHENTICATED, 'Authorization header too long');
  }
  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(header);
  if (!match) {
    throw securityError(
      SecurityErrorCode.UNAUTHENTICATED,
      'unsupported Authorization header: use "Bearer <token>" or "ApiKey <key>"',
    );
  }
  const [, scheme, credential] = match;
  if (scheme.toLowerCase() === 'apikey' || credential.startsWith(API_KEY_PREFIX)) {
    const principal = lookupApiKey(credential, config.apiKeys);
    if (!principal) throw securityError(SecurityErrorCode.UNAUTHENTICATED, 'unknown API key (API 密钥无效)');
    return principal;
  }
  return verifyJwt(credential, config.jwt, now);
}
