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
import type { RunningStack } from './stack';
import { auditSink, consoleOf, createLogger } from '../gateway/ops/logging';
import type { Logger } from '../gateway/ops/logging';
import { demoCredentialsHelp } from '../security/demo';
import { securityFromEnv } from '../security/runtime';
import { DOMAIN_SUBGRAPHS } from './subgraphs';

/** How long in-flight requests may take to finish after SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 20_000;

/**
 * The signal handler: stop accepting connections, let in-flight requests finish (the gateway
 * first, then the subgraphs it was calling), close the sources, exit 0. A second signal, or
 * `graceMs` without finishing, exits at once with 1.
 */
function gracefulShutdown(
  stack: RunningStack,
  log: Logger,
  graceMs: number,
): (signal: NodeJS.Signals) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    log.info({ signal, graceMs }, 'shutting down: no new connections, draining in-flight requests');
    const force = setTimeout(() => {
      log.error({ ms: Date.now() - started }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, graceMs);
    force.unref();
    stack.close().then(
      () => {
        log.info({ ms: Date.now() - started }, 'stopped: requests drained, sources closed');
        process.exit(0);
      },
      (e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = createLogger({ base: { service: 'hag' } });
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
    // Everything operational goes through one JSON logger: source warnings, audit lines, requests.
    logger: consoleOf(log),
    audit: auditSink(log),
    log,
    // The demo's playground opens as the 安康市 account, so the example query answers.
    playgroundHeaders: security.demo ? { Authorization: 'Bearer hag_demo_city_610900' } : undefined,
  });
  const unreachable = await stack.sources.check();
  for (const u of unreachable) {
    log.warn({ source: u.id, failure: u.failure }, 'source unreachable: answers will be partial');
  }
  console.info(
    `Subgraphs: ${Object.entries(stack.subgraphs)
      .map(([name, server]) => `${name} ${server.url}`)
      .join(', ')}`,
  );
  console.info(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.info(`Playground (GraphiQL): ${stack.gateway.url}/`);
  console.info(`GraphQL endpoint:      ${stack.gateway.url}/graphql`);
  if (security.demo) console.info(`\n${demoCredentialsHelp(stack.gateway.url)}`);
  log.info({ url: stack.gateway.url, ms: Date.now() - started }, 'ready');
  const stop = gracefulShutdown(stack, log, SHUTDOWN_GRACE_MS);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
