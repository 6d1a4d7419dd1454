import { indicatorCatalog } from '../../schema/catalog';
import { ScopeKind } from '../../subgraphs/common/measures';
import { measuresNeeded } from '../../subgraphs/indicators/engine/evaluate';
import { measureScopeKind } from '../../subgraphs/indicators/engine/resolve';
import { parseSourcesConfig } from '../../adapters';
import type { SourcesConfig } from '../../adapters';
import { hisBTables } from '../../adapters/his_b/contract';
import { registryTables } from '../../adapters/registry/contract';
import { buildDatabases } from '../fixtures/databases';
import { buildRegion, CLINICS } from '../fixtures/region.fixture';
import { gql } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * (The result cache is off here: this is about batching the live path.)
 * One operation asking 100 indicators of 50 counties (and every institution indicator of 50 institutions) (village clinics of 石泉县 in the region
 * fixture) fetches each needed (scope, period, measure) once, in one `_measureValues` call per
 * owning subgraph, and costs no more SQL statements than the same indicators of 2 institutions —
 * through the batch root field and through a list of entities (one `_entities` fetch).
 */
/** Every computable institution indicator (84 today): the institution half of the check. */
const CODES = indicatorCatalog
  .filter((d) => d.scopes.includes('INSTITUTION') && d.kind !== 'NOT_AVAILABLE')
  .map((d) => d.code);

type Traffic = Record<string, { calls: number; triples: number }>;

/** Distinct (scope kind, period, measure) per scope: each measure of the period, and of the year before for PREV. */
const triplesPerScope = new Set(
  indicatorCatalog
    .filter((d) => CODES.includes(d.code))
    .flatMap((d) => [
      ...measuresNeeded(d).map((m) => `${measureScopeKind(d, ScopeKind.INSTITUTION)}|2019|${m}`),
      ...measuresNeeded(d, true).map((m) => `${measureScopeKind(d, ScopeKind.INSTITUTION)}|2018|${m}`),
    ]),
).size;

describe('every institution indicator × 50 institutions in one operation (SQLite sources)', () => {
  const stack = useStack(() => buildRegion('sqlite', 'hag_batch'), { cache: { kind: 'off' } });

  const measure = async (
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ statements: number; traffic: Traffic; data: unknown }> => {
    const before = new Map([...stack.measures.traffic].map(([k, v]) => [k, { ...v }]));
    const statements = stack.sources.statementCount();
    const { body } = await gql(stack.gateway.url, query, variables);
    expect(body.errors).toBeUndefined();
    const traffic: Traffic = {};
    for (const [k, v] of stack.measures.traffic) {
      const b = before.get(k) ?? { calls: 0, triples: 0 };
      if (v.calls > b.calls) traffic[k] = { calls: v.calls - b.calls, triples: v.triples - b.triples };
    }
    return { statements: stack.sources.statementCount() - statements, traffic, data: body.data };
  };

  const batch = (orgs: readonly string[]) =>
    measure(
      `query Batch($scopes: [EvaluationScopeInput!]!, $codes: [String!]!) {
        indicatorValues(scopes: $scopes, period: "2019", codes: $codes) { scopeCode indicators { code value } }
      }`,
      { scopes: orgs.map((code) => ({ kind: 'INSTITUTION', code })), codes: CODES },
    );

  test('indicatorValues: each measure once, one call per owning subgraph, statements flat in the scope count', async () => {
    await batch(CLINICS.slice(0, 2)); // warm-up: time formats are detected once per source
    const two = await batch(CLINICS.slice(2, 4));
    const fifty = await batch(CLINICS.slice(50, 100));
    const answer = (
      fifty.data as { indicatorValues: Array<{ scopeCode: string; indicators: Array<{ code: string }> }> }
    ).indicatorValues;
    expect(answer.map((s) => s.scopeCode)).toEqual(CLINICS.slice(50, 100));
    for (const s of answer) expect(s.indicators.map((i) => i.code)).toEqual(CODES);

    const owners = Object.keys(fifty.traffic).sort();
    expect(owners).toEqual(['alliances', 'institutions', 'workforce']);
    for (const o of owners) expect([o, fifty.traffic[o].calls]).toEqual([o, 1]);
    const triples = owners.reduce((n, o) => n + fifty.traffic[o].triples, 0);
    expect(triples).toBe(triplesPerScope * 50);
    expect(fifty.statements).toBeLessThanOrEqual(two.statements);
  });

  test('a list of institution entities is one _entities fetch, so one measure call per owner too', async () => {
    const list = await measure(
      `query List($codes: [String!]!) {
        region(code: "610922") { institutions(first: 50) { edges { node { orgCode indicators(period: "2019", codes: $codes) { code } } } } }
      }`,
      { codes: CODES },
    );
    const edges = (
      list.data as { region: { institutions: { edges: Array<{ node: { indicators: unknown[] } }> } } }
    ).region.institutions.edges;
    expect(edges).toHaveLength(50);
    for (const o of Object.keys(list.traffic)) expect([o, list.traffic[o].calls]).toEqual([o, 1]);
  });
});

/** 50 counties 610950…610999 of 安康市, each with one village clinic that has one visit in 2019-03. */
const COUNTIES = Array.from({ length: 50 }, (_, i) => String(610950 + i));
const countyClinic = (county: string): string => `52${county}MJ000000${county.slice(-1)}W`;

async function buildCounties(): Promise<SourcesConfig> {
  const urls = await buildDatabases('sqlite', 'hag_batch_counties', [
    {
      name: 'registry',
      tables: registryTables,
      rows: {
        admin_division: [
          { code: '610000', name: '陕西省', level: 1, parent_code: null },
          { code: '610900', name: '安康市', level: 2, parent_code: '610000' },
          ...COUNTIES.map((code) => ({
            code,
            name: `第${code.slice(-2)}县`,
            level: 3,
            parent_code: '610900',
          })),
        ],
        institution: COUNTIES.map((county) => ({
          org_code: countyClinic(county),
          org_name: `${county}村卫生室`,
          category_code: 'D600',
          hosp_level: '9',
          hosp_grade: '9',
          ownership: '3',
          division_code: county,
          beds: 0,
          tcm_service: '1',
          meets_standard: '1',
          grading_system: '0',
          mutual_recognition: '0',
          opened_on: '20100101',
          closed_on: null,
        })),
      },
    },
    {
      name: 'his_b',
      tables: hisBTables,
      rows: {
        outpatient_visit: COUNTIES.map((county, i) => ({
          visit_id: 1 + i,
          org_code: countyClinic(county),
          patient_ref: `P-${i}`,
          visit_at: '2019-03-05 09:00:00',
          dept_code: 'GP',
          visit_kind: 'OP',
          expert: 0,
          tcm: 0,
          status: 'DONE',
          channel: 'WINDOW',
          dx_code: null,
          fee_total: 10,
        })),
      },
    },
  ]);
  return parseSourcesConfig({
    queryTimeoutMs: 5000,
    sources: [
      { id: 'registry', kind: 'registry', url: urls.registry, answerCacheSeconds: 0 },
      { id: 'his-b', kind: 'his_b', url: urls.his_b, institutions: COUNTIES.map(countyClinic) },
    ],
  });
}

const COUNTY_CODES = indicatorCatalog
  .filter((d) => d.scopes.includes('COUNTY') && d.kind !== 'NOT_AVAILABLE')
  .slice(0, 100)
  .map((d) => d.code);

describe('100 county indicators × 50 counties through indicatorValues (SQLite sources)', () => {
  const stack = useStack(buildCounties, { cache: { kind: 'off' } });

  test('each owning subgraph is asked once, for each distinct triple once', async () => {
    expect(COUNTY_CODES).toHaveLength(100);
    const ask = async (counties: readonly string[]): Promise<{ statements: number; traffic: Traffic }> => {
      const before = new Map([...stack.measures.traffic].map(([k, v]) => [k, { ...v }]));
      const statements = stack.sources.statementCount();
      const { body } = await gql(
        stack.gateway.url,
        `query Batch($scopes: [EvaluationScopeInput!]!, $codes: [String!]!) {
          indicatorValues(scopes: $scopes, period: "2019", codes: $codes) { scopeCode indicators { code display } }
        }`,
        { scopes: counties.map((code) => ({ kind: 'REGION', code })), codes: COUNTY_CODES },
      );
      expect(body.errors).toBeUndefined();
      const answer = (body.data as { indicatorValues: Array<{ scopeCode: string; indicators: unknown[] }> })
        .indicatorValues;
      expect(answer.map((a) => a.scopeCode)).toEqual(counties);
      for (const a of answer) expect(a.indicators).toHaveLength(100);
      const traffic: Traffic = {};
      for (const [k, v] of stack.measures.traffic) {
        const b = before.get(k) ?? { calls: 0, triples: 0 };
        if (v.calls > b.calls) traffic[k] = { calls: v.calls - b.calls, triples: v.triples - b.triples };
      }
      return { statements: stack.sources.statementCount() - statements, traffic };
    };
    await ask(COUNTIES.slice(0, 2));
    const two = await ask(COUNTIES.slice(2, 4));
    const fifty = await ask(COUNTIES);
    const perCounty = new Set(
      indicatorCatalog
        .filter((d) => COUNTY_CODES.includes(d.code))
        .flatMap((d) => [
          ...measuresNeeded(d).map((m) => `2019|${m}`),
          ...measuresNeeded(d, true).map((m) => `2018|${m}`),
        ]),
    ).size;
    const owners = Object.keys(fifty.traffic);
    expect(owners.length).toBeGreaterThanOrEqual(3);
    for (const o of owners) expect([o, fifty.traffic[o].calls]).toEqual([o, 1]);
    expect(owners.reduce((n, o) => n + fifty.traffic[o].triples, 0)).toBe(perCounty * 50);
    expect(fifty.statements).toBeLessThanOrEqual(two.statements);
  });
});
