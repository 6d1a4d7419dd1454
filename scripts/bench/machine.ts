/** The machine the figures were measured on. */
import { cpus, totalmem } from 'node:os';
import { createConnection } from 'mysql2/promise';
import { ADMIN_URL } from './config';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  /** The V8/Node options the product ran with (command line and NODE_OPTIONS), '' when none. */
  readonly nodeOptions: string;
  readonly mariadb: string;
  /** `innodb_buffer_pool_size` in MB. */
  readonly bufferPoolMb: number;
}

export async function describeMachine(): Promise<Machine> {
  const connection = await createConnection(ADMIN_URL);
  let mariadb = '?';
  let bufferPoolMb = Number.NaN;
  try {
    const [rows] = await connection.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool');
    const row = (rows as Array<{ v: string; pool: number | string }>)[0];
    mariadb = String(row?.v ?? '?');
    bufferPoolMb = Number(row?.pool ?? Number.NaN) / (1024 * 1024);
  } finally {
    await connection.end();
  }
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? '?',
    cores: list.length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    nodeOptions: [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim(),
    mariadb,
    bufferPoolMb,
  };
}
