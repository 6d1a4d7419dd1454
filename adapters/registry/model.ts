import type {
  HospitalGrade,
  HospitalLevel,
  InstitutionCategory,
  Ownership,
  RegionLevel,
} from '../../schema/enums';

/** 行政区划, canonical. */
export interface DivisionRecord {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}

/** 医疗卫生机构, canonical (no vendor code survives here). */
export interface InstitutionRecord {
  readonly orgCode: string;
  readonly name: string;
  /** WS 218 code, normalised (`B1OO` → `B100`); null when unknown. */
  readonly categoryCode: string | null;
  readonly category: InstitutionCategory;
  readonly primaryCare: boolean;
  readonly level: HospitalLevel;
  readonly grade: HospitalGrade;
  readonly ownership: Ownership | null;
  readonly divisionCode: string;
  readonly beds: number | null;
  readonly tcmService: boolean | null;
  readonly meetsStandard: boolean | null;
  readonly gradingSystem: boolean | null;
  readonly mutualRecognition: boolean | null;
  /** `yyyyMMdd`. */
  readonly openedOn: string | null;
  readonly closedOn: string | null;
}
