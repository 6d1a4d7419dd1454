/**
 * Run the workforce subgraph alone.
 *   GATEWAY_SOURCES=sources.json WORKFORCE_PORT=4004 node dist/subgraphs/workforce/main.js
 */
import 'reflect-metadata';
import { loadSourcesConfig, SourceRegistry } from '../../adapters';
import { envPort } from '../common/endpoints';
import { serveSubgraph } from '../common/server';
import { securityFromEnv } from '../../security/runtime';
import { buildWorkforceSchema, createWorkforceContext, openWorkforceStore } from '.';

async function main(): Promise<void> {
  const file = process.env.GATEWAY_SOURCES;
  if (!file) throw new Error('GATEWAY_SOURCES must name a sources configuration file');
  const config = loadSourcesConfig(file);
  const sources = new SourceRegistry(config);
  // The measure store of the per-period facts, when configured; MEASURE_STORE_REFRESH=0 on all replicas but one.
  const store = config.store ? openWorkforceStore(config.store, sources) : undefined;
  const server = await serveSubgraph({
    name: 'workforce',
    schema: await buildWorkforceSchema(),
    port: envPort('WORKFORCE_PORT', 4004),
    host: process.env.HOST ?? '127.0.0.1',
    secret: securityFromEnv().config.subgraphSecret,
    context: () => createWorkforceContext({ sources, ...(store ? { store } : {}) }),
  });
  console.info(`workforce subgraph at ${server.url}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
