import { directionOf } from '../../../adapters';
import type { InstitutionRecord, SourceOutcome } from '../../../adapters';
import { isPrimaryCareCategory, normalizeCategoryCode } from '../../../adapters/registry/codes';
import { registryFactsAdapter } from '../../../adapters/registry/facts';
import type {
  InstitutionClassCount,
  MechanismInForce,
  MembershipFact,
  OwnSharedCenter,
  PolicyIssued,
  SharedCenterCount,
  SupportPairCount,
} from '../../../adapters/registry/facts';
import type { MechanismItem, PolicyKind, SharedCenterKind } from '../../../adapters/registry/model';
import type { TelemedSessionCount } from '../../../adapters/telemed/model';
import { RegionLevel } from '../../../schema/enums';
import { ErrorCode, userError } from '../../../schema/errors';
import { periodLastDay, periodMonths } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import type { ParsedMeasureRequest } from '../../common/measure-resolver';
import { ScopeKind } from '../../common/measures';
import type { EvidenceData, MeasureValueData } from '../../common/measures';
import type { DivisionIndex } from '../../common/registry-view';
import { groupBy, registryUnavailable } from '../../common/registry-view';
import type { AlliancesContext } from '../context';
import { unknownAlliance } from '../errors';
import { flowKey } from '../flows/loaders';
import { reportsOf } from '../flows/summaries';
import { OncePer } from '../../common/memo';

/**
 * Registry facts (alliances, members, shared centres, mechanisms, policy documents, support) and
 * telemedicine parties, as measures. A batch costs a fixed number of statements whatever its
 * scopes, periods and measures: one per registry fact family asked (every period in one statement,
 * aggregated by the database), one per telemedicine source, one for the institutions involved.
 *
 * Scopes: REGION — alliances whose grid division (alliance.division_code) is in the region's
 * subtree and that exist during the period (their memberships overlapping it), institutions and
 * centres standing in it; ALLIANCE — the alliance; INSTITUTION — the institution (its alliances:
 * memberships overlapping the period; "led" facts: JT/GT alliances whose lead it is).
 */

type Need =
  'MEMBERS' | 'CENTER_COUNTS' | 'OWN_CENTERS' | 'MECHANISMS' | 'POLICIES' | 'CLASSES' | 'SUPPORT' | 'TELEMED';

/** The resolved scope of one request. */
export interface FactScope {
  readonly kind: ScopeKind;
  readonly code: string;
  readonly period: Period;
  /** REGION: the division and every division below it. */
  readonly subtree: ReadonlySet<string>;
  /** REGION: its county-level divisions. */
  readonly counties: readonly string[];
  /** REGION: the division and those above it (issuers of the documents in force there). */
  readonly ancestors: ReadonlySet<string>;
}

/** Everything a batch read, for every period of the batch. */
export interface FactData {
  readonly members: readonly MembershipFact[];
  readonly centerCounts: readonly SharedCenterCount[];
  readonly ownCenters: readonly OwnSharedCenter[];
  readonly mechanisms: readonly MechanismInForce[];
  readonly policies: readonly PolicyIssued[];
  readonly classes: readonly InstitutionClassCount[];
  readonly support: readonly SupportPairCount[];
  readonly telemed: readonly TelemedSessionCount[];
  readonly telemedOutcomes: ReadonlyArray<SourceOutcome<unknown>>;
  /** Per telemed source: the last day answered from the measure store. */
  readonly telemedStoredThrough?: ReadonlyMap<string, string | null>;
  readonly institutions: ReadonlyMap<string, InstitutionRecord>;
  readonly divisions: DivisionIndex;
}

interface Result {
  readonly value: number | null;
  readonly evidence?: EvidenceData[];
}

export interface FactMeasure {
  readonly family: 'FACT';
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly scopeKinds: readonly ScopeKind[];
  readonly needs: readonly Need[];
  readonly compute: (scope: FactScope, data: FactData) => Result;
}

const REGION = [ScopeKind.REGION];
const INSTITUTION = [ScopeKind.INSTITUTION];
const REGION_ALLIANCE = [ScopeKind.REGION, ScopeKind.ALLIANCE];
const ALL = [ScopeKind.REGION, ScopeKind.ALLIANCE, ScopeKind.INSTITUTION];

// ── institution classes (raw registry codes) ────────────────────────────────────────────────

interface Classed {
  readonly categoryCode: string | null;
  readonly hospLevel: string | null;
  readonly ownership: string | null;
}

const cat = (c: Classed): string | null => normalizeCategoryCode(c.categoryCode);
const isCommunityCenter = (c: Classed): boolean => cat(c) === 'B100';
const isCommunityStation = (c: Classed): boolean => cat(c) === 'B200';
export const isTownshipCenter = (c: Classed): boolean => cat(c) === 'C210' || cat(c) === 'C220';
const isPrimaryCenter = (c: Classed): boolean =>
  isCommunityCenter(c) || isCommunityStation(c) || isTownshipCenter(c);
const isHospital = (c: Classed): boolean => cat(c) !== null && !isPrimaryCareCategory(cat(c));
const isPublic = (c: Classed): boolean => c.ownership === '1' || c.ownership === '2';
const levelIs =
  (...levels: string[]) =>
  (c: Classed): boolean =>
    levels.includes((c.hospLevel ?? '').trim());
const isLevel3PublicHospital = (c: Classed): boolean => isHospital(c) && isPublic(c) && levelIs('3')(c);
const isSecondaryOrTertiary = (c: Classed): boolean => isHospital(c) && levelIs('2', '3')(c);
const isRehabHospital = (c: Classed): boolean => cat(c) === 'A527';
const isNursing = (c: Classed): boolean => cat(c) === 'A710' || cat(c) === 'A720';
const isNursingHome = (c: Classed): boolean => cat(c) === 'A710';
const isPrivate = (c: Classed): boolean => c.ownership === '3';

const LEVEL_CODE: Record<string, string> = { LEVEL_3: '3', LEVEL_2: '2', LEVEL_1: '1' };
const OWNERSHIP_CODE: Record<string, string> = { GOVERNMENT: '1', OTHER_PUBLIC: '2', PRIVATE: '3' };
function classOf(i: InstitutionRecord): Classed {
  return {
    categoryCode: i.categoryCode,
    hospLevel: LEVEL_CODE[i.level] ?? null,
    ownership: i.ownership ? (OWNERSHIP_CODE[i.ownership] ?? null) : null,
  };
}

const isoDate = (d: string | null): string =>
  d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : '';

// ── scope selections ─────────────────────────────────────────────────────────────────────────

/** A scope's selections of a batch's facts, made once per (data, scope) for all its measures. */
const SELECTED = new OncePer<FactData, MembershipFact[]>();
const scopeId = (scope: FactScope): string => `${scope.kind}|${scope.code}|${scope.period.id}`;

/**
 * The memberships of one period (a batch holds every period asked), once per period of a list:
 * the registry hands the same list to every request while it keeps the answer.
 */
const OF_PERIOD = new OncePer<readonly MembershipFact[], readonly MembershipFact[]>();
const membersOf = (data: FactData, periodId: string): readonly MembershipFact[] =>
  OF_PERIOD.get(data.members, periodId, () => data.members.filter((m) => m.periodId === periodId));

/**
 * Membership facts of the scope's alliances (REGION: grid division in the region; ALLIANCE:
 * itself), shared by the scope's measures (a province's memberships were filtered again for each).
 */
function allianceFacts(scope: FactScope, data: FactData): readonly MembershipFact[] {
  return SELECTED.get(data, `alliances|${scopeId(scope)}`, () =>
    scope.kind === ScopeKind.REGION
      ? inSubtree(scope, membersByDivision(data, scope.period.id))
      : membersOf(data, scope.period.id).filter((m) =>
          scope.kind === ScopeKind.ALLIANCE ? m.allianceId === scope.code : m.orgCode === scope.code,
        ),
  );
}

/** The items of the divisions of a region's subtree (grouped by division): a scope's, without walking a province's. */
function inSubtree<T>(scope: FactScope, byDivision: ReadonlyMap<string, readonly T[]>): T[] {
  const out: T[] = [];
  for (const division of scope.subtree) for (const item of byDivision.get(division) ?? []) out.push(item);
  return out;
}

/** A period's memberships by their alliance's grid division, once per kept list. */
const BY_DIVISION = new OncePer<readonly MembershipFact[], ReadonlyMap<string, readonly MembershipFact[]>>();
const membersByDivision = (
  data: FactData,
  periodId: string,
): ReadonlyMap<string, readonly MembershipFact[]> =>
  BY_DIVISION.get(data.members, periodId, () =>
    groupBy(membersOf(data, periodId), (m) => m.allianceDivision),
  );

/** Facts of the JT/GT alliances an institution leads (kinds `JT`, `GT`), shared like allianceFacts. */
function ledGroupFacts(scope: FactScope, data: FactData): readonly MembershipFact[] {
  return SELECTED.get(data, `led|${scopeId(scope)}`, () =>
    membersOf(data, scope.period.id).filter(
      (m) => m.leadOrgCode === scope.code && (m.kindCode === 'JT' || m.kindCode === 'GT'),
    ),
  );
}

const distinct = <T>(rows: readonly T[], key: (r: T) => string | null): number =>
  new Set(rows.map(key).filter((k): k is string => k !== null)).size;

/** Distinct alliances of the scope (optionally of one kind). */
const allianceCount =
  (filter: (m: MembershipFact) => boolean = () => true) =>
  (scope: FactScope, data: FactData): Result => ({
    value: distinct(allianceFacts(scope, data).filter(filter), (m) => m.allianceId),
  });

/** Distinct member institutions of the scope's alliances that satisfy `filter`. */
const memberCount =
  (filter: (m: MembershipFact) => boolean = () => true) =>
  (scope: FactScope, data: FactData): Result => ({
    value: distinct(
      allianceFacts(scope, data).filter((m) => m.orgCode !== null && filter(m)),
      (m) => m.orgCode,
    ),
  });

/** Distinct members (not the lead itself) of the JT/GT alliances an institution leads that satisfy `filter`. */
const ledMemberCount =
  (filter: (m: MembershipFact) => boolean = () => true) =>
  (scope: FactScope, data: FactData): Result => ({
    value: distinct(
      ledGroupFacts(scope, data).filter((m) => m.orgCode !== null && m.orgCode !== scope.code && filter(m)),
      (m) => m.orgCode,
    ),
  });

/** Institutions open on the period's last day in the region's counties, of a class. */
const institutionCount =
  (filter: (c: Classed) => boolean) =>
  (scope: FactScope, data: FactData): Result => {
    const counties = new Set(scope.counties);
    let n = 0;
    for (const c of data.classes)
      if (c.periodId === scope.period.id && counties.has(c.divisionCode) && filter(c)) n += c.institutions;
    return { value: n };
  };

// ── support ──────────────────────────────────────────────────────────────────────────────────

/**
 * 与二、三级医院建立稳定的技术帮扶和分工协作关系 (the seed: 以签订帮扶协议为准; the registry holds no
 * agreements): a community or township centre standing in the region that, during the period, is a
 * member of an alliance led by a 二级/三级 hospital, or received at least one support activity
 * (support_activity, any kind) from a 二级/三级 hospital — and is open on the period's last day (统计时间点),
 * like the totals it is compared with (≤ 乡镇卫生院总数, seed line 1731).
 */
export function stablySupported(
  scope: FactScope,
  data: FactData,
  filter: (c: Classed) => boolean,
): Set<string> {
  const result = new Set<string>();
  for (const [org, c] of supportedCentres(scope, data)) if (filter(c)) result.add(org);
  return result;
}

/** The institutions stably supported in a scope, with their class, once per (data, scope). */
const SUPPORTED = new OncePer<FactData, readonly SupportedCentre[]>();

/** An institution that stablySupported would count, with its class; grouped by the division it stands in. */
type SupportedCentre = readonly [org: string, centre: Classed];

/**
 * Per period: every institution so supported, by the division it stands in (see
 * supportedCentres), found once per kept list (the registry's answers, shared by the requests
 * while kept): the members of a secondary or tertiary lead's alliance, and the receivers of such
 * an institution's support.
 */
const MEMBER_CANDIDATES = new OncePer<
  readonly MembershipFact[],
  ReadonlyMap<string, readonly SupportedCentre[]>
>();
const SUPPORT_CANDIDATES = new OncePer<
  readonly SupportPairCount[],
  ReadonlyMap<string, readonly SupportedCentre[]>
>();

/**
 * Every institution of the scope that stablySupported would count, whatever its class, with the
 * class its filter is asked about (the member's, or the receiver's): found once per scope for the
 * three support measures, from the divisions of its subtree in the period's candidates, found
 * once for every scope (a province's memberships and support pairs were walked by each scope).
 */
function supportedCentres(scope: FactScope, data: FactData): readonly SupportedCentre[] {
  return SUPPORTED.get(data, scopeId(scope), () => {
    const pid = scope.period.id;
    return [
      ...inSubtree(scope, memberCandidates(data, pid)),
      ...inSubtree(scope, supportCandidates(data.support, pid)),
    ];
  });
}

function memberCandidates(data: FactData, pid: string): ReadonlyMap<string, readonly SupportedCentre[]> {
  return MEMBER_CANDIDATES.get(data.members, pid, () => {
    const members = membersOf(data, pid);
    const leadClass = new Map<string, MembershipFact>();
    for (const m of members)
      if (m.role === 'LEAD' && m.orgCode === m.leadOrgCode) leadClass.set(m.allianceId, m);
    const found = members.flatMap((m): Array<readonly [string, SupportedCentre]> => {
      if (m.orgCode === null || m.memberDivision === null || !m.memberOpenAtEnd) return [];
      const lead = leadClass.get(m.allianceId);
      return lead && lead.orgCode !== m.orgCode && isSecondaryOrTertiary(lead)
        ? [[m.memberDivision, [m.orgCode, m]]]
        : [];
    });
    return groupBy(
      found,
      ([division]) => division,
      ([, centre]) => centre,
    );
  });
}

function supportCandidates(
  support: readonly SupportPairCount[],
  pid: string,
): ReadonlyMap<string, readonly SupportedCentre[]> {
  return SUPPORT_CANDIDATES.get(support, pid, () => {
    const found = support.flatMap((s): Array<readonly [string, SupportedCentre]> => {
      if (s.periodId !== pid || s.toDivision === null || !s.toOpenAtEnd) return [];
      const giver: Classed = { categoryCode: s.fromCategory, hospLevel: s.fromLevel, ownership: null };
      return isSecondaryOrTertiary(giver)
        ? [[s.toDivision, [s.toOrgCode, { categoryCode: s.toCategory, hospLevel: null, ownership: null }]]]
        : [];
    });
    return groupBy(
      found,
      ([division]) => division,
      ([, centre]) => centre,
    );
  });
}

/**
 * Support from an alliance's lead to its primary-care members (牵头医院帮助基层…): activities of the
 * kinds given, from the lead of an alliance of the scope to one of its members during the period
 * that is a primary-care institution; a (giver, receiver, kind) counted once even when both belong
 * to two alliances of the scope.
 */
const leadSupportToPrimary =
  (kinds: readonly string[]) =>
  (scope: FactScope, data: FactData): Result => {
    const byPair = supportByPair(data.support, scope.period.id);
    let n = 0;
    for (const pair of leadPrimaryPairs(scope, data))
      for (const s of byPair.get(pair) ?? []) if (kinds.includes(s.kind)) n += s.activities;
    return { value: n };
  };

/** The (lead, primary-care member) pairs of a scope's alliances, once per scope for the kinds' measures. */
const LEAD_PAIRS = new OncePer<FactData, readonly string[]>();
function leadPrimaryPairs(scope: FactScope, data: FactData): readonly string[] {
  return LEAD_PAIRS.get(data, scopeId(scope), () => {
    const pairs = new Set<string>();
    for (const m of allianceFacts(scope, data))
      if (m.orgCode && m.leadOrgCode && m.orgCode !== m.leadOrgCode && isPrimaryCareCategory(cat(m)))
        pairs.add(`${m.leadOrgCode}|${m.orgCode}`);
    return [...pairs];
  });
}

/** A period's support pairs by `giver|receiver`, once per kept list. */
const BY_PAIR = new OncePer<readonly SupportPairCount[], ReadonlyMap<string, readonly SupportPairCount[]>>();
const supportByPair = (
  support: readonly SupportPairCount[],
  pid: string,
): ReadonlyMap<string, readonly SupportPairCount[]> =>
  BY_PAIR.get(support, pid, () =>
    groupBy(support, (s) => (s.periodId === pid ? `${s.fromOrgCode}|${s.toOrgCode}` : null)),
  );

// ── telemedicine ─────────────────────────────────────────────────────────────────────────────

interface Party {
  readonly org: InstitutionRecord;
  readonly other: InstitutionRecord | undefined;
  readonly otherCode: string | null;
  readonly sessions: number;
}

/** The parties of a batch's data per period: every scope and measure of the batch shares them. */
const PARTIES = new OncePer<FactData, readonly Party[]>();

/** Both sides of every DONE session of the period, each as a party with its counterpart. */
function parties(scope: FactScope, data: FactData): readonly Party[] {
  return PARTIES.get(data, scope.period.id, () => partiesOf(scope.period, data));
}

function partiesOf(period: Period, data: FactData): Party[] {
  const months = new Set(periodMonths(period));
  const result: Party[] = [];
  for (const s of data.telemed) {
    if (!months.has(s.month)) continue;
    for (const [a, b] of [
      [s.requesterOrg, s.providerOrg],
      [s.providerOrg, s.requesterOrg],
    ] as const) {
      const org = a === null ? undefined : data.institutions.get(a);
      if (org)
        result.push({
          org,
          other: b === null ? undefined : data.institutions.get(b),
          otherCode: b,
          sessions: s.sessions,
        });
    }
  }
  return result;
}

const telemedValue = (data: FactData, compute: () => number): number | null =>
  data.telemedOutcomes.some((o) => o.ok) ? compute() : null;

/** A city district (市辖区): a county-level division whose name ends in 区; otherwise a county (县, 县级市). */
function isCityDistrict(data: FactData, code: string): boolean {
  const d = data.divisions.get(code);
  return !!d && d.level === RegionLevel.COUNTY && d.name.trim().endsWith('区');
}

/** Distinct institutions of the region party to a session, with `filter` on the party and its counterpart. */
const telemedHospitals =
  (filter: (p: Party, data: FactData) => boolean) =>
  (scope: FactScope, data: FactData): Result => ({
    value: telemedValue(data, () =>
      distinct(
        partiesIn(scope, data).filter((p) => filter(p, data)),
        (p) => p.org.orgCode,
      ),
    ),
  });

/** The parties standing in a region (its subtree), found once per scope for its telemedicine measures. */
function partiesIn(scope: FactScope, data: FactData): readonly Party[] {
  return PARTIES.get(data, `in|${scopeId(scope)}`, () =>
    parties(scope, data).filter((p) => scope.subtree.has(p.org.divisionCode)),
  );
}

/** Counterparts of one institution's sessions in the period (distinct) that satisfy `filter`. */
const telemedCounterparts =
  (filter: (p: Party) => boolean) =>
  (scope: FactScope, data: FactData): Result => ({
    value: telemedValue(data, () =>
      distinct(
        parties(scope, data).filter(
          (p) => p.org.orgCode === scope.code && p.otherCode !== scope.code && filter(p),
        ),
        (p) => p.otherCode,
      ),
    ),
  });

/** Sessions of one institution in the period with a counterpart that satisfies `filter`. */
const telemedSessionsWith =
  (filter: (p: Party) => boolean) =>
  (scope: FactScope, data: FactData): Result => ({
    value: telemedValue(data, () =>
      parties(scope, data)
        .filter((p) => p.org.orgCode === scope.code && filter(p))
        .reduce((n, p) => n + p.sessions, 0),
    ),
  });

const directionTo = (p: Party): string => directionOf(p.org, p.other);

/**
 * 建立远程医疗服务系统并开展远程医疗服务的县（市、区）: a county-level division of the region where a
 * 二级/三级 hospital standing in it had at least one DONE session in the period with a 三级 hospital
 * standing outside it (a 上级医疗机构).
 */
function telemedCounties(scope: FactScope, data: FactData): Set<string> {
  const counties = new Set(scope.counties);
  const result = new Set<string>();
  for (const p of parties(scope, data)) {
    const county = p.org.divisionCode;
    if (!counties.has(county) || !isSecondaryOrTertiary(classOf(p.org)) || !p.other) continue;
    if (p.other.divisionCode !== county && isLevel3PublicOrAny(p.other)) result.add(county);
  }
  return result;
}
const isLevel3PublicOrAny = (i: InstitutionRecord): boolean =>
  isHospital(classOf(i)) && levelIs('3')(classOf(i));

// ── qualitative ──────────────────────────────────────────────────────────────────────────────

const MECHANISM_ZH: Record<MechanismItem, string> = {
  CHARTER: '章程明确责权利',
  QUALITY_HOMOGENEITY: '质量同质化管理制度',
  REFERRAL_STANDARD: '双向转诊标准与程序',
  PRIORITY_SERVICE: '转诊患者优先接诊检查住院',
  CONTINUITY: '诊疗-康复-长护连续服务',
  EMR_SHARING: '电子病历连续记录与共享',
  PACKAGED_PAYMENT: '医保打包支付',
  GLOBAL_BUDGET: '医保总额付费',
  PRESCRIPTION_EXTENSION: '处方延伸',
  BENEFIT_SHARING: '利益共享',
  PERF_PAY: '绩效工资政策',
};

/** Mechanisms of an item in force on the period's last day, of the scope's alliances. */
const mechanism =
  (item: MechanismItem) =>
  (scope: FactScope, data: FactData): Result => {
    const alliances = new Set(allianceFacts(scope, data).map((m) => m.allianceId));
    if (scope.kind === ScopeKind.ALLIANCE) alliances.add(scope.code);
    const found = data.mechanisms
      .filter((m) => m.periodId === scope.period.id && m.item === item && alliances.has(m.allianceId))
      .sort((a, b) => a.allianceId.localeCompare(b.allianceId));
    return {
      value: found.length,
      evidence: found.map((m) => ({
        kind: m.item,
        title: `${MECHANISM_ZH[m.item]}（${m.allianceName}）`,
        date: isoDate(m.since),
        holder: m.allianceId,
      })),
    };
  };

/** Documents of a kind issued by the region's division or any division above it, by the period's last day. */
const policy =
  (kind: PolicyKind) =>
  (scope: FactScope, data: FactData): Result => {
    const found = data.policies
      .filter((d) => d.periodId === scope.period.id && d.kind === kind && scope.ancestors.has(d.divisionCode))
      .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.divisionCode.localeCompare(b.divisionCode));
    return {
      value: found.reduce((n, d) => n + d.documents, 0),
      evidence: found.map((d) => ({
        kind: d.kind,
        title: d.title,
        date: isoDate(d.issuedOn),
        holder: d.divisionCode,
      })),
    };
  };

/** Divisions of a level within the region that issued a document of the kind themselves. */
const divisionsWithOwnPolicy =
  (kind: PolicyKind, level: RegionLevel) =>
  (scope: FactScope, data: FactData): Result => ({
    value: distinct(
      data.policies.filter(
        (d) =>
          d.periodId === scope.period.id &&
          d.kind === kind &&
          scope.subtree.has(d.divisionCode) &&
          data.divisions.get(d.divisionCode)?.level === level,
      ),
      (d) => d.divisionCode,
    ),
  });

const CENTER_ZH: Record<SharedCenterKind, string> = {
  IMAGING: '医学影像诊断中心',
  LAB: '医学检验实验室',
  PATHOLOGY: '病理诊断中心',
  DIALYSIS: '血液透析中心',
  HOSPICE: '安宁疗护中心',
  DISINFECTION: '消毒供应中心',
  REHAB: '康复医疗中心',
  NURSING: '护理中心',
  EYE: '中小型眼科',
  CHECKUP: '健康体检中心',
  LOGISTICS: '后勤服务中心',
  ECG: '心电中心',
};

/** Shared centres of a kind hosted in the region (host institution's county), open on the period's last day. */
const centersInRegion =
  (kind: SharedCenterKind) =>
  (scope: FactScope, data: FactData): Result => {
    let n = 0;
    for (const c of data.centerCounts)
      if (
        c.periodId === scope.period.id &&
        c.kind === kind &&
        c.hostDivision &&
        scope.subtree.has(c.hostDivision)
      )
        n += c.centers;
    return { value: n };
  };

/**
 * 是否建立独立…中心 (表3, the lead hospital): centres of the kind open on the period's last day that
 * the institution hosts or that belong to an alliance it leads.
 */
const ownCenter =
  (kind: SharedCenterKind) =>
  (scope: FactScope, data: FactData): Result => {
    const byId = new Map<string, OwnSharedCenter>();
    for (const c of data.ownCenters)
      if (
        c.periodId === scope.period.id &&
        c.kind === kind &&
        (c.hostOrgCode === scope.code || c.allianceLead === scope.code)
      )
        byId.set(c.centerId, c);
    const found = [...byId.values()].sort((a, b) => a.centerId.localeCompare(b.centerId));
    return {
      value: found.length,
      evidence: found.map((c) => ({
        kind: c.kind,
        title: `${CENTER_ZH[c.kind]} ${c.centerId}`,
        date: isoDate(c.openedOn),
        holder: c.allianceId ?? c.hostOrgCode ?? '',
      })),
    };
  };

// ── the measures ─────────────────────────────────────────────────────────────────────────────

function m(
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  scopeKinds: readonly ScopeKind[],
  needs: readonly Need[],
  compute: FactMeasure['compute'],
): FactMeasure {
  return { family: 'FACT', code, nameZh, nameEn, unit, scopeKinds, needs, compute };
}

const MEMBERS: Need[] = ['MEMBERS'];
const CLASSES: Need[] = ['CLASSES'];
const TELEMED: Need[] = ['TELEMED'];

const ALLIANCE_KIND_MEASURES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['ALLIANCES_URBAN_GROUP', 'JT', '城市医联体（医疗集团）数', 'urban medical groups (JT)'],
  ['ALLIANCES_COUNTY_COMMUNITY', 'GT', '医疗共同体数', 'county medical communities (GT)'],
  ['ALLIANCES_SPECIALTY', 'ZK', '专科联盟数', 'specialty alliances (ZK)'],
  ['ALLIANCES_TELEMED_NETWORK', 'YC', '远程医疗协作网数', 'telemedicine networks (YC)'],
];

const CENTER_MEASURES: ReadonlyArray<readonly [SharedCenterKind, string]> = [
  ['IMAGING', 'medical imaging diagnosis centres'],
  ['LAB', 'medical laboratories'],
  ['PATHOLOGY', 'pathology diagnosis centres'],
  ['DIALYSIS', 'haemodialysis centres'],
  ['HOSPICE', 'hospice (安宁疗护) centres'],
  ['DISINFECTION', 'sterile supply (消毒供应) centres'],
  ['REHAB', 'rehabilitation centres'],
  ['NURSING', 'nursing centres'],
  ['EYE', 'small and medium ophthalmology centres'],
  ['CHECKUP', 'health check-up centres'],
];

const MECHANISM_EN: Record<MechanismItem, string> = {
  CHARTER: 'a charter fixing responsibilities, rights and interests',
  QUALITY_HOMOGENEITY: 'homogeneous quality management',
  REFERRAL_STANDARD: 'two-way referral standards and procedures',
  PRIORITY_SERVICE: 'priority reception, examination and admission of referred patients',
  CONTINUITY: 'continuous treatment–rehabilitation–long-term care',
  EMR_SHARING: 'continuous, shared electronic records',
  PACKAGED_PAYMENT: 'packaged insurance payment',
  GLOBAL_BUDGET: 'insurance global budget',
  PRESCRIPTION_EXTENSION: 'prescription extension',
  BENEFIT_SHARING: 'benefit sharing',
  PERF_PAY: 'a performance-pay policy',
};

const POLICY_ZH: Record<PolicyKind, string> = {
  ALLIANCE_PLAN: '医联体建设工作方案',
  GRID_PLAN: '网格化布局规划',
  INSURANCE_DIFF: '医保差异化报销',
  BENEFIT_SHARING: '利益共享指导意见',
  TELEMED_PRICING: '远程医疗收费标准',
  PERF_PAY: '绩效工资政策',
  HOME_BED_PRICING: '家庭病床/居家护理定价',
  GRADING_IN_GOV_ASSESSMENT: '分级诊疗纳入政府绩效考核',
  COUNTY_PLAN: '县域医疗卫生服务体系规划',
};

export const factMeasures: readonly FactMeasure[] = [
  // 1. 医联体工作情况
  m(
    'ALLIANCES_TOTAL',
    '构建的医联体数',
    'Alliances of the scope existing during the period (every kind)',
    '个',
    REGION,
    MEMBERS,
    allianceCount(),
  ),
  m(
    'ALLIANCES_TCM',
    '中医医联体数',
    'TCM alliances (alliance.tcm = 1) existing during the period',
    '个',
    REGION,
    MEMBERS,
    allianceCount((f) => f.tcm),
  ),
  ...ALLIANCE_KIND_MEASURES.map(([code, kind, zh, en]) =>
    m(
      code,
      zh,
      `Alliances existing during the period: ${en}`,
      '个',
      REGION,
      MEMBERS,
      allianceCount((f) => f.kindCode === kind),
    ),
  ),
  m(
    'ALLIANCE_COVERED_INSTITUTIONS',
    '医联体覆盖医疗机构数',
    'Distinct member institutions (lead included) of the alliances of the scope during the period',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(),
  ),
  m(
    'ALLIANCE_COVERED_LEVEL_3',
    '医联体覆盖三级医疗机构数',
    'Distinct members of hosp_level 3',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(levelIs('3')),
  ),
  m(
    'ALLIANCE_COVERED_LEVEL_2',
    '医联体覆盖二级医疗机构数',
    'Distinct members of hosp_level 2',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(levelIs('2')),
  ),
  m(
    'ALLIANCE_COVERED_LEVEL_1',
    '医联体覆盖一级医疗机构数',
    'Distinct members of hosp_level 1',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(levelIs('1')),
  ),
  m(
    'ALLIANCE_LEADS_LEVEL_3_PUBLIC',
    '启动医联体的三级公立医院数',
    'Distinct leads (role L) of alliances of the scope that are public (政府办/其他公立) 三级 hospitals',
    '个',
    REGION,
    MEMBERS,
    memberCount((f) => f.role === 'LEAD' && isLevel3PublicHospital(f)),
  ),
  m(
    'ALLIANCE_MEMBER_COMMUNITY_CENTERS',
    '参与医联体的社区卫生服务中心数',
    'Distinct members that are community health centres (B100)',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(isCommunityCenter),
  ),
  m(
    'ALLIANCE_MEMBER_TOWNSHIP_CENTERS',
    '参与医联体的乡镇卫生院数',
    'Distinct members that are township health centres (C210, C220)',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(isTownshipCenter),
  ),
  m(
    'ALLIANCE_MEMBER_PRIMARY_CENTERS',
    '参与医联体的社区卫生服务中心/站、乡镇卫生院数',
    'Distinct members that are community health centres or stations or township health centres (B100, B200, C210, C220)',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(isPrimaryCenter),
  ),
  m(
    'ALLIANCE_MEMBER_NURSING_HOMES',
    '加入医联体的护理院数',
    'Distinct members that are nursing homes (A710)',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(isNursingHome),
  ),
  m(
    'ALLIANCE_MEMBER_REHAB_HOSPITALS',
    '加入医联体的康复医院数',
    'Distinct members that are rehabilitation hospitals (A527)',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(isRehabHospital),
  ),
  m(
    'ALLIANCE_MEMBER_PRIVATE',
    '社会力量举办医疗机构加入医联体数',
    'Distinct members run by social capital (ownership 3)',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount(isPrivate),
  ),
  m(
    'ALLIANCE_MEMBER_PRIVATE_NURSING_REHAB',
    '参与医联体的社会办医疗机构、护理院、康复医院数',
    'Distinct members that are privately run, nursing homes (A710) or rehabilitation hospitals (A527), each once',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount((f) => isPrivate(f) || isNursingHome(f) || isRehabHospital(f)),
  ),
  m(
    'ALLIANCE_MEMBERS_MUTUAL_RECOGNITION',
    '实现医联体内检查检验结果互认的机构数',
    'Distinct members of the alliances of the scope that take part in mutual recognition of results (institution.mutual_recognition = 1)',
    '个',
    REGION_ALLIANCE,
    MEMBERS,
    memberCount((f) => f.mutualRecognition),
  ),
  // registry denominators
  m(
    'REG_LEVEL_3_PUBLIC_HOSPITALS',
    '三级公立医院数',
    "Public (政府办/其他公立) 三级 hospitals standing in the region, open on the period's last day",
    '个',
    REGION,
    CLASSES,
    institutionCount(isLevel3PublicHospital),
  ),
  m(
    'REG_COMMUNITY_CENTERS',
    '社区卫生服务中心数',
    "Community health centres (B100) standing in the region, open on the period's last day",
    '个',
    REGION,
    CLASSES,
    institutionCount(isCommunityCenter),
  ),
  m(
    'REG_TOWNSHIP_CENTERS',
    '乡镇卫生院数',
    "Township health centres (C210, C220) standing in the region, open on the period's last day",
    '个',
    REGION,
    CLASSES,
    institutionCount(isTownshipCenter),
  ),
  m(
    'REG_COMMUNITY_AND_TOWNSHIP_CENTERS',
    '社区卫生服务中心、乡镇卫生院数',
    "Community and township health centres (B100, C210, C220) open on the period's last day",
    '个',
    REGION,
    CLASSES,
    institutionCount((c) => isCommunityCenter(c) || isTownshipCenter(c)),
  ),
  m(
    'REG_PRIMARY_CENTERS',
    '社区卫生服务中心/站、乡镇卫生院数',
    "Community health centres and stations and township health centres (B100, B200, C210, C220) open on the period's last day",
    '个',
    REGION,
    CLASSES,
    institutionCount(isPrimaryCenter),
  ),
  m(
    'REG_COUNTIES',
    '县（市、区）总数',
    'County-level divisions of the region (the division tree)',
    '个',
    REGION,
    [],
    (scope) => ({ value: scope.counties.length }),
  ),
  // 2. 远程医疗
  m(
    'TELEMED_COUNTIES',
    '建立远程医疗服务系统并开展远程医疗服务的县数',
    'County-level divisions where a 二级/三级 hospital standing in it had a DONE telemedicine session in the period with a 三级 hospital standing outside it',
    '个',
    REGION,
    TELEMED,
    (scope, data) => ({ value: telemedValue(data, () => telemedCounties(scope, data).size) }),
  ),
  m(
    'TELEMED_CITY_L2_PUBLIC_HOSPITALS',
    '开展远程医疗服务的城市二级公立医院数',
    'Public 二级 hospitals standing in a city district (a county-level division named …区) party to a DONE session in the period',
    '个',
    REGION,
    TELEMED,
    telemedHospitals(
      (p, d) =>
        isCityDistrict(d, p.org.divisionCode) &&
        isHospital(classOf(p.org)) &&
        isPublic(classOf(p.org)) &&
        levelIs('2')(classOf(p.org)),
    ),
  ),
  m(
    'TELEMED_CITY_L3_PUBLIC_HOSPITALS',
    '开展远程医疗服务的城市三级公立医院数',
    'Public 三级 hospitals standing in a city district party to a DONE session in the period',
    '个',
    REGION,
    TELEMED,
    telemedHospitals(
      (p, d) => isCityDistrict(d, p.org.divisionCode) && isLevel3PublicHospital(classOf(p.org)),
    ),
  ),
  m(
    'TELEMED_COUNTY_PUBLIC_HOSPITALS',
    '开展远程医疗服务的县级公立医院数',
    'Public hospitals standing in a county or county-level city (not a district …区) party to a DONE session in the period',
    '个',
    REGION,
    TELEMED,
    telemedHospitals(
      (p, d) =>
        !isCityDistrict(d, p.org.divisionCode) && isHospital(classOf(p.org)) && isPublic(classOf(p.org)),
    ),
  ),
  m(
    'TELEMED_PUBLIC_HOSPITALS_WITH_PRIMARY',
    '与基层医疗卫生机构建立远程医疗服务的公立医院数',
    'Public hospitals of the region with a DONE session in the period whose counterpart is a primary-care institution',
    '个',
    REGION,
    TELEMED,
    telemedHospitals(
      (p) => isHospital(classOf(p.org)) && isPublic(classOf(p.org)) && !!p.other && p.other.primaryCare,
    ),
  ),
  m(
    'TELEMED_COUNTERPARTS',
    '远程医疗服务覆盖的医院数',
    'Distinct institutions with which the institution had a DONE session in the period (either side)',
    '个',
    INSTITUTION,
    TELEMED,
    telemedCounterparts(() => true),
  ),
  m(
    'TELEMED_COUNTERPARTS_UPPER',
    '与上级医院建立远程医疗服务的医院数',
    'Distinct counterparts of a higher level (registry levels, as referrals)',
    '个',
    INSTITUTION,
    TELEMED,
    telemedCounterparts((p) => directionTo(p) === 'UP'),
  ),
  m(
    'TELEMED_COUNTERPARTS_LOWER',
    '与下级医院建立远程医疗服务的医院数',
    'Distinct counterparts of a lower level (registry levels, as referrals)',
    '个',
    INSTITUTION,
    TELEMED,
    telemedCounterparts((p) => directionTo(p) === 'DOWN'),
  ),
  m(
    'TELEMED_COUNTERPARTS_TOWNSHIP',
    '远程医疗服务覆盖的乡镇卫生院数',
    'Distinct counterparts that are township health centres',
    '个',
    INSTITUTION,
    TELEMED,
    telemedCounterparts((p) => !!p.other && isTownshipCenter(classOf(p.other))),
  ),
  m(
    'TELEMED_COUNTERPARTS_COMMUNITY',
    '远程医疗服务覆盖的社区卫生服务中心数',
    'Distinct counterparts that are community health centres',
    '个',
    INSTITUTION,
    TELEMED,
    telemedCounterparts((p) => !!p.other && isCommunityCenter(classOf(p.other))),
  ),
  m(
    'TELEMED_SESSIONS_UPPER',
    '与上级医院远程医疗服务人次数',
    'DONE sessions of the institution in the period with a counterpart of a higher level',
    '人次',
    INSTITUTION,
    TELEMED,
    telemedSessionsWith((p) => directionTo(p) === 'UP'),
  ),
  m(
    'TELEMED_SESSIONS_LOWER',
    '与下级医院远程医疗服务人次数',
    'DONE sessions of the institution in the period with a counterpart of a lower level',
    '人次',
    INSTITUTION,
    TELEMED,
    telemedSessionsWith((p) => directionTo(p) === 'DOWN'),
  ),
  // 3. 对口帮扶
  m(
    'STABLE_SUPPORT_CENTERS',
    '与二、三级医院建立稳定帮扶关系的社区卫生服务中心、乡镇卫生院数',
    'Community and township health centres of the region supported by a 二级/三级 hospital (member of an alliance it leads, or support received in the period)',
    '个',
    REGION,
    ['MEMBERS', 'SUPPORT'],
    (s, d) => ({ value: stablySupported(s, d, (c) => isCommunityCenter(c) || isTownshipCenter(c)).size }),
  ),
  m(
    'STABLE_SUPPORT_COMMUNITY_CENTERS',
    '与二、三级医院建立稳定帮扶关系的社区卫生服务中心数',
    'Community health centres of the region so supported',
    '个',
    REGION,
    ['MEMBERS', 'SUPPORT'],
    (s, d) => ({ value: stablySupported(s, d, isCommunityCenter).size }),
  ),
  m(
    'STABLE_SUPPORT_TOWNSHIP_CENTERS',
    '与二、三级医院建立稳定帮扶关系的乡镇卫生院数',
    'Township health centres of the region so supported',
    '个',
    REGION,
    ['MEMBERS', 'SUPPORT'],
    (s, d) => ({ value: stablySupported(s, d, isTownshipCenter).size }),
  ),
  m(
    'LEAD_NEW_TECH_PROJECTS_FOR_PRIMARY',
    '牵头医院帮助基层开展新技术、新项目数',
    'NEW_TECH and NEW_PROJECT activities in the period from the lead of an alliance of the scope to its primary-care members',
    '项',
    REGION_ALLIANCE,
    ['MEMBERS', 'SUPPORT'],
    leadSupportToPrimary(['NEW_TECH', 'NEW_PROJECT']),
  ),
  m(
    'LEAD_SPECIALTIES_FOR_PRIMARY',
    '牵头医院帮助基层开展专科数',
    'SPECIALTY activities in the period from the lead of an alliance of the scope to its primary-care members',
    '项',
    REGION_ALLIANCE,
    ['MEMBERS', 'SUPPORT'],
    leadSupportToPrimary(['SPECIALTY']),
  ),
  // 5. 区域共享中心
  ...CENTER_MEASURES.map(([kind, en]) =>
    m(
      `SHARED_CENTERS_${kind}`,
      `${CENTER_ZH[kind]}数`,
      `Shared ${en} hosted in the region, open on the period's last day`,
      '个',
      REGION,
      ['CENTER_COUNTS'],
      centersInRegion(kind),
    ),
  ),
  ...(['IMAGING', 'LOGISTICS', 'LAB', 'DISINFECTION'] as const).map((kind) =>
    m(
      `OWN_SHARED_CENTER_${kind}`,
      `建立的${CENTER_ZH[kind]}`,
      `Shared ${kind.toLowerCase()} centres open on the period's last day hosted by the institution or belonging to an alliance it leads (qualitative, with evidence)`,
      '个',
      INSTITUTION,
      ['OWN_CENTERS'],
      ownCenter(kind),
    ),
  ),
  // 6. 机制与制度
  ...(Object.keys(MECHANISM_ZH) as MechanismItem[]).map((item) =>
    m(
      `MECHANISM_${item}`,
      `${MECHANISM_ZH[item]}（在用）`,
      `Alliance mechanisms in force on the period's last day: ${MECHANISM_EN[item]} (alliance: its own; institution: of its alliances; region: of the region's alliances); evidence lists them`,
      '项',
      ALL,
      ['MEMBERS', 'MECHANISMS'],
      mechanism(item),
    ),
  ),
  // 7. 政策文件
  ...(Object.keys(POLICY_ZH) as PolicyKind[]).map((kind) =>
    m(
      `POLICY_${kind}`,
      `${POLICY_ZH[kind]}（已出台）`,
      `Policy documents of kind ${kind} issued by the region's division or one above it, on or before the period's last day; evidence lists them`,
      '份',
      REGION,
      ['POLICIES'],
      policy(kind),
    ),
  ),
  m(
    'CITIES_GRADING_IN_GOV_ASSESSMENT',
    '将分级诊疗纳入对政府绩效考核的地市数',
    "City-level divisions of the region that issued a GRADING_IN_GOV_ASSESSMENT document themselves by the period's last day",
    '个',
    REGION,
    ['POLICIES'],
    divisionsWithOwnPolicy('GRADING_IN_GOV_ASSESSMENT', RegionLevel.CITY),
  ),
  m(
    'COUNTIES_WITH_COUNTY_PLAN',
    '制定并实施县域医疗卫生服务体系规划的县数',
    "County-level divisions of the region that issued a COUNTY_PLAN document themselves by the period's last day",
    '个',
    REGION,
    ['POLICIES'],
    divisionsWithOwnPolicy('COUNTY_PLAN', RegionLevel.COUNTY),
  ),
  // 8. 表3/表4 alliance facts of an institution
  m(
    'INST_ALLIANCES_JOINED',
    '参与形成的医联体数',
    'Distinct alliances (every kind) the institution is a member of during the period',
    '个',
    INSTITUTION,
    MEMBERS,
    allianceCount(),
  ),
  m(
    'LED_GROUP_MEMBERS',
    '牵头医联体成员数',
    'Distinct members (the institution itself left out) of the JT/GT alliances the institution leads, during the period',
    '个',
    INSTITUTION,
    MEMBERS,
    ledMemberCount(),
  ),
  m(
    'LED_GROUP_TOWNSHIP_CENTERS',
    '牵头医联体覆盖的乡镇卫生院数',
    'Of those: township health centres (C210, C220)',
    '个',
    INSTITUTION,
    MEMBERS,
    ledMemberCount(isTownshipCenter),
  ),
  m(
    'LED_GROUP_COMMUNITY_CENTERS',
    '牵头医联体覆盖的社区卫生服务中心数',
    'Of those: community health centres (B100)',
    '个',
    INSTITUTION,
    MEMBERS,
    ledMemberCount(isCommunityCenter),
  ),
  m(
    'LED_GROUP_REHAB',
    '牵头医联体覆盖的康复机构数',
    'Of those: rehabilitation hospitals (A527)',
    '个',
    INSTITUTION,
    MEMBERS,
    ledMemberCount(isRehabHospital),
  ),
  m(
    'LED_GROUP_NURSING',
    '牵头医联体覆盖的护理机构数',
    'Of those: nursing homes and stations (A710, A720)',
    '个',
    INSTITUTION,
    MEMBERS,
    ledMemberCount(isNursing),
  ),
  m(
    'LED_GROUP_SERVICE_POP',
    '牵头医联体服务人口数',
    'Sum of service_pop of the JT/GT alliances the institution leads (null when every one is unknown)',
    '人',
    INSTITUTION,
    MEMBERS,
    (scope, data) => {
      const pops = new Map(ledGroupFacts(scope, data).map((f) => [f.allianceId, f.servicePopulation]));
      const known = [...pops.values()].filter((v): v is number => v !== null);
      return { value: pops.size > 0 && known.length === 0 ? null : known.reduce((a, b) => a + b, 0) };
    },
  ),
  m(
    'LED_GROUP_TYPICAL',
    '牵头的典型经验医联体数',
    'JT/GT alliances the institution leads flagged typical (典型经验); evidence lists them',
    '个',
    INSTITUTION,
    MEMBERS,
    (scope, data) => {
      const typical = new Map(
        ledGroupFacts(scope, data)
          .filter((f) => f.typical)
          .map((f) => [f.allianceId, f.allianceName]),
      );
      const ids = [...typical.keys()].sort();
      return {
        value: ids.length,
        evidence: ids.map((id) => ({
          kind: 'TYPICAL',
          title: typical.get(id) ?? id,
          date: isoDate(periodLastDay(scope.period)),
          holder: id,
        })),
      };
    },
  ),
  m(
    'SPECIALTY_ALLIANCE_SPECIALTIES',
    '加入专科联盟的专科数',
    'Distinct specialties of the specialty alliances (ZK) the institution is a member of during the period',
    '个',
    INSTITUTION,
    MEMBERS,
    (scope, data) => ({
      value: distinct(
        allianceFacts(scope, data).filter((f) => f.kindCode === 'ZK'),
        (f) => f.specialty,
      ),
    }),
  ),
  m(
    'MUTUAL_RECOGNITION_FLAG',
    '参与同级检查检验结果互认',
    'The registry flag institution.mutual_recognition (1 yes, 0 no, null unknown); evidence names the institution',
    '是/否',
    INSTITUTION,
    [],
    (scope, data) => {
      const inst = data.institutions.get(scope.code);
      const flag = inst?.mutualRecognition ?? null;
      return {
        value: flag === null ? null : flag ? 1 : 0,
        evidence: flag
          ? [
              {
                kind: 'MUTUAL_RECOGNITION',
                title: `${inst?.name ?? scope.code} 参与同级检查检验结果互认`,
                date: isoDate(periodLastDay(scope.period)),
                holder: scope.code,
              },
            ]
          : [],
      };
    },
  ),
];

export const factMeasureByCode = new Map(factMeasures.map((f) => [f.code, f]));

// ── computing a batch ────────────────────────────────────────────────────────────────────────

async function registryCall<T>(p: Promise<T>): Promise<T> {
  return p.catch(registryUnavailable);
}

/**
 * Values of fact measures for a batch: the registry fact families the batch needs (each one
 * statement for every period), the telemedicine sources (one statement each, through the flow
 * loader), the institutions involved (one statement), then pure selections per request.
 */
export async function computeFactValues(
  requests: readonly ParsedMeasureRequest[],
  measures: readonly FactMeasure[],
  ctx: AlliancesContext,
): Promise<MeasureValueData[]> {
  if (requests.length === 0) return [];
  const needs = new Set(measures.flatMap((x) => x.needs));
  const periods = [...new Map(requests.map((r) => [r.period.id, r.period])).values()];
  const divisions = await ctx.registry.divisions();
  const scopes = requests.map((r): FactScope => ({
    kind: r.scopeKind,
    code: r.scopeCode,
    period: r.period,
    subtree: new Set(),
    counties: [],
    ancestors: new Set(),
  }));
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i];
    if (r.scopeKind !== ScopeKind.REGION) continue;
    await ctx.registry.division(r.scopeCode);
    const ancestors = new Set<string>();
    for (let d = divisions.get(r.scopeCode); d; d = d.parentCode ? divisions.get(d.parentCode) : undefined)
      ancestors.add(d.code);
    scopes[i] = {
      ...scopes[i],
      subtree: divisions.subtree(r.scopeCode),
      counties: divisions.countiesUnder(r.scopeCode),
      ancestors,
    };
  }
  const allianceIds = [
    ...new Set(requests.filter((r) => r.scopeKind === ScopeKind.ALLIANCE).map((r) => r.scopeCode)),
  ];
  const orgScopes = [
    ...new Set(requests.filter((r) => r.scopeKind === ScopeKind.INSTITUTION).map((r) => r.scopeCode)),
  ];
  const counties = [...new Set(scopes.flatMap((s) => s.counties))];
  const registry = ctx.services.sources.registry();
  const none = Promise.resolve([]);
  const months = [...new Set(periods.flatMap(periodMonths))].sort();
  const [members, centerCounts, ownCenters, mechanisms, policies, classes, support, telemedBatch, alliances] =
    await Promise.all([
      needs.has('MEMBERS') ? registryCall(registryFactsAdapter.membershipFacts(registry, periods)) : none,
      needs.has('CENTER_COUNTS')
        ? registryCall(registryFactsAdapter.sharedCenterCounts(registry, periods))
        : none,
      needs.has('OWN_CENTERS')
        ? registryCall(registryFactsAdapter.ownSharedCenters(registry, periods, orgScopes))
        : none,
      needs.has('MECHANISMS')
        ? registryCall(registryFactsAdapter.mechanismsInForce(registry, periods))
        : none,
      needs.has('POLICIES') ? registryCall(registryFactsAdapter.policiesIssued(registry, periods)) : none,
      needs.has('CLASSES')
        ? registryCall(registryFactsAdapter.institutionClassCounts(registry, periods, counties))
        : none,
      needs.has('SUPPORT') ? registryCall(registryFactsAdapter.supportPairs(registry, periods)) : none,
      // Each scope takes its period's sessions (`parties`): the store may sum them per period,
      // over every key but the two parties.
      needs.has('TELEMED') ? ctx.flows.telemed.load(flowKey([], months, undefined, periods, true)) : null,
      ctx.registry.allianceById.loadMany(allianceIds),
    ]);
  alliances.forEach((a, i) => {
    if (a instanceof Error) throw a;
    if (!a) throw unknownAlliance(allianceIds[i]);
  });
  const telemed = telemedBatch?.rows ?? [];
  const wanted = new Set(orgScopes);
  for (const s of telemed) {
    if (s.requesterOrg) wanted.add(s.requesterOrg);
    if (s.providerOrg) wanted.add(s.providerOrg);
  }
  const codes = [...wanted].sort();
  const found = codes.length ? await ctx.registry.institutionByCode.loadMany(codes) : [];
  const institutions = new Map<string, InstitutionRecord>();
  found.forEach((org) => {
    if (org instanceof Error) throw org;
    if (org) institutions.set(org.orgCode, org);
  });
  for (const o of orgScopes) if (!institutions.has(o)) throw unknownInstitution(o);
  const data: FactData = {
    members,
    centerCounts,
    ownCenters,
    mechanisms,
    policies,
    classes,
    support,
    telemed,
    telemedOutcomes: telemedBatch?.outcomes ?? [],
    telemedStoredThrough: telemedBatch?.storedThrough,
    institutions,
    divisions,
  };
  const registryReport = reportsOf([{ ok: true, source: registry.config, value: null }], 0);
  return requests.map((r, i) => {
    const measure = measures[i];
    const result = measure.compute(scopes[i], data);
    const usesTelemed = measure.needs.includes('TELEMED');
    const report = usesTelemed
      ? reportsOf(data.telemedOutcomes, 0, data.telemedStoredThrough)
      : registryReport;
    return {
      scopeKind: r.scopeKind,
      scopeCode: r.scopeCode,
      period: r.period.id,
      measure: r.measure,
      value: result.value,
      complete: report.complete,
      sources: report.sources,
      missingInstitutions: [],
      uncoveredInstitutions: 0,
      evidence: result.evidence ?? [],
    };
  });
}

function unknownInstitution(org: string): Error {
  return userError(ErrorCode.UNKNOWN_INSTITUTION, `No institution ${org} (机构不存在)`);
}
