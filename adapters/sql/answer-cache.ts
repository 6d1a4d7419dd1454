/**
 * Answers of a source's statements, reused for a while: for master data (the regional registry:
 * divisions, institutions, alliances, memberships), which changes a few times a month but which
 * every request of every subgraph reads first. A statement asked again with the same parameters
 * within `ttlMs` gets the same rows without reaching the database; identical statements asked at
 * the same time share one execution. Failures are never kept.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { readonly at: number; readonly rows: Promise<unknown[]> }>();
  /** Answers served without a statement (kept or shared), since start. */
  hits = 0;

  /**
   * @param ttlMs how long an answer is reused, from when its statement was sent.
   * @param maxEntries distinct statements kept at most; the least recently used go first.
   */
  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 500,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The kept answer of `sql` with `params`, or `run`'s (kept when it succeeds). A copy of the row list. */
  async answer<T>(sql: string, params: readonly unknown[], run: () => Promise<T[]>): Promise<T[]> {
    return [...(await this.shared(sql, params, run))];
  }

  /**
   * `answer`, the kept row list itself (not a copy; never to be changed): the same list object for
   * every caller while it is kept, so that what is made of a whole answer can be made once per
   * answer (`madeOnce` keyed on the list) instead of once per request.
   */
  async shared<T>(sql: string, params: readonly unknown[], run: () => Promise<T[]>): Promise<readonly T[]> {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const now = this.now();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.ttlMs) {
      this.hits += 1;
      // Most recently used last: eviction takes the first.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return (await kept.rows) as T[];
    }
    const rows = run();
    this.entries.delete(key);
    this.entries.set(key, { at: now, rows });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    rows.catch(() => {
      if (this.entries.get(key)?.rows === rows) this.entries.delete(key);
    });
    return rows;
  }

  /** Forget every kept answer. */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * What `make` makes of a row (or of a kept row list: `shared`), once per object: a kept answer
 * hands the same objects to every caller until it expires, so what is made of them (records,
 * facts) is made once, not per request. The made values are shared: readonly.
 */
export function madeOnce<R extends object, T>(made: WeakMap<R, T>, row: R, make: (row: R) => T): T {
  let value = made.get(row);
  if (value === undefined) {
    value = make(row);
    made.set(row, value);
  }
  return value;
}
