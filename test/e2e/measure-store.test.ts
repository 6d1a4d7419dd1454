import { todayInShanghai } from '../../schema/period';
import { addDays, isoDay } from '../../subgraphs/common/store/days';
import { buildEvaluationFixture, ORG } from '../fixtures/evaluation.fixture';
import { gql } from '../helpers/http';
import { useStack } from '../helpers/stack';
import { institutionMeasures } from '../../subgraphs/institutions/measures/catalog';
import { tempStoreConfig } from '../helpers/store';

/**
 * The measure store end to end: the evaluation forms of the hand-computed fixture
 * (evaluation.fixture.ts) answered from the store are the forms answered live, row for row, with
 * no statement to any HIS; the store is administered through the gateway by administrators only.
 */

const FORM = `query F($form: EvaluationFormCode!, $scope: EvaluationScopeInput!, $period: Period!, $part: String) {
  evaluationForm(form: $form, scope: $scope, period: $period, part: $part) {
    complete sources { id status storedThrough }
    rows { key indicator display previousDisplay value { missing status complete } }
  }
}`;

const STATUS = `{ measureStore {
  enabled database from windowDays refreshing
  run { trigger running started tasksTotal tasksDone rowsWritten failures { sourceId fact failure } }
  states { fact sourceId storedFrom storedThrough lastError }
} }`;

const REFRESH = `mutation R($facts: [String!], $sourceIds: [String!], $rebuild: Boolean) {
  refreshMeasureStore(facts: $facts, sourceIds: $sourceIds, rebuild: $rebuild) {
    trigger started running tasksTotal
  }
}`;

interface Form {
  complete: boolean;
  sources: Array<{ id: string; status: string; storedThrough: string | null }>;
  rows: Array<{ key: string; indicator: string | null; display: string; previousDisplay: string }>;
}

const FORMS: ReadonlyArray<[string, string, string, string | undefined]> = [
  ['T2', 'REGION', '610900', undefined],
  ['T3', 'INSTITUTION', ORG.C3, 'LEAD'],
  ['T4', 'INSTITUTION', ORG.H2, 'LEAD'],
];

describe('the measure store through the gateway (sqlite)', () => {
  const live = useStack(() => buildEvaluationFixture('sqlite', 'hag_storelive'), { store: null });
  const stored = useStack(() => buildEvaluationFixture('sqlite', 'hag_storee2e'), {
    store: tempStoreConfig('hag-e2e-store'),
  });
  /**
   * Statements sent to the sources whose facts the store keeps: HIS, referral and telemedicine by
   * day; public health (chronic management) and family doctors whole per year and half-year. The
   * workforce registry's states on post and dispatch flows are stored too, but its count of
   * physicians practising down is read live (hrm is counted apart below).
   */
  const STORED_KINDS = ['his_a', 'his_b', 'referral', 'telemed', 'phs', 'fds'];
  const his = (): number =>
    stored.sources
      .all()
      .filter((s) => STORED_KINDS.includes(s.config.kind))
      .reduce((n, s) => n + s.statements, 0);

  beforeAll(async () => {
    for (const store of stored.stores) await store.refresher.idle();
  });

  const fill = async (
    url: string,
    [form, kind, code, part]: (typeof FORMS)[number],
    period = '2019',
  ): Promise<Form> => {
    const { body } = await gql(url, FORM, { form, scope: { kind, code }, period, part });
    expect(body.errors).toBeUndefined();
    return (body.data as { evaluationForm: Form }).evaluationForm;
  };

  /** `_measureValues` of a subgraph of `stack` for `requests` (scope, period, measure). */
  const measureValues = async (
    stack: typeof live,
    subgraph: 'alliances' | 'workforce',
    requests: readonly unknown[],
  ): Promise<Array<Record<string, unknown>>> => {
    const { body } = await gql(
      stack.subgraphs[subgraph].url,
      `query V($requests: [MeasureRequestInput!]!) {
        _measureValues(requests: $requests) { scopeCode period measure value complete }
      }`,
      { requests },
    );
    expect(body.errors).toBeUndefined();
    return (body.data as { _measureValues: Array<Record<string, unknown>> })._measureValues;
  };
  const allianceValues = (stack: typeof live, requests: readonly unknown[]): Promise<unknown[]> =>
    measureValues(stack, 'alliances', requests);

  /**
   * The reads of stored rows of `facts` (not of the states and done marks, which name facts too)
   * while `run` runs, by fact name, in order.
   */
  const storedReadsOf = async (
    facts: readonly string[],
    run: (reads: string[]) => Promise<void>,
  ): Promise<void> => {
    const reads: string[] = [];
    const db = stored.stores[0].db;
    const previous = db.onRead;
    db.onRead = (sql, ms, rows, params) => {
      previous?.(sql, ms, rows, params);
      if (/FROM hag_store_(period|month|day)\s+WHERE/.test(sql))
        reads.push(...params.filter((p): p is string => typeof p === 'string' && facts.includes(p)));
    };
    try {
      await run(reads);
    } finally {
      db.onRead = previous;
    }
  };

  test('the startup run filled every fact of every HIS source up to yesterday, without a failure', async () => {
    const { body } = await gql(stored.gateway.url, STATUS, {}, 'admin');
    expect(body.errors).toBeUndefined();
    const s = (body.data as { measureStore: Record<string, unknown> }).measureStore as {
      enabled: boolean;
      run: { trigger: string; running: boolean; tasksTotal: number; tasksDone: number; failures: unknown[] };
      states: Array<{
        fact: string;
        sourceId: string;
        storedFrom: string;
        storedThrough: string;
        lastError: null;
      }>;
    };
    expect(s.enabled).toBe(true);
    expect(s.run).toMatchObject({ trigger: 'STARTUP', running: false, failures: [] });
    expect(s.run.tasksDone).toBe(s.run.tasksTotal);
    const yesterday = isoDay(addDays(todayInShanghai(), -1));
    const visits = s.states.filter((x) => x.fact === 'visits');
    expect(visits.length).toBeGreaterThan(0);
    for (const v of visits)
      expect([v.storedFrom, v.storedThrough, v.lastError]).toEqual(['2018-01-01', yesterday, null]);
    // The alliances subgraph keeps the flow platforms' facts in the same store.
    const flows = s.states.filter((x) => x.fact === 'referrals' || x.fact === 'telemedSessions');
    expect(flows.map((x) => [x.fact, x.sourceId, x.storedThrough, x.lastError]).sort()).toEqual([
      ['referrals', 'referral', yesterday, null],
      ['telemedSessions', 'telemed', yesterday, null],
    ]);
  });

  test.each(FORMS)(
    '%s from the store is the live form, row for row, with no statement to a HIS or flow platform',
    async (...form) => {
      const fromLive = await fill(live.gateway.url, form);
      const before = his();
      const fromStore = await fill(stored.gateway.url, form);
      expect(his() - before).toBe(0);
      expect(fromStore.rows).toEqual(fromLive.rows);
      expect(fromStore.complete).toBe(fromLive.complete);
      const hisSources = fromStore.sources.filter(
        (s) => s.id.startsWith('his') || s.id === 'referral' || s.id === 'telemed',
      );
      expect(hisSources.length).toBeGreaterThan(0);
      // 2019 against 2018: both years from the store, through the period's last day.
      for (const s of hisSources) expect(s.storedThrough).toBe('2019-12-31');
      for (const s of fromLive.sources) expect(s.storedThrough).toBeNull();
    },
  );

  test('表2 of 2019H1 from the store: no statement to the workforce registry, the live form row for row', async () => {
    const hrm = (stack: typeof live): number =>
      stack.sources
        .all()
        .filter((s) => s.config.kind === 'hrm')
        .reduce((n, s) => n + s.statements, 0);
    const ask = async (stack: typeof live): Promise<[number, Form]> => {
      const before = hrm(stack);
      const form = await fill(stack.gateway.url, FORMS[0], '2019H1');
      return [hrm(stack) - before, form];
    };
    const [liveCount, liveForm] = await ask(live);
    const [storedCount, storedForm] = await ask(stored);
    // Live: practitioners on post, GPs on post (which also give the centres with a GP), dispatch
    // flows and the physicians' practice sites; stored, none: the sites are kept per period and the
    // registry's hospital levels applied when answering (physicians practising at a lower level).
    expect([liveCount, storedCount]).toEqual([4, 0]);
    expect(storedForm.rows).toEqual(liveForm.rows);
  });

  test('every discharge measure from the projected roll-ups (keys kept: critical) equals live', async () => {
    const codes = institutionMeasures.filter((m) => m.fact === 'discharges').map((m) => m.code);
    expect(codes.length).toBeGreaterThan(5);
    const scopes = [
      { kind: 'REGION', code: '610900' },
      { kind: 'INSTITUTION', code: ORG.H2 },
    ];
    const requests = scopes.flatMap((scope) =>
      ['2019', '2018'].flatMap((period) => codes.map((measure) => ({ scope, period, measure }))),
    );
    const values = async (stack: typeof live): Promise<unknown[]> => {
      const { body } = await gql(
        stack.subgraphs.institutions.url,
        `query V($requests: [MeasureRequestInput!]!) {
          _measureValues(requests: $requests) { scopeCode period measure value complete }
        }`,
        { requests },
      );
      expect(body.errors).toBeUndefined();
      return (body.data as { _measureValues: unknown[] })._measureValues;
    };
    const fromLive = await values(live);
    const before = his();
    const fromStore = await values(stored);
    expect(his() - before).toBe(0);
    expect(fromStore).toEqual(fromLive);
    // By hand (fixture): the city's 2019 discharges C3 4 + H2 2, one of H2's critical.
    const value = (measure: string): unknown =>
      (fromStore as Array<Record<string, unknown>>).find(
        (v) => v.scopeCode === '610900' && v.period === '2019' && v.measure === measure,
      )?.value;
    expect([value('DISCHARGES'), value('CRITICAL_PATIENTS')]).toEqual([6, 1]);
    // The projected roll-up is what the store holds for the measures: fewer rows than every key's.
    const db = stored.stores[0].db;
    const held = await db.storedPeriods(['discharges', 'discharges~k']);
    expect([...held.keys()].some((k) => k.startsWith('discharges~k|'))).toBe(true);
  });

  test('referral measures read the projected roll-ups unless one counts a disease group; the same values as live', async () => {
    const values = (stack: typeof live, codes: readonly string[]): Promise<unknown[]> =>
      allianceValues(
        stack,
        [
          { kind: 'REGION', code: '610900' },
          { kind: 'INSTITUTION', code: ORG.C3 },
        ].flatMap((scope) => codes.map((measure) => ({ scope, period: '2019', measure }))),
      );
    await storedReadsOf(['referrals', 'referrals~k'], async (reads) => {
      const plain = [
        'REFERRALS_UP',
        'REFERRALS_DOWN',
        'REFERRALS_RECEIVED_UP',
        'REFERRAL_DIRECTION_MISMATCHES',
      ];
      const byDisease = ['REFERRALS_DOWN_CEREBROVASCULAR'];
      // By hand (fixture): the region's 2019 up 2, down 4, received up 3 (R5 R6 R7); C3 down 2
      // (R1 R2), up 0, received up 2 (R5 R7); R1 (I63.9) is the cerebrovascular referral down.
      // Direction mismatches depend on each referral's claimed ZZLX: compared with live only.
      const expected = await values(live, [...plain, ...byDisease]);
      expect(
        (expected as Array<{ scopeCode: string; measure: string; value: number }>)
          .filter((v) => v.measure !== 'REFERRAL_DIRECTION_MISMATCHES')
          .map((v) => `${v.scopeCode} ${v.measure} ${v.value}`),
      ).toEqual([
        '610900 REFERRALS_UP 2',
        '610900 REFERRALS_DOWN 4',
        '610900 REFERRALS_RECEIVED_UP 3',
        '610900 REFERRALS_DOWN_CEREBROVASCULAR 1',
        `${ORG.C3} REFERRALS_UP 0`,
        `${ORG.C3} REFERRALS_DOWN 2`,
        `${ORG.C3} REFERRALS_RECEIVED_UP 2`,
        `${ORG.C3} REFERRALS_DOWN_CEREBROVASCULAR 1`,
      ]);
      expect(await values(stored, plain)).toEqual(expected.filter((_, i) => i % 5 !== 4));
      expect(reads).toEqual(['referrals~k']);
      reads.length = 0;
      expect(await values(stored, [...plain, ...byDisease])).toEqual(expected);
      expect(reads).toEqual(['referrals']);
    });
  });

  test('telemedicine measures read the projected roll-ups, the summaries every key; the same values as live', async () => {
    const region = { kind: 'REGION', code: '610900' };
    const h2 = { kind: 'INSTITUTION', code: ORG.H2 };
    const requests = [
      ...['TELEMED_SESSIONS', 'TELEMED_SESSIONS_PROVIDED', 'TELEMED_COUNTIES'].map((measure) => ({
        scope: region,
        measure,
      })),
      ...[
        'TELEMED_SESSIONS',
        'TELEMED_SESSIONS_PROVIDED',
        'TELEMED_SESSIONS_UPPER',
        'TELEMED_SESSIONS_LOWER',
      ].map((measure) => ({ scope: h2, measure })),
    ].map((r) => ({ ...r, period: '2019' }));
    const values = async (stack: typeof live): Promise<string[]> =>
      ((await allianceValues(stack, requests)) as Array<Record<string, unknown>>).map(
        (v) => `${String(v.scopeCode)} ${String(v.measure)} ${String(v.value)} ${String(v.complete)}`,
      );
    const SUMMARY = `{ institution(orgCode: "${ORG.H2}") {
      telemedicine(period: "2019") { asRequester asProvider byService { service asRequester asProvider } }
    } }`;
    await storedReadsOf(['telemedSessions', 'telemedSessions~k'], async (reads) => {
      // By hand (fixture): 2019 DONE sessions S1 H2→C3, S2 Q2→C3, S3 T1→H2, S6 H2→C3 (IMAGING; the
      // others CONSULT). The region requested 4 and provided 4 (C3 3, H2 1); its counties with a
      // 二/三级 hospital in session with a 三级 hospital outside: 610921, 610922. H2 requested S1 S6,
      // provided S3; with the upper C3 2 (S1 S6), with the lower T1 1 (S3).
      const expected = [
        '610900 TELEMED_SESSIONS 4 true',
        '610900 TELEMED_SESSIONS_PROVIDED 4 true',
        '610900 TELEMED_COUNTIES 2 true',
        `${ORG.H2} TELEMED_SESSIONS 2 true`,
        `${ORG.H2} TELEMED_SESSIONS_PROVIDED 1 true`,
        `${ORG.H2} TELEMED_SESSIONS_UPPER 2 true`,
        `${ORG.H2} TELEMED_SESSIONS_LOWER 1 true`,
      ];
      expect(await values(live)).toEqual(expected);
      expect(await values(stored)).toEqual(expected);
      // One read for the flow and the registry-fact measures, of the two parties only.
      expect(reads).toEqual(['telemedSessions~k']);
      reads.length = 0;
      // The summary breaks sessions down by service: every key is read.
      const summary = { asRequester: 2, asProvider: 1 };
      const byService = [
        { service: 'CONSULT', asRequester: 1, asProvider: 1 },
        { service: 'IMAGING', asRequester: 1, asProvider: 0 },
      ];
      for (const stack of [live, stored]) {
        const { body } = await gql(stack.gateway.url, SUMMARY);
        expect(body.errors).toBeUndefined();
        const got = (
          body.data as { institution: { telemedicine: typeof summary & { byService: unknown[] } } }
        ).institution.telemedicine;
        expect(got).toMatchObject(summary);
        expect(got.byService).toEqual(expect.arrayContaining(byService));
      }
      expect(reads).toEqual(['telemedSessions']);
    });
  });

  test('workforce measures read the practitioners per institution, the summary by category and title; the same values as live', async () => {
    const region = { kind: 'REGION', code: '610900' };
    const requests = [
      ...['PRACTITIONERS_ON_POST', 'MULTI_SITE_PHYSICIANS', 'PRIMARY_CARE_STAFF_ON_POST'].map((measure) => ({
        scope: region,
        measure,
        period: '2019H1',
      })),
      ...['PRACTITIONERS_ON_POST', 'MULTI_SITE_PRACTITIONERS'].map((measure) => ({
        scope: region,
        measure,
        period: '2019',
      })),
    ];
    const values = async (stack: typeof live): Promise<string[]> =>
      (await measureValues(stack, 'workforce', requests)).map(
        (v) => `${String(v.period)} ${String(v.measure)} ${String(v.value)} ${String(v.complete)}`,
      );
    const SUMMARY = `{ region(code: "610900") { workforce(period: "2019") {
      practitionersOnPost multiSitePractitioners practitionersByCategory { category count }
    } } }`;
    await storedReadsOf(['practitionersOnPost', 'practitionersOnPostTotals'], async (reads) => {
      // By hand (fixture): on post at 2019-06-30 G1 (T1), G2 (T2, since 03-01) and D1 (C3), G3 (H2)
      // having left on 06-01: 3, two of them at the townships T1 T2; the same three at 2019-12-31.
      // No practice site in the fixture: none with a 'MULTI' one (the adapter test tells them apart).
      const expected = [
        '2019H1 PRACTITIONERS_ON_POST 3 true',
        '2019H1 MULTI_SITE_PHYSICIANS 0 true',
        '2019H1 PRIMARY_CARE_STAFF_ON_POST 2 true',
        '2019 PRACTITIONERS_ON_POST 3 true',
        '2019 MULTI_SITE_PRACTITIONERS 0 true',
      ];
      expect(await values(live)).toEqual(expected);
      expect(await values(stored)).toEqual(expected);
      // One read of the totals per institution for every measure, primary care's included.
      expect(reads).toEqual(['practitionersOnPostTotals']);
      reads.length = 0;
      // The summary breaks the practitioners down by category and title: the rows that keep them.
      for (const stack of [live, stored]) {
        const { body } = await gql(stack.gateway.url, SUMMARY);
        expect(body.errors).toBeUndefined();
        expect(body.data).toMatchObject({
          region: {
            workforce: {
              practitionersOnPost: 3,
              multiSitePractitioners: 0,
              practitionersByCategory: [
                { category: 'CLINICAL', count: 2 },
                { category: 'TCM', count: 1 },
              ],
            },
          },
        });
      }
      expect(reads).toEqual(['practitionersOnPost']);
    });
  });

  test('hand-computed rows still hold from the store (表2 636, 表3 947)', async () => {
    const t2 = await fill(stored.gateway.url, FORMS[0]);
    const t3 = await fill(stored.gateway.url, FORMS[1]);
    const row = (f: Form, key: string): [string, string] => {
      const r = f.rows.find((x) => x.key === key)!;
      return [r.display, r.previousDisplay];
    };
    expect(row(t2, '636')).toEqual(['107.14', '90.00']); // 1500 / 14; 2018 90
    expect(row(t3, '947')).toEqual(['4', '1']); // d1–d4; 2018 d5
    // 表2's referral and telemedicine rows came from the store too.
    expect(t2.sources.filter((s) => s.id === 'referral' || s.id === 'telemed')).toEqual([
      { id: 'referral', status: 'OK', storedThrough: '2019-12-31' },
      { id: 'telemed', status: 'OK', storedThrough: '2019-12-31' },
    ]);
  });

  test('an administrator starts a refresh and watches it; nobody else may', async () => {
    const { body } = await gql(stored.gateway.url, REFRESH, { facts: ['visits'] }, 'admin');
    expect(body.errors).toBeUndefined();
    expect((body.data as { refreshMeasureStore: unknown }).refreshMeasureStore).toMatchObject({
      trigger: 'ADMIN',
      started: true,
    });
    await stored.store!.refresher.idle();
    const after = await gql(stored.gateway.url, STATUS, {}, 'admin');
    expect((after.body.data as { measureStore: { run: unknown } }).measureStore.run).toMatchObject({
      trigger: 'ADMIN',
      running: false,
      failures: [],
    });
    // Apps send registered operations only: theirs is refused before it reaches the store.
    const app = await gql(stored.gateway.url, REFRESH, {}, 'app');
    expect(app.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    for (const caller of ['city', 'national'] as const) {
      const refused = await gql(stored.gateway.url, REFRESH, {}, caller);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const status = await gql(stored.gateway.url, STATUS, {}, caller);
      expect(status.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await gql(stored.gateway.url, STATUS, {}, null);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test("one administrator request refreshes every subgraph's facts of this process, and is watched as one run", async () => {
    const { body } = await gql(
      stored.gateway.url,
      REFRESH,
      { facts: ['referrals', 'telemedSessions'] },
      'admin',
    );
    expect(body.errors).toBeUndefined();
    // The alliances subgraph's store runs them: one (fact, source) pair each.
    expect((body.data as { refreshMeasureStore: unknown }).refreshMeasureStore).toMatchObject({
      trigger: 'ADMIN',
      started: true,
      tasksTotal: 2,
    });
    for (const store of stored.stores) await store.refresher.idle();
    const after = await gql(stored.gateway.url, STATUS, {}, 'admin');
    const run = (after.body.data as { measureStore: { run: Record<string, unknown> } }).measureStore.run;
    expect(run).toMatchObject({
      trigger: 'ADMIN',
      running: false,
      tasksTotal: 2,
      tasksDone: 2,
      failures: [],
    });
  });

  test('bad arguments and a stack without a store get stable codes', async () => {
    const badFact = await gql(stored.gateway.url, REFRESH, { facts: ['patients'] }, 'admin');
    expect(badFact.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badSource = await gql(stored.gateway.url, REFRESH, { sourceIds: ['nope'] }, 'admin');
    expect(badSource.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await gql(live.gateway.url, REFRESH, {}, 'admin');
    expect(none.body.errors?.[0]?.extensions?.code).toBe('STORE_NOT_CONFIGURED');
    const status = await gql(live.gateway.url, STATUS, {}, 'admin');
    expect((status.body.data as { measureStore: { enabled: boolean } }).measureStore.enabled).toBe(false);
  });
});
