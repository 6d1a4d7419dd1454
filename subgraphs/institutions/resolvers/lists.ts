import type { InstitutionRecord } from '../../../adapters';
import { overlaps } from '../../../adapters/registry/adapter';
import type { HospitalLevel, InstitutionCategory } from '../../../schema/enums';
import { periodEnd, periodStart } from '../../../schema/period';
import type { Period } from '../../../schema/period';
import type { ScopeKind } from '../../common/measures';
import { paginate } from '../../common/connection';
import type { ConnectionData } from '../../common/connection';
import type { InstitutionsContext } from '../context';
import type { Institution } from '../types/institution';
import { ServiceVolume } from '../types/service-volume';
import { toInstitution } from './mappers';

/** The filters of an institution list. */
export interface InstitutionFilter {
  readonly category?: InstitutionCategory | null;
  readonly level?: HospitalLevel | null;
  readonly primaryCare?: boolean | null;
  readonly openDuring?: Period | null;
}

/**
 * The institutions standing in the counties at or under `divisionCode` (every county when null),
 * filtered, ordered by org code and paged. Primes the by-code loader, so their service volume
 * costs no further registry statement.
 */
export async function institutionPage(
  ctx: InstitutionsContext,
  divisionCode: string | null,
  filter: InstitutionFilter,
  page: { first?: number | null; after?: string | null },
): Promise<ConnectionData<Institution>> {
  const index = await ctx.registry.divisions();
  let counties: string[];
  if (divisionCode) {
    await ctx.registry.division(divisionCode);
    counties = index.countiesUnder(divisionCode);
  } else {
    counties = index
      .all()
      .filter((d) => d.parentCode === null || !index.has(d.parentCode))
      .flatMap((d) => index.countiesUnder(d.code));
  }
  const lists = await ctx.registry.institutionsInCounty.loadMany(counties);
  const all: InstitutionRecord[] = [];
  for (const list of lists) {
    if (list instanceof Error) throw list;
    all.push(...list);
  }
  const matching = all
    .filter((o) => !filter.category || o.category === filter.category)
    .filter((o) => !filter.level || o.level === filter.level)
    .filter(
      (o) =>
        filter.primaryCare === null ||
        filter.primaryCare === undefined ||
        o.primaryCare === filter.primaryCare,
    )
    .filter(
      (o) =>
        !filter.openDuring ||
        overlaps(o.openedOn, o.closedOn, periodStart(filter.openDuring), periodEnd(filter.openDuring)),
    )
    .sort((a, b) => a.orgCode.localeCompare(b.orgCode));
  for (const o of matching) ctx.registry.institutionByCode.prime(o.orgCode, o);
  const result = paginate(matching, page, (o) => o.orgCode);
  return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: toInstitution(e.node) })) };
}

export function serviceVolume(scopeKind: ScopeKind, scopeCode: string, period: Period): ServiceVolume {
  return Object.assign(new ServiceVolume(), { scopeKind, scopeCode, periodId: period.id, period });
}
