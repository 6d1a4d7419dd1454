import type { TableSpec } from '../sql/contract';

/** `referral` — regional two-way referral platform (双向转诊信息系统; pinyin schema), legacy-systems.md §7. */
export const referralTables: readonly TableSpec[] = [
  {
    name: 'ZZ_ZZSQ',
    columns: [
      { name: 'ZZDH', type: 'VARCHAR(24)' },
      { name: 'ZZLX', type: 'CHAR(1)' },
      { name: 'ZCJG', type: 'CHAR(18)' },
      { name: 'ZRJG', type: 'CHAR(18)' },
      { name: 'BRID', type: 'VARCHAR(24)' },
      { name: 'JBDM', type: 'VARCHAR(16)' },
      { name: 'SQSJ', type: 'DATETIME' },
      { name: 'JSSJ', type: 'DATETIME' },
      { name: 'ZT', type: 'CHAR(1)' },
    ],
    primaryKey: ['ZZDH'],
    // The platform lists applications by time, by sending and by receiving institution.
    indexes: [['SQSJ'], ['ZCJG', 'SQSJ'], ['ZRJG', 'SQSJ']],
  },
];
