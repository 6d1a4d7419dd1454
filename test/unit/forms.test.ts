import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorCatalog } from '../../schema/catalog';
import { bindForms, parseForm } from '../../schema/forms';
import { boundForms, evaluationForms } from '../../schema/forms/shipped';

const SEED = readFileSync(
  join(__dirname, '..', '..', '..', 'shared', 'seeds', '004_4dca3a86e03f15ed.txt'),
  'utf8',
).split('\n');
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('the evaluation forms (schema/forms)', () => {
  test('six forms, every data item of the seed tables in order', () => {
    expect(evaluationForms.map((f) => [f.code, f.rows.length])).toEqual([
      ['T1', 117],
      ['T2', 145],
      ['T3', 120],
      ['T4', 87],
      ['P1', 39],
      ['P2', 37],
    ]);
    for (const f of evaluationForms) {
      const lines = f.rows.map((r) => r.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    }
    expect(evaluationForms.find((f) => f.code === 'P1')!.rows.map((r) => r.item)).toEqual(
      Array.from({ length: 39 }, (_, i) => String(i + 1)),
    );
  });

  test('every row cites the seed line its label begins on', () => {
    for (const f of evaluationForms) {
      for (const r of f.rows) {
        const label = squash(r.labelZh).slice(0, 6);
        expect([f.code, r.key, squash(SEED[r.line - 1] ?? '').includes(label)]).toEqual([
          f.code,
          r.key,
          true,
        ]);
      }
    }
  });

  test('every entry bound to a form applies to the scopes the form is filled for', () => {
    for (const f of evaluationForms) {
      for (const r of boundForms.get(f.code)!) {
        if (!r.indicator) continue;
        for (const level of f.scopes) {
          expect([f.code, r.key, r.indicator.code, r.indicator.scopes.includes(level)]).toEqual([
            f.code,
            r.key,
            r.indicator.code,
            true,
          ]);
        }
      }
    }
  });

  test('every row is filled by a catalog entry, or names the respondent', () => {
    const unbound = evaluationForms.flatMap((f) =>
      boundForms
        .get(f.code)!
        .filter((r) => !r.indicator && !r.identity)
        .map((r) => `${f.code}:${r.key} ${r.labelZh}`),
    );
    expect(unbound).toEqual([]);
  });

  test('a binding to a row the form does not have, or two entries on one row, is refused', () => {
    const t1 = evaluationForms.find((f) => f.code === 'T1')!;
    const entry = indicatorCatalog.find((d) => d.code === 'DISCHARGE_COUNT')!;
    expect(() => bindForms([t1], [{ ...entry, forms: ['T1:9999'] }])).toThrow(/does not have/);
    const row = `T1:${t1.rows[5].key}`;
    expect(() =>
      bindForms(
        [t1],
        [
          { ...entry, forms: [row] },
          { ...entry, code: 'OTHER', forms: [row] },
        ],
      ),
    ).toThrow(/filled by both/);
  });

  test('malformed forms are refused with the reason', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', 'forms', 'T1.json'), 'utf8'));
    expect(() => parseForm({ ...raw, rows: [raw.rows[0], raw.rows[0]] })).toThrow(/duplicate row key/);
    expect(() => parseForm({ ...raw, rows: [{ ...raw.rows[0], part: 'NOPE' }] })).toThrow(/unknown part/);
    expect(() => parseForm({ ...raw, rows: [{ ...raw.rows[0], key: '1' }] })).toThrow(/disagree/);
    expect(() => parseForm({ ...raw, code: 'T9' })).toThrow();
  });
});
