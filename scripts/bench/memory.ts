/** Resident set size of this process (the gateway and the subgraphs; the load generator has a process of its own), sampled. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

/**
 * V8's full collection, from `--expose-gc` when node was started with it, else exposed now (the
 * flag takes effect in a new context).
 */
function fullCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * MB of the JavaScript heap still reachable after a full collection: what the process keeps,
 * without the garbage V8 has not collected yet. RSS under load rises and falls with that garbage
 * (objects of requests in flight are promoted and collected together much later), so a leak shows
 * here, not there. Costs one full collection: taken outside timed work only.
 */
export function liveHeapMb(): number {
  fullCollection()();
  return mb(process.memoryUsage().heapUsed);
}
