import { AnswerCache } from '../../adapters/sql/answer-cache';

/** A cache on a clock the test moves, and a statement runner that counts its executions. */
function setup(ttlMs = 1000, maxEntries = 3) {
  let now = 0;
  const cache = new AnswerCache(ttlMs, maxEntries, () => now);
  const runs: string[] = [];
  const run = (sql: string, rows: unknown[]) => () => {
    runs.push(sql);
    return Promise.resolve(rows);
  };
  return { cache, runs, run, advance: (ms: number) => (now += ms) };
}

describe('AnswerCache (kept answers of a master-data source)', () => {
  test('the same statement and parameters within the time: kept rows, no execution', async () => {
    const { cache, runs, run, advance } = setup();
    expect(await cache.answer('SELECT a', [1], run('SELECT a', [{ a: 1 }]))).toEqual([{ a: 1 }]);
    advance(999);
    expect(await cache.answer('SELECT a', [1], run('SELECT a', [{ a: 2 }]))).toEqual([{ a: 1 }]);
    expect(runs).toEqual(['SELECT a']);
    expect(cache.hits).toBe(1);
  });

  test('other parameters, or the time passed: executed again', async () => {
    const { cache, runs, run, advance } = setup();
    await cache.answer('SELECT a', [1], run('SELECT a', [{ a: 1 }]));
    await cache.answer('SELECT a', [2], run('SELECT a', [{ a: 2 }]));
    advance(1000);
    expect(await cache.answer('SELECT a', [1], run('SELECT a', [{ a: 3 }]))).toEqual([{ a: 3 }]);
    expect(runs).toHaveLength(3);
    expect(cache.hits).toBe(0);
  });

  test('identical statements asked at once share one execution', async () => {
    const { cache } = setup();
    let executions = 0;
    let release: (rows: unknown[]) => void = () => undefined;
    const slow = () => {
      executions += 1;
      return new Promise<unknown[]>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.answer('SELECT b', [], slow), cache.answer('SELECT b', [], slow)]);
    release([{ b: 1 }]);
    expect(await both).toEqual([[{ b: 1 }], [{ b: 1 }]]);
    expect(executions).toBe(1);
  });

  test('a failure is not kept: the next ask executes again', async () => {
    const { cache, runs, run } = setup();
    await expect(cache.answer('SELECT c', [], () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.answer('SELECT c', [], run('SELECT c', [{ c: 1 }]))).toEqual([{ c: 1 }]);
    expect(runs).toEqual(['SELECT c']);
  });

  test('each caller gets its own row list (sorting one does not reorder the kept answer)', async () => {
    const { cache, run } = setup();
    const first = await cache.answer('SELECT d', [], run('SELECT d', [{ d: 2 }, { d: 1 }]));
    first.sort((x, y) => (x as { d: number }).d - (y as { d: number }).d);
    expect(await cache.answer('SELECT d', [], run('SELECT d', []))).toEqual([{ d: 2 }, { d: 1 }]);
  });

  test('shared answers are the kept list itself while it is kept, a new list once it expires', async () => {
    const { cache, runs, run, advance } = setup(1000);
    const first = await cache.shared('SELECT e', [], run('SELECT e', [{ e: 1 }]));
    const again = await cache.shared('SELECT e', [], run('SELECT e', [{ e: 1 }]));
    expect(again).toBe(first);
    // `answer` of the same statement: the kept rows, in a list of the caller's own.
    const copy = await cache.answer('SELECT e', [], run('SELECT e', [{ e: 1 }]));
    expect(copy).not.toBe(first);
    expect(copy[0]).toBe(first[0]);
    advance(1001);
    const fresh = await cache.shared('SELECT e', [], run('SELECT e', [{ e: 1 }]));
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
    expect(runs).toEqual(['SELECT e', 'SELECT e']);
  });

  test('at most maxEntries statements are kept; the least recently used goes first', async () => {
    const { cache, runs, run } = setup(1000, 2);
    await cache.answer('S1', [], run('S1', [1]));
    await cache.answer('S2', [], run('S2', [2]));
    await cache.answer('S1', [], run('S1', [1])); // S1 used last: S2 is the oldest
    await cache.answer('S3', [], run('S3', [3])); // S2 goes
    await cache.answer('S1', [], run('S1', [1]));
    await cache.answer('S2', [], run('S2', [2]));
    expect(runs).toEqual(['S1', 'S2', 'S3', 'S2']);
  });
});
