import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorCatalog } from '../../schema/catalog';

/**
 * Every catalog entry must have a value checked somewhere through the gateway: this lists the
 * entries that no end-to-end test names, so an indicator never ships untested.
 */
describe('catalog coverage by end-to-end tests', () => {
  test('every indicator code appears in an end-to-end test', () => {
    const dir = join(__dirname, '..', 'e2e');
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const untested = indicatorCatalog
      .map((d) => d.code)
      .filter((code) => !new RegExp(`\\b${code}\\b`).test(text));
    expect(untested).toEqual([]);
  });
});
