/**
 * The benchmark's region on the local MariaDB: built once with the demo's scale generator, then
 * reused while `.bench-data/marker.json` matches the generator version and scale and the registry
 * database still answers. `BENCH_REBUILD=1` forces a rebuild.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { buildDemoDatabases, GENERATOR_VERSION } from '../../adapters/demo';
import type { DemoScale, DemoSourcesFile } from '../../adapters/demo';
import { parseSourcesConfig } from '../../adapters/sources/config';
import type { SourcesConfig } from '../../adapters/sources/config';
import { ADMIN_URL } from './config';
import type { BenchConfig } from './config';

/** Written after a successful build; a later run reuses the databases when it matches. */
export interface BenchMarker {
  readonly generatorVersion: string;
  readonly scale: Partial<DemoScale>;
  /** Rows per `source-id.table`. */
  readonly rows: Record<string, number>;
  /** The sources configuration naming the databases. */
  readonly config: DemoSourcesFile;
}

/** The region the benchmark runs on. */
export interface BenchRegion {
  readonly sources: SourcesConfig;
  readonly rows: Record<string, number>;
  readonly reused: boolean;
  /** Seconds the build took (0 when reused). */
  readonly buildSeconds: number;
}

/**
 * Statement time limit of every source in the benchmark (the product's default is 15 s): a cold
 * province query must finish, not be reported partial, for its time to mean anything.
 */
const BENCH_QUERY_TIMEOUT_MS = 600_000;

function markerPath(config: BenchConfig): string {
  return join(resolve(config.dataDir), 'marker.json');
}

function readMarker(path: string): BenchMarker | null {
  if (!existsSync(path)) return null;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<BenchMarker>;
    if (typeof raw.generatorVersion !== 'string' || !raw.scale || !raw.rows || !raw.config) return null;
    return raw as BenchMarker;
  } catch {
    return null;
  }
}

function sourcesOf(config: DemoSourcesFile): SourcesConfig {
  return parseSourcesConfig({ ...config, queryTimeoutMs: BENCH_QUERY_TIMEOUT_MS }, { env: {} });
}

/** Whether the registry database of `sources` answers with at least one institution. */
async function registryAnswers(sources: SourcesConfig): Promise<boolean> {
  const registry = sources.sources.find((s) => s.kind === 'registry');
  if (!registry) return false;
  try {
    const connection = await createConnection(registry.url.replace(/^mariadb:/, 'mysql:'));
    try {
      const [rows] = await connection.query('SELECT COUNT(*) AS n FROM institution');
      return Number((rows as Array<{ n: number }>)[0]?.n ?? 0) > 0;
    } finally {
      await connection.end();
    }
  } catch {
    return false;
  }
}

/** Reuse the region the marker describes, or build it (printing progress through `log`). */
export async function ensureRegion(config: BenchConfig, log: (line: string) => void): Promise<BenchRegion> {
  const path = markerPath(config);
  const marker = config.rebuild ? null : readMarker(path);
  if (
    marker &&
    marker.generatorVersion === GENERATOR_VERSION &&
    JSON.stringify(marker.scale) === JSON.stringify(config.scale)
  ) {
    const sources = sourcesOf(marker.config);
    if (await registryAnswers(sources)) {
      log(`reusing ${config.prefix}_* (${GENERATOR_VERSION}, marker ${path})`);
      return { sources, rows: marker.rows, reused: true, buildSeconds: 0 };
    }
    log('the marker matches but the registry database does not answer: rebuilding');
  }
  mkdirSync(resolve(config.dataDir), { recursive: true });
  rmSync(path, { force: true });
  const started = performance.now();
  const build = await buildDemoDatabases(
    { kind: 'mysql', adminUrl: ADMIN_URL, prefix: config.prefix },
    {
      scale: config.scale,
      log: (line) => log(`${line} [${((performance.now() - started) / 1000).toFixed(0)} s]`),
    },
  );
  const written: BenchMarker = {
    generatorVersion: GENERATOR_VERSION,
    scale: config.scale,
    rows: build.rows,
    config: build.config,
  };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(written, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  return { sources: sourcesOf(build.config), rows: build.rows, reused: false, buildSeconds: build.seconds };
}
