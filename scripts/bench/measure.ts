/**
 * The timed parts of the benchmark, each against a running stack: a workload cold (with the
 * physical limit replayed from the very statements it ran) or warm, the gateway's overhead, and
 * the statements a request costs.
 */
import type { RunningStack } from '../stack';
import type { StatementCapture } from './capture';
import { post, subgraphHeaders } from './http';
import type { Operation, Timed } from './http';
import type { RawReplayer } from './replay';
import { percentile } from './stats';
import type { Workload } from './workloads';

/** A workload measured cold: the product and the raw statements it ran, run by run. */
export interface ColdFigures {
  readonly productMs: readonly number[];
  readonly rawMs: readonly number[];
  /** `statementCount()` delta of each run. */
  readonly statements: readonly number[];
  /** GraphQL errors, non-200 or partial answers seen, the priming request's included (first few). */
  readonly problems: readonly string[];
  /** Measured runs whose answer had a problem. */
  readonly failedRuns: number;
}

/** A workload measured warm (cache primed by one request). */
export interface WarmFigures {
  /** The priming request (nothing kept yet: caches and registry answers empty). */
  readonly firstMs: number;
  readonly productMs: readonly number[];
  readonly statements: readonly number[];
  readonly problems: readonly string[];
  /** Measured runs whose answer had a problem. */
  readonly failedRuns: number;
}

export interface OverheadFigures {
  readonly gatewayP50Ms: number;
  readonly subgraphP50Ms: number;
  readonly problems: readonly string[];
}

function problemsOf(answer: Timed): string[] {
  const out = answer.errors.map((e) => e.slice(0, 160));
  if (answer.status !== 200) out.unshift(`HTTP ${answer.status}`);
  if (answer.unavailable > 0) out.push(`partial answer: ${answer.unavailable} values SOURCE_UNAVAILABLE`);
  return out;
}

const endpoint = (stack: RunningStack): string => `${stack.gateway.url}/graphql`;

/**
 * `runs` cold requests of `workload` on a stack without cache, each followed by a direct replay of
 * the statements it ran. One unmeasured request first opens the pools and detects formats.
 */
export async function measureCold(
  stack: RunningStack,
  capture: StatementCapture,
  replayer: RawReplayer,
  workload: Workload,
  runs: number,
): Promise<ColdFigures> {
  capture.start();
  const problems = problemsOf(await post(endpoint(stack), workload.op));
  await capture.stop();
  const productMs: number[] = [];
  const rawMs: number[] = [];
  const statements: number[] = [];
  let failedRuns = 0;
  for (let run = 0; run < runs; run++) {
    const before = stack.sources.statementCount();
    capture.start();
    const answer = await post(endpoint(stack), workload.op);
    const captured = await capture.stop();
    statements.push(stack.sources.statementCount() - before);
    productMs.push(answer.ms);
    const seen = problemsOf(answer);
    problems.push(...seen);
    if (seen.length > 0) failedRuns += 1;
    await replayer.connect(captured);
    rawMs.push(await replayer.replay(captured));
  }
  return { productMs, rawMs, statements, problems: [...new Set(problems)].slice(0, 5), failedRuns };
}

/**
 * `runs` requests of `workload` after one priming request (timed: `firstMs`) and `warmup`
 * unmeasured ones, on a stack with a result cache or the measure store; each waits for
 * statements still running (a partial answer leaves some) before the next.
 */
export async function measureWarm(
  stack: RunningStack,
  capture: StatementCapture,
  workload: Workload,
  runs: number,
  warmup = 0,
): Promise<WarmFigures> {
  capture.start();
  const first = await post(endpoint(stack), workload.op);
  const problems = problemsOf(first);
  await capture.stop();
  for (let i = 0; i < warmup; i++) {
    capture.start();
    problems.push(...problemsOf(await post(endpoint(stack), workload.op)));
    await capture.stop();
  }
  const productMs: number[] = [];
  const statements: number[] = [];
  let failedRuns = 0;
  for (let run = 0; run < runs; run++) {
    const before = stack.sources.statementCount();
    capture.start();
    const answer = await post(endpoint(stack), workload.op);
    await capture.stop();
    statements.push(stack.sources.statementCount() - before);
    productMs.push(answer.ms);
    const seen = problemsOf(answer);
    problems.push(...seen);
    if (seen.length > 0) failedRuns += 1;
  }
  return {
    firstMs: first.ms,
    productMs,
    statements,
    problems: [...new Set(problems)].slice(0, 5),
    failedRuns,
  };
}

/** What one request cost the sources: statements in all, and per source it touched. */
export interface StatementFigures {
  readonly statements: number;
  /** Sources that ran at least one statement. */
  readonly sources: number;
  /** The most statements any one source ran. */
  readonly maxPerSource: number;
}

/** Data statements one request of `op` sends to the sources (waiting for any still running). */
export async function statementsFor(
  stack: RunningStack,
  capture: StatementCapture,
  op: Operation,
): Promise<StatementFigures> {
  const before = stack.sources.statementCount();
  capture.start();
  await post(endpoint(stack), op);
  const captured = await capture.stop();
  const perSource = new Map<string, number>();
  for (const c of captured) perSource.set(c.sourceId, (perSource.get(c.sourceId) ?? 0) + 1);
  return {
    statements: stack.sources.statementCount() - before,
    sources: perSource.size,
    maxPerSource: Math.max(0, ...perSource.values()),
  };
}

/**
 * The same entity query `requests` times to the gateway and `requests` times straight to the
 * subgraph serving it (signed as the gateway signs), alternating, after a few unmeasured ones.
 */
export async function measureOverhead(
  stack: RunningStack,
  subgraph: string,
  op: Operation,
  requests: number,
): Promise<OverheadFigures> {
  const direct = stack.subgraphs[subgraph]?.url;
  if (!direct) throw new Error(`no subgraph ${subgraph}`);
  const gateway: number[] = [];
  const sub: number[] = [];
  const problems: string[] = [];
  for (let i = 0; i < requests + 20; i++) {
    const viaGateway = await post(endpoint(stack), op);
    const viaSubgraph = await post(direct, op, subgraphHeaders());
    problems.push(...problemsOf(viaGateway), ...problemsOf(viaSubgraph));
    if (i < 20) continue;
    gateway.push(viaGateway.ms);
    sub.push(viaSubgraph.ms);
  }
  return {
    gatewayP50Ms: percentile(gateway, 50),
    subgraphP50Ms: percentile(sub, 50),
    problems: [...new Set(problems)].slice(0, 5),
  };
}
