import { registryAdapter, SourceRegistry, parseSourcesConfig } from '../../adapters';
import { memberDuring, rollUpDivisionStats, inForceOn } from '../../adapters/registry/adapter';
import { registryTables } from '../../adapters/registry/contract';
import { registryFactsAdapter } from '../../adapters/registry/facts';
import { parsePeriod, periodMonths } from '../../schema/period';
import { buildDatabases } from '../fixtures/databases';
import type { Engine } from '../fixtures/databases';
import * as fx from '../fixtures/registry.fixture';
import { quietLogger } from '../helpers/quiet';

const { ORG } = fx;

describe.each<Engine>(['sqlite', 'mariadb'])('registry adapter on %s', (engine) => {
  let sources: SourceRegistry;
  const registry = (): ReturnType<SourceRegistry['registry']> => sources.registry();

  beforeAll(async () => {
    const urls = await buildDatabases(engine, 'hag_reg', [
      {
        name: 'registry',
        tables: registryTables,
        rows: {
          admin_division: fx.divisions,
          institution: fx.institutions,
          alliance: fx.alliances,
          alliance_member: fx.allianceMembers,
          alliance_mechanism: fx.mechanisms,
          shared_center: fx.sharedCenters,
          support_activity: fx.supportActivities,
          policy_document: fx.policyDocuments,
          division_stat: fx.divisionStats,
          ins_org_map: fx.insOrgMap,
        },
      },
    ]);
    sources = new SourceRegistry(
      parseSourcesConfig({ sources: [{ id: 'registry', kind: 'registry', url: urls.registry }] }),
      quietLogger(),
    );
  });
  afterAll(async () => {
    await sources.close();
  });

  test('institutions: old category codes with the letter O, flags empty vs NULL', async () => {
    const [p2] = await registryAdapter.institutionsByCodes(registry(), [ORG.P2]);
    expect(p2).toMatchObject({
      categoryCode: 'C220',
      category: 'TOWNSHIP_HEALTH_CENTER',
      primaryCare: true,
      tcmService: false,
    });
    const [h1] = await registryAdapter.institutionsByCodes(registry(), [ORG.H1]);
    expect([h1.level, h1.meetsStandard, h1.mutualRecognition]).toEqual(['LEVEL_3', null, null]);
  });

  test('alliances with canonical kinds; an unknown kind is kept with kind null', async () => {
    const all = await registryAdapter.alliances(registry());
    expect(all.map((a) => [a.allianceId, a.kind, a.tight, a.typical, a.specialty, a.dissolvedOn])).toEqual([
      ['BAD1', null, null, null, null, null],
      ['GT1', 'COUNTY_COMMUNITY', true, true, null, null],
      ['JT1', 'URBAN_GROUP', true, null, null, null],
      ['ZK1', 'SPECIALTY_ALLIANCE', false, false, '胸痛', '20190401'],
    ]);
    const urban = await registryAdapter.alliances(registry(), {
      kinds: ['URBAN_GROUP', 'SPECIALTY_ALLIANCE'],
    });
    expect(urban.map((a) => a.allianceId)).toEqual(['JT1', 'ZK1']);
  });

  test('membership by overlap with the period', async () => {
    const members = await registryAdapter.allianceMembers(registry(), { allianceIds: ['JT1'] });
    const in2019H1 = members
      .filter((m) => memberDuring(m, '20190101', '20190701'))
      .map((m) => [m.orgCode, m.role]);
    expect(in2019H1.sort()).toEqual([
      [ORG.H1, 'LEAD'],
      [ORG.H2, 'MEMBER'],
    ]);
    const in2018 = members.filter((m) => memberDuring(m, '20180101', '20190101')).map((m) => m.orgCode);
    expect(in2018.sort()).toEqual([ORG.H1, ORG.P4].sort());
    const ofP1 = await registryAdapter.allianceMembers(registry(), { orgCodes: [ORG.P1] });
    expect(ofP1).toEqual([
      { allianceId: 'GT1', orgCode: ORG.P1, role: 'MEMBER', joinedOn: '20180101', leftOn: null },
    ]);
  });

  test('mechanisms in force on a day; unknown items dropped', async () => {
    const m = await registryAdapter.mechanisms(registry(), ['JT1']);
    expect(m.map((x) => x.item).sort()).toEqual(['CHARTER', 'GLOBAL_BUDGET']);
    expect(m.filter((x) => inForceOn(x.since, x.until, '20190630')).map((x) => x.item)).toEqual(['CHARTER']);
    expect(
      m
        .filter((x) => inForceOn(x.since, x.until, '20181231'))
        .map((x) => x.item)
        .sort(),
    ).toEqual(['CHARTER', 'GLOBAL_BUDGET']);
  });

  test('shared centres by host or alliance', async () => {
    const c = await registryAdapter.sharedCenters(registry(), {
      hostOrgCodes: [ORG.H2],
      allianceIds: ['JT1'],
    });
    expect(c.map((x) => [x.centerId, x.kind, x.allianceId]).sort()).toEqual([
      ['C1', 'IMAGING', 'JT1'],
      ['C2', 'LAB', null],
    ]);
  });

  test('support activities aggregated per month; equipment ≥ 300,000 yuan counted', async () => {
    const rows = await registryAdapter.supportActivities(registry(), {
      months: periodMonths(parsePeriod('2019H1')),
      orgCodes: [ORG.P2, ORG.P1],
    });
    expect(rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      {
        fromOrgCode: ORG.H1,
        toOrgCode: ORG.P2,
        kind: 'EQUIPMENT',
        month: '201903',
        activities: 2,
        amount: 599999.99,
        equipmentOver300k: 1,
      },
      {
        fromOrgCode: ORG.H1,
        toOrgCode: ORG.P2,
        kind: 'NEW_TECH',
        month: '201903',
        activities: 1,
        amount: null,
        equipmentOver300k: 0,
      },
    ]);
  });

  test('policy documents by issuing division', async () => {
    const docs = await registryAdapter.policyDocuments(registry(), ['610921']);
    expect(docs).toEqual([
      {
        divisionCode: '610921',
        kind: 'COUNTY_PLAN',
        issuedOn: '20180315',
        title: '汉阴县县域医疗卫生服务体系规划',
      },
    ]);
  });

  test('division statistics: missing city and province rows are summed from counties', async () => {
    const stats = await registryAdapter.divisionStats(registry(), [2018, 2019]);
    const index = await registryAdapter.divisions(registry());
    const children = (code: string): string[] =>
      index.filter((d) => d.parentCode === code).map((d) => d.code);
    const city2019 = rollUpDivisionStats('610900', 2019, stats, children);
    expect(city2019).toMatchObject({
      householdPop: 1300000,
      householdUrbanPop: 325000,
      lifeExpectancy: null,
      derived: true,
    });
    expect(rollUpDivisionStats('610000', 2019, stats, children)).toMatchObject({
      householdPop: 1300000,
      derived: true,
    });
    expect(rollUpDivisionStats('610900', 2018, stats, children)).toMatchObject({
      householdPop: 2900000,
      derived: false,
    });
    expect(rollUpDivisionStats('610921', 2019, stats, children)).toMatchObject({
      lifeExpectancy: 75.1,
      derived: false,
    });
    expect(rollUpDivisionStats('610921', 2018, stats, children)).toBeNull();
  });

  test('insurance institution codes map', async () => {
    const map = await registryAdapter.insOrgMap(registry());
    expect([...map]).toEqual([
      ['H61090200001', ORG.H1],
      ['H61092100001', ORG.H2],
    ]);
    // Made once per kept answer: the same map again while the registry keeps it.
    expect(await registryAdapter.insOrgMap(registry())).toBe(map);
  });

  test('the registry keeps its answers (5 minutes by default): the same statement again reaches the database once; a ping always does', async () => {
    const source = registry();
    expect(source.config.answerCacheSeconds).toBe(300);
    const before = source.statements;
    const hits = source.answers?.hits ?? 0;
    const first = await registryAdapter.institutionsByCodes(source, [ORG.H1, ORG.P2]);
    const again = await registryAdapter.institutionsByCodes(source, [ORG.H1, ORG.P2]);
    expect(again).toEqual(first);
    expect(first.map((i) => i.orgCode).sort()).toEqual([ORG.H1, ORG.P2].sort());
    expect(source.statements - before).toBe(1);
    expect((source.answers?.hits ?? 0) - hits).toBe(1);
    await source.ping();
    await source.ping();
    expect(source.statements - before).toBe(3);
  });

  test('a kept answer is converted once: the same membership facts and support pairs again, the same list', async () => {
    const source = registry();
    const periods = [parsePeriod('2019')];
    const first = await registryFactsAdapter.membershipFacts(source, periods);
    const again = await registryFactsAdapter.membershipFacts(source, periods);
    expect(first.length).toBeGreaterThan(0);
    // The list itself, shared while the answer is kept: what is made of it is made once too.
    expect(again).toBe(first);
    // Support pairs alike (the support measures' candidates are found once per kept list).
    const pairs = await registryFactsAdapter.supportPairs(source, periods);
    expect(pairs.length).toBeGreaterThan(0);
    expect(await registryFactsAdapter.supportPairs(source, periods)).toBe(pairs);
    // Institution records: the same objects, in a list of the caller's own.
    const records = await registryAdapter.institutionsByCodes(source, [ORG.H1, ORG.P2]);
    const recordsAgain = await registryAdapter.institutionsByCodes(source, [ORG.H1, ORG.P2]);
    expect(recordsAgain).not.toBe(records);
    expect(recordsAgain.every((r, i) => r === records[i])).toBe(true);
    // Without kept answers every read is converted afresh, to the same facts.
    const uncached = new SourceRegistry(
      parseSourcesConfig({ sources: [{ ...source.config, answerCacheSeconds: 0 }] }),
      quietLogger(),
    );
    try {
      const fresh = await registryFactsAdapter.membershipFacts(uncached.registry(), periods);
      expect(fresh).toEqual(first);
      expect(fresh[0]).not.toBe(first[0]);
    } finally {
      await uncached.close();
    }
  });
});
