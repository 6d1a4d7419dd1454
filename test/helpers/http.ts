import { DEMO_ACCOUNTS, DEMO_SUBGRAPH_SECRET } from '../../security/demo';
import { buildPrincipal } from '../../security/principal';
import { signPrincipal } from '../../security/signing';

/** A GraphQL response as a client sees it. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** Who a test request is sent as: a demo account name (security/demo.ts), or null for no credentials. */
export type Caller = string | null;

/**
 * The headers of a demo account: its API key for the gateway, and the same principal signed
 * with the demo subgraph secret, so a test may also call a subgraph directly, as the gateway does.
 */
export function callerHeaders(caller: Caller): Record<string, string> {
  if (caller === null) return {};
  const account = DEMO_ACCOUNTS.find((a) => a.name === caller);
  if (!account) throw new Error(`no demo account ${caller}`);
  return {
    authorization: `Bearer ${account.key}`,
    ...signPrincipal(buildPrincipal(account.principal), DEMO_SUBGRAPH_SECRET),
  };
}

/**
 * POST a GraphQL operation over HTTP, as any client would — by default as the demo's national
 * account (tests of access control pass another caller, or null for an anonymous request).
 */
export async function gql(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  caller: Caller = 'national',
): Promise<{ status: number; body: GraphQLBody }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders(caller) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLBody };
}
