import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '../schema/errors';
import type { SecurityConfig } from '../security/config';
import type { Principal } from '../security/principal';
import { authenticate } from '../security/tokens';

const principals = new WeakMap<Request, Principal>();

/**
 * Express middleware: verify the caller's credentials once per request (JWT or API key; none =
 * the anonymous principal when the configuration allows it). A bad credential is answered here,
 * 401 UNAUTHENTICATED in GraphQL shape, before any GraphQL work.
 */
export function authenticateMiddleware(config: SecurityConfig): RequestHandler {
  return (req, res, next) => {
    authenticate(req.get('authorization'), config).then(
      (principal) => {
        principals.set(req, principal);
        next();
      },
      (e: unknown) => {
        res
          .status(401)
          .set('www-authenticate', 'Bearer')
          .json({
            errors: [
              {
                message: e instanceof Error ? e.message : 'credentials refused',
                extensions: { code: ErrorCode.UNAUTHENTICATED },
              },
            ],
          });
      },
    );
  };
}

/** The principal `authenticateMiddleware` verified for this request. */
export function principalOf(req: Request): Principal {
  const p = principals.get(req);
  if (!p) throw new Error('authenticateMiddleware did not run for this request');
  return p;
}
