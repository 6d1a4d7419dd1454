import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../common/federation';
import type { InstitutionsContext } from './context';
import { InstitutionResolver, resolveInstitutionReference } from './resolvers/institution.resolver';
import { MeasuresResolver } from './resolvers/measures.resolver';
import { RegionResolver, resolveRegionReference } from './resolvers/region.resolver';
import { ServiceVolumeResolver } from './resolvers/service-volume.resolver';
import { StoreResolver } from './resolvers/store.resolver';
import { Institution } from './types/institution';
import { Region } from './types/region';

export { createInstitutionsContext } from './context';
export type { InstitutionsContext, InstitutionsServices } from './context';
export { openInstitutionsStore } from './store';
export type { InstitutionsStore } from './store';

/**
 * The `institutions` subgraph: Region and Institution entities (statistics, institution lists,
 * service volume), and the service-volume measures.
 */
export function buildInstitutionsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<InstitutionsContext>(
    {
      resolvers: [
        RegionResolver,
        InstitutionResolver,
        ServiceVolumeResolver,
        MeasuresResolver,
        StoreResolver,
      ],
      orphanedTypes: [Region, Institution],
    },
    {
      Region: { __resolveReference: (ref, ctx) => resolveRegionReference(ref, ctx) },
      Institution: { __resolveReference: (ref, ctx) => resolveInstitutionReference(ref, ctx) },
    },
  );
}
