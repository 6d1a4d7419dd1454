/**
 * Run the insurance subgraph alone.
 *   GATEWAY_SOURCES=sources.json INSURANCE_PORT=4005 node dist/subgraphs/insurance/main.js
 */
import 'reflect-metadata';
import { loadSourcesConfig, SourceRegistry } from '../../adapters';
import { envPort } from '../common/endpoints';
import { serveSubgraph } from '../common/server';
import { securityFromEnv } from '../../security/runtime';
import { buildInsuranceSchema, createInsuranceContext, openInsuranceStore } from '.';

async function main(): Promise<void> {
  const file = process.env.GATEWAY_SOURCES;
  if (!file) throw new Error('GATEWAY_SOURCES must name a sources configuration file');
  const config = loadSourcesConfig(file);
  const sources = new SourceRegistry(config);
  // The measure store of settlements, when configured; MEASURE_STORE_REFRESH=0 on all replicas but one.
  const store = config.store ? openInsuranceStore(config.store, sources) : undefined;
  const server = await serveSubgraph({
    name: 'insurance',
    schema: await buildInsuranceSchema(),
    port: envPort('INSURANCE_PORT', 4005),
    host: process.env.HOST ?? '127.0.0.1',
    secret: securityFromEnv().config.subgraphSecret,
    context: () => createInsuranceContext({ sources, ...(store ? { store } : {}) }),
  });
  console.info(`insurance subgraph at ${server.url}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
