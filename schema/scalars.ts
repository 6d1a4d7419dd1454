import { GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { ErrorCode, userError } from './errors';
import { isFuture, parsePeriod, PeriodFormatError } from './period';
import type { Period } from './period';

function literalString(node: ValueNode, code: ErrorCode, what: string): string {
  if (node.kind !== Kind.STRING) throw userError(code, `${what} must be a string (须为字符串)`);
  return node.value;
}

/** Parse and check a period identifier; throws a GraphQL error with a stable code. */
export function toPeriod(value: unknown): Period {
  if (typeof value !== 'string')
    throw userError(ErrorCode.INVALID_PERIOD, 'Period must be a string (统计期须为字符串)');
  let period: Period;
  try {
    period = parsePeriod(value);
  } catch (e) {
    if (e instanceof PeriodFormatError) throw userError(ErrorCode.INVALID_PERIOD, e.message);
    throw e;
  }
  if (isFuture(period)) {
    throw userError(ErrorCode.PERIOD_IN_FUTURE, `Period ${period.id} has not started yet (统计期尚未开始)`);
  }
  return period;
}

export const PeriodScalar = new GraphQLScalarType<Period, string>({
  name: 'Period',
  description:
    '统计期 Reporting period: `2019` (year 年), `2019H1`/`2019H2` (half-year 半年), `2019Q1`–`2019Q4` (quarter 季度) or `2019-06` (month 月). Local time Asia/Shanghai, half-open [start, end). A period that has not started is rejected with PERIOD_IN_FUTURE; a malformed one with INVALID_PERIOD.',
  serialize: (value) => (typeof value === 'string' ? value : (value as Period).id),
  parseValue: (value) => toPeriod(value),
  parseLiteral: (node) => toPeriod(literalString(node, ErrorCode.INVALID_PERIOD, 'Period')),
});

const DIVISION = /^\d{6}$/;

export function toDivisionCode(value: unknown): string {
  if (typeof value !== 'string' || !DIVISION.test(value)) {
    throw userError(
      ErrorCode.INVALID_DIVISION_CODE,
      `"${String(value).slice(0, 40)}" is not a 6-digit division code (行政区划代码应为6位数字)`,
    );
  }
  return value;
}

export const DivisionCodeScalar = new GraphQLScalarType<string, string>({
  name: 'DivisionCode',
  description:
    '行政区划代码 Administrative division code (GB/T 2260), six digits: province 省 (e.g. 610000), city 地市 (610900), county 县区 (610902). Malformed codes are rejected with INVALID_DIVISION_CODE.',
  serialize: (value) => String(value),
  parseValue: (value) => toDivisionCode(value),
  parseLiteral: (node) =>
    toDivisionCode(literalString(node, ErrorCode.INVALID_DIVISION_CODE, 'DivisionCode')),
});

/** GB 32100 unified social credit code: 18 characters of 0-9 and A–Y without I, O, S, V, Z. */
const ORG = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

export function toOrgCode(value: unknown): string {
  if (typeof value !== 'string' || !ORG.test(value)) {
    throw userError(
      ErrorCode.INVALID_ORG_CODE,
      `"${String(value).slice(0, 40)}" is not an 18-character unified social credit code (机构代码应为18位统一社会信用代码)`,
    );
  }
  return value;
}

export const OrgCodeScalar = new GraphQLScalarType<string, string>({
  name: 'OrgCode',
  description:
    '机构代码 Institution code: the 18-character unified social credit code 统一社会信用代码 (GB 32100). Malformed codes are rejected with INVALID_ORG_CODE.',
  serialize: (value) => String(value),
  parseValue: (value) => toOrgCode(value),
  parseLiteral: (node) => toOrgCode(literalString(node, ErrorCode.INVALID_ORG_CODE, 'OrgCode')),
});
