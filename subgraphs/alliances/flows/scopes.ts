import { memberDuring } from '../../../adapters/registry/adapter';
import { periodEnd, periodMonths, periodStart } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import { institutionsOfRegions } from '../../common/registry-view';
import type { AlliancesContext } from '../context';

/** The months of a period, as a set of `yyyyMM` keys. */
export function monthsOf(period: Period): Set<string> {
  return new Set(periodMonths(period));
}

/** The members (the lead included) of an alliance whose membership overlaps the period. */
export async function membersDuring(
  ctx: AlliancesContext,
  allianceId: string,
  period: Period,
): Promise<Set<string>> {
  const rows = await ctx.registry.membersOfAlliance.load(allianceId);
  const start = periodStart(period);
  const end = periodEnd(period);
  return new Set(rows.filter((m) => memberDuring(m, start, end)).map((m) => m.orgCode));
}

/**
 * The institutions of each region (standing in the counties of its subtree), batched; each one is
 * primed into `institutionByCode` so that classifying referrals does not read it again.
 */
export async function institutionsOfRegionScopes(
  ctx: AlliancesContext,
  codes: Iterable<string>,
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  for (const [code, list] of await institutionsOfRegions(ctx.registry, codes)) {
    for (const org of list) ctx.registry.institutionByCode.prime(org.orgCode, org);
    result.set(code, new Set(list.map((o) => o.orgCode)));
  }
  return result;
}
