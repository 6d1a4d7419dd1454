/**
 * The benchmark's results as one table — each figure with the issue's target next to it and
 * whether it is met — printed to the console and written into BENCHMARKS.md below the
 * hand-written header.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { BenchConfig } from './config';
import type { LoadFigures } from './load';
import type { Machine } from './machine';
import type { ColdFigures, OverheadFigures, StatementFigures, WarmFigures } from './measure';
import type { MemoryFigures } from './memory';
import type { StoreFigures } from './store';
import { median } from './stats';
import type { VolumeCheck, Volumes } from './volumes';

/** Everything one run measured. */
export interface BenchResults {
  readonly config: BenchConfig;
  readonly machine: Machine;
  readonly volumes: Volumes;
  readonly checks: readonly VolumeCheck[];
  readonly reused: boolean;
  readonly buildSeconds: number;
  readonly workloads: ReadonlyArray<{
    readonly key: string;
    readonly label: string;
    readonly cold: ColdFigures;
    readonly warm: WarmFigures;
  }>;
  /** One per run. */
  readonly overhead: readonly OverheadFigures[];
  readonly dashboardStatements: {
    readonly few: StatementFigures & { readonly counties: number; readonly institutions: number };
    readonly all: StatementFigures & { readonly counties: number; readonly institutions: number };
  };
  /** Answers from the measure store (result cache off). */
  readonly store: StoreFigures;
  readonly load: LoadFigures;
  readonly memory: MemoryFigures;
  /** Seconds the measuring took (the build excluded). */
  readonly measureSeconds: number;
  readonly date: Date;
}

/** One line of the table. */
export interface Figure {
  readonly section: string;
  readonly label: string;
  readonly value: string;
  readonly target: string;
  /** null: no target, or not measurable yet. */
  readonly met: boolean | null;
}

/** Marks where the generated part of BENCHMARKS.md starts; everything above it is kept. */
export const RESULTS_MARKER = '<!-- bench:results — everything below is written by `npm run bench` -->';

/** Warm dashboard and load targets of the issue. */
const WARM_P50_TARGET_MS = 20;
const THROUGHPUT_TARGET = 300;
const COLD_RATIO_TARGET = 1.3;
const STORE_RATIO_TARGET = 1 / 20;
const OVERHEAD_TARGET_MS = 2;
/** Growth of the live heap over the 10 s load still called stable. */
const STABLE_GROWTH = 0.1;

const ms = (v: number): string =>
  Number.isNaN(v) ? '—' : v >= 100 ? `${Math.round(v).toLocaleString('en-US')} ms` : `${v.toFixed(1)} ms`;
const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const mb = (v: number): string => `${Math.round(v).toLocaleString('en-US')} MB`;

/** The rows of the results table, in order. */
export function figuresOf(r: BenchResults): Figure[] {
  const out: Figure[] = [];
  for (const c of r.checks) {
    out.push({
      section: 'data',
      label: c.label,
      value: int(c.value),
      target: `≥ ${int(c.minimum)}`,
      met: c.met,
    });
  }
  for (const w of r.workloads) {
    const raw = median(w.cold.rawMs);
    const cold = median(w.cold.productMs);
    const warm = median(w.warm.productMs);
    const dashboard = w.key === 'dashboard';
    const runs = r.config.runs;
    out.push({ section: w.label, label: 'raw SQL (physical limit)', value: ms(raw), target: '—', met: null });
    const failedCold =
      w.cold.failedRuns > 0 ? `; failed or partial in ${w.cold.failedRuns}/${runs} runs` : '';
    out.push({
      section: w.label,
      label: 'cold, fully live (cache off)',
      value: `${ms(cold)} (${(cold / raw).toFixed(2)}× raw${failedCold})`,
      target: `≤ ${COLD_RATIO_TARGET}× raw (${ms(raw * COLD_RATIO_TARGET)})`,
      met: w.cold.failedRuns === 0 && cold <= raw * COLD_RATIO_TARGET,
    });
    const s = r.store.workloads[w.key];
    const fromStore = s ? median(s.productMs) : NaN;
    const failedStore = s && s.failedRuns > 0 ? `; failed or partial in ${s.failedRuns}/${runs} runs` : '';
    out.push({
      section: w.label,
      label: `from the measure store (result cache off; registry answers kept; after ${int(r.config.storeWarmup)} warm-up requests)`,
      value: s
        ? `${ms(fromStore)} (${ratio(fromStore, raw)} raw; ${int(median(s.statements))} legacy + ${int(median(s.storeStatements))} store statements${failedStore}); first request, registry cold: ${ms(s.firstMs)} (${ratio(s.firstMs, raw)})`
        : 'not measured',
      target: `≤ 1/20 raw (${ms(raw * STORE_RATIO_TARGET)})`,
      met: s ? s.failedRuns === 0 && fromStore <= raw * STORE_RATIO_TARGET : null,
    });
    const failedWarm =
      w.warm.failedRuns > 0 ? `; failed or partial in ${w.warm.failedRuns}/${runs} runs` : '';
    out.push({
      section: w.label,
      label: 'warm (LRU cache, primed)',
      value: `${ms(warm)} (${(warm / raw).toFixed(3)}× raw${failedWarm})`,
      target: dashboard ? `p50 ≤ ${WARM_P50_TARGET_MS} ms` : '—',
      met: dashboard
        ? w.warm.failedRuns === 0 && warm <= WARM_P50_TARGET_MS
        : w.warm.failedRuns > 0
          ? false
          : null,
    });
    out.push({
      section: w.label,
      label: 'SQL statements per request (cold / warm)',
      value: `${int(median(w.cold.statements))} / ${int(median(w.warm.statements))}`,
      target: '—',
      met: null,
    });
    const problems = [...w.cold.problems, ...w.warm.problems];
    if (problems.length > 0) {
      out.push({
        section: w.label,
        label: 'errors in answers',
        value: problems[0],
        target: 'none',
        met: false,
      });
    }
  }
  out.push({
    section: 'measure store (MariaDB, daily aggregates per institution)',
    label: 'startup refresh (a full fill when empty; else the window and verification)',
    value: `${r.store.refreshSeconds.toFixed(0)} s, ${int(r.store.rowsWritten)} rows written, ${r.store.failures} failures`,
    target: 'no failure',
    met: r.store.failures === 0,
  });
  const gw = median(r.overhead.map((o) => o.gatewayP50Ms));
  const sg = median(r.overhead.map((o) => o.subgraphP50Ms));
  const section = 'gateway overhead: region(610900) { name level }';
  out.push({ section, label: 'p50 via gateway', value: ms(gw), target: '—', met: null });
  out.push({
    section,
    label: 'p50 straight to the institutions subgraph',
    value: ms(sg),
    target: '—',
    met: null,
  });
  out.push({
    section,
    label: 'overhead (difference of p50)',
    value: ms(gw - sg),
    target: `≤ ${OVERHEAD_TARGET_MS} ms`,
    met: gw - sg <= OVERHEAD_TARGET_MS,
  });
  const { few, all } = r.dashboardStatements;
  const side = (x: typeof few): string =>
    `${int(x.statements)} over ${x.sources} sources (max ${x.maxPerSource} per source)`;
  out.push({
    section: 'statements vs institutions (dashboard, cold)',
    label: `${few.counties} counties (${int(few.institutions)} institutions) → ${all.counties} counties (${int(all.institutions)})`,
    value: `${side(few)} → ${side(all)}`,
    target: 'per source: does not grow',
    met: all.maxPerSource <= few.maxPerSource,
  });
  const load = `load: warm dashboard, ${r.config.loadConnections} connections, ${r.config.loadSeconds} s (autocannon)`;
  out.push({
    section: load,
    label: 'throughput',
    value: `${int(r.load.requestsPerSecond)} req/s (${int(r.load.requests)} requests)`,
    target: `≥ ${THROUGHPUT_TARGET} req/s`,
    met: r.load.requestsPerSecond >= THROUGHPUT_TARGET,
  });
  out.push({
    section: load,
    label: 'latency p50',
    value: ms(r.load.p50Ms),
    target: `≤ ${WARM_P50_TARGET_MS} ms`,
    met: r.load.p50Ms <= WARM_P50_TARGET_MS,
  });
  out.push({ section: load, label: 'latency p99', value: ms(r.load.p99Ms), target: '—', met: null });
  out.push({
    section: load,
    label: 'errors (connection, timeout, non-2xx)',
    value: `${int(r.load.errors)} (non-2xx ${int(r.load.non2xx)})`,
    target: '0',
    met: r.load.errors === 0,
  });
  const growth = (r.load.liveAfterMb - r.load.liveBeforeMb) / r.load.liveBeforeMb;
  const mem = 'memory (RSS of the product process: gateway + subgraphs)';
  out.push({
    section: mem,
    label: 'start → peak → end',
    value: `${mb(r.memory.startMb)} → ${mb(r.memory.peakMb)} → ${mb(r.memory.endMb)}`,
    target: '—',
    met: null,
  });
  out.push({
    section: mem,
    label: 'RSS under load: after 1 s → at the end',
    value: `${mb(r.load.rssEarlyMb)} → ${mb(r.load.rssLateMb)}`,
    target: '—',
    met: null,
  });
  out.push({
    section: mem,
    label: 'live heap after a full collection: before the load → after it',
    value: `${mb(r.load.liveBeforeMb)} → ${mb(r.load.liveAfterMb)} (${(growth * 100).toFixed(1)} %)`,
    target: `stable (growth ≤ ${STABLE_GROWTH * 100} %)`,
    met: growth <= STABLE_GROWTH,
  });
  return out;
}

const verdict = (met: boolean | null): string => (met === null ? '' : met ? 'met' : 'NOT met');

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

const pad = (text: string, to: number): string => text + ' '.repeat(Math.max(0, to - width(text)));

/** The table as aligned text, one block per section. */
export function textTable(figures: readonly Figure[]): string {
  const cols = [
    Math.max(...figures.map((f) => width(f.label))),
    Math.max(...figures.map((f) => width(f.value))),
    Math.max(...figures.map((f) => width(f.target))),
  ];
  const lines: string[] = [];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      lines.push('', `[${section}]`);
    }
    lines.push(
      `  ${pad(f.label, cols[0])}  ${pad(f.value, cols[1])}  ${pad(f.target, cols[2])}  ${verdict(f.met)}`,
    );
  }
  return lines.join('\n');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** `part` as a fraction (1/n) or multiple (n×) of `whole`. */
function ratio(part: number, whole: number): string {
  return part * 2 <= whole ? `1/${(whole / part).toFixed(0)}` : `${(part / whole).toFixed(2)}×`;
}

/** The generated part of BENCHMARKS.md. */
export function markdown(r: BenchResults, figures: readonly Figure[]): string {
  const m = r.machine;
  const v = r.volumes;
  const lines = [
    RESULTS_MARKER,
    '',
    `## Results (${r.config.name} scale, ${r.date.toISOString().slice(0, 10)})`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB memory; Node ${m.node}${m.nodeOptions ? ` (\`${m.nodeOptions}\`)` : ''}; MariaDB ${m.mariadb} (default settings, \`innodb_buffer_pool_size\` ${int(m.bufferPoolMb)} MB).`,
    `- Data: ${v.cities} cities, ${v.counties} counties, ${int(v.institutions)} institutions, ` +
      `${int(v.outpatientVisits)} outpatient visits, ${int(v.discharges)} discharges (2018–2020), ` +
      `${v.hisA + v.hisB} HIS databases (${v.hisA} vendor A, ${v.hisB} vendor B); ${int(v.totalRows)} rows in all ` +
      `(databases \`${r.config.prefix}_*\`, ${r.reused ? 'reused' : `built in ${int(r.buildSeconds)} s`}).`,
    `- Medians over ${r.config.runs} runs; the gateway overhead is the median of ${r.config.runs} p50s of ${r.config.overheadRequests} requests each. ` +
      `Measuring took ${int(r.measureSeconds)} s.`,
    '',
    '| Measure | Figure | Value | Target | Met |',
    '| --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${cell(f.section)} | ${cell(f.label)} | ${cell(f.value)} | ${cell(f.target)} | ${verdict(f.met)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/**
 * Replace the generated part of `path`, keeping the hand-written header above the marker;
 * formatted with the project's prettier settings, so the file stays `format:check` clean.
 */
export async function writeBenchmarks(path: string, generated: string, defaultHeader: string): Promise<void> {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = current.indexOf(RESULTS_MARKER);
  const header = at >= 0 ? current.slice(0, at) : defaultHeader;
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(`${header.trimEnd()}\n\n${generated}`, { ...options, filepath: path }));
}
