import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS_PRINCIPAL } from '../security/principal';
import type { Principal } from '../security/principal';
import { signPrincipal } from '../security/signing';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { observeSubgraphFetch } from './ops/metrics';
import { currentRequestId, currentRequestSignal, REQUEST_ID_HEADER } from './ops/request-id';

/** `fetcher`, with the latency of every call recorded for `subgraph` (gateway/ops/metrics.ts). */
export function observedFetcher(subgraph: string, fetcher: Fetcher): Fetcher {
  return async (url, init) => {
    const startedAt = performance.now();
    const seconds = (): number => (performance.now() - startedAt) / 1000;
    try {
      const response = await fetcher(url, init);
      observeSubgraphFetch(subgraph, String(response.status), seconds());
      return response;
    } catch (e) {
      observeSubgraphFetch(subgraph, 'error', seconds());
      throw e;
    }
  };
}

/** What the data source reads from the gateway's context. */
interface SubgraphCallContext {
  principal?: Principal;
  requestId?: string;
}

/**
 * `fetcher`, with the abort signal of the gateway request the call is made for in its `init`
 * (gateway/ops/request-id.ts: aborted when the request times out or its client goes away), so
 * an abandoned request's calls stop at once. Apollo's data source builds the fetch options
 * itself and carries no signal.
 */
function withRequestSignal(fetcher: Fetcher): Fetcher {
  return (url, init) => {
    const signal = currentRequestSignal();
    return fetcher(url, signal ? { ...init, signal } : init);
  };
}

/**
 * The gateway's subgraph client. A subgraph rejects bad input (a malformed period, say) with
 * HTTP 400 and a GraphQL error carrying a stable code; the stock data source would turn that
 * into an opaque "400: Bad Request". Here the subgraph's own error is passed on, without the
 * subgraph's URL or response body.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  private readonly secret: string;

  constructor(config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0] & { secret: string }) {
    super({ ...config, ...(config.fetcher ? { fetcher: withRequestSignal(config.fetcher) } : {}) });
    this.secret = config.secret;
  }

  /** Forward the verified caller, signed: subgraphs refuse calls without it; and the request id. */
  override willSendRequest(options: GraphQLDataSourceProcessOptions<SubgraphCallContext>): void {
    const principal = options.context?.principal ?? ANONYMOUS_PRINCIPAL;
    for (const [name, value] of Object.entries(signPrincipal(principal, this.secret))) {
      options.request.http?.headers.set(name, value);
    }
    const requestId = options.context?.requestId ?? currentRequestId();
    if (requestId !== undefined) options.request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const generic = await super.errorFromResponse(response);
    const body = (generic.extensions.response as { body?: unknown } | undefined)?.body;
    const first = (
      body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> } | undefined
    )?.errors?.[0];
    if (first && typeof first.message === 'string' && typeof first.extensions?.code === 'string') {
      return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
    }
    return new GraphQLError(`Subgraph answered HTTP ${response.status}`, {
      extensions: { code: generic.extensions.code ?? 'INTERNAL_SERVER_ERROR' },
    });
  }
}
