/**
 * 统计期 (reporting period): compact identifiers `2019`, `2019H1`, `2019Q3`, `2019-06`.
 * Pure functions; every bound is a local (Asia/Shanghai) calendar date, half-open [start, end).
 */
export type PeriodGranularity = 'YEAR' | 'HALF_YEAR' | 'QUARTER' | 'MONTH';

export interface Period {
  /** Canonical identifier, e.g. `2019H1`. */
  readonly id: string;
  readonly granularity: PeriodGranularity;
  readonly year: number;
  /** First month, 1-based, inclusive. */
  readonly startMonth: number;
  /** Number of months covered. */
  readonly months: number;
}

/** A local calendar date `yyyyMMdd`. */
export type LocalDate = string;

export class PeriodFormatError extends Error {}

const PATTERN = /^(\d{4})(?:(H)([12])|(Q)([1-4])|-(\d{2}))?$/;

export const MIN_YEAR = 1990;

export function parsePeriod(text: string): Period {
  const m = PATTERN.exec(text);
  if (!m) {
    throw new PeriodFormatError(
      `"${text.slice(0, 40)}" is not a period (统计期格式应为 2019, 2019H1, 2019Q3 或 2019-06)`,
    );
  }
  const year = Number(m[1]);
  if (year < MIN_YEAR) throw new PeriodFormatError(`Year ${year} is before ${MIN_YEAR} (年份过早)`);
  if (m[2]) {
    const half = Number(m[3]);
    return {
      id: `${year}H${half}`,
      granularity: 'HALF_YEAR',
      year,
      startMonth: half === 1 ? 1 : 7,
      months: 6,
    };
  }
  if (m[4]) {
    const q = Number(m[5]);
    return { id: `${year}Q${q}`, granularity: 'QUARTER', year, startMonth: (q - 1) * 3 + 1, months: 3 };
  }
  if (m[6]) {
    const month = Number(m[6]);
    if (month < 1 || month > 12) throw new PeriodFormatError(`Month ${m[6]} does not exist (月份应为 01–12)`);
    return { id: `${year}-${m[6]}`, granularity: 'MONTH', year, startMonth: month, months: 1 };
  }
  return { id: `${year}`, granularity: 'YEAR', year, startMonth: 1, months: 12 };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Month keys `yyyyMM` covered by the period, in order. */
export function periodMonths(p: Period): string[] {
  return Array.from({ length: p.months }, (_, i) => `${p.year}${pad(p.startMonth + i)}`);
}

/** First day, inclusive (`yyyyMMdd`). */
export function periodStart(p: Period): LocalDate {
  return `${p.year}${pad(p.startMonth)}01`;
}

/** Day after the last day, exclusive (`yyyyMMdd`). */
export function periodEnd(p: Period): LocalDate {
  const endMonth = p.startMonth + p.months;
  return endMonth > 12 ? `${p.year + 1}0101` : `${p.year}${pad(endMonth)}01`;
}

/** Last day of the period: the 统计时间点 of the seed (`yyyyMMdd`). */
export function periodLastDay(p: Period): LocalDate {
  const endMonth = p.startMonth + p.months - 1;
  const days = new Date(Date.UTC(p.year, endMonth, 0)).getUTCDate();
  return `${p.year}${pad(endMonth)}${pad(days)}`;
}

/** The same period one year earlier (for growth and year-on-year comparisons). */
export function previousYear(p: Period): Period {
  const id = `${p.year - 1}${p.id.slice(4)}`;
  return parsePeriod(id);
}

/** One formatter for every call: building an Intl.DateTimeFormat costs far more than using it. */
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Asia/Shanghai as `yyyyMMdd`. */
export function todayInShanghai(now: Date = new Date()): LocalDate {
  // Every period argument asks (hundreds a request): the day of the last second asked is kept.
  const second = Math.floor(now.getTime() / 1000);
  if (lastDay && lastDay.second === second) return lastDay.day;
  const parts = SHANGHAI_DAY.formatToParts(now);
  const get = (t: string): string => parts.find((x) => x.type === t)?.value ?? '';
  const day = `${get('year')}${get('month')}${get('day')}`;
  lastDay = { second, day };
  return day;
}

/** todayInShanghai's last answer and the second (since the epoch) it was for. */
let lastDay: { readonly second: number; readonly day: LocalDate } | null = null;

/** A period is in the future when it has not started yet. */
export function isFuture(p: Period, today: LocalDate = todayInShanghai()): boolean {
  return periodStart(p) > today;
}

/** A period is closed (immutable, cacheable) when its last day is before today. */
export function isClosed(p: Period, today: LocalDate = todayInShanghai()): boolean {
  return periodEnd(p) <= today;
}

/**
 * Merge month keys into the fewest half-open date ranges `[from, to)` (`yyyyMMdd`),
 * so that several periods of one request become one index-friendly predicate.
 */
export function monthRanges(monthKeys: Iterable<string>): Array<[LocalDate, LocalDate]> {
  const sorted = [...new Set(monthKeys)].sort();
  const ranges: Array<[LocalDate, LocalDate]> = [];
  for (const key of sorted) {
    const start = `${key}01`;
    const y = Number(key.slice(0, 4));
    const m = Number(key.slice(4, 6));
    const end = m === 12 ? `${y + 1}0101` : `${y}${pad(m + 1)}01`;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === start) last[1] = end;
    else ranges.push([start, end]);
  }
  return ranges;
}
