import { DataSource } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import type { SourceConfig } from '../sources/config';
import { dialectOf } from './dialect';
import { syncTurn } from './turn';
import { AnswerCache } from './answer-cache';
import type { Dialect } from './dialect';

/** Why a source did not answer. */
export type SourceFailure = 'UNREACHABLE' | 'TIMEOUT' | 'QUERY_FAILED';

export class SourceError extends Error {
  constructor(
    readonly sourceId: string,
    readonly failure: SourceFailure,
    readonly detail: string,
  ) {
    super(`source ${sourceId}: ${failure}`);
  }
}

/** One statement a source ran (or failed to run), for metrics. */
export interface SourceQueryEvent {
  readonly source: SourceConfig;
  /** From the call to the answer or the failure, connecting included. */
  readonly seconds: number;
  /** null when it answered. */
  readonly failure: SourceFailure | null;
  /**
   * The statement as the adapter sent it (before the read-only transaction and time limit are
   * added), so a benchmark can replay exactly what a request ran. Always set by `SqlSource`.
   */
  readonly sql?: string;
  /** Its parameters, in order. Always set by `SqlSource`. */
  readonly params?: readonly unknown[];
}

/** Told about every statement a source runs; must not throw. */
export type SourceQueryObserver = (event: SourceQueryEvent) => void;

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One legacy database, opened read-only: SQLite in readonly mode; MySQL/MariaDB with every
 * statement inside `START TRANSACTION READ ONLY` and a server-side statement time limit. Connects
 * lazily and reconnects after a failure, so a source that is down never stops the gateway.
 * Counts the statements it sends (for the "no statement per institution" guarantee).
 */
export class SqlSource {
  readonly dialect: Dialect;
  private dataSource: DataSource | null = null;
  private connecting: Promise<DataSource> | null = null;
  private mariadb = false;
  /** Data statements sent since start (read-only transaction bookkeeping excluded). */
  statements = 0;
  /** Optional hook told about every statement (latency, failure): the metrics module sets it. */
  observer: SourceQueryObserver | null = null;
  /** Answers reused for `answerCacheSeconds` (master data); null when the source keeps none. */
  readonly answers: AnswerCache | null;

  constructor(readonly config: SourceConfig) {
    this.dialect = dialectOf(config.url.startsWith('sqlite:') ? 'sqlite' : 'mysql');
    const seconds = config.answerCacheSeconds ?? 0;
    this.answers = seconds > 0 ? new AnswerCache(seconds * 1000) : null;
  }

  get id(): string {
    return this.config.id;
  }

  private async connect(): Promise<DataSource> {
    if (this.dataSource?.isInitialized) return this.dataSource;
    if (!this.connecting) {
      this.connecting = this.open().finally(() => {
        this.connecting = null;
      });
    }
    return this.connecting;
  }

  private async open(): Promise<DataSource> {
    const { url, queryTimeoutMs } = this.config;
    const ds =
      this.dialect.name === 'sqlite'
        ? new DataSource({
            type: 'better-sqlite3',
            database: url.slice('sqlite:'.length),
            readonly: true,
            fileMustExist: true,
            logging: false,
          })
        : new DataSource({
            type: 'mysql',
            url: url.replace(/^mariadb:/, 'mysql:'),
            dateStrings: true,
            supportBigNumbers: true,
            bigNumberStrings: false,
            // The per-query timeout fires first (TIMEOUT); the driver's own limit is only a backstop.
            connectTimeout: queryTimeoutMs + 5_000,
            poolSize: 4,
            logging: false,
          });
    try {
      await withTimeout(
        ds.initialize(),
        queryTimeoutMs,
        () => new SourceError(this.id, 'TIMEOUT', 'connection timed out'),
      );
    } catch (e) {
      if (ds.isInitialized) await ds.destroy().catch(() => undefined);
      if (e instanceof SourceError) throw e;
      throw new SourceError(this.id, 'UNREACHABLE', (e as Error).message);
    }
    if (this.dialect.name === 'mysql') {
      const rows: Array<{ v: string }> = await ds.query('SELECT VERSION() AS v');
      this.mariadb = /mariadb/i.test(String(rows[0]?.v ?? ''));
    }
    this.dataSource = ds;
    return ds;
  }

  /** Server-side time limit, so a runaway aggregate is stopped by the database too. */
  private limited(sql: string): string {
    if (this.dialect.name !== 'mysql') return sql;
    const ms = this.config.queryTimeoutMs;
    if (this.mariadb) return `SET STATEMENT max_statement_time=${(ms / 1000).toFixed(3)} FOR ${sql}`;
    return sql.replace(/^\s*SELECT\b/i, `SELECT /*+ MAX_EXECUTION_TIME(${ms}) */`);
  }

  /**
   * Run one read-only statement with the source's timeout; for a source that keeps answers
   * (`answerCacheSeconds`), the kept answer of the same statement and parameters when there is one.
   */
  query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (!this.answers) return this.execute(sql, params);
    return this.answers.answer(sql, params, () => this.execute<T>(sql, params));
  }

  /**
   * `query`, with the kept row list itself when the source keeps answers (see AnswerCache.shared):
   * for callers that only read the rows and make something of the whole list once per answer.
   */
  queryShared<T>(sql: string, params: readonly unknown[] = []): Promise<readonly T[]> {
    if (!this.answers) return this.execute(sql, params);
    return this.answers.shared(sql, params, () => this.execute<T>(sql, params));
  }

  /** Whether the database answers now (never a kept answer): for readiness. */
  async ping(): Promise<void> {
    await this.execute('SELECT 1 AS ok', []);
  }

  private async execute<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const startedAt = performance.now();
    const started = this.connect().then((ds) => this.run<T>(ds, sql, params));
    const answer = withTimeout(
      started,
      this.config.queryTimeoutMs,
      () => new SourceError(this.id, 'TIMEOUT', `no answer within ${this.config.queryTimeoutMs} ms`),
    );
    const observer = this.observer;
    if (!observer) return answer;
    const observe = (failure: SourceFailure | null): void =>
      observer({
        source: this.config,
        seconds: (performance.now() - startedAt) / 1000,
        failure,
        sql,
        params,
      });
    return answer.then(
      (rows) => {
        observe(null);
        return rows;
      },
      (e: unknown) => {
        observe(e instanceof SourceError ? e.failure : 'QUERY_FAILED');
        throw e;
      },
    );
  }

  private async run<T>(ds: DataSource, sql: string, params: readonly unknown[]): Promise<T[]> {
    this.statements += 1;
    try {
      if (this.dialect.name === 'sqlite') {
        // better-sqlite3 runs the statement synchronously: it waits for its own turn (see syncTurn).
        await syncTurn();
        return (await ds.query(sql, [...params])) as T[];
      }
      const runner: QueryRunner = ds.createQueryRunner();
      try {
        await runner.query('START TRANSACTION READ ONLY');
        const rows = (await runner.query(this.limited(sql), [...params])) as T[];
        await runner.query('COMMIT');
        return rows;
      } catch (e) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        await runner.release();
      }
    } catch (e) {
      if (e instanceof SourceError) throw e;
      throw new SourceError(this.id, 'QUERY_FAILED', (e as Error).message);
    }
  }

  async close(): Promise<void> {
    const ds = this.dataSource;
    this.dataSource = null;
    if (ds?.isInitialized) await ds.destroy();
  }
}
