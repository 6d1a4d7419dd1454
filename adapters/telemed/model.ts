import type { MonthlyQuery } from '../sql/time';

/** Canonical facts of the telemedicine platform (远程医疗服务平台, legacy-systems.md §8). */

/**
 * 远程医疗服务类型: 会诊, 影像, 心电, 病理, 远程教学, 远程培训, 复诊; a value outside the contract's
 * code set (or empty) is OTHER.
 */
export type TelemedService =
  'CONSULT' | 'IMAGING' | 'ECG' | 'PATHOLOGY' | 'TEACHING' | 'TRAINING' | 'FOLLOWUP' | 'OTHER';

/** Which institution of a session the query's `orgCodes` select. */
export type TelemedSide = 'REQUESTER' | 'PROVIDER';

/** A request for session counts. */
export interface TelemedQuery extends MonthlyQuery {
  /** Institutions (null or absent: every institution on the platform), as `by` (default REQUESTER). */
  readonly orgCodes?: readonly string[] | null;
  readonly by?: TelemedSide;
}

/**
 * Sessions that took place (status DONE) per (requester, provider, network, service, month of
 * requested_at), with what an average turnaround needs: `turnaroundSeconds / finishedSessions`.
 */
export interface TelemedSessionCount {
  /** 申请方 (e.g. a township centre); null when empty. */
  readonly requesterOrg: string | null;
  /** 提供方 (e.g. the city lead hospital); null when empty. */
  readonly providerOrg: string | null;
  /** alliance_id of the 远程医疗协作网; null when empty or NULL (a session outside any network). */
  readonly networkId: string | null;
  readonly service: TelemedService;
  /** `yyyyMM` of requested_at. */
  readonly month: string;
  /** 远程医疗服务人次. */
  readonly sessions: number;
  /** DONE sessions with a finished_at not before requested_at. */
  readonly finishedSessions: number;
  /** Sum over those of finished_at − requested_at, in seconds. */
  readonly turnaroundSeconds: number;
}
