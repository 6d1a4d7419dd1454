import type { Principal, ScopeGrant } from './principal';

/**
 * Data scope (数据范围): pure decisions about what a principal may see, given registry facts the
 * caller looked up (no I/O here). Every decision says why, for FORBIDDEN messages and the audit log.
 *
 * Divisions are 6-digit GB/T 2260 codes: province XX0000, city XXXX00, county otherwise.
 * "Within" is by prefix: a province covers codes with its first 2 digits, a city its first 4.
 * Aggregates above a scope are refused, never narrowed: a city account asking for its province
 * is refused.
 *
 * Alliance accounts (seed 004 第三部分): 城市医联体 (city code + "1") covers the city's urban medical
 * groups (kind JT, 城市医疗集团) and their member institutions; 县域医疗联合体 (city code + "2")
 * the city's county medical communities (kind GT, 县域医共体) and their members. Specialist
 * alliances (ZK) and telemedicine networks (YC) belong to neither account: the seed's forms for
 * alliance accounts are 表3 (城市医联体) and 表4 (县域医共体). Alliance accounts get no region
 * aggregates.
 */

/** A decision and its reason (English, one line). */
export interface Access {
  readonly allowed: boolean;
  readonly reason: string;
}

/** Registry alliance kinds: 城市医疗集团, 县域医共体, 专科联盟, 远程医疗协作网. */
export type AllianceKindCode = 'JT' | 'GT' | 'ZK' | 'YC';

/** An alliance as the registry knows it: its grid division (网格) is where it was organised. */
export interface AllianceFacts {
  readonly id: string;
  readonly kind: AllianceKindCode | string;
  /** The alliance's division: the city for urban groups and city-wide alliances, the county for GT. */
  readonly divisionCode: string;
  /**
   * Member org codes (lead included). Informational: no decision depends on it, since an
   * institution account sees itself only, not the alliances it belongs to.
   */
  readonly memberOrgCodes?: readonly string[];
}

/** An institution as the registry knows it, with the alliances it belongs to (or leads). */
export interface InstitutionFacts {
  readonly orgCode: string;
  /** The county-level division where it stands. */
  readonly divisionCode: string;
  readonly allianceIds: readonly {
    readonly id: string;
    readonly kind: AllianceKindCode | string;
    readonly divisionCode: string;
  }[];
}

const DIVISION = /^\d{6}$/;

const allow = (reason: string): Access => ({ allowed: true, reason });
const deny = (reason: string): Access => ({ allowed: false, reason });

/** The level of a division code: PROVINCE (XX0000), CITY (XXXX00) or COUNTY. */
export function divisionLevel(code: string): 'PROVINCE' | 'CITY' | 'COUNTY' {
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

/** Whether `code` is `scope` or lies within it (province: first 2 digits, city: first 4). */
export function divisionWithin(code: string, scope: string): boolean {
  if (!DIVISION.test(code) || !DIVISION.test(scope)) return false;
  switch (divisionLevel(scope)) {
    case 'PROVINCE':
      return code.slice(0, 2) === scope.slice(0, 2);
    case 'CITY':
      return code.slice(0, 4) === scope.slice(0, 4);
    default:
      return code === scope;
  }
}

/** The alliance kind an alliance account covers: JT for 城市医联体, GT for 县域医联体. */
function accountAllianceKind(p: Principal): 'JT' | 'GT' | null {
  if (p.kind === 'URBAN_ALLIANCE') return 'JT';
  if (p.kind === 'COUNTY_ALLIANCE') return 'GT';
  return null;
}

function grantsOf(p: Principal, kind: ScopeGrant['kind']): readonly ScopeGrant[] {
  return p.grants.filter((g) => g.kind === kind);
}

/** A REGION grant covering `divisionCode`, if any. */
function regionGrant(p: Principal, divisionCode: string): ScopeGrant | undefined {
  return grantsOf(p, 'REGION').find((g) => divisionWithin(divisionCode, g.code));
}

/** Whether the principal may see aggregates of a division (region statistics, indicators, forms). */
export function regionAccess(p: Principal, divisionCode: string): Access {
  if (!DIVISION.test(divisionCode)) return deny(`${divisionCode.slice(0, 20)} is not a division code`);
  switch (p.kind) {
    case 'NATIONAL':
      return allow('national account: every division');
    case 'PROVINCE':
    case 'CITY':
      return p.division !== null && divisionWithin(divisionCode, p.division)
        ? allow(`${divisionCode} is within ${p.kind.toLowerCase()} ${p.division}`)
        : deny(`${divisionCode} is outside ${p.kind.toLowerCase()} account ${p.id}`);
    case 'URBAN_ALLIANCE':
    case 'COUNTY_ALLIANCE':
      return deny('alliance accounts see their alliances, not region aggregates');
    case 'INSTITUTION':
      return deny('institution accounts see their own institution only');
    case 'APP': {
      const grant = regionGrant(p, divisionCode);
      return grant
        ? allow(`REGION grant ${grant.code} covers ${divisionCode}`)
        : deny(`no grant of app ${p.id} covers region ${divisionCode}`);
    }
    default:
      return deny('anonymous callers see catalog and registry master data only');
  }
}

/** Whether the principal may see an institution's data (service volume, indicators, its forms). */
export function institutionAccess(p: Principal, inst: InstitutionFacts): Access {
  switch (p.kind) {
    case 'NATIONAL':
      return allow('national account: every institution');
    case 'PROVINCE':
    case 'CITY':
      return p.division !== null && divisionWithin(inst.divisionCode, p.division)
        ? allow(`institution stands in ${inst.divisionCode}, within ${p.division}`)
        : deny(`institution ${inst.orgCode} stands outside ${p.kind.toLowerCase()} account ${p.id}`);
    case 'URBAN_ALLIANCE':
    case 'COUNTY_ALLIANCE': {
      const covering = inst.allianceIds.find((a) => allianceAccess(p, a).allowed);
      return covering
        ? allow(`member of ${covering.id}, an alliance of account ${p.id}`)
        : deny(`institution ${inst.orgCode} is in no alliance of account ${p.id}`);
    }
    case 'INSTITUTION':
      return p.orgCode === inst.orgCode
        ? allow('its own institution')
        : deny('institution accounts see their own institution only');
    case 'APP': {
      if (grantsOf(p, 'INSTITUTION').some((g) => g.code === inst.orgCode)) {
        return allow(`INSTITUTION grant ${inst.orgCode}`);
      }
      const grant = regionGrant(p, inst.divisionCode);
      return grant
        ? allow(`REGION grant ${grant.code} covers ${inst.divisionCode}`)
        : deny(`no grant of app ${p.id} covers institution ${inst.orgCode}`);
    }
    default:
      return deny('anonymous callers see catalog and registry master data only');
  }
}

/** Whether the principal may see an alliance's data (referrals, members' volumes, indicators, forms). */
export function allianceAccess(
  p: Principal,
  alliance: Pick<AllianceFacts, 'id' | 'kind' | 'divisionCode'> & Partial<AllianceFacts>,
): Access {
  switch (p.kind) {
    case 'NATIONAL':
      return allow('national account: every alliance');
    case 'PROVINCE':
    case 'CITY':
      return p.division !== null && divisionWithin(alliance.divisionCode, p.division)
        ? allow(`alliance organised in ${alliance.divisionCode}, within ${p.division}`)
        : deny(`alliance ${alliance.id} is organised outside ${p.kind.toLowerCase()} account ${p.id}`);
    case 'URBAN_ALLIANCE':
    case 'COUNTY_ALLIANCE': {
      const kind = accountAllianceKind(p);
      if (alliance.kind !== kind) return deny(`account ${p.id} covers ${kind} alliances only`);
      return p.division !== null && divisionWithin(alliance.divisionCode, p.division)
        ? allow(`${kind} alliance of city ${p.division}`)
        : deny(`alliance ${alliance.id} is outside city ${p.division ?? ''}`);
    }
    case 'INSTITUTION':
      return deny('institution accounts see their own institution only');
    case 'APP': {
      if (grantsOf(p, 'ALLIANCE').some((g) => g.code === alliance.id))
        return allow(`ALLIANCE grant ${alliance.id}`);
      const grant = regionGrant(p, alliance.divisionCode);
      return grant
        ? allow(`REGION grant ${grant.code} covers ${alliance.divisionCode}`)
        : deny(`no grant of app ${p.id} covers alliance ${alliance.id}`);
    }
    default:
      return deny('anonymous callers see catalog and registry master data only');
  }
}

/** Public master data: the indicator catalog and the institution registry (names, levels, codes). */
export type PublicData = 'catalog' | 'registry';

/** Whether the principal may read public master data: it holds `catalog:read` / `registry:read`. */
export function publicDataAllowed(p: Principal, data: PublicData = 'registry'): Access {
  const role = `${data}:read`;
  return p.roles.includes(role) ? allow(`role ${role}`) : deny(`principal ${p.id} lacks role ${role}`);
}
