import { Directive, Field, ObjectType } from 'type-graphql';
import { OrgCodeScalar } from '../../../schema/scalars';

/** The Institution entity as the indicators subgraph sees it: its key, and `indicators`. */
@Directive('@key(fields: "orgCode")')
@ObjectType('Institution', {
  description:
    '医疗卫生机构 Institution: a hospital, health centre or clinic of the regional registry. Key: orgCode.',
})
export class InstitutionIndicators {
  @Field(() => OrgCodeScalar, { description: '机构代码 Unified social credit code (统一社会信用代码)' })
  orgCode!: string;
}

/** The Alliance entity as the indicators subgraph sees it: its key, and `indicators`. */
@Directive('@key(fields: "id")')
@ObjectType('Alliance', {
  description:
    '医联体 Medical alliance of one of the four kinds (城市医疗集团, 县域医共体, 专科联盟, 远程医疗协作网). Key: id.',
})
export class AllianceIndicators {
  @Field(() => String, { description: '医联体标识 Registry id of the alliance' })
  id!: string;
}
