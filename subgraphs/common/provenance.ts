import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** 数据源状态: how one legacy source fared for one answer. */
export enum SourceStatus {
  OK = 'OK',
  UNREACHABLE = 'UNREACHABLE',
  TIMEOUT = 'TIMEOUT',
  QUERY_FAILED = 'QUERY_FAILED',
}
registerEnumType(SourceStatus, {
  name: 'SourceStatus',
  description: '数据源状态 Status of one legacy source for this answer',
  valuesConfig: {
    OK: { description: '已应答 Answered' },
    UNREACHABLE: { description: '无法连接 Could not be reached' },
    TIMEOUT: { description: '超时 Did not answer within its timeout' },
    QUERY_FAILED: { description: '查询失败 The query failed at the source' },
  },
});

/** Provenance of an answer: one legacy source. */
@Directive('@shareable')
@ObjectType({ description: '数据来源 Source: one legacy database behind an answer, and whether it answered' })
export class SourceReport {
  @Field(() => String, { description: '数据源标识 Source id from the sources configuration' })
  id!: string;

  @Field(() => String, { description: '系统类型 System kind (registry, his_a, his_b, ...)' })
  kind!: string;

  @Field(() => SourceStatus, { description: '状态 Whether the source answered' })
  status!: SourceStatus;

  @Field(() => Int, { description: '涉及机构数 Institutions of the scope this source holds' })
  institutions!: number;

  @Field(() => String, {
    nullable: true,
    description:
      '存储截至日 Last day (yyyy-MM-dd) answered from the measure store for this source; the days after it were read live. Null: read live only',
  })
  storedThrough?: string | null;
}

/** The later of two stored-through days (yyyy-MM-dd or null): how far an answer merged from several came from the store. */
export function laterStoredThrough(
  a: string | null | undefined,
  b: string | null | undefined,
): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}
