import type { TableSpec } from '../sql/contract';

/** `phs` — basic public health service system (基本公共卫生服务系统), per county, legacy-systems.md §5. */
export const phsTables: readonly TableSpec[] = [
  {
    name: 'GW_MBDA',
    columns: [
      { name: 'DAH', type: 'VARCHAR(24)' },
      { name: 'JBLX', type: 'CHAR(1)' },
      { name: 'GLJG', type: 'CHAR(18)' },
      { name: 'XZQH', type: 'CHAR(6)' },
      { name: 'JDRQ', type: 'CHAR(8)' },
      { name: 'JARQ', type: 'CHAR(8)' },
    ],
    primaryKey: ['DAH'],
    // Records are listed by managing institution and by the resident's county, by date opened.
    indexes: [
      ['GLJG', 'JDRQ'],
      ['XZQH', 'JDRQ'],
    ],
  },
  {
    name: 'GW_MBSF',
    columns: [
      { name: 'SFID', type: 'VARCHAR(24)' },
      { name: 'DAH', type: 'VARCHAR(24)' },
      { name: 'JBLX', type: 'CHAR(1)' },
      { name: 'SFRQ', type: 'CHAR(8)' },
      { name: 'SFFS', type: 'CHAR(1)' },
    ],
    primaryKey: ['SFID'],
    // Follow-ups of one record in date order; the work lists by date.
    indexes: [['DAH', 'SFRQ'], ['SFRQ']],
  },
  {
    name: 'survey_two_week',
    columns: [
      { name: 'response_id', type: 'VARCHAR(24)' },
      { name: 'division_code', type: 'CHAR(6)' },
      { name: 'survey_year', type: 'SMALLINT' },
      { name: 'visits', type: 'INT' },
      { name: 'primary_first_visits', type: 'INT' },
    ],
    primaryKey: ['response_id'],
    indexes: [['division_code', 'survey_year']],
  },
];
