import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodScalar } from '../../../schema/scalars';
import { ScopeKind } from '../../common/measures';
import { SourceReport } from '../../common/provenance';
import { Citation, EvaluationFormCode } from './definition';
import { AllianceIndicators, InstitutionIndicators } from './entities';
import { RegionIndicators } from './region';
import { IndicatorValue } from './value';

export enum AuditKind {
  LOGIC = 'LOGIC',
  REASONABLENESS = 'REASONABLENESS',
}
registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: '审核类型 The two audits of the national reporting platform',
  valuesConfig: {
    LOGIC: { description: '表内表间审核 Logic audit: a rule is violated; the data must be fixed' },
    REASONABLENESS: {
      description: '合理性审核 Reasonableness audit: an unusual value to verify and explain (may stand)',
    },
  },
});

export enum AuditSeverity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}
registerEnumType(AuditSeverity, {
  name: 'AuditSeverity',
  description: '严重程度 Severity of an audit finding',
  valuesConfig: {
    ERROR: { description: '错误 Must be fixed before reporting' },
    WARNING: { description: '警告 Verify; explain if the value is right' },
  },
});

export enum FormIdentityField {
  NAME = 'NAME',
  ORG_CODE = 'ORG_CODE',
  REPORT_TYPE = 'REPORT_TYPE',
  LEVEL = 'LEVEL',
  ALLIANCE_KINDS = 'ALLIANCE_KINDS',
}
registerEnumType(FormIdentityField, {
  name: 'FormIdentityField',
  description: '基本信息 Rows that name the respondent rather than ask a value',
  valuesConfig: {
    NAME: { description: '名称 Name of the institution' },
    ORG_CODE: { description: '组织机构代码 Org code (the scope code)' },
    REPORT_TYPE: { description: '填报类型 Report type (lead or member)' },
    LEVEL: { description: '医院级别 Hospital level' },
    ALLIANCE_KINDS: { description: '医联体类型 Kinds of alliance it takes part in' },
  },
});

@InputType({ description: '考核范围 Whom a form is filled for' })
export class EvaluationScopeInput {
  @Field(() => ScopeKind, {
    description: '范围类型 REGION (表1 province, 表2 city, P1), INSTITUTION (表3/表4) or ALLIANCE (P2)',
  })
  kind!: ScopeKind;

  @Field(() => String, { description: '范围代码 Division code, org code or alliance id' })
  code!: string;
}

@ObjectType({ description: '审核发现 One finding of the logic or reasonableness audit' })
export class AuditFinding {
  @Field(() => AuditKind, { description: '审核类型 Logic or reasonableness' })
  audit!: AuditKind;

  @Field(() => AuditSeverity, { description: '严重程度 Error or warning' })
  severity!: AuditSeverity;

  @Field(() => String, { description: '规则代码 Rule code, or CHANGE_OVER_50_PERCENT' })
  code!: string;

  @Field(() => [String], { description: '涉及行 Keys of the rows concerned' })
  rowKeys!: string[];

  @Field(() => [String], { description: '涉及指标 Indicator codes concerned' })
  indicators!: string[];

  @Field(() => String, { description: '说明 Message (Chinese)' })
  messageZh!: string;

  @Field(() => String, { description: '说明（英文） Message (English)' })
  messageEn!: string;

  @Field(() => Float, {
    nullable: true,
    description: '左值 Left side (logic) or this period (reasonableness)',
  })
  left!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '右值 Right side (logic) or last year (reasonableness)',
  })
  right!: number | null;
}

@ObjectType({ description: '考核表行 One row of an evaluation form, in the seed order' })
export class EvaluationFormRow {
  @Field(() => String, { description: '行键 Row key: the seed line the label begins on (a/b if shared)' })
  key!: string;

  @Field(() => Int, { description: '行号 Seed line number' })
  line!: number;

  @Field(() => [String], { description: '所属栏目 Section headings above the row' })
  section!: string[];

  @Field(() => String, { nullable: true, description: '指标项 The numbered item the row belongs to' })
  item!: string | null;

  @Field(() => String, { description: '项目 Row label, exactly as in the seed' })
  labelZh!: string;

  @Field(() => String, { description: '项目（英文） Row label in English' })
  labelEn!: string;

  @Field(() => FormIdentityField, {
    nullable: true,
    description: '基本信息 For rows naming the respondent: which field (filled from the scope entity)',
  })
  identity!: FormIdentityField | null;

  @Field(() => String, {
    nullable: true,
    description: '指标代码 Catalog entry filling the row; null for identity rows',
  })
  indicator!: string | null;

  @Field(() => IndicatorValue, { nullable: true, description: '本期值 The value for the period' })
  value!: IndicatorValue | null;

  @Field(() => String, {
    description:
      "填报值 As filled in the form: a number, 是/否, 0 or --. Identity rows: the org code and report type are filled here; name and level come from the form's institution/region (the CSV/XLSX downloads fill them)",
  })
  display!: string;

  @Field(() => String, { description: '上年同期 The same row for the same period last year' })
  previousDisplay!: string;
}

@ObjectType({ description: '导出 Download links of the filled form' })
export class FormDownloads {
  @Field(() => String, { description: 'CSV下载 CSV file (UTF-8 with BOM, opens in Excel and WPS)' })
  csv!: string;

  @Field(() => String, { description: 'Excel下载 XLSX workbook: the form and its audit findings' })
  xlsx!: string;
}

@ObjectType({
  description:
    '考核表 An evaluation form of seed 004 filled on demand for one scope and period, with its two audits',
})
export class EvaluationForm {
  @Field(() => EvaluationFormCode, { description: '表号 Form code' })
  form!: EvaluationFormCode;

  @Field(() => String, { description: '表名 Title, as in the seed' })
  titleZh!: string;

  @Field(() => String, { description: '表名（英文） Title in English' })
  titleEn!: string;

  @Field(() => Citation, { description: '出处 Where the form is in the seed' })
  citation!: Citation;

  @Field(() => String, { description: '填报部分 Part filled (MAIN, or LEAD / MEMBER for 表3/表4)' })
  part!: string;

  @Field(() => String, { description: '填报单位 Respondent of this part' })
  respondentZh!: string;

  @Field(() => String, { description: '填报单位（英文） Respondent in English' })
  respondentEn!: string;

  @Field(() => ScopeKind, { description: '范围类型 Scope kind' })
  scopeKind!: ScopeKind;

  @Field(() => String, { description: '范围代码 Scope code' })
  scopeCode!: string;

  @Field(() => RegionIndicators, {
    nullable: true,
    description: '地区 The region the form is filled for (REGION scopes): name and hierarchy for 基本信息',
  })
  region!: RegionIndicators | null;

  @Field(() => InstitutionIndicators, {
    nullable: true,
    description: '机构 The institution filling the form (INSTITUTION scopes): name and level for 基本信息',
  })
  institution!: InstitutionIndicators | null;

  @Field(() => AllianceIndicators, {
    nullable: true,
    description: '医联体 The alliance the form is filled for (ALLIANCE scopes)',
  })
  alliance!: AllianceIndicators | null;

  @Field(() => PeriodScalar, { description: '统计期 Period' })
  period!: string;

  @Field(() => PeriodScalar, { description: '比较期 The same period last year (reasonableness audit)' })
  comparedWith!: string;

  @Field(() => [EvaluationFormRow], { description: '行 Every row of the part, in the seed order' })
  rows!: EvaluationFormRow[];

  @Field(() => [AuditFinding], { description: '表内表间审核 Logic audit findings (errors)' })
  logicAudit!: AuditFinding[];

  @Field(() => [AuditFinding], { description: '合理性审核 Reasonableness audit findings (warnings)' })
  reasonablenessAudit!: AuditFinding[];

  @Field(() => Boolean, { description: '逻辑审核通过 No logic-audit error' })
  passedLogicAudit!: boolean;

  @Field(() => Boolean, {
    description:
      "是否完整 Every row computed from all the data its scope needs: false when a source did not answer or no source holds some row's data (see sources and each row's missing)",
  })
  complete!: boolean;

  @Field(() => [SourceReport], { description: '数据来源 Sources behind the form, worst status first' })
  sources!: SourceReport[];

  @Field(() => FormDownloads, { description: '导出 Paths of the CSV and XLSX downloads (on the gateway)' })
  downloads!: FormDownloads;
}
