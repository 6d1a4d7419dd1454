/**
 * The demo's insurance settlement system (ins, legacy-systems.md §10): outpatient and inpatient
 * settlements of the region's insured (insu_admdvs = their county), mostly treated in their own
 * county (inpatients ~85–92 %, rising over the years), otherwise at their city's hospitals (in
 * 汉滨区 for 安康), another county's hospital of the city or outside the region (定点编码 absent
 * from ins_org_map: 西安, 武汉, 十堰, 重庆; 西安 only while it is not part of the region);
 * payment methods shifting toward DRG/DIP in 2020; about 1 % reversed (冲销, mostly settled again).
 * Only institutions of `region.insOrgMap` and the out-of-region codes appear. Deterministic:
 * every draw comes from seeded Rngs.
 */
import { insTables } from '../ins/contract';
import type { DemoCity, DemoClass, DemoInstitution, DemoRegion, DemoRow } from './ankang';
import { daysInMonth, pad2 } from './calendar';
import { Rng } from './random';
import type { RegionalDemoSource } from './regional';

const CHUNK = 40_000;

/** Valid inpatient and outpatient settlements per household resident and year. */
const INPATIENT_RATE = 0.0105;
const OUTPATIENT_RATE = 0.0125;

/** 定点医药机构 outside the region: codes the region's ins_org_map does not hold. */
const OUT_OF_REGION: ReadonlyArray<readonly [string, number]> = [
  ['H61010000101', 24], // 西安 (tertiary hospitals)
  ['H61010000102', 18],
  ['H61010000103', 12],
  ['H61010000104', 8],
  ['H61010000105', 5],
  ['H42010000201', 9], // 武汉
  ['H42010000202', 5],
  ['H42030000301', 10], // 十堰
  ['H42030000302', 4],
  ['H50010000401', 5], // 重庆
];

/** Insured areas outside the region whose people are treated in it (异地就医); any inside the region are left out. */
const VISITING_AREAS: readonly string[] = ['610100', '610700', '420300'];

/** A fixed weighted choice, drawn with one `rng.next()` (cumulative weights: no allocation per draw). */
class Choice<T> {
  private readonly items: readonly T[];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(weights: ReadonlyArray<readonly [T, number]>) {
    this.items = weights.map(([item]) => item);
    let sum = 0;
    for (const [, w] of weights) this.cumulative.push((sum += w));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const u = rng.next() * this.total;
    for (let i = 0; i < this.cumulative.length; i++) if (u < this.cumulative[i]) return this.items[i];
    return this.items[this.items.length - 1];
  }
}

/** 医疗类别 of outpatient settlements: 普通门诊, 急诊 (fewer at townships), 门诊慢特病. */
const OUTPATIENT_TYPES = new Choice<string>([
  ['11', 55],
  ['13', 14],
  ['14', 33],
]);
const OUTPATIENT_TYPES_TOWNSHIP = new Choice<string>([
  ['11', 55],
  ['13', 6],
  ['14', 33],
]);

const MONTH_WEIGHT = [1.1, 0.95, 1.05, 1.0, 1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 1.0, 1.05];

interface Place {
  readonly code: string;
  readonly inst: DemoInstitution | null;
  readonly weight: number;
}

type Setting = 'TOWNSHIP' | 'COUNTY' | 'CITY' | 'OUTSIDE';

function settingOf(place: Place): Setting {
  const cls = place.inst?.cls;
  if (!cls) return 'OUTSIDE';
  if (cls.startsWith('CITY') || cls.startsWith('PRIVATE')) return 'CITY';
  if (cls.startsWith('COUNTY')) return 'COUNTY';
  return 'TOWNSHIP';
}

const INPATIENT_WEIGHT: Partial<Record<DemoClass, number>> = {
  CITY_GENERAL: 1.0,
  CITY_TCM: 0.8,
  CITY_MCH: 0.7,
  PRIVATE_REHAB: 0.4,
  PRIVATE_NURSING: 0.2,
  COUNTY_GENERAL: 1.0,
  COUNTY_TCM: 0.85,
  COUNTY_MCH: 0.7,
  TOWNSHIP_CENTRAL: 1.3,
  TOWNSHIP: 1.0,
};

const OUTPATIENT_WEIGHT: Partial<Record<DemoClass, number>> = {
  CITY_GENERAL: 0.6,
  CITY_TCM: 0.5,
  CITY_MCH: 0.4,
  COUNTY_GENERAL: 0.8,
  COUNTY_TCM: 0.7,
  COUNTY_MCH: 0.5,
  TOWNSHIP_CENTRAL: 3.5,
  TOWNSHIP: 3.0,
};

function pick(rng: Rng, places: readonly Place[], total: number): Place {
  let u = rng.next() * total;
  for (const p of places) {
    u -= p.weight;
    if (u < 0) return p;
  }
  return places[places.length - 1];
}

class WeightedPlaces {
  readonly total: number;
  constructor(readonly places: readonly Place[]) {
    this.total = places.reduce((s, p) => s + p.weight, 0);
  }
  pick(rng: Rng): Place {
    return pick(rng, this.places, this.total);
  }
  get empty(): boolean {
    return this.places.length === 0 || this.total <= 0;
  }
}

const monthLengths = new Map<number, number>();

function monthLength(year: number, month: number): number {
  const key = year * 100 + month;
  let n = monthLengths.get(key);
  if (n === undefined) {
    n = daysInMonth(year, month);
    monthLengths.set(key, n);
  }
  return n;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** An institution open for the whole year. */
function openIn(inst: DemoInstitution, year: number): boolean {
  return inst.openedOn <= `${year}0101` && (inst.closedOn === null || inst.closedOn >= `${year}1231`);
}

class InsGenerator {
  private setlSerial = 0;
  private mdtrtSerial = 0;
  private readonly codeOf = new Map<string, string>();
  private readonly counties: string[];
  private readonly pops: Map<string, Map<number, number>>;
  private readonly cityOf = new Map<string, DemoCity>();
  /** 异地就医 areas: those of VISITING_AREAS that are not part of the region. */
  private readonly visitingAreas: readonly string[];
  /** Out-of-region 定点编码 of cities that are not part of the region. */
  private readonly outOfRegion: ReadonlyArray<readonly [string, number]>;

  constructor(private readonly region: DemoRegion) {
    for (const r of region.insOrgMap) this.codeOf.set(String(r.org_code), String(r.fixmedins_code));
    const mapped = new Set(region.insOrgMap.map((r) => String(r.fixmedins_code)));
    for (const [code] of OUT_OF_REGION) {
      if (mapped.has(code)) throw new Error(`demo ins: out-of-region code ${code} is in ins_org_map`);
    }
    this.counties = [...new Set(region.institutions.map((i) => i.division))].sort();
    for (const city of region.cities) for (const county of city.counties) this.cityOf.set(county, city);
    const inRegion = new Set(region.divisions.map((d) => String(d.code)));
    this.visitingAreas = VISITING_AREAS.filter((a) => !inRegion.has(a));
    if (this.visitingAreas.length === 0) this.visitingAreas = ['420300'];
    this.outOfRegion = OUT_OF_REGION.filter(([code]) => !inRegion.has(code.slice(1, 7)));
    this.pops = new Map();
    for (const r of region.divisionStats) {
      const code = String(r.code);
      if (!this.counties.includes(code)) continue;
      const byYear = this.pops.get(code) ?? new Map<number, number>();
      byYear.set(Number(r.year), Number(r.household_pop));
      this.pops.set(code, byYear);
    }
  }

  private places(
    filter: (i: DemoInstitution) => boolean,
    weights: Partial<Record<DemoClass, number>>,
  ): WeightedPlaces {
    const list: Place[] = [];
    for (const inst of this.region.institutions) {
      const code = this.codeOf.get(inst.orgCode);
      const w = weights[inst.cls];
      if (!code || !w || !filter(inst)) continue;
      list.push({ code, inst, weight: w * Math.max(10, inst.beds) });
    }
    return new WeightedPlaces(list);
  }

  private population(county: string, year: number): number {
    const byYear = this.pops.get(county);
    if (!byYear || byYear.size === 0) return 0;
    return byYear.get(year) ?? [...byYear.values()][0];
  }

  /** The year's settlements, one array per insured area. */
  *year(year: number): Iterable<DemoRow[]> {
    const outside = new WeightedPlaces(
      this.outOfRegion.map(([code, weight]) => ({ code, inst: null, weight })),
    );
    // The city hospitals (in the seat: 汉滨区 for 安康) of each city, for its counties' insured.
    const cityHospitalsOf = new Map<string, WeightedPlaces>();
    for (const city of this.region.cities) {
      cityHospitalsOf.set(
        city.code,
        this.places(
          (i) => i.division === city.seat && i.cls.startsWith('CITY') && openIn(i, year),
          INPATIENT_WEIGHT,
        ),
      );
    }
    for (const county of this.counties) {
      const out: DemoRow[] = [];
      const rng = new Rng(`ins:${county}:${year}`);
      const pop = this.population(county, year);
      if (pop <= 0) continue;
      const city = this.cityOf.get(county);
      const cityHospitals = cityHospitalsOf.get(city?.code ?? '') ?? new WeightedPlaces([]);
      const inIp = this.places((i) => i.division === county && openIn(i, year), INPATIENT_WEIGHT);
      const inOp = this.places((i) => i.division === county && openIn(i, year), OUTPATIENT_WEIGHT);
      // Another county of the same city.
      const otherCounties = this.places(
        (i) =>
          i.division !== county && i.city === city?.code && i.cls === 'COUNTY_GENERAL' && openIn(i, year),
        INPATIENT_WEIGHT,
      );
      const hanbin = county === city?.seat;
      const shareRng = new Rng(`ins:share:${county}`);
      const inShare = Math.min(
        0.95,
        shareRng.range(0.845, 0.875) + (hanbin ? 0.01 : 0) + 0.022 * (year - 2018),
      );
      const pool = Math.max(100, Math.round(pop * 0.014));
      const integrated = shareRng.chance(0.5); // rural insured already under 城乡居民 (390) in 2018
      const ctx = { county, year, rng, pool, integrated };

      const nIp = rng.poisson(pop * INPATIENT_RATE * covidFactor(year));
      for (let k = 0; k < nIp; k++) {
        let place: Place;
        if (rng.chance(inShare) || (inIp.empty && !hanbin))
          place = inIp.empty ? cityHospitals.pick(rng) : inIp.pick(rng);
        else if (hanbin) place = rng.chance(0.7) ? outside.pick(rng) : otherCounties.pick(rng);
        else {
          const u = rng.next();
          place = u < 0.7 ? cityHospitals.pick(rng) : u < 0.8 ? otherCounties.pick(rng) : outside.pick(rng);
        }
        this.settlement(ctx, place, true, place.inst?.division === county, out);
      }
      const nOp = rng.poisson(pop * OUTPATIENT_RATE * covidFactor(year));
      for (let k = 0; k < nOp; k++) {
        let place: Place;
        if (rng.chance(0.96) && !inOp.empty) place = inOp.pick(rng);
        else place = rng.chance(0.8) ? cityHospitals.pick(rng) : outside.pick(rng);
        this.settlement(ctx, place, false, place.inst?.division === county, out);
      }
      yield out;
    }
    // 异地就医: insured of other areas treated at the city and county hospitals.
    const out: DemoRow[] = [];
    const rng = new Rng(`ins:visiting:${year}`);
    const hospitals = this.places(
      (i) => (i.cls === 'CITY_GENERAL' || i.cls === 'COUNTY_GENERAL') && openIn(i, year),
      INPATIENT_WEIGHT,
    );
    const n = rng.poisson(900);
    for (let k = 0; k < n; k++) {
      const area = rng.pick(this.visitingAreas);
      const ctx = { county: area, year, rng, pool: 5000, integrated: true };
      this.settlement(ctx, hospitals.pick(rng), rng.chance(0.6), false, out);
    }
    yield out;
  }

  private settlement(
    ctx: { county: string; year: number; rng: Rng; pool: number; integrated: boolean },
    place: Place,
    inpatient: boolean,
    inCounty: boolean,
    out: DemoRow[],
  ): void {
    const { rng, year } = ctx;
    const setting = settingOf(place);
    const medType = inpatient
      ? setting !== 'TOWNSHIP' && rng.chance(0.03 + 0.012 * (year - 2018))
        ? '2114'
        : '21'
      : (setting === 'TOWNSHIP' ? OUTPATIENT_TYPES_TOWNSHIP : OUTPATIENT_TYPES).pick(rng);
    // Chronic outpatients come back often: they are drawn from a fifth of the insured.
    const idx = medType === '14' ? rng.int(1, Math.max(1, Math.round(ctx.pool / 5))) : rng.int(1, ctx.pool);
    const psn = `${ctx.county}${String(idx).padStart(8, '0')}`;
    const fee = round2(amount(rng, medType, setting));
    const insutype = insuranceType(rng, idx, year, ctx.integrated, fee);
    const refl = referral(rng, inpatient, inCounty, setting);
    const cont =
      refl === '1' && setting !== 'OUTSIDE' && year >= 2019 && rng.chance(0.5)
        ? '1'
        : rng.chance(0.005)
          ? ''
          : '0';
    const fund = round2(fee * fundRatio(rng, medType, setting, insutype, refl === '1'));
    const paymtd = paymentMethod(rng, medType, setting, year);
    const month = monthOf(rng, year);
    const day = rng.int(1, monthLength(year, month));
    const hour = medType === '13' ? rng.int(0, 23) : inpatient ? rng.int(8, 17) : rng.int(8, 18);
    const time = `${year}-${pad2(month)}-${pad2(day)} ${pad2(hour)}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;
    const u = rng.next();
    const insuAdmdvs = u < 0.001 ? '' : u < 0.0015 ? null : ctx.county;
    this.mdtrtSerial += 1;
    const mdtrt = `MD${year}${String(this.mdtrtSerial).padStart(9, '0')}`;
    const row = (setlTime: string, medfee: number, fundPay: number, vali: string): DemoRow => {
      this.setlSerial += 1;
      return {
        setl_id: `ST${year}${String(this.setlSerial).padStart(9, '0')}`,
        mdtrt_id: mdtrt,
        psn_no: psn,
        insutype,
        med_type: medType,
        fixmedins_code: place.code,
        insu_admdvs: insuAdmdvs,
        setl_time: setlTime,
        medfee_sumamt: medfee,
        fund_pay_sumamt: fundPay,
        psn_pay: round2(medfee - fundPay),
        hi_paymtd: paymtd,
        refl_flag: refl,
        cont_deductible: cont,
        vali_flag: vali,
      };
    };
    if (rng.chance(0.01)) {
      // 冲销: the first settlement is reversed; most are settled again a little later.
      out.push(row(time, fee, fund, '0'));
      if (rng.chance(0.7)) {
        const again = time.replace(/ (\d\d):/, (_m, h: string) => ` ${pad2(Math.min(23, Number(h) + 1))}:`);
        const fee2 = round2(fee * rng.range(0.9, 1.0));
        out.push(row(again, fee2, round2((fund * fee2) / Math.max(fee, 0.01)), '1'));
      }
      return;
    }
    out.push(row(time, fee, fund, '1'));
  }
}

/** 2020: fewer settlements (COVID-19 in the first months). */
function covidFactor(year: number): number {
  return year === 2020 ? 0.9 : 1 + 0.03 * (year - 2018);
}

const monthChoices = new Map<number, Choice<number>>();

/** Month of a settlement: a little seasonal; February and March 2020 (COVID-19) far fewer. */
function monthOf(rng: Rng, year: number): number {
  let choice = monthChoices.get(year);
  if (!choice) {
    choice = new Choice(
      MONTH_WEIGHT.map((w, i) => [i + 1, year === 2020 && (i === 1 || i === 2) ? w * 0.45 : w] as const),
    );
    monthChoices.set(year, choice);
  }
  return choice.pick(rng);
}

/** Median 住院 cost (yuan) and fund share by where the patient is treated (差异化报销). */
const INPATIENT_MEDIAN: Readonly<Record<Setting, number>> = {
  TOWNSHIP: 1900,
  COUNTY: 5200,
  CITY: 10500,
  OUTSIDE: 23000,
};
const INPATIENT_FUND_RATIO: Readonly<Record<Setting, number>> = {
  TOWNSHIP: 0.82,
  COUNTY: 0.68,
  CITY: 0.58,
  OUTSIDE: 0.46,
};

function amount(rng: Rng, medType: string, setting: Setting): number {
  switch (medType) {
    case '11':
      return Math.max(5, rng.logNormal(setting === 'TOWNSHIP' ? 70 : 150, 0.6));
    case '13':
      return Math.max(20, rng.logNormal(280, 0.6));
    case '14':
      return Math.max(20, rng.logNormal(380, 0.5));
    case '2114':
      return rng.logNormal(4200, 0.4);
    default: {
      const median = INPATIENT_MEDIAN[setting];
      return Math.max(300, rng.logNormal(median, 0.55));
    }
  }
}

/** 险种 of a person (stable per person) and year: 城乡居民 integration in 2018–2020. */
function insuranceType(rng: Rng, idx: number, year: number, integrated: boolean, fee: number): string | null {
  const u = ((Math.imul(idx, 2654435761) >>> 0) % 10_000) / 10_000;
  const q = rng.next();
  if (q < 0.002) return '';
  if (q < 0.003) return null;
  if (q < 0.006) return '399';
  if (u < 0.16) return fee > 40_000 && rng.chance(0.3) ? '330' : '310';
  if (u < 0.163) return '340';
  if (u < 0.168) return '320';
  if (fee > 30_000 && rng.chance(0.3)) return '392';
  if (u < 0.25) return year <= 2018 && !integrated ? '391' : '390';
  if (year <= 2018) return integrated ? '390' : '380';
  if (year === 2019) return rng.chance(0.15) ? '380' : '390';
  return '390';
}

function referral(rng: Rng, inpatient: boolean, inCounty: boolean, setting: Setting): string | null {
  const u = rng.next();
  if (u < 0.005) return '';
  if (u < 0.01) return null;
  const p = !inpatient ? 0.01 : !inCounty ? 0.55 : setting === 'TOWNSHIP' ? 0.03 : 0.06;
  return rng.chance(p) ? '1' : '0';
}

function fundRatio(
  rng: Rng,
  medType: string,
  setting: Setting,
  insutype: string | null,
  refl: boolean,
): number {
  let r: number;
  if (medType === '11') r = 0.5;
  else if (medType === '13') r = 0.45;
  else if (medType === '14') r = 0.65;
  else r = INPATIENT_FUND_RATIO[setting];
  if (insutype === '310' || insutype === '340') r += 0.08;
  if (refl) r += 0.05;
  return Math.min(0.95, Math.max(0.1, r + rng.range(-0.05, 0.05)));
}

const PAY_OUTPATIENT = new Choice<string>([
  ['1', 60],
  ['6', 35],
  ['9', 5],
]);
const PAY_EMERGENCY = new Choice<string>([
  ['1', 95],
  ['9', 5],
]);
const PAY_CHRONIC = new Choice<string>([
  ['1', 45],
  ['6', 45],
  ['2', 5],
  ['9', 5],
]);
const PAY_TOWNSHIP = new Choice<string>([
  ['1', 55],
  ['2', 15],
  ['5', 25],
  ['9', 5],
]);
const PAY_TOWNSHIP_2020 = new Choice<string>([
  ['1', 50],
  ['2', 15],
  ['5', 20],
  ['3', 10],
  ['9', 5],
]);
const PAY_HOSPITAL_2018 = new Choice<string>([
  ['1', 74],
  ['2', 14],
  ['5', 4],
  ['9', 8],
]);
const PAY_HOSPITAL_2019 = new Choice<string>([
  ['1', 64],
  ['2', 14],
  ['3', 6],
  ['4', 4],
  ['5', 4],
  ['9', 8],
]);
const PAY_HOSPITAL_2020 = new Choice<string>([
  ['1', 38],
  ['2', 10],
  ['3', 20],
  ['4', 22],
  ['5', 4],
  ['9', 6],
]);

/** 医保支付方式: 按项目 mostly, DIP and DRG pilots from 2019, a large share of hospital stays in 2020. */
function paymentMethod(rng: Rng, medType: string, setting: Setting, year: number): string | null {
  const u = rng.next();
  if (u < 0.002) return '';
  if (u < 0.003) return null;
  if (medType === '11') return PAY_OUTPATIENT.pick(rng);
  if (medType === '13') return PAY_EMERGENCY.pick(rng);
  if (medType === '14') return PAY_CHRONIC.pick(rng);
  if (setting === 'TOWNSHIP') return (year >= 2020 ? PAY_TOWNSHIP_2020 : PAY_TOWNSHIP).pick(rng);
  if (year <= 2018) return PAY_HOSPITAL_2018.pick(rng);
  return (year === 2019 ? PAY_HOSPITAL_2019 : PAY_HOSPITAL_2020).pick(rng);
}

/** The demo's `ins` database. */
export const insDemoSource: RegionalDemoSource = {
  id: 'ins',
  kind: 'ins',
  file: 'ins.sqlite',
  tables: insTables,
  *rows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]> {
    const gen = new InsGenerator(region);
    let chunk: DemoRow[] = [];
    for (const year of [...years].sort((a, b) => a - b)) {
      for (const rows of gen.year(year)) {
        for (const row of rows) chunk.push(row);
        if (chunk.length >= CHUNK) {
          yield ['setl_d', chunk];
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) yield ['setl_d', chunk];
  },
};
