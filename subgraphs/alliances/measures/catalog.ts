import { isContinuingCare, isSecondaryOrTertiaryHospital } from '../../../adapters/referral/direction';
import type { ClassifiedReferralCount, DiseaseGroup } from '../../../adapters/referral/model';
import type { InstitutionRecord } from '../../../adapters/registry/model';
import type { SupportActivityCount } from '../../../adapters/registry/model';
import type { TelemedSide } from '../../../adapters/telemed/model';
import { ScopeKind } from '../../common/measures';
import { factMeasures } from './facts';
import type { FactMeasure } from './facts';

/** Which institution of a referral places it in a scope: its sender, or (for "received") its receiver. */
export type ReferralSide = 'SENDER' | 'RECEIVER';

const ALL_SCOPES: readonly ScopeKind[] = [ScopeKind.REGION, ScopeKind.INSTITUTION, ScopeKind.ALLIANCE];

interface MeasureBase {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly scopeKinds: readonly ScopeKind[];
}

/** A referral measure of this subgraph, as data: which side places it, and which referrals count. */
export interface ReferralMeasure extends MeasureBase {
  readonly family: 'REFERRAL';
  readonly side: ReferralSide;
  /** For a region scope (分级诊疗, by the registry's levels; `known`: the registry's institutions). */
  readonly countsForRegion: (
    row: ClassifiedReferralCount,
    known: ReadonlyMap<string, InstitutionRecord>,
  ) => boolean;
  /**
   * For an institution or alliance scope (表3/表4: 从本院转到上级/下级医院, by the registry's levels;
   * an alliance: its members during the period).
   */
  readonly countsForInstitution: (row: ClassifiedReferralCount) => boolean;
  /**
   * It counts referrals of one disease group (its predicates read `diseaseGroup`): its batches read
   * every key. Every other referral measure reads the sender, the receiver and the claimed direction
   * only (REFERRALS_FACT.projection).
   */
  readonly byDisease?: true;
}

/** Telemedicine sessions that took place, placed in a scope by their requester or provider. */
export interface TelemedMeasure extends MeasureBase {
  readonly family: 'TELEMED';
  readonly side: TelemedSide;
}

/**
 * Support activities (帮扶) given: by the scope's institutions (region, institution), or by an
 * alliance's lead to its members (alliance).
 */
export interface SupportMeasure extends MeasureBase {
  readonly family: 'SUPPORT';
  readonly value: (row: SupportActivityCount) => number;
}

/** Lab and imaging results recognized (结果互认) at the scope's institutions. */
export interface RecognitionMeasure extends MeasureBase {
  readonly family: 'RECOGNITION';
}

export type AllianceMeasure =
  ReferralMeasure | TelemedMeasure | SupportMeasure | RecognitionMeasure | FactMeasure;

type Side = (i: InstitutionRecord) => boolean;
const isPrimary: Side = (i) => i.primaryCare;

/** A region referral whose sender and receiver are of the given classes (registry). */
function between(sender: Side, receiver: Side) {
  return (r: ClassifiedReferralCount, known: ReadonlyMap<string, InstitutionRecord>): boolean => {
    const s = r.senderOrg ? known.get(r.senderOrg) : undefined;
    const t = r.receiverOrg ? known.get(r.receiverOrg) : undefined;
    return !!s && !!t && sender(s) && receiver(t);
  };
}

/**
 * The parts of 分级诊疗下转/上转 (表1 17, 表2 20) by the classes of sender and receiver: 二级/三级
 * hospital ↔ primary care, 二级/三级 hospital ↔ continuing care (社会办 A527/A710/A720/P900).
 */
const REGION_PARTS: ReadonlyArray<readonly [string, string, string, ReferralMeasure['countsForRegion']]> = [
  [
    'REFERRALS_DOWN_TO_PRIMARY',
    '由二、三级医院向基层医疗卫生机构转诊的人数',
    'Referrals from a secondary/tertiary hospital to a primary-care institution',
    between(isSecondaryOrTertiaryHospital, isPrimary),
  ],
  [
    'REFERRALS_DOWN_TO_CONTINUING',
    '由二、三级医院向接续性医疗机构转诊的人数',
    'Referrals from a secondary/tertiary hospital to a continuing-care institution',
    between(isSecondaryOrTertiaryHospital, isContinuingCare),
  ],
  [
    'REFERRALS_UP_FROM_PRIMARY',
    '由基层医疗卫生机构向二、三级医院转诊的人数',
    'Referrals from a primary-care institution to a secondary/tertiary hospital',
    between(isPrimary, isSecondaryOrTertiaryHospital),
  ],
  [
    'REFERRALS_UP_FROM_CONTINUING',
    '由接续性医疗机构向二、三级医院转诊的人数',
    'Referrals from a continuing-care institution to a secondary/tertiary hospital',
    between(isContinuingCare, isSecondaryOrTertiaryHospital),
  ],
  [
    'REFERRALS_UP_FROM_PRIMARY_TO_HOSPITAL',
    '基层医疗卫生机构向上级医院转诊的病人数',
    'Referrals from a primary-care institution to any hospital (not primary care)',
    between(isPrimary, (i) => !i.primaryCare),
  ],
];

const GROUP_NAMES: ReadonlyArray<readonly [Exclude<DiseaseGroup, 'OTHER'>, string, string]> = [
  ['CEREBROVASCULAR', '脑血管疾病', 'cerebrovascular disease (I60–I69)'],
  ['HYPERTENSION', '高血压', 'hypertension (I10–I15)'],
  ['DIABETES', '糖尿病', 'diabetes (E10–E14)'],
  ['COPD', '慢性阻塞性肺疾病', 'COPD (J44)'],
  ['NEOPLASM', '肿瘤', 'neoplasm (C00–D48)'],
];

/**
 * Referral measures over the regional platform (legacy-systems.md, canonical Referrals): accepted
 * referrals (ZT '1') in the period of SQSJ, the direction derived from the registry, never ZZLX.
 */
export const referralMeasures: readonly ReferralMeasure[] = [
  {
    family: 'REFERRAL',
    code: 'REFERRALS_DOWN',
    nameZh: '下转患者数',
    nameEn:
      'Referrals down: region — from a secondary/tertiary hospital to a primary-care or continuing-care institution (分级诊疗下转); institution or alliance — to a lower level',
    unit: '人次',
    scopeKinds: ALL_SCOPES,
    side: 'SENDER',
    countsForRegion: (r) => r.regionDownward,
    countsForInstitution: (r) => r.derivedDirection === 'DOWN',
  },
  {
    family: 'REFERRAL',
    code: 'REFERRALS_UP',
    nameZh: '上转患者数',
    nameEn:
      'Referrals up: region — from a primary-care or continuing-care institution to a secondary/tertiary hospital (分级诊疗上转); institution or alliance — to a higher level',
    unit: '人次',
    scopeKinds: ALL_SCOPES,
    side: 'SENDER',
    countsForRegion: (r) => r.regionUpward,
    countsForInstitution: (r) => r.derivedDirection === 'UP',
  },
  {
    family: 'REFERRAL',
    code: 'REFERRALS_RECEIVED_UP',
    nameZh: '接收下级医院上转的例数',
    nameEn: 'Upward referrals received (from a lower level), by receiver',
    unit: '人次',
    scopeKinds: ALL_SCOPES,
    side: 'RECEIVER',
    countsForRegion: (r) => r.derivedDirection === 'UP',
    countsForInstitution: (r) => r.derivedDirection === 'UP',
  },
  {
    family: 'REFERRAL',
    code: 'REFERRAL_DIRECTION_MISMATCHES',
    nameZh: '转诊方向与机构等级不符数',
    nameEn: 'Referrals whose claimed direction (ZZLX) disagrees with the registry levels (data quality)',
    unit: '人次',
    scopeKinds: ALL_SCOPES,
    side: 'SENDER',
    countsForRegion: (r) => r.claimAgrees === false,
    countsForInstitution: (r) => r.claimAgrees === false,
  },
  ...REGION_PARTS.map(([code, nameZh, nameEn, countsForRegion]): ReferralMeasure => ({
    family: 'REFERRAL',
    code,
    nameZh,
    nameEn: `${nameEn} (分级诊疗, region scope; the sender places it)`,
    unit: '人次',
    scopeKinds: [ScopeKind.REGION],
    side: 'SENDER',
    countsForRegion,
    countsForInstitution: () => false,
  })),
  ...GROUP_NAMES.flatMap(([group, zh, en]): ReferralMeasure[] => [
    {
      family: 'REFERRAL',
      code: `REFERRALS_DOWN_${group}`,
      nameZh: `${zh}下转人数`,
      nameEn: `Referrals down with a diagnosis of ${en} (表3 by disease); region: 分级诊疗下转`,
      unit: '人次',
      scopeKinds: ALL_SCOPES,
      side: 'SENDER',
      countsForRegion: (r) => r.regionDownward && r.diseaseGroup === group,
      countsForInstitution: (r) => r.derivedDirection === 'DOWN' && r.diseaseGroup === group,
      byDisease: true,
    },
    {
      family: 'REFERRAL',
      code: `REFERRALS_UP_${group}`,
      nameZh: `${zh}上转人数`,
      nameEn: `Referrals up with a diagnosis of ${en} (表3 by disease); region: 分级诊疗上转`,
      unit: '人次',
      scopeKinds: ALL_SCOPES,
      side: 'SENDER',
      countsForRegion: (r) => r.regionUpward && r.diseaseGroup === group,
      countsForInstitution: (r) => r.derivedDirection === 'UP' && r.diseaseGroup === group,
      byDisease: true,
    },
  ]),
];

/** Telemedicine, support and mutual-recognition measures. */
export const flowMeasures: readonly AllianceMeasure[] = [
  {
    family: 'TELEMED',
    code: 'TELEMED_SESSIONS',
    nameZh: '远程医疗服务人次',
    nameEn: 'Telemedicine sessions that took place (DONE), requested by the institutions of the scope',
    unit: '人次',
    scopeKinds: ALL_SCOPES,
    side: 'REQUESTER',
  },
  {
    family: 'TELEMED',
    code: 'TELEMED_SESSIONS_PROVIDED',
    nameZh: '提供远程医疗服务人次',
    nameEn: 'Telemedicine sessions that took place (DONE), provided by the institutions of the scope',
    unit: '人次',
    scopeKinds: ALL_SCOPES,
    side: 'PROVIDER',
  },
  {
    family: 'SUPPORT',
    code: 'SUPPORT_NEW_TECH',
    nameZh: '帮助下级医院开展新技术数量',
    nameEn: 'New techniques helped to introduce: given by the scope (alliance: by its lead to its members)',
    unit: '项',
    scopeKinds: ALL_SCOPES,
    value: (r) => (r.kind === 'NEW_TECH' ? r.activities : 0),
  },
  {
    family: 'SUPPORT',
    code: 'SUPPORT_NEW_PROJECT',
    nameZh: '帮助下级医院开展新项目',
    nameEn: 'New projects helped to start: given by the scope (alliance: by its lead to its members)',
    unit: '项',
    scopeKinds: ALL_SCOPES,
    value: (r) => (r.kind === 'NEW_PROJECT' ? r.activities : 0),
  },
  {
    family: 'SUPPORT',
    code: 'SUPPORT_EQUIPMENT_300K',
    nameZh: '赠送30万元以上大型设备',
    nameEn: 'Equipment of at least 300,000 yuan donated: by the scope (alliance: by its lead to its members)',
    unit: '台',
    scopeKinds: ALL_SCOPES,
    value: (r) => r.equipmentOver300k,
  },
  {
    family: 'RECOGNITION',
    code: 'RECOGNIZED_RESULTS',
    nameZh: '检查检验结果互认数',
    nameEn: 'Lab and imaging results recognized (结果互认) at the institutions of the scope',
    unit: '项',
    scopeKinds: ALL_SCOPES,
  },
];

/** Every measure this subgraph serves. */
export const allianceMeasures: readonly AllianceMeasure[] = [
  ...referralMeasures,
  ...flowMeasures,
  ...factMeasures,
];

export const measureByCode = new Map<string, AllianceMeasure>(allianceMeasures.map((m) => [m.code, m]));
