import type { TelemedService } from './model';

/** `tm_session.service` → canonical service (the contract's codes are already English words). */
export const SERVICE_CODES: Readonly<Record<string, TelemedService>> = {
  CONSULT: 'CONSULT',
  IMAGING: 'IMAGING',
  ECG: 'ECG',
  PATHOLOGY: 'PATHOLOGY',
  TEACHING: 'TEACHING',
  TRAINING: 'TRAINING',
  FOLLOWUP: 'FOLLOWUP',
};

/** Only a session with status DONE took place (not CANCELLED, not PENDING). */
export const STATUS_DONE = 'DONE';

export function serviceOf(raw: string | null | undefined): TelemedService {
  return SERVICE_CODES[(raw ?? '').trim().toUpperCase()] ?? 'OTHER';
}
