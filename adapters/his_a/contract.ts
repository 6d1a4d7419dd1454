import type { TableSpec } from '../sql/contract';

/** `his_a` — HIS with EMR front-page tables, vendor A (pinyin schema), legacy-systems.md §2. */
export function hisATables(options: { ghsjFormat?: GhsjFormat } = {}): readonly TableSpec[] {
  const ghsjType = options.ghsjFormat === 'CHAR19' ? 'CHAR(19)' : 'CHAR(14)';
  return [
    {
      name: 'MZ_GHXX',
      columns: [
        { name: 'GHXH', type: 'VARCHAR(20)' },
        { name: 'JGDM', type: 'CHAR(18)' },
        { name: 'BRID', type: 'VARCHAR(20)' },
        { name: 'GHSJ', type: ghsjType },
        { name: 'KSDM', type: 'VARCHAR(10)' },
        { name: 'GHLB', type: 'CHAR(1)' },
        { name: 'ZYBZ', type: 'CHAR(1)' },
        { name: 'THBZ', type: 'CHAR(1)' },
        { name: 'YYLY', type: 'CHAR(1)' },
        { name: 'ZDDM', type: 'VARCHAR(16)' },
        { name: 'ZFY', type: 'DECIMAL(12,2)' },
      ],
      primaryKey: ['GHXH'],
      indexes: [['JGDM', 'GHSJ']],
    },
    {
      name: 'BA_SY',
      columns: [
        { name: 'BAH', type: 'VARCHAR(20)' },
        { name: 'ZYCS', type: 'INT' },
        { name: 'JGDM', type: 'CHAR(18)' },
        { name: 'RYTJ', type: 'CHAR(1)' },
        { name: 'RYSJ', type: 'CHAR(14)' },
        { name: 'CYSJ', type: 'CHAR(14)' },
        { name: 'SJZYTS', type: 'INT' },
        { name: 'JBDM', type: 'VARCHAR(16)' },
        { name: 'LYFS', type: 'CHAR(1)' },
        { name: 'YZZY_YLJG', type: 'VARCHAR(128)' },
        { name: 'WSY_YLJG', type: 'VARCHAR(128)' },
        { name: 'NJSJGDM', type: 'CHAR(18)' },
        { name: 'WZBZ', type: 'CHAR(1)' },
        { name: 'QJCS', type: 'INT' },
        { name: 'YLFKFS', type: 'VARCHAR(4)' },
        { name: 'ZFY', type: 'DECIMAL(12,2)' },
      ],
      primaryKey: ['JGDM', 'BAH', 'ZYCS'],
      indexes: [['JGDM', 'CYSJ']],
    },
    {
      name: 'BA_SS',
      columns: [
        { name: 'JGDM', type: 'CHAR(18)' },
        { name: 'BAH', type: 'VARCHAR(20)' },
        { name: 'ZYCS', type: 'INT' },
        { name: 'XH', type: 'INT' },
        { name: 'SSBM', type: 'VARCHAR(16)' },
        { name: 'SSJB', type: 'CHAR(1)' },
        { name: 'SSRQ', type: 'CHAR(14)' },
        { name: 'RJSS', type: 'CHAR(1)' },
        { name: 'ZQSS', type: 'CHAR(1)' },
      ],
      primaryKey: ['JGDM', 'BAH', 'ZYCS', 'XH'],
    },
    {
      name: 'ZY_CWRB',
      columns: [
        { name: 'JGDM', type: 'CHAR(18)' },
        { name: 'RQ', type: 'CHAR(8)' },
        { name: 'KFCW', type: 'INT' },
        { name: 'ZYRS', type: 'INT' },
      ],
      primaryKey: ['JGDM', 'RQ'],
    },
  ];
}

/**
 * How `MZ_GHXX.GHSJ` is written: `CHAR14` (`yyyyMMddHHmmss`, the contract's default) or `CHAR19`
 * (`yyyy-MM-dd HH:mm:ss`, installations upgraded from the old version). One source uses one format.
 */
export type GhsjFormat = 'CHAR14' | 'CHAR19';
