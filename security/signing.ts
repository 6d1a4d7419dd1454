import { createHmac, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ANONYMOUS_PRINCIPAL, buildPrincipal, SecurityErrorCode } from './principal';
import type { Principal, PrincipalInput } from './principal';

/**
 * The verified principal, forwarded from the gateway to a subgraph (签名转发的调用者身份):
 *
 *   x-hag-principal: base64url(canonical JSON of the principal)
 *   x-hag-timestamp: Unix seconds when the gateway signed it
 *   x-hag-signature: base64url(HMAC-SHA256(subgraphSecret, `${timestamp}.${principal}`))
 *
 * A subgraph accepts a call only with a valid signature no older (or newer) than `maxSkewSec`:
 * anyone calling a subgraph directly is refused.
 */

export const PRINCIPAL_HEADER = 'x-hag-principal';
export const TIMESTAMP_HEADER = 'x-hag-timestamp';
export const SIGNATURE_HEADER = 'x-hag-signature';

/** The message every refusal carries: the subgraphs are not a public API. */
export const CALL_THE_GATEWAY = 'call the gateway, not the subgraph';

/** Why a forwarded principal was refused (in `extensions.reason`; never secret material). */
export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'forged';

/** Longest principal header accepted, characters. */
const MAX_PAYLOAD_LENGTH = 16_384;

/** Headers as Node (`req.headers`), fetch (`Headers`) or Apollo (`HeaderMap`) present them. */
export type HeaderSource =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The three headers the gateway sets on every subgraph request. */
export type SignedPrincipalHeaders = {
  readonly [PRINCIPAL_HEADER]: string;
  readonly [TIMESTAMP_HEADER]: string;
  readonly [SIGNATURE_HEADER]: string;
};

function refused(reason: SignatureFailure): GraphQLError {
  return new GraphQLError(CALL_THE_GATEWAY, {
    extensions: { code: SecurityErrorCode.UNAUTHENTICATED, reason, http: { status: 401 } },
  });
}

/** The principal as canonical JSON: fixed member order, grants and roles as given. */
export function canonicalPrincipal(p: Principal): string {
  return JSON.stringify({
    id: p.id,
    kind: p.kind,
    division: p.division,
    orgCode: p.orgCode,
    grants: p.grants.map((g) => ({ kind: g.kind, code: g.code })),
    roles: [...p.roles],
    suppressSmallCounts: p.suppressSmallCounts,
  });
}

function hmac(secret: string, timestamp: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest();
}

const seconds = (now: Date | number): number =>
  Math.floor((typeof now === 'number' ? now : now.getTime()) / 1000);

/** The headers forwarding `p`, signed at `now` (a Date or epoch milliseconds). */
export function signPrincipal(
  p: Principal,
  secret: string,
  now: Date | number = Date.now(),
): SignedPrincipalHeaders {
  const payload = Buffer.from(canonicalPrincipal(p), 'utf8').toString('base64url');
  const timestamp = String(seconds(now));
  return {
    [PRINCIPAL_HEADER]: payload,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: hmac(secret, timestamp, payload).toString('base64url'),
  };
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const value = (headers as Readonly<Record<string, string | readonly string[] | undefined>>)[name];
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Rebuild the principal from verified JSON, validating it again (defence in depth). */
function parsePrincipal(json: string): Principal {
  const raw = JSON.parse(json) as Partial<Principal> | null;
  if (raw === null || typeof raw !== 'object' || typeof raw.id !== 'string' || typeof raw.kind !== 'string') {
    throw refused('malformed');
  }
  if (raw.kind === 'ANONYMOUS') return ANONYMOUS_PRINCIPAL;
  return buildPrincipal(raw as PrincipalInput);
}

/**
 * The principal the gateway forwarded, or a GraphQLError with code UNAUTHENTICATED and message
 * "call the gateway, not the subgraph" when a header is missing, the signature does not match
 * (timing-safe comparison), or the timestamp is more than `maxSkewSec` away from `now`.
 */
export function verifyPrincipal(
  headers: HeaderSource,
  secret: string,
  now: Date | number = Date.now(),
  maxSkewSec = 60,
): Principal {
  const payload = header(headers, PRINCIPAL_HEADER);
  const timestamp = header(headers, TIMESTAMP_HEADER);
  const signature = header(headers, SIGNATURE_HEADER);
  if (!payload || !timestamp || !signature) throw refused('missing');
  if (
    payload.length > MAX_PAYLOAD_LENGTH ||
    !/^[A-Za-z0-9_-]+$/.test(payload) ||
    !/^\d{1,12}$/.test(timestamp) ||
    !/^[A-Za-z0-9_-]{43}$/.test(signature)
  ) {
    throw refused('malformed');
  }
  const expected = hmac(secret, timestamp, payload);
  const presented = Buffer.from(signature, 'base64url');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw refused('forged');
  if (Math.abs(seconds(now) - Number(timestamp)) > maxSkewSec) throw refused('stale');
  try {
    return parsePrincipal(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch (e) {
    if (e instanceof GraphQLError) throw e;
    throw refused('malformed');
  }
}
