import type { SystemKind } from '../sources/kinds';
import type { TableSpec } from '../sql/contract';
import type { DemoRegion, DemoRow } from './ankang';

/**
 * One demo database of a regional (or per-hospital) system kind beyond the HIS: the referral
 * platform, the public-health system, insurance, and so on. Each kind's generator module
 * exports one of these; `generate.ts` writes them all and names them in `sources.json`.
 */
export interface RegionalDemoSource {
  /** Source id in sources.json, e.g. `phs`. */
  readonly id: string;
  readonly kind: SystemKind;
  /** SQLite file name under the demo folder, e.g. `phs.sqlite`. */
  readonly file: string;
  readonly tables: readonly TableSpec[];
  /** For institution-held kinds (lis): the institutions this database holds. */
  institutions?(region: DemoRegion): readonly string[];
  /**
   * The rows, as `[table, chunk]` pairs in insertion order, deterministic for the same region
   * and years. Yield chunks of at most ~40,000 rows so memory stays flat.
   */
  rows(region: DemoRegion, years: readonly number[]): Iterable<[string, DemoRow[]]>;
}
