import DataLoader from 'dataloader';
import { registryAdapter } from '../../adapters';
import type { SourceRegistry } from '../../adapters';
import type {
  AllianceMemberRecord,
  AllianceRecord,
  MechanismRecord,
  SharedCenterRecord,
} from '../../adapters/registry/model';
import { groupBy, registryUnavailable, RegistryView } from '../common/registry-view';

/**
 * One request's view of the registry for alliances: every lookup batched with DataLoader, so the
 * statements of an operation never grow with the entities asked for (200 institutions' alliances
 * cost one `alliance_member` and one `alliance` statement, as 2 do).
 */
export class AllianceRegistryView extends RegistryView {
  private everyAlliance: Promise<AllianceRecord[]> | null = null;

  readonly allianceById: DataLoader<string, AllianceRecord | null>;
  readonly membershipsOfInstitution: DataLoader<string, AllianceMemberRecord[]>;
  readonly membersOfAlliance: DataLoader<string, AllianceMemberRecord[]>;
  readonly mechanismsOfAlliance: DataLoader<string, MechanismRecord[]>;
  readonly sharedCentersOfAlliance: DataLoader<string, SharedCenterRecord[]>;

  constructor(sources: SourceRegistry) {
    super(sources);
    const registry = (): ReturnType<SourceRegistry['registry']> => sources.registry();
    this.allianceById = new DataLoader(async (ids) => {
      const rows = await registryAdapter.alliances(registry(), { ids }).catch(registryUnavailable);
      const map = new Map(rows.map((r) => [r.allianceId, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
    this.membershipsOfInstitution = new DataLoader(async (orgCodes) => {
      const rows = await registryAdapter.allianceMembers(registry(), { orgCodes }).catch(registryUnavailable);
      const map = groupBy(rows, (r) => r.orgCode);
      return orgCodes.map((o) => map.get(o) ?? []);
    });
    this.membersOfAlliance = new DataLoader(async (allianceIds) => {
      const rows = await registryAdapter
        .allianceMembers(registry(), { allianceIds })
        .catch(registryUnavailable);
      const map = groupBy(rows, (r) => r.allianceId);
      return allianceIds.map((a) => map.get(a) ?? []);
    });
    this.mechanismsOfAlliance = new DataLoader(async (allianceIds) => {
      const rows = await registryAdapter.mechanisms(registry(), allianceIds).catch(registryUnavailable);
      const map = groupBy(rows, (r) => r.allianceId);
      return allianceIds.map((a) => map.get(a) ?? []);
    });
    this.sharedCentersOfAlliance = new DataLoader(async (allianceIds) => {
      const rows = await registryAdapter
        .sharedCenters(registry(), { allianceIds })
        .catch(registryUnavailable);
      const map = groupBy(rows, (r) => r.allianceId ?? '');
      return allianceIds.map((a) => map.get(a) ?? []);
    });
  }

  /** Every alliance of the registry (a few hundred rows at most): one statement per request. */
  alliances(): Promise<AllianceRecord[]> {
    if (!this.everyAlliance) {
      this.everyAlliance = registryAdapter.alliances(this.sources.registry()).catch(registryUnavailable);
    }
    return this.everyAlliance;
  }

  /** A division's subtree; an unknown code fails with UNKNOWN_DIVISION. */
  async subtreeOf(code: string): Promise<Set<string>> {
    await this.division(code);
    return (await this.divisions()).subtree(code);
  }
}
