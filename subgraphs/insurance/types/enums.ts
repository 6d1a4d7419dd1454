import { registerEnumType } from 'type-graphql';

/** 医疗类别 (setl_d.med_type, the contract's subset); values are the adapter's canonical ones. */
export enum InsuranceMedicalType {
  OUTPATIENT = 'OUTPATIENT',
  EMERGENCY = 'EMERGENCY',
  CHRONIC_OUTPATIENT = 'CHRONIC_OUTPATIENT',
  INPATIENT = 'INPATIENT',
  DAY_SURGERY = 'DAY_SURGERY',
}
registerEnumType(InsuranceMedicalType, {
  name: 'InsuranceMedicalType',
  description: '医疗类别 Medical type of an insurance settlement',
  valuesConfig: {
    OUTPATIENT: { description: '普通门诊 General outpatient (11)' },
    EMERGENCY: { description: '急诊 Emergency (13)' },
    CHRONIC_OUTPATIENT: { description: '门诊慢特病 Outpatient chronic and special diseases (14)' },
    INPATIENT: { description: '普通住院 General inpatient (21)' },
    DAY_SURGERY: { description: '日间手术 Day surgery (2114), counted as inpatient' },
  },
});

/** 险种 (setl_d.insutype). */
export enum InsuranceType {
  EMPLOYEE = 'EMPLOYEE',
  CIVIL_SERVANT = 'CIVIL_SERVANT',
  LARGE_EXPENSE = 'LARGE_EXPENSE',
  RETIRED_CADRE = 'RETIRED_CADRE',
  NCMS = 'NCMS',
  RESIDENT = 'RESIDENT',
  URBAN_RESIDENT = 'URBAN_RESIDENT',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  OTHER = 'OTHER',
}
registerEnumType(InsuranceType, {
  name: 'InsuranceType',
  description: '险种 Insurance type (scheme) of a settlement',
  valuesConfig: {
    EMPLOYEE: { description: '职工基本医疗保险 Employee basic medical insurance (310)' },
    CIVIL_SERVANT: { description: '公务员医疗补助 Civil servant medical subsidy (320)' },
    LARGE_EXPENSE: { description: '大额医疗费用补助 Large medical expense subsidy (330)' },
    RETIRED_CADRE: { description: '离休人员医疗保障 Retired cadre medical security (340)' },
    NCMS: { description: '新型农村合作医疗 New rural cooperative medical scheme (380)' },
    RESIDENT: { description: '城乡居民基本医疗保险 Urban and rural resident basic medical insurance (390)' },
    URBAN_RESIDENT: { description: '城镇居民基本医疗保险 Urban resident basic medical insurance (391)' },
    SERIOUS_ILLNESS: { description: '城乡居民大病医疗保险 Resident serious illness insurance (392)' },
    OTHER: { description: '其他 Other (399, or any other code of the national set)' },
  },
});

/** 医保支付方式 (setl_d.hi_paymtd). */
export enum InsurancePaymentMethod {
  ITEM = 'ITEM',
  SINGLE_DISEASE = 'SINGLE_DISEASE',
  DIP = 'DIP',
  DRG = 'DRG',
  BED_DAY = 'BED_DAY',
  CAPITATION = 'CAPITATION',
  OTHER = 'OTHER',
}
registerEnumType(InsurancePaymentMethod, {
  name: 'InsurancePaymentMethod',
  description: '医保支付方式 Insurance payment method of a settlement',
  valuesConfig: {
    ITEM: { description: '按项目付费 Fee for service, per item (1)' },
    SINGLE_DISEASE: { description: '单病种付费 Single-disease payment (2)' },
    DIP: { description: '按病种分值付费 Diagnosis-intervention packet, DIP (3)' },
    DRG: { description: '按疾病诊断相关分组付费 Diagnosis-related groups, DRG (4)' },
    BED_DAY: { description: '按床日付费 Per bed-day payment (5)' },
    CAPITATION: { description: '按人头/人次付费 Capitation, per person or per visit (6)' },
    OTHER: { description: '其他 Other (9, or any other code)' },
  },
});
