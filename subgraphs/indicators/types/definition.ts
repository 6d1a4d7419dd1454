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
}

@ObjectType('Indicator', {
  description:
    '指标 An indicator of the catalog: definition, formula, unit, applicable scopes, rules, targets',
})
export class IndicatorDefinitionType {
  @Field(() => String, { description: '指标代码 Stable code, e.g. PRIMARY_CARE_VISIT_SHARE' })
  code!: string;

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
