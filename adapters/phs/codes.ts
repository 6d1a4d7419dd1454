import type { Period } from '../../schema/period';
import type { ChronicDisease, FollowUpMode } from './model';

/** 慢病类型 JBLX → canonical disease. */
export const JBLX_DISEASES: Readonly<Record<string, ChronicDisease>> = {
  '1': 'HYPERTENSION',
  '2': 'DIABETES_T2',
};

/** 随访方式 SFFS → canonical mode. */
export const SFFS_MODES: Readonly<Record<string, FollowUpMode>> = {
  '1': 'CLINIC',
  '2': 'SITE',
  '3': 'COMMUNITY',
  '4': 'HOME',
  '5': 'PHONE',
  '6': 'GROUP',
  '9': 'OTHER',
};

/** The SFFS codes of a face-to-face follow-up (门诊, 站点, 社区, 上门, 群组); not '5' 电话 or '9' 其他. */
export const FACE_TO_FACE_SFFS: readonly string[] = ['1', '2', '3', '4', '6'];

export function diseaseOf(jblx: string | null | undefined): ChronicDisease | null {
  return JBLX_DISEASES[(jblx ?? '').trim()] ?? null;
}

export function followUpModeOf(sffs: string | null | undefined): FollowUpMode {
  return SFFS_MODES[(sffs ?? '').trim()] ?? 'UNKNOWN';
}

export function isFaceToFace(mode: FollowUpMode): boolean {
  return mode === 'CLINIC' || mode === 'SITE' || mode === 'COMMUNITY' || mode === 'HOME' || mode === 'GROUP';
}

/**
 * Face-to-face follow-ups a record needs in a period to be 规范管理: the contract's 4 a calendar
 * year (the national service specification asks for at least one a quarter), pro rata and rounded
 * up: a year 4, a half-year 2 (as the contract says), a quarter 1, a month 1. A monthly figure
 * therefore only says "seen face to face this month" and is not comparable with the yearly rate.
 */
export function requiredFaceToFaceFollowUps(period: Period): number {
  return Math.max(1, Math.ceil((4 * period.months) / 12));
}
