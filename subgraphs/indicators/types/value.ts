import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodScalar } from '../../../schema/scalars';
import { SourceReport } from '../../common/provenance';
import { ScopeKind } from '../../common/measures';
import { Citation, ComparatorEnum, IndicatorDefinitionType } from './definition';

export enum ValueStatus {
  OK = 'OK',
  PARTIAL = 'PARTIAL',
  NOT_COUNTED = 'NOT_COUNTED',
  RULE_FAILED = 'RULE_FAILED',
}
registerEnumType(ValueStatus, {
  name: 'ValueStatus',
  description: '数值状态 State of an indicator value',
  valuesConfig: {
    OK: { description: '正常 Computed from every source of the scope; all rules passed' },
    PARTIAL: { description: '部分 Computed, but some sources or institutions are missing (see sources)' },
    NOT_COUNTED: { description: '未统计 "--": no data to compute from (missing is not zero)' },
    RULE_FAILED: {
      description: '审核未通过 A validation rule failed (see rules); do not report the value as is',
    },
  },
});

export enum MissingReason {
  NOT_CARRIED_OUT = 'NOT_CARRIED_OUT',
  NOT_COUNTED = 'NOT_COUNTED',
  ZERO_DENOMINATOR = 'ZERO_DENOMINATOR',
  SOURCE_UNAVAILABLE = 'SOURCE_UNAVAILABLE',
  NOT_AVAILABLE = 'NOT_AVAILABLE',
  SUPPRESSED = 'SUPPRESSED',
}
registerEnumType(MissingReason, {
  name: 'MissingReason',
  description:
    '缺失原因 Why a value is "--", or why it is a defended "0" (seed 004 二: 未开展填“0”，未统计填“--”)',
  valuesConfig: {
    NOT_CARRIED_OUT: {
      description: '未开展 "0": every source answered and none was carried out; value is 0',
    },
    NOT_COUNTED: { description: '未统计 "--": no source holds this data for the scope and period' },
    ZERO_DENOMINATOR: { description: '分母为0 "--": a ratio over nothing (never Infinity, never 0)' },
    SOURCE_UNAVAILABLE: { description: '数据源缺失 "--": a source the value needs did not answer' },
    NOT_AVAILABLE: {
      description:
        '无数据来源 "--": no legacy system holds this item (e.g. satisfaction surveys); see the catalog',
    },
    SUPPRESSED: {
      description:
        '小数抑制 "--": a count below the small-count threshold, withheld from third-party apps (ratios over it too)',
    },
  },
});

@ObjectType({ description: '佐证 A policy document or alliance mechanism behind a qualitative (定性) 是' })
export class IndicatorEvidence {
  @Field(() => String, {
    description: '类别 Kind, e.g. ALLIANCE_PLAN (policy document) or CHARTER (mechanism)',
  })
  kind!: string;

  @Field(() => String, { description: '名称 Document title or mechanism' })
  title!: string;

  @Field(() => String, { description: '日期 Issued on / in force since (YYYY-MM-DD)' })
  date!: string;

  @Field(() => String, { description: '发文或所属 Issuing division code or alliance id' })
  holder!: string;
}

@ObjectType({ description: '历年值 The indicator for the same period of an earlier year (近三年变化)' })
export class IndicatorPoint {
  @Field(() => PeriodScalar, { description: '统计期 Period' })
  period!: string;

  @Field(() => Float, { nullable: true, description: '指标值 Value; null = "--"' })
  value!: number | null;

  @Field(() => String, { description: '显示值 As the forms print it: a number, 是/否, 0 or --' })
  display!: string;

  @Field(() => MissingReason, { nullable: true, description: '缺失原因 Why "--" (or a defended 0)' })
  missing!: MissingReason | null;

  @Field(() => Float, {
    nullable: true,
    description: '较上期变化 Change against the previous point, in the unit (null when either is "--")',
  })
  change!: number | null;
}

export enum ComponentRole {
  NUMERATOR = 'NUMERATOR',
  DENOMINATOR = 'DENOMINATOR',
  OPERAND = 'OPERAND',
  PREVIOUS_YEAR = 'PREVIOUS_YEAR',
}
registerEnumType(ComponentRole, {
  name: 'ComponentRole',
  description: '构成角色 Role of a component in the formula',
  valuesConfig: {
    NUMERATOR: { description: '分子 Numerator' },
    DENOMINATOR: { description: '分母 Denominator' },
    OPERAND: { description: '其他操作数 Another operand' },
    PREVIOUS_YEAR: { description: '上年同期 The same period one year earlier (PREV in the formula)' },
  },
});

@ObjectType({ description: '构成 One measure the value is computed from' })
export class MeasureComponent {
  @Field(() => String, { description: '度量代码 Measure code' })
  measure!: string;

  @Field(() => ComponentRole, { description: '角色 Role in the formula' })
  role!: ComponentRole;

  @Field(() => Float, { nullable: true, description: '数值 Value; null = not counted' })
  value!: number | null;
}

@ObjectType({ description: '审核结果 Outcome of one validation rule' })
export class RuleResult {
  @Field(() => String, { description: '规则代码 Rule code' })
  code!: string;

  @Field(() => String, { description: '说明 Description (Chinese)' })
  descriptionZh!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: '是否通过 Passed; null when an operand is not counted',
  })
  passed!: boolean | null;
}

@ObjectType({ description: '目标达成 A target and whether the value meets it' })
export class TargetAttainment {
  @Field(() => ComparatorEnum, { description: '比较关系 Comparison' })
  comparator!: ComparatorEnum;

  @Field(() => Float, { description: '目标值 Target value' })
  value!: number;

  @Field(() => Int, { description: '目标年份 Target year' })
  year!: number;

  @Field(() => String, { description: '来源 Source document and clause' })
  source!: string;

  @Field(() => Citation, { description: '出处 Citation' })
  citation!: Citation;

  @Field(() => Boolean, { nullable: true, description: '是否达标 Met; null when the value is not counted' })
  met!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "适用地区 Division a local plan's target applies to (e.g. 220000 吉林省); null = national",
  })
  division!: string | null;

  @Field(() => Boolean, {
    description:
      '是否适用 Whether the target applies to this scope (local targets only within their division)',
  })
  applies!: boolean;
}

@ObjectType({
  description:
    '指标值 An indicator computed on demand for one scope and period: value, components, rules, targets, provenance',
})
export class IndicatorValue {
  @Field(() => String, { description: '指标代码 Indicator code' })
  code!: string;

  @Field(() => String, { description: '中文名称 Chinese name' })
  nameZh!: string;

  @Field(() => String, { description: '英文名称 English name' })
  nameEn!: string;

  @Field(() => IndicatorDefinitionType, { description: '指标定义 The catalog entry' })
  indicator!: IndicatorDefinitionType;

  @Field(() => ScopeKind, { description: '范围类型 Scope kind' })
  scopeKind!: ScopeKind;

  @Field(() => String, { description: '范围代码 Scope code' })
  scopeCode!: string;

  @Field(() => PeriodScalar, { description: '统计期 Period' })
  period!: string;

  @Field(() => Float, {
    nullable: true,
    description: '指标值 Value in `unit` (formula × factor); null = not counted ("--"), never a silent zero',
  })
  value!: number | null;

  @Field(() => String, {
    description:
      '显示值 As the forms print it: counts as integers, ratios to 2 decimals, 是/否 for qualitative items, "0" when not carried out, "--" when missing',
  })
  display!: string;

  @Field(() => ValueStatus, { description: '状态 State of the value' })
  status!: ValueStatus;

  @Field(() => MissingReason, {
    nullable: true,
    description:
      '缺失原因 Why the value is "--" (or NOT_CARRIED_OUT: a counted 0); null when the value stands',
  })
  missing!: MissingReason | null;

  @Field(() => [IndicatorEvidence], {
    description: '佐证 For qualitative (定性) items answered 是: the documents or mechanisms in force',
  })
  evidence!: IndicatorEvidence[];

  @Field(() => Float, { nullable: true, description: '分子 Numerator' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: '分母 Denominator' })
  denominator!: number | null;

  @Field(() => String, { description: '单位 Unit' })
  unit!: string;

  @Field(() => String, { description: '公式 Formula' })
  formula!: string;

  @Field(() => Citation, { description: '出处 Where the indicator is defined' })
  citation!: Citation;

  @Field(() => [MeasureComponent], { description: '构成 Components' })
  components!: MeasureComponent[];

  @Field(() => [RuleResult], { description: '审核 Validation rules and whether they passed' })
  rules!: RuleResult[];

  @Field(() => TargetAttainment, {
    nullable: true,
    description:
      '适用目标 The target in force for the period (latest target year ≤ period year, else the first)',
  })
  target!: TargetAttainment | null;

  @Field(() => [TargetAttainment], { description: '全部目标 Every target of the catalog entry' })
  targets!: TargetAttainment[];

  @Field(() => Boolean, { description: '是否完整 Every source of the scope answered' })
  complete!: boolean;

  @Field(() => [SourceReport], { description: '数据来源 Sources that answered or are missing' })
  sources!: SourceReport[];

  @Field(() => [String], { description: '缺失机构 Institutions whose source did not answer' })
  missingInstitutions!: string[];

  @Field(() => Int, { description: '未接入机构数 Open institutions of the scope that no source holds' })
  uncoveredInstitutions!: number;
}
