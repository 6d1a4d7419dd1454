/**
 * Run the gateway alone, in front of subgraphs running elsewhere.
 *   SUBGRAPHS=institutions=http://127.0.0.1:4001/graphql,indicators=http://127.0.0.1:4002/graphql PORT=4000 node dist/gateway/main.js
 */
import { envPort, parseEndpointList } from '../subgraphs/common/endpoints';
import { securityFromEnv } from '../security/runtime';
import { createResponseCache, responseCacheConfigFromEnv } from './response-cache';
import { startGateway } from './server';

async function main(): Promise<void> {
  const subgraphs = parseEndpointList(
    process.env.SUBGRAPHS ??
      'institutions=http://127.0.0.1:4001/graphql,indicators=http://127.0.0.1:4002/graphql,alliances=http://127.0.0.1:4003/graphql,' +
        'workforce=http://127.0.0.1:4004/graphql,insurance=http://127.0.0.1:4005/graphql',
    'SUBGRAPHS',
  );
  const gateway = await startGateway({
    subgraphs,
    port: envPort('PORT', 4000),
    host: process.env.HOST ?? '127.0.0.1',
    security: securityFromEnv().config,
    // RESPONSE_CACHE: unset = in-process LRU, `off`, or redis://host:port (shared by replicas).
    responseCache: createResponseCache(responseCacheConfigFromEnv(process.env), console),
  });
  console.info(`gateway at ${gateway.url}/graphql, playground at ${gateway.url}/`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
