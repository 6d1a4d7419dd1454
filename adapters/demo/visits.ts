/**
 * Outpatient registrations of the demo: how many on each day (volume, weekday, season, holidays,
 * trend, the February 2020 COVID dip) and what each looks like (time within opening hours,
 * department, emergency, expert, TCM, cancellations, booking channel, diagnosis, fee), written in
 * either vendor's schema. One institution-month at a time, from a seed of its own.
 */
import type { DemoClass, DemoInstitution } from './ankang';
import { monthDays, pad2 } from './calendar';
import type { DayKind } from './calendar';
import { Rng } from './random';

/** Vendor A (`MZ_GHXX`, CHAR(14) or CHAR(19) GHSJ) or vendor B (`outpatient_visit`). */
export type VisitVendor = 'A14' | 'A19' | 'B';

/** Columns of vendor A's `MZ_GHXX`, in contract order. */
export const MZ_GHXX_COLUMNS = [
  'GHXH',
  'JGDM',
  'BRID',
  'GHSJ',
  'KSDM',
  'GHLB',
  'ZYBZ',
  'THBZ',
  'YYLY',
  'ZDDM',
  'ZFY',
];
/** Columns of vendor B's `outpatient_visit`, in contract order. */
export const OUTPATIENT_VISIT_COLUMNS = [
  'visit_id',
  'org_code',
  'patient_ref',
  'visit_at',
  'dept_code',
  'visit_kind',
  'expert',
  'tcm',
  'status',
  'channel',
  'dx_code',
  'fee_total',
];

type Hours = 'HOSPITAL' | 'PRIMARY' | 'VILLAGE';
type Dept = 'PH' | 'GP' | 'IM' | 'SURG' | 'OBGYN' | 'PED' | 'OPH' | 'ENT' | 'STOM' | 'DERM' | 'ONC' | 'REHAB';
type DxPool = 'GENERAL' | 'TCM' | 'MCH' | 'REHAB' | 'PRIMARY' | 'VILLAGE';

interface Profile {
  readonly primary: boolean;
  readonly hours: Hours;
  /** Visits on a weekend day, a holiday and a Spring Festival day, relative to a working day. */
  readonly weekend: number;
  readonly holiday: number;
  readonly spring: number;
  readonly er: number;
  readonly expert: number;
  readonly tcm: number;
  readonly feeMedian: number;
  readonly depts: ReadonlyArray<readonly [Dept, number]>;
  readonly dx: DxPool;
}

const GENERAL_DEPTS: ReadonlyArray<readonly [Dept, number]> = [
  ['IM', 34],
  ['SURG', 16],
  ['OBGYN', 11],
  ['PED', 12],
  ['OPH', 5],
  ['ENT', 5],
  ['STOM', 5],
  ['DERM', 4],
  ['ONC', 3],
  ['REHAB', 3],
];

const PROFILES: Readonly<Record<DemoClass, Profile>> = {
  CITY_GENERAL: hospital({
    er: 0.1,
    expert: 0.22,
    tcm: 0.05,
    feeMedian: 210,
    depts: GENERAL_DEPTS,
    dx: 'GENERAL',
  }),
  CITY_TCM: hospital({ er: 0.06, expert: 0.25, tcm: 0.72, feeMedian: 170, depts: GENERAL_DEPTS, dx: 'TCM' }),
  CITY_MCH: hospital({
    er: 0.07,
    expert: 0.15,
    tcm: 0.03,
    feeMedian: 150,
    depts: [
      ['OBGYN', 55],
      ['PED', 40],
      ['PH', 5],
    ],
    dx: 'MCH',
  }),
  PRIVATE_REHAB: hospital({
    er: 0,
    expert: 0.05,
    tcm: 0.25,
    feeMedian: 120,
    depts: [
      ['REHAB', 80],
      ['IM', 20],
    ],
    dx: 'REHAB',
  }),
  PRIVATE_NURSING: hospital({
    er: 0,
    expert: 0,
    tcm: 0.1,
    feeMedian: 90,
    depts: [
      ['IM', 70],
      ['REHAB', 30],
    ],
    dx: 'REHAB',
  }),
  COUNTY_GENERAL: hospital({
    er: 0.1,
    expert: 0.12,
    tcm: 0.06,
    feeMedian: 140,
    depts: GENERAL_DEPTS,
    dx: 'GENERAL',
  }),
  COUNTY_TCM: hospital({ er: 0.06, expert: 0.12, tcm: 0.7, feeMedian: 110, depts: GENERAL_DEPTS, dx: 'TCM' }),
  COUNTY_MCH: hospital({
    er: 0.05,
    expert: 0.08,
    tcm: 0.03,
    feeMedian: 95,
    depts: [
      ['OBGYN', 50],
      ['PED', 45],
      ['PH', 5],
    ],
    dx: 'MCH',
  }),
  TOWNSHIP_CENTRAL: primary({ hours: 'PRIMARY', er: 0.05, tcm: 0.16, feeMedian: 55, weekend: 0.55 }),
  TOWNSHIP: primary({ hours: 'PRIMARY', er: 0.03, tcm: 0.13, feeMedian: 45, weekend: 0.5 }),
  COMMUNITY_CENTER: primary({ hours: 'PRIMARY', er: 0.01, tcm: 0.18, feeMedian: 60, weekend: 0.45 }),
  COMMUNITY_STATION: primary({ hours: 'PRIMARY', er: 0, tcm: 0.12, feeMedian: 35, weekend: 0.5 }),
  VILLAGE_CLINIC: {
    primary: true,
    hours: 'VILLAGE',
    weekend: 0.85,
    holiday: 0.7,
    spring: 0.6,
    er: 0,
    expert: 0,
    tcm: 0.2,
    feeMedian: 22,
    depts: [['GP', 1]],
    dx: 'VILLAGE',
  },
};

function hospital(p: Pick<Profile, 'er' | 'expert' | 'tcm' | 'feeMedian' | 'depts' | 'dx'>): Profile {
  return { ...p, primary: false, hours: 'HOSPITAL', weekend: 0.55, holiday: 0.45, spring: 0.3 };
}

function primary(p: Pick<Profile, 'hours' | 'er' | 'tcm' | 'feeMedian' | 'weekend'>): Profile {
  return {
    ...p,
    primary: true,
    holiday: 0.45,
    spring: 0.35,
    expert: 0,
    depts: [
      ['GP', 70],
      ['IM', 12],
      ['PED', 8],
      ['PH', 10],
    ],
    dx: 'PRIMARY',
  };
}

/** Vendor A's 科室代码 (诊疗科目 code + serial) and vendor B's department codes. */
const DEPT_CODES: Readonly<Record<Dept | 'ER' | 'TCM', readonly [string, string]>> = {
  PH: ['0101', 'PREV'],
  GP: ['0201', 'GP'],
  IM: ['0301', 'MED'],
  SURG: ['0401', 'SURG'],
  OBGYN: ['0501', 'OBGYN'],
  PED: ['0701', 'PED'],
  OPH: ['1001', 'OPHTH'],
  ENT: ['1101', 'ENT'],
  STOM: ['1201', 'DENT'],
  DERM: ['1301', 'DERM'],
  ONC: ['1901', 'ONCO'],
  ER: ['2001', 'EMERG'],
  REHAB: ['2101', 'REHAB'],
  TCM: ['5001', 'TCM'],
};

/** First diagnoses (ICD-10) by kind of institution, weighted. */
const DIAGNOSES: Readonly<Record<DxPool, ReadonlyArray<readonly [string, number]>>> = {
  GENERAL: [
    ['J06.9', 14],
    ['I10', 10],
    ['E11.9', 6],
    ['K29.7', 6],
    ['J20.9', 5],
    ['J18.9', 4],
    ['I25.1', 4],
    ['I63.9', 3],
    ['M54.5', 4],
    ['N39.0', 3],
    ['K80.2', 2],
    ['J44.9', 3],
    ['C34.9', 1],
    ['C16.9', 1],
    ['H10.9', 2],
    ['H25.9', 2],
    ['L30.9', 2],
    ['K02.9', 3],
    ['S93.4', 2],
    ['O80.0', 1],
    ['Z34.9', 2],
    ['R50.9', 3],
    ['K35.8', 1],
    ['M17.9', 2],
  ],
  TCM: [
    ['M54.5', 10],
    ['M47.8', 6],
    ['K64.9', 6],
    ['J06.9', 10],
    ['I10', 8],
    ['L30.9', 5],
    ['H10.9', 4],
    ['G47.0', 4],
    ['K29.7', 6],
    ['M17.9', 4],
    ['I63.9', 2],
    ['E11.9', 4],
    ['N92.0', 2],
  ],
  MCH: [
    ['Z34.9', 20],
    ['Z00.1', 18],
    ['O26.9', 6],
    ['N76.0', 8],
    ['N92.0', 5],
    ['J06.9', 16],
    ['J20.9', 6],
    ['A09.9', 5],
    ['O80.0', 3],
    ['E55.9', 3],
  ],
  REHAB: [
    ['I69.3', 20],
    ['M54.5', 10],
    ['M17.9', 8],
    ['S72.0', 4],
    ['G81.9', 6],
    ['I10', 8],
    ['Z50.1', 10],
  ],
  PRIMARY: [
    ['J06.9', 22],
    ['I10', 16],
    ['E11.9', 8],
    ['K29.7', 7],
    ['J20.9', 6],
    ['M54.5', 6],
    ['A09.9', 4],
    ['R51', 3],
    ['N39.0', 2],
    ['Z00.0', 4],
    ['L30.9', 2],
    ['J44.9', 3],
    ['M17.9', 2],
    ['K02.9', 2],
  ],
  VILLAGE: [
    ['J06.9', 30],
    ['I10', 18],
    ['E11.9', 6],
    ['K29.7', 6],
    ['M54.5', 8],
    ['R51', 5],
    ['A09.9', 5],
    ['J20.9', 6],
    ['T14.0', 3],
  ],
};

/** Winter and spring peaks, summer trough (January … December). */
export const SEASON = [1.12, 1.0, 1.1, 1.06, 1.0, 0.93, 0.9, 0.92, 0.96, 0.95, 1.02, 1.1];

/** Hospital volume grows slowly; primary care a little faster (the graded-treatment reform at work). */
export function trend(year: number, isPrimary: boolean): number {
  const t = year - 2018;
  return Math.max(0.6, isPrimary ? 1 + 0.07 * t : 1 + 0.025 * t);
}

/** The COVID-19 dip from late January 2020, deepest in February; hospitals hit harder. */
export function covid(year: number, month: number, day: number, isPrimary: boolean): number {
  if (year !== 2020) return 1;
  if (month === 1) return day >= 24 ? (isPrimary ? 0.7 : 0.55) : 1;
  if (month === 2) return isPrimary ? 0.5 : 0.35;
  if (month === 3) return isPrimary ? 0.82 : 0.68;
  if (month === 4) return isPrimary ? 0.94 : 0.88;
  if (month === 5) return isPrimary ? 0.98 : 0.95;
  return 1;
}

function dayFactor(profile: Profile, kind: DayKind): number {
  switch (kind) {
    case 'WORK':
      return 1;
    case 'WEEKEND':
      return profile.weekend;
    case 'HOLIDAY':
      return profile.holiday;
    case 'SPRING':
      return profile.spring;
  }
}

const ER_HOURS: ReadonlyArray<readonly [number, number]> = Array.from({ length: 24 }, (_, h) => [
  h,
  h < 7 ? 2 : h === 23 ? 3 : h >= 8 && h <= 11 ? 6 : 5,
]);

/** Seconds after midnight of a registration, within the institution's opening hours. */
function secondOfDay(rng: Rng, hours: Hours, emergency: boolean): number {
  if (emergency) return rng.weighted(ER_HOURS) * 3600 + rng.int(0, 3599);
  let minute: number;
  if (hours === 'VILLAGE') minute = 420 + Math.floor(780 * rng.next());
  else if (hours === 'HOSPITAL')
    minute = rng.chance(0.7)
      ? 450 + Math.floor(270 * Math.pow(rng.next(), 1.4))
      : 840 + Math.floor(210 * rng.next());
  else
    minute = rng.chance(0.72)
      ? 480 + Math.floor(240 * Math.pow(rng.next(), 1.2))
      : 870 + Math.floor(180 * rng.next());
  return minute * 60 + rng.int(0, 59);
}

/** One registration in vendor-neutral form. */
interface Visit {
  second: number;
  dept: Dept | 'ER' | 'TCM';
  emergency: boolean;
  expert: boolean;
  tcm: boolean;
  /** 0 happened, 1 cancelled (退号 / CANCELLED), 2 void (废号 / NO_SHOW). */
  status: 0 | 1 | 2;
  /** 0 walk-in, 1 referral booking, 2 online, 3 phone, 4 kiosk. */
  channel: number;
  /** ICD-10, or null when not recorded. */
  dx: string | null;
  fee: number;
  patient: number;
}

/** A row of either vendor's table. */
export type VisitRow = Record<string, string | number | null>;

/** Per-source state of one HIS database being generated. */
export interface VisitWriterState {
  readonly vendor: VisitVendor;
  /** Next `outpatient_visit.visit_id` (vendor B). */
  nextVisitId: number;
}

/**
 * Append the registrations of one institution in one month to `out`. `instNo` (1-based, unique in
 * the source) prefixes vendor A's GHXH and BRID; `scale` multiplies volumes.
 */
export function generateVisitMonth(
  inst: DemoInstitution,
  instNo: number,
  year: number,
  month: number,
  scale: number,
  state: VisitWriterState,
  out: VisitRow[],
): number {
  const profile = PROFILES[inst.cls];
  const rng = new Rng(`visits:${inst.orgCode}:${year}${pad2(month)}`);
  // Each institution has its own year: some grow, some shrink.
  const yearNoise = Math.exp(0.08 * new Rng(`visits-year:${inst.orgCode}:${year}`).normal());
  const base = inst.dailyVisits * scale * SEASON[month - 1] * trend(year, profile.primary) * yearNoise;
  const patients = Math.max(30, Math.round(inst.dailyVisits * scale * 120));
  const referralShare = profile.primary ? 0.004 : Math.min(0.08, 0.02 + 0.015 * (year - 2018));
  const vendor = state.vendor;
  const cancelP = vendor === 'B' ? 0.02 : 0.03;
  const voidP = vendor === 'B' ? 0.02 : 0.01;
  let written = 0;
  for (const { day, key, kind } of monthDays(year, month)) {
    if (key < inst.openedOn || (inst.closedOn !== null && key >= inst.closedOn)) continue;
    const lambda = base * dayFactor(profile, kind) * covid(year, month, day, profile.primary);
    const n = rng.poisson(lambda);
    if (n === 0) continue;
    const visits: Visit[] = [];
    for (let i = 0; i < n; i++) {
      const emergency = rng.chance(profile.er);
      const tcm = !emergency && rng.chance(profile.tcm);
      const expert = !emergency && rng.chance(profile.expert);
      const dept: Visit['dept'] = emergency ? 'ER' : tcm ? 'TCM' : rng.weighted(profile.depts);
      const u = rng.next();
      const status: Visit['status'] = u < cancelP ? 1 : u < cancelP + voidP ? 2 : 0;
      const c = rng.next();
      const channel = profile.primary
        ? c < 0.95
          ? 0
          : c < 0.95 + referralShare
            ? 1
            : 3
        : c < referralShare
          ? 1
          : c < referralShare + 0.1 + 0.03 * (year - 2018)
            ? 2
            : c < referralShare + 0.17 + 0.03 * (year - 2018)
              ? 3
              : c < referralShare + 0.25 + 0.04 * (year - 2018)
                ? 4
                : 0;
      const dx = rng.chance(0.05) ? null : rng.weighted(DIAGNOSES[profile.dx]);
      const fee =
        status === 0
          ? Math.round(
              rng.logNormal(profile.feeMedian * (expert ? 1.4 : 1) * (emergency ? 1.6 : 1), 0.7) * 100,
            ) / 100
          : 0;
      visits.push({
        second: secondOfDay(rng, profile.hours, emergency),
        dept,
        emergency,
        expert,
        tcm,
        status,
        channel,
        dx,
        fee,
        patient: rng.int(1, patients),
      });
    }
    visits.sort((a, b) => a.second - b.second);
    visits.forEach((v, seq) => out.push(formatVisit(inst, instNo, key, seq + 1, v, state)));
    written += n;
  }
  return written;
}

function clock(second: number, separator: string): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  return `${pad2(h)}${separator}${pad2(m)}${separator}${pad2(second % 60)}`;
}

const B_STATUS = ['DONE', 'CANCELLED', 'NO_SHOW'];
const B_CHANNEL = ['WALK_IN', 'REFERRAL', 'ONLINE', 'PHONE', 'KIOSK'];

function formatVisit(
  inst: DemoInstitution,
  instNo: number,
  key: string,
  seq: number,
  v: Visit,
  state: VisitWriterState,
): VisitRow {
  const dept = DEPT_CODES[v.dept];
  const iso = `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
  if (state.vendor === 'B') {
    return {
      visit_id: state.nextVisitId++,
      org_code: inst.orgCode,
      patient_ref: `MPI${String(instNo).padStart(3, '0')}${String(v.patient).padStart(7, '0')}`,
      visit_at: `${iso} ${clock(v.second, ':')}`,
      dept_code: dept[1],
      visit_kind: v.emergency ? 'ER' : 'OP',
      expert: v.expert ? 1 : 0,
      tcm: v.tcm ? 1 : 0,
      status: B_STATUS[v.status],
      channel: B_CHANNEL[v.channel],
      dx_code: v.dx,
      fee_total: v.fee,
    };
  }
  const no = String(instNo).padStart(4, '0');
  return {
    GHXH: `${no}${key}${String(seq).padStart(5, '0')}`,
    JGDM: inst.orgCode,
    BRID: `${no}${String(v.patient).padStart(7, '0')}`,
    GHSJ: state.vendor === 'A14' ? `${key}${clock(v.second, '')}` : `${iso} ${clock(v.second, ':')}`,
    KSDM: dept[0],
    GHLB: v.emergency ? '3' : v.expert ? '2' : '1',
    ZYBZ: v.tcm ? '1' : '0',
    THBZ: String(v.status),
    YYLY: String(v.channel),
    ZDDM: v.dx ?? '',
    ZFY: v.fee,
  };
}
