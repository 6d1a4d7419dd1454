import { registryAdapter } from '../../adapters';
import { registryUnavailable, RegistryView } from '../common/registry-view';

/**
 * One request's view of the registry for insurance: the division tree, institutions (batched by
 * code and by county) and `ins_org_map` (定点医药机构编码 → org code), each read at most once per
 * operation whatever the number of regions or institutions asked.
 */
export class InsuranceRegistryView extends RegistryView {
  private orgMap: Promise<ReadonlyMap<string, string>> | null = null;

  /** ins_org_map: fixmedins code → org code (one statement per request; the map kept with the answer). */
  insOrgMap(): Promise<ReadonlyMap<string, string>> {
    if (!this.orgMap) {
      this.orgMap = registryAdapter.insOrgMap(this.sources.registry()).catch(registryUnavailable);
    }
    return this.orgMap;
  }
}
