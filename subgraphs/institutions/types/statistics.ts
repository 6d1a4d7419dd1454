import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('PopulationStatistics', {
  description:
    '人口与卫生统计 Population statistics of a division and year (registry division_stat); where the division has no row of its own, the sum of the divisions below it (derived)',
})
export class PopulationStatistics {
  @Field(() => Int, { description: '年度 Year' })
  year!: number;

  @Field(() => Boolean, {
    description:
      '是否汇总推算 True when summed from the divisions below (the division has no row of its own)',
  })
  derived!: boolean;

  @Field(() => Int, { nullable: true, description: '户籍人口 Household-registered population' })
  householdPop!: number | null;

  @Field(() => Int, { nullable: true, description: '户籍城镇人口 Household-registered urban population' })
  householdUrbanPop!: number | null;

  @Field(() => Int, { nullable: true, description: '常住人口 Resident population' })
  residentPop!: number | null;

  @Field(() => Int, { nullable: true, description: '贫困人口 Poor population' })
  poorPop!: number | null;

  @Field(() => Int, { nullable: true, description: '建档立卡贫困人口 Registered poor population' })
  registeredPoorPop!: number | null;

  @Field(() => Int, { nullable: true, description: '重点人群人数 Key-group population' })
  keyGroupPop!: number | null;

  @Field(() => Int, { nullable: true, description: '活产数 Live births' })
  liveBirths!: number | null;

  @Field(() => Int, { nullable: true, description: '婴儿死亡数 Infant deaths' })
  infantDeaths!: number | null;

  @Field(() => Int, { nullable: true, description: '孕产妇死亡数 Maternal deaths' })
  maternalDeaths!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '人均预期寿命 Life expectancy, years; null when derived (not summable) or not recorded',
  })
  lifeExpectancy!: number | null;
}
