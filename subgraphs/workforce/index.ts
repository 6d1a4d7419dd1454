import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../common/federation';
import type { WorkforceContext } from './context';
import { MeasuresResolver } from './resolvers/measures.resolver';
import { InstitutionWorkforceResolver, RegionWorkforceResolver } from './resolvers/references.resolver';
import { InstitutionRef, RegionRef } from './types/references';

export { createWorkforceContext } from './context';
export { openWorkforceStore, WORKFORCE_STORED_FACTS } from './store';
export type { WorkforceContext, WorkforceServices } from './context';

/**
 * The `workforce` subgraph: `workforce` and `familyDoctors` summaries on Institution and Region
 * (aggregates only, never a person), and the workforce and family-doctor measures.
 */
export function buildWorkforceSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<WorkforceContext>(
    {
      resolvers: [InstitutionWorkforceResolver, RegionWorkforceResolver, MeasuresResolver],
      orphanedTypes: [InstitutionRef, RegionRef],
    },
    {
      // Institution and Region are known here by their keys only: the stub is the key itself.
      Institution: {
        __resolveReference: (ref) => Object.assign(new InstitutionRef(), { orgCode: ref.orgCode }),
      },
      Region: { __resolveReference: (ref) => Object.assign(new RegionRef(), { code: ref.code }) },
    },
  );
}
