/**
 * The load generator's own process (forked by load.ts): runs autocannon against the product and
 * sends its result back over IPC. In a process of its own, the generator does not share the
 * product's event loop, and its memory is not counted as the product's.
 */
import autocannon from 'autocannon';

/** autocannon's result (its types are declared in autocannon.d.ts). */
export type AutocannonResult = Awaited<ReturnType<typeof autocannon>>;

/** What the parent sends: the autocannon run to make. */
export interface LoadRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly connections: number;
  readonly seconds: number;
}

/** What the generator answers. */
export type LoadReply =
  { readonly ok: true; readonly result: AutocannonResult } | { readonly ok: false; readonly error: string };

process.once('message', (request: LoadRequest) => {
  autocannon({
    url: request.url,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections: request.connections,
    duration: request.seconds,
    timeout: 30,
  }).then(
    (result) => process.send?.({ ok: true, result } satisfies LoadReply, () => process.exit(0)),
    (e: unknown) =>
      process.send?.({ ok: false, error: String(e) } satisfies LoadReply, () => process.exit(1)),
  );
});
