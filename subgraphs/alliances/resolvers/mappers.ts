import type {
  AllianceMemberRecord,
  AllianceRecord,
  MechanismRecord,
  SharedCenterRecord,
} from '../../../adapters/registry/model';
import { Alliance, AllianceMechanism, AllianceMember, SharedCenter } from '../types/alliance';
import { AllianceKind, MechanismItem, MemberRole, SharedCenterKind } from '../types/enums';
import { institutionRef } from '../types/references';

/** `yyyyMMdd` → `yyyy-MM-dd`; anything else → null. */
export function isoDate(d: string | null): string | null {
  return d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
}

export function toAlliance(r: AllianceRecord): Alliance {
  return Object.assign(new Alliance(), {
    id: r.allianceId,
    name: r.name,
    kind: r.kind ? AllianceKind[r.kind] : null,
    specialty: r.specialty,
    tcm: r.tcm,
    tight: r.tight,
    typical: r.typical,
    servicePopulation: r.servicePopulation,
    establishedOn: isoDate(r.establishedOn),
    dissolvedOn: isoDate(r.dissolvedOn),
    leadOrgCode: r.leadOrgCode,
    divisionCode: r.divisionCode,
  });
}

export function toMember(m: AllianceMemberRecord): AllianceMember {
  return Object.assign(new AllianceMember(), {
    institution: institutionRef(m.orgCode),
    role: MemberRole[m.role],
    joinedOn: isoDate(m.joinedOn),
    leftOn: isoDate(m.leftOn),
  });
}

export function toMechanism(m: MechanismRecord, inForce: boolean): AllianceMechanism {
  return Object.assign(new AllianceMechanism(), {
    item: MechanismItem[m.item],
    since: isoDate(m.since),
    until: isoDate(m.until),
    inForce,
  });
}

export function toSharedCenter(c: SharedCenterRecord): SharedCenter {
  return Object.assign(new SharedCenter(), {
    id: c.centerId,
    kind: SharedCenterKind[c.kind],
    host: institutionRef(c.hostOrgCode),
    openedOn: isoDate(c.openedOn),
  });
}
