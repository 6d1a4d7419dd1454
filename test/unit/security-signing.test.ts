import { createHmac } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ANONYMOUS_PRINCIPAL, buildPrincipal } from '../../security/principal';
import {
  canonicalPrincipal,
  PRINCIPAL_HEADER,
  SIGNATURE_HEADER,
  signPrincipal,
  TIMESTAMP_HEADER,
  verifyPrincipal,
} from '../../security/signing';

const SECRET = 'subgraph-secret-of-at-least-32-bytes!!';
const NOW = Date.parse('2020-03-01T08:00:00Z');
const APP = buildPrincipal({
  id: 'demo-app',
  kind: 'APP',
  grants: [{ kind: 'REGION', code: '610902' }],
  roles: ['indicators:read'],
});

function refusal(fn: () => unknown): { code: unknown; reason: unknown; message: string } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { code: e.extensions.code, reason: e.extensions.reason, message: e.message };
  }
  throw new Error('expected a refusal');
}

const refused = (reason: string) => ({
  code: 'UNAUTHENTICATED',
  reason,
  message: 'call the gateway, not the subgraph',
});

describe('signed principal between gateway and subgraphs', () => {
  test('round trip: every principal kind comes back equal', () => {
    for (const p of [
      APP,
      ANONYMOUS_PRINCIPAL,
      buildPrincipal({ id: '6109001', kind: 'URBAN_ALLIANCE' }),
      buildPrincipal({ id: '1261090216141035WD', kind: 'INSTITUTION' }),
    ]) {
      const headers = signPrincipal(p, SECRET, NOW);
      expect(verifyPrincipal(headers, SECRET, NOW)).toEqual(p);
    }
  });

  test('the headers: base64url canonical JSON, Unix seconds, base64url HMAC', () => {
    const headers = signPrincipal(APP, SECRET, NOW);
    expect(Object.keys(headers)).toEqual([PRINCIPAL_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER]);
    expect(headers[TIMESTAMP_HEADER]).toBe('1583049600');
    expect(JSON.parse(Buffer.from(headers[PRINCIPAL_HEADER], 'base64url').toString('utf8'))).toEqual({
      id: 'demo-app',
      kind: 'APP',
      division: null,
      orgCode: null,
      grants: [{ kind: 'REGION', code: '610902' }],
      roles: ['indicators:read'],
      suppressSmallCounts: true,
    });
    expect(canonicalPrincipal(APP)).toBe(
      '{"id":"demo-app","kind":"APP","division":null,"orgCode":null,"grants":[{"kind":"REGION","code":"610902"}],"roles":["indicators:read"],"suppressSmallCounts":true}',
    );
    expect(headers[SIGNATURE_HEADER]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('Node, fetch and Apollo header shapes are read alike', () => {
    const headers = signPrincipal(APP, SECRET, NOW);
    expect(verifyPrincipal(new Headers(headers), SECRET, NOW)).toEqual(APP);
    expect(verifyPrincipal(new Map(Object.entries(headers)), SECRET, NOW)).toEqual(APP);
    expect(
      verifyPrincipal({ ...headers, [PRINCIPAL_HEADER]: [headers[PRINCIPAL_HEADER]] }, SECRET, NOW),
    ).toEqual(APP);
  });

  test('a tampered payload is refused (escalating to NATIONAL)', () => {
    const headers = signPrincipal(APP, SECRET, NOW);
    const national = Buffer.from(
      canonicalPrincipal(buildPrincipal({ id: 'national', kind: 'NATIONAL' })),
    ).toString('base64url');
    expect(refusal(() => verifyPrincipal({ ...headers, [PRINCIPAL_HEADER]: national }, SECRET, NOW))).toEqual(
      refused('forged'),
    );
    expect(
      refusal(() => verifyPrincipal({ ...headers, [TIMESTAMP_HEADER]: String(NOW / 1000 + 1) }, SECRET, NOW)),
    ).toEqual(refused('forged'));
  });

  test('the wrong secret is refused', () => {
    const headers = signPrincipal(APP, 'another-secret-of-at-least-32-bytes!!', NOW);
    expect(refusal(() => verifyPrincipal(headers, SECRET, NOW))).toEqual(refused('forged'));
  });

  test('a stale (or future) timestamp is refused; 60 s of skew is accepted', () => {
    const headers = signPrincipal(APP, SECRET, NOW);
    expect(verifyPrincipal(headers, SECRET, NOW + 60_000)).toEqual(APP);
    expect(refusal(() => verifyPrincipal(headers, SECRET, NOW + 61_000))).toEqual(refused('stale'));
    expect(refusal(() => verifyPrincipal(headers, SECRET, NOW - 61_000))).toEqual(refused('stale'));
    expect(refusal(() => verifyPrincipal(headers, SECRET, NOW + 11_000, 10))).toEqual(refused('stale'));
  });

  test('missing headers (a direct call) are refused', () => {
    const headers = signPrincipal(APP, SECRET, NOW);
    expect(refusal(() => verifyPrincipal({}, SECRET, NOW))).toEqual(refused('missing'));
    for (const name of [PRINCIPAL_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER]) {
      const partial: Record<string, string> = { ...headers };
      delete partial[name];
      expect(refusal(() => verifyPrincipal(partial, SECRET, NOW))).toEqual(refused('missing'));
    }
    expect(
      refusal(() =>
        verifyPrincipal({ ...headers, [PRINCIPAL_HEADER]: [headers[PRINCIPAL_HEADER], 'x'] }, SECRET, NOW),
      ),
    ).toEqual(refused('missing'));
  });

  test('malformed headers are refused before any HMAC is computed', () => {
    const headers = signPrincipal(APP, SECRET, NOW);
    for (const bad of [
      { [TIMESTAMP_HEADER]: '1583049600.5' },
      { [TIMESTAMP_HEADER]: '-1' },
      { [SIGNATURE_HEADER]: 'abc' },
      { [PRINCIPAL_HEADER]: 'not base64url!' },
      { [PRINCIPAL_HEADER]: 'a'.repeat(20_000) },
    ]) {
      expect(refusal(() => verifyPrincipal({ ...headers, ...bad }, SECRET, NOW))).toEqual(
        refused('malformed'),
      );
    }
  });

  test('a correctly signed but invalid principal is refused', () => {
    const payload = Buffer.from('{"id":"610001","kind":"PROVINCE"}').toString('base64url');
    const timestamp = String(NOW / 1000);
    const signature = createHmac('sha256', SECRET).update(`${timestamp}.${payload}`).digest('base64url');
    const headers = {
      [PRINCIPAL_HEADER]: payload,
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signature,
    };
    expect(refusal(() => verifyPrincipal(headers, SECRET, NOW))).toEqual(refused('malformed'));
  });
});
