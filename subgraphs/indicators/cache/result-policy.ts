import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Whether the whole answer of one request to the indicators subgraph may be cached by the gateway
 * (gateway/response-cache): only when it loaded at least one measure and every measure it loaded
 * is of a closed period and complete (no source missing, nothing refused). An answer that loaded
 * none (the catalog) or any open, partial or refused value is never cached whole.
 */
export class ResultPolicy {
  private state: 'NONE' | 'CACHEABLE' | 'UNCACHEABLE' = 'NONE';

  /** One loaded measure value and whether it may be cached. */
  note(cacheable: boolean): void {
    if (!cacheable) this.state = 'UNCACHEABLE';
    else if (this.state === 'NONE') this.state = 'CACHEABLE';
  }

  get cacheable(): boolean {
    return this.state === 'CACHEABLE';
  }
}

/** How long the gateway keeps a whole answer of closed periods (the measure cache's lifetime). */
export const RESULT_MAX_AGE_SECONDS = 3600;

/**
 * Sets `Cache-Control` on the subgraph's answers from the request's ResultPolicy:
 * `max-age=3600, private` (the gateway keys it by the caller's visibility) or `no-store`. Apollo
 * Server's own header is turned off for this subgraph (it would mark every answer uncacheable).
 */
export function resultCachePolicyPlugin<TContext extends BaseContext & { resultPolicy: ResultPolicy }>(
  maxAgeSeconds: number = RESULT_MAX_AGE_SECONDS,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : null;
          const cacheable = single !== null && !single.errors && contextValue.resultPolicy.cacheable;
          response.http.headers.set(
            'cache-control',
            cacheable ? `max-age=${maxAgeSeconds}, private` : 'no-store',
          );
        },
      };
    },
  };
}
