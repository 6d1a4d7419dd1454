/**
 * Values made once per (object, key) and kept as long as the object lives: a batch's rows, a
 * scope's code list or a request's data, each asked the same question by every scope and measure.
 */
export class OncePer<O extends object, V> {
  private readonly made = new WeakMap<O, Map<string, V>>();

  /** The value of (`owner`, `key`), made by `make` the first time it is asked. */
  get(owner: O, key: string, make: () => V): V {
    let byKey = this.made.get(owner);
    if (!byKey) {
      byKey = new Map();
      this.made.set(owner, byKey);
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = make();
      byKey.set(key, value);
    }
    return value;
  }
}
