import { Directive, Field, ObjectType } from 'type-graphql';
import { RegionLevel } from '../../../schema/enums';
import { DivisionCodeScalar } from '../../../schema/scalars';

/** The Region entity as the indicators subgraph sees it: a key, and the level it requires. */
@Directive('@key(fields: "code")')
@ObjectType('Region', {
  description:
    '行政区划 Region: an administrative division (province 省, city 地市, county 县区) with its hierarchy. Key: code.',
})
export class RegionIndicators {
  @Field(() => DivisionCodeScalar, { description: '行政区划代码 Six-digit division code' })
  code!: string;

  @Directive('@external')
  @Field(() => RegionLevel, { description: '层级 Level in the hierarchy' })
  level!: RegionLevel;
}
