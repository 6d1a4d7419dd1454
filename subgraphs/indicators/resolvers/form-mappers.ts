import type { FormEvaluation } from '../engine/form';
import { laterStoredThrough, SourceReport, SourceStatus } from '../../common/provenance';
import { Citation, EvaluationFormCode } from '../types/definition';
import {
  AuditFinding,
  AuditKind,
  AuditSeverity,
  EvaluationForm,
  EvaluationFormRow,
  FormDownloads,
  FormIdentityField,
} from '../types/form';
import { toIndicatorValue } from './mappers';
import { ScopeKind } from '../../common/measures';
import { AllianceIndicators, InstitutionIndicators } from '../types/entities';
import { RegionIndicators } from '../types/region';

/** 基本信息 the subgraph knows itself: the org code and the report type (the part's respondent). */
function identityDisplay(identity: string | null, f: FormEvaluation): string | null {
  if (identity === 'ORG_CODE') return f.scopeCode;
  if (identity === 'REPORT_TYPE') return f.part.respondentZh;
  return null;
}

const STATUS_RANK: Record<string, number> = { OK: 0, TIMEOUT: 1, QUERY_FAILED: 2, UNREACHABLE: 3 };

/** Path of a form download on the gateway (see gateway/exports). */
export function downloadPath(f: FormEvaluation, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({
    kind: f.scopeKind,
    code: f.scopeCode,
    period: f.period.id,
    part: f.part.code,
  });
  return `/exports/forms/${f.form.code}.${format}?${q.toString()}`;
}

export function toEvaluationForm(f: FormEvaluation): EvaluationForm {
  const values = new Map(
    f.rows.flatMap((r) =>
      r.current ? [[r.current.definition.code, toIndicatorValue(r.current)] as const] : [],
    ),
  );
  const previous = new Map(
    f.rows.flatMap((r) =>
      r.previous ? [[r.previous.definition.code, toIndicatorValue(r.previous)] as const] : [],
    ),
  );
  const sources = new Map<string, SourceReport>();
  // As the engine merges measures: the most institutions a source answered for, its worst status.
  for (const v of values.values()) {
    for (const s of v.sources) {
      const known = sources.get(s.id);
      if (!known) {
        sources.set(s.id, Object.assign(new SourceReport(), s));
        continue;
      }
      known.institutions = Math.max(known.institutions, s.institutions);
      known.storedThrough = laterStoredThrough(known.storedThrough, s.storedThrough);
      if ((STATUS_RANK[s.status] ?? 9) > (STATUS_RANK[known.status] ?? 9)) known.status = s.status;
    }
  }
  const finding = (a: FormEvaluation['logic'][number]): AuditFinding =>
    Object.assign(new AuditFinding(), {
      ...a,
      audit: AuditKind[a.audit],
      severity: AuditSeverity[a.severity],
      rowKeys: [...a.rowKeys],
      indicators: [...a.indicators],
    });
  return Object.assign(new EvaluationForm(), {
    form: EvaluationFormCode[f.form.code],
    titleZh: f.form.titleZh,
    titleEn: f.form.titleEn,
    citation: Object.assign(new Citation(), f.form.citation),
    part: f.part.code,
    respondentZh: f.part.respondentZh,
    respondentEn: f.part.respondentEn,
    scopeKind: f.scopeKind,
    scopeCode: f.scopeCode,
    region:
      f.scopeKind === ScopeKind.REGION ? Object.assign(new RegionIndicators(), { code: f.scopeCode }) : null,
    institution:
      f.scopeKind === ScopeKind.INSTITUTION
        ? Object.assign(new InstitutionIndicators(), { orgCode: f.scopeCode })
        : null,
    alliance:
      f.scopeKind === ScopeKind.ALLIANCE
        ? Object.assign(new AllianceIndicators(), { id: f.scopeCode })
        : null,
    period: f.period.id,
    comparedWith: f.comparedWith.id,
    rows: f.rows.map(({ row }) => {
      const code = row.indicator?.code ?? null;
      const value = code ? (values.get(code) ?? null) : null;
      const before = code ? (previous.get(code) ?? null) : null;
      return Object.assign(new EvaluationFormRow(), {
        key: row.key,
        line: row.line,
        section: [...row.section],
        item: row.item,
        labelZh: row.labelZh,
        labelEn: row.labelEn,
        identity: row.identity ? FormIdentityField[row.identity] : null,
        indicator: code,
        value,
        display: identityDisplay(row.identity, f) ?? value?.display ?? '--',
        previousDisplay: before?.display ?? '--',
      });
    }),
    logicAudit: f.logic.map(finding),
    reasonablenessAudit: f.reasonableness.map(finding),
    passedLogicAudit: f.logic.length === 0,
    complete: [...values.values()].every((v) => v.complete),
    sources: [...sources.values()]
      .map((s) => Object.assign(new SourceReport(), { ...s, status: s.status ?? SourceStatus.OK }))
      .sort(
        (a, b) => (STATUS_RANK[b.status] ?? 9) - (STATUS_RANK[a.status] ?? 9) || a.id.localeCompare(b.id),
      ),
    downloads: Object.assign(new FormDownloads(), {
      csv: downloadPath(f, 'csv'),
      xlsx: downloadPath(f, 'xlsx'),
    }),
  });
}
