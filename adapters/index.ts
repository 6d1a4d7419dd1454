/** The adapter layer's public surface: canonical records and one adapter per legacy system kind. */
export { registryAdapter } from './registry/adapter';
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
