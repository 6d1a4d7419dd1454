/**
 * Run the indicators subgraph alone. It asks the measure-serving subgraphs listed in
 * MEASURE_SUBGRAPHS (name=url, comma-separated) for the measures its catalog needs.
 *   MEASURE_SUBGRAPHS=institutions=http://127.0.0.1:4001/graphql INDICATORS_PORT=4002 node dist/subgraphs/indicators/main.js
 * Results of closed periods are cached: INDICATOR_CACHE unset = in-process LRU, `off`, or
 * `redis://127.0.0.1:6379` (see cache/README.md for TTL, bound and prefix).
 */
import 'reflect-metadata';
import { envPort, parseEndpointList } from '../common/endpoints';
import { serveSubgraph } from '../common/server';
import { securityFromEnv } from '../../security/runtime';
import {
  buildIndicatorsSchema,
  createIndicatorsContext,
  createMeasureCache,
  indicatorsPlugins,
  measureCacheConfigFromEnv,
  MeasureDirectory,
} from '.';

async function main(): Promise<void> {
  const endpoints = parseEndpointList(
    process.env.MEASURE_SUBGRAPHS ??
      'institutions=http://127.0.0.1:4001/graphql,alliances=http://127.0.0.1:4003/graphql,' +
        'workforce=http://127.0.0.1:4004/graphql,insurance=http://127.0.0.1:4005/graphql',
    'MEASURE_SUBGRAPHS',
  );
  const { subgraphSecret: secret, smallCountThreshold } = securityFromEnv().config;
  const directory = new MeasureDirectory(endpoints, secret);
  // INDICATOR_CACHE: unset = in-process LRU, `off`, or redis://host:port (shared by replicas).
  const cache = createMeasureCache(measureCacheConfigFromEnv(process.env), console);
  const server = await serveSubgraph({
    name: 'indicators',
    schema: await buildIndicatorsSchema(),
    port: envPort('INDICATORS_PORT', 4002),
    host: process.env.HOST ?? '127.0.0.1',
    secret,
    context: (principal) => createIndicatorsContext({ directory, smallCountThreshold, cache }, principal),
    plugins: indicatorsPlugins(),
  });
  console.info(`indicators subgraph at ${server.url} (measure cache: ${cache?.kind ?? 'off'})`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
