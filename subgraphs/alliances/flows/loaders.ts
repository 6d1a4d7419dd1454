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
import { addMonths, isoDay, periodOfMonths } from '../../common/store/days';
import type { Period } from '../../../schema/period';
import { fetchStored } from '../../common/store/fetch';
import type { OpenedStore } from '../../common/store/open';
import { storedThrough } from '../../common/store/reader';
import type { SourcePlan } from '../../common/store/reader';
import { REFERRALS_FACT, referralOf, sessionOf, TELEMED_FACT } from '../store/facts';
import { OncePer } from '../../common/memo';

/**
 * What one scope needs from a flow source: its institutions (sorted) and months. `side` says which
 * institution of a referral the scope selects (BOTH: sent and received, so every institution is read).
 */
export interface FlowKey {
  readonly orgs: readonly string[];
  readonly months: readonly string[];
  readonly side?: 'SENDER' | 'RECEIVER' | 'BOTH';
  /**
   * The periods whose months `months` are, when more than one (a batch over several periods):
   * its consumers sum each period's rows. Absent: `months` are one period's, or not summed.
   */
  readonly periods?: readonly Period[];
  /**
   * Its consumers use only the keys of the fact's projection (a referral's sender, receiver and
   * claimed direction, REFERRALS_FACT.projection: no disease group; a session's two parties,
   * TELEMED_FACT.projection: no network or service): a batch of such keys only may read the
   * projected roll-ups. Absent: every key is used.
   */
  readonly projected?: boolean;
  /** The key's text (side, months, periods, institutions): DataLoader's cache key, made once per key. */
  readonly id: string;
}

/** One batch's answer, shared by every key of the batch: the outcomes and the rows of the sources that answered. */
export interface FlowBatch<T> {
  readonly outcomes: ReadonlyArray<SourceOutcome<unknown>>;
  readonly rows: readonly T[];
  /** Per source id: the last day (yyyy-MM-dd) of the key's months answered from the measure store. */
  readonly storedThrough?: ReadonlyMap<string, string | null>;
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

const keyOf = (k: FlowKey): string => k.id;
const union = (lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())].sort();

/** Per source: the last day of `months` the measure store answered (see storedThrough). */
function throughOf(
  plans: ReadonlyMap<string, SourcePlan>,
  months: readonly string[],
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (months.length === 0) return out;
  const sorted = [...months].sort();
  const start = `${sorted[0]}01`;
  const end = addMonths(`${sorted[sorted.length - 1]}01`, 1);
  for (const [id, plan] of plans) {
    const day = storedThrough(plan, start, end);
    out.set(id, day ? isoDay(day) : null);
  }
  return out;
}

/**
 * The periods of a batch's keys, when each key's months are one period's (every consumer of a
 * flow batch sums a period's rows: `months.has(row.month)`), so the store may sum each period's
 * months, or read its roll-up, instead of a row per month. Undefined when some key is not a period.
 */
function periodsOfKeys(keys: readonly FlowKey[]): Period[] | undefined {
  const periods = new Map<string, Period>();
  for (const k of keys) {
    if (k.periods) {
      for (const p of k.periods) periods.set(p.id, p);
      continue;
    }
    const p = periodOfMonths(['YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH'], k.months);
    if (!p) return undefined;
    periods.set(p.id, p);
  }
  return [...periods.values()];
}

/** The rows of the sources that answered: one source's own list as it is (a province's sessions are not copied). */
function okRows<T>(outcomes: ReadonlyArray<SourceOutcome<T[]>>): readonly T[] {
  const answered = outcomes.filter((o) => o.ok);
  if (answered.length === 1) return answered[0].value;
  const rows: T[] = [];
  // Not push(...rows): a province's rows outnumber the arguments a call may take.
  for (const o of answered) for (const row of o.value) rows.push(row);
  return rows;
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
  /** This request's telemedicine reads, by months and periods. */
  private readonly telemedReads = new Map<string, ReturnType<typeof fetchStored<TelemedSessionCount>>>();

  constructor(sources: SourceRegistry, view: RegistryView, store?: OpenedStore) {
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
        const wantedOrgs = query.orgCodes ? new Set(query.orgCodes) : null;
        const { outcomes, plans } = await fetchStored<ReferralCount>({
          store,
          fact: REFERRALS_FACT,
          sources,
          targets: referralSources,
          months,
          // Stored by sender: the store filters senders; receivers are filtered here.
          orgCodes: query.by === 'SENDER' ? (query.orgCodes ?? null) : null,
          periods: periodsOfKeys(keys),
          // Projected roll-ups (sender, receiver, claimed direction) when no key needs disease groups.
          projected: keys.every((k) => k.projected === true),
          live: (s, part) => referralAdapter.countAccepted(s, { ...query, ...part }),
          fromStore: (row) => {
            const r = referralOf(row);
            if (query.by === 'RECEIVER' && wantedOrgs && !(r.receiverOrg && wantedOrgs.has(r.receiverOrg)))
              return null;
            return r;
          },
        });
        const rows: readonly ReferralCount[] = okRows(outcomes);
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
        return keys.map((k) => ({ ...batch, storedThrough: throughOf(plans, k.months) }));
      },
      { cacheKeyFn: keyOf },
    );

    this.telemed = new DataLoader(
      async (keys) => {
        // Sessions of a network may join institutions outside any scope: every institution is read.
        const months = union(keys.map((k) => k.months));
        const periods = periodsOfKeys(keys);
        // The two parties only, when no key asks for networks or services (the measures).
        const projected = keys.every((k) => k.projected === true);
        // Batches of the same months (the flow measures and the fact measures of one request are
        // two) share one read: every institution's sessions, whichever keys asked.
        const memo = `${months.join(',')}|${
          periods
            ? periods
                .map((p) => p.id)
                .sort()
                .join(',')
            : '-'
        }|${projected ? 'p' : ''}`;
        let read = this.telemedReads.get(memo);
        if (!read) {
          read = fetchStored<TelemedSessionCount>({
            store,
            fact: TELEMED_FACT,
            sources,
            targets: sources.ofKinds(['telemed']),
            months,
            orgCodes: null,
            periods,
            projected,
            live: (s, part) => telemedAdapter.countSessions(s, { ...part, orgCodes: null }),
            fromStore: sessionOf,
          });
          this.telemedReads.set(memo, read);
        }
        const { outcomes, plans } = await read;
        const batch = { outcomes, rows: okRows(outcomes) };
        return keys.map((k) => ({ ...batch, storedThrough: throughOf(plans, k.months) }));
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

/**
 * Keys made for one collection of institutions (a scope's set, shared by every measure of the
 * scope), by side and months: a province's 24 000 codes are sorted and written out once per
 * scope, not once per measure, and DataLoader hashes the same key text again and again.
 */
const KEYS = new OncePer<Iterable<string>, FlowKey>();

/** A flow key for a scope and the months of a period. */
export function flowKey(
  orgs: Iterable<string>,
  months: readonly string[],
  side?: FlowKey['side'],
  /** The periods `months` are the union of, when its consumers sum each period's rows. */
  periods?: readonly Period[],
  /** Its consumers use only the projected keys (see FlowKey.projected). */
  projected = false,
): FlowKey {
  const sortedMonths = [...months].sort();
  const periodIds = periods ? [...new Set(periods.map((p) => p.id))].sort().join(',') : '';
  const head = `${side ?? ''}|${sortedMonths.join(',')}|${periodIds}|${projected ? 'p' : ''}`;
  return KEYS.get(orgs, head, () => {
    const sorted = [...new Set(orgs)].sort();
    return {
      orgs: sorted,
      months: sortedMonths,
      side,
      ...(periods ? { periods } : {}),
      ...(projected ? { projected } : {}),
      id: `${head}|${JSON.stringify(sorted)}`,
    };
  });
}
