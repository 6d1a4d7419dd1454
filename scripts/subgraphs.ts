import type { BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { SourceRegistry } from '../adapters';
import { buildAlliancesSchema, createAlliancesContext } from '../subgraphs/alliances';
import { buildInstitutionsSchema, createInstitutionsContext } from '../subgraphs/institutions';
import { buildWorkforceSchema, createWorkforceContext } from '../subgraphs/workforce';
import { buildInsuranceSchema, createInsuranceContext } from '../subgraphs/insurance';

/** A domain subgraph of the product: reads the sources, serves entities and measures. */
export interface DomainSubgraph {
  readonly name: string;
  /** Default port = gateway PORT + offset (`<NAME>_PORT` overrides); the indicators subgraph is +2. */
  readonly portOffset: number;
  build(): Promise<GraphQLSchema>;
  context(sources: SourceRegistry): BaseContext;
}

/** Every domain subgraph, in the order they start. The indicators subgraph comes after them. */
export const DOMAIN_SUBGRAPHS: readonly DomainSubgraph[] = [
  {
    name: 'institutions',
    portOffset: 1,
    build: buildInstitutionsSchema,
    context: (sources) => createInstitutionsContext({ sources }),
  },
  {
    name: 'alliances',
    portOffset: 3,
    build: buildAlliancesSchema,
    context: (sources) => createAlliancesContext({ sources }),
  },
  {
    name: 'workforce',
    portOffset: 4,
    build: buildWorkforceSchema,
    context: (sources) => createWorkforceContext({ sources }),
  },
  {
    name: 'insurance',
    portOffset: 5,
    build: buildInsuranceSchema,
    context: (sources) => createInsuranceContext({ sources }),
  },
];
