/**
 * The cities a larger demo region adds to 安康市: the other cities of 陕西 with their real codes
 * (西安 610100 … 商洛 611000), then synthetic cities of 甘肃 (6250xx …) when more are asked. Their
 * counties are synthetic (`6101` + 21, 22, …, named 某某县), sized like 安康's: population,
 * towns, communities and village clinics in the same proportions. Deterministic: every draw comes
 * from a generator seeded with the city's code.
 */
import type { DemoClass } from './ankang';
import { Rng } from './random';

/** A county-level division as the region builder needs it. */
export interface CountyDef {
  readonly code: string;
  readonly name: string;
  /** 户籍人口, 2018. */
  readonly pop: number;
  readonly urbanShare: number;
  readonly lifeExpectancy: number;
  /** Relative poverty (1 = city average). */
  readonly poverty: number;
  /** Towns (镇) in order of size; the first of every four gets a 中心卫生院. */
  readonly towns: readonly string[];
  /** Former townships that kept their own 乡卫生院. */
  readonly formerTownships: readonly string[];
  readonly generalName: string;
  readonly generalLevel: readonly [string, string];
  readonly tcmName: string;
  readonly mchName: string;
  /** Community health centres (社区卫生服务中心), by place name. */
  readonly communityCenters: readonly string[];
  /** Community health stations (社区卫生服务站), by community name. */
  readonly communityStations: readonly string[];
}

/** An institution before its code and flags are drawn. */
export interface InstitutionDraft {
  name: string;
  category: string;
  cls: DemoClass;
  division: string;
  level: string;
  grade: string;
  ownership: string;
  beds: number;
  openedOn: string;
  closedOn?: string;
  dailyVisits: number;
}

/** A city of the region: its counties, its city-level hospitals and how many village clinics it has. */
export interface CityDef {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly provinceName: string;
  /** Prefix of the seeds of its generators (`ankang` for 安康, as it always was). */
  readonly seed: string;
  /** The county-level division where the city-level hospitals stand (汉滨区 for 安康). */
  readonly seat: string;
  readonly counties: readonly CountyDef[];
  /** Village clinics of the whole city, spread over its counties by rural population. */
  readonly villageClinics: number;
  /** The city-level hospitals, in the order 中心医院, 中医医院, 人民医院, 妇幼保健院, private rehab, nursing. */
  hospitals(): InstitutionDraft[];
}

/** The other cities of 陕西, in the order a larger region adds them. */
export const SHAANXI_CITIES: ReadonlyArray<readonly [string, string]> = [
  ['610100', '西安市'],
  ['610200', '铜川市'],
  ['610300', '宝鸡市'],
  ['610400', '咸阳市'],
  ['610500', '渭南市'],
  ['610600', '延安市'],
  ['610700', '汉中市'],
  ['610800', '榆林市'],
  ['611000', '商洛市'],
];

/** Synthetic cities beyond 陕西 stand in 甘肃 with made-up codes 625000, 625100, …. */
const OTHER_PROVINCE = { code: '620000', name: '甘肃省' } as const;
const SYNTHETIC_CITIES = 50;

/** At most this many cities: 安康, the other nine of 陕西, and the synthetic ones. */
export const MAX_CITIES = 1 + SHAANXI_CITIES.length + SYNTHETIC_CITIES;
/** At most this many counties per added city (codes xxxx21 … xxxx99). */
export const MAX_COUNTIES_PER_CITY = 79;

const FIRST = [...'永安宁平清长兴富德泰华新元丰庆昌明武文凤龙云定嘉乐和广靖顺怀延宜洛渭泾岐麟彬扶乾'];
const SECOND = [...'川山阳水林原城乐远丰源谷台泉河江关岭塬峪陵西东南北化定坪'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A two-character name (plus suffix) not yet in `used`; falls back to a numbered one. */
function uniqueName(rng: Rng, used: Set<string>, suffix: string): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = `${rng.pick(FIRST)}${rng.pick(SECOND)}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let n = 1; ; n++) {
    const name = `${rng.pick(FIRST)}${n}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function names(rng: Rng, count: number, suffix: string, first?: string): string[] {
  const used = new Set<string>();
  const list: string[] = [];
  if (first && count > 0) {
    used.add(first);
    list.push(first);
  }
  while (list.length < count) list.push(uniqueName(rng, used, suffix));
  return list;
}

function dateBetween(rng: Rng, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}${pad2(rng.int(1, 12))}${pad2(rng.int(1, 28))}`;
}

/** Code of the k-th added city (k = 0 is 西安). */
export function addedCityCode(k: number): string {
  return k < SHAANXI_CITIES.length ? SHAANXI_CITIES[k][0] : `62${50 + k - SHAANXI_CITIES.length}00`;
}

/** Code, name and province of the k-th added city (k = 0 is 西安). */
function cityIdentity(
  k: number,
  usedCityNames: Set<string>,
): { code: string; name: string; provinceCode: string; provinceName: string } {
  if (k < SHAANXI_CITIES.length) {
    const [code, name] = SHAANXI_CITIES[k];
    return { code, name, provinceCode: '610000', provinceName: '陕西省' };
  }
  const code = addedCityCode(k);
  const name = uniqueName(new Rng(`city-name:${code}`), usedCityNames, '市');
  return { code, name, provinceCode: OTHER_PROVINCE.code, provinceName: OTHER_PROVINCE.name };
}

/** How many of `count` remain at institution scale `scale` (at least `min`). */
export function scaledCount(count: number, scale: number, min: number): number {
  return scale === 1 ? count : Math.max(min, Math.round(count * scale));
}

function syntheticCounties(
  cityCode: string,
  count: number,
  institutionScale: number,
  usedCountyNames: Set<string>,
): CountyDef[] {
  const rng = new Rng(`counties:${cityCode}`);
  const counties: CountyDef[] = [];
  for (let j = 0; j < count; j++) {
    const seat = j === 0;
    const name = uniqueName(rng, usedCountyNames, '县');
    const pop = seat
      ? Math.round(rng.range(650_000, 1_000_000))
      : Math.round(Math.min(800_000, Math.max(60_000, 260_000 * Math.exp(0.45 * rng.normal()))));
    const towns = Math.min(28, Math.max(5, Math.round((pop / 26_000) * rng.range(0.8, 1.2))));
    const former = rng.int(1, 4) + (seat ? 3 : 0);
    const centers = seat ? rng.int(3, 6) : 1;
    const stations = seat ? rng.int(6, 14) : rng.int(0, 3);
    const level: readonly [string, string] =
      pop > 500_000 && !seat ? ['3', '2'] : pop > 120_000 ? ['2', '1'] : ['2', '2'];
    counties.push({
      code: `${cityCode.slice(0, 4)}${pad2(21 + j)}`,
      name,
      pop,
      urbanShare: seat ? rng.range(0.4, 0.55) : rng.range(0.22, 0.36),
      lifeExpectancy: Math.round(rng.range(75.4, 77.2) * 10) / 10,
      poverty: rng.range(0.7, 1.4),
      towns: names(rng, scaledCount(towns, institutionScale, 1), '镇', '城关镇'),
      formerTownships: names(rng, scaledCount(former, institutionScale, 0), '乡'),
      generalName: `${name}人民医院`,
      generalLevel: level,
      tcmName: `${name}中医医院`,
      mchName: `${name}妇幼保健院`,
      communityCenters: names(rng, scaledCount(centers, institutionScale, 1), '街道', '城关'),
      communityStations: names(rng, scaledCount(stations, institutionScale, 0), ''),
    });
  }
  return counties;
}

const PRIVATE_NAMES = ['仁和', '福康', '康宁', '颐和', '安泰', '瑞康', '康华', '同济'];

function cityHospitals(code: string, name: string, seat: string): InstitutionDraft[] {
  const rng = new Rng(`city-hospitals:${code}`);
  const short = name.replace(/市$/, '');
  const beds = (from: number, to: number): number => Math.round(rng.range(from, to) / 10) * 10;
  const central = beds(1200, 2400);
  const tcm = beds(700, 1300);
  const people = beds(500, 1000);
  const mch = beds(200, 400);
  const rehab = beds(50, 120);
  const nursing = beds(40, 100);
  const [rehabName, nursingName] = [rng.pick(PRIVATE_NAMES), rng.pick(PRIVATE_NAMES)];
  const hospital = (
    n: string,
    category: string,
    cls: DemoClass,
    level: string,
    grade: string,
    bedCount: number,
    openedOn: string,
    dailyVisits: number,
  ): InstitutionDraft => ({
    name: n,
    category,
    cls,
    division: seat,
    level,
    grade,
    ownership: cls.startsWith('PRIVATE') ? '3' : '1',
    beds: bedCount,
    openedOn,
    dailyVisits,
  });
  return [
    hospital(
      `${name}中心医院`,
      'A100',
      'CITY_GENERAL',
      '3',
      '1',
      central,
      dateBetween(rng, 1945, 1960),
      (125 * central) / 1800,
    ),
    hospital(
      `${name}中医医院`,
      'A210',
      'CITY_TCM',
      '3',
      '1',
      tcm,
      dateBetween(rng, 1955, 1970),
      (80 * tcm) / 1100,
    ),
    hospital(
      `${name}人民医院`,
      'A100',
      'CITY_GENERAL',
      '3',
      '2',
      people,
      dateBetween(rng, 1950, 1975),
      (68 * people) / 700,
    ),
    hospital(
      `${name}妇幼保健院`,
      'G100',
      'CITY_MCH',
      '3',
      '2',
      mch,
      dateBetween(rng, 1970, 1985),
      (38 * mch) / 260,
    ),
    hospital(
      `${short}${rehabName}康复医院`,
      'A527',
      'PRIVATE_REHAB',
      '1',
      '9',
      rehab,
      dateBetween(rng, 2012, 2017),
      (8 * rehab) / 80,
    ),
    hospital(
      `${short}${nursingName}护理院`,
      'A710',
      'PRIVATE_NURSING',
      '9',
      '9',
      nursing,
      dateBetween(rng, 2014, 2017),
      (3 * nursing) / 60,
    ),
  ];
}

/**
 * The cities added after 安康 (`count` of them), each with `countiesPerCity` synthetic counties.
 * `villagesPerRural` is 安康's density of village clinics per rural resident; `usedCountyNames`
 * holds the names already taken (安康's), so that every county name of the region is unique.
 */
export function addedCities(
  count: number,
  countiesPerCity: number,
  institutionScale: number,
  villagesPerRural: number,
  usedCountyNames: ReadonlySet<string>,
): CityDef[] {
  const usedCounties = new Set(usedCountyNames);
  const usedCities = new Set<string>(['安康市', ...SHAANXI_CITIES.map(([, n]) => n)]);
  const cities: CityDef[] = [];
  for (let k = 0; k < count; k++) {
    const id = cityIdentity(k, usedCities);
    const counties = syntheticCounties(id.code, countiesPerCity, institutionScale, usedCounties);
    const rural = counties.reduce((s, c) => s + c.pop * (1 - c.urbanShare), 0);
    const seat = counties[0].code;
    cities.push({
      ...id,
      seed: `city:${id.code}`,
      seat,
      counties,
      villageClinics: villagesPerRural * rural * institutionScale,
      hospitals: () => cityHospitals(id.code, id.name, seat),
    });
  }
  return cities;
}
