/** The adapter layer's public surface: canonical records and one adapter per legacy system kind. */
export { registryAdapter, memberDuring, overlaps, inForceOn, rollUpDivisionStats } from './registry/adapter';
export { lisAdapter } from './lis/adapter';
export { phsAdapter } from './phs/adapter';
export { fdsAdapter } from './fds/adapter';
export { referralAdapter } from './referral/adapter';
export { classifyReferrals, directionOf } from './referral/direction';
export { telemedAdapter } from './telemed/adapter';
export { hrmAdapter } from './hrm/adapter';
export { insAdapter } from './ins/adapter';
export { inCountyRate, placeSettlements } from './ins/county';
export { matchReceivers } from './his/receivers';
export type { DivisionRecord, InstitutionRecord } from './registry/model';
export { hisAAdapter } from './his_a/adapter';
export { hisBAdapter } from './his_b/adapter';
export type { HisAdapter, VisitCounts, VisitCountQuery } from './his/visits';
export { SourceRegistry } from './sources/registry';
export type { SourceOutcome } from './sources/registry';
export { loadSourcesConfig, parseSourcesConfig, SourceConfigError } from './sources/config';
export type { SourceConfig, SourcesConfig } from './sources/config';
export type { SystemKind } from './sources/kinds';
export type { SourceFailure } from './sql/source';

import { hisAAdapter } from './his_a/adapter';
import { hisBAdapter } from './his_b/adapter';
import type { HisAdapter } from './his/visits';

/** HIS adapters by system kind. */
export const hisAdapters: Readonly<Record<'his_a' | 'his_b', HisAdapter>> = {
  his_a: hisAAdapter,
  his_b: hisBAdapter,
};
