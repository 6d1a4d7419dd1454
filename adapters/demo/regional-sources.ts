import type { RegionalDemoSource } from './regional';

/** Every regional demo database the generator writes, in order. */
export const REGIONAL_DEMO_SOURCES: readonly RegionalDemoSource[] = [];
