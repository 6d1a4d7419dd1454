/**
 * The demo's telemedicine platform (远程医疗服务平台, `tm_session`): township centres asking their
 * county hospital and the city's lead hospitals for consultations, imaging and ECG reads; county
 * hospitals asking the two city lead hospitals (安康市中心医院, 安康市中医医院); teaching and training
 * going the other way. A session is tagged with the 远程医疗协作网 (alliance kind 'YC') both sides
 * belong to on that day, most of the time. Volumes grow about 25 % a year; a few sessions are
 * CANCELLED or PENDING, a few DONE ones lack finished_at. Deterministic.
 */
import { telemedTables } from '../telemed/contract';
import type { DemoClass, DemoInstitution, DemoRegion, DemoRow } from './ankang';
import { pad2 } from './calendar';
import { Rng } from './random';
import { countySizes, demoDatetime, drawDay, openOn } from './referral';
import type { RegionalDemoSource } from './regional';
import { covid, SEASON } from './visits';

const CHUNK = 20_000;
const GROWTH = 1.25;

type Service = 'CONSULT' | 'IMAGING' | 'ECG' | 'PATHOLOGY' | 'TEACHING' | 'TRAINING' | 'FOLLOWUP';

/** One stream of sessions: who asks, who provides, what, and a monthly mean in 2018. */
interface Stream {
  readonly requesters: readonly DemoInstitution[];
  readonly providers: readonly DemoInstitution[];
  readonly services: ReadonlyArray<readonly [Service, number]>;
  readonly monthly: number;
  /** Share of sessions carried over a network both sides belong to (the rest: none recorded). */
  readonly networkShare: number;
}

/** Turnaround (finished_at − requested_at) in seconds: median and spread by service. */
const TURNAROUND: Readonly<Record<Service, readonly [number, number]>> = {
  CONSULT: [5 * 3600, 0.9],
  IMAGING: [50 * 60, 0.5],
  ECG: [15 * 60, 0.5],
  PATHOLOGY: [40 * 3600, 0.4],
  TEACHING: [2 * 3600, 0.2],
  TRAINING: [3 * 3600, 0.2],
  FOLLOWUP: [30 * 60, 0.4],
};

interface Membership {
  readonly allianceId: string;
  readonly from: string;
  readonly until: string | null;
}

/** The 远程医疗协作网 memberships of each institution (the lead is a member too). */
function networkMemberships(region: DemoRegion): Map<string, Membership[]> {
  const networks = new Map(
    region.alliances
      .filter((a) => a.kind === 'YC')
      .map((a) => [String(a.alliance_id), String(a.established_on)] as const),
  );
  const result = new Map<string, Membership[]>();
  for (const m of region.allianceMembers) {
    const established = networks.get(String(m.alliance_id));
    if (established === undefined) continue;
    const joined = String(m.joined_on);
    const list = result.get(String(m.org_code)) ?? [];
    list.push({
      allianceId: String(m.alliance_id),
      from: joined > established ? joined : established,
      until: m.left_on === null ? null : String(m.left_on),
    });
    result.set(String(m.org_code), list);
  }
  return result;
}

function streams(region: DemoRegion): Stream[] {
  const sizes = countySizes(region);
  const parent = new Map(region.divisions.map((d) => [String(d.code), String(d.parent_code)] as const));
  const result: Stream[] = [];
  for (const city of region.cities) {
    const all = region.institutions.filter((i) => i.city === city.code);
    const of = (classes: readonly DemoClass[], division?: string): DemoInstitution[] =>
      all.filter((i) => classes.includes(i.cls) && (division === undefined || i.division === division));
    const { central, tcm: cityTcm } = city;
    for (const [division, k] of sizes) {
      if (parent.get(division) !== city.code) continue;
      const centres = of(['TOWNSHIP_CENTRAL'], division);
      const townships = of(['TOWNSHIP'], division);
      const general = of(['COUNTY_GENERAL'], division);
      const tcm = of(['COUNTY_TCM'], division);
      const near = division === city.seat ? [central] : general;
      result.push(
        {
          requesters: centres,
          providers: near,
          services: [
            ['IMAGING', 35],
            ['ECG', 35],
            ['CONSULT', 20],
            ['FOLLOWUP', 10],
          ],
          monthly: 3 * centres.length,
          networkShare: 0.7,
        },
        {
          requesters: townships,
          providers: near,
          services: [
            ['ECG', 45],
            ['IMAGING', 35],
            ['CONSULT', 20],
          ],
          monthly: 0.8 * townships.length,
          networkShare: 0,
        },
        {
          requesters: centres,
          providers: [central],
          services: [
            ['CONSULT', 50],
            ['IMAGING', 25],
            ['ECG', 15],
            ['PATHOLOGY', 10],
          ],
          monthly: 0.8 * centres.length,
          networkShare: 0.9,
        },
        {
          requesters: general,
          providers: [central],
          services: [
            ['CONSULT', 60],
            ['IMAGING', 25],
            ['PATHOLOGY', 15],
          ],
          monthly: 2 + 1.2 * k,
          networkShare: 0.9,
        },
        {
          requesters: general,
          providers: [cityTcm],
          services: [
            ['CONSULT', 70],
            ['FOLLOWUP', 30],
          ],
          monthly: 0.8,
          networkShare: 0.9,
        },
        {
          requesters: tcm,
          providers: [cityTcm],
          services: [
            ['CONSULT', 60],
            ['FOLLOWUP', 25],
            ['IMAGING', 15],
          ],
          monthly: 3,
          networkShare: 0.9,
        },
        // Teaching and training: the upper level provides, the lower level asks for it.
        {
          requesters: general,
          providers: [central],
          services: [
            ['TEACHING', 60],
            ['TRAINING', 40],
          ],
          monthly: 2,
          networkShare: 0.9,
        },
        {
          requesters: [...centres, ...townships],
          providers: general,
          services: [
            ['TEACHING', 50],
            ['TRAINING', 50],
          ],
          monthly: 1,
          networkShare: 0,
        },
      );
    }
    // The city TCM hospital's own network (AK-YC-02 in 安康) reaches some township centres directly.
    result.push({
      requesters: of(['TOWNSHIP_CENTRAL']),
      providers: [cityTcm],
      services: [
        ['CONSULT', 60],
        ['FOLLOWUP', 40],
      ],
      monthly: 6,
      networkShare: 0.9,
    });
  }
  return result.filter((s) => s.requesters.length > 0 && s.providers.length > 0 && s.monthly > 0);
}

function* telemedRows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]> {
  const list = streams(region);
  const memberships = networkMemberships(region);
  const networkOf = (a: DemoInstitution, b: DemoInstitution, key: string): string | null => {
    const inForce = (org: string): Set<string> =>
      new Set(
        (memberships.get(org) ?? [])
          .filter((m) => m.from <= key && (m.until === null || key < m.until))
          .map((m) => m.allianceId),
      );
    const shared = [...inForce(a.orgCode)].filter((id) => inForce(b.orgCode).has(id)).sort();
    return shared[0] ?? null;
  };
  const lastYear = Math.max(...years);
  let buffer: DemoRow[] = [];
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const rng = new Rng(`telemed:${year}${pad2(month)}`);
      const monthRows: DemoRow[] = [];
      let serial = 0;
      for (const stream of list) {
        const lambda =
          stream.monthly * SEASON[month - 1] * Math.pow(GROWTH, year - 2018) * covid(year, month, 15, true);
        const n = rng.poisson(lambda);
        for (let i = 0; i < n; i++) {
          const { day, key, dayOfMonth } = drawDay(rng, year, month);
          const requester = rng.pick(stream.requesters);
          const provider = rng.pick(stream.providers);
          const service = rng.weighted(stream.services);
          const teaching = service === 'TEACHING' || service === 'TRAINING';
          const second = teaching ? 14 * 3600 + rng.int(0, 3) * 1800 : 8 * 3600 + rng.int(0, 12 * 3600 - 1);
          const [median, spread] = TURNAROUND[service];
          const took = Math.max(60, Math.round(rng.logNormal(median, spread)));
          const u = rng.next();
          const recent = year === lastYear && month === 12 && dayOfMonth >= 24;
          const status =
            u < (recent ? 0.3 : 0.012) ? 'PENDING' : u < (recent ? 0.34 : 0.06) ? 'CANCELLED' : 'DONE';
          const tagged = rng.chance(stream.networkShare);
          const blank = rng.chance(0.2) ? '' : null;
          const lostFinish = rng.chance(0.006);
          if (requester === provider || !openOn(requester, key) || !openOn(provider, key)) continue;
          serial++;
          monthRows.push({
            session_id: `TM${year}${pad2(month)}${String(serial).padStart(6, '0')}`,
            requester_org: requester.orgCode,
            provider_org: provider.orgCode,
            network_id: (tagged ? networkOf(requester, provider, key) : null) ?? blank,
            service,
            requested_at: demoDatetime(day, second),
            finished_at: status === 'DONE' && !lostFinish ? demoDatetime(day, second + took) : null,
            status,
          });
        }
      }
      buffer.push(...monthRows);
      if (buffer.length >= CHUNK) {
        yield ['tm_session', buffer];
        buffer = [];
      }
    }
  }
  if (buffer.length > 0) yield ['tm_session', buffer];
}

/** The telemedicine platform of the demo region (one per region). */
export const telemedDemoSource: RegionalDemoSource = {
  id: 'telemed',
  kind: 'telemed',
  file: 'telemed.sqlite',
  tables: telemedTables,
  rows: telemedRows,
};
