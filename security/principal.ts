import { GraphQLError } from 'graphql';

/**
 * Who is calling: the principal every layer (gateway, each subgraph) decides access by.
 * Account kinds follow the national reporting platform's account scheme (seed 004 第三部分
 * 二、操作流程, lines 1885–1900): a province account is its division code (370000), a city account
 * its city code, an urban-alliance account the city code + "1", a county-alliance account the
 * city code + "2"; institutions and third-party apps are added by this product.
 */
export type PrincipalKind =
  | 'ANONYMOUS'
  | 'NATIONAL'
  | 'PROVINCE'
  | 'CITY'
  | 'URBAN_ALLIANCE'
  | 'COUNTY_ALLIANCE'
  | 'INSTITUTION'
  | 'APP';

/** A scope explicitly granted to an app principal. */
export interface ScopeGrant {
  readonly kind: 'REGION' | 'INSTITUTION' | 'ALLIANCE';
  readonly code: string;
}

export interface Principal {
  /** Account name: 370000, 3702821, an org code, an app id, or "anonymous". */
  readonly id: string;
  readonly kind: PrincipalKind;
  /** PROVINCE, CITY and the alliance accounts: their division code (the city for alliance accounts). */
  readonly division: string | null;
  /** INSTITUTION: its org code. */
  readonly orgCode: string | null;
  /** APP: the scopes it was granted (REGION grants cover everything within the division). */
  readonly grants: readonly ScopeGrant[];
  /** Roles, e.g. "forms:read", "indicators:read", "registry:read". */
  readonly roles: readonly string[];
  /** APP principals: counts below the threshold are suppressed (returned as null, SUPPRESSED). */
  readonly suppressSmallCounts: boolean;
}

/**
 * Stable error codes of the security layer (`extensions.code`). schema/errors.ts ErrorCode must
 * list them (re-exported by security/tokens.ts) so that formatError passes them on.
 */
export const SecurityErrorCode = {
  /** 未认证 — missing (when anonymous access is off), expired, forged or unsigned credentials. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** 无权访问 — the principal's scope does not cover what was asked. */
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type SecurityErrorCode = (typeof SecurityErrorCode)[keyof typeof SecurityErrorCode];

/**
 * A security error with its stable code. UNAUTHENTICATED carries `extensions.http.status` 401,
 * which Apollo Server applies (and strips) when the error is thrown while building the context.
 * FORBIDDEN carries none: it is a field error, and the other fields of the operation still resolve
 * with HTTP 200.
 */
export function securityError(code: SecurityErrorCode, message: string): GraphQLError {
  const http = code === SecurityErrorCode.UNAUTHENTICATED ? { http: { status: 401 } } : {};
  return new GraphQLError(message, { extensions: { code, ...http } });
}

/** Roles every account kind except APP holds unless it is given explicit roles. */
export const ACCOUNT_DEFAULT_ROLES: readonly string[] = [
  'catalog:read',
  'registry:read',
  'indicators:read',
  'forms:read',
];

/** Role of the administrators of the measure store (refresh, rebuild, progress): given explicitly only. */
export const STORE_ADMIN_ROLE = 'store:admin';

/** Roles of the anonymous principal, and of an APP that was given no roles: public master data only. */
export const PUBLIC_ROLES: readonly string[] = ['catalog:read', 'registry:read'];

/** The caller without credentials: catalog and registry master data, never data of any region. */
export const ANONYMOUS_PRINCIPAL: Principal = Object.freeze({
  id: 'anonymous',
  kind: 'ANONYMOUS',
  division: null,
  orgCode: null,
  grants: Object.freeze([]),
  roles: Object.freeze([...PUBLIC_ROLES]),
  suppressSmallCounts: false,
});

/** What a configuration entry or a token's claims say about an account, before validation. */
export interface PrincipalInput {
  readonly id: string;
  readonly kind: Exclude<PrincipalKind, 'ANONYMOUS'>;
  /** Optional: derived from the id; when given it must agree. */
  readonly division?: string | null;
  /** Optional: INSTITUTION only, must equal the id. */
  readonly orgCode?: string | null;
  /** APP only, at least one. */
  readonly grants?: readonly ScopeGrant[];
  /** Defaults: ACCOUNT_DEFAULT_ROLES, or PUBLIC_ROLES for an APP. */
  readonly roles?: readonly string[];
}

/** Account kinds a credential may name (everything but ANONYMOUS). */
export const ACCOUNT_KINDS = [
  'NATIONAL',
  'PROVINCE',
  'CITY',
  'URBAN_ALLIANCE',
  'COUNTY_ALLIANCE',
  'INSTITUTION',
  'APP',
] as const satisfies readonly PrincipalKind[];

const PROVINCE_ID = /^(?!00)\d{2}0000$/;
const CITY_ID = /^(?!00)\d{2}(?!00)\d{2}00$/;
const URBAN_ALLIANCE_ID = /^(?!00)\d{2}(?!00)\d{2}001$/;
const COUNTY_ALLIANCE_ID = /^(?!00)\d{2}(?!00)\d{2}002$/;
/** GB 32100 unified social credit code, as schema/scalars.ts checks it. */
const ORG_CODE = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const NAME_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{1,63}$/;
const DIVISION_CODE = /^\d{6}$/;
const ALLIANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ROLE = /^[a-z][a-z-]*:[a-z][a-z-]*$/;

/** Problems with one grant (empty when it is well formed). */
function grantProblems(grant: ScopeGrant, where: string): string[] {
  switch (grant.kind) {
    case 'REGION':
      return DIVISION_CODE.test(grant.code) ? [] : [`${where}: a REGION grant needs a 6-digit division code`];
    case 'INSTITUTION':
      return ORG_CODE.test(grant.code)
        ? []
        : [`${where}: an INSTITUTION grant needs an 18-character org code`];
    case 'ALLIANCE':
      return ALLIANCE_ID.test(grant.code) ? [] : [`${where}: an ALLIANCE grant needs an alliance id`];
    default:
      return [`${where}: grant kind must be REGION, INSTITUTION or ALLIANCE`];
  }
}

/** The id rule of each account kind and the division it implies (null: no division). */
function idProblems(input: PrincipalInput): { problems: string[]; division: string | null } {
  const { id, kind } = input;
  const bad = (rule: string) => ({
    problems: [`id "${id.slice(0, 40)}": ${kind} account ids are ${rule}`],
    division: null,
  });
  switch (kind) {
    case 'NATIONAL':
    case 'APP':
      return NAME_ID.test(id) ? { problems: [], division: null } : bad('2–64 letters, digits, _ . : -');
    case 'PROVINCE':
      return PROVINCE_ID.test(id)
        ? { problems: [], division: id }
        : bad('its province code, 6 digits ending 0000');
    case 'CITY':
      return CITY_ID.test(id) ? { problems: [], division: id } : bad('its city code, 6 digits ending 00');
    case 'URBAN_ALLIANCE':
      return URBAN_ALLIANCE_ID.test(id)
        ? { problems: [], division: id.slice(0, 6) }
        : bad('its city code + "1" (7 digits, e.g. 6109001)');
    case 'COUNTY_ALLIANCE':
      return COUNTY_ALLIANCE_ID.test(id)
        ? { problems: [], division: id.slice(0, 6) }
        : bad('its city code + "2" (7 digits, e.g. 6109002)');
    case 'INSTITUTION':
      return ORG_CODE.test(id) ? { problems: [], division: null } : bad('its 18-character org code');
    default:
      return { problems: [`kind must be one of ${ACCOUNT_KINDS.join(', ')}`], division: null };
  }
}

/**
 * Every problem with an account description, in plain words (empty when it is valid).
 * Account ids follow seed 004 第三部分 (see security/README.md); APP principals need explicit grants.
 */
export function principalProblems(input: PrincipalInput): string[] {
  const { problems, division } = idProblems(input);
  if (input.division != null && input.division !== division) {
    problems.push(
      `division ${input.division} does not match account ${input.id} (expected ${division ?? 'none'})`,
    );
  }
  const orgCode = input.kind === 'INSTITUTION' ? input.id : null;
  if (input.orgCode != null && input.orgCode !== orgCode) {
    problems.push(
      `orgCode ${input.orgCode} does not match account ${input.id} (expected ${orgCode ?? 'none'})`,
    );
  }
  const grants = input.grants ?? [];
  if (input.kind === 'APP' && grants.length === 0) problems.push('an APP account needs at least one grant');
  if (input.kind !== 'APP' && grants.length > 0) problems.push(`a ${input.kind} account takes no grants`);
  grants.forEach((g, i) => problems.push(...grantProblems(g, `grants[${i}]`)));
  (input.roles ?? []).forEach((r, i) => {
    if (!ROLE.test(r))
      problems.push(`roles[${i}] "${String(r).slice(0, 40)}": a role looks like "indicators:read"`);
  });
  return problems;
}

/** A principal failed validation; `problems` lists every reason. */
export class PrincipalError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid account (账号无效): ${problems.join('; ')}`);
  }
}

/**
 * The validated, frozen principal of an account description. Division and org code are derived
 * from the id; APP principals always have small counts suppressed. Throws PrincipalError.
 */
export function buildPrincipal(input: PrincipalInput): Principal {
  const problems = principalProblems(input);
  if (problems.length) throw new PrincipalError(problems);
  const { division } = idProblems(input);
  const app = input.kind === 'APP';
  return Object.freeze({
    id: input.id,
    kind: input.kind,
    division,
    orgCode: input.kind === 'INSTITUTION' ? input.id : null,
    grants: Object.freeze((input.grants ?? []).map((g) => Object.freeze({ kind: g.kind, code: g.code }))),
    roles: Object.freeze([...new Set(input.roles ?? (app ? PUBLIC_ROLES : ACCOUNT_DEFAULT_ROLES))]),
    suppressSmallCounts: app,
  });
}

/** Whether the principal holds a role, e.g. `hasRole(p, 'forms:read')`. */
export function hasRole(p: Principal, role: string): boolean {
  return p.roles.includes(role);
}
