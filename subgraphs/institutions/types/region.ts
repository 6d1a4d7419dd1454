import { Directive, Field, ObjectType } from 'type-graphql';
import { RegionLevel } from '../../../schema/enums';
import { DivisionCodeScalar } from '../../../schema/scalars';

/** 行政区划 Region: a province, city or county of the division hierarchy (registry.admin_division). */
@Directive('@key(fields: "code")')
@ObjectType('Region', {
  description:
    '行政区划 Region: an administrative division (province 省, city 地市, county 县区) with its hierarchy. Key: code.',
})
export class Region {
  @Field(() => DivisionCodeScalar, { description: '行政区划代码 Six-digit division code' })
  code!: string;

  @Field(() => String, { description: '名称 Name, e.g. 安康市' })
  name!: string;

  @Field(() => RegionLevel, { description: '层级 Level in the hierarchy' })
  level!: RegionLevel;

  /** Not a field: used by the parent resolver. */
  parentCode!: string | null;
}
