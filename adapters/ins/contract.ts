import type { TableSpec } from '../sql/contract';

/** `ins` — medical insurance settlement system (医保结算; national platform field names), legacy-systems.md §10. */
export const insTables: readonly TableSpec[] = [
  {
    name: 'setl_d',
    columns: [
      { name: 'setl_id', type: 'VARCHAR(30)' },
      { name: 'mdtrt_id', type: 'VARCHAR(30)' },
      { name: 'psn_no', type: 'VARCHAR(30)' },
      { name: 'insutype', type: 'CHAR(3)' },
      { name: 'med_type', type: 'VARCHAR(6)' },
      { name: 'fixmedins_code', type: 'VARCHAR(20)' },
      { name: 'insu_admdvs', type: 'CHAR(6)' },
      { name: 'setl_time', type: 'DATETIME' },
      { name: 'medfee_sumamt', type: 'DECIMAL(16,2)' },
      { name: 'fund_pay_sumamt', type: 'DECIMAL(16,2)' },
      { name: 'psn_pay', type: 'DECIMAL(16,2)' },
      { name: 'hi_paymtd', type: 'CHAR(1)' },
      { name: 'refl_flag', type: 'CHAR(1)' },
      { name: 'cont_deductible', type: 'CHAR(1)' },
      { name: 'vali_flag', type: 'CHAR(1)' },
    ],
    primaryKey: ['setl_id'],
    // Settlement platforms query by time, by institution and by insured area (统筹区), and find a
    // person's or a visit's settlements.
    indexes: [
      ['setl_time'],
      ['fixmedins_code', 'setl_time'],
      ['insu_admdvs', 'setl_time'],
      ['psn_no'],
      ['mdtrt_id'],
    ],
  },
];
