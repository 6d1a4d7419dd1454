/**
 * Run the alliances subgraph alone.
 *   GATEWAY_SOURCES=sources.json ALLIANCES_PORT=4003 node dist/subgraphs/alliances/main.js
 */
import 'reflect-metadata';
import { loadSourcesConfig, SourceRegistry } from '../../adapters';
import { envPort } from '../common/endpoints';
import { serveSubgraph } from '../common/server';
import { securityFromEnv } from '../../security/runtime';
import { buildAlliancesSchema, createAlliancesContext, openAlliancesStore } from '.';

async function main(): Promise<void> {
  const file = process.env.GATEWAY_SOURCES;
  if (!file) throw new Error('GATEWAY_SOURCES must name a sources configuration file');
  const config = loadSourcesConfig(file);
  const sources = new SourceRegistry(config);
  // The measure store of referrals and sessions, when configured; MEASURE_STORE_REFRESH=0 on all replicas but one.
  const store = config.store ? openAlliancesStore(config.store, sources) : undefined;
  const server = await serveSubgraph({
    name: 'alliances',
    schema: await buildAlliancesSchema(),
    port: envPort('ALLIANCES_PORT', 4003),
    host: process.env.HOST ?? '127.0.0.1',
    secret: securityFromEnv().config.subgraphSecret,
    context: () => createAlliancesContext({ sources, ...(store ? { store } : {}) }),
  });
  console.info(`alliances subgraph at ${server.url}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
