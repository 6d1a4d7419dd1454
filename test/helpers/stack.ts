import type { SourcesConfig } from '../../adapters';
import { startStack } from '../../scripts/stack';
import type { RunningStack, StackOptions } from '../../scripts/stack';
import { quietLogger } from './quiet';

/**
 * The whole stack for one describe block: started in beforeAll on the sources `build` returns,
 * closed in afterAll. The returned object reads through to the running stack.
 */
export function useStack(
  build: () => Promise<SourcesConfig>,
  options: Partial<Omit<StackOptions, 'sources'>> = {},
): RunningStack {
  let running: RunningStack | undefined;
  beforeAll(async () => {
    running = await startStack({ port: 0, logger: quietLogger(), ...options, sources: await build() });
  });
  afterAll(async () => {
    await running?.close();
  });
  const current = (): RunningStack => {
    if (!running) throw new Error('the stack is not started yet (use it inside a test)');
    return running;
  };
  return {
    get gateway() {
      return current().gateway;
    },
    get subgraphs() {
      return current().subgraphs;
    },
    get sources() {
      return current().sources;
    },
    get measures() {
      return current().measures;
    },
    get cache() {
      return current().cache;
    },
    get store() {
      return current().store;
    },
    get stores() {
      return current().stores;
    },
    close: () => current().close(),
  };
}
