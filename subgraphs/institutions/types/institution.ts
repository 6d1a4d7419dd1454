import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { HospitalGrade, HospitalLevel, InstitutionCategory, Ownership } from '../../../schema/enums';
import { OrgCodeScalar } from '../../../schema/scalars';

/** 医疗卫生机构 Institution (registry.institution). */
@Directive('@key(fields: "orgCode")')
@ObjectType('Institution', {
  description:
    '医疗卫生机构 Institution: a hospital, health centre or clinic of the regional registry. Key: orgCode.',
})
export class Institution {
  @Field(() => OrgCodeScalar, { description: '机构代码 Unified social credit code (统一社会信用代码)' })
  orgCode!: string;

  @Field(() => String, { description: '机构名称 Name' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      '卫生机构类别代码 WS 218-2002 category code, normalised (old `B1OO` → `B100`); null if unknown',
  })
  categoryCode!: string | null;

  @Field(() => InstitutionCategory, { description: '机构类别 Category class' })
  category!: InstitutionCategory;

  @Field(() => Boolean, {
    description:
      '是否基层医疗卫生机构 Primary-care institution (category B*, C* or D*: 社区卫生服务中心/站, 卫生院, 门诊部/诊所/村卫生室)',
  })
  primaryCare!: boolean;

  @Field(() => HospitalLevel, { description: '医院等级 Level (三级/二级/一级/未定级)' })
  level!: HospitalLevel;

  @Field(() => HospitalGrade, { description: '医院等次 Grade (甲/乙/丙/未评)' })
  grade!: HospitalGrade;

  @Field(() => Ownership, { nullable: true, description: '举办主体 Ownership; null if unknown' })
  ownership!: Ownership | null;

  @Field(() => Int, { nullable: true, description: '编制床位 Authorised beds' })
  beds!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '提供中医药服务 Provides TCM services; null if not recorded',
  })
  tcmService!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '基层机构达到建设标准 Meets the construction standard (primary care only); null if not recorded',
  })
  meetsStandard!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '建立分级诊疗信息系统 Has a graded-treatment information system; null if not recorded',
  })
  gradingSystem!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '参与检查检验结果互认 Takes part in mutual recognition of test results; null if not recorded',
  })
  mutualRecognition!: boolean | null;

  @Field(() => String, { nullable: true, description: '开业日期 Opened on (yyyy-MM-dd)' })
  openedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '注销日期 Closed on (yyyy-MM-dd); a closed institution still counts for periods before it',
  })
  closedOn!: string | null;

  /** Not a field: resolved into `region`. */
  divisionCode!: string;
}
