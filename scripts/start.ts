/**
 * `npm start`: the whole product on this machine. With GATEWAY_SOURCES it reads the legacy
 * databases that file names; without it, it builds (once) and reads the embedded 安康市 demo.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { loadSourcesConfig } from '../adapters';
import { ensureDemoData } from '../adapters/demo';
import { envPort } from '../subgraphs/common/endpoints';
import { startStack } from './stack';
import { demoCredentialsHelp } from '../security/demo';
import { securityFromEnv } from '../security/runtime';
import { DOMAIN_SUBGRAPHS } from './subgraphs';

async function main(): Promise<void> {
  const started = Date.now();
  let sourcesFile = process.env.GATEWAY_SOURCES;
  if (!sourcesFile) {
    const dir = resolve(process.env.DEMO_DATA_DIR ?? '.demo-data');
    console.info(`No GATEWAY_SOURCES: using the embedded demo (安康市 610900) in ${dir}`);
    const demo = await ensureDemoData(dir, { log: (line) => console.info(`  ${line}`) });
    console.info(
      demo.reused
        ? '  demo databases reused'
        : `  demo databases built in ${demo.seconds.toFixed(1)} s, ${Object.values(demo.rows)
            .reduce((a, b) => a + b, 0)
            .toLocaleString('en-US')} rows`,
    );
    sourcesFile = demo.sourcesFile;
  }
  const sources = loadSourcesConfig(sourcesFile);
  const security = securityFromEnv();
  const gatewayPort = envPort('PORT', 4000);
  const ports: Record<string, number> = {
    indicators: envPort('INDICATORS_PORT', gatewayPort === 0 ? 0 : gatewayPort + 2),
  };
  for (const subgraph of DOMAIN_SUBGRAPHS) {
    const fallback = gatewayPort === 0 ? 0 : gatewayPort + subgraph.portOffset;
    ports[subgraph.name] = envPort(`${subgraph.name.toUpperCase()}_PORT`, fallback);
  }
  const stack = await startStack({
    sources,
    port: gatewayPort,
    host: process.env.HOST ?? '127.0.0.1',
    ports,
    security: security.config,
    // The demo's playground opens as the 安康市 account, so the example query answers.
    playgroundHeaders: security.demo ? { Authorization: 'Bearer hag_demo_city_610900' } : undefined,
  });
  const unreachable = await stack.sources.check();
  for (const u of unreachable) console.warn(`  source ${u.id}: ${u.failure} — answers will be partial`);
  console.info(
    `Subgraphs: ${Object.entries(stack.subgraphs)
      .map(([name, server]) => `${name} ${server.url}`)
      .join(', ')}`,
  );
  console.info(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.info(`Playground (GraphiQL): ${stack.gateway.url}/`);
  console.info(`GraphQL endpoint:      ${stack.gateway.url}/graphql`);
  if (security.demo) console.info(`\n${demoCredentialsHelp(stack.gateway.url)}`);
  const stop = (): void => {
    console.info('Stopping…');
    stack.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
