import { parseSourcesConfig } from '../../adapters';
import { registryTables } from '../../adapters/registry/contract';
import { startStack } from '../../scripts/stack';
import type { RunningStack } from '../../scripts/stack';
import { buildDatabases } from '../fixtures/databases';
import { gql } from '../helpers/http';
import { quietLogger } from '../helpers/quiet';

const divisions = [
  { code: '610000', name: '陕西省', level: 1, parent_code: null },
  { code: '610900', name: '安康市', level: 2, parent_code: '610000' },
  { code: '610902', name: '汉滨区', level: 3, parent_code: '610900' },
  { code: '610921', name: '汉阴县', level: 3, parent_code: '610900' },
];

function inst(
  org_code: string,
  category_code: string,
  division_code: string,
  flags: { tcm: string; meets: string; grading: string },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    org_code,
    org_name: `机构${org_code}`,
    category_code,
    hosp_level: '9',
    hosp_grade: '1',
    ownership: '1',
    division_code,
    beds: 10,
    tcm_service: flags.tcm,
    meets_standard: flags.meets,
    grading_system: flags.grading,
    mutual_recognition: '',
    opened_on: '20000101',
    closed_on: null,
    ...extra,
  };
}

/**
 * 2019H1 (last day 2019-06-30), 安康市:
 * 社区卫生服务中心 CC1 (all yes), CC2 (unknown flags, grading no); 乡镇卫生院 TC1 (C210, all yes),
 * TC2 (old code C22O → C220, no TCM), TC3 (C220, closed 2019-06-01: not counted);
 * 社区卫生服务站 ST1 (all yes); 村卫生室 VC1 (TCM, not standard), VC2 (standard, no TCM);
 * a hospital H1 (not primary care).
 * Primary 7, meeting the standard 5 (CC1, TC1, TC2, ST1, VC2); TCM: centres 1/2, township 1/2,
 * stations 1/1, village clinics 1/2; grading systems 3 of 4 centres (汉阴县: 2 of 2).
 */
const institutions = [
  inst('CC1', 'B100', '610902', { tcm: '1', meets: '1', grading: '1' }),
  inst('CC2', 'B100', '610902', { tcm: '', meets: '', grading: '0' }),
  inst('TC1', 'C210', '610921', { tcm: '1', meets: '1', grading: '1' }),
  inst('TC2', 'C22O', '610921', { tcm: '0', meets: '1', grading: '1' }),
  inst('TC3', 'C220', '610921', { tcm: '1', meets: '1', grading: '1' }, { closed_on: '20190601' }),
  inst('ST1', 'B200', '610902', { tcm: '1', meets: '1', grading: '1' }),
  inst('VC1', 'D600', '610921', { tcm: '1', meets: '0', grading: '0' }),
  inst('VC2', 'D600', '610921', { tcm: '0', meets: '1', grading: '0' }),
  inst('H1', 'A100', '610902', { tcm: '1', meets: '1', grading: '1' }, { hosp_level: '3' }),
];

const CODES = [
  'PRIMARY_CARE_STANDARD_RATE',
  'TCM_SERVICE_COMMUNITY_CENTER_SHARE',
  'TCM_SERVICE_TOWNSHIP_CENTER_SHARE',
  'TCM_SERVICE_COMMUNITY_STATION_SHARE',
  'TCM_SERVICE_VILLAGE_CLINIC_SHARE',
  'GRADING_SYSTEM_COVERAGE',
];

interface Answer {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  targets: Array<{ met: boolean | null }>;
}

describe('registry-count indicators (sqlite)', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    const urls = await buildDatabases('sqlite', 'hag_creg', [
      {
        name: 'registry',
        tables: registryTables,
        rows: { admin_division: divisions, institution: institutions },
      },
    ]);
    stack = await startStack({
      sources: parseSourcesConfig({
        queryTimeoutMs: 5000,
        sources: [{ id: 'registry', kind: 'registry', url: urls.registry, answerCacheSeconds: 0 }],
      }),
      port: 0,
      logger: quietLogger(),
    });
  });
  afterAll(async () => {
    await stack.close();
  });

  test('counts of institutions open on the period’s last day, with targets', async () => {
    const { body } = await gql(
      stack.gateway.url,
      `{ city: region(code: "610900") { ...ind } county: region(code: "610921") { ...ind } }
       fragment ind on Region {
         indicators(period: "2019H1", codes: ${JSON.stringify(CODES)}) {
           code value numerator denominator targets { met }
         }
       }`,
    );
    expect(body.errors).toBeUndefined();
    const data = body.data as Record<string, { indicators: Answer[] }>;
    const city = new Map(data.city.indicators.map((a) => [a.code, a]));
    const expectOf = (a: Answer | undefined, num: number, den: number, met: boolean): void => {
      expect(a).toBeDefined();
      expect(a!.numerator).toBe(num);
      expect(a!.denominator).toBe(den);
      expect(a!.value).toBeCloseTo((num / den) * 100, 6);
      expect(a!.targets.map((t) => t.met)).toEqual([met]);
    };
    expectOf(city.get('PRIMARY_CARE_STANDARD_RATE'), 5, 7, false);
    expectOf(city.get('TCM_SERVICE_COMMUNITY_CENTER_SHARE'), 1, 2, false);
    expectOf(city.get('TCM_SERVICE_TOWNSHIP_CENTER_SHARE'), 1, 2, false);
    expectOf(city.get('TCM_SERVICE_COMMUNITY_STATION_SHARE'), 1, 1, true);
    expectOf(city.get('TCM_SERVICE_VILLAGE_CLINIC_SHARE'), 1, 2, false);
    expectOf(city.get('GRADING_SYSTEM_COVERAGE'), 3, 4, false);
    const county = new Map(data.county.indicators.map((a) => [a.code, a]));
    expectOf(county.get('GRADING_SYSTEM_COVERAGE'), 2, 2, true);
    expectOf(county.get('PRIMARY_CARE_STANDARD_RATE'), 3, 4, false);
  });
});
