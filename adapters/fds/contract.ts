import type { TableSpec } from '../sql/contract';

/** `fds` — family-doctor contract system (家庭医生签约服务系统), legacy-systems.md §6. */
export const fdsTables: readonly TableSpec[] = [
  {
    name: 'fd_team',
    columns: [
      { name: 'team_id', type: 'VARCHAR(24)' },
      { name: 'org_code', type: 'CHAR(18)' },
      { name: 'specialist_org_code', type: 'CHAR(18)' },
      { name: 'created_on', type: 'DATE' },
      { name: 'dissolved_on', type: 'DATE' },
    ],
    primaryKey: ['team_id'],
    indexes: [['org_code']],
  },
  {
    name: 'fd_team_member',
    columns: [
      { name: 'team_id', type: 'VARCHAR(24)' },
      { name: 'pract_id', type: 'VARCHAR(24)' },
      { name: 'role', type: 'VARCHAR(12)' },
    ],
    // The contract names no primary key for members.
    indexes: [['team_id'], ['pract_id']],
  },
  {
    name: 'fd_contract',
    columns: [
      { name: 'contract_id', type: 'VARCHAR(24)' },
      { name: 'team_id', type: 'VARCHAR(24)' },
      { name: 'person_key', type: 'CHAR(64)' },
      { name: 'division_code', type: 'CHAR(6)' },
      { name: 'signed_on', type: 'DATE' },
      { name: 'valid_until', type: 'DATE' },
      { name: 'sign_flag', type: 'CHAR(1)' },
      { name: 'stop_date', type: 'DATE' },
      { name: 'people_flags', type: 'VARCHAR(64)' },
      { name: 'second_org_code', type: 'CHAR(18)' },
      { name: 'third_org_code', type: 'CHAR(18)' },
      { name: 'fee_total', type: 'DECIMAL(8,2)' },
      { name: 'fee_insurance', type: 'DECIMAL(8,2)' },
      { name: 'fee_fiscal', type: 'DECIMAL(8,2)' },
      { name: 'fee_personal', type: 'DECIMAL(8,2)' },
    ],
    primaryKey: ['contract_id'],
    // Contracts by county and date (the statistics) and by team (the team's list). No index on
    // person_key is assumed: the gateway never looks a person up.
    indexes: [
      ['division_code', 'signed_on'],
      ['team_id', 'signed_on'],
    ],
  },
];
