import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '度量存储失败 One failure of a measure-store run' })
export class StoreRunFailure {
  @Field(() => String, { description: '数据源标识 Source id' })
  sourceId!: string;

  @Field(() => String, { description: '事实 Fact, e.g. visits' })
  fact!: string;

  @Field(() => String, { description: '原因 UNREACHABLE, TIMEOUT, QUERY_FAILED or STORE_FAILED' })
  failure!: string;

  @Field(() => String, { description: '时间 When (ISO 8601)' })
  at!: string;
}

@ObjectType({ description: '度量存储刷新 One refresh run of the measure store and its progress' })
export class StoreRun {
  @Field(() => Int, { description: '编号 Run number since the subgraph started' })
  id!: number;

  @Field(() => String, { description: '触发 STARTUP, SCHEDULE or ADMIN' })
  trigger!: string;

  @Field(() => Boolean, { description: '进行中 Whether the run is still going' })
  running!: boolean;

  @Field(() => Boolean, {
    description: '本次启动 True when this call started the run; false when it reports a run already going',
  })
  started!: boolean;

  @Field(() => String, { description: '开始时间 Started at (ISO 8601)' })
  startedAt!: string;

  @Field(() => String, { nullable: true, description: '结束时间 Finished at (ISO 8601); null while running' })
  finishedAt!: string | null;

  @Field(() => Int, { description: '任务总数 (fact, source) pairs of the run' })
  tasksTotal!: number;

  @Field(() => Int, { description: '已完成任务 Pairs done' })
  tasksDone!: number;

  @Field(() => Int, { description: '已写入批次 Fill statements answered and written' })
  piecesDone!: number;

  @Field(() => Int, { description: '写入行数 Aggregate rows written' })
  rowsWritten!: number;

  @Field(() => Int, { description: '已核对天数 Older days verified against the sources' })
  daysVerified!: number;

  @Field(() => Int, {
    description: '重新汇总天数 Days (months for monthly facts) found different and re-aggregated',
  })
  daysReaggregated!: number;

  @Field(() => [StoreRunFailure], { description: '失败 Failures (the source is retried on the next run)' })
  failures!: StoreRunFailure[];
}

@ObjectType({ description: '存储状态 How far one fact of one source is stored and verified' })
export class StoreFactState {
  @Field(() => String, { description: '事实 Fact, e.g. visits' })
  fact!: string;

  @Field(() => String, { description: '数据源标识 Source id' })
  sourceId!: string;

  @Field(() => String, { nullable: true, description: '存储起始日 First day stored (yyyy-MM-dd)' })
  storedFrom!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '存储截至日 Last day stored (yyyy-MM-dd); later days are answered live',
  })
  storedThrough!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '核对至 Verification reached this day (exclusive, yyyy-MM-dd)',
  })
  verifiedTo!: string | null;

  @Field(() => String, { nullable: true, description: '最近刷新 Last refreshed at (ISO 8601)' })
  refreshedAt!: string | null;

  @Field(() => String, { nullable: true, description: '最近核对 Last verified at (ISO 8601)' })
  verifiedAt!: string | null;

  @Field(() => String, { nullable: true, description: '最近错误 Last failure, cleared by the next success' })
  lastError!: string | null;
}

@ObjectType({
  description: '度量存储 The measure store: configuration, current run, and per (fact, source) state',
})
export class MeasureStoreStatus {
  @Field(() => Boolean, { description: '已启用 Whether a store is configured (else every answer is live)' })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: '数据库类型 sqlite or mysql' })
  database!: string | null;

  @Field(() => String, { nullable: true, description: '存储起始日 Configured first day (yyyy-MM-dd)' })
  from!: string | null;

  @Field(() => Int, { nullable: true, description: '刷新窗口 Recent days re-aggregated on every refresh' })
  windowDays!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '刷新间隔 Minutes between background refreshes (0: on demand)',
  })
  refreshMinutes!: number | null;

  @Field(() => Boolean, {
    description: '本进程刷新 Whether this process refreshes (one refresher per shared store)',
  })
  refreshing!: boolean;

  @Field(() => StoreRun, { nullable: true, description: '当前或最近一次刷新 The current or last run' })
  run!: StoreRun | null;

  @Field(() => [StoreFactState], { description: '存储状态 Per (fact, source)' })
  states!: StoreFactState[];
}
