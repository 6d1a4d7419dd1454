/**
 * The demo's calendar: days of a month, weekdays and the Chinese public-holiday schedule (with the
 * weekend days worked in exchange, 调休) for the demo years. All arithmetic is on calendar dates in
 * UTC, so the machine's time zone never matters.
 */

/** How a day is treated: a working day, a weekend day, a public holiday or a Spring Festival day. */
export type DayKind = 'WORK' | 'WEEKEND' | 'HOLIDAY' | 'SPRING';

/** `yyyyMMdd` of a date. */
export function dateKey(year: number, month: number, day: number): string {
  return `${year}${pad2(month)}${pad2(day)}`;
}

/** Two-digit zero-padded number. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

interface YearSchedule {
  /** Closed days: [first yyyyMMdd, last yyyyMMdd]. */
  readonly holidays: ReadonlyArray<readonly [string, string]>;
  /** Spring Festival days (a subset of holidays with even fewer visits). */
  readonly spring: readonly [string, string];
  /** Weekend days worked instead (调休). */
  readonly workdays: readonly string[];
}

/** 国务院办公厅 holiday notices for the years the demo may cover. */
const SCHEDULES: Readonly<Record<number, YearSchedule>> = {
  2017: {
    holidays: [
      ['20170101', '20170102'],
      ['20170127', '20170202'],
      ['20170402', '20170404'],
      ['20170429', '20170501'],
      ['20170528', '20170530'],
      ['20171001', '20171008'],
      ['20171230', '20171231'],
    ],
    spring: ['20170127', '20170202'],
    workdays: ['20170122', '20170204', '20170401', '20170527', '20170930'],
  },
  2018: {
    holidays: [
      ['20180101', '20180101'],
      ['20180215', '20180221'],
      ['20180405', '20180407'],
      ['20180429', '20180501'],
      ['20180616', '20180618'],
      ['20180922', '20180924'],
      ['20181001', '20181007'],
      ['20181230', '20181231'],
    ],
    spring: ['20180215', '20180221'],
    workdays: ['20180211', '20180224', '20180408', '20180428', '20180929', '20180930', '20181229'],
  },
  2019: {
    holidays: [
      ['20190101', '20190101'],
      ['20190204', '20190210'],
      ['20190405', '20190407'],
      ['20190501', '20190504'],
      ['20190607', '20190609'],
      ['20190913', '20190915'],
      ['20191001', '20191007'],
    ],
    spring: ['20190204', '20190210'],
    workdays: ['20190202', '20190203', '20190428', '20190505', '20190929', '20191012'],
  },
  2020: {
    holidays: [
      ['20200101', '20200101'],
      ['20200124', '20200202'],
      ['20200404', '20200406'],
      ['20200501', '20200505'],
      ['20200625', '20200627'],
      ['20201001', '20201008'],
    ],
    spring: ['20200124', '20200202'],
    workdays: ['20200119', '20200426', '20200509', '20200628', '20200927', '20201010'],
  },
  2021: {
    holidays: [
      ['20210101', '20210103'],
      ['20210211', '20210217'],
      ['20210403', '20210405'],
      ['20210501', '20210505'],
      ['20210612', '20210614'],
      ['20210919', '20210921'],
      ['20211001', '20211007'],
    ],
    spring: ['20210211', '20210217'],
    workdays: ['20210207', '20210220', '20210425', '20210508', '20210918', '20210926', '20211009'],
  },
};

/** Years without a schedule above get only the fixed-date holidays. */
function fallbackSchedule(year: number): YearSchedule {
  return {
    holidays: [
      [`${year}0101`, `${year}0101`],
      [`${year}0501`, `${year}0501`],
      [`${year}1001`, `${year}1007`],
    ],
    spring: [`${year}0000`, `${year}0000`],
    workdays: [],
  };
}

/** How the day `yyyyMMdd` is treated. */
export function dayKind(year: number, month: number, day: number): DayKind {
  const key = dateKey(year, month, day);
  const schedule = SCHEDULES[year] ?? fallbackSchedule(year);
  if (key >= schedule.spring[0] && key <= schedule.spring[1]) return 'SPRING';
  if (schedule.holidays.some(([from, to]) => key >= from && key <= to)) return 'HOLIDAY';
  if (schedule.workdays.includes(key)) return 'WORK';
  const dow = dayOfWeek(year, month, day);
  return dow === 0 || dow === 6 ? 'WEEKEND' : 'WORK';
}

/** One day of a month: its number, `yyyyMMdd` key and kind. */
export interface CalendarDay {
  readonly day: number;
  readonly key: string;
  readonly kind: DayKind;
}

const monthCache = new Map<number, readonly CalendarDay[]>();

/** The days of a month with their kinds (memoised: the generator asks for each month many times). */
export function monthDays(year: number, month: number): readonly CalendarDay[] {
  const id = year * 100 + month;
  let days = monthCache.get(id);
  if (!days) {
    days = Array.from({ length: daysInMonth(year, month) }, (_, i) => ({
      day: i + 1,
      key: dateKey(year, month, i + 1),
      kind: dayKind(year, month, i + 1),
    }));
    monthCache.set(id, days);
  }
  return days;
}

/** Days since 1970-01-01 of `yyyyMMdd`. */
export function dayNumber(key: string): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(4, 6)) - 1, Number(key.slice(6, 8))) / 86_400_000;
}

/** `yyyyMMdd` of a day number. */
export function keyOfDayNumber(n: number): string {
  const d = new Date(n * 86_400_000);
  return dateKey(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
