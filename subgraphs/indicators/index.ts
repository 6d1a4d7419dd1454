import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { resultCachePolicyPlugin } from './cache/result-policy';
import { buildFederatedSchema } from '../common/federation';
import type { IndicatorsContext } from './context';
import { IndicatorBatchResolver } from './resolvers/batch.resolver';
import { CatalogResolver } from './resolvers/catalog.resolver';
import { EvaluationFormResolver } from './resolvers/form.resolver';
import { IndicatorHistoryResolver } from './resolvers/history.resolver';
import { RegionIndicatorsResolver } from './resolvers/region.resolver';
import { AllianceIndicatorsResolver, InstitutionIndicatorsResolver } from './resolvers/scoped.resolver';
import { AllianceIndicators, InstitutionIndicators } from './types/entities';
import { RegionIndicators } from './types/region';

export { createIndicatorsContext } from './context';
export type { IndicatorsContext, IndicatorsServices } from './context';
export { MeasureDirectory } from './measure-client';
export type { SubgraphEndpoint } from './measure-client';
export { createMeasureCache, measureCacheConfigFromEnv } from './cache';
export type { MeasureCache, MeasureCacheConfig } from './cache';

/**
 * The plugins the indicators subgraph serves with: its answers tell the gateway whether they may
 * be cached whole (`Cache-Control` from the request's ResultPolicy). Apollo's own cache-control
 * plugin is off in every subgraph (serveSubgraph).
 */
export function indicatorsPlugins(): ApolloServerPlugin<IndicatorsContext>[] {
  return [resultCachePolicyPlugin()];
}

/** The `indicators` subgraph: the catalog, and `indicators(...)` on Region. */
export function buildIndicatorsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<IndicatorsContext>(
    {
      resolvers: [
        CatalogResolver,
        EvaluationFormResolver,
        IndicatorBatchResolver,
        IndicatorHistoryResolver,
        RegionIndicatorsResolver,
        InstitutionIndicatorsResolver,
        AllianceIndicatorsResolver,
      ],
      orphanedTypes: [RegionIndicators, InstitutionIndicators, AllianceIndicators],
    },
    {
      // The gateway sends `{ code, level }` (level through @requires): that is all this subgraph needs.
      Region: { __resolveReference: (ref) => Object.assign(new RegionIndicators(), ref) },
      Institution: { __resolveReference: (ref) => Object.assign(new InstitutionIndicators(), ref) },
      Alliance: { __resolveReference: (ref) => Object.assign(new AllianceIndicators(), ref) },
    },
  );
}
