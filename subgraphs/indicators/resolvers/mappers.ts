import type { IndicatorDefinition } from '../../../schema/catalog';
import { measuresNeeded } from '../engine/evaluate';
import type { Evaluation } from '../engine/evaluate';
import type { Citation as CitationData } from '../../../schema/catalog';
import { SourceReport, SourceStatus } from '../../common/provenance';
import {
  AggregationEnum,
  Citation,
  IndicatorKindEnum,
  IndicatorSubjectEnum,
  ComparatorEnum,
  IndicatorDefinitionType,
  IndicatorScopeLevel,
  RuleDefinitionType,
  TargetDefinitionType,
} from '../types/definition';
import {
  ComponentRole,
  IndicatorEvidence,
  MissingReason,
  IndicatorValue,
  MeasureComponent,
  RuleResult,
  TargetAttainment,
  ValueStatus,
} from '../types/value';

const SYMBOL = { LE: '<=', LT: '<', GE: '>=', GT: '>', EQ: '=' } as const;

function citation(c: CitationData): Citation {
  return Object.assign(new Citation(), c);
}

export function formulaText(def: IndicatorDefinition): string {
  if (def.kind === 'NOT_AVAILABLE') return '--';
  if (def.kind === 'QUALITATIVE') return `${def.numerator.text} > 0 ? 是 : 否`;
  const base = def.denominator ? `(${def.numerator.text}) / (${def.denominator.text})` : def.numerator.text;
  return def.factor === 1 ? base : `${base} × ${def.factor}`;
}

/** As the forms print a value: 是/否, integers for counts, 2 decimals for ratios, "--" when missing. */
export function displayValue(def: IndicatorDefinition, value: number | null): string {
  if (value === null) return '--';
  if (def.kind === 'QUALITATIVE') return value > 0 ? '是' : '否';
  if (!def.denominator && Number.isInteger(value)) return String(value);
  return value.toFixed(2);
}

export function toDefinitionType(def: IndicatorDefinition): IndicatorDefinitionType {
  return Object.assign(new IndicatorDefinitionType(), {
    code: def.code,
    kind: IndicatorKindEnum[def.kind],
    aggregation: AggregationEnum[def.aggregation],
    subject: IndicatorSubjectEnum[def.subject],
    notAvailableReasonZh: def.notAvailable?.reasonZh ?? null,
    notAvailableReasonEn: def.notAvailable?.reasonEn ?? null,
    forms: [...def.forms],
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    definitionZh: def.definitionZh,
    definitionEn: def.definitionEn,
    formula: formulaText(def),
    factor: def.factor,
    unit: def.unit,
    scopes: def.scopes.map((s) => IndicatorScopeLevel[s]),
    measures: measuresNeeded(def),
    citation: citation(def.citation),
    rules: def.rules.map((r) =>
      Object.assign(new RuleDefinitionType(), {
        code: r.code,
        descriptionZh: r.descriptionZh,
        descriptionEn: r.descriptionEn,
        expression: `${r.left.text} ${SYMBOL[r.comparator]} ${r.right.text}`,
        citation: citation(r.citation),
      }),
    ),
    targets: def.targets.map((t) =>
      Object.assign(new TargetDefinitionType(), {
        ...t,
        comparator: ComparatorEnum[t.comparator],
        citation: citation(t.citation),
      }),
    ),
  });
}

function attainment(t: Evaluation['targets'][number]): TargetAttainment {
  return Object.assign(new TargetAttainment(), {
    comparator: ComparatorEnum[t.comparator],
    value: t.value,
    year: t.year,
    source: t.source,
    citation: citation(t.citation),
    met: t.met,
    division: t.division,
    applies: t.applies,
  });
}

export function toIndicatorValue(e: Evaluation): IndicatorValue {
  return Object.assign(new IndicatorValue(), {
    code: e.definition.code,
    nameZh: e.definition.nameZh,
    nameEn: e.definition.nameEn,
    indicator: toDefinitionType(e.definition),
    scopeKind: e.scopeKind,
    scopeCode: e.scopeCode,
    period: e.period,
    value: e.value,
    display: displayValue(e.definition, e.value),
    status: ValueStatus[e.status],
    missing: e.missing ? MissingReason[e.missing] : null,
    evidence: e.evidence.map((x) => Object.assign(new IndicatorEvidence(), x)),
    numerator: e.numerator,
    denominator: e.denominator,
    unit: e.definition.unit,
    formula: formulaText(e.definition),
    citation: citation(e.definition.citation),
    components: e.components.map((c) =>
      Object.assign(new MeasureComponent(), {
        measure: c.measure,
        role: ComponentRole[c.role],
        value: c.value,
      }),
    ),
    rules: e.rules.map((r) =>
      Object.assign(new RuleResult(), { code: r.code, descriptionZh: r.descriptionZh, passed: r.passed }),
    ),
    target: e.target ? attainment(e.target) : null,
    targets: e.targets.map(attainment),
    complete: e.complete,
    sources: e.sources.map((s) =>
      Object.assign(new SourceReport(), {
        id: s.id,
        kind: s.kind,
        status: (SourceStatus as Record<string, SourceStatus>)[s.status] ?? SourceStatus.QUERY_FAILED,
        institutions: s.institutions,
        storedThrough: s.storedThrough ?? null,
      }),
    ),
    missingInstitutions: [...e.missingInstitutions],
    uncoveredInstitutions: e.uncoveredInstitutions,
  });
}
