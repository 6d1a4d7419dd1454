import type { SourceOutcome } from '../../../adapters';
import type { ClassifiedReferralCount, DiseaseGroup } from '../../../adapters/referral/model';
import type { SupportActivityCount, SupportKind } from '../../../adapters/registry/model';
import type { TelemedService, TelemedSessionCount } from '../../../adapters/telemed/model';
import { SourceReport, SourceStatus } from '../../common/provenance';
import {
  AllianceReferrals,
  AllianceSupport,
  AllianceTelemedicine,
  DiseaseGroupEnum,
  MutualRecognition,
  ReferralDiseaseGroupCount,
  ReferralSummary,
  SupportKindCount,
  SupportKindEnum,
  TelemedicineServiceCount,
  TelemedicineSideCount,
  TelemedicineSummary,
  TelemedServiceEnum,
} from '../types/flows';
import type { FlowBatch, LisBatch, ReferralBatch } from './loaders';

/**
 * Pure summaries of one scope (a set of institutions, the months of a period) over a batch that
 * the DataLoaders read for many scopes. Missing is not zero: with no source answering, every
 * number is null.
 */

export const SUPPORT_KINDS = Object.values(SupportKindEnum) as SupportKind[];
export const DISEASE_GROUPS = Object.values(DiseaseGroupEnum) as DiseaseGroup[];
export const TELEMED_SERVICES = Object.values(TelemedServiceEnum) as TelemedService[];

/** Provenance of a batch for a scope of `institutions`: one report per source, by id. */
export function reportsOf(
  outcomes: ReadonlyArray<SourceOutcome<unknown>>,
  institutions: number | ((o: SourceOutcome<unknown>) => number),
  /** Per source id: the last day answered from the measure store (FlowBatch.storedThrough). */
  through?: ReadonlyMap<string, string | null>,
): { sources: SourceReport[]; answered: number; complete: boolean } {
  const sources = outcomes
    .map((o) =>
      Object.assign(new SourceReport(), {
        id: o.source.id,
        kind: o.source.kind,
        status: o.ok ? SourceStatus.OK : (o.failure as SourceStatus),
        institutions: typeof institutions === 'number' ? institutions : institutions(o),
        storedThrough: through?.get(o.source.id) ?? null,
      }),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
  const answered = outcomes.filter((o) => o.ok).length;
  return { sources, answered, complete: outcomes.length > 0 && answered === outcomes.length };
}

const orNull = (counted: boolean, n: number): number | null => (counted ? n : null);

/** 帮扶: activities from `lead` to the other `members` in `months`, by kind. */
export function supportSummary(
  batch: FlowBatch<SupportActivityCount>,
  lead: string | null,
  members: ReadonlySet<string>,
  months: ReadonlySet<string>,
): AllianceSupport {
  const { sources, answered, complete } = reportsOf(batch.outcomes, members.size, batch.storedThrough);
  const counted = answered > 0 && lead !== null;
  const byKind = new Map(SUPPORT_KINDS.map((k) => [k, { n: 0, amount: null as number | null, big: 0 }]));
  for (const r of batch.rows) {
    if (r.fromOrgCode !== lead || r.toOrgCode === lead || !members.has(r.toOrgCode) || !months.has(r.month))
      continue;
    const acc = byKind.get(r.kind)!;
    acc.n += r.activities;
    acc.big += r.equipmentOver300k;
    if (r.amount !== null) acc.amount = (acc.amount ?? 0) + r.amount;
  }
  let total = 0;
  const list = SUPPORT_KINDS.map((kind) => {
    const acc = byKind.get(kind)!;
    total += acc.n;
    return Object.assign(new SupportKindCount(), {
      kind: kind as SupportKindEnum,
      activities: orNull(counted, acc.n),
      amountYuan: counted ? acc.amount : null,
      equipmentOver300k: orNull(counted, acc.big),
    });
  });
  return Object.assign(new AllianceSupport(), {
    activities: orNull(counted, total),
    byKind: list,
    complete: complete && lead !== null,
    sources,
  });
}

function groupCounts(
  rows: readonly ClassifiedReferralCount[],
  counted: boolean,
): ReferralDiseaseGroupCount[] {
  return DISEASE_GROUPS.map((group) => {
    let up = 0;
    let down = 0;
    let total = 0;
    for (const r of rows) {
      if (r.diseaseGroup !== group) continue;
      total += r.referrals;
      if (r.derivedDirection === 'UP') up += r.referrals;
      if (r.derivedDirection === 'DOWN') down += r.referrals;
    }
    return Object.assign(new ReferralDiseaseGroupCount(), {
      group: group as DiseaseGroupEnum,
      up: orNull(counted, up),
      down: orNull(counted, down),
      total: orNull(counted, total),
    });
  });
}

const sum = (
  rows: readonly ClassifiedReferralCount[],
  keep: (r: ClassifiedReferralCount) => boolean,
): number => rows.reduce((n, r) => n + (keep(r) ? r.referrals : 0), 0);

/** 医联体内双向转诊: accepted referrals whose sender and receiver are both `members`, in `months`. */
export function allianceReferralSummary(
  batch: ReferralBatch,
  lead: string | null,
  members: ReadonlySet<string>,
  months: ReadonlySet<string>,
): AllianceReferrals {
  const { sources, answered, complete } = reportsOf(batch.outcomes, members.size, batch.storedThrough);
  const counted = answered > 0;
  const rows = batch.rows.filter(
    (r) =>
      r.senderOrg !== null &&
      r.receiverOrg !== null &&
      members.has(r.senderOrg) &&
      members.has(r.receiverOrg) &&
      months.has(r.month),
  );
  const n = (keep: (r: ClassifiedReferralCount) => boolean): number | null =>
    orNull(counted, sum(rows, keep));
  return Object.assign(new AllianceReferrals(), {
    total: n(() => true),
    up: n((r) => r.derivedDirection === 'UP'),
    down: n((r) => r.derivedDirection === 'DOWN'),
    lateral: n((r) => r.derivedDirection === 'LATERAL'),
    undetermined: n((r) => r.derivedDirection === 'UNKNOWN'),
    receivedUpByLead: n((r) => r.derivedDirection === 'UP' && r.receiverOrg === lead),
    mismatches: n((r) => r.claimAgrees === false),
    byDiseaseGroup: groupCounts(rows, counted),
    complete,
    sources,
  });
}

/** Referrals sent and received by the institutions of a scope (an institution, a region), in `months`. */
export function referralSummary(
  batch: ReferralBatch,
  scope: ReadonlySet<string>,
  months: ReadonlySet<string>,
): ReferralSummary {
  const { sources, answered, complete } = reportsOf(batch.outcomes, scope.size, batch.storedThrough);
  const counted = answered > 0;
  const inPeriod = batch.rows.filter((r) => months.has(r.month));
  const sent = inPeriod.filter((r) => r.senderOrg !== null && scope.has(r.senderOrg));
  const n = (
    rows: readonly ClassifiedReferralCount[],
    keep: (r: ClassifiedReferralCount) => boolean,
  ): number | null => orNull(counted, sum(rows, keep));
  return Object.assign(new ReferralSummary(), {
    sent: n(sent, () => true),
    sentUp: n(sent, (r) => r.derivedDirection === 'UP'),
    sentDown: n(sent, (r) => r.derivedDirection === 'DOWN'),
    receivedUp: n(
      inPeriod,
      (r) => r.receiverOrg !== null && scope.has(r.receiverOrg) && r.derivedDirection === 'UP',
    ),
    byDiseaseGroup: groupCounts(sent, counted),
    complete,
    sources,
  });
}

/** Telemedicine of an alliance: sessions with a member on either side, or in its network (`networkId`). */
export function allianceTelemedSummary(
  batch: FlowBatch<TelemedSessionCount>,
  members: ReadonlySet<string>,
  networkId: string | null,
  months: ReadonlySet<string>,
): AllianceTelemedicine {
  const { sources, answered, complete } = reportsOf(batch.outcomes, members.size, batch.storedThrough);
  const counted = answered > 0;
  const byService = new Map(TELEMED_SERVICES.map((s) => [s, 0]));
  let total = 0;
  for (const r of batch.rows) {
    if (!months.has(r.month)) continue;
    const inside =
      (r.requesterOrg !== null && members.has(r.requesterOrg)) ||
      (r.providerOrg !== null && members.has(r.providerOrg)) ||
      (networkId !== null && r.networkId === networkId);
    if (!inside) continue;
    total += r.sessions;
    byService.set(r.service, (byService.get(r.service) ?? 0) + r.sessions);
  }
  return Object.assign(new AllianceTelemedicine(), {
    sessions: orNull(counted, total),
    byService: TELEMED_SERVICES.map((service) =>
      Object.assign(new TelemedicineServiceCount(), {
        service: service as TelemedServiceEnum,
        sessions: orNull(counted, byService.get(service) ?? 0),
      }),
    ),
    complete,
    sources,
  });
}

/** Telemedicine of a scope's institutions: as requester and as provider, by service. */
export function telemedSummary(
  batch: FlowBatch<TelemedSessionCount>,
  scope: ReadonlySet<string>,
  months: ReadonlySet<string>,
): TelemedicineSummary {
  const { sources, answered, complete } = reportsOf(batch.outcomes, scope.size, batch.storedThrough);
  const counted = answered > 0;
  const req = new Map(TELEMED_SERVICES.map((s) => [s, 0]));
  const prov = new Map(TELEMED_SERVICES.map((s) => [s, 0]));
  for (const r of batch.rows) {
    if (!months.has(r.month)) continue;
    if (r.requesterOrg !== null && scope.has(r.requesterOrg))
      req.set(r.service, req.get(r.service)! + r.sessions);
    if (r.providerOrg !== null && scope.has(r.providerOrg))
      prov.set(r.service, prov.get(r.service)! + r.sessions);
  }
  const total = (m: Map<TelemedService, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  return Object.assign(new TelemedicineSummary(), {
    asRequester: orNull(counted, total(req)),
    asProvider: orNull(counted, total(prov)),
    byService: TELEMED_SERVICES.map((service) =>
      Object.assign(new TelemedicineSideCount(), {
        service: service as TelemedServiceEnum,
        asRequester: orNull(counted, req.get(service)!),
        asProvider: orNull(counted, prov.get(service)!),
      }),
    ),
    complete,
    sources,
  });
}

/**
 * 结果互认 of a scope: lab reports and imaging studies at its institutions, and those recognized
 * (recognized_from set). Only the sources holding institutions of the scope are reported.
 */
export function recognitionSummary(
  batch: LisBatch,
  scope: ReadonlySet<string>,
  months: ReadonlySet<string>,
): MutualRecognition {
  const relevant = batch.outcomes.filter((o) => o.orgs.some((org) => scope.has(org)));
  const heldCount = (o: (typeof relevant)[number]): number => o.orgs.filter((org) => scope.has(org)).length;
  const { sources, answered } = reportsOf(relevant, (o) => heldCount(o as (typeof relevant)[number]));
  const held = relevant.reduce((n, o) => n + heldCount(o), 0);
  const uncovered = scope.size - held;
  const counted = answered > 0;
  let labReports = 0;
  let labRecognized = 0;
  let imagingStudies = 0;
  let imagingRecognized = 0;
  for (const r of batch.lab) {
    if (!scope.has(r.orgCode) || !months.has(r.month)) continue;
    labReports += r.reports;
    labRecognized += r.recognized;
  }
  for (const r of batch.imaging) {
    if (!scope.has(r.orgCode) || !months.has(r.month)) continue;
    imagingStudies += r.studies;
    imagingRecognized += r.recognized;
  }
  return Object.assign(new MutualRecognition(), {
    labReports: orNull(counted, labReports),
    labRecognized: orNull(counted, labRecognized),
    imagingStudies: orNull(counted, imagingStudies),
    imagingRecognized: orNull(counted, imagingRecognized),
    recognized: orNull(counted, labRecognized + imagingRecognized),
    uncoveredMembers: uncovered,
    complete: answered === relevant.length && uncovered === 0 && scope.size > 0,
    sources,
  });
}
