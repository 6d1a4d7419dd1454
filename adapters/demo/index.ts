/** The embedded demo: a deterministic 安康市 region (or a larger one) written as legacy databases. */
export { buildDemoDatabases, DEFAULT_DEMO_SCALE, ensureDemoData, GENERATOR_VERSION } from './generate';
export type { DemoBuild, DemoResult, DemoScale, DemoSourcesFile, DemoTarget } from './generate';
export {
  buildAnkangRegion,
  CITY_CODE,
  creditCheckChar,
  DEFAULT_REGION_SHAPE,
  HANBIN_CODE,
  hisSourceLayout,
  PROVINCE_CODE,
  resolveRegionShape,
} from './ankang';
export type {
  DemoCity,
  DemoClass,
  DemoHisSource,
  DemoHisVendor,
  DemoInstitution,
  DemoRegion,
  DemoRow,
  DemoSourceId,
  RegionShape,
} from './ankang';
export { hashSeed, Rng } from './random';
