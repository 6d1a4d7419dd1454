import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SourceReport } from '../../common/provenance';

/** 帮扶类型 (registry.support_activity.kind). */
export enum SupportKindEnum {
  NEW_TECH = 'NEW_TECH',
  NEW_PROJECT = 'NEW_PROJECT',
  SPECIALTY = 'SPECIALTY',
  EQUIPMENT = 'EQUIPMENT',
  EXPERT_CLINIC = 'EXPERT_CLINIC',
  TEACHING_ROUND = 'TEACHING_ROUND',
  LECTURE = 'LECTURE',
  TEACHING_SURGERY = 'TEACHING_SURGERY',
  MGMT_OUTPUT = 'MGMT_OUTPUT',
}
registerEnumType(SupportKindEnum, {
  name: 'SupportActivityKind',
  description: '帮扶类型 Kind of support (帮扶与辐射带动) a higher-level institution gives',
  valuesConfig: {
    NEW_TECH: { description: '帮助开展新技术 Helping to introduce a new technique' },
    NEW_PROJECT: { description: '帮助开展新项目 Helping to start a new project' },
    SPECIALTY: { description: '帮助开设特色专科 Helping to open a featured specialty' },
    EQUIPMENT: { description: '赠送设备 Equipment donated' },
    EXPERT_CLINIC: { description: '派专家坐诊 Experts sent to hold clinics' },
    TEACHING_ROUND: { description: '查房带教 Teaching ward rounds' },
    LECTURE: { description: '学术讲座 Academic lectures' },
    TEACHING_SURGERY: { description: '带教手术 Teaching surgeries' },
    MGMT_OUTPUT: { description: '管理输出 Management output (managers sent to primary care)' },
  },
});

/** 转诊病种分组 (表3 items 20–24), by ICD-10 category of JBDM. */
export enum DiseaseGroupEnum {
  CEREBROVASCULAR = 'CEREBROVASCULAR',
  HYPERTENSION = 'HYPERTENSION',
  DIABETES = 'DIABETES',
  COPD = 'COPD',
  NEOPLASM = 'NEOPLASM',
  OTHER = 'OTHER',
}
registerEnumType(DiseaseGroupEnum, {
  name: 'ReferralDiseaseGroup',
  description: '转诊病种分组 Disease group of a referral, by the ICD-10 category of its diagnosis',
  valuesConfig: {
    CEREBROVASCULAR: { description: '脑血管疾病 Cerebrovascular diseases (I60–I69)' },
    HYPERTENSION: { description: '高血压 Hypertensive diseases (I10–I15)' },
    DIABETES: { description: '糖尿病 Diabetes mellitus (E10–E14)' },
    COPD: { description: '慢性阻塞性肺疾病 Chronic obstructive pulmonary disease (J44)' },
    NEOPLASM: { description: '肿瘤 Neoplasms (C00–D48)' },
    OTHER: { description: '其他 Any other diagnosis, or none recorded' },
  },
});

/** 远程医疗服务类型 (tm_session.service). */
export enum TelemedServiceEnum {
  CONSULT = 'CONSULT',
  IMAGING = 'IMAGING',
  ECG = 'ECG',
  PATHOLOGY = 'PATHOLOGY',
  TEACHING = 'TEACHING',
  TRAINING = 'TRAINING',
  FOLLOWUP = 'FOLLOWUP',
  OTHER = 'OTHER',
}
registerEnumType(TelemedServiceEnum, {
  name: 'TelemedicineService',
  description: '远程医疗服务类型 Kind of telemedicine service',
  valuesConfig: {
    CONSULT: { description: '远程会诊 Remote consultation' },
    IMAGING: { description: '远程影像诊断 Remote imaging diagnosis' },
    ECG: { description: '远程心电诊断 Remote electrocardiography' },
    PATHOLOGY: { description: '远程病理诊断 Remote pathology' },
    TEACHING: { description: '远程教学 Remote teaching' },
    TRAINING: { description: '远程培训 Remote training' },
    FOLLOWUP: { description: '远程复诊 Remote follow-up visit' },
    OTHER: { description: '其他 A service outside the code set' },
  },
});

const COMPLETE = '是否完整 True when every source behind the numbers answered';
const SOURCES = '数据来源 Sources behind the numbers, and whether they answered';

@ObjectType('SupportKindCount', { description: '按类型帮扶 Support activities of one kind' })
export class SupportKindCount {
  @Field(() => SupportKindEnum, { description: '帮扶类型 Kind of support' })
  kind!: SupportKindEnum;

  @Field(() => Int, { nullable: true, description: '次数 Activities; null when not counted (source down)' })
  activities!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '金额（元） Sum of recorded amounts in yuan; null when none recorded or not counted',
  })
  amountYuan!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '30万元以上大型设备 Equipment donations of at least 300,000 yuan; null when not counted',
  })
  equipmentOver300k!: number | null;
}

@ObjectType('AllianceSupport', {
  description: '帮扶与辐射带动 Support from the lead institution to the members of an alliance in a period',
})
export class AllianceSupport {
  @Field(() => Int, { nullable: true, description: '帮扶总次数 All activities; null when not counted' })
  activities!: number | null;

  @Field(() => [SupportKindCount], { description: '按类型 By kind (every kind, in enum order)' })
  byKind!: SupportKindCount[];

  @Field(() => Boolean, { description: COMPLETE })
  complete!: boolean;

  @Field(() => [SourceReport], { description: SOURCES })
  sources!: SourceReport[];
}

@ObjectType('ReferralDiseaseGroupCount', {
  description: '按病种转诊 Accepted referrals of one disease group (表3 上转/下转人数 by disease)',
})
export class ReferralDiseaseGroupCount {
  @Field(() => DiseaseGroupEnum, { description: '病种分组 Disease group' })
  group!: DiseaseGroupEnum;

  @Field(() => Int, {
    nullable: true,
    description: '上转 Upward (by the registry levels); null when not counted',
  })
  up!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '下转 Downward (by the registry levels); null when not counted',
  })
  down!: number | null;

  @Field(() => Int, { nullable: true, description: '合计 All directions; null when not counted' })
  total!: number | null;
}

@ObjectType('AllianceReferrals', {
  description:
    '医联体内双向转诊 Accepted referrals between members of an alliance in a period (both members during it), direction by the registry levels',
})
export class AllianceReferrals {
  @Field(() => Int, { nullable: true, description: '转诊总例数 All accepted referrals between members' })
  total!: number | null;

  @Field(() => Int, { nullable: true, description: '上转例数 Upward referrals (to a higher level)' })
  up!: number | null;

  @Field(() => Int, { nullable: true, description: '下转例数 Downward referrals (to a lower level)' })
  down!: number | null;

  @Field(() => Int, { nullable: true, description: '平转例数 Lateral referrals (same level)' })
  lateral!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '方向不明 Referrals whose direction the registry cannot decide (unrated level)',
  })
  undetermined!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '牵头单位接收上转 Upward referrals received by the lead from other members (接收下级医院上转)',
  })
  receivedUpByLead!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '方向不符 Referrals whose claimed direction (ZZLX) disagrees with the registry levels',
  })
  mismatches!: number | null;

  @Field(() => [ReferralDiseaseGroupCount], { description: '按病种 By disease group (every group)' })
  byDiseaseGroup!: ReferralDiseaseGroupCount[];

  @Field(() => Boolean, { description: COMPLETE })
  complete!: boolean;

  @Field(() => [SourceReport], { description: SOURCES })
  sources!: SourceReport[];
}

@ObjectType('ReferralSummary', {
  description:
    '双向转诊 Accepted referrals sent and received by the institutions of a scope in a period, direction by the registry levels',
})
export class ReferralSummary {
  @Field(() => Int, { nullable: true, description: '转出例数 Referrals sent; null when not counted' })
  sent!: number | null;

  @Field(() => Int, { nullable: true, description: '上转例数 Sent to a higher level' })
  sentUp!: number | null;

  @Field(() => Int, { nullable: true, description: '下转例数 Sent to a lower level' })
  sentDown!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '接收上转例数 Upward referrals received (接收下级医院上转的例数)',
  })
  receivedUp!: number | null;

  @Field(() => [ReferralDiseaseGroupCount], {
    description: '按病种 Referrals sent, by disease group (every group)',
  })
  byDiseaseGroup!: ReferralDiseaseGroupCount[];

  @Field(() => Boolean, { description: COMPLETE })
  complete!: boolean;

  @Field(() => [SourceReport], { description: SOURCES })
  sources!: SourceReport[];
}

@ObjectType('TelemedicineServiceCount', {
  description: '按服务远程医疗 Telemedicine sessions of one service',
})
export class TelemedicineServiceCount {
  @Field(() => TelemedServiceEnum, { description: '服务类型 Service' })
  service!: TelemedServiceEnum;

  @Field(() => Int, { nullable: true, description: '人次 Sessions that took place; null when not counted' })
  sessions!: number | null;
}

@ObjectType('AllianceTelemedicine', {
  description:
    '医联体远程医疗 Telemedicine sessions that took place (DONE) in a period with a member as requester or provider, or in the network of a 远程医疗协作网',
})
export class AllianceTelemedicine {
  @Field(() => Int, { nullable: true, description: '远程医疗服务人次 All sessions; null when not counted' })
  sessions!: number | null;

  @Field(() => [TelemedicineServiceCount], { description: '按服务 By service (every service)' })
  byService!: TelemedicineServiceCount[];

  @Field(() => Boolean, { description: COMPLETE })
  complete!: boolean;

  @Field(() => [SourceReport], { description: SOURCES })
  sources!: SourceReport[];
}

@ObjectType('TelemedicineSideCount', {
  description: '按服务远程医疗（申请/提供） Sessions of one service, as requester and as provider',
})
export class TelemedicineSideCount {
  @Field(() => TelemedServiceEnum, { description: '服务类型 Service' })
  service!: TelemedServiceEnum;

  @Field(() => Int, { nullable: true, description: '申请 Sessions requested by the scope' })
  asRequester!: number | null;

  @Field(() => Int, { nullable: true, description: '提供 Sessions provided by the scope' })
  asProvider!: number | null;
}

@ObjectType('TelemedicineSummary', {
  description:
    '远程医疗 Telemedicine sessions that took place (DONE) in a period, requested and provided by the institutions of a scope',
})
export class TelemedicineSummary {
  @Field(() => Int, { nullable: true, description: '申请人次 Sessions requested; null when not counted' })
  asRequester!: number | null;

  @Field(() => Int, { nullable: true, description: '提供人次 Sessions provided; null when not counted' })
  asProvider!: number | null;

  @Field(() => [TelemedicineSideCount], { description: '按服务 By service (every service)' })
  byService!: TelemedicineSideCount[];

  @Field(() => Boolean, { description: COMPLETE })
  complete!: boolean;

  @Field(() => [SourceReport], { description: SOURCES })
  sources!: SourceReport[];
}

@ObjectType('MutualRecognition', {
  description:
    '检查检验结果互认 Lab reports and imaging studies of the members in a period, and those recognized from another institution instead of repeated',
})
export class MutualRecognition {
  @Field(() => Int, {
    nullable: true,
    description: '检验报告数 Lab reports requested; null when not counted',
  })
  labReports!: number | null;

  @Field(() => Int, { nullable: true, description: '检验结果互认数 Lab results recognized' })
  labRecognized!: number | null;

  @Field(() => Int, { nullable: true, description: '影像检查数 Imaging studies requested' })
  imagingStudies!: number | null;

  @Field(() => Int, { nullable: true, description: '影像结果互认数 Imaging results recognized' })
  imagingRecognized!: number | null;

  @Field(() => Int, { nullable: true, description: '互认总数 Lab and imaging results recognized' })
  recognized!: number | null;

  @Field(() => Int, { description: '未接入成员数 Members no LIS/RIS source holds' })
  uncoveredMembers!: number;

  @Field(() => Boolean, { description: '是否完整 True when every member is held by a source that answered' })
  complete!: boolean;

  @Field(() => [SourceReport], { description: SOURCES })
  sources!: SourceReport[];
}
