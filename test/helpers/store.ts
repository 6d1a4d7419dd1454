import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../../adapters/sources/config';

/**
 * A measure store of its own for one test stack: a new SQLite file under the temp folder
 * (`prefix` names its folder), filled from 2018, refreshed once at start and never again by the
 * clock, one statement per source at a time.
 */
export function tempStoreConfig(prefix: string): StoreConfig {
  return {
    url: `sqlite:${join(mkdtempSync(join(tmpdir(), `${prefix}-`)), 'store.sqlite')}`,
    from: '20180101',
    windowDays: 30,
    refreshMinutes: 0,
    verifyMonthsPerRun: 3,
    concurrencyPerSource: 1,
    fillChunkMonths: 12,
    refresh: true,
  };
}
