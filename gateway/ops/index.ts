/** Operations: liveness and readiness, Prometheus metrics, JSON logs and request ids (see README.md). */
export * from './health';
export * from './logging';
export * from './metrics';
export * from './request-id';
export { opsRegistry, metricsHandler, recordCacheLookup } from '../../subgraphs/common/metrics';
