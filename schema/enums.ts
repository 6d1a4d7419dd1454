import { registerEnumType } from 'type-graphql';

/**
 * Canonical vocabularies shared by every subgraph. Adapters translate vendor and registry
 * code sets into these; nothing above `adapters/` sees a legacy code.
 */

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '行政区划层级 Administrative division level',
  valuesConfig: {
    PROVINCE: { description: '省级 Province' },
    CITY: { description: '地市级 City (prefecture)' },
    COUNTY: { description: '县级 County, county-level city or district (县/市/区)' },
  },
});

export enum HospitalLevel {
  LEVEL_3 = 'LEVEL_3',
  LEVEL_2 = 'LEVEL_2',
  LEVEL_1 = 'LEVEL_1',
  UNRATED = 'UNRATED',
}
registerEnumType(HospitalLevel, {
  name: 'HospitalLevel',
  description: '医院等级（级） Hospital level',
  valuesConfig: {
    LEVEL_3: { description: '三级 Tertiary' },
    LEVEL_2: { description: '二级 Secondary' },
    LEVEL_1: { description: '一级 Primary-level hospital' },
    UNRATED: { description: '未定级 Not rated' },
  },
});

export enum HospitalGrade {
  GRADE_A = 'GRADE_A',
  GRADE_B = 'GRADE_B',
  GRADE_C = 'GRADE_C',
  UNRATED = 'UNRATED',
}
registerEnumType(HospitalGrade, {
  name: 'HospitalGrade',
  description: '医院等次（等） Hospital grade within its level',
  valuesConfig: {
    GRADE_A: { description: '甲等 Grade A' },
    GRADE_B: { description: '乙等 Grade B' },
    GRADE_C: { description: '丙等 Grade C' },
    UNRATED: { description: '未评 Not graded' },
  },
});

export enum Ownership {
  GOVERNMENT = 'GOVERNMENT',
  OTHER_PUBLIC = 'OTHER_PUBLIC',
  PRIVATE = 'PRIVATE',
}
registerEnumType(Ownership, {
  name: 'Ownership',
  description: '举办主体 Ownership',
  valuesConfig: {
    GOVERNMENT: { description: '政府办 Government-run' },
    OTHER_PUBLIC: { description: '其他公立 Other public' },
    PRIVATE: { description: '社会办 Privately run (social capital)' },
  },
});

/** 卫生机构类别 (WS 218-2002), grouped into the classes the indicators distinguish. */
export enum InstitutionCategory {
  GENERAL_HOSPITAL = 'GENERAL_HOSPITAL',
  TCM_HOSPITAL = 'TCM_HOSPITAL',
  TCM_SPECIALTY_HOSPITAL = 'TCM_SPECIALTY_HOSPITAL',
  INTEGRATED_HOSPITAL = 'INTEGRATED_HOSPITAL',
  ETHNIC_HOSPITAL = 'ETHNIC_HOSPITAL',
  PSYCHIATRIC_HOSPITAL = 'PSYCHIATRIC_HOSPITAL',
  REHABILITATION_HOSPITAL = 'REHABILITATION_HOSPITAL',
  SPECIALTY_HOSPITAL = 'SPECIALTY_HOSPITAL',
  SANATORIUM = 'SANATORIUM',
  NURSING_HOME = 'NURSING_HOME',
  NURSING_STATION = 'NURSING_STATION',
  COMMUNITY_HEALTH_CENTER = 'COMMUNITY_HEALTH_CENTER',
  COMMUNITY_HEALTH_STATION = 'COMMUNITY_HEALTH_STATION',
  CENTRAL_TOWNSHIP_HEALTH_CENTER = 'CENTRAL_TOWNSHIP_HEALTH_CENTER',
  TOWNSHIP_HEALTH_CENTER = 'TOWNSHIP_HEALTH_CENTER',
  OUTPATIENT_DEPARTMENT = 'OUTPATIENT_DEPARTMENT',
  CLINIC = 'CLINIC',
  VILLAGE_CLINIC = 'VILLAGE_CLINIC',
  EMERGENCY_CENTER = 'EMERGENCY_CENTER',
  MATERNAL_CHILD_HEALTH = 'MATERNAL_CHILD_HEALTH',
  HOSPICE = 'HOSPICE',
  OTHER = 'OTHER',
}
registerEnumType(InstitutionCategory, {
  name: 'InstitutionCategory',
  description: '卫生机构类别 Institution category (WS 218-2002 classes)',
  valuesConfig: {
    GENERAL_HOSPITAL: { description: '综合医院 General hospital (A100)' },
    TCM_HOSPITAL: { description: '中医（综合）医院 TCM hospital (A210)' },
    TCM_SPECIALTY_HOSPITAL: { description: '中医专科医院 TCM specialty hospital (A220–A229)' },
    INTEGRATED_HOSPITAL: { description: '中西医结合医院 Integrated Chinese-Western hospital (A300)' },
    ETHNIC_HOSPITAL: { description: '民族医院 Ethnic-medicine hospital (A411–A419)' },
    PSYCHIATRIC_HOSPITAL: { description: '精神病医院 Psychiatric hospital (A520)' },
    REHABILITATION_HOSPITAL: { description: '康复医院 Rehabilitation hospital (A527)' },
    SPECIALTY_HOSPITAL: { description: '专科医院 Other specialty hospital (A5xx)' },
    SANATORIUM: { description: '疗养院 Sanatorium (A600)' },
    NURSING_HOME: { description: '护理院 Nursing home (A710)' },
    NURSING_STATION: { description: '护理站 Nursing station (A720)' },
    COMMUNITY_HEALTH_CENTER: { description: '社区卫生服务中心 Community health centre (B100)' },
    COMMUNITY_HEALTH_STATION: { description: '社区卫生服务站 Community health station (B200)' },
    CENTRAL_TOWNSHIP_HEALTH_CENTER: { description: '中心卫生院 Central township health centre (C210)' },
    TOWNSHIP_HEALTH_CENTER: { description: '乡卫生院 Township health centre (C220)' },
    OUTPATIENT_DEPARTMENT: { description: '门诊部 Outpatient department (D110–D159)' },
    CLINIC: { description: '诊所 Clinic (D211–D229)' },
    VILLAGE_CLINIC: { description: '村卫生室 Village clinic (D600)' },
    EMERGENCY_CENTER: { description: '急救中心 Emergency centre (E100)' },
    MATERNAL_CHILD_HEALTH: { description: '妇幼保健院 Maternal and child health hospital (G100)' },
    HOSPICE: { description: '安宁疗护中心 Hospice centre (P900, this contract)' },
    OTHER: { description: '其他 Other or unknown category' },
  },
});

export enum PeriodGranularityEnum {
  YEAR = 'YEAR',
  HALF_YEAR = 'HALF_YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
registerEnumType(PeriodGranularityEnum, {
  name: 'PeriodGranularity',
  description: '统计期粒度 Granularity of a period',
  valuesConfig: {
    YEAR: { description: '年 Year, e.g. 2019' },
    HALF_YEAR: { description: '半年 Half-year, e.g. 2019H1' },
    QUARTER: { description: '季度 Quarter, e.g. 2019Q3' },
    MONTH: { description: '月 Month, e.g. 2019-06' },
  },
});
