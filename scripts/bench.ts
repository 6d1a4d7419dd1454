/**
 * `npm run bench`: the province benchmark. Builds (once) or reuses a province-sized region on
 * the local MariaDB, starts the product in this process, and measures side by side the physical
 * limit (the statements a request ran, replayed directly), the product cold and warm over HTTP,
 * the gateway's overhead, statements per request, throughput under load and memory. Prints one
 * table and writes it into BENCHMARKS.md. Figures only: nothing here is a test.
 *
 * Environment: BENCH_SCALE=small (a quick region, results in .bench-data/small/), BENCH_RUNS
 * (default 5), BENCH_REBUILD=1, BENCH_VISIT_SCALE.
 */
import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { demoSecurityConfig } from '../security/demo';
import type { SecurityConfig } from '../security/config';
import { startStack } from './stack';
import type { RunningStack } from './stack';
import type { SourcesConfig } from '../adapters/sources/config';
import type { MeasureCacheConfig } from '../subgraphs/indicators';
import { StatementCapture } from './bench/capture';
import { benchConfigFrom } from './bench/config';
import type { BenchConfig } from './bench/config';
import { roomForConnections } from './bench/connections';
import { ensureRegion } from './bench/data';
import type { BenchRegion } from './bench/data';
import { gatewayHeaders } from './bench/http';
import { loadTest } from './bench/load';
import type { LoadFigures } from './bench/load';
import { describeMachine } from './bench/machine';
import type { Machine } from './bench/machine';
import { measureCold, measureOverhead, measureWarm, statementsFor } from './bench/measure';
import type { ColdFigures, OverheadFigures, StatementFigures, WarmFigures } from './bench/measure';
import { RssSampler } from './bench/memory';
import { benchStore } from './bench/store';
import type { StoreFigures } from './bench/store';
import type { StoreConfig } from '../adapters/sources/config';
import { RawReplayer } from './bench/replay';
import { figuresOf, markdown, textTable, writeBenchmarks } from './bench/report';
import { median } from './bench/stats';
import { institutionsIn, volumeChecks, volumesOf } from './bench/volumes';
import type { VolumeCheck, Volumes } from './bench/volumes';
import { dashboard, ENTITY_QUERY, workloads } from './bench/workloads';

/** One side of the statements-vs-institutions figure. */
type DashboardStatements = StatementFigures & { counties: number; institutions: number };

/** Counties of the "few" side of the statements-vs-institutions figure. */
const FEW_COUNTIES = 10;

const DEFAULT_HEADER = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); see the issue's targets in the table.
`;

/** The demo's keys, with the per-caller rate limit lifted: the load test is one caller on purpose. */
function benchSecurity(): SecurityConfig {
  return { ...demoSecurityConfig(), rateLimit: { perMinute: 100_000_000, burst: 1_000_000 } };
}

function start(
  sources: SourcesConfig,
  cache: MeasureCacheConfig,
  store: StoreConfig | null = null,
): Promise<RunningStack> {
  const quiet = { warn: (): void => undefined, info: (): void => undefined };
  return startStack({
    sources,
    port: 0,
    security: benchSecurity(),
    cache,
    store,
    // A cold province form computed fully live takes minutes: it must finish to be measured.
    timeouts: { requestMs: 900_000, subgraphMs: 900_000, measureMs: 900_000 },
    logger: quiet,
    audit: () => undefined,
  });
}

/** `sources` with no source keeping answers: a cold request reads the registry too. */
function withoutKeptAnswers(sources: SourcesConfig): SourcesConfig {
  return { ...sources, sources: sources.sources.map((s) => ({ ...s, answerCacheSeconds: 0 })) };
}

const say = (line: string): void => console.info(line);
const secs = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const config = benchConfigFrom(process.env);
  say(`npm run bench: ${config.name} scale ${JSON.stringify(config.scale)}, ${config.runs} runs`);
  const machine = await describeMachine();
  say(`machine: ${machine.cpu} ×${machine.cores}, Node ${machine.node}, MariaDB ${machine.mariadb}`);

  const region = await ensureRegion(config, (line) => say(`  ${line}`));
  const volumes = await volumesOf(region.sources, region.rows);
  const checks = volumeChecks(volumes);
  for (const c of checks) {
    say(
      `  ${c.label}: ${c.value.toLocaleString('en-US')} (≥ ${c.minimum.toLocaleString('en-US')} ${c.met ? 'met' : 'SHORT'})`,
    );
  }
  if (config.enforceVolumes && checks.some((c) => !c.met)) {
    throw new Error(
      "the region is short of the issue's volumes: raise BENCH_VISIT_SCALE and run with BENCH_REBUILD=1",
    );
  }
  if (config.buildOnly) {
    say('BENCH_BUILD_ONLY=1: the region is ready, nothing measured');
    return;
  }

  const room = await roomForConnections(region.sources.sources.length);
  if (room.after !== room.before) say(`MariaDB max_connections ${room.before} → ${room.after} for this run`);
  try {
    await measure(config, machine, region, volumes, checks);
  } finally {
    await room.restore();
  }
}

async function measure(
  config: BenchConfig,
  machine: Machine,
  region: BenchRegion,
  volumes: Volumes,
  checks: VolumeCheck[],
): Promise<void> {
  const measuring = performance.now();
  const rss = new RssSampler(100);
  const list = workloads(volumes.countyCodes);
  const cold: Record<string, ColdFigures> = {};
  const warm: Record<string, WarmFigures> = {};
  const overhead: OverheadFigures[] = [];
  const replayer = new RawReplayer();

  say('cold stack (cache off, no registry answers kept)');
  const live = await start(withoutKeptAnswers(region.sources), { kind: 'off' });
  let few: DashboardStatements;
  let all: DashboardStatements;
  try {
    const capture = new StatementCapture(live.sources.all());
    for (const w of list) {
      const t = performance.now();
      cold[w.key] = await measureCold(live, capture, replayer, w, config.runs);
      const f = cold[w.key];
      say(
        `  ${w.label}: product ${median(f.productMs).toFixed(0)} ms, raw ${median(f.rawMs).toFixed(0)} ms, ` +
          `${median(f.statements)} statements (${secs(t)})${f.problems.length ? ` — ERRORS: ${f.problems[0]}` : ''}`,
      );
    }
    for (let run = 0; run < config.runs; run++) {
      overhead.push(await measureOverhead(live, 'institutions', ENTITY_QUERY, config.overheadRequests));
    }
    const o = overhead[overhead.length - 1];
    say(
      `  overhead: gateway p50 ${o.gatewayP50Ms.toFixed(2)} ms, subgraph p50 ${o.subgraphP50Ms.toFixed(2)} ms`,
    );
    const fewCodes = volumes.countyCodes.slice(0, FEW_COUNTIES);
    few = {
      counties: fewCodes.length,
      institutions: institutionsIn(volumes, fewCodes),
      ...(await statementsFor(live, capture, dashboard(fewCodes))),
    };
    all = {
      counties: volumes.countyCodes.length,
      institutions: institutionsIn(volumes, volumes.countyCodes),
      ...(await statementsFor(live, capture, dashboard(volumes.countyCodes))),
    };
    say(
      `  dashboard statements: ${few.counties} counties ${few.statements}, ${all.counties} counties ${all.statements}`,
    );
  } finally {
    await live.close();
    await replayer.close();
  }

  say('store stack (measure store on MariaDB, result cache off)');
  const stored = await start(region.sources, { kind: 'off' }, await benchStore(config));
  let store: StoreFigures;
  try {
    const t = performance.now();
    for (const opened of stored.stores) await opened.refresher.idle();
    const runs = stored.stores.map((opened) => opened.refresher.lastRun()!);
    const rowsWritten = runs.reduce((n, r) => n + r.rowsWritten, 0);
    const failures = runs.reduce((n, r) => n + r.failures.length, 0);
    const refreshSeconds = (performance.now() - t) / 1000;
    say(
      `  startup refresh: ${refreshSeconds.toFixed(0)} s, ${rowsWritten.toLocaleString('en-US')} rows written, ${failures} failures`,
    );
    const capture = new StatementCapture(stored.sources.all());
    const workloads: Record<string, StoreFigures['workloads'][string]> = {};
    for (const w of list) {
      const before = stored.store!.db.statements;
      const f = await measureWarm(stored, capture, w, config.runs, config.storeWarmup);
      const storeStatements = Array.from({ length: f.statements.length }, () =>
        Math.round((stored.store!.db.statements - before) / (config.runs + 1 + config.storeWarmup)),
      );
      workloads[w.key] = { ...f, storeStatements };
      say(
        `  ${w.label}: ${median(f.productMs).toFixed(1)} ms, ${median(f.statements)} legacy statements, ` +
          `${storeStatements[0]} store statements${f.problems.length ? ` — ERRORS: ${f.problems[0]}` : ''}`,
      );
    }
    store = { refreshSeconds, rowsWritten, failures, workloads };
  } finally {
    await stored.close();
  }

  say('warm stack (LRU cache)');
  const cached = await start(region.sources, { kind: 'lru' });
  let load: LoadFigures;
  try {
    const capture = new StatementCapture(cached.sources.all());
    for (const w of list) {
      warm[w.key] = await measureWarm(cached, capture, w, config.runs);
      const f = warm[w.key];
      say(
        `  ${w.label}: ${median(f.productMs).toFixed(1)} ms, ${median(f.statements)} statements` +
          `${f.problems.length ? ` — ERRORS: ${f.problems[0]}` : ''}`,
      );
    }
    say(`  load: ${config.loadConnections} connections for ${config.loadSeconds} s`);
    capture.start();
    load = await loadTest(`${cached.gateway.url}/graphql`, dashboard(volumes.countyCodes), gatewayHeaders(), {
      seconds: config.loadSeconds,
      connections: config.loadConnections,
      rss,
    });
    // Requests cut off by the end of the load leave statements running: let them finish first.
    await capture.stop();
  } finally {
    await cached.close();
  }
  const memory = rss.stop();

  const results = {
    config,
    machine,
    volumes,
    checks,
    reused: region.reused,
    buildSeconds: region.buildSeconds,
    workloads: list.map((w) => ({ key: w.key, label: w.label, cold: cold[w.key], warm: warm[w.key] })),
    overhead,
    dashboardStatements: { few, all },
    store,
    load,
    memory,
    measureSeconds: (performance.now() - measuring) / 1000,
    date: new Date(),
  };
  const figures = figuresOf(results);
  say(textTable(figures));
  const out =
    config.name === 'full' ? resolve('BENCHMARKS.md') : join(resolve(config.dataDir), 'BENCHMARKS.md');
  await writeBenchmarks(out, markdown(results, figures), DEFAULT_HEADER);
  say(`\nwritten to ${out}; measuring took ${results.measureSeconds.toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
