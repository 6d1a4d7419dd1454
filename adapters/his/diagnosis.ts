import type { DiagnosisGroupId, ProcedureGroupId } from './inpatient';

/**
 * The canonical diagnosis and procedure groups: pure data. An entry is a code prefix (`'I21'`
 * matches I21, I21.0, I21.900x001 …) or an inclusive range of prefixes of one length
 * (`['I60', 'I69']` matches every code whose first three characters lie in I60..I69). Codes are
 * compared after normalisation (trimmed, upper case, dots removed), so `I21.0`, `i210` and
 * `74.99`/`7499` are the same code. `sql.ts` turns a table into one CASE expression; the groups
 * asked in one query must not overlap (each code falls in at most one group).
 */
export type CodeMatch = string | readonly [from: string, to: string];

export interface CodeGroup<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly system: 'ICD-10' | 'ICD-9-CM-3';
  readonly codes: readonly CodeMatch[];
  /** Where the definition comes from. */
  readonly note: string;
}

/** Principal diagnosis (住院主要诊断) / outpatient first diagnosis (门诊第一诊断) groups, ICD-10. */
export const DIAGNOSIS_GROUPS: ReadonlyArray<CodeGroup<DiagnosisGroupId>> = [
  {
    id: 'AMI',
    label: '急性心肌梗死',
    system: 'ICD-10',
    codes: ['I21'],
    note: '考核表 "ICD-10 I21.0-I21.3，I21.4，I21.9": that list is every subcategory of I21, so the prefix I21',
  },
  {
    id: 'CEREBROVASCULAR',
    label: '脑血管疾病',
    system: 'ICD-10',
    codes: [['I60', 'I69']],
    note: 'ICD-10 block I60–I69 (cerebrovascular diseases, sequelae included)',
  },
  {
    id: 'HYPERTENSION',
    label: '高血压',
    system: 'ICD-10',
    codes: [['I10', 'I15']],
    note: 'ICD-10 block I10–I15 (hypertensive diseases)',
  },
  {
    id: 'DIABETES',
    label: '糖尿病',
    system: 'ICD-10',
    codes: [['E10', 'E14']],
    note: 'ICD-10 E10–E14 (diabetes mellitus)',
  },
  {
    id: 'COPD',
    label: '慢性阻塞性肺疾病',
    system: 'ICD-10',
    codes: ['J44'],
    note: 'ICD-10 J44 (other chronic obstructive pulmonary disease)',
  },
  {
    id: 'NEOPLASM',
    label: '肿瘤',
    system: 'ICD-10',
    codes: [['C00', 'D48']],
    note: 'ICD-10 chapter II C00–D48 (neoplasms, benign and in situ included)',
  },
];

/** Procedure groups, ICD-9-CM-3 (病案首页手术及操作编码). */
export const PROCEDURE_GROUPS: ReadonlyArray<CodeGroup<ProcedureGroupId>> = [
  {
    id: 'CESAREAN',
    label: '剖宫产',
    system: 'ICD-9-CM-3',
    codes: ['74.0', '74.1', '74.2', '74.4', '74.99'],
    note:
      '74.0 古典式, 74.1 子宫下段, 74.2 腹膜外, 74.4 其他特指类型, 74.99 其他未特指类型; ' +
      'not 74.3 (输卵管外异位妊娠去除) nor 74.91 (子宫切开终止妊娠)',
  },
  {
    id: 'PCI',
    label: '经皮冠状动脉介入治疗',
    system: 'ICD-9-CM-3',
    codes: ['00.66', '36.06', '36.07'],
    note:
      '00.66 PTCA, 36.06 非药物洗脱冠状动脉支架置入, 36.07 药物洗脱冠状动脉支架置入; one PCI is ' +
      'usually coded 00.66 plus 36.06/36.07, so count cases (distinct discharges), not code rows',
  },
];
