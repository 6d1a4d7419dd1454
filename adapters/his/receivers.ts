import type { HospitalLevel } from '../../schema/enums';
import type { InstitutionRecord } from '../registry/model';
import type { DischargeTransfers } from './inpatient';

/**
 * Resolve the receivers of discharge transfers against the registry (a pure function: the
 * registry's canonical institutions are an argument; no HIS adapter reads the registry).
 *
 * For each transfer group, in this order:
 *   1. CODE        the recorded receiver code (NJSJGDM / dest_org_code), when the registry knows it;
 *   2. NAME        else the typed name, exactly (trimmed), when exactly one institution has it;
 *   3. NORMALISED  else the normalised name (NFKC full-width → half-width, every whitespace removed,
 *                  brackets （）[]【】〔〕 → ()), when exactly one institution has it;
 *   4. PREFIX      else the normalised name with the leading division prefix (汉阴县, 安康市汉滨区 …)
 *                  stripped from the registry names, or from the typed name, when exactly one
 *                  institution is left;
 *   5. UNMATCHED   receiver unknown: orgCode null, level 'UNKNOWN'. Never dropped; reported.
 */

export type ReceiverMatch = 'CODE' | 'NAME' | 'NORMALISED' | 'PREFIX' | 'UNMATCHED';

export interface ResolvedTransfer extends DischargeTransfers {
  readonly receiverOrgCode: string | null;
  readonly receiverLevel: HospitalLevel | 'UNKNOWN';
  /** 基层医疗卫生机构 by category; null when unmatched. */
  readonly receiverPrimaryCare: boolean | null;
  readonly matchedBy: ReceiverMatch;
}

/**
 * A receiver that could not be resolved: the data-quality report. Spellings that normalise alike
 * (`十堰市 太和医院`, `十堰市<U+3000>太和医院`) are one entry.
 */
export interface UnmatchedReceiver {
  /** The most frequent spelling as typed (null: no name recorded). */
  readonly name: string | null;
  /** The recorded receiver code, unknown to the registry (null: none recorded). */
  readonly code: string | null;
  /** Transfers (discharges) to it. */
  readonly count: number;
  /** Every spelling seen, in code-point order (empty when no name was recorded). */
  readonly spellings: readonly string[];
}

export interface ReceiverMatchResult {
  readonly transfers: ResolvedTransfer[];
  /** By count (descending), then name. */
  readonly unmatched: UnmatchedReceiver[];
}

const BRACKETS: Readonly<Record<string, string>> = {
  '[': '(',
  ']': ')',
  '【': '(',
  '】': ')',
  '〔': '(',
  '〕': ')',
  '{': '(',
  '}': ')',
};

/** Full-width → half-width (NFKC), all whitespace removed, brackets unified to `()`. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[\]【】〔〕{}]/g, (c) => BRACKETS[c]);
}

/**
 * One leading administrative-division prefix: 2–6 characters then 省/市/县/区/旗/州/盟 (自治… too),
 * not containing 镇/乡/村/街/社 (so 城关镇社区… is never taken for a 区).
 */
const DIVISION_PREFIX =
  /^[^镇乡村街社()\d]{2,6}?(?:自治区|自治州|自治县|特区|林区|地区|省|市|县|区|旗|州|盟)/u;

/** The name without its leading division prefixes, one at a time (安康市汉滨区X → 汉滨区X → X). */
export function strippedNames(normalised: string): string[] {
  const result: string[] = [];
  let rest = normalised;
  for (;;) {
    const m = DIVISION_PREFIX.exec(rest);
    if (!m || m[0].length >= rest.length) break;
    rest = rest.slice(m[0].length);
    result.push(rest);
  }
  return result;
}

function index(
  institutions: readonly InstitutionRecord[],
  keysOf: (inst: InstitutionRecord) => readonly string[],
): Map<string, Set<InstitutionRecord>> {
  const map = new Map<string, Set<InstitutionRecord>>();
  for (const inst of institutions) {
    for (const key of keysOf(inst)) {
      const set = map.get(key) ?? new Set<InstitutionRecord>();
      set.add(inst);
      map.set(key, set);
    }
  }
  return map;
}

/** Code-point order (locale-independent). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(candidates: Iterable<InstitutionRecord>): InstitutionRecord | null {
  const list = [...new Set(candidates)];
  return list.length === 1 ? list[0] : null;
}

/** Resolve every transfer group's receiver; see the file comment for the order of the rules. */
export function matchReceivers(
  rows: readonly DischargeTransfers[],
  institutions: readonly InstitutionRecord[],
): ReceiverMatchResult {
  const byCode = new Map(institutions.map((i) => [i.orgCode.trim().toUpperCase(), i]));
  const byName = index(institutions, (i) => [i.name.trim()]);
  const byNormalised = index(institutions, (i) => [normaliseName(i.name)]);
  const byStripped = index(institutions, (i) => strippedNames(normaliseName(i.name)));

  const resolve = (row: DischargeTransfers): [InstitutionRecord | null, ReceiverMatch] => {
    const code = row.receiverCode?.trim().toUpperCase();
    const known = code ? byCode.get(code) : undefined;
    if (known) return [known, 'CODE'];
    const name = row.receiverName?.trim();
    if (!name) return [null, 'UNMATCHED'];
    const exact = unique(byName.get(name) ?? []);
    if (exact) return [exact, 'NAME'];
    const normalised = normaliseName(name);
    const byNorm = unique(byNormalised.get(normalised) ?? []);
    if (byNorm) return [byNorm, 'NORMALISED'];
    // The typed name lacks the registry name's prefix, or carries one more than it.
    const candidates = [
      ...(byStripped.get(normalised) ?? []),
      ...strippedNames(normalised).flatMap((s) => [...(byNormalised.get(s) ?? [])]),
    ];
    const byPrefix = unique(candidates);
    if (byPrefix) return [byPrefix, 'PREFIX'];
    return [null, 'UNMATCHED'];
  };

  const unmatched = new Map<string, { code: string | null; count: number; spellings: Map<string, number> }>();
  const report = (row: DischargeTransfers): void => {
    const key = JSON.stringify([
      row.receiverName === null ? null : normaliseName(row.receiverName),
      row.receiverCode,
    ]);
    const entry = unmatched.get(key) ?? {
      code: row.receiverCode,
      count: 0,
      spellings: new Map<string, number>(),
    };
    entry.count += row.count;
    if (row.receiverName !== null)
      entry.spellings.set(row.receiverName, (entry.spellings.get(row.receiverName) ?? 0) + row.count);
    unmatched.set(key, entry);
  };
  const transfers = rows.map((row): ResolvedTransfer => {
    const [inst, matchedBy] = resolve(row);
    if (!inst) report(row);
    return {
      ...row,
      receiverOrgCode: inst ? inst.orgCode : null,
      receiverLevel: inst ? inst.level : 'UNKNOWN',
      receiverPrimaryCare: inst ? inst.primaryCare : null,
      matchedBy,
    };
  });
  return {
    transfers,
    unmatched: [...unmatched.values()]
      .map((e): UnmatchedReceiver => {
        const spellings = [...e.spellings.keys()].sort(compare);
        const name = spellings.reduce<string | null>(
          (best, x) => (best === null || e.spellings.get(x)! > e.spellings.get(best)! ? x : best),
          null,
        );
        return { name, code: e.code, count: e.count, spellings };
      })
      .sort(
        (a, b) =>
          b.count - a.count || compare(a.name ?? '', b.name ?? '') || compare(a.code ?? '', b.code ?? ''),
      ),
  };
}
