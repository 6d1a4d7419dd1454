import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { ErrorCode, userError } from '../../schema/errors';

/** Page size when `first` is not given, and the most a client may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

@Directive('@shareable')
@ObjectType({ description: '分页信息 Page information of a cursor connection (Relay style)' })
export class PageInfo {
  @Field(() => Boolean, { description: '是否有下一页 Whether more items follow this page' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '末项游标 Cursor of the last item; pass as `after` for the next page',
  })
  endCursor!: string | null;
}

/** A page of a list: edges with opaque cursors, page info, and the total count. */
export interface ConnectionData<T> {
  readonly edges: Array<{ cursor: string; node: T }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:')) throw userError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor (游标无效)');
  return text.slice(2);
}

/**
 * Page through items already ordered by `key` (a stable, unique sort key): `first` items after
 * the cursor `after`. Bad sizes and cursors are BAD_USER_INPUT.
 */
export function paginate<T>(
  items: readonly T[],
  args: { first?: number | null; after?: string | null },
  key: (item: T) => string,
): ConnectionData<T> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw userError(
      ErrorCode.BAD_USER_INPUT,
      `first must be between 0 and ${MAX_PAGE_SIZE} (每页数量超出范围)`,
    );
  }
  let start = 0;
  if (args.after) {
    const after = decodeCursor(args.after);
    const index = items.findIndex((item) => key(item) === after);
    if (index < 0)
      throw userError(ErrorCode.BAD_USER_INPUT, 'Cursor not found in this list (游标不在列表中)');
    start = index + 1;
  }
  const page = items.slice(start, start + first);
  const edges = page.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: start + first < items.length,
    endCursor: edges.length ? edges[edges.length - 1].cursor : null,
  });
  return { edges, pageInfo, totalCount: items.length };
}

/**
 * A Relay connection type for `Node`: `<name>Connection { edges { cursor node } pageInfo totalCount }`.
 * `zh` is the Chinese term of the items, for the descriptions.
 */
export function Connection<T extends object>(
  Node: ClassType<T>,
  name: string,
  zh: string,
): ClassType<ConnectionData<T>> {
  @ObjectType(`${name}Edge`, { description: `${zh}（边） Edge of a ${name} connection: cursor and item` })
  class Edge {
    @Field(() => String, { description: '游标 Opaque cursor of this item' })
    cursor!: string;

    @Field(() => Node, { description: `${zh} The item` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${zh}列表 A page of ${name} items (cursor connection)` })
  class ConnectionType {
    @Field(() => [Edge], { description: '边 The items of this page, with their cursors' })
    edges!: Array<{ cursor: string; node: T }>;

    @Field(() => PageInfo, { description: '分页信息 Page information' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: '总数 Number of items in the whole list (all pages)' })
    totalCount!: number;
  }
  return ConnectionType;
}
