/**
 * The physical limit: replays captured statements directly on MariaDB with mysql2 — statements
 * of different sources in parallel, those of one source one after another on one connection,
 * as the product's adapters issue them — and times the whole.
 */
import { createConnection } from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';
import type { CapturedStatement } from './capture';

/** One connection per database, opened on first use and kept (as the product keeps its pools). */
export class RawReplayer {
  private readonly connections = new Map<string, Promise<Connection>>();

  private connection(url: string): Promise<Connection> {
    let found = this.connections.get(url);
    if (!found) {
      found = createConnection({
        uri: url.replace(/^mariadb:/, 'mysql:'),
        dateStrings: true,
        supportBigNumbers: true,
      });
      this.connections.set(url, found);
    }
    return found;
  }

  /** Open the connections `statements` need, so connecting is never timed. */
  async connect(statements: readonly CapturedStatement[]): Promise<void> {
    await Promise.all([...new Set(statements.map((s) => s.url))].map((url) => this.connection(url)));
  }

  /** Run `statements` (per source in order, sources in parallel); milliseconds from first to last answer. */
  async replay(statements: readonly CapturedStatement[]): Promise<number> {
    await this.connect(statements);
    const bySource = new Map<string, CapturedStatement[]>();
    for (const s of statements) bySource.set(s.url, [...(bySource.get(s.url) ?? []), s]);
    const started = performance.now();
    await Promise.all(
      [...bySource].map(async ([url, list]) => {
        const connection = await this.connection(url);
        for (const s of list) await connection.query(s.sql, [...s.params]);
      }),
    );
    return performance.now() - started;
  }

  async close(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(all.map(async (c) => (await c).end()));
  }
}
