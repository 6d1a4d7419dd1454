/**
 * The demo's family-doctor contract database (`fds`, legacy-systems.md §6): teams of every
 * township health centre and community health centre with their GPs, nurses, public-health staff
 * and (for some) a specialist of the county hospital; and one-year contracts of the residents.
 *
 * One demo person stands for FDS_PERSON_SCALE residents. About 31 % of them are signed at the end
 * of the first year, rising ~2.5 points a year; key groups (重点人群) ~63–67 %, the registered
 * poor ~92–96 %.
 * Contracts are renewed yearly as new rows (sign_flag '3', most on the day after the last one
 * ends, some after a gap); ~3 % are ended early ('2' with stop_date), some key-group residents
 * have a pending '4', ~2 % switch team mid-year (two overlapping contracts), some sign "1+1+1"
 * with the county hospital and a city tertiary hospital. Fees ~120 yuan split 医保/财政/个人, the
 * registered poor and 低保/优抚 paying nothing themselves. Deterministic: seeded per county.
 */
import { fdsTables } from '../fds/contract';
import type { DemoInstitution, DemoRegion, DemoRow } from './ankang';
import { dayNumber, keyOfDayNumber } from './calendar';
import { demoCounties } from './phs';
import type { DemoCounty } from './phs';
import { demoStaff } from './hrm';
import type { DemoStaffMember } from './hrm';
import { Rng } from './random';
import type { RegionalDemoSource } from './regional';

/** One demo person stands for this many residents. */
export const FDS_PERSON_SCALE = 25;

/** Institutions with family-doctor teams: township health centres and community health centres. */
const TEAM_CLASSES = new Set(['TOWNSHIP_CENTRAL', 'TOWNSHIP', 'COMMUNITY_CENTER']);

/** A key-group person's main group, by people_flags code. */
const MAIN_KEY_GROUP: ReadonlyArray<readonly [string, number]> = [
  ['03', 45],
  ['02', 17],
  ['04', 16],
  ['08', 7],
  ['05', 5],
  ['11', 4],
  ['01', 2.5],
  ['06', 1.5],
  ['12', 1],
  ['09', 0.6],
  ['07', 0.4],
];

/** Month of a first signing: the yearly campaigns run in spring. */
const SIGNING_MONTHS: ReadonlyArray<readonly [number, number]> = [
  [1, 25],
  [2, 10],
  [3, 25],
  [4, 18],
  [5, 12],
  [6, 10],
];

const CHUNK = 20_000;

interface DemoTeam {
  readonly id: string;
  readonly org: DemoInstitution;
  readonly created: number;
  readonly dissolved: number | null;
}

const isoDays = new Map<number, string>();
const yearEnds = new Map<number, number>();

/** `yyyy-MM-dd` of a day number (memoised, like `yearLater`: few distinct days, many calls). */
function iso(day: number): string {
  let text = isoDays.get(day);
  if (text === undefined) {
    const k = keyOfDayNumber(day);
    text = `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)}`;
    isoDays.set(day, text);
  }
  return text;
}

/** The last day of a one-year contract starting on `day`. */
function yearLater(day: number): number {
  let end = yearEnds.get(day);
  if (end === undefined) {
    const k = keyOfDayNumber(day);
    end = dayNumber(`${Number(k.slice(0, 4)) + 1}${k.slice(4)}`) - 1;
    yearEnds.set(day, end);
  }
  return end;
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

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A salted-hash-like person key: 64 hex characters drawn from the generator. */
function hexKey(rng: Rng): string {
  const parts: string[] = [];
  for (let i = 0; i < 8; i++) {
    const v = Math.floor(rng.next() * 0x100000000);
    parts.push(
      HEX_BYTES[v >>> 24],
      HEX_BYTES[(v >>> 16) & 255],
      HEX_BYTES[(v >>> 8) & 255],
      HEX_BYTES[v & 255],
    );
  }
  return parts.join('');
}

function exists(team: DemoTeam, day: number): boolean {
  return team.created <= day && (team.dissolved === null || team.dissolved > day);
}

interface CountyTeams {
  readonly teams: DemoTeam[];
  readonly teamRows: DemoRow[];
  readonly memberRows: DemoRow[];
}

function buildTeams(
  county: DemoCounty,
  orgs: readonly DemoInstitution[],
  specialistHospital: DemoInstitution | undefined,
  years: readonly number[],
  rng: Rng,
  staff: ReadonlyMap<string, readonly DemoStaffMember[]>,
): CountyTeams {
  const teams: DemoTeam[] = [];
  const teamRows: DemoRow[] = [];
  const memberRows: DemoRow[] = [];
  let teamNo = 0;
  let practNo = 0;
  /**
   * A member from the hrm workforce of `org` (GPs for the GP role, nurses for NURSE), so that
   * fd_team_member.pract_id references hrm.practitioner; a made-up id only where hrm has no one.
   */
  const memberOf = (org: DemoInstitution, role: string): string => {
    const all = staff.get(org.orgCode) ?? [];
    const fitting = all.filter((p) =>
      role === 'GP' ? p.gp : role === 'NURSE' ? p.nurse : !p.gp && !p.nurse,
    );
    const pool = fitting.length ? fitting : all;
    return pool.length ? rng.pick(pool).id : `P${county.code}${String(++practNo).padStart(4, '0')}`;
  };
  const laterYears = years.length > 1 ? years.slice(1) : years;
  for (const org of orgs) {
    const count = Math.min(7, Math.max(1, Math.round(org.dailyVisits * 0.8 + rng.range(-0.5, 0.5))));
    const opened = dayNumber(org.openedOn);
    let previousGp: string | null = null;
    for (let k = 0; k < count; k++) {
      let created =
        k > 0 && rng.chance(0.15)
          ? dayNumber(`${rng.pick(laterYears)}0101`) + rng.int(0, 300)
          : dayNumber('20160301') + rng.int(0, 660);
      created = Math.max(created, opened + 30);
      let dissolved = org.closedOn ? dayNumber(org.closedOn) : null;
      if (dissolved === null && k > 0 && rng.chance(0.03)) {
        dissolved = dayNumber(`${rng.pick(years)}0101`) + rng.int(0, 360);
        if (dissolved <= created) dissolved = null;
      }
      const specialist = specialistHospital && rng.chance(0.3) ? specialistHospital : null;
      const team: DemoTeam = {
        id: `FT${county.code}${String(++teamNo).padStart(4, '0')}`,
        org,
        created,
        dissolved,
      };
      teams.push(team);
      teamRows.push({
        team_id: team.id,
        org_code: org.orgCode,
        specialist_org_code: specialist ? specialist.orgCode : rng.chance(0.3) ? '' : null,
        created_on: iso(created),
        dissolved_on: dissolved === null ? null : iso(dissolved),
      });
      const member = (pract_id: string, role: string): void => {
        memberRows.push({ team_id: team.id, pract_id, role });
      };
      // A GP may lead a second team of the same centre.
      const gp: string = previousGp && rng.chance(0.1) ? previousGp : memberOf(org, 'GP');
      member(gp, 'GP');
      previousGp = gp;
      if (rng.chance(0.45)) member(memberOf(org, 'GP'), 'GP');
      if (rng.chance(0.9)) member(memberOf(org, 'NURSE'), 'NURSE');
      if (rng.chance(0.6)) member(memberOf(org, 'PH'), 'PH');
      if (rng.chance(0.2)) member(memberOf(org, 'OTHER'), 'OTHER');
      if (specialist) member(memberOf(specialist, 'SPECIALIST'), 'SPECIALIST');
    }
  }
  return { teams, teamRows, memberRows };
}

interface Package {
  readonly insurance: number;
  readonly personal: number;
}

function* countyRows(
  county: DemoCounty,
  stats: DemoRegion['divisionStats'],
  orgs: readonly DemoInstitution[],
  countyHospital: DemoInstitution | undefined,
  tertiary: ReadonlyArray<readonly [DemoInstitution, number]>,
  years: readonly number[],
  staff: ReadonlyMap<string, readonly DemoStaffMember[]>,
): Generator<[string, DemoRow[]]> {
  const rng = new Rng(`fds:${county.code}`);
  const { teams, teamRows, memberRows } = buildTeams(county, orgs, countyHospital, years, rng, staff);
  yield ['fd_team', teamRows];
  yield ['fd_team_member', memberRows];
  if (teams.length === 0) return;

  const firstYear = years[0];
  const stat = (year: number): DemoRow | undefined =>
    stats.find((s) => s.code === county.code && Number(s.year) === year);
  const first = stat(firstYear);
  const household = Number(first?.household_pop ?? 0);
  const keyShare = household ? Number(first?.key_group_pop ?? 0) / household : 0.35;
  const poorShare = new Map(
    years.map((y) => {
      const s = stat(y);
      return [y, s ? Number(s.registered_poor_pop) / Number(s.household_pop) : 0] as const;
    }),
  );
  const countyFactor = rng.range(0.92, 1.08);
  const pkg: Package = { insurance: rng.pick([40, 45, 48, 50]), personal: rng.pick([10, 12, 15, 20]) };

  const teamAt = (home: DemoTeam, day: number): DemoTeam => {
    if (exists(home, day)) return home;
    return (
      teams.find((t) => t.org === home.org && exists(t, day)) ?? teams.find((t) => exists(t, day)) ?? home
    );
  };

  // First day and the last signing day (28 December) of each year, as day numbers.
  const yearBounds = new Map(
    years.map((y) => [y, [dayNumber(`${y}0101`), dayNumber(`${y}1228`)] as const] as const),
  );
  let buffer: DemoRow[] = [];
  let contractNo = 0;
  const persons = Math.round(household / FDS_PERSON_SCALE);
  for (let i = 0; i < persons; i++) {
    const personKey = hexKey(rng);
    const key = rng.chance(keyShare);
    const poorRank = rng.next();
    const categories: string[] = [];
    if (key && !(poorRank < (poorShare.get(firstYear) ?? 0) / keyShare && rng.chance(0.5))) {
      const main = rng.weighted(MAIN_KEY_GROUP);
      categories.push(main);
      if (main === '03' && rng.chance(0.3)) categories.push('04');
      if ((main === '03' || main === '04') && rng.chance(0.12)) categories.push('05');
      if (main !== '08' && rng.chance(0.04)) categories.push('08');
    }
    const generalCode = rng.chance(0.97) ? '10' : '14';
    const quirk = rng.next();
    const signRank = rng.next();
    const home = rng.pick(teams);
    const chronic = categories.includes('04') || categories.includes('05');
    const onePlusOne = rng.chance(key ? (chronic ? 0.4 : 0.25) : 0.05);
    const secondOnly = !onePlusOne && rng.chance(0.05);
    const third = rng.weighted(tertiary);
    const personalized = !key && rng.chance(0.06);
    const extra = rng.pick([30, 60, 80]);

    let previous: { until: number } | null = null;
    for (const year of years) {
      const t = year - firstYear;
      const poor = key && poorRank < (poorShare.get(year) ?? 0) / keyShare;
      const codes = [...categories, ...(poor ? ['13'] : [])].sort();
      const keyNow = codes.length > 0;
      let flags: string | null = keyNow ? codes.join(',') : generalCode;
      if (quirk < 0.01 && keyNow) flags = codes.join(', ');
      else if (quirk < 0.02 && keyNow) flags = `10,${codes.join(',')}`;
      else if (quirk < 0.03 && !keyNow) flags = quirk < 0.025 ? '' : null;
      const contractRow = (flag: string, day: number, stop: number | null, team: DemoTeam): DemoRow => {
        const exempt = codes.includes('13') || codes.includes('11') || codes.includes('12');
        const base = 120 + (personalized ? extra : 0);
        const personal = exempt ? 0 : pkg.personal + (personalized ? extra : 0);
        return {
          contract_id: `FD${county.code}${String(++contractNo).padStart(7, '0')}`,
          team_id: team.id,
          person_key: personKey,
          division_code: county.code,
          signed_on: iso(day),
          valid_until: iso(yearLater(day)),
          sign_flag: flag,
          stop_date: stop === null ? null : iso(stop),
          people_flags: flags,
          second_org_code: onePlusOne || secondOnly ? (countyHospital?.orgCode ?? null) : null,
          third_org_code: onePlusOne ? third.orgCode : null,
          fee_total: base,
          fee_insurance: pkg.insurance,
          fee_fiscal: base - pkg.insurance - personal,
          fee_personal: personal,
        };
      };
      const propensity = (poor ? 0.95 : keyNow ? 0.6 + 0.07 * t : 0.14 + 0.025 * t) * countyFactor;
      const [yearStart, yearLast] = yearBounds.get(year) ?? [0, 0];
      if (signRank >= propensity || rng.chance(0.04)) {
        if (keyNow && rng.chance(0.04)) {
          const day = yearStart + rng.int(0, 330);
          buffer.push(contractRow('4', day, null, home));
        }
        previous = null;
        continue;
      }
      let signed: number;
      if (previous && previous.until + 1 >= yearStart) {
        signed = previous.until + 1 + (rng.chance(0.2) ? rng.int(1, 40) : 0);
      } else {
        const month = rng.weighted(SIGNING_MONTHS);
        signed = dayOf(`${year}${String(month).padStart(2, '0')}01`) + rng.int(0, 27);
      }
      signed = Math.min(Math.max(signed, yearStart), yearLast);
      const renewal = previous !== null;
      const until = yearLater(signed);
      if (rng.chance(0.03)) {
        const stop = Math.min(until, signed + rng.int(30, 330));
        buffer.push(contractRow('2', signed, stop, teamAt(home, signed)));
        previous = null;
      } else {
        buffer.push(contractRow(renewal ? '3' : '1', signed, null, teamAt(home, signed)));
        previous = { until };
      }
      if (rng.chance(0.02)) {
        // Switched to another team mid-year: a second contract overlapping the first.
        const day = Math.min(signed + rng.int(30, 200), yearLast);
        buffer.push(contractRow('1', day, null, teamAt(rng.pick(teams), day)));
      }
      if (buffer.length >= CHUNK) {
        yield ['fd_contract', buffer];
        buffer = [];
      }
    }
  }
  if (buffer.length) yield ['fd_contract', buffer];
}

/** The demo's family-doctor contract database. */
export const fdsDemoSource: RegionalDemoSource = {
  id: 'fds',
  kind: 'fds',
  file: 'fds.sqlite',
  tables: fdsTables,
  *rows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]> {
    const sortedYears = [...years].sort((a, b) => a - b);
    const staff = demoStaff(region, sortedYears);
    // "1+1+1": the third is a tertiary hospital of the county's city, its 中心医院 most often.
    const tertiaryOf = new Map(
      region.cities.map((c) => [
        c.code,
        region.institutions
          .filter((i) => i.city === c.code && i.cls === 'CITY_GENERAL' && i.level === '3')
          .map((i, k) => [i, k === 0 ? 3 : 1] as const),
      ]),
    );
    const cityOf = new Map(region.divisions.map((d) => [String(d.code), String(d.parent_code)] as const));
    for (const county of demoCounties(region, sortedYears)) {
      const tertiary = tertiaryOf.get(cityOf.get(county.code) ?? '') ?? [];
      const orgs = region.institutions.filter((i) => i.division === county.code && TEAM_CLASSES.has(i.cls));
      const countyHospital = region.institutions.find(
        (i) => i.division === county.code && i.cls === 'COUNTY_GENERAL',
      );
      yield* countyRows(county, region.divisionStats, orgs, countyHospital, tertiary, sortedYears, staff);
    }
  },
};
