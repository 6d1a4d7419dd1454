import { createHash } from 'node:crypto';
import type { Principal } from './principal';

/** Hex digits of the visibility hash kept in a key. */
const HASH_LENGTH = 16;

/**
 * What a caller may see, as a cache-key part: `<kind>:<id>:<hash of grants, division, org code,
 * roles, suppression>`. Two callers share cached answers only when this is equal, so scope and
 * small-count suppression never leak through a cache (the measure cache and the gateway's
 * response cache both key by it).
 */
export function visibilityKey(principal: Principal): string {
  const grants = principal.grants.map((g) => `${g.kind}:${g.code}`).sort();
  const roles = [...principal.roles].sort();
  const facts = JSON.stringify([
    grants,
    principal.division,
    principal.orgCode,
    roles,
    principal.suppressSmallCounts,
  ]);
  const hash = createHash('sha256').update(facts).digest('hex').slice(0, HASH_LENGTH);
  return `${principal.kind}:${encodeURIComponent(principal.id)}:${hash}`;
}
