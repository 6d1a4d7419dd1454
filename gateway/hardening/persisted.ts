import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Principal, PrincipalKind } from '../../security/principal';
import { LimitErrorCode, sendGraphQLError } from './limits';

/** Stable `extensions.code`s of the persisted-operation allow-list. */
export const PersistedErrorCode = {
  /** 未登记的查询 — HTTP 403: the caller may only run registered operations, and this one is not. */
  PERSISTED_QUERY_NOT_ALLOWED: 'PERSISTED_QUERY_NOT_ALLOWED',
  /** 查询哈希未登记 — HTTP 404: `extensions.persistedQuery.sha256Hash` without a query, unknown hash. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
} as const;

/** The allow-list: sha256 (hex, lower case) of each registered document's exact text → the text. */
export interface PersistedManifest {
  readonly operations: ReadonlyMap<string, string>;
}

/** sha256 of `text` (UTF-8), lower-case hex: the id of a persisted operation. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const manifestSchema = z.object({
  operations: z.record(
    z.string().regex(/^[0-9a-f]{64}$/, 'keys must be lower-case sha256 hex'),
    z.string().min(1),
  ),
});

/**
 * Validates a manifest `{ "operations": { "<sha256 hex of the document>": "<document text>" } }`;
 * throws when it is malformed or a key is not the hash of its document.
 */
export function parseManifest(json: unknown): PersistedManifest {
  const parsed = manifestSchema.parse(json);
  const operations = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed.operations)) {
    if (sha256Hex(text) !== hash)
      throw new Error(`persisted manifest: ${hash} is not the sha256 of its document`);
    operations.set(hash, text);
  }
  return { operations };
}

/** Reads and validates a manifest file. */
export function loadManifestFile(path: string): PersistedManifest {
  return parseManifest(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}

/** What the persisted-operation middleware did with one request entry. */
type Resolution =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

interface PersistedQueryExtension {
  readonly sha256Hash?: unknown;
}

/**
 * Resolves `extensions.persistedQuery` of one GraphQL request entry in place: a known hash
 * without a query gets the registered text; a query with a hash must match it. The extension
 * is then removed, so Apollo (with `persistedQueries: false`) sees an ordinary request.
 */
function resolveEntry(manifest: PersistedManifest, entry: Record<string, unknown>): Resolution {
  const extensions = entry.extensions;
  if (extensions === null || typeof extensions !== 'object') return { ok: true };
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (persisted === null || typeof persisted !== 'object') return { ok: true };
  const hash = (persisted as PersistedQueryExtension).sha256Hash;
  if (typeof entry.query === 'string') {
    if (hash !== sha256Hex(entry.query)) {
      return {
        ok: false,
        status: 400,
        code: LimitErrorCode.BAD_REQUEST,
        message: 'persistedQuery.sha256Hash does not match the query (查询哈希不符)',
      };
    }
  } else {
    const text = typeof hash === 'string' ? manifest.operations.get(hash) : undefined;
    if (text === undefined) {
      return {
        ok: false,
        status: 404,
        code: PersistedErrorCode.PERSISTED_QUERY_NOT_FOUND,
        message: 'No registered operation has this sha256Hash (查询哈希未登记)',
      };
    }
    entry.query = text;
  }
  delete (extensions as { persistedQuery?: unknown }).persistedQuery;
  return { ok: true };
}

/** Resolves a GET request's `extensions` URL parameter, rewriting `req.url`. */
function resolveGet(manifest: PersistedManifest, req: Request): Resolution {
  const [path, search = ''] = req.url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(search);
  const rawExtensions = params.get('extensions');
  if (rawExtensions === null) return { ok: true };
  let extensions: unknown;
  try {
    extensions = JSON.parse(rawExtensions);
  } catch {
    return { ok: true }; // Apollo answers the malformed parameter itself
  }
  const query = params.get('query');
  const entry: Record<string, unknown> = { extensions, ...(query === null ? {} : { query }) };
  const resolution = resolveEntry(manifest, entry);
  if (!resolution.ok) return resolution;
  if (typeof entry.query === 'string') params.set('query', entry.query);
  params.set('extensions', JSON.stringify(extensions));
  req.url = `${path}?${params.toString()}`;
  return { ok: true };
}

/**
 * Express middleware (after `jsonBodyMiddleware`): requests that name a registered operation by
 * `extensions.persistedQuery.sha256Hash` alone get its text from the manifest; unknown hashes are
 * answered 404 PERSISTED_QUERY_NOT_FOUND, a hash that does not match a sent query 400 BAD_REQUEST.
 * Apollo's own APQ cache should be off (`persistedQueries: false`): the manifest is the only store.
 */
export function persistedQueryMiddleware(manifest: PersistedManifest): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    const entries = (Array.isArray(body) ? body : [body]).filter(
      (entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object',
    );
    const resolutions =
      req.method === 'GET' ? [resolveGet(manifest, req)] : entries.map((e) => resolveEntry(manifest, e));
    const failure = resolutions.find((r) => !r.ok);
    if (failure && !failure.ok) return sendGraphQLError(res, failure.status, failure.code, failure.message);
    next();
  };
}

/** The part of the Apollo context this plugin reads. */
export interface PrincipalContext {
  readonly principal?: Principal;
}

export interface PersistedOperationsOptions {
  readonly manifest: PersistedManifest;
  /** Whether callers of this kind may run registered operations only (e.g. `kind === 'APP'`). */
  readonly enforceFor: (principalKind: PrincipalKind) => boolean;
}

/**
 * Apollo Server plugin: for callers `enforceFor` selects, refuses (403 PERSISTED_QUERY_NOT_ALLOWED)
 * any operation whose document text is not registered in the manifest, before execution (in
 * `didResolveOperation`, the earliest hook where a thrown error becomes a client error). A
 * context without a principal is treated as enforced (fail closed).
 */
export function persistedOperationsPlugin<TContext extends PrincipalContext>(
  options: PersistedOperationsOptions,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const principal = requestContext.contextValue.principal;
          if (principal && !options.enforceFor(principal.kind)) return;
          if (options.manifest.operations.has(sha256Hex(requestContext.source))) return;
          requestContext.response.http.status = 403;
          throw new GraphQLError('Only registered operations may be run by this caller (未登记的查询)', {
            extensions: { code: PersistedErrorCode.PERSISTED_QUERY_NOT_ALLOWED },
          });
        },
      };
    },
  };
}
