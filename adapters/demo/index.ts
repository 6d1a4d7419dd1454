/** The embedded demo: a deterministic 安康市 region written as legacy databases. */
export { DEFAULT_DEMO_SCALE, ensureDemoData, GENERATOR_VERSION } from './generate';
export type { DemoResult, DemoScale } from './generate';
export { buildAnkangRegion, CITY_CODE, creditCheckChar, HANBIN_CODE, PROVINCE_CODE } from './ankang';
export type { DemoClass, DemoInstitution, DemoRegion, DemoRow, DemoSourceId } from './ankang';
export { hashSeed, Rng } from './random';
