import { HOLIDAY_SCHEDULES } from '../his/working-days';
import type { HolidaySchedule } from '../his/working-days';

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

type YearSchedule = HolidaySchedule;

/** 国务院办公厅 holiday notices: the product's calendar (adapters/his/working-days.ts), shared. */
const SCHEDULES: Readonly<Record<number, YearSchedule>> = HOLIDAY_SCHEDULES;

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
