import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { schemaDdl } from './contract';
import type { TableSpec } from './contract';
import { dialectOf } from './dialect';
import type { DialectName } from './dialect';

/**
 * Builds contract databases for the demo and the tests: creates them from the contract DDL and
 * loads rows. Never used on a configured source (the gateway's own connections are read-only).
 */
export class ContractWriter {
  private constructor(
    private readonly ds: DataSource,
    readonly dialect: DialectName,
  ) {}

  /**
   * Create (or re-create, empty) the database at `url` with the given tables.
   * `mysql://root@127.0.0.1:3306/name` drops and creates database `name`;
   * `sqlite:/path` replaces the file.
   */
  static async create(url: string, tables: readonly TableSpec[]): Promise<ContractWriter> {
    const dialect: DialectName = url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
    let ds: DataSource;
    if (dialect === 'sqlite') {
      const file = url.slice('sqlite:'.length);
      mkdirSync(dirname(file), { recursive: true });
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
      ds = new DataSource({ type: 'better-sqlite3', database: file, logging: false });
      await ds.initialize();
      await ds.query('PRAGMA journal_mode = DELETE');
    } else {
      const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
      const database = decodeURIComponent(parsed.pathname.slice(1));
      if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`bad database name ${database}`);
      parsed.pathname = '/';
      const admin = new DataSource({ type: 'mysql', url: parsed.toString(), logging: false });
      await admin.initialize();
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      } finally {
        await admin.destroy();
      }
      ds = new DataSource({
        type: 'mysql',
        url: url.replace(/^mariadb:/, 'mysql:'),
        logging: false,
      });
      await ds.initialize();
    }
    for (const statement of schemaDdl(tables, dialect)) await ds.query(statement);
    return new ContractWriter(ds, dialect);
  }

  /** Insert rows (objects keyed by contract column names) in multi-row statements, in one transaction. */
  async insert(
    table: string,
    rows: ReadonlyArray<Record<string, unknown>>,
    columns?: readonly string[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const cols = columns ?? Object.keys(rows[0]);
    const q = dialectOf(this.dialect).quote;
    const chunk = Math.max(1, Math.floor(8000 / cols.length));
    const runner = this.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        const tuple = `(${cols.map(() => '?').join(', ')})`;
        const params: unknown[] = [];
        for (const row of part) for (const c of cols) params.push(row[c] ?? null);
        await runner.query(
          `INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
          params,
        );
      }
      await runner.commitTransaction();
    } catch (e) {
      await runner.rollbackTransaction();
      throw e;
    } finally {
      await runner.release();
    }
  }

  async close(): Promise<void> {
    await this.ds.destroy();
  }
}
