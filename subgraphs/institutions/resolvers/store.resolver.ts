import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ErrorCode, userError } from '../../../schema/errors';
import { STORE_ADMIN_ROLE } from '../../../security/principal';
import { addDays, isoDay } from '../../common/store/days';
import { storesSharing } from '../../common/store/open';
import { mergeRuns } from '../../common/store/refresher';
import type { RunProgress } from '../../common/store/refresher';
import type { InstitutionsContext } from '../context';
import type { InstitutionsStore } from '../store';
import { MeasureStoreStatus, StoreFactState, StoreRun, StoreRunFailure } from '../store/types';

const iso = (day: string | null): string | null => (day ? isoDay(day) : null);

function runOf(p: RunProgress, started: boolean): StoreRun {
  return Object.assign(new StoreRun(), {
    ...p,
    running: p.finishedAt === null,
    started,
    failures: p.failures.map((f) => Object.assign(new StoreRunFailure(), f)),
  });
}

function storeOf(ctx: InstitutionsContext): InstitutionsStore {
  const store = ctx.services.store;
  if (!store)
    throw userError(
      ErrorCode.STORE_NOT_CONFIGURED,
      'No measure store is configured: every answer is computed live (未配置度量存储)',
    );
  return store;
}

/** 度量存储管理 The measure store's administration: status and refresh, for administrators only. */
@Resolver()
export class StoreResolver {
  @Authorized(STORE_ADMIN_ROLE)
  @Query(() => MeasureStoreStatus, {
    description:
      '度量存储状态 The measure store: configuration, current run with progress, per (fact, source) state (administrators)',
  })
  async measureStore(@Ctx() ctx: InstitutionsContext): Promise<MeasureStoreStatus> {
    const store = ctx.services.store;
    if (!store)
      return Object.assign(new MeasureStoreStatus(), {
        enabled: false,
        database: null,
        from: null,
        windowDays: null,
        refreshMinutes: null,
        refreshing: false,
        run: null,
        states: [],
      });
    const last = mergeRuns(storesSharing(store).map((s) => s.refresher.lastRun()));
    const states = (await store.db.states()).sort(
      (a, b) => a.sourceId.localeCompare(b.sourceId) || a.fact.localeCompare(b.fact),
    );
    return Object.assign(new MeasureStoreStatus(), {
      enabled: true,
      database: store.config.url.startsWith('sqlite:') ? 'sqlite' : 'mysql',
      from: iso(store.config.from),
      windowDays: store.config.windowDays,
      refreshMinutes: store.config.refreshMinutes,
      refreshing: store.config.refresh,
      run: last ? runOf(last, false) : null,
      states: states.map((s) =>
        Object.assign(new StoreFactState(), {
          fact: s.fact,
          sourceId: s.sourceId,
          storedFrom: iso(s.storedFrom),
          storedThrough: s.storedTo ? iso(addDays(s.storedTo, -1)) : null,
          verifiedTo: iso(s.verifiedTo),
          refreshedAt: s.refreshedAt,
          verifiedAt: s.verifiedAt,
          lastError: s.lastError,
        }),
      ),
    });
  }

  @Authorized(STORE_ADMIN_ROLE)
  @Mutation(() => StoreRun, {
    description:
      '刷新度量存储 Start a refresh of the measure store now (fill, window, verification) and return its progress; if one is running, its progress (administrators)',
  })
  refreshMeasureStore(
    @Ctx() ctx: InstitutionsContext,
    @Arg('sourceIds', () => [String], {
      nullable: true,
      description: '数据源 Only these sources (default: every source holding a stored fact)',
    })
    sourceIds: string[] | null,
    @Arg('facts', () => [String], {
      nullable: true,
      description: '事实 Only these facts, e.g. ["visits"] (default: all)',
    })
    facts: string[] | null,
    @Arg('rebuild', () => Boolean, {
      defaultValue: false,
      description: '重建 Forget what is stored and fill again from the first day',
    })
    rebuild: boolean,
  ): StoreRun {
    const store = storeOf(ctx);
    const known = new Set(ctx.services.sources.all().map((s) => s.id));
    const badSource = (sourceIds ?? []).find((id) => !known.has(id));
    if (badSource !== undefined)
      throw userError(ErrorCode.BAD_USER_INPUT, `Unknown source ${badSource.slice(0, 64)} (数据源不存在)`);
    const stores = storesSharing(store);
    const names = new Set(stores.flatMap((s) => s.specs.map((f) => f.name)));
    const badFact = (facts ?? []).find((f) => !names.has(f));
    if (badFact !== undefined)
      throw userError(
        ErrorCode.BAD_USER_INPUT,
        `Unknown stored fact ${badFact.slice(0, 64)}; one of ${[...names].join(', ')} (事实不存在)`,
      );
    // Every store of this process on this database runs the facts it keeps of those asked, as one group.
    const group = `ADMIN-${randomUUID()}`;
    const runs = stores
      .filter((s) => !facts || s.specs.some((f) => facts.includes(f.name)))
      .map((s) =>
        s.refresher.trigger({
          trigger: 'ADMIN',
          group,
          rebuild,
          ...(sourceIds ? { sourceIds } : {}),
          ...(facts ? { facts } : {}),
        }),
      );
    return runOf(
      mergeRuns(runs.map((r) => r.progress))!,
      runs.some((r) => r.started),
    );
  }
}
