import { parseCatalog } from '../../schema/catalog';
import { parsePeriod } from '../../schema/period';
import type { MeasureValueData } from '../../subgraphs/common/measures';
import { ScopeKind } from '../../subgraphs/common/measures';
import { evaluateIndicator, measuresNeeded } from '../../subgraphs/indicators/engine/evaluate';
import { measureScopeKind } from '../../subgraphs/indicators/engine/resolve';
import { displayValue } from '../../subgraphs/indicators/resolvers/mappers';

const cite = { document: '004_4dca3a86e03f15ed.txt', section: 'test', line: 1 };
const base = { nameEn: 'x', definitionZh: 'x', definitionEn: 'x', citation: cite, rules: [], targets: [] };
const [count, ratio, yesNo, absent, lead] = parseCatalog({
  indicators: [
    { ...base, code: 'C', nameZh: '计数', numerator: 'A', factor: 1, unit: '例', scopes: ['COUNTY'] },
    {
      ...base,
      code: 'R',
      nameZh: '比例',
      numerator: 'A',
      denominator: 'B',
      factor: 100,
      unit: '%',
      scopes: ['COUNTY'],
      rules: [
        {
          code: 'A_LE_B',
          descriptionZh: 'A≤B',
          descriptionEn: 'A <= B',
          left: 'A',
          comparator: 'LE',
          right: 'B',
          citation: cite,
        },
      ],
    },
    {
      ...base,
      code: 'Q',
      nameZh: '定性',
      kind: 'QUALITATIVE',
      numerator: 'DOCS',
      factor: 1,
      unit: '是/否',
      scopes: ['COUNTY'],
    },
    {
      ...base,
      code: 'N',
      nameZh: '满意度',
      kind: 'NOT_AVAILABLE',
      notAvailable: { reasonZh: '无调查系统', reasonEn: 'No survey system' },
      factor: 100,
      unit: '%',
      scopes: ['ALLIANCE'],
    },
    {
      ...base,
      code: 'L',
      nameZh: '牵头',
      subject: 'LEAD',
      numerator: 'A',
      factor: 1,
      unit: '例',
      scopes: ['ALLIANCE'],
    },
  ],
});

function measure(
  code: string,
  value: number | null,
  status = 'OK',
  evidence: MeasureValueData['evidence'] = [],
): MeasureValueData {
  return {
    scopeKind: ScopeKind.REGION,
    scopeCode: '610902',
    period: '2019',
    measure: code,
    value,
    complete: status === 'OK',
    sources: [{ id: 'his-1', kind: 'his_a', status, institutions: 3 }],
    missingInstitutions: [],
    uncoveredInstitutions: 0,
    evidence,
  };
}
const run = (def: typeof count, ...values: MeasureValueData[]) =>
  evaluateIndicator(
    def,
    ScopeKind.REGION,
    '610902',
    parsePeriod('2019'),
    new Map(values.map((v) => [v.measure, v])),
  );

describe('evaluation semantics: "0" is not "--"', () => {
  test('a counted zero is NOT_CARRIED_OUT and prints 0; a missing count prints --', () => {
    const zero = run(count, measure('A', 0));
    expect([zero.value, zero.missing, displayValue(count, zero.value)]).toEqual([0, 'NOT_CARRIED_OUT', '0']);
    const none = run(count, measure('A', null));
    expect([none.value, none.missing, none.status, displayValue(count, null)]).toEqual([
      null,
      'NOT_COUNTED',
      'NOT_COUNTED',
      '--',
    ]);
    const down = run(count, measure('A', null, 'UNREACHABLE'));
    expect([down.value, down.missing]).toEqual([null, 'SOURCE_UNAVAILABLE']);
  });

  test('a ratio over nothing has no value and says so; a violated rule is reported, not clipped', () => {
    const overNothing = run(ratio, measure('A', 0), measure('B', 0));
    expect([overNothing.value, overNothing.missing]).toEqual([null, 'ZERO_DENOMINATOR']);
    const broken = run(ratio, measure('A', 12), measure('B', 8));
    expect([broken.value, broken.status, broken.rules[0]]).toEqual([
      150,
      'RULE_FAILED',
      { code: 'A_LE_B', descriptionZh: 'A≤B', descriptionEn: 'A <= B', left: 12, right: 8, passed: false },
    ]);
    expect(displayValue(ratio, 2 / 3)).toBe('0.67');
    expect(run(ratio, measure('A', 1), measure('B', 4)).missing).toBeNull();
  });

  test('qualitative: 是 with the documents in force, 否 without, -- when unknown', () => {
    const doc = { kind: 'ALLIANCE_PLAN', title: '医联体建设工作方案', date: '2018-03-01', holder: '610900' };
    const yes = run(yesNo, measure('DOCS', 2, 'OK', [doc]));
    expect([yes.value, yes.missing, yes.evidence, displayValue(yesNo, yes.value)]).toEqual([
      1,
      null,
      [doc],
      '是',
    ]);
    const no = run(yesNo, measure('DOCS', 0));
    expect([no.value, no.missing, no.evidence, displayValue(yesNo, no.value)]).toEqual([0, null, [], '否']);
    expect(run(yesNo, measure('DOCS', null)).value).toBeNull();
  });

  test('NOT_AVAILABLE entries need no measure and are never computed', () => {
    expect(measuresNeeded(absent)).toEqual([]);
    const e = run(absent);
    expect([e.value, e.missing, e.status, e.sources]).toEqual([null, 'NOT_AVAILABLE', 'NOT_COUNTED', []]);
  });

  test('牵头医院 items on an alliance are asked of the lead institution', () => {
    expect(measureScopeKind(lead, ScopeKind.ALLIANCE)).toBe(ScopeKind.ALLIANCE_LEAD);
    expect(measureScopeKind(lead, ScopeKind.INSTITUTION)).toBe(ScopeKind.INSTITUTION);
    expect(measureScopeKind(count, ScopeKind.ALLIANCE)).toBe(ScopeKind.ALLIANCE);
  });

  test('catalog entries are checked by kind', () => {
    const entry = { ...base, code: 'X', nameZh: 'x', factor: 1, unit: '例', scopes: ['COUNTY'] };
    expect(() => parseCatalog({ indicators: [{ ...entry, kind: 'NOT_AVAILABLE' }] })).toThrow(/notAvailable/);
    expect(() => parseCatalog({ indicators: [entry] })).toThrow(/numerator is required/);
    expect(() =>
      parseCatalog({ indicators: [{ ...entry, kind: 'QUALITATIVE', numerator: 'A', unit: '个' }] }),
    ).toThrow(/QUALITATIVE/);
    expect(() => parseCatalog({ indicators: [{ ...entry, numerator: 'A', forms: ['T9:1'] }] })).toThrow();
    expect(() =>
      parseCatalog(
        { indicators: [{ ...entry, numerator: 'A' }] },
        { indicators: [{ ...entry, numerator: 'A' }] },
      ),
    ).toThrow(/duplicate/);
  });
});
