import 'reflect-metadata';
import { SourceRegistry } from '../adapters';
import type { SourcesConfig } from '../adapters';
import { startGateway } from '../gateway';
import type { RunningGateway } from '../gateway';
import { serveSubgraph } from '../subgraphs/common/server';
import type { RunningServer } from '../subgraphs/common/server';
import { buildAlliancesSchema, createAlliancesContext } from '../subgraphs/alliances';
import { buildIndicatorsSchema, createIndicatorsContext, MeasureDirectory } from '../subgraphs/indicators';
import { buildInstitutionsSchema, createInstitutionsContext } from '../subgraphs/institutions';

export interface StackOptions {
  readonly sources: SourcesConfig;
  /** Gateway port (0 = any free port). */
  readonly port: number;
  readonly institutionsPort?: number;
  readonly indicatorsPort?: number;
  readonly alliancesPort?: number;
  readonly host?: string;
  readonly logger?: Pick<Console, 'warn' | 'info'>;
}

export interface RunningStack {
  readonly gateway: RunningGateway;
  readonly institutions: RunningServer;
  readonly indicators: RunningServer;
  readonly alliances: RunningServer;
  readonly sources: SourceRegistry;
  close(): Promise<void>;
}

/**
 * The whole product in one process: every subgraph on its own HTTP port, and the gateway in
 * front of them talking HTTP, exactly as when they run as separate services.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1';
  const sources = new SourceRegistry(options.sources, options.logger);
  const institutions = await serveSubgraph({
    name: 'institutions',
    schema: await buildInstitutionsSchema(),
    port: options.institutionsPort ?? 0,
    host,
    context: () => createInstitutionsContext({ sources }),
  });
  const alliances = await serveSubgraph({
    name: 'alliances',
    schema: await buildAlliancesSchema(),
    port: options.alliancesPort ?? 0,
    host,
    context: () => createAlliancesContext({ sources }),
  });
  const directory = new MeasureDirectory([
    { name: 'institutions', url: institutions.url },
    { name: 'alliances', url: alliances.url },
  ]);
  const indicators = await serveSubgraph({
    name: 'indicators',
    schema: await buildIndicatorsSchema(),
    port: options.indicatorsPort ?? 0,
    host,
    context: () => createIndicatorsContext({ directory }),
  });
  const gateway = await startGateway({
    port: options.port,
    host,
    subgraphs: [
      { name: 'institutions', url: institutions.url },
      { name: 'alliances', url: alliances.url },
      { name: 'indicators', url: indicators.url },
    ],
  });
  return {
    gateway,
    institutions,
    indicators,
    alliances,
    sources,
    async close() {
      await gateway.close();
      await indicators.close();
      await alliances.close();
      await institutions.close();
      await sources.close();
    },
  };
}
