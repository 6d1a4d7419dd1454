import { setImmediate as nextImmediate } from 'node:timers/promises';

/** The last turn handed out: each caller's turn comes after it. */
let last: Promise<void> = Promise.resolve();

/**
 * Resolves at the caller's own turn of the event loop, after every earlier caller's turn.
 *
 * better-sqlite3 (the embedded demo's sources and the default measure store) runs a statement
 * synchronously, on the thread that also answers requests. A statement awaited right after the
 * previous one never lets the event loop turn: the store's refresh, four sources at once, would
 * hold off every request and timer for seconds (a source's time limit then fires on a query that
 * was only waiting). Each synchronous statement takes this turn first, so between any two of them
 * the loop serves sockets and timers, and one statement runs per turn whatever the concurrency.
 */
export function syncTurn(): Promise<void> {
  const mine = last.then(() => nextImmediate());
  last = mine;
  return mine;
}
