import DataLoader from 'dataloader';
import { registryAdapter } from '../../adapters';
import type { DivisionRecord, InstitutionRecord, SourceRegistry } from '../../adapters';
import { SourceError } from '../../adapters/sql/source';
import { ErrorCode, userError } from '../../schema/errors';
import { RegionLevel } from '../../schema/enums';

/** The division tree of the region, indexed. */
export class DivisionIndex {
  private readonly byCode = new Map<string, DivisionRecord>();
  private readonly childrenOf = new Map<string, DivisionRecord[]>();

  constructor(divisions: readonly DivisionRecord[]) {
    for (const d of divisions) this.byCode.set(d.code, d);
    for (const d of divisions) {
      if (!d.parentCode) continue;
      const list = this.childrenOf.get(d.parentCode) ?? [];
      list.push(d);
      this.childrenOf.set(d.parentCode, list);
    }
    for (const list of this.childrenOf.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  }

  get(code: string): DivisionRecord | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** `code` and every division below it (empty when `code` is unknown). */
  subtree(code: string): Set<string> {
    const result = new Set<string>();
    if (!this.byCode.has(code)) return result;
    const stack = [code];
    while (stack.length) {
      const c = stack.pop()!;
      if (result.has(c)) continue;
      result.add(c);
      stack.push(...this.children(c).map((d) => d.code));
    }
    return result;
  }

  all(): DivisionRecord[] {
    return [...this.byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  children(code: string): DivisionRecord[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** County-level divisions at or under `code` (institutions stand in counties). */
  countiesUnder(code: string): string[] {
    const root = this.byCode.get(code);
    if (!root) return [];
    if (root.level === RegionLevel.COUNTY) return [root.code];
    return this.children(code).flatMap((c) => this.countiesUnder(c.code));
  }
}

/** A registry failure becomes SOURCE_UNAVAILABLE: nothing can be scoped without it. */
export function registryUnavailable(e: unknown): never {
  if (e instanceof SourceError) {
    throw userError(
      ErrorCode.SOURCE_UNAVAILABLE,
      'The regional registry did not answer (区域主数据源不可用)',
      {
        source: e.sourceId,
        failure: e.failure,
      },
    );
  }
  throw e;
}

/**
 * Rows grouped by a key, in their order (a row whose key is null left out), each as `value`
 * makes it (the row itself by default).
 */
export function groupBy<T, V = T>(
  rows: readonly T[],
  key: (row: T) => string | null,
  value: (row: T) => V = (row) => row as unknown as V,
): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(value(row));
    else map.set(k, [value(row)]);
  }
  return map;
}

/**
 * One request's view of the registry: the division tree read once, institutions batched by
 * code and by county with DataLoader, so statements never grow with the entities asked for.
 */
export class RegistryView {
  private divisionIndex: Promise<DivisionIndex> | null = null;

  readonly institutionByCode: DataLoader<string, InstitutionRecord | null>;
  readonly institutionsInCounty: DataLoader<string, InstitutionRecord[]>;

  constructor(protected readonly sources: SourceRegistry) {
    const registry = (): ReturnType<SourceRegistry['registry']> => sources.registry();
    this.institutionByCode = new DataLoader(async (codes) => {
      const rows = await registryAdapter.institutionsByCodes(registry(), codes).catch(registryUnavailable);
      const map = new Map(rows.map((r) => [r.orgCode, r]));
      return codes.map((c) => map.get(c) ?? null);
    });
    this.institutionsInCounty = new DataLoader(async (counties) => {
      const rows = await registryAdapter
        .institutionsInDivisions(registry(), counties)
        .catch(registryUnavailable);
      // Grouped in one pass (a province: a hundred counties over 24 000 institutions).
      const byCounty = new Map<string, InstitutionRecord[]>();
      for (const r of rows) {
        const list = byCounty.get(r.divisionCode);
        if (list) list.push(r);
        else byCounty.set(r.divisionCode, [r]);
      }
      return counties.map((c) => byCounty.get(c) ?? []);
    });
  }

  divisions(): Promise<DivisionIndex> {
    if (!this.divisionIndex) {
      this.divisionIndex = registryAdapter
        .divisions(this.sources.registry())
        .then((rows) => new DivisionIndex(rows))
        .catch(registryUnavailable);
    }
    return this.divisionIndex;
  }

  /** A division that must exist, else UNKNOWN_DIVISION. */
  async division(code: string): Promise<DivisionRecord> {
    const found = (await this.divisions()).get(code);
    if (!found)
      throw userError(ErrorCode.UNKNOWN_DIVISION, `No division ${code} in this region (行政区划不存在)`);
    return found;
  }
}

/**
 * The institutions of each region scope (standing in the counties of its subtree): the division
 * tree and one batched statement, whatever the number of regions. Unknown codes: UNKNOWN_DIVISION.
 */
export async function institutionsOfRegions(
  view: RegistryView,
  regionCodes: Iterable<string>,
): Promise<Map<string, InstitutionRecord[]>> {
  const codes = [...regionCodes];
  if (codes.length === 0) return new Map();
  const index = await view.divisions();
  const countiesByRegion = new Map<string, string[]>();
  for (const code of codes) {
    await view.division(code);
    countiesByRegion.set(code, index.countiesUnder(code));
  }
  const allCounties = [...new Set([...countiesByRegion.values()].flat())];
  const lists = await view.institutionsInCounty.loadMany(allCounties);
  const byCounty = new Map<string, InstitutionRecord[]>();
  lists.forEach((list, i) => {
    if (list instanceof Error) throw list;
    byCounty.set(allCounties[i], list);
  });
  const result = new Map<string, InstitutionRecord[]>();
  for (const [code, counties] of countiesByRegion)
    result.set(
      code,
      counties.flatMap((c) => byCounty.get(c) ?? []),
    );
  return result;
}
