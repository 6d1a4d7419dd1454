/**
 * Captures the statements requests send to the sources (through each `SqlSource`'s observer,
 * chained after the metrics observer the stack installs), so they can be replayed on the
 * databases directly: the physical limit a request is compared with.
 */
import type { SqlSource } from '../../adapters/sql/source';

/** One statement a source ran while the capture was on. */
export interface CapturedStatement {
  readonly sourceId: string;
  /** The source's database URL. */
  readonly url: string;
  readonly sql: string;
  readonly params: readonly unknown[];
  /** When it was sent (performance.now() milliseconds), to keep each source's order. */
  readonly startedAt: number;
}

/** How long `stop()` waits at most for statements still running. */
const SETTLE_LIMIT_MS = 300_000;

/**
 * Records what the sources run between `start()` and `stop()`. `stop()` first waits until every
 * statement sent since `start()` has answered — a request the gateway gave up on may leave
 * statements running — so nothing still running disturbs what is timed next.
 */
export class StatementCapture {
  private recording: CapturedStatement[] | null = null;
  /** Statements answered or failed since construction. */
  private observed = 0;
  private baseline = { sent: 0, observed: 0 };

  /** Chain onto every source's observer (the metrics one stays first). */
  constructor(private readonly sources: readonly SqlSource[]) {
    for (const source of sources) {
      const previous = source.observer;
      source.observer = (event) => {
        previous?.(event);
        this.observed += 1;
        if (!this.recording || event.sql === undefined || event.failure) return;
        this.recording.push({
          sourceId: event.source.id,
          url: event.source.url,
          sql: event.sql,
          params: event.params ?? [],
          startedAt: performance.now() - event.seconds * 1000,
        });
      };
    }
  }

  private sent(): number {
    return this.sources.reduce((n, s) => n + s.statements, 0);
  }

  start(): void {
    this.recording = [];
    this.baseline = { sent: this.sent(), observed: this.observed };
  }

  /** Once every statement sent since `start()` has answered: those that succeeded, in the order they were sent. */
  async stop(): Promise<CapturedStatement[]> {
    const until = performance.now() + SETTLE_LIMIT_MS;
    while (
      this.sent() - this.baseline.sent > this.observed - this.baseline.observed &&
      performance.now() < until
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const list = this.recording ?? [];
    this.recording = null;
    return [...list].sort((a, b) => a.startedAt - b.startedAt);
  }
}
