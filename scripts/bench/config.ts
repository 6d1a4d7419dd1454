/**
 * What one `npm run bench` measures: the region's scale (the province, or a small one to prove
 * the script), where it is built, and how many times each figure is repeated. Read from the
 * environment: `BENCH_SCALE` (`full`, default, or `small`), `BENCH_RUNS` (default 5),
 * `BENCH_VISIT_SCALE` (overrides the visit volume), `BENCH_REBUILD=1` (rebuild the data),
 * `BENCH_BUILD_ONLY=1` (build or check the region, measure nothing).
 */
import type { DemoScale } from '../../adapters/demo';

/** The local MariaDB the benchmark builds its region on (root, empty password). */
export const ADMIN_URL = 'mysql://root@127.0.0.1:3306';

export interface BenchConfig {
  /** `full`: the province the issue asks for; `small`: a quick check of the script itself. */
  readonly name: 'full' | 'small';
  /** Database prefix of the built region. */
  readonly prefix: string;
  /** Folder holding the reuse marker. */
  readonly dataDir: string;
  readonly scale: Partial<DemoScale>;
  /** Repetitions each median is taken over. */
  readonly runs: number;
  /** Rebuild even when the marker matches. */
  readonly rebuild: boolean;
  /** Build (or check) the region and stop without measuring. */
  readonly buildOnly: boolean;
  /** Whether a region short of the volumes stops the run (only the full province must meet them). */
  readonly enforceVolumes: boolean;
  /** Requests per side for the gateway-overhead p50. */
  readonly overheadRequests: number;
  /**
   * Unmeasured requests of each workload on the store stack after its first (timed apart) and
   * before its measured runs: a server answers from the store for days, so its code is compiled
   * by V8's optimizing compiler; a handful of requests leaves most of it still being compiled.
   */
  readonly storeWarmup: number;
  /** Load test: seconds and connections. */
  readonly loadSeconds: number;
  readonly loadConnections: number;
}

function positiveNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

/** The benchmark's configuration from `env`. */
export function benchConfigFrom(env: NodeJS.ProcessEnv): BenchConfig {
  const name = (env.BENCH_SCALE ?? 'full') === 'small' ? 'small' : 'full';
  if (env.BENCH_SCALE && !['full', 'small'].includes(env.BENCH_SCALE))
    throw new Error(`BENCH_SCALE must be full or small, got ${env.BENCH_SCALE}`);
  const runs = Math.round(positiveNumber(env.BENCH_RUNS, 5, 'BENCH_RUNS'));
  const storeWarmup =
    env.BENCH_STORE_WARMUP === '0'
      ? 0
      : Math.round(positiveNumber(env.BENCH_STORE_WARMUP, 10, 'BENCH_STORE_WARMUP'));
  // At visit scale 1 the province has 16.5 M visits but only 0.77 M discharges: 1.4 reaches 1 M.
  const visitScale = positiveNumber(env.BENCH_VISIT_SCALE, name === 'full' ? 1.4 : 1, 'BENCH_VISIT_SCALE');
  const shape =
    name === 'full'
      ? { cities: 10, countiesPerCity: 10, hisSourcesPerCity: 3 }
      : { cities: 2, countiesPerCity: 3, hisSourcesPerCity: 2 };
  return {
    name,
    prefix: name === 'full' ? 'hag_bench' : 'hag_bench_small',
    dataDir: name === 'full' ? '.bench-data' : '.bench-data/small',
    scale: { ...shape, visitScale },
    runs,
    rebuild: env.BENCH_REBUILD === '1',
    buildOnly: env.BENCH_BUILD_ONLY === '1',
    enforceVolumes: name === 'full',
    storeWarmup,
    overheadRequests: 200,
    loadSeconds: 10,
    loadConnections: 10,
  };
}
