/**
 * The gateway's metrics, in the process registry (subgraphs/common/metrics.ts): operations by
 * name and outcome with their latency, GraphQL errors by code, and subgraph fetch latency.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, opsRegistry } from '../../subgraphs/common/metrics';

/** ok: no errors; partial: data and errors; error: no data. */
export type Outcome = 'ok' | 'partial' | 'error';

const requests = new Counter({
  name: 'gateway_requests_total',
  help: 'GraphQL operations the gateway answered, by operation name and outcome (ok, partial, error).',
  labelNames: ['operation', 'outcome'] as const,
  registers: [opsRegistry],
});
const duration = new Histogram({
  name: 'gateway_request_duration_seconds',
  help: 'Latency of GraphQL operations at the gateway, by operation name and outcome.',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [...LATENCY_BUCKETS],
  registers: [opsRegistry],
});
const errors = new Counter({
  name: 'gateway_graphql_errors_total',
  help: 'GraphQL errors the gateway sent to clients, by extensions.code.',
  labelNames: ['code'] as const,
  registers: [opsRegistry],
});
const subgraphFetch = new Histogram({
  name: 'gateway_subgraph_fetch_duration_seconds',
  help: 'Latency of the gateway’s calls to subgraphs, by subgraph and outcome (HTTP status or error).',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [...LATENCY_BUCKETS],
  registers: [opsRegistry],
});

/** Label of operations without a name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** Label of operations whose name is not a GraphQL name, or beyond the first `MAX_OPERATION_LABELS`. */
export const OTHER_OPERATION = '(other)';
/** Distinct operation names kept as labels; clients choose names, so their number is bounded. */
export const MAX_OPERATION_LABELS = 200;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Keeps the `operation` label's cardinality bounded: the first `max` distinct well-formed names
 * are labels, the rest are `(other)`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_LABELS) {}

  label(name: string | null | undefined): string {
    if (name === null || name === undefined || name === '') return ANONYMOUS_OPERATION;
    if (!GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

/** Outcome and error codes of the response Apollo is about to send. */
export function responseOutcome(context: Pick<GraphQLRequestContext<object>, 'response'>): {
  outcome: Outcome;
  codes: string[];
} {
  const body = context.response.body;
  const result = body?.kind === 'single' ? body.singleResult : body?.initialResult;
  const list = result?.errors ?? [];
  const codes = list.map((e) =>
    typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
  );
  const hasData = result?.data !== undefined && result.data !== null;
  return { outcome: list.length === 0 ? 'ok' : hasData ? 'partial' : 'error', codes };
}

/** Counts one finished operation. */
export function recordOperation(
  operation: string,
  outcome: Outcome,
  seconds: number,
  codes: readonly string[],
) {
  requests.inc({ operation, outcome });
  duration.observe({ operation, outcome }, seconds);
  for (const code of codes) errors.inc({ code });
}

/** Apollo Server plugin: one count, one latency sample and the error codes of every operation. */
export function metricsPlugin<TContext extends object>(
  labels: OperationLabels = new OperationLabels(),
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async willSendResponse(context) {
          const { outcome, codes } = responseOutcome(context);
          const name = context.operationName ?? context.request.operationName ?? null;
          recordOperation(labels.label(name), outcome, (performance.now() - startedAt) / 1000, codes);
        },
      };
    },
  };
}

/** One call to a subgraph: `outcome` is its HTTP status, or `error` when it did not answer. */
export function observeSubgraphFetch(subgraph: string, outcome: string, seconds: number): void {
  subgraphFetch.observe({ subgraph, outcome }, seconds);
}
