/**
 * GraphQL over HTTP as the demo's national account: to the gateway with its API key, or straight
 * to a subgraph with the principal signed as the gateway signs it.
 */
import { DEMO_ACCOUNTS, DEMO_SUBGRAPH_SECRET } from '../../security/demo';
import { buildPrincipal } from '../../security/principal';
import { signPrincipal } from '../../security/signing';

/** A GraphQL operation with its variables. */
export interface Operation {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** What one request took and answered. */
export interface Timed {
  readonly ms: number;
  readonly status: number;
  /** GraphQL errors in the answer (messages). */
  readonly errors: readonly string[];
  /**
   * Values the answer reports as `SOURCE_UNAVAILABLE`: a source or subgraph did not answer in
   * time, so the answer is partial.
   */
  readonly unavailable: number;
}

function nationalAccount(): (typeof DEMO_ACCOUNTS)[number] {
  const account = DEMO_ACCOUNTS.find((a) => a.name === 'national');
  if (!account) throw new Error('no national demo account');
  return account;
}

/** Headers of the national demo account for the gateway (its API key). */
export function gatewayHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${nationalAccount().key}` };
}

/** Headers of the national principal signed now with the demo subgraph secret (valid 60 s). */
export function subgraphHeaders(): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...signPrincipal(buildPrincipal(nationalAccount().principal), DEMO_SUBGRAPH_SECRET),
  };
}

/** POST `op` to `endpoint` (a full `/graphql` URL) and time it, body read included. */
export async function post(
  endpoint: string,
  op: Operation,
  headers: Record<string, string> = gatewayHeaders(),
): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(op) });
  const text = await res.text();
  const ms = performance.now() - started;
  let errors: string[] = [];
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message: string }> };
    errors = (body.errors ?? []).map((e) => e.message);
  } catch {
    errors = [`not JSON: ${text.slice(0, 200)}`];
  }
  return { ms, status: res.status, errors, unavailable: text.split('"SOURCE_UNAVAILABLE"').length - 1 };
}
