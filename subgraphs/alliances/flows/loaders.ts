import DataLoader from 'dataloader';
import {
  classifyReferrals,
  lisAdapter,
  referralAdapter,
  registryAdapter,
  telemedAdapter,
} from '../../../adapters';
import type { InstitutionRecord, SourceOutcome, SourceRegistry } from '../../../adapters';
import type { ImagingStudyCount, LabReportCount } from '../../../adapters/lis/model';
import type { ClassifiedReferralCount, ReferralCount, ReferralQuery } from '../../../adapters/referral/model';
import type { SupportActivityCount } from '../../../adapters/registry/model';
import type { TelemedSessionCount } from '../../../adapters/telemed/model';
import type { RegistryView } from '../../common/registry-view';

/**
 * What one scope needs from a flow source: its institutions (sorted) and months. `side` says which
 * institution of a referral the scope selects (BOTH: sent and received, so every institution is read).
 */
export interface FlowKey {
  readonly orgs: readonly string[];
  readonly months: readonly string[];
  readonly side?: 'SENDER' | 'RECEIVER' | 'BOTH';
}

/** One batch's answer, shared by every key of the batch: the outcomes and the rows of the sources that answered. */
export interface FlowBatch<T> {
  readonly outcomes: ReadonlyArray<SourceOutcome<unknown>>;
  readonly rows: readonly T[];
}

export interface ReferralBatch extends FlowBatch<ClassifiedReferralCount> {
  readonly known: ReadonlyMap<string, InstitutionRecord>;
}

export interface LisBatch {
  /** Per source: whether it answered, and the institutions (of the batch) it holds. */
  readonly outcomes: ReadonlyArray<SourceOutcome<unknown> & { readonly orgs: readonly string[] }>;
  readonly lab: readonly LabReportCount[];
  readonly imaging: readonly ImagingStudyCount[];
}

const keyOf = (k: FlowKey): string => JSON.stringify([k.side ?? '', k.orgs, k.months]);
const union = (lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())].sort();

function okRows<T>(outcomes: ReadonlyArray<SourceOutcome<T[]>>): T[] {
  return outcomes.flatMap((o) => (o.ok ? o.value : []));
}

/**
 * One request's flow sources, batched with DataLoader by (scope, period): every scope asked in one
 * tick (all alliances, institutions or regions of an operation) costs one statement per source per
 * adapter function — the union of their institutions and months, each scope filtering its own rows.
 */
export class FlowLoaders {
  readonly referrals: DataLoader<FlowKey, ReferralBatch, string>;
  readonly telemed: DataLoader<FlowKey, FlowBatch<TelemedSessionCount>, string>;
  readonly support: DataLoader<FlowKey, FlowBatch<SupportActivityCount>, string>;
  readonly lis: DataLoader<FlowKey, LisBatch, string>;

  constructor(sources: SourceRegistry, view: RegistryView) {
    this.referrals = new DataLoader(
      async (keys) => {
        const referralSources = sources.ofKinds(['referral']);
        const months = union(keys.map((k) => k.months));
        const sides = new Set(keys.map((k) => k.side ?? 'SENDER'));
        const query: ReferralQuery =
          sides.size === 1 && !sides.has('BOTH')
            ? {
                months,
                orgCodes: union(keys.map((k) => k.orgs)),
                by: sides.has('RECEIVER') ? 'RECEIVER' : 'SENDER',
              }
            : { months, orgCodes: null };
        const outcomes = await sources.fanOut(referralSources, (s) =>
          referralAdapter.countAccepted(s, query),
        );
        const rows: ReferralCount[] = okRows(outcomes);
        // The registry's view of the scopes' institutions and every counterpart: one batched statement.
        const wanted = new Set(keys.flatMap((k) => k.orgs));
        for (const r of rows) {
          if (r.senderOrg) wanted.add(r.senderOrg);
          if (r.receiverOrg) wanted.add(r.receiverOrg);
        }
        const codes = [...wanted].sort();
        const found = await view.institutionByCode.loadMany(codes);
        const known = new Map<string, InstitutionRecord>();
        found.forEach((org) => {
          if (org instanceof Error) throw org;
          if (org) known.set(org.orgCode, org);
        });
        const batch: ReferralBatch = { outcomes, rows: classifyReferrals(rows, known).rows, known };
        return keys.map(() => batch);
      },
      { cacheKeyFn: keyOf },
    );

    this.telemed = new DataLoader(
      async (keys) => {
        // Sessions of a network may join institutions outside any scope: every institution is read.
        const query = { months: union(keys.map((k) => k.months)), orgCodes: null };
        const outcomes = await sources.fanOut(sources.ofKinds(['telemed']), (s) =>
          telemedAdapter.countSessions(s, query),
        );
        const batch = { outcomes, rows: okRows(outcomes) };
        return keys.map(() => batch);
      },
      { cacheKeyFn: keyOf },
    );

    this.support = new DataLoader(
      async (keys) => {
        const query = { months: union(keys.map((k) => k.months)), orgCodes: union(keys.map((k) => k.orgs)) };
        const outcomes = await sources.fanOut([sources.registry()], (s) =>
          registryAdapter.supportActivities(s, query),
        );
        const batch = { outcomes, rows: okRows(outcomes) };
        return keys.map(() => batch);
      },
      { cacheKeyFn: keyOf },
    );

    this.lis = new DataLoader(
      async (keys) => {
        const months = union(keys.map((k) => k.months));
        const { bySource } = sources.holders(['lis'], union(keys.map((k) => k.orgs)));
        const held = [...bySource.entries()];
        const outcomes = await sources.fanOut(
          held.map(([s]) => s),
          async (s) => {
            const query = { months, orgCodes: bySource.get(s) ?? [] };
            const [lab, imaging] = await Promise.all([
              lisAdapter.countLabReports(s, query),
              lisAdapter.countImagingStudies(s, query),
            ]);
            return { lab, imaging };
          },
        );
        const batch: LisBatch = {
          outcomes: outcomes.map((o, i) => ({ ...o, orgs: held[i][1] })),
          lab: outcomes.flatMap((o) => (o.ok ? o.value.lab : [])),
          imaging: outcomes.flatMap((o) => (o.ok ? o.value.imaging : [])),
        };
        return keys.map(() => batch);
      },
      { cacheKeyFn: keyOf },
    );
  }
}

/** A flow key for a scope and the months of a period. */
export function flowKey(orgs: Iterable<string>, months: readonly string[], side?: FlowKey['side']): FlowKey {
  return { orgs: [...new Set(orgs)].sort(), months: [...months].sort(), side };
}
