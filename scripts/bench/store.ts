/**
 * The benchmark's measure store: a MariaDB database of its own beside the region
 * (`<prefix>_store`, created if absent and kept between runs), filled by the product's own
 * refresher when a stack starts with it.
 */
import { createConnection } from 'mysql2/promise';
import type { StoreConfig } from '../../adapters/sources/config';
import { ADMIN_URL } from './config';
import type { BenchConfig } from './config';
import type { WarmFigures } from './measure';

/** What the store phase measured. */
export interface StoreFigures {
  /** Seconds the startup refresh took (a full fill when the store was empty, else window and checks). */
  readonly refreshSeconds: number;
  readonly rowsWritten: number;
  readonly failures: number;
  /** Per workload: requests answered from the store (result cache off). */
  readonly workloads: Readonly<Record<string, WarmFigures & { readonly storeStatements: readonly number[] }>>;
}

/** The store database (created if absent) and the configuration the benchmark runs it with. */
export async function benchStore(config: BenchConfig): Promise<StoreConfig> {
  const name = `${config.prefix}_store`;
  const connection = await createConnection(ADMIN_URL);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
  return {
    url: `${ADMIN_URL}/${name}`,
    from: '20180101',
    windowDays: 30,
    refreshMinutes: 0,
    verifyMonthsPerRun: 1,
    concurrencyPerSource: 1,
    // The whole history in one statement per (fact, source): the legacy tables have no time index,
    // so every statement is a scan whatever its range.
    fillChunkMonths: 120,
    refresh: true,
    // Per-period facts (states on a period's last day, distinct counts) for whole years only: each
    // period costs one pass over the legacy tables, and the benchmark asks for years.
    periods: ['YEAR'],
  };
}
