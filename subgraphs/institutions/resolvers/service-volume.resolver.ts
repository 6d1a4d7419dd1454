import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requiredFaceToFaceFollowUps } from '../../../adapters/phs/codes';
import type { Coverage } from '../facts';
import type { InstitutionsContext } from '../context';
import { ratio, total } from '../service-volume';
import type { VolumeKey } from '../service-volume';
import {
  BedVolume,
  ChronicDiseaseKind,
  ChronicDiseaseManagement,
  ChronicManagement,
  CtReportTime,
  InpatientVolume,
  ServiceVolume,
  SurgeryGradeCount,
  SurgeryVolume,
  TwoWeekSurvey,
  VisitVolume,
} from '../types/service-volume';
import { SourceReport } from '../../common/provenance';

function keyOf(v: ServiceVolume): VolumeKey {
  return { scopeKind: v.scopeKind, scopeCode: v.scopeCode, period: v.period };
}

function provenance(c: Coverage): { complete: boolean; sources: SourceReport[] } {
  return {
    complete: c.complete,
    sources: c.sources.map((s) => Object.assign(new SourceReport(), s)),
  };
}

const GRADE_ORDER = (g: number | null): number => g ?? 99;

/** The parts of a service volume, each loaded by (scope, period) in one batch per operation. */
@Resolver(() => ServiceVolume)
export class ServiceVolumeResolver {
  @FieldResolver(() => VisitVolume, { description: '诊疗人次 Outpatient and emergency visits (HIS)' })
  async visits(@Root() v: ServiceVolume, @Ctx() ctx: InstitutionsContext): Promise<VisitVolume> {
    const c = await ctx.volumes.visits.load(keyOf(v));
    const visits = total(c, (r) => r.visits);
    const feeTotal = total(c, (r) => r.feeTotal);
    const averageFee = ratio(feeTotal, visits);
    return Object.assign(new VisitVolume(), provenance(c.coverage), {
      total: visits,
      outpatient: total(c, (r) => r.visits - r.emergencyVisits),
      emergency: total(c, (r) => r.emergencyVisits),
      tcm: total(c, (r) => r.tcmVisits),
      feeTotal: feeTotal === null ? null : Math.round(feeTotal * 100) / 100,
      averageFee: averageFee === null ? null : Math.round(averageFee * 100) / 100,
    });
  }

  @FieldResolver(() => InpatientVolume, {
    description: '出院患者 Discharges, stays, critical patients, rescues and fees (HIS)',
  })
  async inpatient(@Root() v: ServiceVolume, @Ctx() ctx: InstitutionsContext): Promise<InpatientVolume> {
    const c = await ctx.volumes.discharges.load(keyOf(v));
    const discharges = total(c, (r) => r.discharges);
    const stayDays = total(c, (r) => r.stayDays);
    const feeTotal = total(c, (r) => r.feeTotal);
    const averageFee = ratio(feeTotal, discharges);
    return Object.assign(new InpatientVolume(), provenance(c.coverage), {
      discharges,
      stayDays,
      averageStay: ratio(stayDays, discharges),
      criticalPatients: total(c, (r) => (r.critical ? r.discharges : 0)),
      rescues: total(c, (r) => r.rescues),
      feeTotal: feeTotal === null ? null : Math.round(feeTotal * 100) / 100,
      averageFee: averageFee === null ? null : Math.round(averageFee * 100) / 100,
    });
  }

  @FieldResolver(() => BedVolume, {
    description: '床日 Open and occupied bed days, occupancy (HIS bed census)',
  })
  async beds(@Root() v: ServiceVolume, @Ctx() ctx: InstitutionsContext): Promise<BedVolume> {
    const c = await ctx.volumes.beds.load(keyOf(v));
    const open = total(c, (r) => r.openBedDays);
    const occupied = total(c, (r) => r.occupiedBedDays);
    return Object.assign(new BedVolume(), provenance(c.coverage), {
      openBedDays: open,
      occupiedBedDays: occupied,
      occupancyRate: ratio(occupied, open, 100),
    });
  }

  @FieldResolver(() => SurgeryVolume, {
    description: '手术 Surgeries by grade, day and elective surgeries (HIS)',
  })
  async surgeries(@Root() v: ServiceVolume, @Ctx() ctx: InstitutionsContext): Promise<SurgeryVolume> {
    const c = await ctx.volumes.surgeries.load(keyOf(v));
    const byGrade = new Map<number | null, number>();
    for (const r of c.rows) byGrade.set(r.grade, (byGrade.get(r.grade) ?? 0) + r.count);
    return Object.assign(new SurgeryVolume(), provenance(c.coverage), {
      total: total(c, (r) => r.count),
      byGrade: c.coverage.counted
        ? [...byGrade]
            .filter(([, n]) => n > 0)
            .sort(([a], [b]) => GRADE_ORDER(a) - GRADE_ORDER(b))
            .map(([grade, count]) => Object.assign(new SurgeryGradeCount(), { grade, count }))
        : null,
      daySurgeries: total(c, (r) => (r.dayCase ? r.count : 0)),
      electiveSurgeries: total(c, (r) => (r.elective ? r.count : 0)),
    });
  }

  @FieldResolver(() => CtReportTime, { description: 'CT平均出报告时间 Outpatient CT report time (LIS/RIS)' })
  async ctReportTime(@Root() v: ServiceVolume, @Ctx() ctx: InstitutionsContext): Promise<CtReportTime> {
    const c = await ctx.volumes.ct.load(keyOf(v));
    const studies = total(c, (r) => r.reportedStudies);
    const minutes = total(c, (r) => r.reportMinutes);
    return Object.assign(new CtReportTime(), provenance(c.coverage), {
      reportedStudies: studies,
      totalMinutes: minutes,
      averageMinutes: ratio(minutes, studies),
    });
  }

  @FieldResolver(() => ChronicManagement, {
    description: '慢病管理 Hypertension and diabetes management, by managing institution (public health)',
  })
  async chronicManagement(
    @Root() v: ServiceVolume,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<ChronicManagement> {
    const c = await ctx.volumes.chronic.load(keyOf(v));
    const diseases = [ChronicDiseaseKind.HYPERTENSION, ChronicDiseaseKind.DIABETES_T2].map((disease) => {
      const rows = { rows: c.rows.filter((r) => r.disease === disease), coverage: c.coverage };
      return Object.assign(new ChronicDiseaseManagement(), {
        disease,
        managed: total(rows, (r) => r.managed),
        standardized: total(rows, (r) => r.standardizedManaged),
        requiredFollowUps: requiredFaceToFaceFollowUps(v.period),
      });
    });
    return Object.assign(new ChronicManagement(), provenance(c.coverage), { diseases });
  }

  @FieldResolver(() => TwoWeekSurvey, {
    nullable: true,
    description:
      '两周患病就诊调查 Two-week survey of the residents (regions and whole-year periods only; null otherwise)',
  })
  async twoWeekSurvey(
    @Root() v: ServiceVolume,
    @Ctx() ctx: InstitutionsContext,
  ): Promise<TwoWeekSurvey | null> {
    const c = await ctx.volumes.survey.load(keyOf(v));
    if (!c) return null;
    return Object.assign(new TwoWeekSurvey(), provenance(c.coverage), {
      year: v.period.year,
      responses: total(c, (r) => r.responses),
      visits: total(c, (r) => r.visits),
      primaryFirstVisits: total(c, (r) => r.primaryFirstVisits),
    });
  }
}
