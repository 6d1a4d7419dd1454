import { registerEnumType } from 'type-graphql';

/** 执业类别 (hrm practitioner.category '1'…'9'); UNKNOWN for an empty or unknown code. */
export enum PractitionerCategory {
  CLINICAL = 'CLINICAL',
  DENTAL = 'DENTAL',
  PUBLIC_HEALTH = 'PUBLIC_HEALTH',
  TCM = 'TCM',
  NURSE = 'NURSE',
  PHARMACIST = 'PHARMACIST',
  TECHNICIAN = 'TECHNICIAN',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(PractitionerCategory, {
  name: 'PractitionerCategory',
  description: '执业类别 Practice category of health workers',
  valuesConfig: {
    CLINICAL: { description: '临床 Clinical physician' },
    DENTAL: { description: '口腔 Dental physician' },
    PUBLIC_HEALTH: { description: '公共卫生 Public-health physician' },
    TCM: { description: '中医 Traditional Chinese medicine physician' },
    NURSE: { description: '护士 Nurse' },
    PHARMACIST: { description: '药师 Pharmacist' },
    TECHNICIAN: { description: '技师 Technician' },
    OTHER: { description: '其他 Other' },
    UNKNOWN: { description: '未知 Unknown: the registry code is empty or outside the contract' },
  },
});

/** 职称级别. */
export enum TitleLevel {
  SENIOR = 'SENIOR',
  INTERMEDIATE = 'INTERMEDIATE',
  JUNIOR = 'JUNIOR',
  NONE = 'NONE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(TitleLevel, {
  name: 'PractitionerTitleLevel',
  description: '职称级别 Professional title level',
  valuesConfig: {
    SENIOR: { description: '高级 Senior title' },
    INTERMEDIATE: { description: '中级 Intermediate title' },
    JUNIOR: { description: '初级 Junior title' },
    NONE: { description: '无职称 No title' },
    UNKNOWN: { description: '未知 Unknown: the registry value is empty or outside the contract' },
  },
});

/** 全科培训. */
export enum GpTrainingType {
  NONE = 'NONE',
  ASSISTANT_3_2 = 'ASSISTANT_3_2',
  RESIDENCY_5_3 = 'RESIDENCY_5_3',
  TRANSFER = 'TRANSFER',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(GpTrainingType, {
  name: 'GpTrainingType',
  description: '全科培训类型 General-practice training of a GP',
  valuesConfig: {
    NONE: { description: '无 None (a GP by the 全科 practice scope alone)' },
    ASSISTANT_3_2: { description: '助理全科医生培训（3+2） Assistant GP training (3+2)' },
    RESIDENCY_5_3: { description: '全科专业住院医师规范化培训（5+3） GP residency training (5+3)' },
    TRANSFER: { description: '转岗培训 Transfer training' },
    UNKNOWN: { description: '未知 Unknown: empty or outside the contract' },
  },
});

/** 引进人才 discipline. */
export enum RecruitmentDiscipline {
  EMERGENCY = 'EMERGENCY',
  PEDIATRICS = 'PEDIATRICS',
  ANESTHESIA = 'ANESTHESIA',
  ICU = 'ICU',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(RecruitmentDiscipline, {
  name: 'RecruitmentDiscipline',
  description: '引进人才学科 Discipline of recruited talent',
  valuesConfig: {
    EMERGENCY: { description: '急诊 Emergency medicine' },
    PEDIATRICS: { description: '儿科 Paediatrics' },
    ANESTHESIA: { description: '麻醉科 Anaesthesiology' },
    ICU: { description: '重症医学 Critical care medicine' },
    OTHER: { description: '其他 Other discipline' },
    UNKNOWN: { description: '未知 Unknown: empty or outside the contract' },
  },
});
