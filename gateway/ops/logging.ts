/**
 * The product's one logger: pino, JSON lines, ISO times, the level as a word, and the current
 * request id (request-id.ts) on every line written while a request is being served.
 */
import { destination, pino, stdTimeFunctions } from 'pino';
import type { RequestHandler } from 'express';
import type { DestinationStream, Logger } from 'pino';
import { currentRequestId } from './request-id';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** pino level; default `LOG_LEVEL` or `info`. */
  readonly level?: string;
  /** Where lines go; default stdout. */
  readonly destination?: DestinationStream;
  /** Fields on every line (`service`, say). */
  readonly base?: Record<string, unknown>;
}

/** A JSON logger; lines written inside a request carry `requestId`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: options.base ?? {},
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
    },
    options.destination ?? destination(1),
  );
}

/** A logger that writes nothing (tests, embedded use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** The `warn`/`info` interface the source registry and the stack expect, written through `logger`. */
export function consoleOf(logger: Logger): Pick<Console, 'warn' | 'info'> {
  return {
    warn: (message: string) => logger.warn(message),
    info: (message: string) => logger.info(message),
  };
}

/**
 * An audit sink (gateway/hardening/audit.ts lines) that writes each record through `logger` at
 * info level, under `audit`, with the request id of the operation.
 */
export function auditSink(logger: Logger): (line: string, requestId?: string) => void {
  return (line, requestId) => {
    let audit: unknown;
    try {
      audit = JSON.parse(line);
    } catch {
      audit = line;
    }
    logger.info({ ...(requestId === undefined ? {} : { requestId }), audit }, 'graphql.operation');
  };
}

/** Express middleware: one line per HTTP request when it ends (method, path, status, ms) at `level`. */
export function accessLogMiddleware(
  logger: Logger,
  level: 'debug' | 'info' = 'debug',
  fields: Record<string, string> = {},
): RequestHandler {
  return (req, res, next) => {
    if (!logger.isLevelEnabled(level)) return next();
    const startedAt = performance.now();
    const requestId = currentRequestId();
    res.on('finish', () => {
      logger[level](
        {
          ...fields,
          ...(requestId === undefined ? {} : { requestId }),
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round((performance.now() - startedAt) * 10) / 10,
        },
        'http request',
      );
    });
    next();
  };
}
