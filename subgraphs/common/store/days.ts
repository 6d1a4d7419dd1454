/**
 * Calendar arithmetic of the measure store on local dates `yyyyMMdd` (Asia/Shanghai days, as
 * the periods use). Pure functions.
 */
import { parsePeriod, periodEnd, periodMonths, periodStart } from '../../../schema/period';
import type { LocalDate, Period, PeriodGranularity } from '../../../schema/period';

const pad = (n: number): string => String(n).padStart(2, '0');

function toUtc(day: LocalDate): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))));
}

function fromUtc(d: Date): LocalDate {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** `day` moved by `n` days (negative: earlier). */
export function addDays(day: LocalDate, n: number): LocalDate {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** The first day of the month `n` months after the month of `day`. */
export function addMonths(day: LocalDate, n: number): LocalDate {
  const d = toUtc(`${day.slice(0, 6)}01`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return fromUtc(d);
}

/** First day of the month of `day`. */
export function monthStart(day: LocalDate): LocalDate {
  return `${day.slice(0, 6)}01`;
}

/** Month keys `yyyyMM` touched by the days `[from, to)`. */
export function monthsOf(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = [];
  for (let m = monthStart(from); m < to; m = addMonths(m, 1)) out.push(m.slice(0, 6));
  return out;
}

/** `[from, to)` cut at month boundaries into pieces of at most `months` months. */
export function chunks(
  from: LocalDate,
  to: LocalDate,
  months: number,
): Array<{ from: LocalDate; to: LocalDate }> {
  const out: Array<{ from: LocalDate; to: LocalDate }> = [];
  let start = from;
  while (start < to) {
    const next = addMonths(start, months);
    const end = next < to ? next : to;
    out.push({ from: start, to: end });
    start = end;
  }
  return out;
}

/** The smaller / larger of two days. */
export const minDay = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
export const maxDay = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);

/** `yyyyMMdd` → `yyyy-MM-dd`. */
export function isoDay(day: LocalDate): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

/** Consecutive days grouped into ranges `[from, to)`. */
export function dayRuns(days: readonly LocalDate[]): Array<{ from: LocalDate; to: LocalDate }> {
  const sorted = [...new Set(days)].sort();
  const out: Array<{ from: LocalDate; to: LocalDate }> = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last.to === d) last.to = addDays(d, 1);
    else out.push({ from: d, to: addDays(d, 1) });
  }
  return out;
}

function periodId(granularity: PeriodGranularity, year: number, index: number): string {
  switch (granularity) {
    case 'YEAR':
      return `${year}`;
    case 'HALF_YEAR':
      return `${year}H${index}`;
    case 'QUARTER':
      return `${year}Q${index}`;
    case 'MONTH':
      return `${year}-${String(index).padStart(2, '0')}`;
  }
}

const PER_YEAR: Record<PeriodGranularity, number> = { YEAR: 1, HALF_YEAR: 2, QUARTER: 4, MONTH: 12 };

/** Oldest first; of two periods starting together, the longer first. */
const byStart = (a: Period, b: Period): number =>
  periodStart(a).localeCompare(periodStart(b)) || b.months - a.months;

/**
 * The closed periods of `kinds` that start on or after `from` and end on or before `today`
 * (`[start, end)` wholly past), oldest first: what the store keeps of a per-period fact, and the
 * periods a summed fact stored over `[from, today)` is rolled up to.
 */
export function closedPeriods(
  kinds: readonly PeriodGranularity[],
  from: LocalDate,
  today: LocalDate,
): Period[] {
  const out: Period[] = [];
  const first = Number(from.slice(0, 4));
  const last = Number(today.slice(0, 4));
  for (let year = first; year <= last; year++) {
    for (const kind of kinds) {
      for (let i = 1; i <= PER_YEAR[kind]; i++) {
        const p = parsePeriod(periodId(kind, year, i));
        if (periodStart(p) >= from && periodEnd(p) <= today) out.push(p);
      }
    }
  }
  return out.sort(byStart);
}

/** The period of `kind` holding the month `yyyyMM`. */
export function periodHolding(kind: PeriodGranularity, month: string): Period {
  const index = Math.ceil(Number(month.slice(4, 6)) / (12 / PER_YEAR[kind]));
  return parsePeriod(periodId(kind, Number(month.slice(0, 4)), index));
}

/** The periods of `kinds` holding any of `months` (`yyyyMM`), each once, oldest first. */
export function periodsHolding(kinds: readonly PeriodGranularity[], months: readonly string[]): Period[] {
  const out = new Map<string, Period>();
  for (const month of months)
    for (const kind of kinds) {
      const p = periodHolding(kind, month);
      out.set(p.id, p);
    }
  return [...out.values()].sort(byStart);
}

/** The period of `kinds` whose months are exactly `months` (`yyyyMM`, any order), or null. */
export function periodOfMonths(
  kinds: readonly PeriodGranularity[],
  months: readonly string[],
): Period | null {
  if (months.length === 0) return null;
  const sorted = [...new Set(months)].sort();
  for (const kind of kinds) {
    const p = periodHolding(kind, sorted[0]);
    const own = periodMonths(p);
    if (own.length === sorted.length && own.every((m, i) => m === sorted[i])) return p;
  }
  return null;
}

/** Whether the whole of `p` lies in the stored days `[from, to)`. */
export function periodWithin(p: Period, from: LocalDate | null, to: LocalDate | null): boolean {
  return from !== null && to !== null && periodStart(p) >= from && periodEnd(p) <= to;
}
