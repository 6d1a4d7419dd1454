import type { AdmissionRoute, DischargeKind, PayerClass, SurgeryGrade, TransferKind } from '../his/inpatient';

/**
 * Vendor A's code sets (legacy-systems.md §2, HQMS front-page codes) → canonical meanings.
 * Every function trims; empty string and NULL mean unknown.
 */

function code(raw: unknown): string {
  return raw === null || raw === undefined ? '' : String(raw).trim();
}

/**
 * 离院方式 LYFS: '1' 医嘱离院 → HOME, '2' 医嘱转院 → TRANSFER_HOSPITAL, '3' 医嘱转社区卫生服务
 * 机构/乡镇卫生院 → TRANSFER_PRIMARY, '4' 非医嘱离院 → AGAINST_ADVICE, '5' 死亡 → DIED,
 * '9' 其他 and empty/unknown → OTHER.
 */
export function dischargeKindOfLyfs(raw: unknown): DischargeKind {
  switch (code(raw)) {
    case '1':
      return 'HOME';
    case '2':
      return 'TRANSFER_HOSPITAL';
    case '3':
      return 'TRANSFER_PRIMARY';
    case '4':
      return 'AGAINST_ADVICE';
    case '5':
      return 'DIED';
    default:
      return 'OTHER';
  }
}

/** The LYFS values that name a receiving institution ('2' in YZZY_YLJG, '3' in WSY_YLJG). */
export const TRANSFER_LYFS: Readonly<Record<TransferKind, string>> = {
  TRANSFER_HOSPITAL: '2',
  TRANSFER_PRIMARY: '3',
};

/** 入院途径 RYTJ: '1' 急诊, '2' 门诊, '3' 其他医疗机构转入, '9' 其他 and unknown → OTHER. */
export function admissionRouteOfRytj(raw: unknown): AdmissionRoute {
  switch (code(raw)) {
    case '1':
      return 'EMERGENCY';
    case '2':
      return 'OUTPATIENT';
    case '3':
      return 'TRANSFER_IN';
    default:
      return 'OTHER';
  }
}

/**
 * 医疗付费方式 YLFKFS (2011 版; RC032 variants '1.1'/'1.2', '2.1'/'2.2', '3.1'/'3.2' decided by the
 * digit before the point):
 *   '1' 城镇职工基本医疗保险                        → EMPLOYEE
 *   '2' 城镇居民基本医疗保险, '3' 新型农村合作医疗   → RESIDENT (merged into 城乡居民医保)
 *   '5' 商业医疗保险                               → COMMERCIAL
 *   '7' 全自费                                     → SELF_PAY
 *   '4' 贫困救助, '6' 全公费, '8' 其他社会保险, '9' 其他, empty/unknown → OTHER
 */
export function payerOfYlfkfs(raw: unknown): PayerClass {
  switch (code(raw).split('.')[0]) {
    case '1':
      return 'EMPLOYEE';
    case '2':
    case '3':
      return 'RESIDENT';
    case '5':
      return 'COMMERCIAL';
    case '7':
      return 'SELF_PAY';
    default:
      return 'OTHER';
  }
}

/** 手术级别 SSJB '1'..'4'; empty (an operation that is not surgery) or anything else → null. */
export function gradeOfSsjb(raw: unknown): SurgeryGrade | null {
  switch (code(raw)) {
    case '1':
      return 1;
    case '2':
      return 2;
    case '3':
      return 3;
    case '4':
      return 4;
    default:
      return null;
  }
}

/** A '1'/'0' flag (WZBZ 危重, RJSS 日间, ZQSS 择期, GHLB aside): only '1' is true; unknown is false. */
export function isFlagSet(raw: unknown): boolean {
  return code(raw) === '1';
}
