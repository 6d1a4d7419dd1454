import type { InstitutionRecord } from '../registry/model';
import type { SettlementCounts } from './model';

/**
 * Cross-system logic of the insurance data, as pure functions: the treating institution of a
 * settlement is known to the insurance system only by its 定点医药机构编码; the registry's
 * `ins_org_map` (passed in as a Map) and institutions (passed in as InstitutionRecords) place it.
 */

/** Where a settlement's treating institution stands. */
export interface Placement {
  /** The registry institution (through ins_org_map); null for a code absent from the map. */
  readonly orgCode: string | null;
  /** County-level division of the treating institution; null when it cannot be placed. */
  readonly county: string | null;
  /** False for a code absent from ins_org_map: an institution outside the region. */
  readonly inRegion: boolean;
  /**
   * REGISTRY: the mapped institution's division; CODE: the code's six division digits (a code absent
   * from the map, or mapped to an institution the registry does not list); null: not placed.
   */
  readonly placedBy: 'REGISTRY' | 'CODE' | null;
}

/** The six division digits of a 定点医药机构编码 `H` + division + serial, or null when malformed. */
export function divisionOfFixmedinsCode(code: string): string | null {
  const m = /^H(\d{6})\d+$/.exec(code.trim().toUpperCase());
  return m ? m[1] : null;
}

/** Place one code. */
export function placeCode(
  fixmedinsCode: string,
  orgMap: ReadonlyMap<string, string>,
  institutionsByOrg: ReadonlyMap<string, InstitutionRecord>,
): Placement {
  const code = fixmedinsCode.trim();
  const orgCode = orgMap.get(code) ?? null;
  if (orgCode !== null) {
    const inst = institutionsByOrg.get(orgCode);
    if (inst) return { orgCode, county: inst.divisionCode, inRegion: true, placedBy: 'REGISTRY' };
  }
  const county = divisionOfFixmedinsCode(code);
  return { orgCode, county, inRegion: orgCode !== null, placedBy: county ? 'CODE' : null };
}

/**
 * Each row with its treating institution's orgCode (through ins_org_map) and county (the registry
 * institution's division; for a code absent from the map, an institution outside the region,
 * its own division digits).
 */
export function placeSettlements(
  rows: readonly SettlementCounts[],
  orgMap: ReadonlyMap<string, string>,
  institutionsByOrg: ReadonlyMap<string, InstitutionRecord>,
): Array<SettlementCounts & Placement> {
  const place = placer(orgMap, institutionsByOrg);
  return rows.map((row) => placed(row, place(row.fixmedinsCode)));
}

/** `placeCode` over one map and registry, each code placed once (a province's groups repeat few codes). */
export function placer(
  orgMap: ReadonlyMap<string, string>,
  institutionsByOrg: ReadonlyMap<string, InstitutionRecord>,
): (fixmedinsCode: string) => Placement {
  const cache = new Map<string, Placement>();
  return (code) => {
    let placement = cache.get(code);
    if (!placement) {
      placement = placeCode(code, orgMap, institutionsByOrg);
      cache.set(code, placement);
    }
    return placement;
  };
}

/**
 * A settlement group with its placement, built member by member: a province's groups are many,
 * and a literal of known members is allocated whole where a spread copies member by member.
 */
export function placed(row: SettlementCounts, placement: Placement): SettlementCounts & Placement {
  return {
    fixmedinsCode: row.fixmedinsCode,
    insuAdmdvs: row.insuAdmdvs,
    medType: row.medType,
    inpatient: row.inpatient,
    insuranceType: row.insuranceType,
    paymentMethod: row.paymentMethod,
    referral: row.referral,
    continuousDeductible: row.continuousDeductible,
    month: row.month,
    settlements: row.settlements,
    persons: row.persons,
    medfeeSum: row.medfeeSum,
    fundPay: row.fundPay,
    personalPay: row.personalPay,
    orgCode: placement.orgCode,
    county: placement.county,
    inRegion: placement.inRegion,
    placedBy: placement.placedBy,
  };
}

/** 县域内就诊率 of one county over some months, with its parts. */
export interface InCountyRate {
  readonly county: string;
  /** 县域内住院患者转出人次数: valid inpatient settlements of the county's insured at institutions outside it. */
  readonly numerator: number;
  /** 同期县域内患者住院总人次数: all valid inpatient settlements of the county's insured. */
  readonly denominator: number;
  /** 1 − numerator / denominator; null without any inpatient settlement. */
  readonly value: number | null;
  /** Settlements whose institution could not be placed (malformed code): counted as outside. */
  readonly unplaced: number;
}

/**
 * 县域内就诊率 for county X (legacy-systems.md §10): 1 − (valid inpatient settlements with
 * insu_admdvs = X at institutions outside X) / (all valid inpatient settlements with insu_admdvs = X).
 * Rows come from `insAdapter.settlements` (valid only) placed by `placeSettlements`; `months`
 * restricts them to a period (all rows when omitted). An institution is inside X only when placed
 * in X; one that cannot be placed is counted outside (and reported as `unplaced`).
 */
export function inCountyRate(
  rows: ReadonlyArray<{
    readonly insuAdmdvs: string | null;
    readonly inpatient: boolean;
    readonly month: string;
    readonly settlements: number;
    /** Null or absent: not placed (counted outside). */
    readonly county?: string | null;
  }>,
  county: string,
  months?: Iterable<string>,
): InCountyRate {
  return inCountyRates(rows, [county], months)[0];
}

/**
 * `inCountyRate` of every county in `counties` in one pass over the rows (a province has 100
 * counties and 10⁵ settlement groups: one pass, not one per county).
 */
export function inCountyRates(
  rows: Parameters<typeof inCountyRate>[0],
  counties: readonly string[],
  months?: Iterable<string>,
): InCountyRate[] {
  const monthSet = months ? new Set(months) : null;
  const sums = new Map(counties.map((c) => [c, { numerator: 0, denominator: 0, unplaced: 0 }]));
  for (const r of rows) {
    if (!r.inpatient || r.insuAdmdvs === null) continue;
    const s = sums.get(r.insuAdmdvs);
    if (!s || (monthSet && !monthSet.has(r.month))) continue;
    s.denominator += r.settlements;
    const county = r.county ?? null;
    if (county !== r.insuAdmdvs) s.numerator += r.settlements;
    if (county === null) s.unplaced += r.settlements;
  }
  return counties.map((county) => {
    const { numerator, denominator, unplaced } = sums.get(county)!;
    return {
      county,
      numerator,
      denominator,
      value: denominator === 0 ? null : 1 - numerator / denominator,
      unplaced,
    };
  });
}
