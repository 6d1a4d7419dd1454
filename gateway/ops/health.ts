/**
 * Liveness and readiness. `/healthz` (and the older `/health`) answer 200 while the process
 * serves; `/readyz` answers 200 when every source is reachable and 503 otherwise, with the status
 * of each source. The gateway does not know the sources: it is handed a `ReadinessProbe`.
 */
import { Router } from 'express';

/** One source as readiness reports it: `OK`, or why it cannot be reached. */
export interface SourceStatus {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly sources: readonly SourceStatus[];
}

/** Asks every source once. */
export type ReadinessProbe = () => Promise<Readiness>;

/** Default time a readiness answer is reused, so probes do not hammer the sources. */
export const READINESS_CACHE_MS = 5_000;

/**
 * `probe`, with its answer reused for `ttlMs` and concurrent callers sharing one run. A probe that
 * throws counts as not ready.
 */
export function cachedProbe(
  probe: ReadinessProbe,
  ttlMs = READINESS_CACHE_MS,
  now: () => number = Date.now,
): ReadinessProbe {
  let cached: { at: number; value: Promise<Readiness> } | null = null;
  return () => {
    if (cached && now() - cached.at < ttlMs) return cached.value;
    const value = probe().catch((): Readiness => ({ ready: false, sources: [] }));
    cached = { at: now(), value };
    return value;
  };
}

export interface HealthOptions {
  /** Readiness of what the process depends on; absent: ready whenever alive. */
  readonly readiness?: ReadinessProbe;
  /** How long a readiness answer is reused (ms); default 5 000. */
  readonly readinessCacheMs?: number;
  /** Extra fields on the liveness answer (`subgraph: 'institutions'`, say). */
  readonly about?: Record<string, string>;
}

/** `GET /healthz`, `GET /health`, `GET /readyz`. */
export function healthRouter(options: HealthOptions = {}): Router {
  const router = Router();
  const readiness = options.readiness
    ? cachedProbe(options.readiness, options.readinessCacheMs ?? READINESS_CACHE_MS)
    : async (): Promise<Readiness> => ({ ready: true, sources: [] });
  router.get(['/healthz', '/health'], (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ status: 'ok', ...options.about });
  });
  router.get('/readyz', (_req, res, next) => {
    readiness().then((r) => {
      res.setHeader('cache-control', 'no-store');
      res.status(r.ready ? 200 : 503).json({ status: r.ready ? 'ready' : 'not ready', ...r });
    }, next);
  });
  return router;
}
