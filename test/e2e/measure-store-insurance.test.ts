/**
 * Settlements from the measure store, end to end: the insurance answers of the hand-computed ins
 * fixture (hrm-ins.fixture.ts, S01 … S20) come from the store with no statement to the insurance
 * database, equal to the live answers, and say up to which day they came from the store.
 */
import { buildInsuranceFixture, INS_ORG } from '../fixtures/insurance.fixture';
import { gql } from '../helpers/http';
import { useStack } from '../helpers/stack';
import { tempStoreConfig } from '../helpers/store';

const SUMMARY = `
  settlements inpatientSettlements medfeeSum fundPay personalPay
  referralSettlements continuousDeductibleSettlements
  inCountyRate { numerator denominator value unplaced }
  byMedicalType { medicalType settlements medfeeSum }
  byPaymentMethod { paymentMethod settlements }
  complete
  sources { id status storedThrough }
`;

const QUERY = `query Q($code: DivisionCode!, $org: OrgCode!, $period: Period!) {
  region(code: $code) { insurance(period: $period) { ${SUMMARY} } }
  institution(orgCode: $org) { insurance(period: $period) { ${SUMMARY} } }
}`;

const STATUS = `{ measureStore { states { fact sourceId storedFrom storedThrough lastError } } }`;

interface Summary {
  settlements: number;
  sources: Array<{ id: string; status: string; storedThrough: string | null }>;
}
type Answer = { region: { insurance: Summary }; institution: { insurance: Summary } };

describe('settlements from the measure store (sqlite)', () => {
  const live = useStack(() => buildInsuranceFixture('sqlite', 'hag_insstorelive'), { store: null });
  const stored = useStack(() => buildInsuranceFixture('sqlite', 'hag_insstore'), {
    store: tempStoreConfig('hag-e2e-ins-store'),
  });
  const insStatements = (): number =>
    stored.sources
      .all()
      .filter((s) => s.config.kind === 'ins')
      .reduce((n, s) => n + s.statements, 0);

  beforeAll(async () => {
    for (const store of stored.stores) await store.refresher.idle();
  });

  const ask = async (url: string, period: string): Promise<Answer> => {
    const { body } = await gql(url, QUERY, { code: '610921', org: INS_ORG.H2, period });
    expect(body.errors).toBeUndefined();
    return body.data as Answer;
  };

  test('the insurance subgraph keeps its own fact, settlements, beside the HIS facts', async () => {
    const { body } = await gql(stored.gateway.url, STATUS, {}, 'admin');
    expect(body.errors).toBeUndefined();
    const states = (body.data as { measureStore: { states: Array<Record<string, unknown>> } }).measureStore
      .states;
    const settlements = states.filter((s) => s.fact === 'settlements');
    // A month-grain fact: stored through the last day of the last closed month.
    expect(settlements).toEqual([
      expect.objectContaining({ sourceId: 'ins', storedFrom: '2018-01-01', lastError: null }),
    ]);
    expect(String(settlements[0].storedThrough)).toMatch(/^\d{4}-\d{2}-(28|29|30|31)$/);
  });

  test.each(['2019', '2019H1', '2018', '2019-03'])(
    '%s: the live answers, with no statement to the insurance database',
    async (period) => {
      const fromLive = await ask(live.gateway.url, period);
      const before = insStatements();
      const fromStore = await ask(stored.gateway.url, period);
      expect(insStatements() - before).toBe(0);
      const strip = (a: Answer): unknown => ({
        region: { ...a.region.insurance, sources: a.region.insurance.sources.map((s) => s.status) },
        institution: {
          ...a.institution.insurance,
          sources: a.institution.insurance.sources.map((s) => s.status),
        },
      });
      expect(strip(fromStore)).toEqual(strip(fromLive));
      for (const s of fromLive.region.insurance.sources) expect(s.storedThrough).toBeNull();
    },
  );

  test('hand-computed values hold from the store, and the answer says how far it came from it', async () => {
    const a = await ask(stored.gateway.url, '2019');
    // 汉阴县 2019: 15 valid settlements of its insured; 县域内就诊率 1 − 4/10 (insurance.test.ts).
    expect(a.region.insurance).toMatchObject({
      settlements: 15,
      inCountyRate: { numerator: 4, denominator: 10, value: 60, unplaced: 1 },
      complete: true,
      sources: [{ id: 'ins', status: 'OK', storedThrough: '2019-12-31' }],
    });
    const h1 = await ask(stored.gateway.url, '2019H1');
    expect(h1.region.insurance.sources).toEqual([{ id: 'ins', status: 'OK', storedThrough: '2019-06-30' }]);
  });
});
