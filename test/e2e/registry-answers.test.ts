import { DEFAULT_REGISTRY_ANSWER_SECONDS } from '../../adapters/sources/config';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import type { Engine } from '../fixtures/databases';
import { buildRegion } from '../fixtures/region.fixture';
import { gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

/** An operation reading the registry in every domain subgraph: alliances, institutions, workforce, insurance. */
const CROSS = `
  query Cross($p: Period!) {
    alliance(id: "JT1") {
      name
      lead { name serviceVolume(period: $p) { inpatient { discharges } } workforce(period: $p) { generalPractitioners } }
      members(period: $p) { role institution { orgCode insurance(period: $p) { settlements } } }
    }
    region(code: "610921") { name insurance(period: $p) { inCountyRate { numerator denominator value } } }
  }
`;

describe.each<Engine>(['sqlite', 'mariadb'])(
  'registry answers kept (the default), sources on %s',
  (engine) => {
    let stack: RunningStack;

    beforeAll(async () => {
      const config = await buildRegion(engine, 'hag_ra');
      stack = await startStack({
        // The production default for the registry; the other fixtures turn it off to count statements cold.
        sources: {
          ...config,
          sources: config.sources.map((s) =>
            s.kind === 'registry' ? { ...s, answerCacheSeconds: DEFAULT_REGISTRY_ANSWER_SECONDS } : s,
          ),
        },
        port: 0,
        cache: { kind: 'off' },
        logger: quietLogger(),
      });
    });
    afterAll(async () => {
      await stack.close();
    });

    /** One request: its body and the statements each source ran for it. */
    const request = async (): Promise<{ body: unknown; registry: number; others: number }> => {
      const registry = stack.sources.registry();
      const before = { registry: registry.statements, all: stack.sources.statementCount() };
      const { body } = await gql(stack.gateway.url, CROSS, { p: '2019H1' });
      expect(body.errors).toBeUndefined();
      const ranRegistry = registry.statements - before.registry;
      return {
        body: body.data,
        registry: ranRegistry,
        others: stack.sources.statementCount() - before.all - ranRegistry,
      };
    };

    test('the same operation again: the same answer, no registry statement, the other sources asked as before', async () => {
      const first = await request();
      const again = await request();
      expect(first.registry).toBeGreaterThan(0);
      expect(again.registry).toBe(0);
      expect(again.others).toBe(first.others);
      expect(again.others).toBeGreaterThan(0);
      expect(again.body).toEqual(first.body);
      expect(JSON.stringify(first.body)).toContain('安康市中心医院');
    });

    test('/metrics counts the registry statements answered from kept answers', async () => {
      const res = await fetch(`${stack.gateway.url}/metrics`);
      const line = (await res.text())
        .split('\n')
        .find((l) => l.startsWith('source_answers_reused_total{source="registry",kind="registry"}'));
      expect(line).toBeDefined();
      expect(Number(line?.split(' ').pop())).toBeGreaterThan(0);
    });
  },
);
