import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ComparatorEnum {
  LE = 'LE',
  LT = 'LT',
  GE = 'GE',
  GT = 'GT',
  EQ = 'EQ',
}
registerEnumType(ComparatorEnum, {
  name: 'Comparator',
  description: '比较关系 Comparison of a rule or target',
  valuesConfig: {
    LE: { description: '≤ 不超过 at most' },
    LT: { description: '< 小于 less than' },
    GE: { description: '≥ 不低于 at least' },
    GT: { description: '> 大于 greater than' },
    EQ: { description: '= 等于 equal to' },
  },
});

export enum IndicatorScopeLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  ALLIANCE = 'ALLIANCE',
  INSTITUTION = 'INSTITUTION',
}
registerEnumType(IndicatorScopeLevel, {
  name: 'IndicatorScopeLevel',
  description: '适用层级 Scope an indicator applies to',
  valuesConfig: {
    PROVINCE: { description: '省级 Province (表1)' },
    CITY: { description: '市级 City (表2)' },
    COUNTY: { description: '县级 County' },
    ALLIANCE: { description: '医联体 Medical alliance (表3/表4)' },
    INSTITUTION: { description: '机构 Institution' },
  },
});

export enum IndicatorKindEnum {
  QUANTITATIVE = 'QUANTITATIVE',
  QUALITATIVE = 'QUALITATIVE',
  NOT_AVAILABLE = 'NOT_AVAILABLE',
}
registerEnumType(IndicatorKindEnum, {
  name: 'IndicatorKind',
  description: '指标类型 Kind of indicator',
  valuesConfig: {
    QUANTITATIVE: { description: '定量 A number computed from the formula' },
    QUALITATIVE: {
      description: '定性 Yes/no (是/否), answered from policy documents or alliance mechanisms in force',
    },
    NOT_AVAILABLE: {
      description: '无数据来源 No legacy system holds it (e.g. satisfaction, CMI): declared, never computed',
    },
  },
});

export enum AggregationEnum {
  SUM = 'SUM',
  RATIO_OF_SUMS = 'RATIO_OF_SUMS',
  STOCK = 'STOCK',
  ANY = 'ANY',
}
registerEnumType(AggregationEnum, {
  name: 'IndicatorAggregation',
  description: '汇总方式 How the indicator rolls up the hierarchy (province > city > county > institution)',
  valuesConfig: {
    SUM: { description: '求和 Events summed over the institutions and days of the scope' },
    RATIO_OF_SUMS: {
      description:
        '分子分母分别求和 Numerators and denominators summed, then divided (never an average of ratios)',
    },
    STOCK: { description: "时点数 A state on the period's last day (institutions open, staff on post)" },
    ANY: { description: '任一 Qualitative: yes when any holder within the scope has it' },
  },
});

export enum IndicatorSubjectEnum {
  SCOPE = 'SCOPE',
  LEAD = 'LEAD',
}
registerEnumType(IndicatorSubjectEnum, {
  name: 'IndicatorSubject',
  description: '计算对象 What the measures are asked for',
  valuesConfig: {
    SCOPE: { description: '范围本身 The scope itself' },
    LEAD: { description: '牵头医院 On an alliance: its lead institution (牵头医院 items)' },
  },
});

export enum EvaluationFormCode {
  T1 = 'T1',
  T2 = 'T2',
  T3 = 'T3',
  T4 = 'T4',
  P1 = 'P1',
  P2 = 'P2',
}
registerEnumType(EvaluationFormCode, {
  name: 'EvaluationFormCode',
  description: '考核表 Evaluation forms of seed 004',
  valuesConfig: {
    T1: { description: '表1 分级诊疗制度第三方评估省级层面评价考核表 Province form' },
    T2: { description: '表2 分级诊疗制度第三方评估市级层面评价考核表 City form' },
    T3: { description: '表3 城市医联体效果评价考核表 Urban alliance form (lead hospital, members)' },
    T4: { description: '表4 县域医疗联合体效果评价考核表 County alliance form' },
    P1: { description: '医联体综合绩效考核指标体系（行政部门） 2018 performance system, administrations' },
    P2: { description: '医联体综合绩效考核指标体系（医联体） 2018 performance system, alliances' },
  },
});

@ObjectType({
  description: '出处 Citation: the line of the source document (shared/seeds) an element comes from',
})
export class Citation {
  @Field(() => String, { description: '文件 Seed file name, e.g. 004_4dca3a86e03f15ed.txt' })
  document!: string;

  @Field(() => String, { description: '章节 Section within the document' })
  section!: string;

  @Field(() => Int, { description: '行号 Line number in the file' })
  line!: number;
}

@ObjectType('IndicatorRule', {
  description: '校验规则 Validation rule, e.g. numerator ≤ denominator (表内审核)',
})
export class RuleDefinitionType {
  @Field(() => String, { description: '规则代码 Rule code' })
  code!: string;

  @Field(() => String, { description: '中文说明 Description in Chinese' })
  descriptionZh!: string;

  @Field(() => String, { description: '英文说明 Description in English' })
  descriptionEn!: string;

  @Field(() => String, { description: '表达式 The rule as text, e.g. `VISITS_PRIMARY_CARE <= VISITS_TOTAL`' })
  expression!: string;

  @Field(() => Citation, { description: '出处 Where the rule is written' })
  citation!: Citation;
}

@ObjectType('IndicatorTarget', { description: '目标值 Target from a policy document' })
export class TargetDefinitionType {
  @Field(() => ComparatorEnum, { description: '比较关系 Comparison' })
  comparator!: ComparatorEnum;

  @Field(() => Float, { description: '目标值 Target value, in the indicator unit' })
  value!: number;

  @Field(() => Int, { description: '目标年份 Year the target is set for' })
  year!: number;

  @Field(() => String, { description: '来源文件 Source document and clause' })
  source!: string;

  @Field(() => Citation, { description: '出处 Where the target is written' })
  citation!: Citation;

  @Field(() => String, {
    nullable: true,
    description: "适用地区 Division a local plan's target applies to (e.g. 320700 连云港市); null = national",
  })
  division!: string | null;
}

@ObjectType('Indicator', {
  description:
    '指标 An indicator of the catalog: definition, formula, unit, applicable scopes, rules, targets',
})
export class IndicatorDefinitionType {
  @Field(() => String, { description: '指标代码 Stable code, e.g. PRIMARY_CARE_VISIT_SHARE' })
  code!: string;

  @Field(() => IndicatorKindEnum, {
    description: '指标类型 Quantitative, qualitative (定性) or not available',
  })
  kind!: IndicatorKindEnum;

  @Field(() => AggregationEnum, { description: '汇总方式 How it rolls up the hierarchy' })
  aggregation!: AggregationEnum;

  @Field(() => IndicatorSubjectEnum, { description: "计算对象 The scope itself, or an alliance's lead" })
  subject!: IndicatorSubjectEnum;

  @Field(() => String, {
    nullable: true,
    description: '无数据来源原因 NOT_AVAILABLE only: why no legacy system can answer it (Chinese)',
  })
  notAvailableReasonZh!: string | null;

  @Field(() => String, { nullable: true, description: '无数据来源原因（英文） The same reason in English' })
  notAvailableReasonEn!: string | null;

  @Field(() => [String], {
    description: '考核表行 Rows of the evaluation forms it fills, as FORM:LINE (e.g. T1:373)',
  })
  forms!: string[];

  @Field(() => String, { description: '中文名称 Chinese name, exactly as in the seed' })
  nameZh!: string;

  @Field(() => String, { description: '英文名称 English name' })
  nameEn!: string;

  @Field(() => String, { description: '定义 Definition (Chinese, from the seed)' })
  definitionZh!: string;

  @Field(() => String, { description: '定义（英文） Definition in English' })
  definitionEn!: string;

  @Field(() => String, {
    description: '公式 Formula over measure codes, e.g. `VISITS_PRIMARY_CARE / VISITS_TOTAL × 100`',
  })
  formula!: string;

  @Field(() => Float, { description: '系数 Factor: 100 for %, 10000 for per 10,000, 1 for counts' })
  factor!: number;

  @Field(() => String, { description: '单位 Unit, e.g. %' })
  unit!: string;

  @Field(() => [IndicatorScopeLevel], { description: '适用层级 Scopes it applies to' })
  scopes!: IndicatorScopeLevel[];

  @Field(() => [String], { description: '所需度量 Measure codes the formula reads' })
  measures!: string[];

  @Field(() => Citation, { description: '出处 Where the indicator is defined' })
  citation!: Citation;

  @Field(() => [RuleDefinitionType], { description: '校验规则 Validation rules' })
  rules!: RuleDefinitionType[];

  @Field(() => [TargetDefinitionType], { description: '目标值 Targets, by source document and year' })
  targets!: TargetDefinitionType[];
}
