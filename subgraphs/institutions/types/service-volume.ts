import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Period } from '../../../schema/period';
import { ScopeKind } from '../../common/measures';
import { SourceReport } from '../../common/provenance';

export enum ChronicDiseaseKind {
  HYPERTENSION = 'HYPERTENSION',
  DIABETES_T2 = 'DIABETES_T2',
}
registerEnumType(ChronicDiseaseKind, {
  name: 'ChronicDisease',
  description: '慢病类型 Chronic disease under public-health management',
  valuesConfig: {
    HYPERTENSION: { description: '高血压 Hypertension' },
    DIABETES_T2: { description: '2型糖尿病 Type-2 diabetes' },
  },
});

/** Provenance every summary carries (fields inherited by each summary type). */
@ObjectType('ServiceSummary', {
  description: '服务量摘要 Common fields of a service-volume summary: completeness and sources',
})
abstract class Summary {
  @Field(() => Boolean, {
    description:
      '是否完整 True when every source of the scope answered and every open institution of it is held by a source',
  })
  complete!: boolean;

  @Field(() => [SourceReport], { description: '数据来源 Sources behind these numbers' })
  sources!: SourceReport[];
}

@ObjectType('VisitVolume', {
  description:
    '诊疗人次 Outpatient and emergency visits that happened (HIS registrations); null = not counted',
})
export class VisitVolume extends Summary {
  @Field(() => Int, { nullable: true, description: '总诊疗人次数 Total visits (outpatient and emergency)' })
  total!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '门诊（平诊）人次数 Outpatient visits (excluding emergency)',
  })
  outpatient!: number | null;

  @Field(() => Int, { nullable: true, description: '急诊人次数 Emergency visits' })
  emergency!: number | null;

  @Field(() => Int, { nullable: true, description: '中医诊疗人次数 Traditional Chinese medicine visits' })
  tcm!: number | null;

  @Field(() => Float, { nullable: true, description: '门急诊费用合计 Fees of these visits (yuan)' })
  feeTotal!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '次均门急诊费用 Average fee per visit (yuan, 2 decimals); null without visits',
  })
  averageFee!: number | null;
}

@ObjectType('InpatientVolume', {
  description:
    '出院患者 Discharges of the period (HIS front sheets / episodes, by discharge time); null = not counted',
})
export class InpatientVolume extends Summary {
  @Field(() => Int, { nullable: true, description: '出院患者人次数 Discharges' })
  discharges!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '出院者占用总床日数 Bed days of the discharged patients (sum of stays)',
  })
  stayDays!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '平均住院日 Average stay, days (stay days / discharges)',
  })
  averageStay!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '出院危重患者人次数 Discharges of critical patients (危重)',
  })
  criticalPatients!: number | null;

  @Field(() => Int, { nullable: true, description: '住院危重患者抢救人次数 Rescues (sum of 抢救次数)' })
  rescues!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '住院总费用 Total inpatient fees of the discharges, yuan',
  })
  feeTotal!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '住院患者人均费用 Average inpatient fee per discharge, yuan (rounded to the fen)',
  })
  averageFee!: number | null;
}

@ObjectType('BedVolume', { description: '床日 Bed days of the daily bed census; null = not counted' })
export class BedVolume extends Summary {
  @Field(() => Int, { nullable: true, description: '实际开放总床日数 Open bed days' })
  openBedDays!: number | null;

  @Field(() => Int, { nullable: true, description: '实际占用总床日数 Occupied bed days' })
  occupiedBedDays!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '床位使用率 Bed occupancy, % (occupied / open bed days × 100)',
  })
  occupancyRate!: number | null;
}

@ObjectType('SurgeryGradeCount', { description: '分级手术量 Surgeries of one grade' })
export class SurgeryGradeCount {
  @Field(() => Int, {
    nullable: true,
    description: '手术级别 Grade 1–4; null for operations without a grade (not surgery, or unknown)',
  })
  grade!: number | null;

  @Field(() => Int, { description: '例次数 Surgeries and operations of this grade' })
  count!: number;
}

@ObjectType('SurgeryVolume', {
  description: '手术 Surgeries and operations by procedure date (HIS); null = not counted',
})
export class SurgeryVolume extends Summary {
  @Field(() => Int, { nullable: true, description: '总手术量 Surgeries and operations, every grade' })
  total!: number | null;

  @Field(() => [SurgeryGradeCount], {
    nullable: true,
    description: '按级别 By grade (1–4, then ungraded), only grades with surgeries',
  })
  byGrade!: SurgeryGradeCount[] | null;

  @Field(() => Int, { nullable: true, description: '日间手术例次数 Day surgeries' })
  daySurgeries!: number | null;

  @Field(() => Int, { nullable: true, description: '择期手术例次数 Elective surgeries' })
  electiveSurgeries!: number | null;
}

@ObjectType('CtReportTime', {
  description:
    'CT平均出报告时间 Outpatient (平诊) CT report time from the LIS/RIS, by request month; null = not counted',
})
export class CtReportTime extends Summary {
  @Field(() => Int, { nullable: true, description: '已出报告检查数 Outpatient CT studies reported' })
  reportedStudies!: number | null;

  @Field(() => Float, { nullable: true, description: '出报告时间合计 Sum of report times, minutes' })
  totalMinutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '平均出报告时间 Average report time, minutes; null when no study was reported',
  })
  averageMinutes!: number | null;
}

@ObjectType('ChronicDiseaseManagement', { description: '单病种慢病管理 Management of one chronic disease' })
export class ChronicDiseaseManagement {
  @Field(() => ChronicDiseaseKind, { description: '慢病类型 Disease' })
  disease!: ChronicDiseaseKind;

  @Field(() => Int, {
    nullable: true,
    description: '纳入管理人数 Records under management during the period',
  })
  managed!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '规范管理人数 Managed records with the face-to-face follow-ups the period requires',
  })
  standardized!: number | null;

  @Field(() => Int, {
    description: '应随访次数 Face-to-face follow-ups the period requires (4 a year, 2 a half-year, else 1)',
  })
  requiredFollowUps!: number;
}

@ObjectType('ChronicManagement', {
  description:
    '慢病管理 Hypertension and type-2 diabetes management (public-health system), by the managing institution: a region counts the records managed by its institutions',
})
export class ChronicManagement extends Summary {
  @Field(() => [ChronicDiseaseManagement], { description: '按病种 By disease (both diseases, always)' })
  diseases!: ChronicDiseaseManagement[];
}

@ObjectType('TwoWeekSurvey', {
  description: '居民2周患病就诊调查 Two-week illness survey of the residents of a region, one survey year',
})
export class TwoWeekSurvey extends Summary {
  @Field(() => Int, { description: '调查年度 Survey year' })
  year!: number;

  @Field(() => Int, { nullable: true, description: '应答数 Survey responses' })
  responses!: number | null;

  @Field(() => Int, { nullable: true, description: '就诊次数 Visits to a health institution' })
  visits!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '首选基层就诊次数 Visits where a primary-care institution was the first choice',
  })
  primaryFirstVisits!: number | null;
}

@ObjectType('ServiceVolume', {
  description:
    '服务量 Service volume of an institution or region in a period (seed 004 表3/表4), each part with its sources',
})
export class ServiceVolume {
  @Field(() => ScopeKind, { description: '范围类型 Scope kind (region or institution)' })
  scopeKind!: ScopeKind;

  @Field(() => String, { description: '范围代码 Division code or org code' })
  scopeCode!: string;

  @Field(() => String, { name: 'period', description: '统计期 Period identifier, e.g. 2019H1' })
  periodId!: string;

  /** Not a field: the parsed period. */
  period!: Period;
}
