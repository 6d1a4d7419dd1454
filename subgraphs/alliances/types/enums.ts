import { registerEnumType } from 'type-graphql';

/** 医联体类型: the four kinds of the registry (alliance.kind 'JT' / 'GT' / 'ZK' / 'YC'). */
export enum AllianceKind {
  URBAN_GROUP = 'URBAN_GROUP',
  COUNTY_COMMUNITY = 'COUNTY_COMMUNITY',
  SPECIALTY_ALLIANCE = 'SPECIALTY_ALLIANCE',
  TELEMEDICINE_NETWORK = 'TELEMEDICINE_NETWORK',
}
registerEnumType(AllianceKind, {
  name: 'AllianceKind',
  description: '医联体类型 Kind of medical alliance',
  valuesConfig: {
    URBAN_GROUP: { description: '城市医疗集团 Urban medical group' },
    COUNTY_COMMUNITY: { description: '县域医共体 County medical community' },
    SPECIALTY_ALLIANCE: { description: '专科联盟 Specialty alliance' },
    TELEMEDICINE_NETWORK: { description: '远程医疗协作网 Telemedicine collaboration network' },
  },
});

/** 成员角色: alliance_member.role 'L' 牵头, anything else 成员. */
export enum MemberRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
}
registerEnumType(MemberRole, {
  name: 'AllianceMemberRole',
  description: '成员角色 Role of an institution in an alliance',
  valuesConfig: {
    LEAD: { description: '牵头单位 Lead institution' },
    MEMBER: { description: '成员单位 Member institution' },
  },
});

/** 机制与制度 (registry.alliance_mechanism.item). */
export enum MechanismItem {
  CHARTER = 'CHARTER',
  QUALITY_HOMOGENEITY = 'QUALITY_HOMOGENEITY',
  REFERRAL_STANDARD = 'REFERRAL_STANDARD',
  PRIORITY_SERVICE = 'PRIORITY_SERVICE',
  CONTINUITY = 'CONTINUITY',
  EMR_SHARING = 'EMR_SHARING',
  PACKAGED_PAYMENT = 'PACKAGED_PAYMENT',
  GLOBAL_BUDGET = 'GLOBAL_BUDGET',
  PRESCRIPTION_EXTENSION = 'PRESCRIPTION_EXTENSION',
  BENEFIT_SHARING = 'BENEFIT_SHARING',
  PERF_PAY = 'PERF_PAY',
}
registerEnumType(MechanismItem, {
  name: 'AllianceMechanismItem',
  description: '机制与制度 A mechanism or rule an alliance has put in force',
  valuesConfig: {
    CHARTER: { description: '章程明确责权利 Charter setting out responsibilities, rights and interests' },
    QUALITY_HOMOGENEITY: { description: '质量同质化管理制度 Homogeneous quality management' },
    REFERRAL_STANDARD: { description: '双向转诊标准与程序 Two-way referral standards and procedures' },
    PRIORITY_SERVICE: {
      description:
        '转诊患者优先接诊检查住院 Priority reception, examination and admission of referred patients',
    },
    CONTINUITY: {
      description: '诊疗-康复-长护连续服务 Continuous treatment, rehabilitation and long-term care',
    },
    EMR_SHARING: { description: '电子病历连续记录与共享 Continuous, shared electronic medical records' },
    PACKAGED_PAYMENT: { description: '医保打包支付 Packaged insurance payment' },
    GLOBAL_BUDGET: { description: '医保总额付费 Insurance global budget' },
    PRESCRIPTION_EXTENSION: { description: '处方延伸 Prescription extension to member institutions' },
    BENEFIT_SHARING: { description: '利益共享 Benefit sharing' },
    PERF_PAY: { description: '绩效工资政策 Performance pay policy' },
  },
});

/** 区域共享中心类型 (registry.shared_center.kind). */
export enum SharedCenterKind {
  IMAGING = 'IMAGING',
  LAB = 'LAB',
  PATHOLOGY = 'PATHOLOGY',
  DIALYSIS = 'DIALYSIS',
  HOSPICE = 'HOSPICE',
  DISINFECTION = 'DISINFECTION',
  REHAB = 'REHAB',
  NURSING = 'NURSING',
  EYE = 'EYE',
  CHECKUP = 'CHECKUP',
  LOGISTICS = 'LOGISTICS',
  ECG = 'ECG',
}
registerEnumType(SharedCenterKind, {
  name: 'SharedCenterKind',
  description: '共享中心类型 Kind of regional shared centre',
  valuesConfig: {
    IMAGING: { description: '医学影像诊断中心 Medical imaging diagnosis centre' },
    LAB: { description: '医学检验实验室 Medical laboratory' },
    PATHOLOGY: { description: '病理诊断中心 Pathology diagnosis centre' },
    DIALYSIS: { description: '血液透析中心 Haemodialysis centre' },
    HOSPICE: { description: '安宁疗护中心 Hospice centre' },
    DISINFECTION: { description: '消毒供应中心 Sterile supply centre' },
    REHAB: { description: '康复医疗中心 Rehabilitation centre' },
    NURSING: { description: '护理中心 Nursing centre' },
    EYE: { description: '中小型眼科 Small or medium ophthalmology centre' },
    CHECKUP: { description: '健康体检中心 Health check-up centre' },
    LOGISTICS: { description: '后勤服务中心 Logistics service centre' },
    ECG: { description: '心电中心 Electrocardiography centre' },
  },
});
