import { callHeld, KINDS_OF } from '../facts';
import type { HeldFact } from '../facts';
import { defineStoredFact, MONEY_TOLERANCE } from '../../common/store/spec';
import type { FactRow, StoredFactSpec } from '../../common/store/spec';

/**
 * The institution-held facts the measure store keeps (HIS and LIS, by institution and day): each
 * fact's summed fields in storage order and the counts verification compares. `procedures` is
 * kept per month: its 例次 (distinct discharges in the month) is not a sum of days. Fee totals are
 * verified too (within MONEY_TOLERANCE).
 */
const FIELDS: Record<
  HeldFact,
  { fields: string[]; checks: string[]; grain?: 'MONTH'; projection?: string[] }
> = {
  visits: {
    fields: ['visits', 'emergencyVisits', 'tcmVisits', 'feeTotal'],
    checks: ['visits', 'emergencyVisits', 'tcmVisits', 'feeTotal'],
  },
  discharges: {
    fields: ['discharges', 'stayDays', 'rescues', 'feeTotal'],
    checks: ['discharges', 'stayDays', 'rescues', 'feeTotal'],
    // The measures use one key (危重: CRITICAL_PATIENTS); admission route, discharge kind and
    // payer make a province's year 39,873 rows, 4,084 projected.
    projection: ['critical'],
  },
  surgeries: { fields: ['count'], checks: ['count'] },
  beds: {
    fields: ['openBedDays', 'occupiedBedDays', 'daysReported'],
    checks: ['openBedDays', 'occupiedBedDays', 'daysReported'],
  },
  ct: { fields: ['reportedStudies', 'reportMinutes'], checks: ['reportedStudies'] },
  admissions: { fields: ['admissions'], checks: ['admissions'] },
  diagnosisVisits: { fields: ['visits', 'emergencyVisits'], checks: ['visits', 'emergencyVisits'] },
  diagnosisDischarges: { fields: ['discharges'], checks: ['discharges'] },
  procedures: { fields: ['procedures', 'cases'], checks: ['procedures'], grain: 'MONTH' },
  dayCaseDiagnoses: { fields: ['procedures'], checks: ['procedures'] },
};

export const STORED_FACTS: readonly StoredFactSpec[] = (Object.keys(FIELDS) as HeldFact[]).map((fact) =>
  defineStoredFact({
    name: fact,
    grain: FIELDS[fact].grain ?? 'DAY',
    fields: FIELDS[fact].fields,
    checkFields: FIELDS[fact].checks,
    // A charge corrected after the window changes the fee total alone: it is verified too.
    ...(FIELDS[fact].checks.includes('feeTotal') ? { checkTolerance: { feeTotal: MONEY_TOLERANCE } } : {}),
    ...(FIELDS[fact].projection ? { projection: FIELDS[fact].projection } : {}),
    kinds: KINDS_OF[fact],
    fetch: async (source, query) => (await callHeld(fact, source, query)) as unknown as FactRow[],
  }),
);
