/**
 * The demo's basic public health service database (`phs`, legacy-systems.md §5): hypertension
 * and type-2 diabetes records of every county, managed by its township and community health
 * centres and stations, with their follow-ups, and the two-week illness survey.
 *
 * One demo record stands for PHS_PERSON_SCALE residents' records (the real stock, ~8 % and
 * ~2.5 % of the household population, would be ~320,000 records and ~4 million follow-ups).
 * Standardized management (≥ 4 face-to-face follow-ups a year) is ~56 % in the first year and
 * rises ~5 points a year; records opened during a year mostly miss it. Deterministic: every draw
 * comes from a generator seeded per county.
 */
import { phsTables } from '../phs/contract';
import type { DemoInstitution, DemoRegion, DemoRow } from './ankang';
import { dayNumber, keyOfDayNumber } from './calendar';
import { Rng } from './random';
import type { RegionalDemoSource } from './regional';

/** One demo chronic-disease record stands for this many real ones. */
export const PHS_PERSON_SCALE = 25;

/** Managed prevalence in the household population, by JBLX. */
const PREVALENCE: ReadonlyArray<readonly [string, number]> = [
  ['1', 0.08],
  ['2', 0.025],
];

/** Institutions that manage chronic-disease records (卫生院, 社区卫生服务中心/站; not 村卫生室). */
const MANAGING_CLASSES = new Set(['TOWNSHIP_CENTRAL', 'TOWNSHIP', 'COMMUNITY_CENTER', 'COMMUNITY_STATION']);

/** Face-to-face SFFS codes with their weights, and the rest. */
const FACE_TO_FACE: ReadonlyArray<readonly [string, number]> = [
  ['1', 25],
  ['2', 10],
  ['3', 35],
  ['4', 20],
  ['6', 10],
];

const CHUNK = 20_000;

export interface DemoCounty {
  readonly code: string;
  /** 户籍人口 by year. */
  readonly householdPop: ReadonlyMap<number, number>;
  readonly urbanShare: number;
}

/** The county-level divisions of the region with their household population per year. */
export function demoCounties(region: DemoRegion, years: readonly number[]): DemoCounty[] {
  return region.divisions
    .filter((d) => Number(d.level) === 3)
    .map((d) => {
      const code = String(d.code);
      const stats = region.divisionStats.filter((s) => s.code === code);
      const householdPop = new Map<number, number>();
      for (const year of years) {
        const row = stats.find((s) => Number(s.year) === year) ?? stats[0];
        householdPop.set(year, Number(row?.household_pop ?? 0));
      }
      const first = stats.find((s) => Number(s.year) === years[0]) ?? stats[0];
      const urbanShare = first ? Number(first.household_urban_pop) / Number(first.household_pop) : 0.3;
      return { code, householdPop, urbanShare };
    });
}

const dayKeys = new Map<number, string>();

/** `yyyyMMdd` of a day number (memoised: a few thousand distinct days, hundreds of thousands of calls). */
function key(day: number): string {
  let k = dayKeys.get(day);
  if (k === undefined) {
    k = keyOfDayNumber(day);
    dayKeys.set(day, k);
  }
  return k;
}

const dayNumbers = new Map<string, number>();

/** Day number of `yyyyMMdd` (memoised). */
function dayOf(key: string): number {
  let n = dayNumbers.get(key);
  if (n === undefined) {
    n = dayNumber(key);
    dayNumbers.set(key, n);
  }
  return n;
}

interface DraftRecord {
  readonly dah: string;
  readonly jblx: string;
  readonly org: string;
  readonly xzqh: string;
  /** Day numbers: opened, and closed (inclusive last day) or null. */
  readonly opened: number;
  closed: number | null;
  readonly emptyClosure: boolean;
}

/** An institution open on a day (day numbers). */
function openOn(inst: DemoInstitution, day: number): boolean {
  return dayOf(inst.openedOn) <= day && (inst.closedOn === null || dayOf(inst.closedOn) >= day);
}

function* countyRows(
  county: DemoCounty,
  others: readonly string[],
  managers: readonly DemoInstitution[],
  years: readonly number[],
): Generator<[string, DemoRow[]]> {
  const rng = new Rng(`phs:${county.code}`);
  const firstYear = years[0];
  const firstDay = dayNumber(`${firstYear}0101`);
  const countyBase = rng.range(0.54, 0.62);
  const weights = managers.map((m) => [m, Math.max(0.2, m.dailyVisits)] as const);
  const pickManager = (day: number): DemoInstitution => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const m = rng.weighted(weights);
      if (openOn(m, day)) return m;
    }
    return managers.find((m) => openOn(m, day)) ?? managers[0];
  };
  const records: DraftRecord[] = [];
  let serial = 0;
  const add = (jblx: string, opened: number, org?: DemoInstitution, xzqh?: string): DraftRecord => {
    serial++;
    const manager = org ?? pickManager(opened);
    const record: DraftRecord = {
      dah: `MB${county.code}${jblx}${String(serial).padStart(6, '0')}`,
      jblx,
      org: manager.orgCode,
      xzqh: xzqh ?? (rng.chance(0.015) && others.length > 0 ? rng.pick(others) : county.code),
      opened,
      closed: null,
      emptyClosure: rng.chance(0.1),
    };
    records.push(record);
    return record;
  };

  for (const [jblx, prevalence] of PREVALENCE) {
    const stock = Math.round(((county.householdPop.get(firstYear) ?? 0) * prevalence) / PHS_PERSON_SCALE);
    // The stock on the first day: opened 2010 … the year before, more of them recently.
    const initial = Math.round(stock * 0.94);
    const from = dayNumber('20100101');
    for (let i = 0; i < initial; i++) {
      const opened = Math.floor(from + (firstDay - from) * Math.sqrt(rng.next()));
      add(jblx, Math.min(opened, firstDay - 1));
    }
    // Each year: ~3 % closed (death, moved away), ~7 % newly found and opened.
    for (const year of years) {
      const start = dayNumber(`${year}0101`);
      const end = dayNumber(`${year + 1}0101`);
      for (const r of records) {
        if (r.jblx !== jblx || r.closed !== null || r.opened >= start) continue;
        if (rng.chance(0.03)) r.closed = rng.int(start, end - 1);
      }
      const fresh = Math.round(initial * 0.07 * rng.range(0.9, 1.1));
      for (let i = 0; i < fresh; i++) add(jblx, rng.int(start, end - 1));
    }
  }
  // A managing institution that closes hands its open records over: closed there, reopened elsewhere.
  for (const r of [...records]) {
    const inst = managers.find((m) => m.orgCode === r.org);
    if (!inst?.closedOn) continue;
    const closedOn = dayNumber(inst.closedOn);
    if (r.opened > closedOn || (r.closed !== null && r.closed <= closedOn)) continue;
    const later = r.closed;
    r.closed = closedOn;
    const successor = add(r.jblx, closedOn + 1, undefined, r.xzqh);
    successor.closed = later;
  }

  let buffer: DemoRow[] = records.map((r) => ({
    DAH: r.dah,
    JBLX: r.jblx,
    GLJG: r.org,
    XZQH: r.xzqh,
    JDRQ: key(r.opened),
    JARQ: r.closed !== null ? key(r.closed) : r.emptyClosure ? '' : null,
  }));
  yield ['GW_MBDA', buffer];

  buffer = [];
  let sf = 0;
  const followUp = (r: DraftRecord, day: number, mode: string): void => {
    sf++;
    buffer.push({
      SFID: `SF${county.code}${String(sf).padStart(8, '0')}`,
      DAH: r.dah,
      JBLX: r.jblx,
      SFRQ: key(day),
      SFFS: mode,
    });
  };
  for (const r of records) {
    for (const year of years) {
      const start = Math.max(dayOf(`${year}0101`), r.opened);
      const last = Math.min(dayOf(`${year}1231`), r.closed ?? Number.MAX_SAFE_INTEGER);
      if (last < start) continue;
      const share = (last - start + 1) / 365;
      const standardized = rng.chance(countyBase + 0.05 * (year - firstYear));
      let faceToFace: number;
      if (standardized) faceToFace = 4 + (rng.chance(0.2) ? 1 : 0) + (rng.chance(0.08) ? 1 : 0);
      else
        faceToFace = rng.weighted([
          [0, 10],
          [1, 15],
          [2, 30],
          [3, 45],
        ] as const);
      if (share < 0.75) faceToFace = Math.min(faceToFace, Math.round(4 * share + rng.range(-0.5, 0.5)));
      // Spread over the open days: one in each equal slice (quarterly for a full year).
      const slice = (last - start + 1) / Math.max(1, faceToFace);
      for (let k = 0; k < faceToFace; k++) {
        const day = Math.min(last, start + Math.floor(slice * k + rng.next() * slice));
        followUp(r, day, rng.weighted(FACE_TO_FACE));
      }
      const phone = rng.weighted([
        [0, 50],
        [1, 35],
        [2, 15],
      ] as const);
      for (let k = 0; k < phone; k++) followUp(r, rng.int(start, last), '5');
      if (rng.chance(0.03)) followUp(r, rng.int(start, last), '9');
      if (buffer.length >= CHUNK) {
        yield ['GW_MBSF', buffer];
        buffer = [];
      }
    }
  }
  if (buffer.length) yield ['GW_MBSF', buffer];
}

function* surveyRows(
  counties: readonly DemoCounty[],
  years: readonly number[],
): Generator<[string, DemoRow[]]> {
  const rows: DemoRow[] = [];
  for (const county of counties) {
    for (const year of years) {
      const rng = new Rng(`phs:survey:${county.code}:${year}`);
      const responses = Math.round(120 + (county.householdPop.get(year) ?? 0) / 8000);
      const primaryShare = 0.7 - 0.35 * county.urbanShare + 0.03 * (year - years[0]);
      for (let i = 1; i <= responses; i++) {
        const visits = rng.weighted([
          [0, 3],
          [1, 68],
          [2, 21],
          [3, 6],
          [4, 2],
        ] as const);
        let primaryFirst = 0;
        for (let v = 0; v < visits; v++) if (rng.chance(primaryShare)) primaryFirst++;
        rows.push({
          response_id: `TW${county.code}${year}${String(i).padStart(5, '0')}`,
          division_code: county.code,
          survey_year: year,
          visits,
          primary_first_visits: primaryFirst,
        });
      }
    }
  }
  yield ['survey_two_week', rows];
}

/** The demo's public-health database. */
export const phsDemoSource: RegionalDemoSource = {
  id: 'phs',
  kind: 'phs',
  file: 'phs.sqlite',
  tables: phsTables,
  *rows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]> {
    const sortedYears = [...years].sort((a, b) => a - b);
    const counties = demoCounties(region, sortedYears);
    const cityOf = new Map(region.divisions.map((d) => [String(d.code), String(d.parent_code)] as const));
    for (const county of counties) {
      const managers = region.institutions.filter(
        (i) => i.division === county.code && MANAGING_CLASSES.has(i.cls),
      );
      if (managers.length === 0) continue;
      // A few records carry another county of the same city as XZQH.
      const city = cityOf.get(county.code);
      const others = counties.map((c) => c.code).filter((c) => c !== county.code && cityOf.get(c) === city);
      yield* countyRows(county, others, managers, sortedYears);
    }
    yield* surveyRows(counties, sortedYears);
  },
};
