import { FreshRead } from '../../subgraphs/common/store/reader';

/** A load whose answers the test hands out one by one, and the number of times it was called. */
function loads(): {
  load: () => Promise<string>;
  calls: () => number;
  answer: (value: string) => void;
  fail: () => void;
} {
  const pending: Array<{ resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  let calls = 0;
  return {
    load: () => {
      calls += 1;
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
    calls: () => calls,
    answer: (value) => pending.shift()!.resolve(value),
    fail: () => pending.shift()!.reject(new Error('store down')),
  };
}

/** A FreshRead of 2 s whose first read has answered 'v1'. */
async function answered(): Promise<{
  l: ReturnType<typeof loads>;
  read: FreshRead<string>;
  first: Promise<string>;
}> {
  const l = loads();
  const read = new FreshRead(l.load, 2_000);
  const first = read.get();
  l.answer('v1');
  await first;
  return { l, read, first };
}

/** Let the promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('measure store: states kept and read again ahead of time (FreshRead)', () => {
  let now = 1_000_000;
  let clock: jest.SpyInstance<number, []>;
  beforeEach(() => {
    now = 1_000_000;
    clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => clock.mockRestore());

  test('callers within the first half of the time share one read', async () => {
    const l = loads();
    const read = new FreshRead(l.load, 2_000);
    const a = read.get();
    now += 999;
    const b = read.get();
    expect(b).toBe(a);
    l.answer('v1');
    expect(await a).toBe('v1');
    expect(l.calls()).toBe(1);
  });

  test('past half the time: the kept answer at once, one read in the background, then its answer', async () => {
    const { l, read, first } = await answered();
    now += 1_000;
    // Kept answer, not a wait; one background read, not one per caller.
    expect(read.get()).toBe(first);
    expect(read.get()).toBe(first);
    expect(l.calls()).toBe(2);
    l.answer('v2');
    await settle();
    now += 500;
    expect(await read.get()).toBe('v2');
    expect(l.calls()).toBe(2);
    // The new answer's time runs from when it was asked (1 000 ms after the first): 1 999 ms
    // after the first, still within its first half.
    now += 499;
    expect(await read.get()).toBe('v2');
    expect(l.calls()).toBe(2);
  });

  test('never used past its time: a caller then waits for a new read', async () => {
    const { l, read, first } = await answered();
    now += 2_000;
    const second = read.get();
    expect(second).not.toBe(first);
    expect(l.calls()).toBe(2);
    l.answer('v2');
    expect(await second).toBe('v2');
  });

  test('a background read still in flight when the time is up is not used: the caller reads anew', async () => {
    const { l, read } = await answered();
    now += 1_500;
    read.get(); // the background read, never answered in time
    now += 600;
    const third = read.get();
    expect(l.calls()).toBe(3);
    l.answer('late'); // the background read answers after all: it was asked 1 500 ms in
    l.answer('v3');
    expect(await third).toBe('v3');
    await settle();
    expect(await read.get()).toBe('v3');
    expect(l.calls()).toBe(3);
  });

  test('a failed read is not kept; a failed background read keeps the answer until its time is up', async () => {
    const l = loads();
    const read = new FreshRead(l.load, 2_000);
    const failed = read.get();
    l.fail();
    await expect(failed).rejects.toThrow('store down');
    const first = read.get();
    expect(l.calls()).toBe(2);
    l.answer('v1');
    await first;
    now += 1_200;
    expect(read.get()).toBe(first);
    l.fail();
    await settle();
    // Still the kept answer, and the next caller past half tries again.
    expect(read.get()).toBe(first);
    expect(l.calls()).toBe(4);
    l.answer('v2');
    await settle();
    expect(await read.get()).toBe('v2');
  });

  test('cleared (a write of this process): the next caller reads again', async () => {
    const { l, read } = await answered();
    read.clear();
    const second = read.get();
    expect(l.calls()).toBe(2);
    l.answer('v2');
    expect(await second).toBe('v2');
  });
});
