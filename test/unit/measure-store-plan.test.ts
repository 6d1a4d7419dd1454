import { addDays, addMonths, chunks, dayRuns, monthsOf } from '../../subgraphs/common/store/days';
import { encodeDims, decodeDims, keysPatterns } from '../../subgraphs/common/store/database';
import { divisionStart } from '../../subgraphs/insurance/measures/facts';
import type { StoreState } from '../../subgraphs/common/store/database';
import { monthParts, planSource, storedThrough } from '../../subgraphs/common/store/reader';
import { parsePeriod } from '../../schema/period';
import { defineStoredFact, fromStored, toleranceOf, toStored } from '../../subgraphs/common/store/spec';
import { mergeRuns } from '../../subgraphs/common/store/refresher';
import type { RunProgress } from '../../subgraphs/common/store/refresher';

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
    expect(() => defineStoredFact({ ...spec, checkTolerance: { other: 0.5 } })).toThrow(/tolerance of other/);
    expect(toleranceOf(defineStoredFact({ ...spec, checkTolerance: { count: 0.5 } }), 'count')).toBe(0.5);
    expect(toleranceOf(spec, 'count')).toBe(1e-6);
  });
});

describe('mergeRuns: the runs of one process reported as one', () => {
  const run = (over: Partial<RunProgress>): RunProgress => ({
    id: 1,
    trigger: 'ADMIN',
    group: null,
    startedAt: '2019-04-15T01:00:00.000Z',
    finishedAt: '2019-04-15T01:00:05.000Z',
    tasksTotal: 2,
    tasksDone: 2,
    piecesDone: 3,
    rowsWritten: 10,
    daysVerified: 30,
    daysReaggregated: 1,
    failures: [],
    ...over,
  });
  const failure = {
    sourceId: 'ins',
    fact: 'settlements',
    failure: 'TIMEOUT',
    at: '2019-04-15T01:00:01.000Z',
  };

  test('the latest run with the runs of its group: sums, failures together, running while any runs', () => {
    const older = run({ id: 7, group: null, startedAt: '2019-04-14T00:00:00.000Z', tasksTotal: 99 });
    const a = run({ id: 2, group: 'ADMIN-x', startedAt: '2019-04-15T01:00:00.000Z' });
    const b = run({
      id: 5,
      group: 'ADMIN-x',
      startedAt: '2019-04-15T01:00:00.002Z',
      finishedAt: null,
      tasksTotal: 1,
      tasksDone: 0,
      rowsWritten: 4,
      failures: [failure],
    });
    expect(mergeRuns([older, a, b, null])).toEqual({
      id: 5,
      trigger: 'ADMIN',
      group: 'ADMIN-x',
      startedAt: '2019-04-15T01:00:00.000Z',
      finishedAt: null,
      tasksTotal: 3,
      tasksDone: 2,
      piecesDone: 6,
      rowsWritten: 14,
      daysVerified: 60,
      daysReaggregated: 2,
      failures: [failure],
    });
  });

  test('a run of its own is reported alone; none is null', () => {
    const scheduled = run({ trigger: 'SCHEDULE', startedAt: '2019-04-16T00:00:00.000Z' });
    expect(mergeRuns([run({ group: 'STARTUP', trigger: 'STARTUP' }), scheduled])).toBe(scheduled);
    expect(mergeRuns([null, null])).toBeNull();
  });
});

describe('monthParts: the months the store may sum for a batch', () => {
  test('months held by the same periods form one group; a period takes whole groups only', () => {
    const months = ['201901', '201902', '201903', '201904', '201905', '201906', '201907', '201812'];
    // 2019 and 2019H1 asked together: H1 months are in both, the rest of 2019 in one; 2018-12 in none.
    expect(monthParts(months, [parsePeriod('2019'), parsePeriod('2019H1')])).toEqual([
      ['201812'],
      ['201901', '201902', '201903', '201904', '201905', '201906'],
      ['201907'],
    ]);
    expect(monthParts(['201901', '201801', '201802'], [parsePeriod('2019'), parsePeriod('2018')])).toEqual([
      ['201801', '201802'],
      ['201901'],
    ]);
  });
});

describe('keys filtered in the store SQL (keysPatterns)', () => {
  test("each value's exact member text, LIKE wildcards escaped with '!', repeats once", () => {
    expect(keysPatterns({ key: 'insuAdmdvs', values: ['610921', '61_9%', '610921'] })).toEqual([
      '%"insuAdmdvs":"610921"%',
      '%"insuAdmdvs":"61!_9!%"%',
    ]);
  });

  test('values under a start share its one pattern; the others keep their own; a start no value has is left out', () => {
    const patterns = keysPatterns({
      key: 'insuAdmdvs',
      values: ['610900', '610902', '610921', '610981', '620102'],
      prefixes: ['6109', '6201_', '6501'],
    });
    expect(patterns).toEqual(['%"insuAdmdvs":"6109%', '%"insuAdmdvs":"620102"%']);
    // The start's pattern keeps every value under it, and drops a code of another city.
    const like = (text: string, pattern: string): boolean =>
      new RegExp(`^${pattern.replace(/%/g, '.*')}$`).test(text);
    const encoded = (area: string): string => encodeDims({ insuAdmdvs: area, medType: '11' });
    expect(['610900', '610921', '610981'].every((a) => like(encoded(a), patterns[0]))).toBe(true);
    expect(like(encoded('611002'), patterns[0])).toBe(false);
    expect(divisionStart('610900')).toBe('6109');
    expect(divisionStart('610000')).toBe('61');
    expect(divisionStart('610921')).toBe('610921');
  });

  test('the pattern is the text encodeDims writes for that member, wherever it stands among the keys', () => {
    const encoded = encodeDims({ medType: '11', insuAdmdvs: '610921', inpatient: true, 名: '安康' });
    const [pattern] = keysPatterns({ key: 'insuAdmdvs', values: ['610921'] });
    expect(encoded).toContain(pattern.slice(1, -1));
    // A non-ASCII value is escaped as encodeDims escapes it.
    const [chinese] = keysPatterns({ key: '名', values: ['安康'] });
    expect(encoded).toContain(chinese.slice(1, -1));
  });
});
