import ExcelJS from 'exceljs';
import { buildServiceVolumeFixture, ORG as SV } from '../fixtures/service-volume.fixture';
import { callerHeaders, gql } from '../helpers/http';
import type { GraphQLBody } from '../helpers/http';
import { useStack } from '../helpers/stack';

/**
 * evaluationForm and its downloads, history and catalog filters, on the service-volume fixture
 * (service-volume.fixture.ts and inpatient.fixture.ts hold the hand counts): 表3 (城市医联体) as
 * filled by 汉阴县中医医院 HA, vendor A.
 *   2019H1: 门诊 5, 门急诊 6, 总手术量 6, 三四级手术 4, 日间手术 0 (a counted 0: 未开展).
 *   2018H1: no visit and no surgery of HA (its 2018 rows are all in December) → 0.
 *   Surgeries by year (BA_SS by SSRQ): 2017 none → 0; 2018 s8 → 1; 2019 s1…s6 + s7 (July) → 7.
 */
interface Row {
  key: string;
  labelZh: string;
  identity: string | null;
  indicator: string | null;
  display: string;
  previousDisplay: string;
  value: { missing: string | null; unit: string; status: string } | null;
}
interface Form {
  form: string;
  titleZh: string;
  part: string;
  respondentZh: string;
  period: string;
  comparedWith: string;
  rows: Row[];
  logicAudit: Array<{ code: string; rowKeys: string[] }>;
  reasonablenessAudit: Array<{
    code: string;
    rowKeys: string[];
    indicators: string[];
    left: number;
    right: number;
  }>;
  passedLogicAudit: boolean;
  downloads: { csv: string; xlsx: string };
}

const FORM = `query F($form: EvaluationFormCode!, $scope: EvaluationScopeInput!, $period: Period!, $part: String) {
  evaluationForm(form: $form, scope: $scope, period: $period, part: $part) {
    form titleZh part respondentZh period comparedWith passedLogicAudit
    rows { key labelZh identity indicator display previousDisplay value { missing unit status } }
    logicAudit { code rowKeys }
    reasonablenessAudit { code rowKeys indicators left right }
    downloads { csv xlsx }
  }
}`;

const codeOf = (body: GraphQLBody): unknown => body.errors?.[0]?.extensions?.code;

describe('evaluationForm: 表3 filled for one hospital (SQLite sources)', () => {
  const stack = useStack(() => buildServiceVolumeFixture('sqlite', 'hag_evalform'));
  const fill = async (period: string, part = 'LEAD'): Promise<Form> => {
    const { body } = await gql(stack.gateway.url, FORM, {
      form: 'T3',
      scope: { kind: 'INSTITUTION', code: SV.HA },
      period,
      part,
    });
    expect(body.errors).toBeUndefined();
    return (body.data as { evaluationForm: Form }).evaluationForm;
  };
  const row = (f: Form, key: string): Row => f.rows.find((r) => r.key === key)!;

  test('every row of the lead-hospital part in the seed order, values as the form prints them', async () => {
    const f = await fill('2019H1');
    expect([f.form, f.titleZh, f.part, f.respondentZh, f.period, f.comparedWith]).toEqual([
      'T3',
      '城市医联体效果评价考核表',
      'LEAD',
      '城市医联体牵头医院填报',
      '2019H1',
      '2018H1',
    ]);
    expect(f.rows).toHaveLength(81);
    expect(f.rows.map((r) => Number(r.key.replace(/[a-z]$/, '')))).toEqual(
      [...f.rows].map((r) => Number(r.key.replace(/[a-z]$/, ''))).sort((a, b) => a - b),
    );
    expect(row(f, '934')).toMatchObject({ identity: 'ORG_CODE', indicator: null, display: SV.HA });
    expect(
      ['943', '944', '949', '1012'].map((k) => [
        row(f, k).indicator,
        row(f, k).display,
        row(f, k).previousDisplay,
      ]),
    ).toEqual([
      ['OUTPATIENT_VISIT_COUNT', '5', '0'],
      ['OUTPATIENT_EMERGENCY_VISIT_COUNT', '6', '0'],
      ['SURGERY_COUNT', '6', '0'],
      ['GRADE_3_4_SURGERY_COUNT', '4', '0'],
    ]);
    // 日间手术 on two rows (表3 LEAD 基本信息 and item 17): a counted zero prints "0", 未开展.
    for (const k of ['946', '1014']) {
      expect([row(f, k).display, row(f, k).value?.missing]).toEqual(['0', 'NOT_CARRIED_OUT']);
    }
    // CMI: no legacy system holds case-mix data → "--", NOT_AVAILABLE.
    expect([row(f, '1063').display, row(f, '1063').value?.missing]).toEqual(['--', 'NOT_AVAILABLE']);
    expect(f.reasonablenessAudit).toEqual([]); // last year is 0 everywhere: no ratio to judge
  });

  test('the reasonableness audit flags a value more than 50 % away from last year', async () => {
    const f = await fill('2019');
    const surgeries = f.reasonablenessAudit.find((a) => a.indicators[0] === 'SURGERY_COUNT');
    // 2019: 7 surgeries against 1 in 2018 (+600 %), on both rows it fills.
    expect(surgeries).toEqual({
      code: 'CHANGE_OVER_50_PERCENT',
      rowKeys: ['949'],
      indicators: ['SURGERY_COUNT'],
      left: 7,
      right: 1,
    });
    expect([row(f, '949').display, row(f, '949').previousDisplay]).toEqual(['7', '1']);
  });

  test('the same form downloads as CSV and XLSX from the gateway', async () => {
    const f = await fill('2019H1');
    const csv = await fetch(`${stack.gateway.url}${f.downloads.csv}`, { headers: callerHeaders('national') });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(`T3-${SV.HA}-2019H1-LEAD.csv`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('城市医联体效果评价考核表');
    const surgeries = lines.find((l) => l.startsWith('949,'))!.split(',');
    expect([surgeries[3], surgeries[4], surgeries[6], surgeries[8]]).toEqual([
      '总手术量',
      '6',
      '0',
      'SURGERY_COUNT',
    ]);
    expect(lines.filter((l) => /^\d+[a-z]?,/.test(l))).toHaveLength(81);
    // 基本信息 filled from the Institution entity (institutions subgraph) and the form itself.
    const identity = (key: string): string => lines.find((l) => l.startsWith(`${key},`))!.split(',')[4];
    expect([identity('933'), identity('934'), identity('935')]).toEqual([
      '汉阴县中医医院',
      SV.HA,
      '城市医联体牵头医院填报',
    ]);

    const xlsx = await fetch(`${stack.gateway.url}${f.downloads.xlsx}`, {
      headers: callerHeaders('national'),
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['T3', '审核']);
    const values: string[][] = [];
    book.getWorksheet('T3')!.eachRow((r) => values.push((r.values as unknown[]).slice(1).map(String)));
    const xlsxRow = values.find((v) => v[0] === '949')!;
    expect([xlsxRow[3], xlsxRow[4]]).toEqual(['总手术量', '6']);
  });

  test('downloads refuse bad requests with the API’s error codes', async () => {
    const bad = await fetch(
      `${stack.gateway.url}/exports/forms/T3.pdf?kind=INSTITUTION&code=${SV.HA}&period=2019`,
      { headers: callerHeaders('national') },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as GraphQLBody).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrong = await fetch(
      `${stack.gateway.url}/exports/forms/T1.csv?kind=INSTITUTION&code=${SV.HA}&period=2019`,
      { headers: callerHeaders('national') },
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as GraphQLBody).errors?.[0]?.extensions?.code).toBe('FORM_NOT_APPLICABLE');
  });

  test.each([
    ['T1', { kind: 'INSTITUTION', code: SV.HA }, '2019', undefined, 'FORM_NOT_APPLICABLE'],
    ['T3', { kind: 'INSTITUTION', code: SV.HA }, '2019', 'NOPE', 'UNKNOWN_FORM'],
    ['T3', { kind: 'INSTITUTION', code: 'not-an-org' }, '2019', undefined, 'INVALID_ORG_CODE'],
    ['T1', { kind: 'REGION', code: '61' }, '2019', undefined, 'INVALID_DIVISION_CODE'],
    ['T2', { kind: 'REGION', code: '610000' }, '2019', undefined, 'FORM_NOT_APPLICABLE'],
    ['T1', { kind: 'REGION', code: '610000' }, '2019Q5', undefined, 'INVALID_PERIOD'],
    ['T3', { kind: 'ALLIANCE_LEAD', code: 'JT1' }, '2019', undefined, 'BAD_USER_INPUT'],
  ])('%s for %j, %s, part %s → %s', async (form, scope, period, part, code) => {
    const { body } = await gql(stack.gateway.url, FORM, { form, scope, period, part });
    expect(codeOf(body)).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|SELECT /);
  });

  test('近三年变化: history of a value, oldest first, with the change against the year before', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ institution(orgCode: "${SV.HA}") { indicators(period: "2019", codes: ["SURGERY_COUNT"]) {
           history(years: 3) { period value display missing change } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      institution: {
        indicators: [
          {
            history: [
              { period: '2017', value: 0, display: '0', missing: 'NOT_CARRIED_OUT', change: null },
              { period: '2018', value: 1, display: '1', missing: null, change: 1 },
              { period: '2019', value: 7, display: '7', missing: null, change: 6 },
            ],
          },
        ],
      },
    });
    const tooMany = await gql(
      stack.gateway.url,
      `{ institution(orgCode: "${SV.HA}") { indicators(period: "2019", codes: ["SURGERY_COUNT"]) { history(years: 11) { period } } } }`,
    );
    expect(codeOf(tooMany.body)).toBe('BAD_USER_INPUT');
  });

  test('indicatorCatalog filters by form, level and kind', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ t3: indicatorCatalog(form: T3) { code forms scopes }
         absent: indicatorCatalog(kind: NOT_AVAILABLE) { code kind notAvailableReasonZh formula }
         t3Qualitative: indicatorCatalog(form: T3, kind: QUALITATIVE, scope: INSTITUTION) { code kind unit } }`,
    );
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      t3: Array<{ code: string; forms: string[]; scopes: string[] }>;
      absent: Array<{ code: string; kind: string; notAvailableReasonZh: string | null; formula: string }>;
      t3Qualitative: Array<{ code: string; kind: string; unit: string }>;
    };
    expect(data.t3.map((d) => d.code)).toContain('SURGERY_COUNT');
    for (const d of data.t3) expect(d.forms.some((f) => f.startsWith('T3:'))).toBe(true);
    expect(data.absent.length).toBeGreaterThan(0);
    for (const d of data.absent)
      expect([d.kind, d.formula, (d.notAvailableReasonZh ?? '').length > 0]).toEqual([
        'NOT_AVAILABLE',
        '--',
        true,
      ]);
    expect(data.t3Qualitative.length).toBeGreaterThan(0);
    for (const d of data.t3Qualitative) expect([d.kind, d.unit]).toEqual(['QUALITATIVE', '是/否']);
  });
});
