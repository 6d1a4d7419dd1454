/** Resident set size of this process (the gateway and the subgraphs; the load generator has a process of its own), sampled. */

export interface MemoryFigures {
  /** MB when sampling started. */
  readonly startMb: number;
  readonly peakMb: number;
  /** MB when sampling stopped. */
  readonly endMb: number;
}

const mb = (bytes: number): number => bytes / (1024 * 1024);

/** Samples `process.memoryUsage.rss()` every `intervalMs` until stopped. */
export class RssSampler {
  private readonly startMb = mb(process.memoryUsage.rss());
  private peakMb = this.startMb;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Take one sample now; returns it (MB). */
  sample(): number {
    const now = mb(process.memoryUsage.rss());
    if (now > this.peakMb) this.peakMb = now;
    return now;
  }

  stop(): MemoryFigures {
    clearInterval(this.timer);
    const endMb = this.sample();
    return { startMb: this.startMb, peakMb: this.peakMb, endMb };
  }
}
