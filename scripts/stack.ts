import 'reflect-metadata';
import { SourceRegistry } from '../adapters';
import type { SourcesConfig } from '../adapters';
import { startGateway } from '../gateway';
import type { RunningGateway } from '../gateway';
import { serveSubgraph } from '../subgraphs/common/server';
import type { RunningServer } from '../subgraphs/common/server';
import { buildIndicatorsSchema, createIndicatorsContext, MeasureDirectory } from '../subgraphs/indicators';
import { DOMAIN_SUBGRAPHS } from './subgraphs';
import type { SecurityConfig } from '../security/config';
import { demoSecurityConfig } from '../security/demo';

export interface StackOptions {
  readonly sources: SourcesConfig;
  /** Gateway port (0 = any free port). */
  readonly port: number;
  /** Port per subgraph name (`institutions`, `alliances`, …, `indicators`); missing = any free port. */
  readonly ports?: Readonly<Record<string, number>>;
  readonly host?: string;
  readonly logger?: Pick<Console, 'warn' | 'info'>;
  /** Tokens, keys and the gateway–subgraph secret; default: the demo's (public keys). */
  readonly security?: SecurityConfig;
  /** Audit lines of the gateway (default: stdout). */
  readonly audit?: (line: string) => void;
  /** Request headers the playground presets (the demo presets a demo key). */
  readonly playgroundHeaders?: Record<string, string>;
}

export interface RunningStack {
  readonly gateway: RunningGateway;
  /** Every subgraph by name, the indicators subgraph included. */
  readonly subgraphs: Readonly<Record<string, RunningServer>>;
  readonly sources: SourceRegistry;
  /** How the indicators subgraph finds and asks measure owners (its traffic counters included). */
  readonly measures: MeasureDirectory;
  close(): Promise<void>;
}

/**
 * The whole product in one process: every subgraph on its own HTTP port, and the gateway in
 * front of them talking HTTP, exactly as when they run as separate services. The indicators
 * subgraph discovers the measures of the domain subgraphs through their measure protocol.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1';
  const security = options.security ?? demoSecurityConfig();
  const secret = security.subgraphSecret;
  const smallCountThreshold = security.smallCountThreshold;
  const sources = new SourceRegistry(options.sources, options.logger);
  const running: Record<string, RunningServer> = {};
  for (const subgraph of DOMAIN_SUBGRAPHS) {
    running[subgraph.name] = await serveSubgraph({
      name: subgraph.name,
      schema: await subgraph.build(),
      port: options.ports?.[subgraph.name] ?? 0,
      host,
      secret,
      context: () => subgraph.context(sources),
    });
  }
  const domain = DOMAIN_SUBGRAPHS.map((s) => ({ name: s.name, url: running[s.name].url }));
  const directory = new MeasureDirectory(domain, secret);
  running.indicators = await serveSubgraph({
    name: 'indicators',
    schema: await buildIndicatorsSchema(),
    port: options.ports?.indicators ?? 0,
    host,
    secret,
    context: (principal) => createIndicatorsContext({ directory, smallCountThreshold }, principal),
  });
  const gateway = await startGateway({
    port: options.port,
    host,
    subgraphs: [...domain, { name: 'indicators', url: running.indicators.url }],
    security,
    audit: options.audit ?? (options.logger ? (line) => options.logger?.info(line) : undefined),
    // With the demo's (public) keys, the playground opens as the 安康市 account.
    playgroundHeaders:
      options.playgroundHeaders ??
      (options.security ? undefined : { Authorization: 'Bearer hag_demo_city_610900' }),
  });
  return {
    gateway,
    subgraphs: running,
    sources,
    measures: directory,
    async close() {
      await gateway.close();
      for (const server of Object.values(running).reverse()) await server.close();
      await sources.close();
    },
  };
}
