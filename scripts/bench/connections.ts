/**
 * Room for the benchmark's connections on the local MariaDB. Its default `max_connections` (151)
 * is below what a province needs at once: the product's pools (up to 4 connections per source,
 * 40 sources) plus one replay connection per source. Raised for the run (SET GLOBAL, not
 * persisted) and put back afterwards; it changes no query plan or buffer.
 */
import { createConnection } from 'mysql2/promise';
import { ADMIN_URL } from './config';

/** Connections per source the product's pool may hold (`poolSize` of adapters/sql/source.ts). */
const POOL_PER_SOURCE = 4;

async function setting(value?: number): Promise<number> {
  const connection = await createConnection(ADMIN_URL);
  try {
    if (value !== undefined) await connection.query(`SET GLOBAL max_connections = ${Math.round(value)}`);
    const [rows] = await connection.query('SELECT @@max_connections AS n');
    return Number((rows as Array<{ n: number }>)[0]?.n);
  } finally {
    await connection.end();
  }
}

/**
 * Make `max_connections` at least what `sources` sources need (product pools, replay, 50 spare);
 * returns how to restore the previous value, and the values before and after.
 */
export async function roomForConnections(
  sources: number,
): Promise<{ before: number; after: number; restore: () => Promise<void> }> {
  const before = await setting();
  const needed = sources * (POOL_PER_SOURCE + 1) + 50;
  if (before >= needed) return { before, after: before, restore: async () => undefined };
  const after = await setting(needed);
  return {
    before,
    after,
    restore: async () => {
      await setting(before);
    },
  };
}
