export { startGateway } from './server';
export type { GatewayOptions, RunningGateway } from './server';
export { composeSupergraph } from './compose';
export type { SubgraphConfig } from './compose';
export { EXAMPLE_QUERY } from './playground';
export { disableTelemetryByDefault } from './telemetry';
