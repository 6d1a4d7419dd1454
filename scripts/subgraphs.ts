import type { BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { SourceRegistry } from '../adapters';
import type { StoreConfig } from '../adapters/sources/config';
import { buildAlliancesSchema, createAlliancesContext, openAlliancesStore } from '../subgraphs/alliances';
import {
  buildInstitutionsSchema,
  createInstitutionsContext,
  openInstitutionsStore,
} from '../subgraphs/institutions';
import { buildWorkforceSchema, createWorkforceContext, openWorkforceStore } from '../subgraphs/workforce';
import { buildInsuranceSchema, createInsuranceContext, openInsuranceStore } from '../subgraphs/insurance';
import type { OpenedStore } from '../subgraphs/common/store/open';

/** A domain subgraph of the product: reads the sources, serves entities and measures. */
export interface DomainSubgraph {
  readonly name: string;
  /** Default port = gateway PORT + offset (`<NAME>_PORT` overrides); the indicators subgraph is +2. */
  readonly portOffset: number;
  build(): Promise<GraphQLSchema>;
  /** Its long-lived services over the sources (the measure store of its facts, when configured). */
  open(sources: SourceRegistry, options: SubgraphOptions): OpenSubgraph;
}

/** What a domain subgraph is opened with. */
export interface SubgraphOptions {
  /** The measure store (each subgraph keeps its own facts there); absent: live answers only. */
  readonly store?: StoreConfig;
  readonly logger?: Pick<Console, 'info' | 'warn'>;
}

/** A domain subgraph's services, opened: a context per request, and how to close them. */
export interface OpenSubgraph {
  context(): BaseContext;
  close(): Promise<void>;
  /** The measure store it opened for its facts, when configured. */
  readonly store?: OpenedStore;
}

/**
 * A subgraph's services with its measure store: `openStore` opens the store of its facts when one
 * is configured, `createContext` makes a request's context from the sources and that store.
 */
function withStore(
  openStore: (
    config: StoreConfig,
    sources: SourceRegistry,
    logger?: Pick<Console, 'info' | 'warn'>,
  ) => OpenedStore,
  createContext: (services: { sources: SourceRegistry; store?: OpenedStore }) => BaseContext,
): DomainSubgraph['open'] {
  return (sources, options) => {
    const store = options.store ? openStore(options.store, sources, options.logger) : undefined;
    const services = { sources, ...(store ? { store } : {}) };
    return {
      context: () => createContext(services),
      close: async () => store?.close(),
      ...(store ? { store } : {}),
    };
  };
}

/** Every domain subgraph, in the order they start. The indicators subgraph comes after them. */
export const DOMAIN_SUBGRAPHS: readonly DomainSubgraph[] = [
  {
    name: 'institutions',
    portOffset: 1,
    build: buildInstitutionsSchema,
    open: withStore(openInstitutionsStore, createInstitutionsContext),
  },
  {
    name: 'alliances',
    portOffset: 3,
    build: buildAlliancesSchema,
    open: withStore(openAlliancesStore, createAlliancesContext),
  },
  {
    name: 'workforce',
    portOffset: 4,
    build: buildWorkforceSchema,
    open: withStore(openWorkforceStore, createWorkforceContext),
  },
  {
    name: 'insurance',
    portOffset: 5,
    build: buildInsuranceSchema,
    open: withStore(openInsuranceStore, createInsuranceContext),
  },
];
