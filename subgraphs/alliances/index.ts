import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../common/federation';
import type { AlliancesContext } from './context';
import { AllianceResolver, resolveAllianceReference } from './resolvers/alliance.resolver';
import {
  AllianceFlowsResolver,
  InstitutionFlowsResolver,
  RegionFlowsResolver,
} from './resolvers/flows.resolver';
import { MeasuresResolver } from './resolvers/measures.resolver';
import { InstitutionAlliancesResolver, RegionAlliancesResolver } from './resolvers/references.resolver';
import { Alliance } from './types/alliance';
import { InstitutionRef, RegionRef } from './types/references';

export { createAlliancesContext } from './context';
export type { AlliancesContext, AlliancesServices } from './context';
export { openAlliancesStore, ALLIANCES_STORED_FACTS } from './store';

/**
 * The `alliances` subgraph: the Alliance entity (kind, lead, grid region, members, mechanisms,
 * shared centres, support, referrals, telemedicine, mutual recognition), `alliances`, `referrals` and
 * `telemedicine` on Institution and Region, and the referral, telemedicine, support and
 * mutual-recognition measures.
 */
export function buildAlliancesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<AlliancesContext>(
    {
      resolvers: [
        AllianceResolver,
        AllianceFlowsResolver,
        InstitutionAlliancesResolver,
        InstitutionFlowsResolver,
        RegionAlliancesResolver,
        RegionFlowsResolver,
        MeasuresResolver,
      ],
      orphanedTypes: [Alliance, InstitutionRef, RegionRef],
    },
    {
      Alliance: { __resolveReference: (ref, ctx) => resolveAllianceReference(ref, ctx) },
      // Institution and Region are known here by their keys only: the stub is the key itself.
      Institution: {
        __resolveReference: (ref) => Object.assign(new InstitutionRef(), { orgCode: ref.orgCode }),
      },
      Region: { __resolveReference: (ref) => Object.assign(new RegionRef(), { code: ref.code }) },
    },
  );
}
