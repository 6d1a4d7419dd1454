import type { DivisionRecord, InstitutionRecord } from '../../../adapters';
import { Institution } from '../types/institution';
import { Region } from '../types/region';

function isoDate(d: string | null): string | null {
  return d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
}

export function toRegion(d: DivisionRecord): Region {
  return Object.assign(new Region(), {
    code: d.code,
    name: d.name,
    level: d.level,
    parentCode: d.parentCode,
  });
}

export function toInstitution(r: InstitutionRecord): Institution {
  return Object.assign(new Institution(), {
    orgCode: r.orgCode,
    name: r.name,
    categoryCode: r.categoryCode,
    category: r.category,
    primaryCare: r.primaryCare,
    level: r.level,
    grade: r.grade,
    ownership: r.ownership,
    beds: r.beds,
    tcmService: r.tcmService,
    meetsStandard: r.meetsStandard,
    gradingSystem: r.gradingSystem,
    mutualRecognition: r.mutualRecognition,
    openedOn: isoDate(r.openedOn),
    closedOn: isoDate(r.closedOn),
    divisionCode: r.divisionCode,
  });
}
