import type { TableSpec } from '../sql/contract';

/** `telemed` — telemedicine platform (远程医疗服务平台), legacy-systems.md §8. */
export const telemedTables: readonly TableSpec[] = [
  {
    name: 'tm_session',
    columns: [
      { name: 'session_id', type: 'VARCHAR(24)' },
      { name: 'requester_org', type: 'CHAR(18)' },
      { name: 'provider_org', type: 'CHAR(18)' },
      { name: 'network_id', type: 'VARCHAR(32)' },
      { name: 'service', type: 'VARCHAR(12)' },
      { name: 'requested_at', type: 'DATETIME' },
      { name: 'finished_at', type: 'DATETIME' },
      { name: 'status', type: 'VARCHAR(10)' },
    ],
    primaryKey: ['session_id'],
    indexes: [['requested_at'], ['requester_org', 'requested_at'], ['provider_org', 'requested_at']],
  },
];
