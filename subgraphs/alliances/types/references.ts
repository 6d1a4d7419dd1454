import { Directive, Field, ObjectType } from 'type-graphql';

// Each contributing subgraph keeps its own reference classes on purpose: type-graphql attaches the
// field resolvers of every subgraph to a class they share, which would make each subgraph resolve
// the others' fields (composition rejects that). One class per subgraph keeps them apart.
import { DivisionCodeScalar, OrgCodeScalar } from '../../../schema/scalars';

/** The Institution entity as the alliances subgraph sees it: its key, and the alliances it contributes. */
@Directive('@key(fields: "orgCode")')
@ObjectType('Institution', {
  description:
    '医疗卫生机构 Institution: a hospital, health centre or clinic of the regional registry. Key: orgCode.',
})
export class InstitutionRef {
  @Field(() => OrgCodeScalar, { description: '机构代码 Unified social credit code (统一社会信用代码)' })
  orgCode!: string;
}

/** The Region entity as the alliances subgraph sees it: its key, and the alliances it contributes. */
@Directive('@key(fields: "code")')
@ObjectType('Region', {
  description:
    '行政区划 Region: an administrative division (province 省, city 地市, county 县区) with its hierarchy. Key: code.',
})
export class RegionRef {
  @Field(() => DivisionCodeScalar, { description: '行政区划代码 Six-digit division code' })
  code!: string;
}

export function institutionRef(orgCode: string): InstitutionRef {
  return Object.assign(new InstitutionRef(), { orgCode });
}

export function regionRef(code: string): RegionRef {
  return Object.assign(new RegionRef(), { code });
}
