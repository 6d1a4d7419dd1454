import { placeholders, toNumber } from '../sql/dialect';
import type { SqlSource } from '../sql/source';
import {
  categoryOf,
  flagOf,
  hospitalGradeOf,
  hospitalLevelOf,
  isPrimaryCareCategory,
  normalizeCategoryCode,
  ownershipOf,
  regionLevelOf,
  textOrNull,
} from './codes';
import type { DivisionRecord, InstitutionRecord } from './model';

interface DivisionRow {
  code: string;
  name: string;
  level: number | string;
  parent_code: string | null;
}

interface InstitutionRow {
  org_code: string;
  org_name: string;
  category_code: string | null;
  hosp_level: string | null;
  hosp_grade: string | null;
  ownership: string | null;
  division_code: string;
  beds: number | string | null;
  tcm_service: string | null;
  meets_standard: string | null;
  grading_system: string | null;
  mutual_recognition: string | null;
  opened_on: string | null;
  closed_on: string | null;
}

const INSTITUTION_COLUMNS =
  'org_code, org_name, category_code, hosp_level, hosp_grade, ownership, division_code, beds, tcm_service, meets_standard, grading_system, mutual_recognition, opened_on, closed_on';

function toInstitution(row: InstitutionRow): InstitutionRecord {
  const categoryCode = normalizeCategoryCode(row.category_code);
  return {
    orgCode: row.org_code.trim(),
    name: row.org_name,
    categoryCode,
    category: categoryOf(categoryCode),
    primaryCare: isPrimaryCareCategory(categoryCode),
    level: hospitalLevelOf(row.hosp_level),
    grade: hospitalGradeOf(row.hosp_grade),
    ownership: ownershipOf(row.ownership),
    divisionCode: row.division_code.trim(),
    beds: toNumber(row.beds),
    tcmService: flagOf(row.tcm_service),
    meetsStandard: flagOf(row.meets_standard),
    gradingSystem: flagOf(row.grading_system),
    mutualRecognition: flagOf(row.mutual_recognition),
    openedOn: textOrNull(row.opened_on),
    closedOn: textOrNull(row.closed_on),
  };
}

/** Read-only access to the regional registry (legacy-systems.md §1). */
export const registryAdapter = {
  /** The whole division tree (a few thousand rows at most for a province): one statement. */
  async divisions(source: SqlSource): Promise<DivisionRecord[]> {
    const rows = await source.query<DivisionRow>('SELECT code, name, level, parent_code FROM admin_division');
    const result: DivisionRecord[] = [];
    for (const r of rows) {
      const level = regionLevelOf(r.level);
      if (!level) continue;
      result.push({ code: r.code.trim(), name: r.name, level, parentCode: textOrNull(r.parent_code) });
    }
    return result;
  },

  /** Institutions standing in any of the given county-level divisions: one statement. */
  async institutionsInDivisions(
    source: SqlSource,
    divisionCodes: readonly string[],
  ): Promise<InstitutionRecord[]> {
    if (divisionCodes.length === 0) return [];
    const rows = await source.query<InstitutionRow>(
      `SELECT ${INSTITUTION_COLUMNS} FROM institution WHERE division_code IN (${placeholders(divisionCodes.length)})`,
      divisionCodes,
    );
    return rows.map(toInstitution);
  },

  /** Institutions by code, for batched entity references: one statement. */
  async institutionsByCodes(source: SqlSource, orgCodes: readonly string[]): Promise<InstitutionRecord[]> {
    if (orgCodes.length === 0) return [];
    const rows = await source.query<InstitutionRow>(
      `SELECT ${INSTITUTION_COLUMNS} FROM institution WHERE org_code IN (${placeholders(orgCodes.length)})`,
      orgCodes,
    );
    return rows.map(toInstitution);
  },
};
