import { ANONYMOUS_PRINCIPAL, buildPrincipal } from '../../security/principal';
import type { Principal } from '../../security/principal';
import {
  allianceAccess,
  divisionLevel,
  divisionWithin,
  institutionAccess,
  publicDataAllowed,
  regionAccess,
} from '../../security/scope';
import type { AllianceFacts, InstitutionFacts } from '../../security/scope';

const CENTRAL = '1261090216141035WD';
const TOWNSHIP = '12610921MB0000101A';

const JT01 = { id: 'AK-JT-01', kind: 'JT', divisionCode: '610900' };
const GT_HANYIN = { id: 'AK-GT-610921', kind: 'GT', divisionCode: '610921' };
const GT_HANBIN = { id: 'AK-GT-610902', kind: 'GT', divisionCode: '610902' };
const ZK01 = { id: 'AK-ZK-01', kind: 'ZK', divisionCode: '610900' };
const JT_HANZHONG = { id: 'HZ-JT-01', kind: 'JT', divisionCode: '610700' };

const principals: Record<string, Principal> = {
  national: buildPrincipal({ id: 'national', kind: 'NATIONAL' }),
  'province 610000': buildPrincipal({ id: '610000', kind: 'PROVINCE' }),
  'city 610900': buildPrincipal({ id: '610900', kind: 'CITY' }),
  'urban alliance 6109001': buildPrincipal({ id: '6109001', kind: 'URBAN_ALLIANCE' }),
  'county alliance 6109002': buildPrincipal({ id: '6109002', kind: 'COUNTY_ALLIANCE' }),
  'institution 安康市中心医院': buildPrincipal({ id: CENTRAL, kind: 'INSTITUTION' }),
  'app REGION 610902': buildPrincipal({
    id: 'app-a',
    kind: 'APP',
    grants: [{ kind: 'REGION', code: '610902' }],
  }),
  'app INSTITUTION + ALLIANCE': buildPrincipal({
    id: 'app-b',
    kind: 'APP',
    grants: [
      { kind: 'INSTITUTION', code: TOWNSHIP },
      { kind: 'ALLIANCE', code: 'AK-ZK-01' },
    ],
  }),
  anonymous: ANONYMOUS_PRINCIPAL,
};

/** Regions: 陕西省, 安康市, 汉滨区, 汉阴县, 汉中市, 山东省. */
const regions = ['610000', '610900', '610902', '610921', '610700', '370000'];

/** Institutions: 安康市中心医院, 汉阴县医院, an 汉阴 township centre, a village clinic, a 汉中 hospital. */
const institutions: InstitutionFacts[] = [
  { orgCode: CENTRAL, divisionCode: '610902', allianceIds: [JT01, ZK01] },
  { orgCode: '12610921973068508M', divisionCode: '610921', allianceIds: [JT01, GT_HANYIN] },
  { orgCode: TOWNSHIP, divisionCode: '610921', allianceIds: [GT_HANYIN] },
  { orgCode: '52610921MB0000202X', divisionCode: '610921', allianceIds: [] },
  { orgCode: '12610702MB0000303Y', divisionCode: '610702', allianceIds: [JT_HANZHONG] },
];

const alliances: AllianceFacts[] = [JT01, GT_HANYIN, GT_HANBIN, ZK01, JT_HANZHONG];

const marks = (decisions: { allowed: boolean }[]) => decisions.map((d) => (d.allowed ? 'Y' : '.')).join('');

describe('data scope: principal × subject', () => {
  // regions | institutions | alliances, in the order of the lists above.
  test.each([
    ['national', 'YYYYYY', 'YYYYY', 'YYYYY'],
    ['province 610000', 'YYYYY.', 'YYYYY', 'YYYYY'],
    ['city 610900', '.YYY..', 'YYYY.', 'YYYY.'],
    ['urban alliance 6109001', '......', 'YY...', 'Y....'],
    ['county alliance 6109002', '......', '.YY..', '.YY..'],
    ['institution 安康市中心医院', '......', 'Y....', '.....'],
    ['app REGION 610902', '..Y...', 'Y....', '..Y..'],
    ['app INSTITUTION + ALLIANCE', '......', '..Y..', '...Y.'],
    ['anonymous', '......', '.....', '.....'],
  ])('%s: regions %s, institutions %s, alliances %s', (name, r, i, a) => {
    const p = principals[name];
    expect(marks(regions.map((code) => regionAccess(p, code)))).toBe(r);
    expect(marks(institutions.map((inst) => institutionAccess(p, inst)))).toBe(i);
    expect(marks(alliances.map((al) => allianceAccess(p, al)))).toBe(a);
  });

  test('a city asking for its province is refused, not narrowed', () => {
    expect(regionAccess(principals['city 610900'], '610000')).toEqual({
      allowed: false,
      reason: '610000 is outside city account 610900',
    });
  });

  test('reasons say why', () => {
    expect(regionAccess(principals['province 610000'], '610921')).toEqual({
      allowed: true,
      reason: '610921 is within province 610000',
    });
    expect(regionAccess(principals['urban alliance 6109001'], '610900')).toEqual({
      allowed: false,
      reason: 'alliance accounts see their alliances, not region aggregates',
    });
    expect(institutionAccess(principals['urban alliance 6109001'], institutions[0])).toEqual({
      allowed: true,
      reason: 'member of AK-JT-01, an alliance of account 6109001',
    });
    expect(allianceAccess(principals['urban alliance 6109001'], ZK01)).toEqual({
      allowed: false,
      reason: 'account 6109001 covers JT alliances only',
    });
    expect(
      allianceAccess(principals['county alliance 6109002'], { ...GT_HANYIN, divisionCode: '610722' }),
    ).toEqual({ allowed: false, reason: 'alliance AK-GT-610921 is outside city 610900' });
    expect(regionAccess(principals['app REGION 610902'], '610900')).toEqual({
      allowed: false,
      reason: 'no grant of app app-a covers region 610900',
    });
    expect(institutionAccess(principals['app INSTITUTION + ALLIANCE'], institutions[2])).toEqual({
      allowed: true,
      reason: `INSTITUTION grant ${TOWNSHIP}`,
    });
    expect(regionAccess(ANONYMOUS_PRINCIPAL, '610900')).toEqual({
      allowed: false,
      reason: 'anonymous callers see catalog and registry master data only',
    });
  });

  test('malformed division codes are never within anything', () => {
    expect(regionAccess(principals.national, '6109')).toEqual({
      allowed: false,
      reason: '6109 is not a division code',
    });
    expect(regionAccess(principals['province 610000'], "610000' OR 1=1")).toMatchObject({ allowed: false });
    expect(divisionWithin('61090', '610000')).toBe(false);
  });
});

describe('divisions', () => {
  test.each([
    ['610921', '610000', true],
    ['610921', '610900', true],
    ['610921', '610921', true],
    ['610900', '610921', false],
    ['610000', '610900', false],
    ['610721', '610900', false],
    ['370282', '610000', false],
  ])('%s within %s: %s', (code, scope, within) => {
    expect(divisionWithin(code, scope)).toBe(within);
  });

  test('levels', () => {
    expect(['610000', '610900', '610921'].map(divisionLevel)).toEqual(['PROVINCE', 'CITY', 'COUNTY']);
  });
});

describe('public master data', () => {
  test('anonymous and accounts read the catalog and the registry; an app only with the role', () => {
    expect(publicDataAllowed(ANONYMOUS_PRINCIPAL, 'catalog')).toEqual({
      allowed: true,
      reason: 'role catalog:read',
    });
    expect(publicDataAllowed(principals['city 610900'])).toEqual({
      allowed: true,
      reason: 'role registry:read',
    });
    const app = buildPrincipal({
      id: 'app-c',
      kind: 'APP',
      grants: [{ kind: 'REGION', code: '610902' }],
      roles: ['indicators:read'],
    });
    expect(publicDataAllowed(app, 'registry')).toEqual({
      allowed: false,
      reason: 'principal app-c lacks role registry:read',
    });
  });
});
