import { interpolateEnv } from '../schema/env';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ACCOUNT_KINDS, buildPrincipal, PrincipalError } from './principal';
import type { Principal } from './principal';

/**
 * The security configuration (安全配置): a JSON file named by `GATEWAY_SECURITY`. Every string may
 * hold `${NAME}`, replaced by the environment variable NAME, so secrets stay out of the file.
 */

/** The only JWT algorithms accepted. One family per deployment, never mixed (no algorithm confusion). */
export const JWT_ALGORITHMS = ['RS256', 'HS256'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** One public key of a JSON Web Key Set (RFC 7517), as read from a local file. */
export interface JsonWebKey {
  readonly kty: string;
  readonly [member: string]: unknown;
}

interface JwtCommon {
  /** Expected `iss`. */
  readonly issuer: string;
  /** Expected `aud` (one of them, when the token lists several). */
  readonly audience: string;
  /** Allowed clock skew for `exp` / `nbf`, seconds. */
  readonly clockToleranceSec: number;
}

/** RS256: a PEM public key (SPKI) or a local JWKS file, never fetched over the network. */
export interface JwtRs256Config extends JwtCommon {
  readonly algorithm: 'RS256';
  readonly publicKeyPem: string | null;
  readonly jwks: { readonly keys: readonly JsonWebKey[] } | null;
}

/** HS256 with a shared secret: for the demo and tests. */
export interface JwtHs256Config extends JwtCommon {
  readonly algorithm: 'HS256';
  readonly secret: string;
}

export type JwtConfig = JwtRs256Config | JwtHs256Config;

/** An API key: only its SHA-256 is stored, with the principal it stands for. */
export interface ApiKeyEntry {
  /** Lower-case hex SHA-256 of the whole key (`hag_…`). */
  readonly keySha256: string;
  readonly principal: Principal;
}

export interface SecurityConfig {
  /** null: bearer JWTs are refused (API keys only). */
  readonly jwt: JwtConfig | null;
  readonly apiKeys: readonly ApiKeyEntry[];
  /** HMAC-SHA256 key the gateway signs the forwarded principal with (≥ 32 bytes). */
  readonly subgraphSecret: string;
  /** APP principals: counts below this are suppressed (default 5). */
  readonly smallCountThreshold: number;
  /** Whether introspection queries are answered (default false). */
  readonly introspection: boolean;
  /** Per-principal token bucket: sustained rate and burst. */
  readonly rateLimit: { readonly perMinute: number; readonly burst: number };
  /** Absolute path of the persisted-operations file (APP allow-list), or null. */
  readonly persistedOperations: string | null;
  /** Whether a request without credentials runs as the anonymous principal (default true). */
  readonly anonymous: boolean;
}

/** The configuration is invalid; `problems` lists every problem at once. */
export class SecurityConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid security configuration (安全配置错误):\n - ${problems.join('\n - ')}`);
  }
}

/** Minimum length of HMAC secrets in bytes (UTF-8). */
export const MIN_SECRET_BYTES = 32;

const grantSchema = z
  .object({ kind: z.enum(['REGION', 'INSTITUTION', 'ALLIANCE']), code: z.string().min(1).max(64) })
  .strict();

const principalSchema = z
  .object({
    id: z.string().min(1).max(64),
    kind: z.enum(ACCOUNT_KINDS),
    division: z.string().nullable().optional(),
    orgCode: z.string().nullable().optional(),
    grants: z.array(grantSchema).optional(),
    roles: z.array(z.string()).optional(),
  })
  .strict();

const fileSchema = z
  .object({
    jwt: z
      .object({
        algorithms: z.array(z.enum(JWT_ALGORITHMS)).min(1),
        publicKeyPem: z.string().min(1).optional(),
        jwksFile: z.string().min(1).optional(),
        secret: z.string().min(1).optional(),
        issuer: z.string().min(1),
        audience: z.string().min(1),
        clockToleranceSec: z.number().int().min(0).max(300).optional(),
      })
      .strict()
      .optional(),
    apiKeys: z
      .array(
        z
          .object({
            keySha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'keySha256: 64 hex digits (SHA-256 of the key)'),
            principal: principalSchema,
          })
          .strict(),
      )
      .optional(),
    subgraphSecret: z.string().min(1),
    smallCountThreshold: z.number().int().min(1).max(1000).optional(),
    introspection: z.boolean().optional(),
    rateLimit: z
      .object({
        perMinute: z.number().int().positive().max(1_000_000),
        burst: z.number().int().positive().max(1_000_000),
      })
      .strict()
      .optional(),
    persistedOperations: z.string().min(1).optional(),
    anonymous: z.boolean().optional(),
  })
  .strict();

/** Defaults of the optional settings. */
export const SECURITY_DEFAULTS = {
  smallCountThreshold: 5,
  introspection: false,
  rateLimit: { perMinute: 600, burst: 60 },
  anonymous: true,
  clockToleranceSec: 30,
} as const;

function secretProblems(secret: string, where: string): string[] {
  return Buffer.byteLength(secret, 'utf8') >= MIN_SECRET_BYTES
    ? []
    : [`${where}: must be at least ${MIN_SECRET_BYTES} bytes`];
}

/** Reads a local JWKS file; never a URL. */
function readJwks(path: string, problems: string[]): { keys: JsonWebKey[] } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push(`jwt.jwksFile: cannot read ${path}: ${(e as Error).message}`);
    return null;
  }
  const keys = (raw as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k?.kty === 'string')) {
    problems.push(`jwt.jwksFile: ${path} is not a JSON Web Key Set ({ "keys": [ { "kty": … } ] })`);
    return null;
  }
  if (keys.some((k) => 'd' in k || 'k' in k)) {
    problems.push(`jwt.jwksFile: ${path} holds private or symmetric key material; publish public keys only`);
    return null;
  }
  return { keys: keys as JsonWebKey[] };
}

type FileJwt = NonNullable<z.infer<typeof fileSchema>['jwt']>;

function parseJwt(
  jwt: FileJwt,
  env: NodeJS.ProcessEnv,
  baseDir: string,
  problems: string[],
): JwtConfig | null {
  const families = new Set(jwt.algorithms);
  if (families.size > 1) {
    problems.push('jwt.algorithms: RS256 and HS256 must not be mixed (algorithm confusion)');
    return null;
  }
  const common = {
    issuer: interpolateEnv(jwt.issuer, env, problems, 'jwt.issuer'),
    audience: interpolateEnv(jwt.audience, env, problems, 'jwt.audience'),
    clockToleranceSec: jwt.clockToleranceSec ?? SECURITY_DEFAULTS.clockToleranceSec,
  };
  if (families.has('HS256')) {
    if (jwt.publicKeyPem || jwt.jwksFile)
      problems.push('jwt: HS256 takes a secret, not publicKeyPem or jwksFile');
    if (!jwt.secret) {
      problems.push('jwt.secret: required for HS256');
      return null;
    }
    const secret = interpolateEnv(jwt.secret, env, problems, 'jwt.secret');
    problems.push(...secretProblems(secret, 'jwt.secret'));
    return { algorithm: 'HS256', secret, ...common };
  }
  if (jwt.secret) problems.push('jwt.secret: RS256 verifies with a public key; remove the secret');
  if (Boolean(jwt.publicKeyPem) === Boolean(jwt.jwksFile)) {
    problems.push('jwt: RS256 needs exactly one of publicKeyPem or jwksFile');
    return null;
  }
  let publicKeyPem: string | null = null;
  let jwks: JwtRs256Config['jwks'] = null;
  if (jwt.publicKeyPem) {
    publicKeyPem = interpolateEnv(jwt.publicKeyPem, env, problems, 'jwt.publicKeyPem');
    if (!/-----BEGIN PUBLIC KEY-----/.test(publicKeyPem)) {
      problems.push('jwt.publicKeyPem: a PEM "-----BEGIN PUBLIC KEY-----" (SPKI) block is required');
    }
  } else if (jwt.jwksFile) {
    const file = interpolateEnv(jwt.jwksFile, env, problems, 'jwt.jwksFile');
    if (/^[a-z]+:\/\//i.test(file)) problems.push('jwt.jwksFile: a local file path, never a URL');
    else jwks = readJwks(isAbsolute(file) ? file : resolve(baseDir, file), problems);
  }
  return { algorithm: 'RS256', publicKeyPem, jwks, ...common };
}

/**
 * Validate a parsed configuration object; throws SecurityConfigError listing every problem.
 * Relative paths (jwksFile, persistedOperations) are taken relative to `baseDir`.
 */
export function parseSecurityConfig(
  raw: unknown,
  options: { baseDir?: string; env?: NodeJS.ProcessEnv } = {},
): SecurityConfig {
  const env = options.env ?? process.env;
  const baseDir = options.baseDir ?? process.cwd();
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SecurityConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const data = parsed.data;
  const problems: string[] = [];
  const jwt = data.jwt ? parseJwt(data.jwt, env, baseDir, problems) : null;
  const subgraphSecret = interpolateEnv(data.subgraphSecret, env, problems, 'subgraphSecret');
  problems.push(...secretProblems(subgraphSecret, 'subgraphSecret'));
  if (jwt?.algorithm === 'HS256' && jwt.secret === subgraphSecret) {
    problems.push('jwt.secret and subgraphSecret must differ');
  }
  const seen = new Set<string>();
  const apiKeys: ApiKeyEntry[] = [];
  (data.apiKeys ?? []).forEach((entry, i) => {
    const keySha256 = entry.keySha256.toLowerCase();
    if (seen.has(keySha256)) problems.push(`apiKeys[${i}]: duplicate keySha256`);
    seen.add(keySha256);
    try {
      apiKeys.push({ keySha256, principal: buildPrincipal(entry.principal) });
    } catch (e) {
      if (!(e instanceof PrincipalError)) throw e;
      problems.push(...e.problems.map((p) => `apiKeys[${i}].principal: ${p}`));
    }
  });
  const rateLimit = data.rateLimit ?? SECURITY_DEFAULTS.rateLimit;
  const ops = data.persistedOperations
    ? interpolateEnv(data.persistedOperations, env, problems, 'persistedOperations')
    : null;
  if (ops !== null && /^[a-z]+:\/\//i.test(ops))
    problems.push('persistedOperations: a local file path, never a URL');
  if (problems.length) throw new SecurityConfigError(problems);
  return {
    jwt,
    apiKeys,
    subgraphSecret,
    smallCountThreshold: data.smallCountThreshold ?? SECURITY_DEFAULTS.smallCountThreshold,
    introspection: data.introspection ?? SECURITY_DEFAULTS.introspection,
    rateLimit: { perMinute: rateLimit.perMinute, burst: rateLimit.burst },
    persistedOperations: ops === null ? null : isAbsolute(ops) ? ops : resolve(baseDir, ops),
    anonymous: data.anonymous ?? SECURITY_DEFAULTS.anonymous,
  };
}

/** Read and validate the JSON file named by GATEWAY_SECURITY. */
export function loadSecurityConfig(path: string, env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SecurityConfigError([`cannot read ${path}: ${(e as Error).message}`]);
  }
  return parseSecurityConfig(raw, { baseDir: dirname(resolve(path)), env });
}
