/**
 * The demo's regional LIS/RIS (`lab_report`, `imaging_study`): one database holding the city and
 * county hospitals and the township centres linked to the regional imaging service (基层检查、上级
 * 诊断: their DR, ECG and CT studies are mostly read remotely by their county hospital or by
 * 安康市中心医院). Outpatient CT reports take 30–180 minutes (a little faster every year); a few
 * studies and reports are still unreported (reported_at NULL); results are recognised between
 * institutions of a city that take part in mutual recognition (结果互认). Volumes are scaled down
 * (a few per institution and working day). In a larger region every city's township centres are
 * read by their own county hospital and city centre. Deterministic.
 */
import { lisTables } from '../lis/contract';
import type { DemoCity, DemoClass, DemoInstitution, DemoRegion, DemoRow } from './ankang';
import { monthDays, pad2 } from './calendar';
import type { DayKind } from './calendar';
import { Rng } from './random';
import { demoDatetime, drawDay } from './referral';
import type { RegionalDemoSource } from './regional';
import { covid, SEASON } from './visits';

const CHUNK = 20_000;

/** The institution classes the regional LIS holds. */
const HELD: readonly DemoClass[] = [
  'CITY_GENERAL',
  'CITY_TCM',
  'CITY_MCH',
  'COUNTY_GENERAL',
  'COUNTY_TCM',
  'COUNTY_MCH',
  'TOWNSHIP_CENTRAL',
];

/** The institutions the demo LIS holds (for its `institutions` in sources.json). */
function heldInstitutions(region: DemoRegion): DemoInstitution[] {
  return region.institutions.filter((i) => HELD.includes(i.cls));
}

type PatientClass = 'OP' | 'ER' | 'IP' | 'PE';
type Modality = 'CT' | 'MR' | 'DR' | 'US' | 'ECG';

interface Profile {
  /** Lab reports and imaging studies per working day, relative to the institution's daily visits. */
  readonly lab: number;
  readonly imaging: number;
  readonly classes: ReadonlyArray<readonly [PatientClass, number]>;
  readonly modalities: ReadonlyArray<readonly [Modality, number]>;
  /** Median outpatient CT report time, minutes (2018). */
  readonly ctMinutes: number;
}

const HOSPITAL_CLASSES: ReadonlyArray<readonly [PatientClass, number]> = [
  ['OP', 48],
  ['ER', 10],
  ['IP', 35],
  ['PE', 7],
];

const PROFILES: Readonly<Partial<Record<DemoClass, Profile>>> = {
  CITY_GENERAL: {
    lab: 0.1,
    imaging: 0.07,
    classes: HOSPITAL_CLASSES,
    modalities: [
      ['CT', 25],
      ['MR', 9],
      ['DR', 30],
      ['US', 24],
      ['ECG', 12],
    ],
    ctMinutes: 60,
  },
  CITY_TCM: {
    lab: 0.085,
    imaging: 0.06,
    classes: HOSPITAL_CLASSES,
    modalities: [
      ['CT', 22],
      ['MR', 6],
      ['DR', 34],
      ['US', 24],
      ['ECG', 14],
    ],
    ctMinutes: 70,
  },
  CITY_MCH: {
    lab: 0.085,
    imaging: 0.06,
    classes: HOSPITAL_CLASSES,
    modalities: [
      ['US', 70],
      ['DR', 15],
      ['ECG', 10],
      ['CT', 5],
    ],
    ctMinutes: 75,
  },
  COUNTY_GENERAL: {
    lab: 0.09,
    imaging: 0.07,
    classes: HOSPITAL_CLASSES,
    modalities: [
      ['CT', 24],
      ['MR', 4],
      ['DR', 34],
      ['US', 24],
      ['ECG', 14],
    ],
    ctMinutes: 85,
  },
  COUNTY_TCM: {
    lab: 0.07,
    imaging: 0.06,
    classes: HOSPITAL_CLASSES,
    modalities: [
      ['CT', 18],
      ['DR', 38],
      ['US', 26],
      ['ECG', 18],
    ],
    ctMinutes: 95,
  },
  COUNTY_MCH: {
    lab: 0.07,
    imaging: 0.07,
    classes: HOSPITAL_CLASSES,
    modalities: [
      ['US', 75],
      ['DR', 12],
      ['ECG', 13],
    ],
    ctMinutes: 95,
  },
  TOWNSHIP_CENTRAL: {
    lab: 0.085,
    imaging: 0.08,
    classes: [
      ['OP', 72],
      ['ER', 4],
      ['IP', 14],
      ['PE', 10],
    ],
    modalities: [
      ['DR', 40],
      ['US', 34],
      ['ECG', 26],
    ],
    ctMinutes: 90,
  },
};

const PANELS: ReadonlyArray<readonly [string, number]> = [
  ['CBC', 30],
  ['URINE', 14],
  ['LFT', 10],
  ['RFT', 9],
  ['GLU', 10],
  ['HBA1C', 4],
  ['LIPID', 7],
  ['ELEC', 5],
  ['CRP', 6],
  ['COAG', 5],
];

const DAY_FACTOR: Readonly<Record<DayKind, number>> = { WORK: 1, WEEKEND: 0.45, HOLIDAY: 0.35, SPRING: 0.25 };

/** Report delay in seconds: median and spread by patient class (lab) or modality (imaging). */
const LAB_DELAY: Readonly<Record<PatientClass, readonly [number, number]>> = {
  OP: [2 * 3600, 0.4],
  ER: [40 * 60, 0.3],
  IP: [6 * 3600, 0.5],
  PE: [30 * 3600, 0.3],
};
const STUDY_DELAY: Readonly<Record<Modality, readonly [number, number]>> = {
  CT: [90 * 60, 0.45],
  MR: [8 * 3600, 0.5],
  DR: [60 * 60, 0.5],
  US: [15 * 60, 0.4],
  ECG: [20 * 60, 0.5],
};

/** A month's activity in working-day equivalents. */
function monthWeight(year: number, month: number): number {
  return monthDays(year, month).reduce((s, d) => s + DAY_FACTOR[d.kind], 0);
}

function clampMinutes(rng: Rng, median: number): number {
  return Math.min(180, Math.max(30, rng.logNormal(median, 0.45)));
}

function* lisRows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]> {
  const held = heldInstitutions(region);
  const cities = new Map(region.cities.map((c) => [c.code, c] as const));
  const cityOf = (inst: DemoInstitution): DemoCity => {
    const city = cities.get(inst.city);
    if (!city) throw new Error(`lis demo: no city ${inst.city}`);
    return city;
  };
  const cityHospitals = new Map<string, DemoInstitution[]>();
  const recognisingIn = new Map<string, DemoInstitution[]>();
  for (const i of region.institutions) {
    if (i.cls === 'CITY_GENERAL' || i.cls === 'CITY_TCM')
      cityHospitals.set(i.city, [...(cityHospitals.get(i.city) ?? []), i]);
  }
  // 结果互认 happens between institutions of a city that take part in it.
  for (const i of held) {
    if (i.mutualRecognition === '1' && i.cls !== 'TOWNSHIP_CENTRAL')
      recognisingIn.set(i.city, [...(recognisingIn.get(i.city) ?? []), i]);
  }
  const countyGeneral = new Map(
    region.institutions.filter((i) => i.cls === 'COUNTY_GENERAL').map((i) => [i.division, i] as const),
  );
  const lastYear = Math.max(...years);
  let labs: DemoRow[] = [];
  let studies: DemoRow[] = [];
  let labSerial = 0;
  let studySerial = 0;
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const weight = monthWeight(year, month);
      for (const inst of held) {
        const profile = PROFILES[inst.cls];
        if (!profile) continue;
        const rng = new Rng(`lis:${inst.orgCode}:${year}${pad2(month)}`);
        const township = inst.cls === 'TOWNSHIP_CENTRAL';
        const scale =
          inst.dailyVisits *
          weight *
          SEASON[month - 1] *
          Math.pow(1.03, year - 2018) *
          covid(year, month, 15, township);
        const city = cityOf(inst);
        const recognisingOthers =
          inst.mutualRecognition === '1'
            ? (recognisingIn.get(inst.city) ?? []).filter((o) => o !== inst)
            : [];
        // Lab reports.
        const nLab = rng.poisson(profile.lab * scale);
        for (let i = 0; i < nLab; i++) {
          const { day, key } = drawDay(rng, year, month, DAY_FACTOR);
          const pc = rng.weighted(profile.classes);
          const second = pc === 'ER' || pc === 'IP' ? rng.int(0, 86_399) : 7 * 3600 + rng.int(0, 10 * 3600);
          const [median, spread] = LAB_DELAY[pc];
          const delay = Math.max(300, Math.round(rng.logNormal(median, spread)));
          const late = key >= `${lastYear}1230` && rng.chance(0.5);
          const recognized =
            pc === 'OP' && recognisingOthers.length > 0 && rng.chance(0.03)
              ? rng.pick(recognisingOthers)
              : null;
          if (key < inst.openedOn) continue;
          labSerial++;
          labs.push({
            report_id: `LR${year}${pad2(month)}${String(labSerial).padStart(8, '0')}`,
            org_code: inst.orgCode,
            patient_class: pc,
            requested_at: demoDatetime(day, second),
            reported_at: late || rng.chance(0.004) ? null : demoDatetime(day, second + delay),
            panel_code: rng.weighted(PANELS),
            recognized_from: recognized ? recognized.orgCode : rng.chance(0.02) ? '' : null,
          });
        }
        // Imaging studies.
        const nStudy = rng.poisson(profile.imaging * scale);
        const county = countyGeneral.get(inst.division);
        for (let i = 0; i < nStudy; i++) {
          const { day, key } = drawDay(rng, year, month, DAY_FACTOR);
          const pc = rng.weighted(profile.classes);
          const modality = rng.weighted(profile.modalities);
          const second = pc === 'ER' || pc === 'IP' ? rng.int(0, 86_399) : 7 * 3600 + rng.int(0, 10 * 3600);
          let delay: number;
          if (modality === 'CT' && pc === 'OP') {
            const median = profile.ctMinutes * Math.pow(0.93, year - 2018);
            delay = Math.round(clampMinutes(rng, median) * 60);
          } else {
            const [median, spread] = STUDY_DELAY[modality];
            delay = Math.max(120, Math.round(rng.logNormal(pc === 'ER' ? median / 2 : median, spread)));
          }
          // 基层检查、上级诊断: township DR/ECG mostly read by the county hospital or, once the
          // city's imaging centre opened (2018-03), by 安康市中心医院; a few county CT/MR too.
          let reader: DemoInstitution | null = null;
          if (township && modality !== 'US' && rng.chance(0.7)) {
            const toCity = inst.division === city.seat || (key >= '20180301' && rng.chance(0.45));
            reader = toCity ? city.central : (county ?? city.central);
          } else if (!township && inst.cls !== 'CITY_GENERAL' && (modality === 'CT' || modality === 'MR')) {
            reader = rng.chance(0.08) ? rng.pick(cityHospitals.get(inst.city) ?? []) : null;
          }
          if (reader === inst) reader = null;
          const late = key >= `${lastYear}1230` && rng.chance(0.5);
          const unreported = late || rng.chance(0.006);
          const recognized =
            !township && recognisingOthers.length > 0 && rng.chance(0.015)
              ? rng.pick(recognisingOthers)
              : null;
          if (key < inst.openedOn) continue;
          studySerial++;
          studies.push({
            study_id: `IS${year}${pad2(month)}${String(studySerial).padStart(8, '0')}`,
            org_code: inst.orgCode,
            modality,
            patient_class: pc,
            requested_at: demoDatetime(day, second),
            reported_at: unreported ? null : demoDatetime(day, second + delay),
            remote_read_by: reader ? reader.orgCode : rng.chance(0.01) ? '' : null,
            recognized_from: recognized ? recognized.orgCode : null,
          });
        }
        if (labs.length >= CHUNK) {
          yield ['lab_report', labs];
          labs = [];
        }
        if (studies.length >= CHUNK) {
          yield ['imaging_study', studies];
          studies = [];
        }
      }
    }
  }
  if (labs.length > 0) yield ['lab_report', labs];
  if (studies.length > 0) yield ['imaging_study', studies];
}

/** The regional LIS/RIS of the demo: city and county hospitals and the township centres. */
export const lisDemoSource: RegionalDemoSource = {
  id: 'lis',
  kind: 'lis',
  file: 'lis.sqlite',
  tables: lisTables,
  institutions: (region) => heldInstitutions(region).map((i) => i.orgCode),
  rows: lisRows,
};
