/**
 * The gateway's HTTP client for subgraph calls: one keep-alive pool, each call through
 * `callWithin` (subgraphs/common/http.ts says why not Node's `fetch`), answering the `Fetcher`
 * interface Apollo's data source expects. Subgraph answers are small JSON documents read whole,
 * so the body is handed over as text.
 */
import { Agent } from 'undici';
import { callWithin } from '../subgraphs/common/http';
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';

export interface SubgraphFetchOptions {
  /** Time limit of one call, from sending to the last byte of the answer (ms). */
  readonly timeoutMs: number;
  /** Open connections per subgraph origin at most (default 128). */
  readonly connections?: number;
}

/** A subgraph's answer, already read whole. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly bodyUsed = false;
  readonly ok: boolean;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  get statusText(): string {
    return '';
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, this.headers, this.body);
  }
}

/** undici's raw header record as WHATWG `Headers` (repeated headers appended in order). */
function headersOf(raw: Record<string, string | string[] | undefined>): FetcherHeaders {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** The gateway's subgraph client: its `Fetcher`, and `close` for its connections. */
export interface SubgraphClient {
  readonly fetcher: Fetcher;
  /** Close the pooled connections (calls in flight finish first). */
  close(): Promise<void>;
}

/**
 * A subgraph client with its own keep-alive pool. A call that has not answered in full within
 * `timeoutMs` is aborted and rejects (the Node gateway has no timeout of its own), and so is a
 * call whose `init.signal` aborts.
 */
export function subgraphClient(options: SubgraphFetchOptions): SubgraphClient {
  const pool = new Agent({ connections: options.connections ?? 128, keepAliveTimeout: 30_000 });
  const fetcher: Fetcher = async (url, init) => {
    const method = (init?.method ?? 'GET') as 'GET' | 'POST';
    const { status, headers, text } = await callWithin(
      pool,
      url,
      { method, headers: init?.headers, body: init?.body },
      options.timeoutMs,
      'subgraph',
      init?.signal instanceof AbortSignal ? init.signal : undefined,
    );
    return new BufferedResponse(url, status, headersOf(headers), text);
  };
  return { fetcher, close: () => pool.close() };
}
