import {
  currentRequestId,
  currentRequestSignal,
  isWellFormedRequestId,
  requestIdFrom,
  runWithRequestId,
} from '../../gateway/ops/request-id';

describe('request id validation', () => {
  test.each([
    ['0f8fad5b-d9cb-469f-a165-70867728950e', true],
    ['01ARZ3NDEKTSV4RRFFQ69G5FAV', true],
    ['lb.req:42_a-b', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['', false],
    ['-leading-dash', false],
    ['has space', false],
    ['quote"d', false],
    ['line\nbreak', false],
    ['中文', false],
  ])('%j well formed: %s', (value, expected) => {
    expect(isWellFormedRequestId(value)).toBe(expected);
  });

  test('non-strings are not well formed', () => {
    expect(isWellFormedRequestId(undefined)).toBe(false);
    expect(isWellFormedRequestId(42)).toBe(false);
  });

  test('a well-formed header is kept; anything else is replaced by the generator', () => {
    const generate = () => 'generated';
    expect(requestIdFrom('abc-123', generate)).toBe('abc-123');
    expect(requestIdFrom(undefined, generate)).toBe('generated');
    expect(requestIdFrom('bad id', generate)).toBe('generated');
    expect(requestIdFrom(['only-one'], generate)).toBe('only-one');
    expect(requestIdFrom(['one', 'two'], generate)).toBe('generated');
  });

  test('by default a fresh id is a v4 UUID', () => {
    expect(requestIdFrom(undefined)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('request scope', () => {
  test('the id is visible across awaits inside the scope and not outside it', async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await runWithRequestId('r-1', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentRequestId();
    });
    expect(seen).toBe('r-1');
    expect(currentRequestId()).toBeUndefined();
  });

  test('concurrent scopes keep their own ids', async () => {
    const inScope = (id: string) =>
      runWithRequestId(id, async () => {
        await Promise.resolve();
        return currentRequestId();
      });
    expect(await Promise.all([inScope('a'), inScope('b')])).toEqual(['a', 'b']);
  });

  test("the request's abort signal is made when first asked for, inside its scope only", async () => {
    const abort = new AbortController();
    let asked = 0;
    const signalOf = (): AbortSignal => {
      asked += 1;
      return abort.signal;
    };
    const seen = await runWithRequestId(
      'r-1',
      async () => {
        await Promise.resolve();
        expect(asked).toBe(0);
        return currentRequestSignal();
      },
      signalOf,
    );
    expect(seen).toBe(abort.signal);
    expect(asked).toBe(1);
    expect(currentRequestSignal()).toBeUndefined();
    expect(runWithRequestId('r-2', () => currentRequestSignal())).toBeUndefined();
  });
});
