import type { VisitCounts } from '../../../adapters';

/** Which institutions of a scope a measure counts. */
export type Population = 'ALL' | 'PRIMARY_CARE';

/** A measure of this subgraph, as data: which fact, which field of it, which institutions. */
export interface InstitutionMeasure {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly fact: 'visits';
  readonly value: (row: VisitCounts) => number;
  readonly population: Population;
}

/** Service-volume measures over HIS outpatient registrations (legacy-systems.md, canonical 诊疗人次). */
export const institutionMeasures: readonly InstitutionMeasure[] = [
  {
    code: 'VISITS_TOTAL',
    nameZh: '总诊疗人次数',
    nameEn: 'Total visits (outpatient and emergency)',
    unit: '人次',
    fact: 'visits',
    value: (r) => r.visits,
    population: 'ALL',
  },
  {
    code: 'VISITS_PRIMARY_CARE',
    nameZh: '基层医疗卫生机构诊疗人次数',
    nameEn: 'Visits at primary-care institutions',
    unit: '人次',
    fact: 'visits',
    value: (r) => r.visits,
    population: 'PRIMARY_CARE',
  },
  {
    code: 'VISITS_OUTPATIENT',
    nameZh: '门诊（平诊）人次数',
    nameEn: 'Outpatient visits (excluding emergency)',
    unit: '人次',
    fact: 'visits',
    value: (r) => r.visits - r.emergencyVisits,
    population: 'ALL',
  },
  {
    code: 'VISITS_EMERGENCY',
    nameZh: '急诊人次数',
    nameEn: 'Emergency visits',
    unit: '人次',
    fact: 'visits',
    value: (r) => r.emergencyVisits,
    population: 'ALL',
  },
  {
    code: 'VISITS_TCM',
    nameZh: '中医诊疗人次数',
    nameEn: 'Traditional Chinese medicine visits',
    unit: '人次',
    fact: 'visits',
    value: (r) => r.tcmVisits,
    population: 'ALL',
  },
  {
    code: 'VISITS_PRIMARY_CARE_TCM',
    nameZh: '基层医疗卫生机构中医诊疗人次数',
    nameEn: 'TCM visits at primary-care institutions',
    unit: '人次',
    fact: 'visits',
    value: (r) => r.tcmVisits,
    population: 'PRIMARY_CARE',
  },
];

export const measureByCode = new Map(institutionMeasures.map((m) => [m.code, m]));
