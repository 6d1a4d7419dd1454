/**
 * The demo's regional two-way referral platform (双向转诊信息系统, `ZZ_ZZSQ`): referrals up from
 * townships and communities to the county hospitals and from the counties to the city's tertiary
 * hospitals, down the same ways and to the private rehabilitation hospital and nursing home (more
 * down every year: +10 % a year, held back in 2020 by the COVID-19 months), a few lateral ones; a few % pending, rejected or cancelled; a few
 * claims (ZZLX) that disagree with the registry's levels — village clinic → township centre written
 * as 上转, the tertiary 旬阳市人民医院 → the city's tertiary hospitals written as 上转, and random
 * slips. Deterministic: every draw comes from seeded generators.
 */
import { referralTables } from '../referral/contract';
import type { DemoClass, DemoInstitution, DemoRegion, DemoRow } from './ankang';
import { dayNumber, monthDays, pad2 } from './calendar';
import type { DayKind } from './calendar';
import { Rng } from './random';
import type { RegionalDemoSource } from './regional';
import { covid, SEASON } from './visits';

/** Rows per yielded chunk. */
const CHUNK = 20_000;

/** Relative activity of a platform on a day (applications are made on working days mostly). */
const DAY_WEIGHT: Readonly<Record<DayKind, number>> = { WORK: 1, WEEKEND: 0.3, HOLIDAY: 0.2, SPRING: 0.1 };

const dateTexts = new Map<number, string>();

/** `yyyy-MM-dd` of a day number (days since 1970-01-01), cached. */
function dateText(day: number): string {
  let text = dateTexts.get(day);
  if (text === undefined) {
    const d = new Date(day * 86_400_000);
    text = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    dateTexts.set(day, text);
  }
  return text;
}

/** `yyyy-MM-dd HH:mm:ss` of a day number plus seconds (may run past midnight, into later days). */
export function demoDatetime(day: number, second: number): string {
  const s = Math.floor(second);
  const dayOffset = Math.floor(s / 86_400);
  const rest = s - dayOffset * 86_400;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  return `${dateText(day + dayOffset)} ${pad2(h)}:${pad2(m)}:${pad2(rest % 60)}`;
}

interface MonthPattern {
  readonly days: ReadonlyArray<{ day: number; key: string; dayOfMonth: number }>;
  /** Cumulative weights, the last one the total. */
  readonly cumulative: readonly number[];
}

const patterns = new WeakMap<Readonly<Record<DayKind, number>>, Map<number, MonthPattern>>();

function monthPattern(year: number, month: number, weights: Readonly<Record<DayKind, number>>): MonthPattern {
  let byMonth = patterns.get(weights);
  if (!byMonth) patterns.set(weights, (byMonth = new Map()));
  let pattern = byMonth.get(year * 100 + month);
  if (!pattern) {
    const calendar = monthDays(year, month);
    let total = 0;
    pattern = {
      days: calendar.map((d) => ({ day: dayNumber(d.key), key: d.key, dayOfMonth: d.day })),
      cumulative: calendar.map((d) => (total += weights[d.kind])),
    };
    byMonth.set(year * 100 + month, pattern);
  }
  return pattern;
}

/**
 * A day of the month drawn by a weekday pattern (by default the platforms': working days mostly):
 * its day number, `yyyyMMdd` and day of the month.
 */
export function drawDay(
  rng: Rng,
  year: number,
  month: number,
  weights: Readonly<Record<DayKind, number>> = DAY_WEIGHT,
): { day: number; key: string; dayOfMonth: number } {
  const { days, cumulative } = monthPattern(year, month, weights);
  const u = rng.next() * cumulative[cumulative.length - 1];
  let i = 0;
  while (i < cumulative.length - 1 && u >= cumulative[i]) i++;
  return days[i];
}

/** Open on `yyyyMMdd` (a closed institution sends and receives nothing after closing). */
export function openOn(inst: DemoInstitution, key: string): boolean {
  return key >= inst.openedOn && (inst.closedOn === null || key < inst.closedOn);
}

type Zzlx = '1' | '2' | '3';
type DxPool = 'UP' | 'DOWN' | 'LATERAL';

/** One stream of referrals: senders and receivers to draw from, and a monthly mean in 2018. */
interface Flow {
  readonly from: readonly DemoInstitution[];
  readonly to: readonly DemoInstitution[];
  readonly zzlx: Zzlx;
  readonly monthly: number;
  readonly dx: DxPool;
  /** Receivers drawn in proportion to their size (else uniformly). */
  readonly toBySize?: boolean;
}

/** Yearly growth by claimed kind: 下转 +10 %/year (the targets), 上转 +2 %, 平转 flat. */
const GROWTH: Readonly<Record<Zzlx, number>> = { '1': 1.02, '2': 1.1, '3': 1 };

/** ICD-10 first diagnoses by kind of referral, weighted; '' is a referral without a code. */
const DIAGNOSES: Readonly<Record<DxPool, ReadonlyArray<readonly [string, number]>>> = {
  UP: [
    ['I63.9', 10],
    ['I61.9', 3],
    ['I64', 2],
    ['I10', 7],
    ['I11.9', 3],
    ['E11.9', 5],
    ['E11.6', 2],
    ['J44.1', 6],
    ['J44.9', 3],
    ['C34.9', 2],
    ['C16.9', 2],
    ['C22.0', 1],
    ['C50.9', 1],
    ['D25.9', 1],
    ['I21.9', 3],
    ['I50.9', 3],
    ['K80.2', 3],
    ['K35.8', 3],
    ['S72.0', 3],
    ['J18.9', 6],
    ['N18.5', 2],
    ['O80.0', 1],
    ['N39.0', 2],
    ['R10.4', 2],
    ['', 1],
  ],
  DOWN: [
    ['I69.3', 10],
    ['I63.9', 6],
    ['I10', 6],
    ['I11.9', 2],
    ['E11.9', 5],
    ['E14.9', 1],
    ['J44.9', 5],
    ['C34.9', 2],
    ['C16.9', 1],
    ['Z51.1', 3],
    ['S72.0', 4],
    ['M17.9', 2],
    ['Z50.1', 4],
    ['I50.9', 2],
    ['N18.5', 1],
    ['Z47.0', 2],
    ['J18.9', 2],
  ],
  LATERAL: [
    ['M54.5', 4],
    ['K64.9', 2],
    ['I10', 2],
    ['J44.9', 1],
    ['H25.9', 1],
    ['L30.9', 1],
    ['I63.9', 1],
  ],
};

/**
 * County-level divisions with their size: 户籍人口 in hundred thousands, of the first statistics
 * year (1 when the registry has no statistics for it).
 */
export function countySizes(region: DemoRegion): Array<[string, number]> {
  return region.divisions
    .filter((d) => Number(d.level) === 3)
    .map((d) => {
      const code = String(d.code);
      const stat = region.divisionStats
        .filter((s) => s.code === code)
        .sort((a, b) => Number(a.year) - Number(b.year))[0];
      return [code, stat ? Number(stat.household_pop) / 100_000 : 1];
    });
}

/** The referral streams of the region (monthly means of 2018, before season and growth), city by city. */
function flows(region: DemoRegion): Flow[] {
  const sizes = countySizes(region);
  const parent = new Map(region.divisions.map((d) => [String(d.code), String(d.parent_code)] as const));
  const result: Flow[] = [];
  for (const city of region.cities) {
    const all = region.institutions.filter((i) => i.city === city.code);
    const of = (classes: readonly DemoClass[], division?: string): DemoInstitution[] =>
      all.filter((i) => classes.includes(i.cls) && (division === undefined || i.division === division));
    const { central, people, tcm: cityTcm, mch: cityMch } = city;
    const rehab = of(['PRIVATE_REHAB']);
    const nursing = of(['PRIVATE_NURSING']);
    const cityGeneral = [central, people];
    for (const [division, k] of sizes) {
      if (parent.get(division) !== city.code) continue;
      const [general] = of(['COUNTY_GENERAL'], division);
      const [tcm] = of(['COUNTY_TCM'], division);
      const [mch] = of(['COUNTY_MCH'], division);
      const primary = of(['TOWNSHIP_CENTRAL', 'TOWNSHIP', 'COMMUNITY_CENTER', 'COMMUNITY_STATION'], division);
      const centres = of(['TOWNSHIP_CENTRAL'], division);
      const villages = of(['VILLAGE_CLINIC'], division);
      const seat = division === city.seat;
      // 上转: primary care → county hospitals; the seat's (汉滨区's) primary care also straight to the city.
      result.push({ from: primary, to: [general], zzlx: '1', monthly: 18 * k, dx: 'UP' });
      result.push({ from: primary, to: [tcm], zzlx: '1', monthly: 5 * k, dx: 'UP' });
      result.push({ from: villages, to: [general], zzlx: '1', monthly: 1 * k, dx: 'UP' });
      // Village clinic → township centre: both primary care (平转 by the levels), written 上转.
      result.push({ from: villages, to: centres, zzlx: '1', monthly: 0.4 * k, dx: 'UP' });
      if (seat)
        result.push({ from: primary, to: cityGeneral, zzlx: '1', monthly: 8 * k, dx: 'UP', toBySize: true });
      // County → city. 旬阳市人民医院 is itself 三级: its referrals to the city are 平转 by the
      // levels, yet written 上转 (fewer of them).
      const tertiary = general.level === '3';
      result.push({
        from: [general],
        to: cityGeneral,
        zzlx: '1',
        monthly: (tertiary ? 1.5 : 4) * k,
        dx: 'UP',
        toBySize: true,
      });
      result.push({ from: [tcm], to: [cityTcm], zzlx: '1', monthly: 1.2 * k, dx: 'UP' });
      result.push({ from: [mch], to: [cityMch], zzlx: '1', monthly: 0.6 * k, dx: 'UP' });
      // 下转: city → county hospitals and (the seat's) primary care; county hospitals → their townships.
      result.push({ from: cityGeneral, to: [general], zzlx: '2', monthly: 1.6 * k, dx: 'DOWN' });
      result.push({ from: [cityTcm], to: [tcm], zzlx: '2', monthly: 0.5 * k, dx: 'DOWN' });
      if (seat)
        result.push({ from: [...cityGeneral, cityTcm], to: primary, zzlx: '2', monthly: 3 * k, dx: 'DOWN' });
      result.push({ from: [general], to: primary, zzlx: '2', monthly: 6 * k, dx: 'DOWN' });
      result.push({ from: [tcm], to: primary, zzlx: '2', monthly: 1.5 * k, dx: 'DOWN' });
      // 平转 between the county's general and TCM hospitals.
      result.push({ from: [general], to: [tcm], zzlx: '3', monthly: 0.5 * k, dx: 'LATERAL' });
      result.push({ from: [tcm], to: [general], zzlx: '3', monthly: 0.5 * k, dx: 'LATERAL' });
    }
    // Continuing care (接续性医疗机构): the private rehabilitation hospital and nursing home.
    result.push({ from: [...cityGeneral, cityTcm], to: rehab, zzlx: '2', monthly: 20, dx: 'DOWN' });
    result.push({ from: [...cityGeneral, cityTcm], to: nursing, zzlx: '2', monthly: 8, dx: 'DOWN' });
    result.push({ from: of(['COUNTY_GENERAL'], city.seat), to: rehab, zzlx: '2', monthly: 3, dx: 'DOWN' });
    result.push({ from: rehab, to: [central], zzlx: '1', monthly: 6, dx: 'UP' });
    result.push({ from: nursing, to: cityGeneral, zzlx: '1', monthly: 4, dx: 'UP' });
    // 平转 among the city's tertiary hospitals.
    result.push({ from: [central, people], to: [cityTcm], zzlx: '3', monthly: 3, dx: 'LATERAL' });
    result.push({ from: [cityTcm], to: [central], zzlx: '3', monthly: 2, dx: 'LATERAL' });
  }
  return result.filter((f) => f.from.length > 0 && f.to.length > 0 && f.monthly > 0);
}

/** A claim slip: another code, or no code at all (empty string or NULL). */
function claim(rng: Rng, zzlx: Zzlx): string | null {
  const u = rng.next();
  if (u < 0.008) return zzlx === '1' ? '2' : '1';
  if (u < 0.01) return '3';
  if (u < 0.012) return '';
  if (u < 0.013) return null;
  return zzlx;
}

/** 0 待接收, 1 已接收, 2 已拒绝, 3 已撤销: more pending in the last weeks of the data. */
function status(rng: Rng, recent: boolean): string {
  const u = rng.next();
  if (u < (recent ? 0.2 : 0.012)) return '0';
  if (u < (recent ? 0.23 : 0.042)) return '2';
  if (u < (recent ? 0.25 : 0.062)) return '3';
  return '1';
}

/** The diagnosis as written: occasionally lower case or without the dot. */
function writtenCode(rng: Rng, code: string): string {
  const u = rng.next();
  if (u < 0.004) return code.toLowerCase();
  if (u < 0.02) return code.replace('.', '');
  return code;
}

function pickWeighted(rng: Rng, list: readonly DemoInstitution[], bySize: boolean): DemoInstitution {
  return bySize ? rng.weighted(list.map((i) => [i, i.beds] as const)) : rng.pick(list);
}

function* referralRows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]> {
  const streams = flows(region);
  const lastYear = Math.max(...years);
  let buffer: DemoRow[] = [];
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const rng = new Rng(`referral:${year}${pad2(month)}`);
      const lastWeeks = year === lastYear && month === 12;
      let serial = 0;
      const monthRows: DemoRow[] = [];
      for (const flow of streams) {
        // The COVID-19 months of 2020 cut referrals up more than down (stable patients were moved out).
        const dip = covid(year, month, 15, false);
        const lambda =
          flow.monthly *
          SEASON[month - 1] *
          Math.pow(GROWTH[flow.zzlx], year - 2018) *
          (flow.zzlx === '2' ? Math.pow(dip, 0.25) : dip);
        const n = rng.poisson(lambda);
        for (let i = 0; i < n; i++) {
          const { day, key, dayOfMonth } = drawDay(rng, year, month);
          // An institution not open that day (opened later, closed before) is drawn again.
          let from = rng.pick(flow.from);
          let to = pickWeighted(rng, flow.to, flow.toBySize ?? false);
          for (let retry = 0; retry < 8 && (from === to || !openOn(from, key) || !openOn(to, key)); retry++) {
            from = rng.pick(flow.from);
            to = pickWeighted(rng, flow.to, flow.toBySize ?? false);
          }
          const code = rng.weighted(DIAGNOSES[flow.dx]);
          const zt = status(rng, lastWeeks && dayOfMonth >= 18);
          const second = 8 * 3600 + rng.int(0, 10 * 3600 - 1);
          const acceptedAfter = Math.min(72 * 3600, Math.round(rng.logNormal(6 * 3600, 0.9)));
          if (from === to || !openOn(from, key) || !openOn(to, key)) continue;
          serial++;
          monthRows.push({
            ZZDH: `ZZ${key}${String(serial).padStart(6, '0')}`,
            ZZLX: claim(rng, flow.zzlx),
            ZCJG: from.orgCode,
            ZRJG: to.orgCode,
            BRID: `BR${from.division}${String(rng.int(1, 9_999_999)).padStart(7, '0')}`,
            JBDM: code === '' ? (rng.chance(0.5) ? '' : null) : writtenCode(rng, code),
            SQSJ: demoDatetime(day, second),
            JSSJ: zt === '1' ? demoDatetime(day, second + acceptedAfter) : null,
            ZT: zt,
          });
        }
      }
      // Applications in time order within the month (the order a platform writes them).
      monthRows.sort((a, b) =>
        String(a.SQSJ) < String(b.SQSJ) ? -1 : String(a.SQSJ) > String(b.SQSJ) ? 1 : 0,
      );
      buffer.push(...monthRows);
      if (buffer.length >= CHUNK) {
        yield ['ZZ_ZZSQ', buffer];
        buffer = [];
      }
    }
  }
  if (buffer.length > 0) yield ['ZZ_ZZSQ', buffer];
}

/** The referral platform of the demo region (one per region). */
export const referralDemoSource: RegionalDemoSource = {
  id: 'referral',
  kind: 'referral',
  file: 'referral.sqlite',
  tables: referralTables,
  rows: referralRows,
};
