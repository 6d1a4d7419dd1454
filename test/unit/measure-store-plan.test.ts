import { addDays, addMonths, chunks, dayRuns, monthsOf } from '../../subgraphs/common/store/days';
import { encodeDims, decodeDims } from '../../subgraphs/common/store/database';
import type { StoreState } from '../../subgraphs/common/store/database';
import { planSource, storedThrough } from '../../subgraphs/common/store/reader';
import { defineStoredFact, fromStored, toStored } from '../../subgraphs/common/store/spec';

const state = (storedFrom: string, storedTo: string): StoreState => ({
  fact: 'visits',
  sourceId: 'his',
  storedFrom,
  storedTo,
  verifiedTo: null,
  refreshedAt: null,
  verifiedAt: null,
  lastError: null,
});

describe('measure store: calendar pieces', () => {
  test('days and months across month and year ends, leap years included', () => {
    expect([addDays('20191231', 1), addDays('20200301', -1), addDays('20190301', -1)]).toEqual([
      '20200101',
      '20200229',
      '20190228',
    ]);
    expect([addMonths('20191115', 2), addMonths('20190131', 1)]).toEqual(['20200101', '20190201']);
    expect(monthsOf('20181215', '20190201')).toEqual(['201812', '201901']);
    expect(chunks('20180701', '20190316', 3)).toEqual([
      { from: '20180701', to: '20181001' },
      { from: '20181001', to: '20190101' },
      { from: '20190101', to: '20190316' },
    ]);
    expect(chunks('20190316', '20190316', 3)).toEqual([]);
    expect(dayRuns(['20190103', '20190101', '20190102', '20190110'])).toEqual([
      { from: '20190101', to: '20190104' },
      { from: '20190110', to: '20190111' },
    ]);
  });
});

describe('measure store: which months come from the store and which live', () => {
  const H1 = ['201901', '201902', '201903', '201904', '201905', '201906'];

  test('nothing stored: every month live', () => {
    expect(planSource(undefined, 'DAY', H1)).toMatchObject({
      storedMonths: [],
      partial: null,
      earlyMonths: H1,
    });
  });

  test('a frontier inside April: Jan–Mar stored, April partly, May–June live after the frontier', () => {
    const plan = planSource(state('20180701', '20190415'), 'DAY', H1);
    expect(plan).toMatchObject({
      storedMonths: ['201901', '201902', '201903'],
      partial: { month: '201904', upTo: '20190415' },
      tailMonths: ['201904', '201905', '201906'],
      earlyMonths: [],
    });
    expect(storedThrough(plan, '20190101', '20190701')).toBe('20190414');
  });

  test('months before the first stored day are live; a monthly fact has no partial month', () => {
    const plan = planSource(state('20190201', '20190415'), 'MONTH', H1);
    expect(plan).toMatchObject({
      storedMonths: ['201902', '201903'],
      partial: null,
      tailMonths: ['201904', '201905', '201906'],
      earlyMonths: ['201901'],
    });
    // The period starts before the store: it is not said to come from the store.
    expect(storedThrough(plan, '20190101', '20190701')).toBeNull();
  });

  test('a period wholly stored: through its last day', () => {
    const plan = planSource(state('20180101', '20261125'), 'DAY', H1);
    expect(plan.storedMonths).toEqual(H1);
    expect(storedThrough(plan, '20190101', '20190701')).toBe('20190630');
  });
});

describe('measure store: rows in and out', () => {
  const spec = defineStoredFact({
    name: 'surgeries',
    grain: 'DAY',
    fields: ['count'],
    checkFields: ['count'],
    kinds: ['his_a'],
    fetch: () => Promise.resolve([]),
  });

  test('keys are canonical text (sorted, ASCII), values positional; a row comes back as the adapter gave it', () => {
    const row = { orgCode: 'O1', month: '20190105', grade: 3, dayCase: true, elective: false, count: 4 };
    const stored = toStored(spec, row);
    expect(stored).toEqual({
      orgCode: 'O1',
      bucket: '20190105',
      dims: '{"dayCase":true,"elective":false,"grade":3}',
      values: [4],
    });
    expect(fromStored(spec, { ...stored, bucket: '201901' })).toEqual({ ...row, month: '201901' });
    expect(encodeDims({ name: '汉阴' })).toBe('{"name":"\\u6c49\\u9634"}');
    expect(decodeDims(encodeDims({ name: '汉阴', none: null }))).toEqual({ name: '汉阴', none: null });
  });

  test('a spec is checked where it is declared', () => {
    expect(() => defineStoredFact({ ...spec, checkFields: ['other'] })).toThrow(/check field other/);
    expect(() => defineStoredFact({ ...spec, fields: [] })).toThrow(/1–8 fields/);
  });
});
