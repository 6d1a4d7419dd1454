import { registryAdapter, SourceRegistry } from '../../adapters';
import type { InstitutionRecord } from '../../adapters';
import { lisAdapter } from '../../adapters/lis/adapter';
import { secondsBetween } from '../../adapters/sql/dialect';
import { referralAdapter } from '../../adapters/referral/adapter';
import { claimedDirectionOf, diseaseGroupOf, referralStatusOf } from '../../adapters/referral/codes';
import {
  classifyReferrals,
  directionOf,
  isContinuingCare,
  isRegionDownward,
  isRegionUpward,
} from '../../adapters/referral/direction';
import type { ClassifiedReferralCount, ReferralCount } from '../../adapters/referral/model';
import { telemedAdapter } from '../../adapters/telemed/adapter';
import { serviceOf } from '../../adapters/telemed/codes';
import type { SqlSource } from '../../adapters/sql/source';
import { parsePeriod, periodMonths } from '../../schema/period';
import type { Engine } from '../fixtures/databases';
import { buildFlowFixture, LIS_HELD, ORG } from '../fixtures/regional-flows.fixture';
import { quietLogger } from '../helpers/quiet';

/** Hand computations: see the header of test/fixtures/regional-flows.fixture.ts. */
const H1_2019 = periodMonths(parsePeriod('2019H1'));

/** Rows in a fixed order (by their JSON), so that the database's order does not matter. */
function sorted<T>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

const { C3, X3, H2, M1, R2, T1, T2, V1, R1, N1, ZZ } = ORG;

/** Accepted referrals of 2019H1, as `countAccepted` must return them. */
function referral(
  senderOrg: string,
  receiverOrg: string,
  claimedDirection: ReferralCount['claimedDirection'],
  diseaseGroup: ReferralCount['diseaseGroup'],
  month: string,
  referrals = 1,
): ReferralCount {
  return { senderOrg, receiverOrg, claimedDirection, diseaseGroup, month, referrals };
}

const ACCEPTED_2019H1: ReferralCount[] = [
  referral(T1, H2, 'UP', 'CEREBROVASCULAR', '201901', 2),
  referral(T2, H2, 'UP', 'HYPERTENSION', '201901'),
  referral(H2, C3, 'UP', 'NEOPLASM', '201902'),
  referral(C3, H2, 'DOWN', 'DIABETES', '201903'),
  referral(H2, T1, 'DOWN', 'COPD', '201903'),
  referral(C3, R1, 'DOWN', 'CEREBROVASCULAR', '201904'),
  referral(C3, N1, 'DOWN', 'OTHER', '201904'),
  referral(C3, R2, 'DOWN', 'OTHER', '201904'),
  referral(X3, C3, 'UP', 'NEOPLASM', '201904'),
  referral(V1, T1, 'UP', 'OTHER', '201905'),
  referral(H2, T2, 'UP', 'OTHER', '201905'),
  referral(T1, H2, 'UNKNOWN', 'OTHER', '201905', 2),
  referral(T1, ZZ, 'UP', 'DIABETES', '201905'),
  referral(N1, C3, 'UP', 'HYPERTENSION', '201906'),
  referral(M1, H2, 'UP', 'OTHER', '201906'),
  referral(C3, R1, 'LATERAL', 'OTHER', '201906'),
  referral(T2, H2, 'UP', 'COPD', '201906'),
];

type Derived = Pick<
  ClassifiedReferralCount,
  'derivedDirection' | 'regionDownward' | 'regionUpward' | 'claimAgrees'
>;
const d = (
  derivedDirection: Derived['derivedDirection'],
  flag: 'down' | 'up' | null,
  claimAgrees: boolean | null,
): Derived => ({
  derivedDirection,
  regionDownward: flag === 'down',
  regionUpward: flag === 'up',
  claimAgrees,
});

/** The classification of each row of ACCEPTED_2019H1, in the same order. */
const DERIVED_2019H1: Derived[] = [
  d('UP', 'up', true),
  d('UP', 'up', true),
  d('UP', null, true),
  d('DOWN', null, true),
  d('DOWN', 'down', true),
  d('DOWN', 'down', true),
  d('DOWN', 'down', true),
  d('DOWN', null, true),
  d('LATERAL', null, false),
  d('LATERAL', null, false),
  d('DOWN', 'down', false),
  d('UP', 'up', null),
  d('UNKNOWN', null, null),
  d('UP', 'up', true),
  d('UP', null, true),
  d('DOWN', 'down', false),
  d('UP', 'up', true),
];

describe.each<Engine>(['sqlite', 'mariadb'])('referral, telemed and lis adapters on %s', (engine) => {
  let sources: SourceRegistry;
  let registry: Map<string, InstitutionRecord>;
  const source = (id: string): SqlSource => sources.all().find((s) => s.id === id)!;

  /** Run one adapter call and check it sent exactly one statement. */
  async function once<T>(id: string, call: (s: SqlSource) => Promise<T>): Promise<T> {
    const before = source(id).statements;
    const result = await call(source(id));
    expect(source(id).statements - before).toBe(1);
    return result;
  }

  beforeAll(async () => {
    sources = new SourceRegistry(await buildFlowFixture(engine), quietLogger());
    const list = await registryAdapter.institutionsInDivisions(sources.registry(), [
      '610902',
      '610921',
      '610981',
    ]);
    registry = new Map(list.map((i) => [i.orgCode, i]));
  });
  afterAll(async () => {
    await sources.close();
  });

  describe('referral platform', () => {
    test('accepted referrals only (ZT 1), month of SQSJ half-open; ZZLX and JBDM mapped in SQL', async () => {
      const rows = await once('referral', (s) => referralAdapter.countAccepted(s, { months: H1_2019 }));
      expect(sorted(rows)).toEqual(sorted(ACCEPTED_2019H1));
      expect(rows.reduce((n, r) => n + r.referrals, 0)).toBe(19);
    });

    test('by sender (the default) and by receiver', async () => {
      const sent = await once('referral', (s) =>
        referralAdapter.countAccepted(s, { orgCodes: [H2], months: H1_2019 }),
      );
      expect(sorted(sent)).toEqual(
        sorted([
          referral(H2, C3, 'UP', 'NEOPLASM', '201902'),
          referral(H2, T1, 'DOWN', 'COPD', '201903'),
          referral(H2, T2, 'UP', 'OTHER', '201905'),
        ]),
      );
      const received = await once('referral', (s) =>
        referralAdapter.countAccepted(s, { orgCodes: [H2], by: 'RECEIVER', months: H1_2019 }),
      );
      expect(sorted(received)).toEqual(
        sorted([
          referral(T1, H2, 'UP', 'CEREBROVASCULAR', '201901', 2),
          referral(T2, H2, 'UP', 'HYPERTENSION', '201901'),
          referral(C3, H2, 'DOWN', 'DIABETES', '201903'),
          referral(T1, H2, 'UNKNOWN', 'OTHER', '201905', 2),
          referral(M1, H2, 'UP', 'OTHER', '201906'),
          referral(T2, H2, 'UP', 'COPD', '201906'),
        ]),
      );
    });

    test('months that are not contiguous: the boundary rows just outside 2019H1', async () => {
      const rows = await once('referral', (s) =>
        referralAdapter.countAccepted(s, { orgCodes: null, months: ['201812', '201907'] }),
      );
      expect(sorted(rows)).toEqual(
        sorted([
          referral(T1, H2, 'UP', 'HYPERTENSION', '201812'),
          referral(T1, H2, 'UP', 'HYPERTENSION', '201907'),
        ]),
      );
    });

    test('nothing asked, no statement', async () => {
      const before = source('referral').statements;
      expect(
        await referralAdapter.countAccepted(source('referral'), { orgCodes: [], months: H1_2019 }),
      ).toEqual([]);
      expect(await referralAdapter.countByStatus(source('referral'), { months: [] })).toEqual([]);
      expect(source('referral').statements).toBe(before);
    });

    test('applications by status (data quality): pending, rejected, cancelled, unknown', async () => {
      const rows = await once('referral', (s) => referralAdapter.countByStatus(s, { months: H1_2019 }));
      const row = (senderOrg: string, status: string, month: string, referrals = 1): object => ({
        senderOrg,
        status,
        month,
        referrals,
      });
      expect(sorted(rows)).toEqual(
        sorted([
          row(C3, 'ACCEPTED', '201903'),
          row(C3, 'ACCEPTED', '201904', 3),
          row(C3, 'ACCEPTED', '201906'),
          row(H2, 'ACCEPTED', '201902'),
          row(H2, 'ACCEPTED', '201903'),
          row(H2, 'ACCEPTED', '201905'),
          row(H2, 'CANCELLED', '201906'),
          row(H2, 'UNKNOWN', '201906'),
          row(M1, 'ACCEPTED', '201906'),
          row(N1, 'ACCEPTED', '201906'),
          row(T1, 'ACCEPTED', '201901', 2),
          row(T1, 'ACCEPTED', '201905', 3),
          row(T1, 'PENDING', '201905'),
          row(T1, 'REJECTED', '201905'),
          row(T2, 'ACCEPTED', '201901'),
          row(T2, 'ACCEPTED', '201906'),
          row(V1, 'ACCEPTED', '201905'),
          row(X3, 'ACCEPTED', '201904'),
        ]),
      );
      const t1 = await once('referral', (s) =>
        referralAdapter.countByStatus(s, { orgCodes: [T1], months: ['201905'] }),
      );
      expect(sorted(t1)).toEqual(
        sorted([
          row(T1, 'ACCEPTED', '201905', 3),
          row(T1, 'PENDING', '201905'),
          row(T1, 'REJECTED', '201905'),
        ]),
      );
    });

    test('classification by the registry: derived direction, 分级诊疗 flags, mismatch findings', async () => {
      const rows = await referralAdapter.countAccepted(source('referral'), { months: H1_2019 });
      const result = classifyReferrals(sorted(rows), registry);
      const expected = ACCEPTED_2019H1.map((r, i) => ({ ...r, ...DERIVED_2019H1[i] }));
      expect(sorted(result.rows)).toEqual(sorted(expected));
      expect(result.mismatches).toEqual([
        {
          senderOrg: C3,
          receiverOrg: R1,
          claimedDirection: 'LATERAL',
          derivedDirection: 'DOWN',
          referrals: 1,
        },
        { senderOrg: H2, receiverOrg: T2, claimedDirection: 'UP', derivedDirection: 'DOWN', referrals: 1 },
        { senderOrg: X3, receiverOrg: C3, claimedDirection: 'UP', derivedDirection: 'LATERAL', referrals: 1 },
        { senderOrg: V1, receiverOrg: T1, claimedDirection: 'UP', derivedDirection: 'LATERAL', referrals: 1 },
      ]);
      expect([result.mismatchedReferrals, result.unclaimedReferrals, result.undeterminedReferrals]).toEqual([
        4, 2, 1,
      ]);

      const sum = (f: (r: ClassifiedReferralCount) => boolean): number =>
        result.rows.filter(f).reduce((n, r) => n + r.referrals, 0);
      const inHanyin = (org: string | null): boolean => registry.get(org ?? '')?.divisionCode === '610921';
      expect({
        regionDown: sum((r) => r.regionDownward),
        regionUp: sum((r) => r.regionUpward),
        hanyinDown: sum((r) => inHanyin(r.senderOrg) && r.regionDownward),
        hanyinUp: sum((r) => inHanyin(r.senderOrg) && r.regionUpward),
        hanyinLevelsUp: sum((r) => inHanyin(r.senderOrg) && r.derivedDirection === 'UP'),
        hanyinLevelsDown: sum((r) => inHanyin(r.senderOrg) && r.derivedDirection === 'DOWN'),
        receivedUpByH2: sum((r) => r.receiverOrg === H2 && r.derivedDirection === 'UP'),
      }).toEqual({
        regionDown: 5,
        regionUp: 7,
        hanyinDown: 2,
        hanyinUp: 6,
        hanyinLevelsUp: 8,
        hanyinLevelsDown: 2,
        receivedUpByH2: 7,
      });
    });

    test('directionOf and the region flags on the registry records', () => {
      const at = (code: string): InstitutionRecord | undefined => registry.get(code);
      const pairs: Array<[string, string]> = [
        [T1, H2],
        [H2, T1],
        [T1, T2],
        [V1, T1],
        [H2, C3],
        [C3, H2],
        [X3, C3],
        [M1, H2],
        [C3, R1],
        [R1, C3],
        [C3, N1],
        [N1, C3],
        [C3, R2],
        [R1, M1],
        [N1, M1],
        [R1, T1],
        [T1, N1],
        [T1, ZZ],
        [ZZ, C3],
      ];
      expect(
        pairs.map(([s, r]) => [
          directionOf(at(s), at(r)),
          isRegionDownward(at(s), at(r)),
          isRegionUpward(at(s), at(r)),
        ]),
      ).toEqual([
        ['UP', false, true], // primary → 二级
        ['DOWN', true, false],
        ['LATERAL', false, false], // primary → primary ('1' of T1 does not make it a hospital)
        ['LATERAL', false, false],
        ['UP', false, false], // 二级 → 三级: up by levels, not a 分级诊疗 上转
        ['DOWN', false, false],
        ['LATERAL', false, false], // 三级 → 三级
        ['UP', false, false], // 一级 hospital → 二级
        ['DOWN', true, false], // continuing care is the lower side
        ['UP', false, true],
        ['DOWN', true, false], // unrated nursing home, still the lower side against 三级
        ['UP', false, true],
        ['DOWN', false, false], // public rehabilitation hospital: levels only
        ['LATERAL', false, false], // continuing care 一级 → 一级 hospital: levels
        ['UNKNOWN', false, false], // unrated nursing home against a 一级 hospital: no comparison
        ['DOWN', false, false], // continuing care → primary care
        ['UP', false, false], // primary care → a hospital, whichever
        ['UNKNOWN', false, false], // not in the registry
        ['UNKNOWN', false, false],
      ]);
      expect([R1, N1, R2, V1, C3].map((c) => isContinuingCare(at(c)!))).toEqual([
        true,
        true,
        false,
        false,
        false,
      ]);
    });
  });

  describe('telemedicine platform', () => {
    const row = (
      requesterOrg: string,
      providerOrg: string,
      networkId: string | null,
      service: string,
      month: string,
      sessions: number,
      finishedSessions: number,
      turnaroundSeconds: number,
    ): object => ({
      requesterOrg,
      providerOrg,
      networkId,
      service,
      month,
      sessions,
      finishedSessions,
      turnaroundSeconds,
    });
    const ALL = [
      row(T1, C3, 'AK-YC-01', 'CONSULT', '201901', 2, 2, 91_800),
      row(T2, H2, null, 'IMAGING', '201902', 2, 1, 1_200),
      row(H2, C3, 'AK-YC-01', 'TEACHING', '201904', 1, 1, 7_200),
      row(T2, H2, null, 'PATHOLOGY', '201905', 1, 0, 0),
      row(T1, H2, null, 'OTHER', '201905', 1, 1, 1_800),
      row(V1, T1, null, 'ECG', '201905', 1, 1, 600),
      row(T1, H2, null, 'FOLLOWUP', '201906', 1, 1, 600),
    ];

    test('DONE sessions only, month of requested_at; empty network is none; turnaround sums', async () => {
      const rows = await once('telemed', (s) => telemedAdapter.countSessions(s, { months: H1_2019 }));
      expect(sorted(rows)).toEqual(sorted(ALL));
    });

    test('by requester (the default) and by provider', async () => {
      const asked = await once('telemed', (s) =>
        telemedAdapter.countSessions(s, { orgCodes: [T1], months: H1_2019 }),
      );
      expect(sorted(asked)).toEqual(sorted([ALL[0], ALL[4], ALL[6]]));
      const provided = await once('telemed', (s) =>
        telemedAdapter.countSessions(s, { orgCodes: [C3], by: 'PROVIDER', months: H1_2019 }),
      );
      expect(sorted(provided)).toEqual(sorted([ALL[0], ALL[2]]));
    });

    test('boundary sessions belong to the neighbouring months', async () => {
      const rows = await once('telemed', (s) =>
        telemedAdapter.countSessions(s, { orgCodes: null, months: ['201812', '201907'] }),
      );
      expect(sorted(rows)).toEqual(
        sorted([
          row(T1, C3, 'AK-YC-01', 'CONSULT', '201812', 1, 1, 1_801),
          row(T1, C3, 'AK-YC-01', 'CONSULT', '201907', 1, 1, 3_600),
        ]),
      );
    });
  });

  describe('LIS/RIS (institution-held)', () => {
    const q = { orgCodes: LIS_HELD, months: H1_2019 };

    test('lab reports: requested, reported, recognized by institution, month and patient class', async () => {
      const r = (
        orgCode: string,
        month: string,
        patientClass: string,
        n: number,
        rep: number,
        rec: number,
      ) => ({
        orgCode,
        month,
        patientClass,
        reports: n,
        reported: rep,
        recognized: rec,
      });
      const held = [
        r(C3, '201901', 'OP', 2, 1, 0),
        r(C3, '201902', 'IP', 1, 1, 1),
        r(C3, '201902', 'ER', 1, 1, 0),
        r(H2, '201903', 'PE', 1, 1, 0),
        r(H2, '201903', 'UNKNOWN', 1, 1, 0),
        r(T1, '201906', 'OP', 1, 0, 1),
      ];
      const rows = await once('lis', (s) => lisAdapter.countLabReports(s, q));
      expect(sorted(rows)).toEqual(sorted(held));
      const every = await once('lis', (s) =>
        lisAdapter.countLabReports(s, { orgCodes: null, months: H1_2019 }),
      );
      expect(sorted(every)).toEqual(sorted([...held, r(X3, '201903', 'OP', 1, 1, 0)]));
    });

    test('imaging studies: by modality; unreported (NULL), remote reads, recognized', async () => {
      const r = (
        orgCode: string,
        month: string,
        patientClass: string,
        modality: string,
        studies: number,
        reported: number,
        remoteRead: number,
        recognized: number,
      ) => ({ orgCode, month, patientClass, modality, studies, reported, remoteRead, recognized });
      const rows = await once('lis', (s) => lisAdapter.countImagingStudies(s, q));
      expect(sorted(rows)).toEqual(
        sorted([
          r(C3, '201901', 'OP', 'CT', 3, 2, 0, 0),
          r(C3, '201901', 'ER', 'CT', 1, 1, 0, 0),
          r(C3, '201901', 'OP', 'MR', 1, 1, 0, 0),
          r(C3, '201906', 'IP', 'OTHER', 1, 1, 0, 0),
          r(H2, '201903', 'OP', 'CT', 3, 3, 1, 1),
          r(H2, '201906', 'PE', 'ECG', 1, 1, 0, 0),
          r(T1, '201902', 'OP', 'DR', 2, 1, 2, 0),
          r(T1, '201902', 'OP', 'US', 1, 1, 0, 0),
        ]),
      );
    });

    test('remote reads by reading institution', async () => {
      const rows = await once('lis', (s) => lisAdapter.countRemoteReads(s, q));
      expect(sorted(rows)).toEqual(
        sorted([
          { orgCode: H2, readerOrg: C3, month: '201903', modality: 'CT', studies: 1, reported: 1 },
          { orgCode: T1, readerOrg: C3, month: '201902', modality: 'DR', studies: 2, reported: 1 },
        ]),
      );
    });

    test('outpatient CT report time: sum of minutes and count, per institution and request month', async () => {
      const rows = await once('lis', (s) => lisAdapter.outpatientCtReportTime(s, q));
      expect(sorted(rows)).toEqual(
        sorted([
          { orgCode: C3, month: '201901', reportedStudies: 2, reportMinutes: 210 },
          { orgCode: H2, month: '201903', reportedStudies: 2, reportMinutes: 55.5 },
        ]),
      );
      const every = await once('lis', (s) =>
        lisAdapter.outpatientCtReportTime(s, { orgCodes: null, months: ['201903'] }),
      );
      expect(sorted(every)).toEqual(
        sorted([
          { orgCode: H2, month: '201903', reportedStudies: 2, reportMinutes: 55.5 },
          { orgCode: X3, month: '201903', reportedStudies: 1, reportMinutes: 60 },
        ]),
      );
    });

    test('no institution asked: nothing, and no statement', async () => {
      const before = source('lis').statements;
      const none = { orgCodes: [], months: H1_2019 };
      expect(await lisAdapter.countLabReports(source('lis'), none)).toEqual([]);
      expect(await lisAdapter.countImagingStudies(source('lis'), none)).toEqual([]);
      expect(await lisAdapter.countRemoteReads(source('lis'), none)).toEqual([]);
      expect(await lisAdapter.outpatientCtReportTime(source('lis'), none)).toEqual([]);
      expect(source('lis').statements).toBe(before);
    });
  });

  test('no patient identifier leaves the adapters', async () => {
    const rows = [
      ...(await referralAdapter.countAccepted(source('referral'), { months: H1_2019 })),
      ...(await referralAdapter.countByStatus(source('referral'), { months: H1_2019 })),
    ];
    expect(JSON.stringify(rows)).not.toMatch(/PZ\d\d/);
  });
});

describe('code tables and SQL helpers', () => {
  test('ZZLX, ZT, ICD-10 groups and telemed services', () => {
    expect(['1', '2', '3', ' 2', '', null, '9'].map(claimedDirectionOf)).toEqual([
      'UP',
      'DOWN',
      'LATERAL',
      'DOWN',
      'UNKNOWN',
      'UNKNOWN',
      'UNKNOWN',
    ]);
    expect(['0', '1', '2', '3', '', null].map(referralStatusOf)).toEqual([
      'PENDING',
      'ACCEPTED',
      'REJECTED',
      'CANCELLED',
      'UNKNOWN',
      'UNKNOWN',
    ]);
    expect(
      [
        'I60.0',
        'I69.3',
        'I70',
        'I10',
        'i15.9',
        'I16',
        'E10.1',
        'E14',
        'E15',
        'J44.1',
        'J45',
        'C00',
        'D48.9',
        'D49',
        '',
        null,
      ].map(diseaseGroupOf),
    ).toEqual([
      'CEREBROVASCULAR',
      'CEREBROVASCULAR',
      'OTHER',
      'HYPERTENSION',
      'HYPERTENSION',
      'OTHER',
      'DIABETES',
      'DIABETES',
      'OTHER',
      'COPD',
      'OTHER',
      'NEOPLASM',
      'NEOPLASM',
      'OTHER',
      'OTHER',
      'OTHER',
    ]);
    expect(['CONSULT', 'ecg', ' FOLLOWUP', 'VIDEO', null].map(serviceOf)).toEqual([
      'CONSULT',
      'ECG',
      'FOLLOWUP',
      'OTHER',
      'OTHER',
    ]);
  });

  test('seconds between two DATETIME columns, per dialect', () => {
    expect(secondsBetween('mysql', 'a', 'b')).toBe('TIMESTAMPDIFF(SECOND, a, b)');
    expect(secondsBetween('sqlite', 'a', 'b')).toBe(
      'CAST(ROUND((julianday(b) - julianday(a)) * 86400) AS INTEGER)',
    );
  });
});
