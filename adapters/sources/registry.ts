import { SqlSource, SourceError } from '../sql/source';
import type { SourceFailure } from '../sql/source';
import type { SourceConfig, SourcesConfig } from './config';
import { INSTITUTION_FAMILIES } from './kinds';
import type { SystemKind } from './kinds';

/** What one source did for one request: answered, or why not. */
export type SourceOutcome<T> =
  | { readonly source: SourceConfig; readonly ok: true; readonly value: T }
  | { readonly source: SourceConfig; readonly ok: false; readonly failure: SourceFailure };

export type Logger = Pick<Console, 'warn' | 'info'>;

/**
 * The sources of one region: which database serves which institutions, opened read-only and
 * queried in parallel. A failing source becomes a failed outcome, never an exception.
 */
export class SourceRegistry {
  private readonly sources: SqlSource[];
  /** ownerOf's maps, by kinds. */
  private readonly owners = new Map<string, ReadonlyMap<string, SqlSource>>();

  constructor(
    readonly config: SourcesConfig,
    readonly logger: Logger = console,
  ) {
    this.sources = config.sources.map((c) => new SqlSource(c));
  }

  /** The regional master-data source. */
  registry(): SqlSource {
    const found = this.sources.find((s) => s.config.kind === 'registry');
    if (!found) throw new Error('no registry source configured');
    return found;
  }

  ofKinds(kinds: readonly SystemKind[]): SqlSource[] {
    return this.sources.filter((s) => kinds.includes(s.config.kind));
  }

  all(): readonly SqlSource[] {
    return this.sources;
  }

  /**
   * For institution-held kinds: the sources holding any of `orgCodes`, each with the subset it
   * holds. Institutions no source of these kinds holds are returned as `uncovered`.
   */
  holders(
    kinds: readonly SystemKind[],
    orgCodes: Iterable<string>,
  ): { bySource: Map<SqlSource, string[]>; uncovered: string[] } {
    const owner = this.ownerOf(kinds);
    const bySource = new Map<SqlSource, string[]>();
    const uncovered: string[] = [];
    for (const org of orgCodes) {
      const s = owner.get(org);
      if (!s) {
        uncovered.push(org);
        continue;
      }
      const list = bySource.get(s) ?? [];
      list.push(org);
      bySource.set(s, list);
    }
    return { bySource, uncovered };
  }

  /**
   * Which source of `kinds` holds each institution: made once per set of kinds (the configuration
   * does not change), not for every batch (a province's 24,000 institutions, per fact asked).
   */
  private ownerOf(kinds: readonly SystemKind[]): ReadonlyMap<string, SqlSource> {
    const key = [...kinds].sort().join(',');
    let owner = this.owners.get(key);
    if (!owner) {
      const made = new Map<string, SqlSource>();
      for (const s of this.ofKinds(kinds)) {
        if (!INSTITUTION_FAMILIES[s.config.kind]) continue;
        for (const org of s.config.institutions) made.set(org, s);
      }
      owner = made;
      this.owners.set(key, owner);
    }
    return owner;
  }

  /** Run `fn` on every source at once; each failure is logged here and reported as an outcome. */
  async fanOut<T>(
    sources: Iterable<SqlSource>,
    fn: (source: SqlSource) => Promise<T>,
  ): Promise<SourceOutcome<T>[]> {
    const list = [...sources];
    const settled = await Promise.allSettled(list.map((s) => fn(s)));
    return settled.map((r, i) => {
      const source = list[i].config;
      if (r.status === 'fulfilled') return { source, ok: true as const, value: r.value };
      const failure: SourceFailure = r.reason instanceof SourceError ? r.reason.failure : 'QUERY_FAILED';
      const detail = r.reason instanceof SourceError ? r.reason.detail : String(r.reason);
      this.logger.warn(`[sources] ${source.id} (${source.kind}) ${failure}: ${detail}`);
      return { source, ok: false as const, failure };
    });
  }

  /** Data statements sent to all sources so far. */
  statementCount(): number {
    return this.sources.reduce((n, s) => n + s.statements, 0);
  }

  /** Try every source once; returns the ones that cannot be reached (for a start-up report). */
  async check(): Promise<Array<{ id: string; failure: SourceFailure }>> {
    const outcomes = await this.fanOut(this.sources, (s) => s.ping());
    return outcomes
      .filter((o) => !o.ok)
      .map((o) => ({ id: o.source.id, failure: (o as { failure: SourceFailure }).failure }));
  }

  async close(): Promise<void> {
    await Promise.all(this.sources.map((s) => s.close()));
  }
}
