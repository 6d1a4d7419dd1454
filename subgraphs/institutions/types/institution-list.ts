import { ArgsType, Field, Int } from 'type-graphql';
import { HospitalLevel, InstitutionCategory } from '../../../schema/enums';
import type { Period } from '../../../schema/period';
import { PeriodScalar } from '../../../schema/scalars';
import { Connection } from '../../common/connection';
import { Institution } from './institution';

/** 机构列表 A page of institutions. */
export const InstitutionConnection = Connection(Institution, 'Institution', '医疗卫生机构');

/** Paging and filters of an institution list. */
@ArgsType()
export class InstitutionListArgs {
  @Field(() => Int, { nullable: true, description: '每页数量 Page size (default 50, at most 500)' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: '游标 Cursor after which the page starts (endCursor of the previous page)',
  })
  after?: string | null;

  @Field(() => InstitutionCategory, { nullable: true, description: '机构类别 Only this category' })
  category?: InstitutionCategory | null;

  @Field(() => HospitalLevel, { nullable: true, description: '医院等级 Only this level' })
  level?: HospitalLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '是否基层 Only primary-care institutions (true) or only the others (false)',
  })
  primaryCare?: boolean | null;

  @Field(() => PeriodScalar, {
    nullable: true,
    description: '开业期间 Only institutions open on some day of this period',
  })
  openDuring?: Period | null;
}
