import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseSourcesConfig, SourceRegistry } from '../../adapters';
import { syncTurn } from '../../adapters/sql/turn';

/** Counts turns of the event loop (one per check phase) until stopped. */
function loopTurns(): { now: () => number; stop: () => void } {
  let turns = 0;
  let handle = setImmediate(function tick() {
    turns += 1;
    handle = setImmediate(tick);
  });
  return { now: () => turns, stop: () => clearImmediate(handle) };
}

describe('synchronous statements take turns of the event loop (syncTurn)', () => {
  test('four lanes of three statements: one statement per turn, and a timer fires between them', async () => {
    const turns = loopTurns();
    const seen: number[] = [];
    let timerFiredBefore = -1;
    setTimeout(() => (timerFiredBefore = seen.length), 0);
    await Promise.all(
      [1, 2, 3, 4].map(async () => {
        for (let i = 0; i < 3; i++) {
          await syncTurn();
          seen.push(turns.now());
        }
      }),
    );
    turns.stop();
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    // Awaited without turns, all twelve would run before the timer (it would see 12).
    expect(timerFiredBefore).toBeGreaterThanOrEqual(0);
    expect(timerFiredBefore).toBeLessThan(12);
  });

  test('a SQLite source: concurrent statements each answer at a turn of their own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hag-turn-'));
    const db = new Database(join(dir, 'registry.sqlite'));
    db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    db.close();
    const sources = new SourceRegistry(
      parseSourcesConfig(
        { sources: [{ id: 'registry', kind: 'registry', url: `sqlite:${join(dir, 'registry.sqlite')}` }] },
        { baseDir: dir, env: {} },
      ),
    );
    const source = sources.registry();
    await source.query('SELECT 1 AS ok');
    const turns = loopTurns();
    const answered: number[] = [];
    const sums = await Promise.all(
      [1, 2, 3, 4].map(async (k) => {
        const [row] = await source.query<{ s: number }>('SELECT SUM(n) * ? AS s FROM t', [k]);
        answered.push(turns.now());
        return row.s;
      }),
    );
    turns.stop();
    await sources.close();
    expect(sums).toEqual([6, 12, 18, 24]);
    expect(new Set(answered).size).toBe(4);
  });
});
