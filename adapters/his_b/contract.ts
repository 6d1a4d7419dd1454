import type { TableSpec } from '../sql/contract';

/** `his_b` — HIS with EMR episodes, vendor B (English schema), legacy-systems.md §3. */
export const hisBTables: readonly TableSpec[] = [
  {
    name: 'outpatient_visit',
    columns: [
      { name: 'visit_id', type: 'BIGINT' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'patient_ref', type: 'VARCHAR(32)' },
      { name: 'visit_at', type: 'DATETIME' },
      { name: 'dept_code', type: 'VARCHAR(16)' },
      { name: 'visit_kind', type: 'VARCHAR(8)' },
      { name: 'expert', type: 'TINYINT' },
      { name: 'tcm', type: 'TINYINT' },
      { name: 'status', type: 'VARCHAR(12)' },
      { name: 'channel', type: 'VARCHAR(12)' },
      { name: 'dx_code', type: 'VARCHAR(16)' },
      { name: 'fee_total', type: 'DECIMAL(12,2)' },
    ],
    primaryKey: ['visit_id'],
    indexes: [['org_code', 'visit_at']],
  },
  {
    name: 'inpatient_episode',
    columns: [
      { name: 'episode_id', type: 'BIGINT' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'mrn', type: 'VARCHAR(32)' },
      { name: 'admitted_at', type: 'DATETIME' },
      { name: 'discharged_at', type: 'DATETIME' },
      { name: 'admission_source', type: 'VARCHAR(12)' },
      { name: 'disposition', type: 'VARCHAR(20)' },
      { name: 'dest_org_code', type: 'CHAR(18)' },
      { name: 'principal_dx', type: 'VARCHAR(16)' },
      { name: 'critical', type: 'TINYINT' },
      { name: 'rescue_count', type: 'INT' },
      { name: 'payer', type: 'VARCHAR(12)' },
      { name: 'fee_total', type: 'DECIMAL(12,2)' },
    ],
    primaryKey: ['episode_id'],
    indexes: [['org_code', 'discharged_at']],
  },
  {
    name: 'surgery',
    columns: [
      { name: 'surgery_id', type: 'BIGINT' },
      { name: 'episode_id', type: 'BIGINT' },
      { name: 'proc_code', type: 'VARCHAR(16)' },
      { name: 'grade', type: 'TINYINT' },
      { name: 'performed_at', type: 'DATETIME' },
      { name: 'day_case', type: 'TINYINT' },
      { name: 'elective', type: 'TINYINT' },
    ],
    primaryKey: ['surgery_id'],
    indexes: [['episode_id']],
  },
  {
    name: 'bed_census',
    columns: [
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'census_date', type: 'DATE' },
      { name: 'open_beds', type: 'INT' },
      { name: 'occupied_beds', type: 'INT' },
    ],
    primaryKey: ['org_code', 'census_date'],
  },
];
