import {
  isClosed,
  isFuture,
  monthRanges,
  parsePeriod,
  periodEnd,
  periodLastDay,
  periodMonths,
  periodStart,
  previousYear,
  todayInShanghai,
} from '../../schema/period';

describe('periods (统计期)', () => {
  test.each([
    ['2019', 'YEAR', '20190101', '20200101', '20191231', 12],
    ['2019H1', 'HALF_YEAR', '20190101', '20190701', '20190630', 6],
    ['2019H2', 'HALF_YEAR', '20190701', '20200101', '20191231', 6],
    ['2019Q3', 'QUARTER', '20190701', '20191001', '20190930', 3],
    ['2020-02', 'MONTH', '20200201', '20200301', '20200229', 1],
    ['2019-12', 'MONTH', '20191201', '20200101', '20191231', 1],
  ])('%s is a %s from %s to %s (last day %s, %i months)', (id, granularity, start, end, last, months) => {
    const p = parsePeriod(id);
    expect(p.granularity).toBe(granularity);
    expect([periodStart(p), periodEnd(p), periodLastDay(p), periodMonths(p).length]).toEqual([
      start,
      end,
      last,
      months,
    ]);
  });

  test.each(['2019H3', '19-06', '2019-13', '2019-00', '2019Q5', '2019h1', ' 2019', '2019-6', '', '1989'])(
    'rejects %p',
    (text) => {
      expect(() => parsePeriod(text)).toThrow();
    },
  );

  test('month keys merge into the fewest half-open ranges', () => {
    const keys = [...periodMonths(parsePeriod('2019H1')), ...periodMonths(parsePeriod('2018H1')), '201807'];
    expect(monthRanges(keys)).toEqual([
      ['20180101', '20180801'],
      ['20190101', '20190701'],
    ]);
    expect(monthRanges(['201912', '202001'])).toEqual([['20191201', '20200201']]);
  });

  test('previous year keeps the granularity', () => {
    expect(previousYear(parsePeriod('2019Q3')).id).toBe('2018Q3');
    expect(previousYear(parsePeriod('2020-02')).id).toBe('2019-02');
  });

  test('today is taken in Asia/Shanghai; open and future periods', () => {
    // 2019-06-30 17:00 UTC is already 2019-07-01 01:00 in Shanghai
    expect(todayInShanghai(new Date(Date.UTC(2019, 5, 30, 17, 0)))).toBe('20190701');
    expect(isClosed(parsePeriod('2019H1'), '20190701')).toBe(true);
    expect(isClosed(parsePeriod('2019H2'), '20190701')).toBe(false);
    expect(isFuture(parsePeriod('2019H2'), '20190701')).toBe(false);
    expect(isFuture(parsePeriod('2019Q4'), '20190701')).toBe(true);
  });
});
