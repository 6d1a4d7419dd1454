import { z } from 'zod';
import type { Citation, IndicatorDefinition, ScopeLevel } from '../catalog';

/**
 * The evaluation forms of seed 004 as data: 表1–表4 (分级诊疗制度第三方评估 province, city, urban
 * alliance, county alliance) and the 2018 医联体综合绩效考核指标体系 (P1 administrations, P2
 * alliances). A form is its rows in the seed's order; which catalog entry fills a row is said by
 * the entry (`forms: ["T1:373"]`), so a row and its indicator are bound in one place.
 */
export type FormCode = 'T1' | 'T2' | 'T3' | 'T4' | 'P1' | 'P2';
export const FORM_CODES: readonly FormCode[] = ['T1', 'T2', 'T3', 'T4', 'P1', 'P2'];

/** Rows of 基本信息 that name the respondent rather than ask a value. */
export type IdentityField = 'NAME' | 'ORG_CODE' | 'REPORT_TYPE' | 'LEVEL' | 'ALLIANCE_KINDS';

export interface FormPart {
  readonly code: string;
  readonly respondentZh: string;
  readonly respondentEn: string;
  readonly line: number;
}

export interface FormRow {
  /** The seed line on which the row's label begins, with a/b when two rows share a line. */
  readonly key: string;
  readonly line: number;
  readonly part: string;
  readonly section: readonly string[];
  readonly item: string | null;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly identity: IdentityField | null;
}

/** A cross-row check of the form (表内表间审核), over the values of catalog entries in the form. */
export interface FormAudit {
  readonly code: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  readonly left: string;
  readonly comparator: 'LE' | 'LT' | 'GE' | 'GT' | 'EQ';
  readonly right: string;
  readonly citation: Citation;
}

export interface FormDefinition {
  readonly code: FormCode;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly citation: Citation;
  readonly scopes: readonly ScopeLevel[];
  readonly parts: readonly FormPart[];
  readonly rows: readonly FormRow[];
  readonly audits: readonly FormAudit[];
}

const citation = z.object({
  document: z.string().min(1),
  section: z.string().min(1),
  line: z.number().int().positive(),
});

const formSchema = z
  .object({
    code: z.enum(['T1', 'T2', 'T3', 'T4', 'P1', 'P2']),
    titleZh: z.string().min(1),
    titleEn: z.string().min(1),
    citation,
    scopes: z.array(z.enum(['PROVINCE', 'CITY', 'COUNTY', 'ALLIANCE', 'INSTITUTION'])).min(1),
    parts: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z]+$/),
            respondentZh: z.string().min(1),
            respondentEn: z.string().min(1),
            line: z.number().int().positive(),
          })
          .strict(),
      )
      .min(1),
    rows: z
      .array(
        z
          .object({
            key: z.string().regex(/^[0-9]+[a-z]?$/),
            line: z.number().int().positive(),
            part: z.string(),
            section: z.array(z.string()),
            item: z.string().nullable(),
            labelZh: z.string().min(1),
            labelEn: z.string().min(1),
            identity: z.enum(['NAME', 'ORG_CODE', 'REPORT_TYPE', 'LEVEL', 'ALLIANCE_KINDS']).optional(),
          })
          .strict(),
      )
      .min(1),
    audits: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
            descriptionZh: z.string().min(1),
            descriptionEn: z.string().min(1),
            left: z.string().min(1),
            comparator: z.enum(['LE', 'LT', 'GE', 'GT', 'EQ']),
            right: z.string().min(1),
            citation,
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((f, ctx) => {
    const parts = new Set(f.parts.map((p) => p.code));
    const keys = new Set<string>();
    for (const r of f.rows) {
      if (keys.has(r.key)) ctx.addIssue({ code: 'custom', message: `${f.code}: duplicate row key ${r.key}` });
      keys.add(r.key);
      if (!parts.has(r.part))
        ctx.addIssue({ code: 'custom', message: `${f.code}:${r.key}: unknown part ${r.part}` });
      if (String(r.line) !== r.key.replace(/[a-z]$/, '')) {
        ctx.addIssue({ code: 'custom', message: `${f.code}:${r.key}: key and line ${r.line} disagree` });
      }
    }
  });

/** Parse and check one form document. */
export function parseForm(input: unknown): FormDefinition {
  const f = formSchema.parse(input);
  return {
    ...f,
    rows: f.rows.map((r) => ({ ...r, identity: r.identity ?? null })),
  };
}

/** A form row with the catalog entry that fills it (null for identity rows and unbound rows). */
export interface BoundRow extends FormRow {
  readonly indicator: IndicatorDefinition | null;
}

/**
 * Join forms and catalog: every `FORM:KEY` an entry names must be a row of that form, and no row
 * is filled by two entries. Returns the rows of each form with their entry.
 */
export function bindForms(
  forms: readonly FormDefinition[],
  catalog: readonly IndicatorDefinition[],
): Map<FormCode, BoundRow[]> {
  const byRow = new Map<string, IndicatorDefinition>();
  const known = new Set(forms.flatMap((f) => f.rows.map((r) => `${f.code}:${r.key}`)));
  const loaded = new Set(forms.map((f) => f.code));
  for (const def of catalog) {
    for (const ref of def.forms) {
      const form = ref.split(':')[0] as FormCode;
      if (loaded.has(form) && !known.has(ref)) {
        throw new Error(`${def.code} names form row ${ref}, which the form does not have`);
      }
      const other = byRow.get(ref);
      if (other) throw new Error(`form row ${ref} is filled by both ${other.code} and ${def.code}`);
      byRow.set(ref, def);
    }
  }
  return new Map(
    forms.map((f) => [
      f.code,
      f.rows.map((r) => ({ ...r, indicator: byRow.get(`${f.code}:${r.key}`) ?? null })),
    ]),
  );
}
