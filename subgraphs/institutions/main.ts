/**
 * Run the institutions subgraph alone.
 *   GATEWAY_SOURCES=sources.json INSTITUTIONS_PORT=4001 node dist/subgraphs/institutions/main.js
 */
import 'reflect-metadata';
import { loadSourcesConfig, SourceRegistry } from '../../adapters';
import { envPort } from '../common/endpoints';
import { serveSubgraph } from '../common/server';
import { securityFromEnv } from '../../security/runtime';
import { buildInstitutionsSchema, createInstitutionsContext, openInstitutionsStore } from '.';

async function main(): Promise<void> {
  const file = process.env.GATEWAY_SOURCES;
  if (!file) throw new Error('GATEWAY_SOURCES must name a sources configuration file');
  const config = loadSourcesConfig(file);
  const sources = new SourceRegistry(config);
  // The measure store, when configured; MEASURE_STORE_REFRESH=0 on all replicas but one.
  const store = config.store ? openInstitutionsStore(config.store, sources) : undefined;
  const server = await serveSubgraph({
    name: 'institutions',
    schema: await buildInstitutionsSchema(),
    port: envPort('INSTITUTIONS_PORT', 4001),
    host: process.env.HOST ?? '127.0.0.1',
    secret: securityFromEnv().config.subgraphSecret,
    context: () => createInstitutionsContext({ sources, ...(store ? { store } : {}) }),
  });
  console.info(`institutions subgraph at ${server.url}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
