import { REPLAY_HEADER } from '../../gateway/response-cache/replay';
import { todayInShanghai } from '../../schema/period';
import { buildRegion } from '../fixtures/region.fixture';
import { callerHeaders } from '../helpers/http';
import type { Caller, GraphQLBody } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * Answer replay (gateway/response-cache/replay.ts): the bytes of an answer Apollo marked cacheable
 * are served again to the same caller for the same body, after every guard, with an audit line;
 * never to another visibility, never for an open period or a refusal.
 */
const audit: Array<Record<string, unknown>> = [];
const stack = useStack(() => buildRegion('sqlite', 'hag_replay'), {
  cache: { kind: 'lru' },
  audit: (line) => audit.push(JSON.parse(line) as Record<string, unknown>),
});

const SHARE = `query Share($p: Period!, $code: String!) {
  indicatorValues(scopes: [{ kind: REGION, code: $code }], period: $p, codes: ["PRIMARY_CARE_VISIT_SHARE"]) {
    scopeCode indicators { code value numerator denominator }
  }
}`;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly replayed: boolean;
  readonly age: string | null;
  readonly calls: number;
}

async function ask(variables: Record<string, unknown>, caller: Caller): Promise<Answer> {
  const calls = [...stack.measures.traffic.values()].reduce((n, t) => n + t.calls, 0);
  const res = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders(caller) },
    body: JSON.stringify({ query: SHARE, variables }),
  });
  const text = await res.text();
  const after = [...stack.measures.traffic.values()].reduce((n, t) => n + t.calls, 0);
  return {
    status: res.status,
    text,
    replayed: res.headers.get(REPLAY_HEADER) === 'hit',
    age: res.headers.get('age'),
    calls: after - calls,
  };
}

describe('answer replay: the bytes of cacheable answers, per caller visibility', () => {
  test('a closed period: the second ask is the same bytes, replayed, audited, with no subgraph call', async () => {
    const first = await ask({ p: '2019H1', code: '610921' }, 'national');
    expect([first.status, first.replayed, first.age]).toEqual([200, false, null]);
    // 5 primary-care visits of 8 in 汉阴县, 2019H1 (region.fixture.ts).
    expect((JSON.parse(first.text) as GraphQLBody).data).toEqual({
      indicatorValues: [
        {
          scopeCode: '610921',
          indicators: [{ code: 'PRIMARY_CARE_VISIT_SHARE', value: 62.5, numerator: 5, denominator: 8 }],
        },
      ],
    });
    const before = audit.length;
    const second = await ask({ p: '2019H1', code: '610921' }, 'national');
    expect([second.status, second.replayed, second.age, second.calls]).toEqual([200, true, '0', 0]);
    expect(second.text).toBe(first.text);
    expect(audit.slice(before)).toEqual([
      expect.objectContaining({
        event: 'graphql.operation',
        principal: expect.objectContaining({ kind: 'NATIONAL' }),
        operationName: 'Share',
        operationType: 'query',
        rootFields: ['indicatorValues'],
        scopes: ['610921'],
        outcome: 'ok',
        errorCodes: [],
      }),
    ]);
  });

  test('other variables or another visibility are never served that answer', async () => {
    const other = await ask({ p: '2019H2', code: '610921' }, 'national');
    expect(other.replayed).toBe(false);
    const city = await ask({ p: '2019H1', code: '610921' }, 'city');
    expect(city.replayed).toBe(false);
    expect((await ask({ p: '2019H1', code: '610921' }, 'city')).replayed).toBe(true);
  });

  test('refusals and open periods are never replayed', async () => {
    for (let i = 0; i < 2; i++) {
      const refused = await ask({ p: '2019H1', code: '610000' }, 'city');
      expect(refused.replayed).toBe(false);
      expect((JSON.parse(refused.text) as GraphQLBody).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const month = `${todayInShanghai().slice(0, 4)}-${todayInShanghai().slice(4, 6)}`;
    await ask({ p: month, code: '610921' }, 'national');
    expect((await ask({ p: month, code: '610921' }, 'national')).replayed).toBe(false);
  });
});
