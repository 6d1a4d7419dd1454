import type { BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { SourceRegistry } from '../adapters';
import type { StoreConfig } from '../adapters/sources/config';
import { buildAlliancesSchema, createAlliancesContext } from '../subgraphs/alliances';
import {
  buildInstitutionsSchema,
  createInstitutionsContext,
  openInstitutionsStore,
} from '../subgraphs/institutions';
import type { InstitutionsStore } from '../subgraphs/institutions';
import { buildWorkforceSchema, createWorkforceContext } from '../subgraphs/workforce';
import { buildInsuranceSchema, createInsuranceContext } from '../subgraphs/insurance';

/** A domain subgraph of the product: reads the sources, serves entities and measures. */
export interface DomainSubgraph {
  readonly name: string;
  /** Default port = gateway PORT + offset (`<NAME>_PORT` overrides); the indicators subgraph is +2. */
  readonly portOffset: number;
  build(): Promise<GraphQLSchema>;
  /** Its long-lived services over the sources (the institutions subgraph: the measure store). */
  open(sources: SourceRegistry, options: SubgraphOptions): OpenSubgraph;
}

/** What a domain subgraph is opened with. */
export interface SubgraphOptions {
  /** The measure store (institutions subgraph); absent: live answers only. */
  readonly store?: StoreConfig;
  readonly logger?: Pick<Console, 'info' | 'warn'>;
}

/** A domain subgraph's services, opened: a context per request, and how to close them. */
export interface OpenSubgraph {
  context(): BaseContext;
  close(): Promise<void>;
  /** The measure store it opened (the institutions subgraph, when configured). */
  readonly store?: InstitutionsStore;
}

const stateless = (context: () => BaseContext): OpenSubgraph => ({
  context,
  close: () => Promise.resolve(),
});

/** Every domain subgraph, in the order they start. The indicators subgraph comes after them. */
export const DOMAIN_SUBGRAPHS: readonly DomainSubgraph[] = [
  {
    name: 'institutions',
    portOffset: 1,
    build: buildInstitutionsSchema,
    open: (sources, options) => {
      const store = options.store ? openInstitutionsStore(options.store, sources, options.logger) : undefined;
      const services = { sources, ...(store ? { store } : {}) };
      return {
        context: () => createInstitutionsContext(services),
        close: async () => store?.close(),
        ...(store ? { store } : {}),
      };
    },
  },
  {
    name: 'alliances',
    portOffset: 3,
    build: buildAlliancesSchema,
    open: (sources) => stateless(() => createAlliancesContext({ sources })),
  },
  {
    name: 'workforce',
    portOffset: 4,
    build: buildWorkforceSchema,
    open: (sources) => stateless(() => createWorkforceContext({ sources })),
  },
  {
    name: 'insurance',
    portOffset: 5,
    build: buildInsuranceSchema,
    open: (sources) => stateless(() => createInsuranceContext({ sources })),
  },
];
