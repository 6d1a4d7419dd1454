import { parsePeriod } from '../../schema/period';
import { closedPeriods } from '../../subgraphs/common/store/days';
import { definePeriodFact, fromPeriodStored, toPeriodStored } from '../../subgraphs/common/store/period-spec';
import { periodsToCompute } from '../../subgraphs/common/store/refresher';

interface Row {
  readonly period: string;
  readonly point: string;
  readonly divisionCode: string;
  readonly keyGroups: { readonly elderly: number; readonly children: number };
  readonly signedPersons: number;
  readonly feeTotal: number;
}

const declared = {
  name: 'signed',
  grain: 'PERIOD',
  fields: ['signedPersons', 'feeTotal'],
  codeField: 'divisionCode',
  kinds: ['fds'],
  fetch: (): Promise<Row[]> => Promise.resolve([]),
} as const;
const spec = definePeriodFact<Row>(declared);

describe('per-period facts of the measure store', () => {
  test('the closed periods of the configured kinds since `from`, oldest first, longer first', () => {
    expect(closedPeriods(['YEAR', 'HALF_YEAR'], '20180101', '20190801').map((p) => p.id)).toEqual([
      '2018',
      '2018H1',
      '2018H2',
      '2019H1',
    ]);
    // A period ending today is closed (today is not in it); one starting before `from` is not kept.
    expect(closedPeriods(['QUARTER'], '20180215', '20181001').map((p) => p.id)).toEqual(['2018Q2', '2018Q3']);
    expect(closedPeriods(['MONTH'], '20181101', '20190101').map((p) => p.id)).toEqual(['2018-11', '2018-12']);
  });

  test('a run computes the missing periods, those that ended within the window, and the longest-unchecked older ones', () => {
    const stored = new Map([
      ['2018', '2019-03-01T00:00:00Z'],
      ['2018H1', '2019-01-01T00:00:00Z'],
      ['2018H2', '2019-02-01T00:00:00Z'],
      ['2019H1', '2019-07-02T00:00:00Z'],
    ]);
    const plan = periodsToCompute(['YEAR', 'HALF_YEAR'], '20180101', '20200110', 30, stored, 2);
    expect(plan.missing.map((p) => p.id)).toEqual(['2019', '2019H2']);
    expect(plan.recent).toEqual([]);
    expect(plan.verify.map((p) => p.id)).toEqual(['2018H1', '2018H2']);
    // 2019H2 and 2019 ended on 2020-01-01, within 30 days of 2020-01-10: computed again while recent.
    const later = new Map([...stored, ['2019', '2020-01-02T00:00:00Z'], ['2019H2', '2020-01-02T00:00:00Z']]);
    const next = periodsToCompute(['YEAR', 'HALF_YEAR'], '20180101', '20200110', 30, later, 0);
    expect([next.missing, next.recent.map((p) => p.id), next.verify]).toEqual([[], ['2019', '2019H2'], []]);
  });

  test("a row is stored by its scope code and period, every other member a key, and read back as the adapter's row", () => {
    const row: Row = {
      period: '2019',
      point: '20191231',
      divisionCode: '610921',
      keyGroups: { elderly: 7, children: 2 },
      signedPersons: 12,
      feeTotal: 1234.56,
    };
    const [stored, ...more] = toPeriodStored(spec, row);
    expect(more).toEqual([]);
    expect(stored).toEqual({
      orgCode: '610921',
      bucket: '2019',
      dims: '{"divisionCode":"610921","keyGroups":{"elderly":7,"children":2},"point":"20191231"}',
      values: [12, 1234.56],
    });
    expect(fromPeriodStored(spec, stored)).toEqual(row);
    expect(parsePeriod(stored.bucket).granularity).toBe('YEAR');
  });

  test('rows of many institutions read back share the parse of their keys, each with its own code', () => {
    interface OnPost {
      period: string;
      orgCode: string;
      category: string;
      nested: { orgCode: string } | null;
      n: number;
    }
    const onPost = definePeriodFact<OnPost>({
      name: 'onPost',
      grain: 'PERIOD',
      fields: ['n'],
      codeField: 'orgCode',
      kinds: ['hrm'],
      fetch: async () => [],
    });
    const rows: OnPost[] = [
      { period: '2019', orgCode: 'A', category: 'CLINICAL', nested: null, n: 1 },
      { period: '2019', orgCode: 'B', category: 'CLINICAL', nested: null, n: 2 },
      { period: '2019', orgCode: 'C"1', category: 'NURSE', nested: null, n: 3 },
      // The code again in a nested member: parsed as it is, both kept.
      { period: '2019', orgCode: 'D', category: 'NURSE', nested: { orgCode: 'D' }, n: 4 },
      { period: '2019', orgCode: '', category: 'NURSE', nested: null, n: 5 },
    ];
    const back = rows.flatMap((r) => toPeriodStored(onPost, r)).map((r) => fromPeriodStored(onPost, r));
    expect(back).toEqual(rows);
    // Each row an object of its own: changing one leaves the next read of the same keys as stored.
    (back[0] as { category: string }).category = 'CHANGED';
    expect(fromPeriodStored(onPost, toPeriodStored(onPost, rows[1])[0])).toEqual(rows[1]);
  });

  test('a flow between two institutions is stored under each end (once when both ends are one)', () => {
    interface Flow {
      period: string;
      fromOrgCode: string;
      toOrgCode: string;
      kind: string | null;
      persons: number;
    }
    const flow = definePeriodFact<Flow>({
      name: 'flow',
      grain: 'PERIOD',
      fields: ['persons'],
      codeField: 'fromOrgCode',
      otherCodeField: 'toOrgCode',
      kinds: ['hrm'],
      fetch: async () => [],
    });
    const row: Flow = { period: '2019H1', fromOrgCode: 'A', toOrgCode: 'B', kind: 'TECH', persons: 3 };
    const stored = toPeriodStored(flow, row);
    const dims = '{"fromOrgCode":"A","kind":"TECH","toOrgCode":"B"}';
    expect(stored).toEqual([
      { orgCode: 'A', bucket: '2019H1', dims, values: [3] },
      { orgCode: 'B', bucket: '2019H1', dims, values: [3] },
    ]);
    expect(stored.map((r) => fromPeriodStored(flow, r))).toEqual([row, row]);
    expect(toPeriodStored(flow, { ...row, toOrgCode: 'A' }).map((r) => r.orgCode)).toEqual(['A']);
    expect(() => definePeriodFact<Flow>({ ...flow, otherCodeField: 'persons' } as never)).toThrow(
      /code member persons/,
    );
  });

  test('a spec is checked where it is declared', () => {
    expect(() => definePeriodFact<Row>({ ...declared, fields: [] })).toThrow(/1–8 fields/);
    expect(() => definePeriodFact<Row>({ ...declared, fields: ['signedPersons', 'divisionCode'] })).toThrow(
      /code member divisionCode/,
    );
  });
});
