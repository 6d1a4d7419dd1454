/**
 * The public-holiday calendar (全国年节及纪念日放假办法 as scheduled each year by the State Council),
 * for 工作日 (working days): Monday–Friday that are not public holidays, plus the weekend days
 * worked in exchange (调休). 平均每日门诊人次 divides by working days, never by 365 (seed 004
 * 二 (二) 5: "是总诊疗人次数除以工作日天数，而不是除以 365"; legacy-systems.md, canonical 诊疗人次).
 *
 * Each year is copied from the 国务院办公厅关于<year>年部分节假日安排的通知:
 *   2015 国办发明电〔2014〕28号, plus 国发明电〔2015〕3号 (中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日);
 *   2016 国办发明电〔2015〕18号; 2017 国办发明电〔2016〕17号; 2018 国办发明电〔2017〕12号;
 *   2019 国办发明电〔2018〕15号 and 国办发明电〔2019〕2号 (劳动节 revised to 4 days);
 *   2020 国办发明电〔2019〕16号 and 国办发明电〔2020〕1号 (春节 extended to 2月2日; 2月1日 no longer worked);
 *   2021 国办发明电〔2020〕27号; 2022 国办发明电〔2021〕11号; 2023 国办发明电〔2022〕16号;
 *   2024 国办发明电〔2023〕7号; 2025 国办发明电〔2024〕12号; 2026 国办发明电〔2025〕7号.
 * A year without a notice here has no working-day count (null, "--"): it is never guessed.
 * All arithmetic is on calendar dates in UTC, so the machine's time zone never matters.
 */

export interface HolidaySchedule {
  /** Days off: inclusive ranges [first yyyyMMdd, last yyyyMMdd] (weekend days inside them included). */
  readonly holidays: ReadonlyArray<readonly [string, string]>;
  /** The Spring Festival days off (one of the ranges above). */
  readonly spring: readonly [string, string];
  /** Weekend days worked instead (调休上班). */
  readonly workdays: readonly string[];
}

export const HOLIDAY_SCHEDULES: Readonly<Record<number, HolidaySchedule>> = {
  2015: {
    holidays: [
      ['20150101', '20150103'],
      ['20150218', '20150224'],
      ['20150404', '20150406'],
      ['20150501', '20150503'],
      ['20150620', '20150622'],
      ['20150903', '20150905'],
      ['20150926', '20150927'],
      ['20151001', '20151007'],
    ],
    spring: ['20150218', '20150224'],
    workdays: ['20150104', '20150215', '20150228', '20150906', '20151010'],
  },
  2016: {
    holidays: [
      ['20160101', '20160103'],
      ['20160207', '20160213'],
      ['20160402', '20160404'],
      ['20160430', '20160502'],
      ['20160609', '20160611'],
      ['20160915', '20160917'],
      ['20161001', '20161007'],
      ['20161231', '20161231'],
    ],
    spring: ['20160207', '20160213'],
    workdays: ['20160206', '20160214', '20160612', '20160918', '20161008', '20161009'],
  },
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
  2022: {
    holidays: [
      ['20220101', '20220103'],
      ['20220131', '20220206'],
      ['20220403', '20220405'],
      ['20220430', '20220504'],
      ['20220603', '20220605'],
      ['20220910', '20220912'],
      ['20221001', '20221007'],
      ['20221231', '20221231'],
    ],
    spring: ['20220131', '20220206'],
    workdays: ['20220129', '20220130', '20220402', '20220424', '20220507', '20221008', '20221009'],
  },
  2023: {
    holidays: [
      ['20230101', '20230102'],
      ['20230121', '20230127'],
      ['20230405', '20230405'],
      ['20230429', '20230503'],
      ['20230622', '20230624'],
      ['20230929', '20231006'],
      ['20231230', '20231231'],
    ],
    spring: ['20230121', '20230127'],
    workdays: ['20230128', '20230129', '20230423', '20230506', '20230625', '20231007', '20231008'],
  },
  2024: {
    holidays: [
      ['20240101', '20240101'],
      ['20240210', '20240217'],
      ['20240404', '20240406'],
      ['20240501', '20240505'],
      ['20240608', '20240610'],
      ['20240915', '20240917'],
      ['20241001', '20241007'],
    ],
    spring: ['20240210', '20240217'],
    workdays: [
      '20240204',
      '20240218',
      '20240407',
      '20240428',
      '20240511',
      '20240914',
      '20240929',
      '20241012',
    ],
  },
  2025: {
    holidays: [
      ['20250101', '20250101'],
      ['20250128', '20250204'],
      ['20250404', '20250406'],
      ['20250501', '20250505'],
      ['20250531', '20250602'],
      ['20251001', '20251008'],
    ],
    spring: ['20250128', '20250204'],
    workdays: ['20250126', '20250208', '20250427', '20250928', '20251011'],
  },
  2026: {
    holidays: [
      ['20260101', '20260103'],
      ['20260215', '20260223'],
      ['20260404', '20260406'],
      ['20260501', '20260505'],
      ['20260619', '20260621'],
      ['20260925', '20260927'],
      ['20261001', '20261007'],
    ],
    spring: ['20260215', '20260223'],
    workdays: ['20260104', '20260214', '20260228', '20260509', '20260920', '20261010'],
  },
};

/** Years with a holiday schedule: the only years whose working days are counted. */
export const CALENDAR_YEARS: readonly number[] = Object.keys(HOLIDAY_SCHEDULES).map(Number);

function key(d: Date): string {
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${d.getUTCFullYear()}${m < 10 ? '0' : ''}${m}${day < 10 ? '0' : ''}${day}`;
}

/** Whether `yyyyMMdd` is a working day; null when its year has no schedule. */
export function isWorkingDay(day: string): boolean | null {
  const schedule = HOLIDAY_SCHEDULES[Number(day.slice(0, 4))];
  if (!schedule) return null;
  if (schedule.workdays.includes(day)) return true;
  if (schedule.holidays.some(([from, to]) => day >= from && day <= to)) return false;
  const dow = new Date(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))),
  ).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** Days of the half-open span [start, end) (`yyyyMMdd`), as `yyyyMMdd` keys. */
export function daysOf(start: string, end: string): string[] {
  const at = (s: string): Date =>
    new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8))));
  const days: string[] = [];
  for (let d = at(start); key(d) < end; d = new Date(d.getTime() + 86_400_000)) days.push(key(d));
  return days;
}

/** Calendar days of [start, end). */
export function calendarDays(start: string, end: string): number {
  return daysOf(start, end).length;
}

/** 工作日天数 of [start, end); null when a day of it falls in a year without a schedule. */
export function workingDays(start: string, end: string): number | null {
  let n = 0;
  for (const day of daysOf(start, end)) {
    const working = isWorkingDay(day);
    if (working === null) return null;
    if (working) n += 1;
  }
  return n;
}
