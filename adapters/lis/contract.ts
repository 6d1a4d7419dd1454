import type { TableSpec } from '../sql/contract';

/** `lis` — laboratory and imaging (LIS/RIS), per hospital or regional, legacy-systems.md §4. */
export const lisTables: readonly TableSpec[] = [
  {
    name: 'lab_report',
    columns: [
      { name: 'report_id', type: 'VARCHAR(32)' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'patient_class', type: 'CHAR(2)' },
      { name: 'requested_at', type: 'DATETIME' },
      { name: 'reported_at', type: 'DATETIME' },
      { name: 'panel_code', type: 'VARCHAR(16)' },
      { name: 'recognized_from', type: 'CHAR(18)' },
    ],
    primaryKey: ['report_id'],
    indexes: [['org_code', 'requested_at']],
  },
  {
    name: 'imaging_study',
    columns: [
      { name: 'study_id', type: 'VARCHAR(32)' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'modality', type: 'VARCHAR(4)' },
      { name: 'patient_class', type: 'CHAR(2)' },
      { name: 'requested_at', type: 'DATETIME' },
      { name: 'reported_at', type: 'DATETIME' },
      { name: 'remote_read_by', type: 'CHAR(18)' },
      { name: 'recognized_from', type: 'CHAR(18)' },
    ],
    primaryKey: ['study_id'],
    // Worklists by institution and time, by modality; the remote-reading centre's list by reader.
    indexes: [
      ['org_code', 'requested_at'],
      ['org_code', 'modality', 'requested_at'],
      ['remote_read_by', 'requested_at'],
    ],
  },
];
