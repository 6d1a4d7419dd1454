import { Directive, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodGranularityEnum } from '../../schema/enums';
import { PeriodScalar } from '../../schema/scalars';
import type { Period } from '../../schema/period';
import { SourceReport } from './provenance';

/**
 * The measure protocol: every domain subgraph publishes the measures it serves and answers
 * batched (scope, period, measure) requests in one call. The indicator engine is its client.
 * These fields are `@inaccessible`: internal to the graph, not part of the public API.
 */

export enum ScopeKind {
  REGION = 'REGION',
  INSTITUTION = 'INSTITUTION',
  ALLIANCE = 'ALLIANCE',
  ALLIANCE_LEAD = 'ALLIANCE_LEAD',
}
registerEnumType(ScopeKind, {
  name: 'ScopeKind',
  description: '统计范围类型 Kind of scope a value is computed for',
  valuesConfig: {
    REGION: { description: '行政区划 An administrative division (province, city or county)' },
    INSTITUTION: { description: '医疗卫生机构 One institution' },
    ALLIANCE: { description: '医联体 One medical alliance' },
    ALLIANCE_LEAD: {
      description: '医联体牵头医院 The lead institution of one alliance (code = alliance id)',
    },
  },
});

export enum MeasureAggregation {
  SUM = 'SUM',
}
registerEnumType(MeasureAggregation, {
  name: 'MeasureAggregation',
  description: '汇总方式 How a measure rolls up institutions and days',
  valuesConfig: { SUM: { description: '求和 Sum (counts of events)' } },
});

@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({
  description: '度量定义 A measure a subgraph serves (internal protocol of the indicator engine)',
})
export class MeasureDescriptor {
  @Field(() => String, { description: '度量代码 Measure code, e.g. VISITS_TOTAL' })
  code!: string;

  @Field(() => String, { description: '中文名称 Chinese name' })
  nameZh!: string;

  @Field(() => String, { description: '英文名称 English name' })
  nameEn!: string;

  @Field(() => String, { description: '单位 Unit, e.g. 人次' })
  unit!: string;

  @Field(() => MeasureAggregation, { description: '汇总方式 Aggregation' })
  aggregation!: MeasureAggregation;

  @Field(() => [ScopeKind], { description: '适用范围 Scope kinds it can be computed for' })
  scopeKinds!: ScopeKind[];

  @Field(() => [PeriodGranularityEnum], {
    description: '统计期粒度 Period granularities it can be computed for',
  })
  granularities!: PeriodGranularityEnum[];
}

@Directive('@inaccessible')
@InputType({ description: '统计范围 Scope of a measure request' })
export class MeasureScopeInput {
  @Field(() => ScopeKind, { description: '范围类型 Scope kind' })
  kind!: ScopeKind;

  @Field(() => String, { description: '范围代码 Division code, org code or alliance id' })
  code!: string;
}

@Directive('@inaccessible')
@InputType({ description: '度量请求 One (scope, period, measure) triple' })
export class MeasureRequestInput {
  @Field(() => MeasureScopeInput, { description: '统计范围 Scope' })
  scope!: MeasureScopeInput;

  @Field(() => PeriodScalar, { description: '统计期 Period' })
  period!: Period;

  @Field(() => String, { description: '度量代码 Measure code' })
  measure!: string;
}

@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({
  description:
    '佐证 Evidence behind a qualitative (定性) measure: the policy document or alliance mechanism in force',
})
export class MeasureEvidence {
  @Field(() => String, { description: '类别 Kind, e.g. ALLIANCE_PLAN or CHARTER' })
  kind!: string;

  @Field(() => String, { description: '名称 Document title or mechanism description' })
  title!: string;

  @Field(() => String, { description: '日期 Issued on / in force since (YYYY-MM-DD)' })
  date!: string;

  @Field(() => String, { description: '发文或所属 Issuing division code or alliance id' })
  holder!: string;
}

@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({ description: '度量值 The value of one measure for one scope and period, with its provenance' })
export class MeasureValue {
  @Field(() => ScopeKind, { description: '范围类型 Scope kind' })
  scopeKind!: ScopeKind;

  @Field(() => String, { description: '范围代码 Scope code' })
  scopeCode!: string;

  @Field(() => String, { description: '统计期 Period identifier' })
  period!: string;

  @Field(() => String, { description: '度量代码 Measure code' })
  measure!: string;

  @Field(() => Float, {
    nullable: true,
    description: '数值 Value; null = not counted (未统计 "--"), never a silent zero',
  })
  value!: number | null;

  @Field(() => Boolean, { description: '是否完整 True when every source of the scope answered' })
  complete!: boolean;

  @Field(() => [SourceReport], { description: '数据来源 Sources behind the value' })
  sources!: SourceReport[];

  @Field(() => [String], { description: '缺失机构 Institutions whose source did not answer' })
  missingInstitutions!: string[];

  @Field(() => Int, { description: '未接入机构数 Open institutions of the scope that no source holds' })
  uncoveredInstitutions!: number;

  @Field(() => [MeasureEvidence], {
    description: '佐证 Documents or mechanisms behind a qualitative value (empty for counts)',
  })
  evidence!: MeasureEvidence[];

  @Field(() => String, {
    nullable: true,
    description: '错误代码 FORBIDDEN when the caller may not see this scope (value is then null)',
  })
  error!: string | null;
}

/** Plain shapes of the protocol, for clients (the indicator engine). */
export interface MeasureRequest {
  readonly scopeKind: ScopeKind;
  readonly scopeCode: string;
  /** Period identifier, e.g. `2019H1`. */
  readonly period: string;
  readonly measure: string;
}

export interface MeasureValueData {
  readonly scopeKind: ScopeKind;
  readonly scopeCode: string;
  readonly period: string;
  readonly measure: string;
  readonly value: number | null;
  readonly complete: boolean;
  readonly sources: ReadonlyArray<SourceReportData>;
  readonly missingInstitutions: readonly string[];
  readonly uncoveredInstitutions: number;
  /** Qualitative (定性) measures: the documents or mechanisms behind a yes. Absent = none. */
  readonly evidence?: ReadonlyArray<EvidenceData>;
  /** A stable error code for this triple alone (FORBIDDEN: outside the caller's scope). */
  readonly error?: string | null;
}

/** One source behind a value (the plain shape of SourceReport). */
export interface SourceReportData {
  id: string;
  kind: string;
  status: string;
  institutions: number;
  /** Last day (yyyy-MM-dd) answered from the measure store; null or absent: live only. */
  storedThrough?: string | null;
}

/** One policy document or alliance mechanism behind a qualitative value. */
export interface EvidenceData {
  readonly kind: string;
  readonly title: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** Issuing division code or alliance id. */
  readonly holder: string;
}

/** The two protocol fields every measure-serving subgraph exposes on Query. */
export const MEASURE_PROTOCOL_QUERY = `
  query MeasureCatalog { _measureCatalog { code nameZh nameEn unit aggregation scopeKinds granularities } }
`;
export const MEASURE_VALUES_QUERY = `
  query MeasureValues($requests: [MeasureRequestInput!]!) {
    _measureValues(requests: $requests) {
      scopeKind scopeCode period measure value complete
      sources { id kind status institutions storedThrough }
      missingInstitutions uncoveredInstitutions
      evidence { kind title date holder }
      error
    }
  }
`;
