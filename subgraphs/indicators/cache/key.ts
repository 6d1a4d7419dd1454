import type { MeasureRequest, MeasureValueData } from '../../common/measures';
import { isClosed, parsePeriod, PeriodFormatError, todayInShanghai } from '../../../schema/period';
import type { LocalDate } from '../../../schema/period';
import type { Principal } from '../../../security/principal';
import { visibilityKey } from '../../../security/visibility';

/**
 * Cache keys and the rules of what may be cached.
 *
 * A key is `<visibility>|<scope kind>|<scope code>|<period>|<measure>`, where the visibility is
 * the caller's principal kind, id, and a hash of everything that decides what it may see (its
 * grants, division, org code, roles and suppression flag). Domain subgraphs decide FORBIDDEN
 * per triple for the caller who asked, so a value one principal was given is only ever served
 * again to the same principal with the same visibility — never to another whose scope differs.
 * Small-count suppression runs after the cache (engine/suppress.ts, on evaluations), so cached
 * raw values never reach an app unsuppressed; the principal stays in the key anyway, as defence
 * in depth.
 */

export { visibilityKey };

/** The cache key of one (scope, period, measure) triple as seen by `principal`. */
export function measureCacheKey(principal: Principal, r: MeasureRequest): string {
  return [visibilityKey(principal), r.scopeKind, r.scopeCode, r.period, r.measure]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join('|');
}

/** A triple may be looked up and stored only when its period is closed (ended before today, Asia/Shanghai). */
export function isCacheableRequest(r: MeasureRequest, today: LocalDate = todayInShanghai()): boolean {
  try {
    return isClosed(parsePeriod(r.period), today);
  } catch (e) {
    if (e instanceof PeriodFormatError) return false;
    throw e;
  }
}

/**
 * Only answers every source gave are stored: an answer with an institution whose source did not
 * answer (partial), a source not OK, or an error (FORBIDDEN) never is. Institutions no source
 * holds (`uncoveredInstitutions`) are a fact of the configuration, not a gap of this moment: an
 * answer with them is as final as any, and is stored.
 */
export function isStorableValue(v: MeasureValueData): boolean {
  return (
    (v.error === null || v.error === undefined) &&
    v.missingInstitutions.length === 0 &&
    v.sources.every((s) => s.status === 'OK')
  );
}
