import type { RunningStack } from '../../scripts/stack';
import { buildAllianceFlowsFixture } from '../fixtures/alliances.fixture';
import type { Engine } from '../fixtures/databases';
import { buildFormsFixture, ORG as REG } from '../fixtures/forms.fixture';
import { ORG as FLOW } from '../fixtures/regional-flows.fixture';
import { buildServiceVolumeFixture, ORG as SV } from '../fixtures/service-volume.fixture';
import { buildWorkforceFixture, ORG as WF } from '../fixtures/workforce.fixture';
import { useStack } from '../helpers/stack';
import { gql } from '../helpers/http';

/**
 * The 表3/表4 form items of the catalog (institution scope), computed over HTTP from hand-counted
 * fixture rows: service volume on the service-volume fixture (inpatient.fixture.ts), referrals by
 * disease group, telemedicine and support on the alliance-flows fixture (regional-flows.fixture.ts,
 * alliances.fixture.ts), workforce on the workforce fixture (hrm-ins.fixture.ts), and referrals
 * against discharges on the forms fixture (forms.fixture.ts).
 */
interface Value {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
}

async function indicators(
  stack: RunningStack,
  orgCode: string,
  period: string,
  codes: readonly string[],
): Promise<Value[]> {
  const { body } = await gql(
    stack.gateway.url,
    `query Q($org: OrgCode!, $period: Period!, $codes: [String!]!) {
       institution(orgCode: $org) { indicators(period: $period, codes: $codes) { code value numerator denominator status } }
     }`,
    { org: orgCode, period, codes },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { institution: { indicators: Value[] } }).institution.indicators;
}

/** A count (no denominator), complete. */
const count = (code: string, value: number): Value => ({
  code,
  value,
  numerator: value,
  denominator: null,
  status: 'OK',
});

/** Code → value of a list of counts, in the order asked. */
const counts = (values: Record<string, number>): Value[] =>
  Object.entries(values).map(([code, value]) => count(code, value));

describe.each<Engine>(['sqlite', 'mariadb'])('表3/表4 form items, sources on %s', (engine) => {
  describe('service volume (service-volume fixture)', () => {
    const stack = useStack(() => buildServiceVolumeFixture(engine, 'hag_forms_sv'));

    const codes = [
      'OUTPATIENT_VISIT_COUNT',
      'OUTPATIENT_EMERGENCY_VISIT_COUNT',
      'SURGERY_COUNT',
      'GRADE_3_4_SURGERY_COUNT',
      'DAY_SURGERY_COUNT',
      'RESCUE_COUNT',
    ];

    test('汉阴县中医医院 (HA, vendor A) 2019H1: visits, surgeries by grade, rescues', async () => {
      expect(await indicators(stack, SV.HA, '2019H1', codes)).toEqual(
        counts({
          // MZ_GHXX: 6 visits in 2019H1 (退号 and July left out), 1 of them emergency → 5 + 1.
          OUTPATIENT_VISIT_COUNT: 5,
          OUTPATIENT_EMERGENCY_VISIT_COUNT: 6,
          // BA_SS by SSRQ: s1 (3) s2 (4) s3 (NULL) s4 ('') s5 (4) s6 (3, June; discharged in July) = 6;
          // s7 July and s8 2018 left out. Grade 3: s1 s6; grade 4: s2 s5 → 4. No day surgery.
          SURGERY_COUNT: 6,
          GRADE_3_4_SURGERY_COUNT: 4,
          DAY_SURGERY_COUNT: 0,
          // QJCS of HA's discharges in 2019H1: a1 2 + a6 1 + a8 1 (a4 NULL, the rest 0) = 4.
          RESCUE_COUNT: 4,
        }),
      );
    });

    test('汉阴县涧池镇卫生院 (PA, vendor A) 2019H1: day surgeries, no grade 3/4', async () => {
      expect(await indicators(stack, SV.PA, '2019H1', codes)).toEqual(
        counts({
          // 2 visits, none emergency.
          OUTPATIENT_VISIT_COUNT: 2,
          OUTPATIENT_EMERGENCY_VISIT_COUNT: 2,
          // s9 (grade 1, day, 201905) and s10 (grade 2, day, 201906).
          SURGERY_COUNT: 2,
          GRADE_3_4_SURGERY_COUNT: 0,
          DAY_SURGERY_COUNT: 2,
          // QJCS: a15 3 (a13 NULL, the rest 0).
          RESCUE_COUNT: 3,
        }),
      );
    });
  });

  describe('referrals by disease group, telemedicine and support (alliance-flows fixture)', () => {
    const stack = useStack(() => buildAllianceFlowsFixture(engine, 'hag_forms_af'));

    /** The codes in the order asked: up by group, then down by group. */
    const groupCodes = [
      'CEREBROVASCULAR_UP_CASES',
      'HYPERTENSION_UP_CASES',
      'DIABETES_UP_CASES',
      'COPD_UP_CASES',
      'NEOPLASM_UP_CASES',
      'CEREBROVASCULAR_DOWN_CASES',
      'HYPERTENSION_DOWN_CASES',
      'DIABETES_DOWN_CASES',
      'COPD_DOWN_CASES',
      'NEOPLASM_DOWN_CASES',
    ];
    const byGroup = (up: number[], down: number[]): Record<string, number> =>
      Object.fromEntries(groupCodes.map((code, i) => [code, [...up, ...down][i]]));

    test.each([
      // T1 sends Z01 + Z02 (I63.9, I630 → cerebrovascular) up to H2; Z13 Z14 (OTHER) up; Z15 to an
      // institution outside the registry (direction unknown): not counted.
      ['T1', FLOW.T1, [2, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
      // T2: Z03 'i10' (hypertension) and Z32 J44.9 (COPD) up to H2.
      ['T2', FLOW.T2, [0, 1, 0, 1, 0], [0, 0, 0, 0, 0]],
      // H2 (二级): Z04 C34.9 up to C3 (三级); Z06 J44.1 down to T1; Z12 (no diagnosis: OTHER) down.
      ['H2', FLOW.H2, [0, 0, 0, 0, 1], [0, 0, 0, 1, 0]],
      // C3 (三级): Z05 E11.9 down to H2, Z07 I69.3 down to R1; Z08 Z09 Z18 are OTHER.
      ['C3', FLOW.C3, [0, 0, 0, 0, 0], [1, 0, 1, 0, 0]],
      // N1 (continuing care): Z16 I10 up to C3.
      ['N1', FLOW.N1, [0, 1, 0, 0, 0], [0, 0, 0, 0, 0]],
    ])('%s 2019H1: 上转/下转人数 by disease group', async (_name, org, up, down) => {
      expect(await indicators(stack, org, '2019H1', groupCodes)).toEqual(counts(byGroup(up, down)));
    });

    test('开展远程医疗服务人次数: DONE sessions requested by the institution', async () => {
      // T1: S01 + S02 (201901), S12 (201905), S10 (2019-06-30 23:59:59) = 4 (S05 cancelled, S06
      // pending, S08 July, S09 2018 left out); T2: S03 + S04, S11 = 3; H2: S07 = 1.
      expect(await indicators(stack, FLOW.T1, '2019H1', ['TELEMED_SERVICE_COUNT'])).toEqual([
        count('TELEMED_SERVICE_COUNT', 4),
      ]);
      expect(await indicators(stack, FLOW.T2, '2019H1', ['TELEMED_SERVICE_COUNT'])).toEqual([
        count('TELEMED_SERVICE_COUNT', 3),
      ]);
      expect(await indicators(stack, FLOW.H2, '2019H1', ['TELEMED_SERVICE_COUNT'])).toEqual([
        count('TELEMED_SERVICE_COUNT', 1),
      ]);
    });

    test('新技术、新项目、30 万元以上设备: support given by the institution', async () => {
      const codes = ['NEW_TECH_SUPPORTED', 'NEW_PROJECT_SUPPORTED', 'LARGE_EQUIPMENT_DONATED'];
      // C3: NEW_TECH A01 + A05 (A06 is 2019H2) = 2; NEW_PROJECT A04 = 1; equipment A02 500,000 = 1
      // (A03 299,999.99 is below 30 万).
      expect(await indicators(stack, FLOW.C3, '2019H1', codes)).toEqual(
        counts({ NEW_TECH_SUPPORTED: 2, NEW_PROJECT_SUPPORTED: 1, LARGE_EQUIPMENT_DONATED: 1 }),
      );
      // H2: NEW_TECH A07 = 1; no project; equipment A08 exactly 300,000 = 1 (A09 is a lecture).
      expect(await indicators(stack, FLOW.H2, '2019H1', codes)).toEqual(
        counts({ NEW_TECH_SUPPORTED: 1, NEW_PROJECT_SUPPORTED: 0, LARGE_EQUIPMENT_DONATED: 1 }),
      );
    });
  });

  describe('assignments, further training and recruits (workforce fixture)', () => {
    const stack = useStack(() => buildWorkforceFixture(engine, 'hag_forms_wf'));

    const codes = [
      'ASSIGNED_STAFF_PERSON_TIMES',
      'ASSIGNED_STAFF_DAYS',
      'ASSIGNED_STAFF_LONG_STAYS',
      'EMERGENCY_RECRUITS',
      'PEDIATRICS_RECRUITS',
      'ANESTHESIA_RECRUITS',
      'ICU_RECRUITS',
    ];

    test('汉阴县人民医院 (H2) 2019H1', async () => {
      expect(await indicators(stack, WF.H2, '2019H1', codes)).toEqual(
        counts({
          // A2 (01-01..03-31, 90 days: long), A3 (02-01..04-30, 89 days), A8 (05-01..05-31, 31 days).
          ASSIGNED_STAFF_PERSON_TIMES: 3,
          ASSIGNED_STAFF_DAYS: 90 + 89 + 31,
          ASSIGNED_STAFF_LONG_STAYS: 1,
          // Hired 2019-06-30: EMERGENCY 1; the two with no discipline ('' and NULL) count in none.
          EMERGENCY_RECRUITS: 1,
          PEDIATRICS_RECRUITS: 0,
          ANESTHESIA_RECRUITS: 0,
          ICU_RECRUITS: 0,
        }),
      );
    });

    test('安康市中心医院 (H1) 2019', async () => {
      expect(await indicators(stack, WF.H1, '2019', codes)).toEqual(
        counts({
          // A1 (2019-05-01..08-31, 123 days, long) starts in 2019; A5 started 2018-12-01 (no 人次,
          // 2019-01-01..01-10 = 10 days); A6 ends before it starts; A9 is 2020.
          ASSIGNED_STAFF_PERSON_TIMES: 1,
          ASSIGNED_STAFF_DAYS: 123 + 10,
          ASSIGNED_STAFF_LONG_STAYS: 1,
          // ICU hired 2019-01-01, ANESTHESIA hired 2019-12-31.
          EMERGENCY_RECRUITS: 0,
          PEDIATRICS_RECRUITS: 0,
          ANESTHESIA_RECRUITS: 1,
          ICU_RECRUITS: 1,
        }),
      );
    });

    test('汉阴县城关镇中心卫生院 (hrm T1) sends its staff to train: 2019H1 and 2019', async () => {
      const codes = ['FURTHER_TRAINING_TIMES', 'FURTHER_TRAINING_DURATION_DAYS'];
      // 2019H1: F1 (→H2, 03-01..06-30 = 122 days) and F4 (→H1, 01-15..06-30 = 167 days).
      expect(await indicators(stack, WF.P1, '2019H1', codes)).toEqual(
        counts({ FURTHER_TRAINING_TIMES: 2, FURTHER_TRAINING_DURATION_DAYS: 122 + 167 }),
      );
      // 2019: F1 184 days, F3 (09-01..open) 122, F4 (01-15..12-31) 351, F6 (12-31) 1; F5 is 2018.
      expect(await indicators(stack, WF.P1, '2019', codes)).toEqual(
        counts({ FURTHER_TRAINING_TIMES: 4, FURTHER_TRAINING_DURATION_DAYS: 184 + 122 + 351 + 1 }),
      );
    });
  });

  describe('referral cases against discharges (forms fixture)', () => {
    const stack = useStack(() => buildFormsFixture(engine, 'hag_forms_ref'));

    const codes = [
      'REFERRALS_UP_CASES',
      'REFERRALS_RECEIVED_UP_CASES',
      'REFERRAL_CASES',
      'REFERRAL_SHARE_OF_DISCHARGES',
    ];

    test('安康市中心医院 (H1) 2019H1: (0 up + 2 down + 3 received) / 3 discharges', async () => {
      expect(await indicators(stack, REG.H1, '2019H1', codes)).toEqual([
        count('REFERRALS_UP_CASES', 0),
        // R04 (P2→H1), R05 (H2→H1), R09 (P4→H1).
        count('REFERRALS_RECEIVED_UP_CASES', 3),
        // Up 0 + down R06, R07 (2) + received 3.
        count('REFERRAL_CASES', 5),
        // Discharges D1, D2, D3 (D4 is 2019-07-01 00:00:00, D5 2018): 5 / 3 × 100.
        {
          code: 'REFERRAL_SHARE_OF_DISCHARGES',
          value: (5 / 3) * 100,
          numerator: 5,
          denominator: 3,
          status: 'OK',
        },
      ]);
    });

    test('汉阴县人民医院 (H2) 2019H1: referrals counted, the share not counted without its HIS', async () => {
      const got = await indicators(stack, REG.H2, '2019H1', codes);
      expect(got.slice(0, 3)).toEqual([
        // R05 (二级→三级).
        count('REFERRALS_UP_CASES', 1),
        // R03 (P1→H2).
        count('REFERRALS_RECEIVED_UP_CASES', 1),
        // 1 up + R01 R02 R08 down (3) + 1 received.
        count('REFERRAL_CASES', 5),
      ]);
      expect(got[3]).toMatchObject({
        code: 'REFERRAL_SHARE_OF_DISCHARGES',
        value: null,
        numerator: 5,
        denominator: null,
      });
      expect(got[3].status).toBe('NOT_COUNTED');
    });
  });
});
