/**
 * Run the insurance subgraph alone.
 *   GATEWAY_SOURCES=sources.json INSURANCE_PORT=4005 node dist/subgraphs/insurance/main.js
 */
import 'reflect-metadata';
import { loadSourcesConfig, SourceRegistry } from '../../adapters';
import { envPort } from '../common/endpoints';
import { serveSubgraph } from '../common/server';
import { securityFromEnv } from '../../security/runtime';
import { buildInsuranceSchema, createInsuranceContext } from '.';

async function main(): Promise<void> {
  const file = process.env.GATEWAY_SOURCES;
  if (!file) throw new Error('GATEWAY_SOURCES must name a sources configuration file');
  const sources = new SourceRegistry(loadSourcesConfig(file));
  const server = await serveSubgraph({
    name: 'insurance',
    schema: await buildInsuranceSchema(),
    port: envPort('INSURANCE_PORT', 4005),
    host: process.env.HOST ?? '127.0.0.1',
    secret: securityFromEnv().config.subgraphSecret,
    context: () => createInsuranceContext({ sources }),
  });
  console.info(`insurance subgraph at ${server.url}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
