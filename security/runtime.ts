import { loadSecurityConfig } from './config';
import type { SecurityConfig } from './config';
import { demoSecurityConfig } from './demo';

/**
 * The security configuration of this process: the file GATEWAY_SECURITY names, else the demo's
 * (public keys, for the zero-install demo only — refused when real sources are configured
 * unless HAG_ALLOW_DEMO_SECURITY=1, so the public demo keys can never open real data).
 */
export function securityFromEnv(env: NodeJS.ProcessEnv = process.env): {
  config: SecurityConfig;
  demo: boolean;
} {
  if (env.GATEWAY_SECURITY) return { config: loadSecurityConfig(env.GATEWAY_SECURITY, env), demo: false };
  if (env.GATEWAY_SOURCES && env.HAG_ALLOW_DEMO_SECURITY !== '1') {
    throw new Error(
      'GATEWAY_SOURCES is set but GATEWAY_SECURITY is not: real data needs a security configuration ' +
        '(see security/README.md); the demo keys are public',
    );
  }
  return { config: demoSecurityConfig(), demo: true };
}
