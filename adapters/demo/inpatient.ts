/**
 * A modest inpatient side for the demo: admissions and discharges (with transfers up and down,
 * named as free text the way the EMR front page holds them), procedures, and the daily bed census,
 * in either vendor's schema. Volumes are small next to the visits; the census is modelled on the
 * beds, not summed from the episodes (as in real data, the two are kept by different systems).
 */
import type { DemoClass, DemoInstitution } from './ankang';
import { dayNumber, keyOfDayNumber, monthDays, pad2 } from './calendar';
import { Rng } from './random';
import { SEASON, covid, trend } from './visits';
import type { VisitRow, VisitVendor } from './visits';

/** Columns of vendor A's `BA_SY`, `BA_SS` and `ZY_CWRB`, and vendor B's tables, in contract order. */
export const INPATIENT_COLUMNS = {
  BA_SY: [
    'BAH',
    'ZYCS',
    'JGDM',
    'RYTJ',
    'RYSJ',
    'CYSJ',
    'SJZYTS',
    'JBDM',
    'LYFS',
    'YZZY_YLJG',
    'WSY_YLJG',
    'NJSJGDM',
    'WZBZ',
    'QJCS',
    'YLFKFS',
    'ZFY',
  ],
  BA_SS: ['JGDM', 'BAH', 'ZYCS', 'XH', 'SSBM', 'SSJB', 'SSRQ', 'RJSS', 'ZQSS'],
  ZY_CWRB: ['JGDM', 'RQ', 'KFCW', 'ZYRS'],
  inpatient_episode: [
    'episode_id',
    'org_code',
    'mrn',
    'admitted_at',
    'discharged_at',
    'admission_source',
    'disposition',
    'dest_org_code',
    'principal_dx',
    'critical',
    'rescue_count',
    'payer',
    'fee_total',
  ],
  surgery: ['surgery_id', 'episode_id', 'proc_code', 'grade', 'performed_at', 'day_case', 'elective'],
  bed_census: ['org_code', 'census_date', 'open_beds', 'occupied_beds'],
} as const;

interface WardProfile {
  /** Admissions per visit on a working day. */
  readonly admitRatio: number;
  /** Median length of stay, days. */
  readonly los: number;
  readonly occupancy: number;
  readonly surgical: number;
  readonly critical: number;
  readonly feeMedian: number;
  /** 医嘱转院 (up or across) share, and 转社区/乡镇 (down) share in 2018 and its yearly rise. */
  readonly transferOut: number;
  readonly down: number;
  readonly downRise: number;
}

const WARDS: Readonly<Partial<Record<DemoClass, WardProfile>>> = {
  CITY_GENERAL: ward(0.055, 8.5, 0.95, 0.32, 0.07, 12000, 0.025, 0.02, 0.008),
  CITY_TCM: ward(0.06, 9.5, 0.9, 0.18, 0.04, 9000, 0.02, 0.02, 0.008),
  CITY_MCH: ward(0.05, 5, 0.78, 0.3, 0.03, 6000, 0.02, 0.01, 0.004),
  PRIVATE_REHAB: ward(0.3, 21, 0.72, 0, 0.01, 11000, 0.02, 0.01, 0),
  PRIVATE_NURSING: ward(0.6, 45, 0.85, 0, 0.02, 15000, 0.04, 0, 0),
  COUNTY_GENERAL: ward(0.07, 7.5, 0.88, 0.22, 0.05, 6500, 0.035, 0.03, 0.01),
  COUNTY_TCM: ward(0.07, 8.5, 0.85, 0.12, 0.03, 5200, 0.03, 0.025, 0.01),
  COUNTY_MCH: ward(0.05, 4.5, 0.7, 0.25, 0.02, 3800, 0.03, 0.01, 0.004),
  TOWNSHIP_CENTRAL: ward(0.06, 6, 0.65, 0.05, 0.01, 2600, 0.05, 0.004, 0),
  TOWNSHIP: ward(0.05, 5.5, 0.5, 0.02, 0.01, 2100, 0.06, 0.003, 0),
  COMMUNITY_CENTER: ward(0.02, 6, 0.35, 0, 0.005, 2300, 0.06, 0.003, 0),
};

function ward(
  admitRatio: number,
  los: number,
  occupancy: number,
  surgical: number,
  critical: number,
  feeMedian: number,
  transferOut: number,
  down: number,
  downRise: number,
): WardProfile {
  return { admitRatio, los, occupancy, surgical, critical, feeMedian, transferOut, down, downRise };
}

/** True for the institutions that have wards (and so discharges and a bed census). */
export function hasWards(inst: DemoInstitution): boolean {
  return inst.beds > 0 && WARDS[inst.cls] !== undefined;
}

const INPATIENT_DX: ReadonlyArray<readonly [string, number]> = [
  ['J18.9', 12],
  ['I63.9', 8],
  ['I25.1', 6],
  ['J44.1', 7],
  ['I10', 6],
  ['E11.9', 4],
  ['K80.1', 4],
  ['K35.8', 3],
  ['O80.0', 5],
  ['O82.0', 3],
  ['S72.0', 2],
  ['S82.2', 2],
  ['C34.9', 2],
  ['C16.9', 2],
  ['N18.5', 1],
  ['I50.9', 4],
  ['K92.2', 2],
  ['M51.2', 3],
  ['H25.9', 2],
  ['K40.9', 2],
  ['J20.9', 5],
  ['A09.9', 3],
  ['I69.3', 3],
];

/** ICD-9-CM-3 procedures: code, grade (null: not a surgery), weight. */
const PROCEDURES: ReadonlyArray<readonly [readonly [string, number | null], number]> = [
  [['47.09', 2], 6],
  [['51.23', 3], 6],
  [['74.1', 3], 6],
  [['81.54', 4], 2],
  [['79.35', 3], 3],
  [['36.06', 4], 3],
  [['13.41', 3], 4],
  [['53.00', 2], 5],
  [['68.49', 3], 2],
  [['32.41', 4], 1],
  [['43.5', 4], 1],
  [['85.21', 2], 2],
  [['86.22', 1], 4],
  [['45.42', 2], 3],
  [['45.13', null], 6],
  [['88.76', null], 4],
  [['99.04', null], 2],
];

/** Hospitals outside the region that patients are sent to (named only, never in the registry). */
const OUTSIDE_HOSPITALS = [
  '西安交通大学第一附属医院',
  '空军军医大学西京医院',
  '陕西省人民医院',
  '十堰市太和医院',
];

/** Where transferred patients go: receivers by county and level, within the sender's city. */
export class TransferTargets {
  private readonly byCounty = new Map<string, DemoInstitution[]>();
  private readonly countyGeneral = new Map<string, DemoInstitution>();
  private readonly countyTcm = new Map<string, DemoInstitution>();
  private readonly city = new Map<string, DemoInstitution[]>();
  private readonly continuing = new Map<string, DemoInstitution[]>();
  private readonly divisions = new Map<string, string[]>();

  /**
   * Index the region's institutions. `cityNames` (安康市, …) are never dropped from a typed
   * receiver's name: only a county's name may be left out.
   */
  constructor(
    institutions: readonly DemoInstitution[],
    readonly cityNames: readonly string[] = ['安康市'],
  ) {
    const push = <K>(map: Map<K, DemoInstitution[]>, key: K, inst: DemoInstitution): void => {
      const list = map.get(key) ?? [];
      list.push(inst);
      map.set(key, list);
    };
    for (const inst of institutions) {
      if (inst.cls === 'TOWNSHIP_CENTRAL' || inst.cls === 'TOWNSHIP' || inst.cls === 'COMMUNITY_CENTER') {
        if (!this.byCounty.has(inst.division)) {
          const divisions = this.divisions.get(inst.city) ?? [];
          divisions.push(inst.division);
          this.divisions.set(inst.city, divisions);
        }
        push(this.byCounty, inst.division, inst);
      }
      if (inst.cls === 'COUNTY_GENERAL') this.countyGeneral.set(inst.division, inst);
      if (inst.cls === 'COUNTY_TCM') this.countyTcm.set(inst.division, inst);
      if (inst.cls === 'CITY_GENERAL' || inst.cls === 'CITY_TCM') push(this.city, inst.city, inst);
      if (inst.cls === 'PRIVATE_REHAB' || inst.cls === 'PRIVATE_NURSING')
        push(this.continuing, inst.city, inst);
    }
  }

  /** A primary-care receiver for a discharge down (转社区/乡镇), open on `day`. */
  down(from: DemoInstitution, rng: Rng, day: string): DemoInstitution | null {
    const county =
      from.cls.startsWith('CITY_') && rng.chance(0.6)
        ? rng.pick(this.divisions.get(from.city) ?? [from.division])
        : from.division;
    const open = (this.byCounty.get(county) ?? []).filter((i) => i !== from && isOpen(i, day));
    return open.length ? rng.pick(open) : null;
  }

  /** A receiver for 医嘱转院: up a level, to continuing care, or outside the region (null institution). */
  transfer(from: DemoInstitution, rng: Rng, day: string): { inst: DemoInstitution | null; name: string } {
    const city = this.city.get(from.city) ?? [];
    const continuing = this.continuing.get(from.city) ?? [];
    let inst: DemoInstitution | undefined;
    if (from.cls === 'TOWNSHIP_CENTRAL' || from.cls === 'TOWNSHIP' || from.cls === 'COMMUNITY_CENTER') {
      inst = rng.chance(0.85) ? this.countyGeneral.get(from.division) : this.countyTcm.get(from.division);
      if (rng.chance(0.1)) inst = rng.pick(city);
    } else if (from.cls.startsWith('COUNTY_')) {
      const u = rng.next();
      inst = u < 0.7 ? rng.pick(city) : u < 0.85 ? rng.pick(continuing) : undefined;
    } else if (from.cls.startsWith('CITY_')) {
      const u = rng.next();
      inst = u < 0.45 ? rng.pick(continuing) : u < 0.6 ? rng.pick(city) : undefined;
      if (inst === from) inst = undefined;
    }
    if (inst && isOpen(inst, day)) return { inst, name: inst.name };
    return { inst: null, name: rng.pick(OUTSIDE_HOSPITALS) };
  }
}

function isOpen(inst: DemoInstitution, day: string): boolean {
  return inst.openedOn <= day && (inst.closedOn === null || day < inst.closedOn);
}

/** The receiver's name as typed: mostly exact, sometimes with stray spaces, sometimes without the county. */
function typedName(rng: Rng, name: string, cityNames: readonly string[]): string {
  const u = rng.next();
  if (u < 0.76) return name;
  if (u < 0.86) return name.replace(/(县|区|市)/, '$1 ');
  if (u < 0.92) return name.replace(/(县|区|市)/, '$1\u3000');
  if (cityNames.some((c) => name.startsWith(c))) return name;
  return name.replace(/^(?!安康市)[^县区市]{2}(县|区|市)/, '');
}

/** Counters of the rows written to one database. */
export interface InpatientState {
  readonly vendor: VisitVendor;
  nextEpisodeId: number;
  nextSurgeryId: number;
}

/** Rows produced for one institution, by table. */
export type InpatientRows = Record<string, VisitRow[]>;

const SOURCES = ['ER', 'OPD', 'TRANSFER_IN', 'OTHER'] as const;
const PAYERS = ['UEBMI', 'URRBMI', 'SELF', 'COMMERCIAL', 'OTHER'] as const;

/**
 * Append the episodes of one institution over the years (admissions from two months before the
 * first year, so January discharges are complete) to `out`. Returns the number of episodes.
 */
export function generateEpisodes(
  inst: DemoInstitution,
  instNo: number,
  years: readonly number[],
  scale: number,
  targets: TransferTargets,
  state: InpatientState,
  out: InpatientRows,
): number {
  const profile = WARDS[inst.cls];
  if (!profile || inst.beds <= 0) return 0;
  const isPrimary = /^[BCD]/.test(inst.categoryCode);
  const endDay = dayNumber(`${years[years.length - 1] + 1}0101`);
  const months: Array<[number, number]> = [];
  for (const y of years) {
    if (!years.includes(y - 1)) months.push([y - 1, 11], [y - 1, 12]);
    for (let m = 1; m <= 12; m++) months.push([y, m]);
  }
  const perYear = new Map<number, number>();
  let written = 0;
  for (const [year, month] of months) {
    const rng = new Rng(`episodes:${inst.orgCode}:${year}${pad2(month)}`);
    const firstKeep = dayNumber(`${years.includes(year) ? years[0] : year + 1}0101`);
    const base =
      inst.dailyVisits *
      profile.admitRatio *
      scale *
      (0.5 + 0.5 * SEASON[month - 1]) *
      trend(year, isPrimary);
    for (const { day, key, kind } of monthDays(year, month)) {
      if (key < inst.openedOn || (inst.closedOn !== null && key >= inst.closedOn)) continue;
      const dayFactor = kind === 'WORK' ? 1 : kind === 'SPRING' ? 0.35 : 0.65;
      const n = rng.poisson(base * dayFactor * covid(year, month, day, isPrimary));
      for (let i = 0; i < n; i++) {
        const surgical = rng.chance(profile.surgical);
        const dayCase = surgical && !inst.cls.startsWith('TOWNSHIP') && rng.chance(0.1);
        let los = dayCase ? rng.int(0, 1) : Math.max(1, Math.round(rng.logNormal(profile.los, 0.55)));
        los = Math.min(los, 180);
        const admit = dayNumber(key);
        let discharge = admit + los;
        if (inst.closedOn !== null) discharge = Math.min(discharge, dayNumber(inst.closedOn) - 1);
        const admitSecond = rng.chance(0.25) ? rng.int(0, 86_399) : rng.int(8 * 3600, 17 * 3600);
        const dischargeSecond = rng.int(9 * 3600, 12 * 3600);
        if (discharge < firstKeep) continue;
        const dischargeKey = discharge >= endDay ? null : keyOfDayNumber(discharge);
        if (dischargeKey === null && state.vendor !== 'B') continue;
        const dYear = Math.floor(Number((dischargeKey ?? key).slice(0, 4)));
        const seq = (perYear.get(year) ?? 0) + 1;
        perYear.set(year, seq);
        const critical = rng.chance(profile.critical);
        // Disposition: home, transfer out (up or across), down to primary care, against advice, died, other.
        const u = rng.next();
        const down = profile.down + profile.downRise * (dYear - 2018);
        const disposition =
          u < profile.transferOut
            ? 1
            : u < profile.transferOut + down
              ? 2
              : u < profile.transferOut + down + 0.03
                ? 3
                : u < profile.transferOut + down + 0.03 + (critical ? 0.08 : 0.004)
                  ? 4
                  : u < profile.transferOut + down + 0.05
                    ? 5
                    : 0;
        const dischargeDay = dischargeKey ?? key;
        let dest: DemoInstitution | null = null;
        let destName = '';
        if (disposition === 1) {
          const t = targets.transfer(inst, rng, dischargeDay);
          dest = t.inst;
          destName = t.name;
        } else if (disposition === 2) {
          dest = targets.down(inst, rng, dischargeDay);
          destName = dest ? dest.name : '';
          if (!dest) continue;
        }
        const episode: Episode = {
          seq,
          year,
          readmission: rng.weighted([
            [1, 80],
            [2, 13],
            [3, 5],
            [4, 2],
          ]),
          admitKey: key,
          admitSecond,
          dischargeKey,
          dischargeSecond,
          los: Math.max(1, discharge - admit),
          source: rng.weighted([
            [0, 25],
            [1, 64],
            [2, inst.cls.startsWith('CITY_') ? 8 : inst.cls.startsWith('COUNTY_') ? 5 : 1],
            [3, 3],
          ]),
          disposition,
          dest,
          destName: destName ? typedName(rng, destName, targets.cityNames) : '',
          dx: rng.weighted(INPATIENT_DX),
          critical,
          rescue: critical ? rng.int(1, 3) : rng.chance(0.005) ? 1 : 0,
          payer: rng.weighted([
            [0, isPrimary ? 8 : 22],
            [1, isPrimary ? 84 : 66],
            [2, 7],
            [3, 1],
            [4, 2],
          ]),
          fee:
            Math.round(
              rng.logNormal(profile.feeMedian * (surgical ? 1.8 : 1) * (critical ? 2 : 1), 0.6) * 100,
            ) / 100,
          procedures: [],
        };
        if (surgical || rng.chance(0.08)) {
          const count = rng.chance(0.2) ? 2 : 1;
          for (let k = 0; k < count; k++) {
            const [code, grade] = rng.weighted(PROCEDURES);
            const day2 = admit + (episode.los > 1 ? rng.int(0, Math.min(3, episode.los - 1)) : 0);
            episode.procedures.push({
              code,
              grade: surgical ? (grade ?? 2) : grade,
              key: keyOfDayNumber(day2),
              second: rng.int(8 * 3600, 18 * 3600),
              dayCase,
              elective: rng.chance(inst.cls.endsWith('MCH') ? 0.5 : 0.72),
            });
          }
        }
        formatEpisode(inst, instNo, episode, state, out);
        written++;
      }
    }
  }
  return written;
}

interface Episode {
  seq: number;
  year: number;
  readmission: number;
  admitKey: string;
  admitSecond: number;
  dischargeKey: string | null;
  dischargeSecond: number;
  los: number;
  source: number;
  /** 0 home, 1 transfer to a hospital, 2 transfer to primary care, 3 against advice, 4 died, 5 other. */
  disposition: number;
  dest: DemoInstitution | null;
  destName: string;
  dx: string;
  critical: boolean;
  rescue: number;
  payer: number;
  fee: number;
  procedures: Array<{
    code: string;
    grade: number | null;
    key: string;
    second: number;
    dayCase: boolean;
    elective: boolean;
  }>;
}

function clock(second: number, separator: string): string {
  return `${pad2(Math.floor(second / 3600))}${separator}${pad2(Math.floor((second % 3600) / 60))}${separator}${pad2(second % 60)}`;
}

function char14(key: string, second: number): string {
  return key + clock(second, '');
}

function datetime(key: string, second: number): string {
  return `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)} ${clock(second, ':')}`;
}

const DISPOSITIONS = ['HOME', 'TRANSFER_HOSPITAL', 'TRANSFER_PRIMARY', 'AGAINST_ADVICE', 'DIED', 'OTHER'];
const LYFS = ['1', '2', '3', '4', '5', '9'];
const RYTJ = ['1', '2', '3', '9'];

/** 医疗付费方式: the 2011 codes, or the RC032 variants written by newer versions. */
function ylfkfs(payer: number, dotted: boolean, rng: Rng): string {
  switch (payer) {
    case 0:
      return dotted ? (rng.chance(0.9) ? '1.1' : '1.2') : '1';
    case 1: {
      const resident = rng.chance(0.35);
      if (!dotted) return resident ? '2' : '3';
      return `${resident ? '2' : '3'}.${rng.chance(0.93) ? '1' : '2'}`;
    }
    case 2:
      return '7';
    case 3:
      return '5';
    default:
      return rng.pick(['4', '6', '8', '9']);
  }
}

function formatEpisode(
  inst: DemoInstitution,
  instNo: number,
  e: Episode,
  state: InpatientState,
  out: InpatientRows,
): void {
  const rng = new Rng(`episode-fmt:${inst.orgCode}:${e.year}:${e.seq}`);
  if (state.vendor === 'B') {
    const id = state.nextEpisodeId++;
    (out.inpatient_episode ??= []).push({
      episode_id: id,
      org_code: inst.orgCode,
      mrn: `ZY${String(instNo).padStart(3, '0')}${e.year}${String(e.seq).padStart(6, '0')}`,
      admitted_at: datetime(e.admitKey, e.admitSecond),
      discharged_at: e.dischargeKey === null ? null : datetime(e.dischargeKey, e.dischargeSecond),
      admission_source: SOURCES[e.source],
      disposition: e.dischargeKey === null ? null : DISPOSITIONS[e.disposition],
      dest_org_code: e.dest && rng.chance(0.92) ? e.dest.orgCode : null,
      principal_dx: e.dx,
      critical: e.critical ? 1 : 0,
      rescue_count: e.rescue,
      payer: PAYERS[e.payer],
      fee_total: e.fee,
    });
    for (const p of e.procedures) {
      (out.surgery ??= []).push({
        surgery_id: state.nextSurgeryId++,
        episode_id: id,
        proc_code: p.code,
        grade: p.grade,
        performed_at: datetime(p.key, p.second),
        day_case: p.dayCase ? 1 : 0,
        elective: p.elective ? 1 : 0,
      });
    }
    return;
  }
  if (e.dischargeKey === null) return;
  const bah = `${e.year}${String(e.seq).padStart(6, '0')}`;
  // The primary-care installation was upgraded: it fills 拟接收机构代码 and, from 2020, RC032 payer codes.
  const upgraded = state.vendor === 'A19';
  const newer = upgraded ? e.dischargeKey >= '20200101' : e.dischargeKey >= '20190701';
  const fillsCode = upgraded || e.dischargeKey >= '20200101';
  const empty = (): string | null => (rng.chance(0.5) ? '-' : rng.chance(0.5) ? '' : null);
  (out.BA_SY ??= []).push({
    BAH: bah,
    ZYCS: e.readmission,
    JGDM: inst.orgCode,
    RYTJ: RYTJ[e.source],
    RYSJ: char14(e.admitKey, e.admitSecond),
    CYSJ: char14(e.dischargeKey, e.dischargeSecond),
    SJZYTS: e.los,
    JBDM: e.dx,
    LYFS: LYFS[e.disposition],
    YZZY_YLJG: e.disposition === 1 ? e.destName : empty(),
    WSY_YLJG: e.disposition === 2 ? e.destName : empty(),
    NJSJGDM: e.dest && fillsCode && rng.chance(0.9) ? e.dest.orgCode : rng.chance(0.5) ? '' : null,
    WZBZ: e.critical ? '1' : '0',
    QJCS: e.rescue,
    YLFKFS: ylfkfs(e.payer, newer, rng),
    ZFY: e.fee,
  });
  e.procedures.forEach((p, i) => {
    (out.BA_SS ??= []).push({
      JGDM: inst.orgCode,
      BAH: bah,
      ZYCS: e.readmission,
      XH: i + 1,
      SSBM: p.code,
      SSJB: p.grade === null ? '' : String(p.grade),
      SSRQ: char14(p.key, p.second),
      RJSS: p.dayCase ? '1' : '0',
      ZQSS: p.elective ? '1' : '0',
    });
  });
}

/** Append one institution's daily bed census over the years (`ZY_CWRB` or `bed_census`). */
export function generateCensus(
  inst: DemoInstitution,
  years: readonly number[],
  vendor: VisitVendor,
  out: InpatientRows,
): number {
  const profile = WARDS[inst.cls];
  if (!profile || inst.beds <= 0) return 0;
  const isPrimary = /^[BCD]/.test(inst.categoryCode);
  let written = 0;
  for (const year of years) {
    const rng = new Rng(`census:${inst.orgCode}:${year}`);
    // 实际开放床位: city and county hospitals open more beds than 编制; it changes once or twice a year.
    const extra = inst.cls.startsWith('CITY_') || inst.cls.startsWith('COUNTY_') ? rng.range(1.0, 1.2) : 1;
    let open = Math.round(inst.beds * extra);
    const occupancy =
      profile.occupancy * Math.exp(0.05 * rng.normal()) * (isPrimary ? 1 + 0.03 * (year - 2018) : 1);
    let occupied = Math.round(open * occupancy);
    for (let month = 1; month <= 12; month++) {
      if (rng.chance(0.1)) open = Math.max(1, open + rng.int(-5, 10));
      for (const { day, key, kind } of monthDays(year, month)) {
        if (key < inst.openedOn || (inst.closedOn !== null && key >= inst.closedOn)) continue;
        const target =
          open *
          occupancy *
          (0.6 + 0.4 * SEASON[month - 1]) *
          (kind === 'SPRING' ? 0.55 : kind === 'WORK' ? 1 : 0.93) *
          covid(year, month, day, isPrimary);
        // The census drifts towards the target: today's patients are mostly yesterday's.
        occupied = Math.max(
          0,
          Math.round(0.7 * occupied + 0.3 * target + rng.normal() * Math.sqrt(target + 1) * 0.5),
        );
        occupied = Math.min(occupied, Math.round(open * 1.15));
        const row: VisitRow =
          vendor === 'B'
            ? {
                org_code: inst.orgCode,
                census_date: `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`,
                open_beds: open,
                occupied_beds: occupied,
              }
            : { JGDM: inst.orgCode, RQ: key, KFCW: open, ZYRS: occupied };
        (vendor === 'B' ? (out.bed_census ??= []) : (out.ZY_CWRB ??= [])).push(row);
        written++;
      }
    }
  }
  return written;
}
