import type { TableSpec } from '../sql/contract';

/** `hrm` — health workforce registry (卫生人力资源/医师执业注册), legacy-systems.md §9. */
export const hrmTables: readonly TableSpec[] = [
  {
    name: 'practitioner',
    columns: [
      { name: 'pract_id', type: 'VARCHAR(24)' },
      { name: 'cert_hash', type: 'CHAR(64)' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'category', type: 'CHAR(1)' },
      { name: 'scope_code', type: 'CHAR(2)' },
      { name: 'scope_name', type: 'VARCHAR(32)' },
      { name: 'gp_training', type: 'VARCHAR(8)' },
      { name: 'title_level', type: 'VARCHAR(12)' },
      { name: 'on_post', type: 'CHAR(1)' },
      { name: 'registered_on', type: 'DATE' },
      { name: 'left_on', type: 'DATE' },
    ],
    primaryKey: ['pract_id'],
    // The registry lists practitioners by institution, and finds a person by certificate.
    indexes: [['org_code', 'category'], ['cert_hash']],
  },
  {
    name: 'practice_site',
    columns: [
      { name: 'pract_id', type: 'VARCHAR(24)' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'kind', type: 'VARCHAR(8)' },
      { name: 'from_date', type: 'DATE' },
      { name: 'to_date', type: 'DATE' },
      { name: 'filed', type: 'CHAR(1)' },
    ],
    indexes: [['pract_id'], ['org_code', 'kind']],
  },
  {
    name: 'assignment',
    columns: [
      { name: 'assignment_id', type: 'VARCHAR(24)' },
      { name: 'pract_id', type: 'VARCHAR(24)' },
      { name: 'from_org', type: 'CHAR(18)' },
      { name: 'to_org', type: 'CHAR(18)' },
      { name: 'kind', type: 'VARCHAR(8)' },
      { name: 'start_date', type: 'DATE' },
      { name: 'end_date', type: 'DATE' },
    ],
    primaryKey: ['assignment_id'],
    indexes: [['from_org', 'start_date'], ['to_org', 'start_date'], ['pract_id']],
  },
  {
    name: 'further_training',
    columns: [
      { name: 'training_id', type: 'VARCHAR(24)' },
      { name: 'pract_id', type: 'VARCHAR(24)' },
      { name: 'home_org', type: 'CHAR(18)' },
      { name: 'host_org', type: 'CHAR(18)' },
      { name: 'start_date', type: 'DATE' },
      { name: 'end_date', type: 'DATE' },
    ],
    primaryKey: ['training_id'],
    indexes: [['home_org', 'start_date'], ['host_org', 'start_date'], ['pract_id']],
  },
  {
    name: 'recruitment',
    columns: [
      { name: 'pract_id', type: 'VARCHAR(24)' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'discipline', type: 'VARCHAR(12)' },
      { name: 'hired_on', type: 'DATE' },
    ],
    indexes: [['org_code', 'hired_on'], ['pract_id']],
  },
];
