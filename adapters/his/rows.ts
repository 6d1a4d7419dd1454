/**
 * Small pure helpers for the HIS adapters' grouped rows. The database groups by the vendor's raw
 * codes (a handful of values per column); once mapped to canonical classes, several raw groups can
 * fall into one canonical group (YLFKFS '1' and '1.1' are both EMPLOYEE): they are summed here.
 */

/** Sum the numeric fields of rows that share a key; the first row of a key gives the other fields. */
export function mergeRows<T extends object>(
  rows: Iterable<T>,
  keyOf: (row: T) => string,
  sumFields: ReadonlyArray<keyof T>,
): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...row });
      continue;
    }
    const merged = seen as Record<keyof T, unknown>;
    for (const f of sumFields) merged[f] = (merged[f] as number) + (row[f] as unknown as number);
  }
  return [...byKey.values()];
}

/** Yuan to the fen (SQLite sums DECIMAL as floating point). */
export function roundFen(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Trimmed text, or null for NULL, empty, and the `-` placeholder vendor A writes for "empty"
 * (also typed full-width or doubled: `－`, `--`, `—`).
 */
export function textOrNull(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const t = String(raw).trim();
  return t === '' || /^[-－—]+$/.test(t) ? null : t;
}
