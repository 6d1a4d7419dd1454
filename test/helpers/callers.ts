import type { GraphQLBody } from './http';

/** What came back from a raw HTTP request: status, headers and the body (text, and JSON when it parses). */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: GraphQLBody | null;
}

/** A raw request to the gateway's `/graphql` (or another path): any method, headers and body. */
export interface RawRequest {
  readonly method?: string;
  /** Default `application/json`; null sends no content-type header. */
  readonly contentType?: string | null;
  readonly headers?: Record<string, string>;
  /** A string is sent as is; anything else is JSON-encoded. */
  readonly body?: unknown;
  readonly path?: string;
}

/** Send one raw request, as a misbehaving client would: nothing is checked or added but the content type. */
export async function rawRequest(baseUrl: string, request: RawRequest = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  const contentType = request.contentType === undefined ? 'application/json' : request.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const payload =
    request.body === undefined
      ? undefined
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  const res = await fetch(`${baseUrl}${request.path ?? '/graphql'}`, {
    method: request.method ?? 'POST',
    headers,
    body: payload,
  });
  const text = await res.text();
  let body: GraphQLBody | null = null;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** The Authorization header of an API key (`Bearer hag_…`), or none for null (anonymous). */
export function keyHeaders(key: string | null): Record<string, string> {
  return key === null ? {} : { authorization: `Bearer ${key}` };
}

/** POST `{ query, variables }` with an API key (null: anonymous), returning status, text and body. */
export function postAs(
  baseUrl: string,
  key: string | null,
  query: string,
  variables?: Record<string, unknown>,
  extraHeaders: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(baseUrl, {
    headers: { ...keyHeaders(key), ...extraHeaders },
    body: variables === undefined ? { query } : { query, variables },
  });
}

/** The `extensions.code` of every error of a response, in order. */
export function errorCodes(body: GraphQLBody | null): unknown[] {
  return (body?.errors ?? []).map((e) => e.extensions?.code);
}
