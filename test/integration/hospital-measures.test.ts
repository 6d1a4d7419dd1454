import { callerHeaders } from '../helpers/http';
import { calendarDays, HOLIDAY_SCHEDULES, isWorkingDay, workingDays } from '../../adapters/his/working-days';
import { MEASURE_VALUES_QUERY } from '../../subgraphs/common/measures';
import type { MeasureValueData } from '../../subgraphs/common/measures';
import type { Engine } from '../fixtures/databases';
import { buildHospitalCatalogFixture, ORG } from '../fixtures/hospital-catalog.fixture';
import { useStack } from '../helpers/stack';
import type { RunningStack } from '../../scripts/stack';

/**
 * The institutions subgraph's measure protocol for the hospital measures, asked directly (not
 * through the engine): alliance and alliance-lead scopes, the working-day calendar, and the
 * statement count of a batch, which must not grow with the number of scopes or measures.
 */

describe('the holiday calendar (国务院办公厅 部分节假日安排)', () => {
  test.each([
    // Weekdays of the year − the statutory days (11 until 2024, 13 from 2025; a statutory day on a
    // weekend is made up on a weekday); 2015 adds the 3 days of 9-3 (two weekdays, one 调休 Sunday).
    [2015, 249],
    [2016, 250],
    [2017, 249],
    [2018, 250],
    [2019, 250],
    // 2020: the Spring Festival extended to 2-2, and 2-1 (a 调休 Saturday) no longer worked.
    [2020, 249],
    [2021, 250],
    [2022, 249],
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days', (year, n) => {
    expect(workingDays(`${year}0101`, `${year + 1}0101`)).toBe(n);
  });

  test('调休 weekend days work, holidays on weekdays do not, years without a notice are not counted', () => {
    expect(isWorkingDay('20190202')).toBe(true); // Saturday worked before 春节
    expect(isWorkingDay('20190204')).toBe(false); // Monday, 除夕
    expect(isWorkingDay('20190206')).toBe(false);
    expect(isWorkingDay('20190209')).toBe(false); // Saturday inside the holiday
    expect(isWorkingDay('20190211')).toBe(true);
    expect(isWorkingDay('20140102')).toBeNull();
    expect(workingDays('20190101', '20190701')).toBe(122);
    expect(workingDays('20141201', '20150201')).toBeNull();
    expect(calendarDays('20190101', '20190701')).toBe(181);
    expect(calendarDays('20200101', '20210101')).toBe(366);
    expect(Object.keys(HOLIDAY_SCHEDULES).map(Number)).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });
});

async function measures(
  stack: RunningStack,
  requests: Array<{ kind: string; code: string; period: string; measure: string }>,
): Promise<MeasureValueData[]> {
  const res = await fetch(stack.subgraphs.institutions.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders('national') },
    body: JSON.stringify({
      query: MEASURE_VALUES_QUERY,
      variables: {
        requests: requests.map((r) => ({
          scope: { kind: r.kind, code: r.code },
          period: r.period,
          measure: r.measure,
        })),
      },
    }),
  });
  const body = (await res.json()) as {
    data?: { _measureValues: MeasureValueData[] };
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  return body.data!._measureValues;
}

describe.each<Engine>(['sqlite', 'mariadb'])('hospital measures on %s', (engine) => {
  const stack = useStack(() => buildHospitalCatalogFixture(engine, 'hag_hospm'));

  test('ALLIANCE (members during the period) and ALLIANCE_LEAD (the lead institution)', async () => {
    const values = await measures(stack, [
      { kind: 'ALLIANCE', code: 'JT1', period: '2019H1', measure: 'VISITS_TOTAL' },
      { kind: 'ALLIANCE', code: 'JT1', period: '2018', measure: 'VISITS_TOTAL' },
      { kind: 'ALLIANCE_LEAD', code: 'JT1', period: '2019H1', measure: 'VISITS_TOTAL' },
      { kind: 'ALLIANCE', code: 'JT2', period: '2019H1', measure: 'DISCHARGES' },
      { kind: 'ALLIANCE_LEAD', code: 'JT2', period: '2019H1', measure: 'DISCHARGES' },
      { kind: 'ALLIANCE', code: 'JT2', period: '2019H1', measure: 'BED_DAYS_OPEN' },
      { kind: 'ALLIANCE', code: 'JT2', period: '2019H1', measure: 'SURGERIES' },
      { kind: 'ALLIANCE_LEAD', code: 'JT1', period: '2019H1', measure: 'WORKING_DAYS' },
      { kind: 'ALLIANCE', code: 'JT1', period: '2019H1', measure: 'PERIOD_DAYS' },
    ]);
    expect(values.map((v) => v.value)).toEqual([
      // H3 4 + TC1 2 (H2 left on 2019-01-01).
      6,
      // 2018: H3, and H2 (a member then) with o5 on 2018-12-31; TC1 joined in 2019.
      1,
      // H3 alone.
      4,
      // H3 5 + H2 3.
      8, 5,
      // 21100 + 1550.
      22650,
      // H3's 7 BA_SS rows (s1…s7, all dated in 2019H1) + H2's 2.
      9, 122, 181,
    ]);
    expect(values[0].sources.map((s) => s.id)).toEqual(['his-a']);
    expect(values[3].sources.map((s) => s.id)).toEqual(['his-a', 'his-b']);
  });

  test('an unknown alliance is UNKNOWN_ALLIANCE', async () => {
    await expect(
      measures(stack, [{ kind: 'ALLIANCE', code: 'NOPE', period: '2019', measure: 'VISITS_TOTAL' }]),
    ).rejects.toThrow(/UNKNOWN_ALLIANCE/);
  });

  test('statements do not grow with scopes or measures', async () => {
    const count = async (
      requests: Array<{ kind: string; code: string; period: string; measure: string }>,
    ): Promise<number> => {
      const before = stack.sources.statementCount();
      await measures(stack, requests);
      return stack.sources.statementCount() - before;
    };
    const codes = ['ADMISSIONS', 'CESAREAN_CASES', 'PCI_CASES', 'DAY_SURGERY_DIAGNOSIS_CATEGORIES'];
    const one = await count(
      codes.map((measure) => ({ kind: 'INSTITUTION', code: ORG.H3, period: '2019H1', measure })),
    );
    const many = await count(
      [ORG.H3, ORG.H2, ORG.T2, ORG.TC1].flatMap((code) =>
        [...codes, 'PCI_CASES'].flatMap((measure) => [
          { kind: 'INSTITUTION', code, period: '2019H1', measure },
          { kind: 'INSTITUTION', code, period: '2019Q1', measure },
        ]),
      ),
    );
    const alliances = await count(
      ['JT1', 'JT2'].flatMap((code) =>
        codes.map((measure) => ({ kind: 'ALLIANCE', code, period: '2019H1', measure })),
      ),
    );
    // Three facts (admissions, procedures — cesarean and PCI together — and day-case diagnoses).
    // H3 alone: one registry read, one statement per fact on his-a. Four institutions on two HIS
    // sources, two periods: one registry read, one statement per fact and source.
    expect(one).toBe(1 + 3);
    expect(many).toBe(1 + 3 * 2);
    // Alliances: the alliance rows, their memberships, their institutions, then the same facts.
    expect(alliances).toBe(3 + 3 * 2);
  });
});
