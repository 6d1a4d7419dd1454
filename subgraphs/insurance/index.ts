import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../common/federation';
import type { InsuranceContext } from './context';
import { MeasuresResolver } from './resolvers/measures.resolver';
import { InstitutionInsuranceResolver, RegionInsuranceResolver } from './resolvers/references.resolver';
import { InstitutionRef, RegionRef } from './types/references';

export { createInsuranceContext } from './context';
export type { InsuranceContext, InsuranceServices } from './context';
export { openInsuranceStore, INSURANCE_STORED_FACTS } from './store';

/**
 * The `insurance` subgraph: aggregates of the insurance settlement system (`insurance` on Region
 * and Institution, 县域内就诊率) and the insurance measures. Never one settlement or person.
 */
export function buildInsuranceSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<InsuranceContext>(
    {
      resolvers: [RegionInsuranceResolver, InstitutionInsuranceResolver, MeasuresResolver],
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
