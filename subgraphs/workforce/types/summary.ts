import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SourceReport } from '../../common/provenance';
import { GpTrainingType, PractitionerCategory, RecruitmentDiscipline, TitleLevel } from './enums';

@ObjectType({ description: '按执业类别人数 Practitioners of one practice category' })
export class PractitionerCategoryCount {
  @Field(() => PractitionerCategory, { description: '执业类别 Practice category' })
  category!: PractitionerCategory;

  @Field(() => Int, { description: '人数 Number of practitioners' })
  count!: number;
}

@ObjectType({ description: '按职称级别人数 Practitioners of one title level' })
export class PractitionerTitleCount {
  @Field(() => TitleLevel, { description: '职称级别 Title level' })
  titleLevel!: TitleLevel;

  @Field(() => Int, { description: '人数 Number of practitioners' })
  count!: number;
}

@ObjectType({ description: '按培训类型全科医生数 GPs of one training type' })
export class GpTrainingCount {
  @Field(() => GpTrainingType, { description: '全科培训类型 Training type' })
  training!: GpTrainingType;

  @Field(() => Int, { description: '人数 Number of GPs' })
  count!: number;
}

@ObjectType({ description: '按学科引进人才数 Recruits of one discipline' })
export class RecruitmentDisciplineCount {
  @Field(() => RecruitmentDiscipline, { description: '学科 Discipline' })
  discipline!: RecruitmentDiscipline;

  @Field(() => Int, { description: '人数 Number of recruits' })
  count!: number;
}

@ObjectType({
  description:
    '派驻统计 Assignments (派驻/下派) of staff between institutions in the period: person-times, days, long stays',
})
export class StaffAssignmentCounts {
  @Field(() => Int, { description: '派驻人次 Person-times: assignments starting in the period' })
  personTimes!: number;

  @Field(() => Int, {
    description:
      '派驻天数 Calendar days of every assignment that fall inside the period (first and last day included)',
  })
  days!: number;

  @Field(() => Int, {
    description:
      '连续工作3个月以上人次 Long stays: assignments starting in the period lasting at least 90 days (open ones included)',
  })
  longStays!: number;
}

@ObjectType({ description: '进修统计 Further training (进修) in the period: count and days' })
export class FurtherTrainingCounts {
  @Field(() => Int, { description: '进修次数 Trainings starting in the period' })
  trainings!: number;

  @Field(() => Int, {
    description: '进修时间（天） Calendar days of every training that fall inside the period',
  })
  days!: number;
}

@ObjectType({
  description:
    '卫生人力汇总 Workforce summary of an institution or region for one period: aggregates only, never a person. Null counts = not counted (the workforce registry did not answer), never a silent zero.',
})
export class WorkforceSummary {
  @Field(() => String, { description: '统计期 Period identifier, e.g. 2019H1' })
  period!: string;

  @Field(() => String, {
    description: '统计时间点 Time point of the states: the last day of the period (yyyy-MM-dd)',
  })
  asOf!: string;

  @Field(() => Int, {
    nullable: true,
    description: '在岗卫生技术人员数 Practitioners on post at the time point (by main practice institution)',
  })
  practitionersOnPost!: number | null;

  @Field(() => [PractitionerCategoryCount], {
    nullable: true,
    description: '按执业类别 Practitioners on post by practice category (categories with none left out)',
  })
  practitionersByCategory!: PractitionerCategoryCount[] | null;

  @Field(() => [PractitionerTitleCount], {
    nullable: true,
    description: '按职称级别 Practitioners on post by title level (levels with none left out)',
  })
  practitionersByTitleLevel!: PractitionerTitleCount[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '全科医生数 GPs on post at the time point: clinical or TCM physicians registered in general practice (全科, scope 21) or trained 3+2, 5+3 or by transfer',
  })
  generalPractitioners!: number | null;

  @Field(() => [GpTrainingCount], {
    nullable: true,
    description: '全科医生按培训类型 GPs on post by training type (types with none left out)',
  })
  generalPractitionersByTraining!: GpTrainingCount[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '多点执业人数 Practitioners on post (by main institution) practising at a second site at the time point',
  })
  multiSitePractitioners!: number | null;

  @Field(() => StaffAssignmentCounts, {
    nullable: true,
    description:
      '派出 Assignments sent: by the institution, or for a region by its institutions (whatever the receiver)',
  })
  assignmentsOut!: StaffAssignmentCounts | null;

  @Field(() => StaffAssignmentCounts, {
    nullable: true,
    description:
      '接收派驻 Assignments received: by the institution, or for a region by its institutions (whatever the sender)',
  })
  assignmentsIn!: StaffAssignmentCounts | null;

  @Field(() => FurtherTrainingCounts, {
    nullable: true,
    description:
      '外出进修 Further training of its own staff (home institution in the scope), wherever hosted',
  })
  furtherTrainingSent!: FurtherTrainingCounts | null;

  @Field(() => FurtherTrainingCounts, {
    nullable: true,
    description: '接收进修 Further training hosted (host institution in the scope), whoever sent',
  })
  furtherTrainingHosted!: FurtherTrainingCounts | null;

  @Field(() => Int, { nullable: true, description: '引进人才数 Recruits hired in the period' })
  recruits!: number | null;

  @Field(() => [RecruitmentDisciplineCount], {
    nullable: true,
    description: '引进人才按学科 Recruits by discipline (disciplines with none left out)',
  })
  recruitsByDiscipline!: RecruitmentDisciplineCount[] | null;

  @Field(() => Boolean, { description: '是否完整 True when every workforce source answered' })
  complete!: boolean;

  @Field(() => [SourceReport], {
    description: '数据来源 Workforce registry sources (hrm) behind the summary',
  })
  sources!: SourceReport[];
}

@ObjectType({
  description:
    '签约服务费构成 Fee composition of the family-doctor contracts signed in the period (yuan): 医保基金 + 财政投入 + 个人付费 = total',
})
export class FamilyDoctorFees {
  @Field(() => Int, { description: '签约份数 Contracts signed in the period (pending ones never count)' })
  contracts!: number;

  @Field(() => Float, { description: '签约服务费总额 Total fee (yuan)' })
  total!: number;

  @Field(() => Float, { description: '医保基金支付 Paid by the insurance fund (yuan)' })
  insurance!: number;

  @Field(() => Float, { description: '财政投入 Paid by public finance (yuan)' })
  fiscal!: number;

  @Field(() => Float, { description: '个人付费 Paid by the residents (yuan)' })
  personal!: number;
}

@ObjectType({
  description:
    '家庭医生签约汇总 Family-doctor signing summary of an institution (by its signing teams) or region (by the residents’ county) for one period: aggregates only. Null counts = not counted (the contract system did not answer), never a silent zero.',
})
export class FamilyDoctorSummary {
  @Field(() => String, { description: '统计期 Period identifier, e.g. 2019H1' })
  period!: string;

  @Field(() => String, {
    description: '统计时间点 Time point of the states: the last day of the period (yyyy-MM-dd)',
  })
  asOf!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      '家庭医生签约服务人数 Signed persons at the time point. Region: by resident county, each person counted once per county (summed over the counties); institution: by the signing team’s institution',
  })
  signedPersons!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '重点人群签约服务人数 Signed persons of a key group (重点人群) at the time point',
  })
  keyGroupPersons!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '获得家庭医生签约服务的建档立卡贫困人口数 Signed registered-poor persons at the time point',
  })
  registeredPoorPersons!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '"1+1+1"签约人数 Signed persons whose contract also names a secondary and a tertiary hospital, at the time point',
  })
  onePlusOnePlusOnePersons!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '家庭医生团队数 Family-doctor teams existing at the time point (of the institutions in the scope)',
  })
  teams!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '团队内全科医生数 GPs (role GP) in those teams, distinct per institution (summed over the institutions of a region)',
  })
  teamGeneralPractitioners!: number | null;

  @Field(() => FamilyDoctorFees, {
    nullable: true,
    description:
      '签约服务费构成 Fees of the contracts signed in the period, by the residents’ counties; null for an institution (the contract system gives fees by county only) or when not counted',
  })
  fees!: FamilyDoctorFees | null;

  @Field(() => Boolean, { description: '是否完整 True when every family-doctor contract source answered' })
  complete!: boolean;

  @Field(() => [SourceReport], {
    description: '数据来源 Family-doctor contract sources (fds) behind the summary',
  })
  sources!: SourceReport[];
}
