/**
 * Health-data platforms run on closed networks: the product makes no outbound call of its own.
 * `@apollo/gateway` ≥ 2.14 sends anonymous telemetry hourly unless APOLLO_TELEMETRY_DISABLED is
 * set, so it is switched off here before the gateway is constructed. An operator who wants it
 * must set APOLLO_TELEMETRY_DISABLED=0 explicitly.
 */
export function disableTelemetryByDefault(env: NodeJS.ProcessEnv = process.env): void {
  if (env.APOLLO_TELEMETRY_DISABLED === undefined) env.APOLLO_TELEMETRY_DISABLED = '1';
}
