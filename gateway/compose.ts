import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { ANONYMOUS_PRINCIPAL } from '../security/principal';
import { signPrincipal } from '../security/signing';

/** A subgraph the gateway routes to: a name and a GraphQL URL. */
export interface SubgraphConfig {
  readonly name: string;
  readonly url: string;
}

async function fetchSdl(subgraph: SubgraphConfig, timeoutMs: number, secret: string): Promise<string> {
  const res = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signPrincipal(ANONYMOUS_PRINCIPAL, secret) },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`subgraph ${subgraph.name} returned no SDL (HTTP ${res.status})`);
  return sdl;
}

/**
 * Compose the supergraph once at start from the subgraphs' own SDL (`_service { sdl }`),
 * retrying while they come up. The gateway knows subgraphs by name and URL only.
 */
export async function composeSupergraph(
  subgraphs: readonly SubgraphConfig[],
  options: { attempts?: number; delayMs?: number; timeoutMs?: number; secret: string },
): Promise<string> {
  const attempts = options.attempts ?? 30;
  let lastError: unknown;
  for (let i = 0; i < attempts; i += 1) {
    try {
      const sdls = await Promise.all(
        subgraphs.map((s) => fetchSdl(s, options.timeoutMs ?? 5000, options.secret)),
      );
      const result = composeServices(
        subgraphs.map((s, j) => ({ name: s.name, url: s.url, typeDefs: parse(sdls[j]) })),
      );
      if (result.errors) {
        throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
      }
      return result.supergraphSdl;
    } catch (e) {
      lastError = e;
      if (String(e).includes('composition failed')) throw e;
      await new Promise((r) => setTimeout(r, options.delayMs ?? 500));
    }
  }
  throw new Error(`subgraphs not reachable: ${String(lastError)}`);
}
