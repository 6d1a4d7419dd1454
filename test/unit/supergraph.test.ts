import { apiChanges, composeLocal, readCommitted } from '../../scripts/supergraph';

/**
 * The composed schema is a contract: it is committed (schema/supergraph.graphql, schema/api.graphql)
 * and this test fails when the subgraphs compose to anything else, listing the changes by
 * criticality, so that a breaking change (a removed or retyped field) is never made by accident.
 * Intended changes: `npm run schema:update` (breaking ones need ALLOW_BREAKING=1).
 */
describe('the committed supergraph', () => {
  test('recomposing the subgraphs gives exactly the committed schema', async () => {
    const committed = readCommitted();
    expect(committed).not.toBeNull();
    const composed = await composeLocal();
    const changes = await apiChanges(committed!.api, composed.api);
    expect(changes.map((c) => `${c.criticality}: ${c.message}`)).toEqual([]);
    expect(composed.supergraph).toBe(committed!.supergraph);
  });

  test('the schema diff reports a removed field and a retyped argument as breaking', async () => {
    const before = 'type Query { a(period: String!): Int b: String }';
    const after = 'type Query { a(period: Int!): Int c: String }';
    const changes = await apiChanges(before, after);
    expect(changes.filter((c) => c.criticality === 'BREAKING').map((c) => c.message)).toEqual([
      "Field 'b' was removed from object type 'Query'",
      "Type for argument 'period' on field 'Query.a' changed from 'String!' to 'Int!'",
    ]);
    expect(changes.filter((c) => c.criticality === 'NON_BREAKING').map((c) => c.message)).toEqual([
      "Field 'c' was added to object type 'Query'",
    ]);
  });

  test('no patient identifier anywhere in the composed schema', async () => {
    const { supergraph } = await composeLocal();
    expect(supergraph).not.toMatch(
      /\b(brid|patient_?ref|mrn|psn_?no|person_?key|cert_?hash|mdtrt_?id|setl_?id)\b/i,
    );
  });
});
