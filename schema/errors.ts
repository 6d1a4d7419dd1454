import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Stable error codes (错误代码) returned in `extensions.code`.
 * Clients may rely on these strings; they never change meaning.
 */
export const ErrorCode = {
  /** 统计期格式错误 — a period that is not `2019`, `2019H1`, `2019Q3` or `2019-06`. */
  INVALID_PERIOD: 'INVALID_PERIOD',
  /** 统计期在未来 — a period that has not started yet. */
  PERIOD_IN_FUTURE: 'PERIOD_IN_FUTURE',
  /** 行政区划代码格式错误 — not six digits. */
  INVALID_DIVISION_CODE: 'INVALID_DIVISION_CODE',
  /** 行政区划不存在 — six digits, but not a division of this region. */
  UNKNOWN_DIVISION: 'UNKNOWN_DIVISION',
  /** 机构代码格式错误 — not an 18-character unified social credit code. */
  INVALID_ORG_CODE: 'INVALID_ORG_CODE',
  /** 机构不存在. */
  UNKNOWN_INSTITUTION: 'UNKNOWN_INSTITUTION',
  /** 医联体不存在 — an alliance id the registry does not know. */
  UNKNOWN_ALLIANCE: 'UNKNOWN_ALLIANCE',
  /** 指标代码不存在. */
  UNKNOWN_INDICATOR: 'UNKNOWN_INDICATOR',
  /** 指标代码列表为空 — `codes: []` asks for nothing; omit the argument to ask for all. */
  EMPTY_CODE_LIST: 'EMPTY_CODE_LIST',
  /** 指标不适用于该层级 — e.g. a province-only indicator asked of a county. */
  INDICATOR_NOT_APPLICABLE: 'INDICATOR_NOT_APPLICABLE',
  /** 考核表不存在 — a form code that is not T1–T4, P1 or P2, or a part the form does not have. */
  UNKNOWN_FORM: 'UNKNOWN_FORM',
  /** 考核表不适用于该范围 — e.g. 表1 (province) asked of a county or an institution. */
  FORM_NOT_APPLICABLE: 'FORM_NOT_APPLICABLE',
  /** 请求参数错误 (generic) — any other invalid argument. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** 度量代码不存在 — a measure code no subgraph serves. */
  UNKNOWN_MEASURE: 'UNKNOWN_MEASURE',
  /** 数据源不可用 — a source the answer cannot do without (e.g. the registry) did not answer. */
  SOURCE_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  /** 度量存储未配置 — the measure store is not configured (every answer is live). */
  STORE_NOT_CONFIGURED: 'STORE_NOT_CONFIGURED',
  /** 度量不可用 — no subgraph serves a measure an indicator needs. */
  MEASURE_UNAVAILABLE: 'MEASURE_UNAVAILABLE',
  /** 未认证 — missing, expired, forged or unsigned credentials; or a subgraph called directly. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** 无权访问 — the caller's scope does not cover this region, institution or alliance (per field). */
  FORBIDDEN: 'FORBIDDEN',
  /** 查询过深 — nesting beyond the configured depth. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** 别名过多 — too many aliases in one operation (use a list field). */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** 查询代价过高 — the operation's estimated cost exceeds the limit. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** 查询过长 — too many tokens in the document. */
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  /** 指令过多 — too many directives. */
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  /** 请求体过大. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** 内容类型不支持 — POST bodies must be application/json. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** 请求格式错误 — e.g. a body that is not JSON. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** 不支持批量请求 — an array of operations in one body. */
  BATCH_NOT_ALLOWED: 'BATCH_NOT_ALLOWED',
  /** 批量请求过大. */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** 方法不允许 — only GET and POST. */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** 请求过于频繁 — the caller's rate limit; retry after the Retry-After header. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** 请求超时 — the whole operation took longer than the gateway's limit. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** 未登记的操作 — app callers may run registered (persisted) operations only. */
  PERSISTED_QUERY_NOT_ALLOWED: 'PERSISTED_QUERY_NOT_ALLOWED',
  /** 未知的持久化操作 — a hash that no registered operation has. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** 内部错误 — details are logged, never returned. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const stableCodes = new Set<string>(Object.values(ErrorCode));

/** A client-facing error with a stable code. */
export function userError(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Extensions that describe our internals (subgraph URLs, response bodies, traces): never sent. */
const INTERNAL_EXTENSIONS = new Set([
  'code',
  'response',
  'serviceName',
  'exception',
  'stacktrace',
  'ftv1',
  'http',
]);

function findStableCode(
  error: unknown,
): { code: string; message: string; extra: Record<string, unknown> } | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth += 1) {
    if (current instanceof GraphQLError) {
      const code = current.extensions?.code;
      if (typeof code === 'string' && stableCodes.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        const extra: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(current.extensions)) {
          if (!INTERNAL_EXTENSIONS.has(key)) extra[key] = value;
        }
        return { code, message: current.message, extra };
      }
    }
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/** Apollo codes that already describe a client mistake and may be passed on as they are. */
const passThroughCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Longest message returned: graphql-js quotes rejected variable values whole (a 10 kB string, say). */
const MAX_MESSAGE = 300;
const clip = (message: string): string =>
  message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE)}… (truncated)`;

/**
 * Apollo Server `formatError`: keeps our stable codes even where Apollo wrapped the error
 * (a scalar that rejected a literal becomes GRAPHQL_VALIDATION_FAILED otherwise), and masks
 * everything unexpected: no stack traces, SQL or connection strings ever reach a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const stable = findStableCode(error);
  if (stable) {
    return {
      message: clip(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...stable.extra, code: stable.code },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (passThroughCodes.has(code) || stableCodes.has(code))) {
    if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return {
        message: clip(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
  }
  return {
    message: 'Internal server error (内部错误)',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
