import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SourceReport } from '../../common/provenance';
import { InsuranceMedicalType, InsurancePaymentMethod, InsuranceType } from './enums';
import { RegionRef } from './references';

@ObjectType('InsuranceMedicalTypeLine', {
  description: '按医疗类别 Valid settlements of one medical type',
})
export class InsuranceMedicalTypeLine {
  @Field(() => InsuranceMedicalType, {
    nullable: true,
    description: '医疗类别 Medical type; null when the code is empty or outside the contract (未知 unknown)',
  })
  medicalType!: InsuranceMedicalType | null;

  @Field(() => Int, { description: '结算人次 Valid settlements' })
  settlements!: number;

  @Field(() => Float, { description: '医疗费总额 Total medical fees (yuan 元)' })
  medfeeSum!: number;

  @Field(() => Float, { description: '基金支付 Paid by the insurance fund (yuan 元)' })
  fundPay!: number;

  @Field(() => Float, { description: '个人负担 Paid by the insured (yuan 元)' })
  personalPay!: number;
}

@ObjectType('InsurancePaymentMethodLine', {
  description: '按支付方式 Valid settlements of one payment method',
})
export class InsurancePaymentMethodLine {
  @Field(() => InsurancePaymentMethod, {
    nullable: true,
    description: '支付方式 Payment method; null when empty (未知 unknown)',
  })
  paymentMethod!: InsurancePaymentMethod | null;

  @Field(() => Int, { description: '结算人次 Valid settlements' })
  settlements!: number;

  @Field(() => Float, { description: '医疗费总额 Total medical fees (yuan 元)' })
  medfeeSum!: number;

  @Field(() => Float, { description: '基金支付 Paid by the insurance fund (yuan 元)' })
  fundPay!: number;

  @Field(() => Float, { description: '个人负担 Paid by the insured (yuan 元)' })
  personalPay!: number;
}

@ObjectType('InsuranceTypeLine', { description: '按险种 Valid settlements of one insurance type' })
export class InsuranceTypeLine {
  @Field(() => InsuranceType, {
    nullable: true,
    description: '险种 Insurance type; null when empty (未知 unknown)',
  })
  insuranceType!: InsuranceType | null;

  @Field(() => Int, { description: '结算人次 Valid settlements' })
  settlements!: number;

  @Field(() => Float, { description: '医疗费总额 Total medical fees (yuan 元)' })
  medfeeSum!: number;

  @Field(() => Float, { description: '基金支付 Paid by the insurance fund (yuan 元)' })
  fundPay!: number;

  @Field(() => Float, { description: '个人负担 Paid by the insured (yuan 元)' })
  personalPay!: number;
}

@ObjectType('InsuranceInCountyRate', {
  description:
    '县域内就诊率 In-county treatment rate of the insured of a county (or, summed, of a region): 1 − inpatient settlements at institutions outside the insured county / all inpatient settlements, × 100 %',
})
export class InsuranceInCountyRate {
  @Field(() => RegionRef, {
    description: '区划 The county (for a summed rate: the region whose counties are summed)',
  })
  region!: RegionRef;

  @Field(() => Int, {
    description:
      '县域内住院患者转出人次数 Numerator: valid inpatient settlements of the insured at institutions outside their county (unplaced ones included)',
  })
  numerator!: number;

  @Field(() => Int, {
    description: '同期县域内患者住院总人次数 Denominator: all valid inpatient settlements of the insured',
  })
  denominator!: number;

  @Field(() => Float, {
    nullable: true,
    description: '县域内就诊率 Value in percent (%); null without any inpatient settlement',
  })
  value!: number | null;

  @Field(() => Int, {
    description:
      '无法定位 Settlements whose institution code could not be placed (malformed), counted outside',
  })
  unplaced!: number;
}

@ObjectType('InsuranceSummary', {
  description:
    '医保结算汇总 Aggregates of valid insurance settlements (reversed 冲销 ones never count) for a region (its insured) or an institution (settled there) and a period; never one settlement or person. Numbers are null when no insurance source answered (未统计, not zero).',
})
export class InsuranceSummary {
  @Field(() => String, { description: '统计期 Period identifier, e.g. 2019H1' })
  period!: string;

  @Field(() => Int, { nullable: true, description: '结算人次 Valid settlements' })
  settlements!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '住院结算人次 Valid inpatient settlements (普通住院 and 日间手术)',
  })
  inpatientSettlements!: number | null;

  @Field(() => Float, { nullable: true, description: '医疗费总额 Total medical fees (yuan 元)' })
  medfeeSum!: number | null;

  @Field(() => Float, { nullable: true, description: '基金支付总额 Paid by the insurance fund (yuan 元)' })
  fundPay!: number | null;

  @Field(() => Float, { nullable: true, description: '个人负担 Paid by the insured (yuan 元)' })
  personalPay!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '基金支付占比 Fund share: fund pay / medical fees × 100 (%); null without fees',
  })
  fundShare!: number | null;

  @Field(() => Int, { nullable: true, description: '转诊转院结算人次 Settlements of referred patients' })
  referralSettlements!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '起付线连续计算结算人次 Settlements with the deductible calculated continuously',
  })
  continuousDeductibleSettlements!: number | null;

  @Field(() => [InsuranceMedicalTypeLine], {
    nullable: true,
    description: '按医疗类别 Breakdown by medical type (declared order, unknown last)',
  })
  byMedicalType!: InsuranceMedicalTypeLine[] | null;

  @Field(() => [InsurancePaymentMethodLine], {
    nullable: true,
    description: '按支付方式 Breakdown by payment method (declared order, unknown last)',
  })
  byPaymentMethod!: InsurancePaymentMethodLine[] | null;

  @Field(() => [InsuranceTypeLine], {
    nullable: true,
    description: '按险种 Breakdown by insurance type (declared order, unknown last)',
  })
  byInsuranceType!: InsuranceTypeLine[] | null;

  @Field(() => InsuranceInCountyRate, {
    nullable: true,
    description:
      '县域内就诊率 In-county treatment rate: of the county itself, or for a city/province the components of its counties summed; null for an institution',
  })
  inCountyRate!: InsuranceInCountyRate | null;

  @Field(() => [InsuranceInCountyRate], {
    nullable: true,
    description:
      '各县县域内就诊率 In-county treatment rate of each county of the region, by code; null for an institution',
  })
  countyRates!: InsuranceInCountyRate[] | null;

  @Field(() => Boolean, { description: '是否完整 True when every insurance source answered' })
  complete!: boolean;

  @Field(() => [SourceReport], { description: '数据来源 Insurance sources behind the numbers' })
  sources!: SourceReport[];
}
