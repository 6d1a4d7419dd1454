import { ErrorCode, userError } from '../../../schema/errors';
import { periodLastDay, todayInShanghai } from '../../../schema/period';
import { toPeriod } from '../../../schema/scalars';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day (`yyyyMMdd`) a state is judged on: a date `yyyy-MM-dd` as given, a period identifier
 * by its last day (统计时间点), nothing → today (Asia/Shanghai).
 */
export function timePointOf(asOf: string | undefined | null): string {
  if (asOf === undefined || asOf === null) return todayInShanghai();
  const m = DATE.exec(asOf);
  if (m) {
    const [, y, mo, d] = m;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (
      date.getUTCFullYear() !== Number(y) ||
      date.getUTCMonth() !== Number(mo) - 1 ||
      date.getUTCDate() !== Number(d)
    ) {
      throw userError(ErrorCode.BAD_USER_INPUT, `${asOf} is not a date (日期无效)`);
    }
    return `${y}${mo}${d}`;
  }
  return periodLastDay(toPeriod(asOf));
}
