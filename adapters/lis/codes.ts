import type { Modality, PatientClass } from './model';

/** `patient_class` → canonical (the contract's codes). */
export const PATIENT_CLASS_CODES: Readonly<Record<string, PatientClass>> = {
  OP: 'OP',
  ER: 'ER',
  IP: 'IP',
  PE: 'PE',
};

/** `imaging_study.modality` → canonical (the contract's codes). */
export const MODALITY_CODES: Readonly<Record<string, Modality>> = {
  CT: 'CT',
  MR: 'MR',
  DR: 'DR',
  US: 'US',
  ECG: 'ECG',
};

/** The CT report time counts 门诊（平诊） only: patient class OP (not ER), modality CT. */
export const OUTPATIENT_CLASS = 'OP';
export const CT_MODALITY = 'CT';

export function patientClassOf(raw: string | null | undefined): PatientClass {
  return PATIENT_CLASS_CODES[(raw ?? '').trim()] ?? 'UNKNOWN';
}

export function modalityOf(raw: string | null | undefined): Modality {
  return MODALITY_CODES[(raw ?? '').trim()] ?? 'OTHER';
}
