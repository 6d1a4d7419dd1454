/**
 * The demo region as data: 安康市 (610900), its ten county-level divisions, their hospitals and
 * primary-care institutions, and the medical alliances of the 2017 plan (安政办发〔2017〕118号).
 * Hospitals and alliances are the real ones named in the plan; town names are real or realistic,
 * villages are invented. A larger region (`RegionShape`) adds further cities (cities.ts), built by
 * the same generators with seeds of their own, each with its city hospitals, counties, a 城市医疗集团
 * and a 县域医共体 per county. Everything is deterministic: built from fixed seeds.
 */
import { addedCities, addedCityCode, MAX_CITIES, MAX_COUNTIES_PER_CITY, scaledCount } from './cities';
import type { CityDef, CountyDef, InstitutionDraft } from './cities';
import { Rng } from './random';

/**
 * A HIS database of the demo: `his-a-city`, `his-b-county` and `his-a-primary` for 安康;
 * `his-<a|b>-<city code>-<n>` for the added cities.
 */
export type DemoSourceId = string;

/** Vendor A with CHAR(14) or CHAR(19) `GHSJ`, or vendor B. */
export type DemoHisVendor = 'A14' | 'A19' | 'B';

/** One HIS database of the region and the city whose institutions it holds. */
export interface DemoHisSource {
  readonly id: DemoSourceId;
  readonly vendor: DemoHisVendor;
  readonly city: string;
}

/** How large a region to build. */
export interface RegionShape {
  /** Cities: 1 = 安康 alone; more adds the other cities of 陕西, then synthetic ones. */
  readonly cities: number;
  /** Counties of every added city (安康 keeps its ten real ones). */
  readonly countiesPerCity: number;
  /** Multiplier on the primary-care institutions of every county (townships, communities, villages). */
  readonly institutionScale: number;
  /** HIS databases of every added city (安康 keeps its three), alternating vendors A and B. */
  readonly hisSourcesPerCity: number;
}

/** 安康 alone, as it always was. */
export const DEFAULT_REGION_SHAPE: RegionShape = {
  cities: 1,
  countiesPerCity: 10,
  institutionScale: 1,
  hisSourcesPerCity: 3,
};

/** Institution classes, which decide visit volumes and habits. */
export type DemoClass =
  | 'CITY_GENERAL'
  | 'CITY_TCM'
  | 'CITY_MCH'
  | 'PRIVATE_REHAB'
  | 'PRIVATE_NURSING'
  | 'COUNTY_GENERAL'
  | 'COUNTY_TCM'
  | 'COUNTY_MCH'
  | 'TOWNSHIP_CENTRAL'
  | 'TOWNSHIP'
  | 'COMMUNITY_CENTER'
  | 'COMMUNITY_STATION'
  | 'VILLAGE_CLINIC';

/** A registry row: column name → value. */
export type DemoRow = Record<string, string | number | null>;

/** One institution of the demo: its registry row plus what the visit generator needs. */
export interface DemoInstitution {
  readonly orgCode: string;
  readonly name: string;
  /** As stored in the registry: old rows may carry the letter O for zero (`B1OO`). */
  readonly categoryCode: string;
  readonly level: string;
  readonly grade: string;
  readonly ownership: string;
  readonly division: string;
  readonly beds: number;
  readonly tcmService: string | null;
  readonly meetsStandard: string | null;
  readonly gradingSystem: string | null;
  readonly mutualRecognition: string | null;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly cls: DemoClass;
  /** Code of its city (地市). */
  readonly city: string;
  /** The HIS database holding its visits. */
  readonly source: DemoSourceId;
  /** Average visits on a working day at visit scale 1, before season and trend. */
  readonly dailyVisits: number;
}

/** Everything the registry database holds, plus the institution list for the HIS generator. */
export interface DemoRegion {
  readonly divisions: readonly DemoRow[];
  readonly divisionStats: readonly DemoRow[];
  readonly institutions: readonly DemoInstitution[];
  readonly insOrgMap: readonly DemoRow[];
  readonly alliances: readonly DemoRow[];
  readonly allianceMembers: readonly DemoRow[];
  readonly allianceMechanisms: readonly DemoRow[];
  readonly sharedCenters: readonly DemoRow[];
  readonly supportActivities: readonly DemoRow[];
  readonly policyDocuments: readonly DemoRow[];
  /** The cities, 安康 first. */
  readonly cities: readonly DemoCity[];
  /** The HIS databases, 安康's three first. */
  readonly hisSources: readonly DemoHisSource[];
}

/** A city of the region with its city-level hospitals. */
export interface DemoCity {
  readonly code: string;
  readonly name: string;
  /** The county-level division where the city-level hospitals stand (汉滨区 for 安康). */
  readonly seat: string;
  /** Its county-level divisions. */
  readonly counties: readonly string[];
  /** 中心医院 (安康市中心医院), 人民医院, 中医医院 and 妇幼保健院 of the city. */
  readonly central: DemoInstitution;
  readonly people: DemoInstitution;
  readonly tcm: DemoInstitution;
  readonly mch: DemoInstitution;
}

/** Province and city codes of the demo region. */
export const PROVINCE_CODE = '610000';
/** 安康市. */
export const CITY_CODE = '610900';
/** 汉滨区, where the city-level hospitals stand. */
export const HANBIN_CODE = '610902';

const COUNTIES: readonly CountyDef[] = [
  {
    code: '610902',
    name: '汉滨区',
    pop: 1_012_400,
    urbanShare: 0.44,
    lifeExpectancy: 76.9,
    poverty: 0.75,
    towns: words(
      '五里镇 恒口镇 关庙镇 大同镇 张滩镇 瀛湖镇 流水镇 大竹园镇 洪山镇 茨沟镇 大河镇 沈坝镇 双龙镇 叶坪镇 中原镇 早阳镇 石梯镇 关家镇 县河镇 晏坝镇 谭坝镇 坝河镇 牛蹄镇 紫荆镇 吉河镇',
    ),
    formerTownships: words('田坝乡 河坝乡 共进乡 迎风乡 南溪乡 新坝乡 文武乡 铁佛乡'),
    generalName: '安康市汉滨区第一医院',
    generalLevel: ['2', '1'],
    tcmName: '安康市汉滨区中医医院',
    mchName: '安康市汉滨区妇幼保健院',
    communityCenters: words('老城街道 新城街道 江北街道 建民街道 张岭 西坡'),
    communityStations: words('育英 南环 东坝 香溪 兴安 金州 南苑 大桥 东关 西关 北门 巴山 花园 白庙'),
  },
  {
    code: '610921',
    name: '汉阴县',
    pop: 311_600,
    urbanShare: 0.31,
    lifeExpectancy: 76.4,
    poverty: 1.0,
    towns: words('城关镇 涧池镇 蒲溪镇 平梁镇 双乳镇 铁佛寺镇 漩涡镇 汉阳镇 双河口镇 观音河镇'),
    formerTownships: words('上七乡 酒店乡 龙垭乡'),
    generalName: '汉阴县人民医院',
    generalLevel: ['2', '1'],
    tcmName: '汉阴县中医医院',
    mchName: '汉阴县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: words('凤台 月河'),
  },
  {
    code: '610922',
    name: '石泉县',
    pop: 182_300,
    urbanShare: 0.33,
    lifeExpectancy: 76.2,
    poverty: 1.0,
    towns: words('城关镇 池河镇 后柳镇 饶峰镇 两河镇 迎丰镇 喜河镇 熨斗镇 云雾山镇 中池镇 曾溪镇'),
    formerTownships: words('兴坪乡 新华乡'),
    generalName: '石泉县人民医院',
    generalLevel: ['2', '1'],
    tcmName: '石泉县中医医院',
    mchName: '石泉县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: words('古堰'),
  },
  {
    code: '610923',
    name: '宁陕县',
    pop: 74_100,
    urbanShare: 0.29,
    lifeExpectancy: 75.8,
    poverty: 1.1,
    towns: words('城关镇 江口回族镇 四亩地镇 广货街镇 龙王镇 筒车湾镇 金川镇 皇冠镇 太山庙镇 梅子镇 新场镇'),
    formerTownships: words('丰富乡'),
    generalName: '宁陕县医院',
    generalLevel: ['2', '2'],
    tcmName: '宁陕县中医医院',
    mchName: '宁陕县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: words('关口'),
  },
  {
    code: '610924',
    name: '紫阳县',
    pop: 345_200,
    urbanShare: 0.24,
    lifeExpectancy: 75.9,
    poverty: 1.35,
    towns: words(
      '城关镇 蒿坪镇 汉王镇 焕古镇 向阳镇 洞河镇 洄水镇 双桥镇 高桥镇 红椿镇 高滩镇 毛坝镇 瓦庙镇 麻柳镇 双安镇 东木镇 界岭镇',
    ),
    formerTownships: words('斑桃乡 权河乡 广城乡 绕溪乡'),
    generalName: '紫阳县人民医院',
    generalLevel: ['2', '1'],
    tcmName: '紫阳县中医医院',
    mchName: '紫阳县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: words('仁和 新桃'),
  },
  {
    code: '610925',
    name: '岚皋县',
    pop: 170_400,
    urbanShare: 0.27,
    lifeExpectancy: 76.0,
    poverty: 1.2,
    towns: words('城关镇 佐龙镇 滔河镇 官元镇 石门镇 民主镇 大道河镇 蔺河镇 四季镇 孟石岭镇 南宫山镇 堰门镇'),
    formerTownships: words('花里乡 横溪乡'),
    generalName: '岚皋县人民医院',
    generalLevel: ['2', '1'],
    tcmName: '岚皋县中医医院',
    mchName: '岚皋县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: words('六口'),
  },
  {
    code: '610926',
    name: '平利县',
    pop: 232_500,
    urbanShare: 0.3,
    lifeExpectancy: 76.3,
    poverty: 1.1,
    towns: words('城关镇 兴隆镇 老县镇 大贵镇 三阳镇 洛河镇 广佛镇 八仙镇 长安镇 西河镇 正阳镇'),
    formerTownships: words('女娲山乡 秋河乡'),
    generalName: '平利县人民医院',
    generalLevel: ['2', '1'],
    tcmName: '平利县中医医院',
    mchName: '平利县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: words('药妇沟 龙头'),
  },
  {
    code: '610927',
    name: '镇坪县',
    pop: 60_300,
    urbanShare: 0.28,
    lifeExpectancy: 75.6,
    poverty: 1.15,
    towns: words('城关镇 曾家镇 牛头店镇 钟宝镇 上竹镇 华坪镇 曙坪镇'),
    formerTownships: words('洪石乡'),
    generalName: '镇坪县医院',
    generalLevel: ['2', '2'],
    tcmName: '镇坪县中医医院',
    mchName: '镇坪县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: [],
  },
  {
    code: '610929',
    name: '白河县',
    pop: 208_700,
    urbanShare: 0.26,
    lifeExpectancy: 75.7,
    poverty: 1.3,
    towns: words('城关镇 中厂镇 构朳镇 卡子镇 茅坪镇 宋家镇 西营镇 仓上镇 冷水镇 双丰镇 麻虎镇'),
    formerTownships: words('小双乡 狮子山乡'),
    generalName: '白河县医院',
    generalLevel: ['2', '1'],
    tcmName: '白河县中医医院',
    mchName: '白河县妇幼保健院',
    communityCenters: words('城关'),
    communityStations: words('东城 西城'),
  },
  {
    code: '610981',
    name: '旬阳市',
    pop: 455_800,
    urbanShare: 0.29,
    lifeExpectancy: 76.5,
    poverty: 1.05,
    towns: words(
      '城关镇 吕河镇 蜀河镇 棕溪镇 关口镇 双河镇 小河镇 赵湾镇 麻坪镇 甘溪镇 白柳镇 神河镇 赤岩镇 铜钱关镇 段家河镇 金寨镇 桐木镇 构元镇 石门镇 红军镇 仙河镇',
    ),
    formerTownships: words('仁河口乡 庙坪乡 公馆乡 西岔河乡 大河南乡 潘家乡'),
    generalName: '旬阳市人民医院',
    generalLevel: ['3', '2'],
    tcmName: '旬阳市中医医院',
    mchName: '旬阳市妇幼保健院',
    communityCenters: words('城关 祝尔康 吕河'),
    communityStations: words('太极城 东门 西门 小河北 水泥厂'),
  },
];

/** A list written as space-separated words. */
function words(text: string): readonly string[] {
  return text.split(' ');
}

/** Total village clinics (村卫生室) of the region, spread by rural population. */
const VILLAGE_CLINICS = 1900;

const VILLAGE_FIRST = words(
  '东 西 南 北 新 龙 凤 金 石 双 清 红 黄 青 白 桃 柳 松 杨 马 高 长 大 小 中 上 下 安 和 平 兴 永 太 五 七 花 梨 竹 茶 枣',
);
const VILLAGE_SECOND = words('河 沟 坪 湾 岭 坝 庄 园 山 溪 垭 关 岩 院 口 寨 梁 营 塘 林 峰 庙 堡 台');

/** The character set of the 统一社会信用代码 (GB 32100-2015): no I, O, S, V, Z. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CREDIT_ALPHABET.charAt(c === 31 ? 0 : c);
}

class OrgCodes {
  private readonly used = new Set<string>();

  /** `12`/`52` + division + 8 digits + 1 character + check: deterministic from the name. */
  make(name: string, division: string, privateOwner: boolean): string {
    for (let attempt = 0; ; attempt++) {
      const rng = new Rng(`org:${name}:${attempt}`);
      let serial = '';
      for (let i = 0; i < 8; i++) serial += String(rng.int(0, 9));
      serial += rng.pick([...CREDIT_ALPHABET]);
      const first17 = `${privateOwner ? '52' : '12'}${division}${serial}`;
      const code = first17 + creditCheckChar(first17);
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }
}

/** 安康's three HIS databases: city hospitals, county hospitals, primary care. */
function ankangSourceOf(cls: DemoClass): DemoSourceId {
  switch (cls) {
    case 'CITY_GENERAL':
    case 'CITY_TCM':
    case 'CITY_MCH':
    case 'PRIVATE_REHAB':
    case 'PRIVATE_NURSING':
      return 'his-a-city';
    case 'COUNTY_GENERAL':
    case 'COUNTY_TCM':
    case 'COUNTY_MCH':
      return 'his-b-county';
    default:
      return 'his-a-primary';
  }
}

function flag(rng: Rng, p: number): string {
  return rng.chance(p) ? '1' : '0';
}

function dateBetween(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}${m < 10 ? '0' : ''}${m}${d < 10 ? '0' : ''}${d}`;
}

/** 户籍人口 of a county in a year (small deterministic drift from 2018). */
function countyPop(county: CountyDef, year: number): number {
  const drift = new Rng(`popdrift:${county.code}`).range(-0.004, 0.003);
  return Math.round(county.pop * Math.pow(1 + drift, year - 2018));
}

/** 安康's city-level hospitals (市级), all in 汉滨区. */
function ankangHospitals(): InstitutionDraft[] {
  return [
    {
      name: '安康市中心医院',
      category: 'A100',
      cls: 'CITY_GENERAL',
      division: HANBIN_CODE,
      level: '3',
      grade: '1',
      ownership: '1',
      beds: 1800,
      openedOn: '19510301',
      dailyVisits: 125,
    },
    {
      name: '安康市中医医院',
      category: 'A210',
      cls: 'CITY_TCM',
      division: HANBIN_CODE,
      level: '3',
      grade: '1',
      ownership: '1',
      beds: 1100,
      openedOn: '19580701',
      dailyVisits: 80,
    },
    {
      name: '安康市人民医院',
      category: 'A100',
      cls: 'CITY_GENERAL',
      division: HANBIN_CODE,
      level: '3',
      grade: '2',
      ownership: '1',
      beds: 700,
      openedOn: '19650901',
      dailyVisits: 68,
    },
    {
      name: '安康市妇幼保健院',
      category: 'G100',
      cls: 'CITY_MCH',
      division: HANBIN_CODE,
      level: '3',
      grade: '2',
      ownership: '1',
      beds: 260,
      openedOn: '19780501',
      dailyVisits: 38,
    },
    {
      name: '安康仁和康复医院',
      category: 'A527',
      cls: 'PRIVATE_REHAB',
      division: HANBIN_CODE,
      level: '1',
      grade: '9',
      ownership: '3',
      beds: 80,
      openedOn: '20150910',
      dailyVisits: 8,
    },
    {
      name: '安康福康护理院',
      category: 'A710',
      cls: 'PRIVATE_NURSING',
      division: HANBIN_CODE,
      level: '9',
      grade: '9',
      ownership: '3',
      beds: 60,
      openedOn: '20170518',
      dailyVisits: 3,
    },
  ];
}

/** Rural population of a county. */
function ruralPop(county: CountyDef): number {
  return county.pop * (1 - county.urbanShare);
}

/** 安康's village clinics per rural resident: the density every added city gets too. */
const VILLAGES_PER_RURAL = VILLAGE_CLINICS / COUNTIES.reduce((s, c) => s + ruralPop(c), 0);

/** 安康 as a city of the region; at an institution scale other than 1 its lists are cut short. */
function ankangCity(institutionScale: number): CityDef {
  const cut = (list: readonly string[], min: number): readonly string[] =>
    list.slice(0, Math.min(list.length, scaledCount(list.length, institutionScale, min)));
  return {
    code: CITY_CODE,
    name: '安康市',
    provinceCode: PROVINCE_CODE,
    provinceName: '陕西省',
    seed: 'ankang',
    seat: HANBIN_CODE,
    counties:
      institutionScale === 1
        ? COUNTIES
        : COUNTIES.map((c) => ({
            ...c,
            towns: cut(c.towns, 1),
            formerTownships: cut(c.formerTownships, 0),
            communityCenters: cut(c.communityCenters, 1),
            communityStations: cut(c.communityStations, 0),
          })),
    villageClinics: VILLAGE_CLINICS * institutionScale,
    hospitals: ankangHospitals,
  };
}

/** The institutions of one city, in registry order: city hospitals, then county by county, then villages. */
function buildInstitutions(
  city: CityDef,
  codes: OrgCodes,
  sourceFor: (d: InstitutionDraft) => DemoSourceId,
): DemoInstitution[] {
  const rng = new Rng(`${city.seed}:institutions`);
  const noise = (spread: number): number => Math.exp(spread * rng.normal());
  const drafts: InstitutionDraft[] = city.hospitals();

  for (const county of city.counties) {
    const k = county.pop / 1000;
    const seat = county.code === city.seat;
    drafts.push(
      {
        name: county.generalName,
        category: 'A100',
        cls: 'COUNTY_GENERAL',
        division: county.code,
        level: county.generalLevel[0],
        grade: county.generalLevel[1],
        ownership: '1',
        beds: Math.round(Math.min(800, 150 + k * 1.1) / 10) * 10,
        openedOn: dateBetween(rng, 1949, 1958),
        dailyVisits: Math.min(45, 8 + 0.065 * k),
      },
      {
        name: county.tcmName,
        category: 'A210',
        cls: 'COUNTY_TCM',
        division: county.code,
        level: '2',
        grade: k > 150 ? '1' : '2',
        ownership: '1',
        beds: Math.round(Math.min(400, 80 + k * 0.5) / 10) * 10,
        openedOn: dateBetween(rng, 1978, 1990),
        dailyVisits: Math.min(20, 4 + 0.025 * k),
      },
      {
        name: county.mchName,
        category: 'G100',
        cls: 'COUNTY_MCH',
        division: county.code,
        level: k > 100 ? '2' : '1',
        grade: k > 300 ? '1' : k > 100 ? '2' : '9',
        ownership: '1',
        beds: Math.round(Math.min(150, 20 + k * 0.2) / 5) * 5,
        openedOn: dateBetween(rng, 1980, 1995),
        dailyVisits: Math.min(10, 2 + 0.012 * k),
      },
    );

    // Township health centres (乡镇卫生院).
    county.towns.forEach((town, i) => {
      const central = i % 4 === 0;
      drafts.push({
        name: `${county.name}${town}${central ? '中心卫生院' : '卫生院'}`,
        category: central ? 'C210' : 'C220',
        cls: central ? 'TOWNSHIP_CENTRAL' : 'TOWNSHIP',
        division: county.code,
        level: central ? (rng.chance(0.6) ? '1' : '9') : rng.chance(0.2) ? '1' : '9',
        grade: '9',
        ownership: '1',
        beds: central ? rng.int(30, 80) : rng.int(10, 40),
        openedOn: dateBetween(rng, 1952, 1980),
        dailyVisits: (central ? 4.5 : 2.4) * noise(0.3),
      });
    });
    for (const township of county.formerTownships) {
      drafts.push({
        name: `${county.name}${township}卫生院`,
        category: 'C220',
        cls: 'TOWNSHIP',
        division: county.code,
        level: '9',
        grade: '9',
        ownership: '1',
        beds: rng.int(6, 20),
        openedOn: dateBetween(rng, 1956, 1985),
        dailyVisits: 1.6 * noise(0.3),
      });
    }

    // Community health centres and stations (社区卫生服务中心/站).
    for (const place of county.communityCenters) {
      drafts.push({
        name: `${county.name}${place}社区卫生服务中心`,
        category: 'B100',
        cls: 'COMMUNITY_CENTER',
        division: county.code,
        level: rng.chance(0.5) ? '1' : '9',
        grade: '9',
        ownership: '1',
        beds: rng.chance(0.4) ? 0 : rng.int(10, 30),
        openedOn: dateBetween(rng, 2007, 2015),
        dailyVisits: (seat ? 7 : 6) * noise(0.25),
      });
    }
    if (county.code === HANBIN_CODE) {
      drafts.push({
        name: '安康高新技术产业开发区社区卫生服务中心',
        category: 'B100',
        cls: 'COMMUNITY_CENTER',
        division: county.code,
        level: '9',
        grade: '9',
        ownership: '1',
        beds: 20,
        openedOn: '20190401',
        dailyVisits: 6,
      });
    }
    for (const community of county.communityStations) {
      drafts.push({
        name: `${county.name}${community}社区卫生服务站`,
        category: 'B200',
        cls: 'COMMUNITY_STATION',
        division: county.code,
        level: '9',
        grade: '9',
        ownership: rng.chance(0.8) ? '1' : '3',
        beds: 0,
        openedOn: dateBetween(rng, 2009, 2017),
        dailyVisits: 2.3 * noise(0.3),
      });
    }
  }

  // Village clinics (村卫生室), spread over counties by rural population and over their towns.
  const rural = city.counties.map((c) => c.pop * (1 - c.urbanShare));
  const ruralTotal = rural.reduce((a, b) => a + b, 0);
  city.counties.forEach((county, ci) => {
    const count = Math.round((city.villageClinics * rural[ci]) / ruralTotal);
    const towns: Array<readonly [string, number]> = [
      ...county.towns.map((t) => [t, rng.range(0.7, 1.4)] as const),
      ...county.formerTownships.map((t) => [t, rng.range(0.3, 0.6)] as const),
    ];
    const taken = new Set<string>();
    for (let v = 0; v < count; v++) {
      const town = rng.weighted(towns);
      let village = '';
      let attempts = 0;
      do {
        village = `${rng.pick(VILLAGE_FIRST)}${rng.pick(VILLAGE_SECOND)}村`;
        // A town with nearly every name taken (institution scale far above 1): number the village.
        if (++attempts > 10_000) village = `${village.slice(0, -1)}${attempts}村`;
      } while (taken.has(town + village));
      taken.add(town + village);
      drafts.push({
        name: `${county.name}${town}${village}卫生室`,
        category: 'D600',
        cls: 'VILLAGE_CLINIC',
        division: county.code,
        level: '9',
        grade: '9',
        ownership: rng.chance(0.85) ? '2' : '3',
        beds: 0,
        openedOn: dateBetween(rng, 1970, 2016),
        dailyVisits: 0.13 * noise(0.35),
      });
    }
  });

  // Two institutions closed in mid-2019 (merged, 注销): visits only before.
  for (const d of drafts) {
    if (d.name === '汉滨区文武乡卫生院') d.closedOn = '20190630';
    if (d.name === '汉滨区白庙社区卫生服务站') d.closedOn = '20190731';
  }

  const flags = new Rng(`${city.seed}:flags`);
  const institutions = drafts.map((d): DemoInstitution => {
    const primary = /^[BCD]/.test(d.category);
    const hospital = !primary;
    const shares: Record<DemoClass, readonly [number, number, number, number]> = {
      // tcm_service, meets_standard, grading_system, mutual_recognition
      CITY_GENERAL: [1, 0, 1, 1],
      CITY_TCM: [1, 0, 1, 1],
      CITY_MCH: [1, 0, 1, 1],
      PRIVATE_REHAB: [1, 0, 0.5, 0.5],
      PRIVATE_NURSING: [0.5, 0, 0, 0],
      COUNTY_GENERAL: [1, 0, 0.9, 0.85],
      COUNTY_TCM: [1, 0, 0.8, 0.7],
      COUNTY_MCH: [0.6, 0, 0.6, 0.5],
      TOWNSHIP_CENTRAL: [0.98, 0.85, 0.75, 0.5],
      TOWNSHIP: [0.92, 0.7, 0.55, 0.3],
      COMMUNITY_CENTER: [0.9, 0.85, 0.7, 0.45],
      COMMUNITY_STATION: [0.6, 0.7, 0.35, 0.1],
      VILLAGE_CLINIC: [0.7, 0.65, 0.3, 0.05],
    };
    const [tcm, standard, grading, mutual] = shares[d.cls];
    return {
      orgCode: codes.make(d.name, d.division, d.ownership === '3'),
      name: d.name,
      categoryCode: d.category,
      level: d.level,
      grade: d.grade,
      ownership: d.ownership,
      division: d.division,
      beds: d.beds,
      tcmService: flag(flags, tcm),
      meetsStandard: hospital ? null : flag(flags, standard),
      gradingSystem: flag(flags, grading),
      mutualRecognition: flag(flags, mutual),
      openedOn: d.openedOn,
      closedOn: d.closedOn ?? null,
      cls: d.cls,
      city: city.code,
      source: sourceFor(d),
      dailyVisits: d.dailyVisits,
    };
  });
  return withQuirks(institutions, city.seed, city.code === CITY_CODE ? ANKANG_O_FOR_ZERO : new Set());
}

/** 安康's institutions whose category code is written with the letter O for zero. */
const ANKANG_O_FOR_ZERO: ReadonlySet<string> = new Set([
  '汉滨区老城街道社区卫生服务中心',
  '白河县城关社区卫生服务中心',
  '紫阳县蒿坪镇卫生院',
  '紫阳县城关镇中心卫生院',
  '镇坪县妇幼保健院',
]);

/** Old rows with the letter O for zero, and a few empty-string and NULL flags. */
function withQuirks(list: DemoInstitution[], seed: string, oForZero: ReadonlySet<string>): DemoInstitution[] {
  const rng = new Rng(`${seed}:quirks`);
  let villageO = 0;
  return list.map((inst) => {
    let out: DemoInstitution = inst;
    if (oForZero.has(inst.name) || (inst.cls === 'VILLAGE_CLINIC' && villageO < 3 && rng.chance(0.004))) {
      if (inst.cls === 'VILLAGE_CLINIC') villageO++;
      out = {
        ...out,
        categoryCode: inst.categoryCode.charAt(0) + inst.categoryCode.slice(1).replace(/0/g, 'O'),
      };
    }
    if (inst.cls === 'VILLAGE_CLINIC' || inst.cls === 'COMMUNITY_STATION' || inst.cls === 'TOWNSHIP') {
      const u = rng.next();
      if (u < 0.004) out = { ...out, tcmService: '' };
      else if (u < 0.007) out = { ...out, tcmService: null };
      else if (u < 0.011) out = { ...out, meetsStandard: '' };
      else if (u < 0.014) out = { ...out, gradingSystem: null };
      else if (u < 0.017) out = { ...out, mutualRecognition: '' };
    }
    return out;
  });
}

function divisionRows(cities: readonly CityDef[]): DemoRow[] {
  const rows: DemoRow[] = [];
  const provinces = new Set<string>();
  for (const city of cities) {
    if (!provinces.has(city.provinceCode)) {
      provinces.add(city.provinceCode);
      rows.push({ code: city.provinceCode, name: city.provinceName, level: 1, parent_code: null });
    }
    rows.push({ code: city.code, name: city.name, level: 2, parent_code: city.provinceCode });
    for (const c of city.counties)
      rows.push({ code: c.code, name: c.name, level: 3, parent_code: city.code });
  }
  return rows;
}

const STAT_SUMMED = [
  'household_pop',
  'household_urban_pop',
  'resident_pop',
  'poor_pop',
  'registered_poor_pop',
  'key_group_pop',
  'live_births',
  'infant_deaths',
  'maternal_deaths',
] as const;

/** The statistics row of a county in a year. */
function countyStatRow(county: CountyDef, year: number): DemoRow {
  const t = year - 2018;
  const rng = new Rng(`stat:${county.code}:${year}`);
  const pop = countyPop(county, year);
  const poorShare = Math.max(0.004, 0.055 - 0.022 * t) * county.poverty * rng.range(0.9, 1.1);
  const poor = Math.round(pop * poorShare);
  const births = Math.round(pop * (year >= 2020 ? 0.0099 : 0.0113) * rng.range(0.92, 1.08));
  return {
    code: county.code,
    year,
    household_pop: pop,
    household_urban_pop: Math.round(pop * Math.min(0.6, county.urbanShare + 0.012 * t)),
    resident_pop: Math.round(pop * rng.range(0.86, 0.93)),
    poor_pop: poor,
    registered_poor_pop: Math.round(poor * rng.range(0.9, 0.96)),
    key_group_pop: Math.round(pop * rng.range(0.33, 0.37)),
    live_births: births,
    infant_deaths: rng.poisson(births * 0.0055),
    maternal_deaths: rng.poisson(births * 0.00018),
    life_expectancy: Math.round((county.lifeExpectancy + 0.2 * t) * 10) / 10,
  };
}

/** County rows of every year; 安康's own row for 2019 only (the added cities have none: summed from counties). */
function divisionStatRows(years: readonly number[], added: readonly CityDef[]): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const year of years) {
    const yearRows = COUNTIES.map((county) => countyStatRow(county, year));
    rows.push(...yearRows);
    if (year === 2019) {
      // The city's own row exists for 2019 only; other years are summed from the counties.
      const city: DemoRow = { code: CITY_CODE, year, life_expectancy: 76.6 };
      for (const col of STAT_SUMMED) city[col] = yearRows.reduce((s, r) => s + Number(r[col]), 0);
      rows.push(city);
    }
    for (const c of added) for (const county of c.counties) rows.push(countyStatRow(county, year));
  }
  return rows;
}

function insOrgMapRows(institutions: readonly DemoInstitution[]): DemoRow[] {
  const serial = new Map<string, number>();
  const rows: DemoRow[] = [];
  for (const inst of institutions) {
    if (/^[BD]/.test(inst.categoryCode)) continue;
    const n = (serial.get(inst.division) ?? 0) + 1;
    serial.set(inst.division, n);
    rows.push({ fixmedins_code: `H${inst.division}${String(n).padStart(5, '0')}`, org_code: inst.orgCode });
  }
  return rows;
}

interface AllianceDef {
  readonly id: string;
  readonly name: string;
  readonly kind: 'JT' | 'GT' | 'ZK' | 'YC';
  readonly lead: DemoInstitution;
  readonly division: string;
  readonly specialty: string | null;
  readonly tcm: boolean;
  readonly tight: boolean;
  readonly typical: boolean;
  readonly servicePop: number | null;
  readonly established: string;
  /** Members other than the lead, with their joining and leaving dates when not the founding date. */
  readonly members: ReadonlyArray<{ inst: DemoInstitution; joined?: string; left?: string }>;
}

function allianceDefs(institutions: readonly DemoInstitution[]): AllianceDef[] {
  const byName = new Map(institutions.map((i) => [i.name, i]));
  const named = (name: string): DemoInstitution => {
    const inst = byName.get(name);
    if (!inst) throw new Error(`demo region: no institution ${name}`);
    return inst;
  };
  const of = (cls: DemoClass, division?: string): DemoInstitution[] =>
    institutions.filter((i) => i.cls === cls && (division === undefined || i.division === division));
  const central = named('安康市中心医院');
  const tcm = named('安康市中医医院');
  const people = named('安康市人民医院');
  const cityMch = named('安康市妇幼保健院');
  const rehab = named('安康仁和康复医院');
  const nursing = named('安康福康护理院');
  const hitech = named('安康高新技术产业开发区社区卫生服务中心');
  const countyGeneral = of('COUNTY_GENERAL');
  const countyTcm = of('COUNTY_TCM');
  const countyMch = of('COUNTY_MCH');
  const hanbinCentral = of('TOWNSHIP_CENTRAL', HANBIN_CODE);
  const hanbinCommunity = of('COMMUNITY_CENTER', HANBIN_CODE).filter((i) => i !== hitech);
  const hanbinStations = of('COMMUNITY_STATION', HANBIN_CODE).slice(0, 6);
  const allCentral = of('TOWNSHIP_CENTRAL');
  const m = (list: readonly DemoInstitution[]): Array<{ inst: DemoInstitution }> =>
    list.map((inst) => ({ inst }));
  const cityPop = COUNTIES.reduce((s, c) => s + c.pop, 0);

  // Primary care of 汉滨区 taken by the city groups; the rest joins the 汉滨区 community.
  const jt1Primary = [...hanbinCommunity, ...hanbinStations, ...hanbinCentral.slice(0, 3)];
  const jt2Primary = hanbinCentral.slice(3, 6);
  const inCityGroups = new Set([...jt1Primary, ...jt2Primary, hitech]);

  const defs: AllianceDef[] = [
    {
      id: 'AK-JT-01',
      name: '安康市中心医院医疗集团',
      kind: 'JT',
      lead: central,
      division: CITY_CODE,
      specialty: null,
      tcm: false,
      tight: true,
      typical: true,
      servicePop: Math.round(cityPop * 0.42),
      established: '20171120',
      members: [
        ...m(
          countyGeneral.filter((i) =>
            ['610902', '610921', '610922', '610923', '610925'].includes(i.division),
          ),
        ),
        ...m(jt1Primary),
        { inst: rehab },
        { inst: hitech, joined: '20190601' },
      ],
    },
    {
      id: 'AK-JT-02',
      name: '安康市中医医院医联体',
      kind: 'JT',
      lead: tcm,
      division: CITY_CODE,
      specialty: null,
      tcm: true,
      tight: false,
      typical: false,
      servicePop: Math.round(cityPop * 0.3),
      established: '20171128',
      members: [...m(countyTcm), ...m(jt2Primary), { inst: nursing, joined: '20180315' }],
    },
  ];

  COUNTIES.forEach((county, ci) => {
    const lead = countyGeneral.find((i) => i.division === county.code);
    if (!lead) throw new Error(`demo region: no county hospital in ${county.name}`);
    const primary = institutions.filter(
      (i) =>
        i.division === county.code &&
        ['TOWNSHIP_CENTRAL', 'TOWNSHIP', 'VILLAGE_CLINIC'].includes(i.cls) &&
        !inCityGroups.has(i),
    );
    const established = ['20171215', '20180110', '20180301', '20180326', '20180418', '20180601'][ci % 6];
    defs.push({
      id: `AK-GT-${county.code}`,
      name: `${county.name}县域医疗共同体`,
      kind: 'GT',
      lead,
      division: county.code,
      specialty: null,
      tcm: false,
      tight: ci % 3 !== 2,
      typical: county.code === '610921' || county.code === '610926',
      servicePop: county.pop,
      established,
      members: primary.map((inst) => ({
        inst,
        left: inst.closedOn ?? undefined,
        joined: inst.cls === 'VILLAGE_CLINIC' && inst.openedOn > established ? inst.openedOn : undefined,
      })),
    });
  });

  const general = (codes: readonly string[]): DemoInstitution[] =>
    countyGeneral.filter((i) => codes.includes(i.division));
  const specialist: Array<[string, string, DemoInstitution, string, DemoInstitution[], boolean]> = [
    [
      'AK-ZK-01',
      '安康市胸痛中心（联盟）',
      central,
      '胸痛',
      [...countyGeneral, ...allCentral.slice(0, 8)],
      false,
    ],
    ['AK-ZK-02', '安康市妇产科联盟', central, '妇产', [cityMch, ...countyMch], false],
    ['AK-ZK-03', '安康市肛肠专科联盟', tcm, '肛肠', countyTcm, true],
    [
      'AK-ZK-04',
      '安康市眼科联盟',
      tcm,
      '眼科',
      [...countyTcm.slice(0, 6), ...general(['610924', '610929'])],
      true,
    ],
    ['AK-ZK-05', '安康市皮肤病防治专科联盟', tcm, '皮肤', countyTcm.slice(2, 9), true],
    [
      'AK-ZK-06',
      '安康市肿瘤专科联盟',
      people,
      '肿瘤',
      general(['610921', '610924', '610926', '610929', '610981']),
      false,
    ],
  ];
  specialist.forEach(([id, name, lead, specialty, members, isTcm], i) => {
    defs.push({
      id,
      name,
      kind: 'ZK',
      lead,
      division: CITY_CODE,
      specialty,
      tcm: isTcm,
      tight: false,
      typical: id === 'AK-ZK-01',
      servicePop: null,
      established: ['20171201', '20171215', '20180105', '20180122', '20180309', '20180420'][i],
      // The last member of each specialist alliance joined in 2019.
      members: members.map((inst, k) => ({
        inst,
        joined: k === members.length - 1 ? `2019${pad(3 + i)}15` : undefined,
      })),
    });
  });

  defs.push(
    {
      id: 'AK-YC-01',
      name: '安康市远程（医疗）会诊平台',
      kind: 'YC',
      lead: central,
      division: CITY_CODE,
      specialty: null,
      tcm: false,
      tight: false,
      typical: true,
      servicePop: null,
      established: '20171110',
      members: [...m(countyGeneral), ...m(allCentral)],
    },
    {
      id: 'AK-YC-02',
      name: '安康市心医国际远程医疗平台',
      kind: 'YC',
      lead: tcm,
      division: CITY_CODE,
      specialty: null,
      tcm: true,
      tight: false,
      typical: false,
      servicePop: null,
      established: '20180228',
      members: [
        ...m(countyTcm),
        ...m(general(['610923', '610927', '610929'])),
        ...m(allCentral.slice(8, 20)),
      ],
    },
  );
  return defs;
}

/** An added city's alliances: its 城市医疗集团, its 远程医疗协作网 and a 县域医共体 per county. */
function cityAllianceDefs(city: CityDef, institutions: readonly DemoInstitution[]): AllianceDef[] {
  const of = (cls: DemoClass, division?: string): DemoInstitution[] =>
    institutions.filter((i) => i.cls === cls && (division === undefined || i.division === division));
  const [central] = of('CITY_GENERAL');
  const rehab = of('PRIVATE_REHAB');
  const countyGeneral = of('COUNTY_GENERAL');
  const seatCentral = of('TOWNSHIP_CENTRAL', city.seat);
  const jtPrimary = [
    ...of('COMMUNITY_CENTER', city.seat),
    ...of('COMMUNITY_STATION', city.seat).slice(0, 6),
    ...seatCentral.slice(0, 3),
  ];
  const inGroup = new Set(jtPrimary);
  const cityPop = city.counties.reduce((s, c) => s + c.pop, 0);
  const half = new Set(city.counties.slice(0, Math.ceil(city.counties.length / 2)).map((c) => c.code));
  const m = (list: readonly DemoInstitution[]): Array<{ inst: DemoInstitution }> =>
    list.map((inst) => ({ inst }));
  const defs: AllianceDef[] = [
    {
      id: `${city.code}-JT-01`,
      name: `${central.name}医疗集团`,
      kind: 'JT',
      lead: central,
      division: city.code,
      specialty: null,
      tcm: false,
      tight: true,
      typical: false,
      servicePop: Math.round(cityPop * 0.4),
      established: '20180115',
      members: [...m(countyGeneral.filter((i) => half.has(i.division))), ...m(jtPrimary), ...m(rehab)],
    },
    {
      id: `${city.code}-YC-01`,
      name: `${city.name}远程医疗协作网`,
      kind: 'YC',
      lead: central,
      division: city.code,
      specialty: null,
      tcm: false,
      tight: false,
      typical: false,
      servicePop: null,
      established: '20180320',
      members: [...m(countyGeneral), ...m(of('TOWNSHIP_CENTRAL'))],
    },
  ];
  city.counties.forEach((county, ci) => {
    const lead = countyGeneral.find((i) => i.division === county.code);
    if (!lead) throw new Error(`demo region: no county hospital in ${county.name}`);
    const established = ['20171215', '20180110', '20180301', '20180326', '20180418', '20180601'][ci % 6];
    defs.push({
      id: `${city.code}-GT-${county.code}`,
      name: `${county.name}县域医疗共同体`,
      kind: 'GT',
      lead,
      division: county.code,
      specialty: null,
      tcm: false,
      tight: ci % 3 !== 2,
      typical: false,
      servicePop: county.pop,
      established,
      members: institutions
        .filter(
          (i) =>
            i.division === county.code &&
            (i.cls === 'TOWNSHIP_CENTRAL' || i.cls === 'TOWNSHIP' || i.cls === 'VILLAGE_CLINIC') &&
            !inGroup.has(i),
        )
        .map((inst) => ({
          inst,
          left: inst.closedOn ?? undefined,
          joined: inst.cls === 'VILLAGE_CLINIC' && inst.openedOn > established ? inst.openedOn : undefined,
        })),
    });
  });
  return defs;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function allianceRows(defs: readonly AllianceDef[]): { alliances: DemoRow[]; members: DemoRow[] } {
  const alliances: DemoRow[] = [];
  const members: DemoRow[] = [];
  for (const a of defs) {
    alliances.push({
      alliance_id: a.id,
      name: a.name,
      kind: a.kind,
      lead_org_code: a.lead.orgCode,
      division_code: a.division,
      specialty: a.specialty,
      tcm: a.tcm ? '1' : '0',
      tight: a.tight ? '1' : '0',
      typical: a.typical ? '1' : '0',
      service_pop: a.servicePop,
      established_on: a.established,
      dissolved_on: null,
    });
    members.push({
      alliance_id: a.id,
      org_code: a.lead.orgCode,
      role: 'L',
      joined_on: a.established,
      left_on: null,
    });
    for (const mem of a.members) {
      members.push({
        alliance_id: a.id,
        org_code: mem.inst.orgCode,
        role: 'M',
        joined_on: mem.joined ?? a.established,
        left_on: mem.left ?? null,
      });
    }
  }
  return { alliances, members };
}

function mechanismRows(defs: readonly AllianceDef[]): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const a of defs) {
    const rng = new Rng(`mechanism:${a.id}`);
    const items: Array<[string, string]> = [['CHARTER', a.established]];
    if (a.kind === 'JT' || a.kind === 'GT') {
      items.push(['REFERRAL_STANDARD', rng.chance(0.5) ? '20180101' : '20180701']);
      if (rng.chance(0.7)) items.push(['PRIORITY_SERVICE', '20180701']);
      if (a.tight) items.push(['QUALITY_HOMOGENEITY', '20180901'], ['BENEFIT_SHARING', '20190101']);
      if (rng.chance(0.5)) items.push(['EMR_SHARING', rng.chance(0.5) ? '20190701' : '20200101']);
      if (rng.chance(0.4)) items.push(['PRESCRIPTION_EXTENSION', '20190301']);
      if (rng.chance(0.6)) items.push(['PERF_PAY', '20190101']);
    }
    if (a.kind === 'GT') {
      items.push(['GLOBAL_BUDGET', a.tight ? '20180701' : '20200101']);
      if (a.typical) items.push(['PACKAGED_PAYMENT', '20190101']);
    }
    if (a.id === 'AK-JT-02') items.push(['CONTINUITY', '20190101']);
    if (a.kind === 'ZK') items.push(['QUALITY_HOMOGENEITY', '20180601']);
    for (const [item, since] of items) rows.push({ alliance_id: a.id, item, since, until: null });
  }
  return rows;
}

function sharedCenterRows(defs: readonly AllianceDef[]): DemoRow[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const rows: DemoRow[] = [];
  const add = (allianceId: string, kind: string, openedOn: string, host?: DemoInstitution): void => {
    const a = byId.get(allianceId);
    if (!a) return;
    rows.push({
      center_id: `SC-${String(rows.length + 1).padStart(3, '0')}`,
      host_org_code: (host ?? a.lead).orgCode,
      alliance_id: allianceId,
      kind,
      opened_on: openedOn,
    });
  };
  add('AK-JT-01', 'IMAGING', '20180301');
  add('AK-JT-01', 'LAB', '20180601');
  add('AK-JT-01', 'PATHOLOGY', '20181101');
  add('AK-JT-01', 'ECG', '20190315');
  add('AK-JT-02', 'DISINFECTION', '20190901');
  const rehab = byId.get('AK-JT-01')?.members.find((m) => m.inst.cls === 'PRIVATE_REHAB');
  if (rehab) add('AK-JT-01', 'REHAB', '20180801', rehab.inst);
  const nursing = byId.get('AK-JT-02')?.members.find((m) => m.inst.cls === 'PRIVATE_NURSING');
  if (nursing) add('AK-JT-02', 'NURSING', '20190501', nursing.inst);
  defs
    .filter((d) => d.kind === 'GT')
    .forEach((d, i) => {
      add(d.id, 'IMAGING', i % 2 === 0 ? '20180901' : '20190601');
      if (i % 3 !== 1) add(d.id, 'ECG', i % 2 === 0 ? '20181201' : '20191001');
      if (i % 4 === 0) add(d.id, 'LAB', '20190401');
    });
  // The added cities' groups (after 安康's centres, which keep their numbers).
  for (const d of defs) {
    if (d.kind !== 'JT' || d.id.startsWith('AK-')) continue;
    add(d.id, 'IMAGING', '20180601');
    add(d.id, 'LAB', '20181001');
  }
  return rows;
}

function supportRows(defs: readonly AllianceDef[], years: readonly number[]): DemoRow[] {
  const rows: DemoRow[] = [];
  const rng = new Rng('ankang:support');
  const kinds: Array<readonly [string, number]> = [
    ['EXPERT_CLINIC', 30],
    ['TEACHING_ROUND', 20],
    ['LECTURE', 15],
    ['NEW_TECH', 8],
    ['NEW_PROJECT', 6],
    ['SPECIALTY', 5],
    ['TEACHING_SURGERY', 8],
    ['MGMT_OUTPUT', 4],
    ['EQUIPMENT', 4],
  ];
  for (const a of defs) {
    if (a.kind === 'YC' || a.members.length === 0) continue;
    for (const year of years) {
      const n = a.kind === 'GT' ? 6 : a.kind === 'JT' ? 10 : 3;
      for (let k = 0; k < n; k++) {
        const kind = rng.weighted(kinds);
        const to = rng.pick(a.members).inst;
        rows.push({
          activity_id: `SA-${year}-${String(rows.length + 1).padStart(5, '0')}`,
          from_org_code: a.lead.orgCode,
          to_org_code: to.orgCode,
          kind,
          occurred_on: `${year}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}`,
          amount: kind === 'EQUIPMENT' ? Math.round(rng.range(300_000, 1_500_000)) : null,
        });
      }
    }
  }
  return rows;
}

function policyRows(added: readonly CityDef[]): DemoRow[] {
  const rows: DemoRow[] = [
    {
      division_code: CITY_CODE,
      kind: 'ALLIANCE_PLAN',
      issued_on: '20171030',
      title: '安康市人民政府办公室关于进一步推进医疗联合体建设和发展的实施方案（安政办发〔2017〕118号）',
    },
    {
      division_code: CITY_CODE,
      kind: 'GRID_PLAN',
      issued_on: '20180315',
      title: '安康市医疗联合体网格化布局规划',
    },
    {
      division_code: CITY_CODE,
      kind: 'INSURANCE_DIFF',
      issued_on: '20180601',
      title: '安康市关于医联体内双向转诊患者医保差异化报销的通知',
    },
    {
      division_code: PROVINCE_CODE,
      kind: 'TELEMED_PRICING',
      issued_on: '20180820',
      title: '陕西省远程医疗服务项目价格的通知',
    },
    {
      division_code: CITY_CODE,
      kind: 'GRADING_IN_GOV_ASSESSMENT',
      issued_on: '20190305',
      title: '安康市将分级诊疗制度建设纳入县区政府目标责任考核的通知',
    },
    {
      division_code: CITY_CODE,
      kind: 'BENEFIT_SHARING',
      issued_on: '20190410',
      title: '安康市医联体内利益共享机制的指导意见',
    },
    {
      division_code: PROVINCE_CODE,
      kind: 'HOME_BED_PRICING',
      issued_on: '20200615',
      title: '陕西省家庭病床及居家护理服务价格的通知',
    },
  ];
  COUNTIES.forEach((county, i) => {
    rows.push({
      division_code: county.code,
      kind: 'COUNTY_PLAN',
      issued_on: `2017${pad(11 + (i % 2))}${pad(5 + i)}`,
      title: `${county.name}县域医共体建设实施方案`,
    });
    if (i % 2 === 0) {
      rows.push({
        division_code: county.code,
        kind: 'PERF_PAY',
        issued_on: `2019${pad(1 + i)}20`,
        title: `${county.name}医共体绩效工资分配办法`,
      });
    }
  });
  for (const city of added) {
    rows.push({
      division_code: city.code,
      kind: 'ALLIANCE_PLAN',
      issued_on: '20171115',
      title: `${city.name}推进医疗联合体建设和发展的实施方案`,
    });
    city.counties.forEach((county, i) => {
      rows.push({
        division_code: county.code,
        kind: 'COUNTY_PLAN',
        issued_on: `2017${pad(11 + (i % 2))}${pad(5 + (i % 20))}`,
        title: `${county.name}县域医共体建设实施方案`,
      });
    });
  }
  return rows;
}

/** A complete region shape from a partial one; throws on values out of range. */
export function resolveRegionShape(partial: Partial<RegionShape> = {}): RegionShape {
  const shape: RegionShape = {
    cities: partial.cities ?? DEFAULT_REGION_SHAPE.cities,
    countiesPerCity: partial.countiesPerCity ?? DEFAULT_REGION_SHAPE.countiesPerCity,
    institutionScale: partial.institutionScale ?? DEFAULT_REGION_SHAPE.institutionScale,
    hisSourcesPerCity: partial.hisSourcesPerCity ?? DEFAULT_REGION_SHAPE.hisSourcesPerCity,
  };
  const integer = (name: keyof RegionShape, min: number, max: number): void => {
    const v = shape[name];
    if (!Number.isInteger(v) || v < min || v > max)
      throw new Error(`demo: ${name} must be an integer in ${min}…${max}, got ${v}`);
  };
  integer('cities', 1, MAX_CITIES);
  integer('countiesPerCity', 1, MAX_COUNTIES_PER_CITY);
  // Every HIS database of an added city holds at least one county.
  integer('hisSourcesPerCity', 1, shape.cities > 1 ? shape.countiesPerCity : MAX_COUNTIES_PER_CITY);
  if (!Number.isFinite(shape.institutionScale) || shape.institutionScale <= 0 || shape.institutionScale > 20)
    throw new Error(`demo: institutionScale must be > 0 and ≤ 20, got ${shape.institutionScale}`);
  return shape;
}

/** 安康's three HIS databases. */
const ANKANG_HIS: readonly DemoHisSource[] = [
  { id: 'his-a-city', vendor: 'A14', city: CITY_CODE },
  { id: 'his-b-county', vendor: 'B', city: CITY_CODE },
  { id: 'his-a-primary', vendor: 'A19', city: CITY_CODE },
];

/**
 * The HIS databases of a region shape: 安康's three, then `hisSourcesPerCity` per added city,
 * vendors alternating A (CHAR14 and CHAR19 in turn) and B. An added city's counties are split
 * in consecutive blocks over its databases; the city hospitals go with the first block.
 */
export function hisSourceLayout(partial: Partial<RegionShape> = {}): DemoHisSource[] {
  const shape = resolveRegionShape(partial);
  const list = [...ANKANG_HIS];
  let g = 0;
  for (let c = 1; c < shape.cities; c++) {
    const code = addedCityCode(c - 1);
    for (let k = 0; k < shape.hisSourcesPerCity; k++, g++) {
      const vendor: DemoHisVendor = g % 2 === 1 ? 'B' : Math.floor(g / 2) % 2 === 0 ? 'A14' : 'A19';
      list.push({ id: `his-${vendor === 'B' ? 'b' : 'a'}-${code}-${k + 1}`, vendor, city: code });
    }
  }
  return list;
}

function demoCity(def: CityDef, institutions: readonly DemoInstitution[]): DemoCity {
  const one = (cls: DemoClass, n = 0): DemoInstitution => {
    const inst = institutions.filter((i) => i.cls === cls)[n];
    if (!inst) throw new Error(`demo region: ${def.name} has no ${cls} #${n + 1}`);
    return inst;
  };
  return {
    code: def.code,
    name: def.name,
    seat: def.seat,
    counties: def.counties.map((c) => c.code),
    central: one('CITY_GENERAL'),
    people: one('CITY_GENERAL', 1),
    tcm: one('CITY_TCM'),
    mch: one('CITY_MCH'),
  };
}

/**
 * Build the demo region for the given years (statistics and support activities cover them): 安康
 * alone by default, or a larger region of `shape`.
 */
export function buildAnkangRegion(years: readonly number[], shape: Partial<RegionShape> = {}): DemoRegion {
  const resolved = resolveRegionShape(shape);
  const layout = hisSourceLayout(resolved);
  const ankang = ankangCity(resolved.institutionScale);
  const added = addedCities(
    resolved.cities - 1,
    resolved.countiesPerCity,
    resolved.institutionScale,
    VILLAGES_PER_RURAL,
    new Set(COUNTIES.map((c) => c.name)),
  );
  const codes = new OrgCodes();
  const ankangInstitutions = buildInstitutions(ankang, codes, (d) => ankangSourceOf(d.cls));
  const cities: DemoCity[] = [demoCity(ankang, ankangInstitutions)];
  const institutions = [...ankangInstitutions];
  const defs = allianceDefs(ankangInstitutions);
  for (const city of added) {
    const sources = layout.filter((h) => h.city === city.code);
    const block = new Map(
      city.counties.map((c, j) => [
        c.code,
        sources[Math.floor((j * sources.length) / city.counties.length)].id,
      ]),
    );
    const list = buildInstitutions(city, codes, (d) => block.get(d.division) ?? sources[0].id);
    cities.push(demoCity(city, list));
    institutions.push(...list);
    defs.push(...cityAllianceDefs(city, list));
  }
  const { alliances, members } = allianceRows(defs);
  return {
    divisions: divisionRows([ankang, ...added]),
    divisionStats: divisionStatRows(years, added),
    institutions,
    insOrgMap: insOrgMapRows(institutions),
    alliances,
    allianceMembers: members,
    allianceMechanisms: mechanismRows(defs),
    sharedCenters: sharedCenterRows(defs),
    supportActivities: supportRows(defs, years),
    policyDocuments: policyRows(added),
    cities,
    hisSources: layout,
  };
}

/** The registry `institution` row of an institution. */
export function institutionRow(inst: DemoInstitution): DemoRow {
  return {
    org_code: inst.orgCode,
    org_name: inst.name,
    category_code: inst.categoryCode,
    hosp_level: inst.level,
    hosp_grade: inst.grade,
    ownership: inst.ownership,
    division_code: inst.division,
    beds: inst.beds,
    tcm_service: inst.tcmService,
    meets_standard: inst.meetsStandard,
    grading_system: inst.gradingSystem,
    mutual_recognition: inst.mutualRecognition,
    opened_on: inst.openedOn,
    closed_on: inst.closedOn,
  };
}
