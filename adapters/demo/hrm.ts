/**
 * The demo's health workforce registry (hrm, legacy-systems.md §9): practitioners of every
 * institution in realistic numbers by level, 全科医生 growing towards the national 2–3 per 10,000
 * target, multi-site practice of hospital physicians at primary care, assignments (派驻) from
 * city and county hospitals to townships, further training (进修) of primary-care staff at county
 * and city hospitals, and recruitment (引进人才). Deterministic: every draw comes from seeded Rngs.
 */
import { createHash } from 'node:crypto';
import { hrmTables } from '../hrm/contract';
import type { DemoClass, DemoInstitution, DemoRegion, DemoRow } from './ankang';
import { dayNumber, keyOfDayNumber } from './calendar';
import { Rng } from './random';
import type { RegionalDemoSource } from './regional';

/** Rows per yielded chunk. */
const CHUNK = 40_000;
/** Upper bound on practitioner rows per city; staff sizes are scaled down uniformly above it. */
const MAX_PRACTITIONERS = 60_000;
/** 全科医生 per 10,000 household population at the end of the first demo year; about +0.5 a year after. */
const GP_DENSITY_FIRST_YEAR = 2.2;

type Category = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '9';

interface Practitioner {
  readonly id: string;
  readonly inst: DemoInstitution;
  readonly category: string | null;
  readonly title: string | null;
  /** Day numbers (days since 1970-01-01). */
  readonly registered: number;
  readonly left: number | null;
  readonly gp: boolean;
}

const HOSPITAL_CLASSES: readonly DemoClass[] = [
  'CITY_GENERAL',
  'CITY_TCM',
  'CITY_MCH',
  'COUNTY_GENERAL',
  'COUNTY_TCM',
  'COUNTY_MCH',
];
const PRIMARY_SITES: readonly DemoClass[] = ['TOWNSHIP_CENTRAL', 'TOWNSHIP', 'COMMUNITY_CENTER'];

/** Practitioners an institution has on its books, before scaling. */
function staffSize(inst: DemoInstitution, rng: Rng): number {
  const jitter = rng.range(0.85, 1.15);
  switch (inst.cls) {
    case 'CITY_GENERAL':
      return Math.round(inst.beds * 0.55 * jitter);
    case 'CITY_TCM':
      return Math.round(inst.beds * 0.5 * jitter);
    case 'CITY_MCH':
      return Math.round(inst.beds * 0.9 * jitter);
    case 'PRIVATE_REHAB':
    case 'PRIVATE_NURSING':
      return Math.round(inst.beds * 0.45 * jitter);
    case 'COUNTY_GENERAL':
      return Math.round(Math.min(300, Math.max(100, inst.beds * 0.42)) * jitter);
    case 'COUNTY_TCM':
      return Math.round(Math.min(180, Math.max(50, inst.beds * 0.45)) * jitter);
    case 'COUNTY_MCH':
      return Math.round(Math.min(90, Math.max(30, inst.beds * 0.6)) * jitter);
    case 'TOWNSHIP_CENTRAL':
      return rng.int(25, 40);
    case 'TOWNSHIP':
      return inst.beds < 20 ? rng.int(8, 15) : rng.int(12, 25);
    case 'COMMUNITY_CENTER':
      return rng.int(20, 40);
    case 'COMMUNITY_STATION':
      return rng.int(3, 6);
    case 'VILLAGE_CLINIC':
      return rng.chance(0.55) ? 1 : 2;
  }
}

/** How strongly an institution attracts 全科医生 (relative, within its county). */
const GP_WEIGHT: Readonly<Record<DemoClass, number>> = {
  CITY_GENERAL: 5,
  CITY_TCM: 2,
  CITY_MCH: 0,
  PRIVATE_REHAB: 0,
  PRIVATE_NURSING: 0,
  COUNTY_GENERAL: 6,
  COUNTY_TCM: 2,
  COUNTY_MCH: 0.5,
  TOWNSHIP_CENTRAL: 4,
  TOWNSHIP: 2.5,
  COMMUNITY_CENTER: 4,
  COMMUNITY_STATION: 0.6,
  VILLAGE_CLINIC: 0.07,
};

/** 执业类别 mix (non-GP staff) by institution class. */
function categoryMix(cls: DemoClass): ReadonlyArray<readonly [Category, number]> {
  if (cls === 'VILLAGE_CLINIC')
    return [
      ['9', 68],
      ['1', 30],
      ['4', 2],
    ];
  if (cls === 'COMMUNITY_STATION')
    return [
      ['1', 40],
      ['5', 40],
      ['9', 15],
      ['4', 5],
    ];
  const tcm = cls === 'CITY_TCM' || cls === 'COUNTY_TCM';
  const primary = cls === 'TOWNSHIP_CENTRAL' || cls === 'TOWNSHIP' || cls === 'COMMUNITY_CENTER';
  if (primary)
    return [
      ['1', 28],
      ['4', 8],
      ['3', 6],
      ['2', 2],
      ['5', 30],
      ['6', 6],
      ['7', 8],
      ['9', 12],
    ];
  return [
    ['1', tcm ? 12 : 30],
    ['4', tcm ? 20 : 3],
    ['2', 2],
    ['3', cls.endsWith('MCH') ? 5 : 1],
    ['5', 42],
    ['6', 5],
    ['7', 8],
    ['9', 7],
  ];
}

const SCOPES: Readonly<Record<Category, ReadonlyArray<readonly [string, number]>>> = {
  '1': [
    ['11', 35],
    ['12', 25],
    ['13', 10],
    ['14', 8],
    ['22', 5],
    ['23', 4],
    ['24', 3],
    ['15', 10],
  ],
  '2': [['41', 1]],
  '3': [['24', 1]],
  '4': [
    ['51', 75],
    ['52', 25],
  ],
  '5': [
    ['', 70],
    ['21', 4],
    ['61', 26],
  ],
  '6': [['', 1]],
  '7': [['', 1]],
  '9': [['', 1]],
};

const SCOPE_NAMES: Readonly<Record<string, string>> = {
  '11': '内科专业',
  '12': '外科专业',
  '13': '妇产科专业',
  '14': '儿科专业',
  '15': '眼耳鼻咽喉科专业',
  '21': '全科医学专业',
  '22': '急救医学专业',
  '23': '康复医学专业',
  '24': '预防保健专业',
  '41': '口腔专业',
  '51': '中医专业',
  '52': '中西医结合专业',
  '61': '护理',
};

function titleOf(rng: Rng, recent: boolean): string | null {
  const u = rng.next();
  if (u < 0.004) return '';
  if (u < 0.007) return null;
  if (recent)
    return rng.weighted([
      ['JUNIOR', 75],
      ['NONE', 20],
      ['INTERMEDIATE', 5],
    ]);
  return rng.weighted([
    ['SENIOR', 9],
    ['INTERMEDIATE', 32],
    ['JUNIOR', 47],
    ['NONE', 12],
  ]);
}

function iso(day: number): string {
  const k = keyOfDayNumber(day);
  return `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)}`;
}

function dayIn(rng: Rng, fromDay: number, toDay: number): number {
  return fromDay + Math.floor(rng.next() * (toDay - fromDay + 1));
}

/** Household population per county in a year (the registry's division_stat). */
function householdPop(region: DemoRegion, year: number): Map<string, number> {
  const pops = new Map<string, number>();
  for (const r of region.divisionStats) {
    if (Number(r.year) !== year) continue;
    const code = String(r.code);
    if (region.institutions.some((i) => i.division === code)) pops.set(code, Number(r.household_pop));
  }
  return pops;
}

class HrmGenerator {
  readonly practitioners: DemoRow[] = [];
  readonly sites: DemoRow[] = [];
  readonly assignments: DemoRow[] = [];
  readonly trainings: DemoRow[] = [];
  readonly recruitments: DemoRow[] = [];
  readonly byOrg = new Map<string, Practitioner[]>();
  private serial = 0;
  private readonly first: number;
  private readonly last: number;
  private readonly y0: number;
  private readonly y1: number;

  constructor(
    private readonly region: DemoRegion,
    private readonly years: readonly number[],
  ) {
    this.y0 = Math.min(...years);
    this.y1 = Math.max(...years);
    this.first = dayNumber(`${this.y0}0101`);
    this.last = dayNumber(`${this.y1}1231`);
  }

  run(): void {
    const institutions = this.region.institutions;
    const sizeRngs = institutions.map((i) => new Rng(`hrm:size:${i.orgCode}`));
    const sizes = institutions.map((inst, k) => staffSize(inst, sizeRngs[k]));
    const total = sizes.reduce((s, n) => s + n, 0);
    const cap = MAX_PRACTITIONERS * Math.max(1, this.region.cities.length);
    const scale = Math.min(1, (cap * 0.9) / total);
    const gpMeans = this.gpMeans();
    institutions.forEach((inst, k) => {
      const rng = new Rng(`hrm:staff:${inst.orgCode}`);
      const n = Math.max(1, Math.round(sizes[k] * scale));
      for (let i = 0; i < n; i++) this.staff(inst, rng);
      this.gps(inst, rng, gpMeans.get(inst.orgCode) ?? 0);
    });
    this.multiSites();
    this.assign();
    this.train();
  }

  /** Mean 全科医生 stock per institution at the end of the first year, calibrated per county. */
  private gpMeans(): Map<string, number> {
    const pops = householdPop(this.region, this.y0);
    const weights = new Map<string, number>();
    for (const inst of this.region.institutions) {
      weights.set(inst.division, (weights.get(inst.division) ?? 0) + GP_WEIGHT[inst.cls]);
    }
    const means = new Map<string, number>();
    for (const inst of this.region.institutions) {
      const target = ((pops.get(inst.division) ?? 0) * GP_DENSITY_FIRST_YEAR) / 10_000;
      const w = weights.get(inst.division) ?? 0;
      means.set(inst.orgCode, w > 0 ? (target * GP_WEIGHT[inst.cls]) / w : 0);
    }
    return means;
  }

  private nextId(): string {
    this.serial += 1;
    return `PR${String(this.serial).padStart(8, '0')}`;
  }

  /** The day the institution opened (registrations start then, 1985 at the earliest). */
  private openDay(inst: DemoInstitution): number {
    return Math.max(dayNumber(inst.openedOn), dayNumber('19850101'));
  }

  private closeDay(inst: DemoInstitution): number | null {
    return inst.closedOn ? dayNumber(inst.closedOn) : null;
  }

  private add(
    inst: DemoInstitution,
    rng: Rng,
    fields: {
      category: string | null;
      scope: string | null;
      training: string | null;
      title: string | null;
      registered: number;
      left: number | null;
      gp: boolean;
    },
  ): Practitioner {
    const id = this.nextId();
    const closed = this.closeDay(inst);
    let left = fields.left;
    if (closed !== null && (left === null || left > closed)) left = closed;
    if (left !== null && left <= fields.registered) left = fields.registered + rng.int(30, 400);
    // on_post is the registry's current flag: leavers are mostly recorded off post, a few never updated.
    const u = rng.next();
    const onPost = left !== null ? (u < 0.6 ? '0' : '1') : u < 0.022 ? '0' : u < 0.027 ? '' : '1';
    const p: Practitioner = {
      id,
      inst,
      category: fields.category,
      title: fields.title,
      registered: fields.registered,
      left,
      gp: fields.gp,
    };
    this.practitioners.push({
      pract_id: id,
      cert_hash: createHash('sha256').update(`ankang-cert:${id}`).digest('hex'),
      org_code: inst.orgCode,
      category: fields.category,
      scope_code: fields.scope,
      scope_name: fields.scope ? (SCOPE_NAMES[fields.scope] ?? '') : fields.scope,
      gp_training: fields.training,
      title_level: fields.title,
      on_post: onPost,
      registered_on: iso(fields.registered),
      left_on: left === null ? null : iso(left),
    });
    this.sites.push({
      pract_id: id,
      org_code: inst.orgCode,
      kind: 'MAIN',
      from_date: iso(fields.registered),
      to_date: left === null ? null : iso(left),
      filed: '1',
    });
    const list = this.byOrg.get(inst.orgCode) ?? [];
    list.push(p);
    this.byOrg.set(inst.orgCode, list);
    return p;
  }

  /** A registration day: mostly before the demo years, ~5 % a year inside them. */
  private registrationDay(inst: DemoInstitution, rng: Rng): { day: number; recent: boolean } {
    const open = this.openDay(inst);
    const recentShare = Math.min(0.5, 0.05 * this.years.length);
    if (open >= this.first || rng.chance(recentShare)) {
      return { day: dayIn(rng, Math.max(open, this.first), this.last), recent: true };
    }
    return { day: dayIn(rng, open, this.first - 1), recent: false };
  }

  /** A leaving day: ~3 % a year inside the demo years, and a few before them. */
  private leavingDay(registered: number, rng: Rng): number | null {
    const u = rng.next();
    if (u < 0.03 * this.years.length) return dayIn(rng, Math.max(registered + 1, this.first), this.last + 1);
    if (u < 0.03 * this.years.length + 0.03 && registered < this.first - 400)
      return dayIn(rng, registered + 365, this.first - 1);
    return null;
  }

  private staff(inst: DemoInstitution, rng: Rng): void {
    const mixed: Category = rng.weighted(categoryMix(inst.cls));
    // A few rows with the category lost: '' or NULL.
    const category = rng.chance(0.002) ? (rng.chance(0.5) ? null : '') : mixed;
    const scope = category ? rng.weighted(SCOPES[mixed]) : '';
    const { day, recent } = this.registrationDay(inst, rng);
    const left = this.leavingDay(day, rng);
    const training = rng.chance(0.01) ? '' : rng.chance(0.005) ? null : 'NONE';
    const p = this.add(inst, rng, {
      category,
      scope: scope === '' && rng.chance(0.3) ? null : scope,
      training,
      title: titleOf(rng, recent),
      registered: day,
      left,
      gp: false,
    });
    this.recruit(p, rng, recent);
  }

  /** 全科医生: a stock before the demo years, new ones every year, a few leaving. */
  private gps(inst: DemoInstitution, rng: Rng, mean: number): void {
    if (mean <= 0) return;
    const open = this.openDay(inst);
    const base = rng.poisson(mean * 0.76);
    const village = inst.cls === 'VILLAGE_CLINIC';
    for (let i = 0; i < base; i++) {
      const registered =
        open >= this.first
          ? dayIn(rng, open, this.last)
          : dayIn(rng, Math.max(open, dayNumber('20050101')), this.first - 1);
      this.gp(inst, rng, registered, false, village);
    }
    for (const year of this.years) {
      const n = rng.poisson(mean * 0.27);
      const from = Math.max(open, dayNumber(`${year}0101`));
      const to = dayNumber(`${year}1231`);
      if (from > to) continue;
      for (let i = 0; i < n; i++) this.gp(inst, rng, dayIn(rng, from, to), true, village);
    }
  }

  private gp(inst: DemoInstitution, rng: Rng, registered: number, recent: boolean, village: boolean): void {
    const category: Category = rng.chance(village ? 0.05 : 0.15) ? '4' : '1';
    const training: string = village
      ? rng.weighted([
          ['3+2', 70],
          ['TRANSFER', 20],
          ['NONE', 10],
        ])
      : recent
        ? rng.weighted([
            ['5+3', 45],
            ['3+2', 25],
            ['TRANSFER', 20],
            ['NONE', 10],
          ])
        : rng.weighted([
            ['TRANSFER', 40],
            ['3+2', 20],
            ['5+3', 5],
            ['NONE', 35],
          ]);
    // Registered as 全科 (scope 21), or trained as a GP but still registered in another scope.
    const scope =
      training === 'NONE' || rng.chance(0.6) ? '21' : category === '4' ? '51' : rng.pick(['11', '14', '13']);
    const quirk = scope === '21' && training === 'NONE' && rng.chance(0.1);
    const left = this.leavingDay(registered, rng);
    const p = this.add(inst, rng, {
      category,
      scope,
      training: quirk ? (rng.chance(0.5) ? '' : null) : training,
      title: titleOf(rng, recent),
      registered,
      left,
      gp: true,
    });
    this.recruit(p, rng, recent);
  }

  /** 引进人才: a share of the hospitals' new physicians and nurses, by discipline. */
  private recruit(p: Practitioner, rng: Rng, recent: boolean): void {
    if (!recent || p.registered < this.first) return;
    const hospital = HOSPITAL_CLASSES.includes(p.inst.cls);
    const clinical = p.category === '1' || p.category === '4' || p.category === '5';
    if (!clinical) return;
    let discipline: string;
    if (hospital && rng.chance(0.35)) {
      discipline = rng.weighted([
        ['EMERGENCY', 14],
        ['PEDIATRICS', 14],
        ['ANESTHESIA', 12],
        ['ICU', 10],
        ['OTHER', 50],
      ]);
    } else if (PRIMARY_SITES.includes(p.inst.cls) && rng.chance(0.08)) {
      discipline = rng.weighted([
        ['OTHER', 80],
        ['EMERGENCY', 10],
        ['PEDIATRICS', 10],
      ]);
    } else return;
    this.recruitments.push({
      pract_id: p.id,
      org_code: p.inst.orgCode,
      discipline: rng.chance(0.01) ? '' : discipline,
      hired_on: iso(p.registered),
    });
  }

  /** Physicians of an institution holding on a day. */
  private physiciansAt(orgCode: string, day: number): Practitioner[] {
    return (this.byOrg.get(orgCode) ?? []).filter(
      (p) =>
        (p.category === '1' || p.category === '2' || p.category === '4') &&
        p.registered <= day &&
        (p.left === null || p.left > day),
    );
  }

  /** Alliances each institution belongs to (for multi-site filing: inside an alliance none is needed). */
  private alliancesOf(): Map<string, Set<string>> {
    const map = new Map<string, Set<string>>();
    for (const m of this.region.allianceMembers) {
      const org = String(m.org_code);
      const set = map.get(org) ?? new Set<string>();
      set.add(String(m.alliance_id));
      map.set(org, set);
    }
    return map;
  }

  /** Primary-care sites of a county. */
  private primaryByCounty(): Map<string, DemoInstitution[]> {
    const map = new Map<string, DemoInstitution[]>();
    for (const inst of this.region.institutions) {
      if (!PRIMARY_SITES.includes(inst.cls)) continue;
      const list = map.get(inst.division) ?? [];
      list.push(inst);
      map.set(inst.division, list);
    }
    return map;
  }

  /** The counties with primary-care sites, by city (in the order of `primaryByCounty`). */
  private countiesByCity(primary: Map<string, DemoInstitution[]>): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const [county, sites] of primary) {
      const list = map.get(sites[0].city) ?? [];
      list.push(county);
      map.set(sites[0].city, list);
    }
    return map;
  }

  /** 多点执业: senior and intermediate hospital physicians also practising at primary care. */
  private multiSites(): void {
    const rng = new Rng('hrm:multi');
    const alliances = this.alliancesOf();
    const primary = this.primaryByCounty();
    const countiesOf = this.countiesByCity(primary);
    const siteFrom = Math.min(dayNumber('20160101'), this.first);
    for (const inst of this.region.institutions) {
      if (!HOSPITAL_CLASSES.includes(inst.cls)) continue;
      const city = inst.cls.startsWith('CITY');
      for (const p of this.byOrg.get(inst.orgCode) ?? []) {
        if (p.category !== '1' && p.category !== '4') continue;
        if (p.title !== 'SENIOR' && p.title !== 'INTERMEDIATE') continue;
        if (!rng.chance(0.3)) continue;
        const county =
          city && rng.chance(0.5) ? rng.pick(countiesOf.get(inst.city) ?? [inst.division]) : inst.division;
        const candidates = primary.get(county) ?? [];
        if (candidates.length === 0) continue;
        const site = rng.pick(candidates);
        // Later years see more multi-site practice: the start is drawn towards the end.
        const span = this.last - Math.max(siteFrom, p.registered);
        if (span <= 0) continue;
        const from = Math.max(siteFrom, p.registered) + Math.floor(Math.sqrt(rng.next()) * span);
        let to: number | null = rng.chance(0.35) ? from + rng.int(90, 540) : null;
        if (p.left !== null && (to === null || to > p.left)) to = p.left;
        if (to !== null && to <= from) continue;
        const shared = [...(alliances.get(inst.orgCode) ?? [])].some((a) =>
          alliances.get(site.orgCode)?.has(a),
        );
        const u = rng.next();
        const filed =
          u < 0.03
            ? ''
            : u < 0.04
              ? null
              : shared
                ? rng.chance(0.7)
                  ? '0'
                  : '1'
                : rng.chance(0.85)
                  ? '1'
                  : '0';
        this.sites.push({
          pract_id: p.id,
          org_code: site.orgCode,
          kind: 'MULTI',
          from_date: iso(from),
          to_date: to === null ? null : iso(to),
          filed,
        });
      }
    }
  }

  /** A stay of `days` calendar days from `start` (end included), or open. */
  private stay(rng: Rng, year: number): { start: number; end: number | null } {
    const start = dayIn(rng, dayNumber(`${year}0101`), dayNumber(`${year}1231`));
    const [lo, hi] = rng.weighted<readonly [number, number]>([
      [[7, 29], 30],
      [[30, 89], 35],
      [[90, 180], 22],
      [[181, 365], 10],
    ]);
    const open = year === this.y1 && rng.chance(0.05);
    return { start, end: open ? null : start + rng.int(lo, hi) - 1 };
  }

  /** 派驻: county hospitals to their townships, city hospitals to their city's counties' primary care. */
  private assign(): void {
    const rng = new Rng('hrm:assign');
    const primary = this.primaryByCounty();
    const countiesOf = this.countiesByCity(primary);
    const pops = householdPop(this.region, this.y0);
    const senders = this.region.institutions.filter(
      (i) =>
        i.cls === 'COUNTY_GENERAL' ||
        i.cls === 'COUNTY_TCM' ||
        i.cls === 'CITY_GENERAL' ||
        i.cls === 'CITY_TCM',
    );
    for (const year of this.years) {
      const growth = 1 + 0.15 * (year - 2018);
      for (const sender of senders) {
        const city = sender.cls.startsWith('CITY');
        const base = city
          ? 14
          : sender.cls === 'COUNTY_TCM'
            ? 3
            : 6 + (pops.get(sender.division) ?? 0) / 40_000;
        const n = rng.poisson(base * growth);
        for (let k = 0; k < n; k++) {
          const county =
            city && rng.chance(0.4)
              ? rng.pick(countiesOf.get(sender.city) ?? [sender.division])
              : sender.division;
          const targets = (primary.get(county) ?? []).filter((t) => t.cls !== 'COMMUNITY_CENTER' || city);
          if (targets.length === 0) continue;
          const to = rng.pick(targets);
          const { start, end } = this.stay(rng, year);
          const staff = this.physiciansAt(sender.orgCode, start);
          if (staff.length === 0) continue;
          const p = rng.pick(staff);
          const mgmt = rng.chance(p.title === 'SENIOR' ? 0.35 : 0.12);
          this.assignments.push({
            assignment_id: `AS${year}${String(this.assignments.length + 1).padStart(6, '0')}`,
            pract_id: p.id,
            from_org: sender.orgCode,
            to_org: to.orgCode,
            kind: rng.chance(0.005) ? '' : mgmt ? 'MGMT' : 'TECH',
            start_date: iso(start),
            end_date: end === null ? null : iso(end),
          });
        }
      }
    }
  }

  /** 进修: primary-care staff at their county's hospitals or their city's hospitals. */
  private train(): void {
    const rng = new Rng('hrm:training');
    const county = new Map<string, DemoInstitution[]>();
    const city = new Map<string, DemoInstitution[]>();
    for (const inst of this.region.institutions) {
      if (inst.cls === 'CITY_GENERAL' || inst.cls === 'CITY_TCM')
        city.set(inst.city, [...(city.get(inst.city) ?? []), inst]);
      if (inst.cls === 'COUNTY_GENERAL' || inst.cls === 'COUNTY_TCM') {
        const list = county.get(inst.division) ?? [];
        list.push(inst);
        county.set(inst.division, list);
      }
    }
    for (const year of this.years) {
      const growth = 1 + 0.12 * (year - 2018);
      for (const home of this.region.institutions) {
        if (!PRIMARY_SITES.includes(home.cls)) continue;
        const n = rng.poisson((home.cls === 'TOWNSHIP' ? 0.6 : 1.0) * growth);
        for (let k = 0; k < n; k++) {
          const hosts = county.get(home.division) ?? [];
          const host =
            hosts.length > 0 && rng.chance(0.7) ? rng.pick(hosts) : rng.pick(city.get(home.city) ?? []);
          const start = dayIn(rng, dayNumber(`${year}0101`), dayNumber(`${year}1231`));
          const staff = (this.byOrg.get(home.orgCode) ?? []).filter(
            (p) => p.registered <= start && (p.left === null || p.left > start) && p.category !== '9',
          );
          if (staff.length === 0 || !host) continue;
          const [lo, hi] = rng.weighted<readonly [number, number]>([
            [[30, 90], 25],
            [[91, 184], 45],
            [[185, 366], 25],
            [[367, 540], 5],
          ]);
          this.trainings.push({
            training_id: `JX${year}${String(this.trainings.length + 1).padStart(6, '0')}`,
            pract_id: rng.pick(staff).id,
            home_org: home.orgCode,
            host_org: host.orgCode,
            start_date: iso(start),
            end_date: iso(start + rng.int(lo, hi) - 1),
          });
        }
      }
    }
  }
}

function* chunks(table: string, rows: DemoRow[]): Iterable<[string, DemoRow[]]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield [table, rows.slice(i, i + CHUNK)];
}

const generated = new WeakMap<DemoRegion, Map<string, HrmGenerator>>();

/** The workforce of a demo region, generated once per region and years and shared by hrm and fds. */
function workforce(region: DemoRegion, years: readonly number[]): HrmGenerator {
  const byYears = generated.get(region) ?? new Map<string, HrmGenerator>();
  generated.set(region, byYears);
  const key = years.join(',');
  let gen = byYears.get(key);
  if (!gen) {
    gen = new HrmGenerator(region, years);
    gen.run();
    byYears.set(key, gen);
  }
  return gen;
}

/** One practitioner of the demo workforce, as another system (the family-doctor teams) refers to it. */
export interface DemoStaffMember {
  readonly id: string;
  readonly gp: boolean;
  readonly nurse: boolean;
}

/** The demo practitioners of each institution (pract_id as in hrm.practitioner). */
export function demoStaff(
  region: DemoRegion,
  years: readonly number[],
): ReadonlyMap<string, readonly DemoStaffMember[]> {
  const gen = workforce(region, years);
  const result = new Map<string, DemoStaffMember[]>();
  for (const [org, list] of gen.byOrg) {
    result.set(
      org,
      list.map((p) => ({ id: p.id, gp: p.gp, nurse: p.category === '5' })),
    );
  }
  return result;
}

/** The demo's `hrm` database. */
export const hrmDemoSource: RegionalDemoSource = {
  id: 'hrm',
  kind: 'hrm',
  file: 'hrm.sqlite',
  tables: hrmTables,
  *rows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]> {
    if (years.length === 0) return;
    const gen = workforce(region, years);
    yield* chunks('practitioner', gen.practitioners);
    yield* chunks('practice_site', gen.sites);
    yield* chunks('assignment', gen.assignments);
    yield* chunks('further_training', gen.trainings);
    yield* chunks('recruitment', gen.recruitments);
  },
};
