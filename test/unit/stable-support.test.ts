import { parsePeriod } from '../../schema/period';
import type { MembershipFact, SupportPairCount } from '../../adapters/registry/facts';
import { ScopeKind } from '../../subgraphs/common/measures';
import { isTownshipCenter, stablySupported } from '../../subgraphs/alliances/measures/facts';
import type { FactData, FactScope } from '../../subgraphs/alliances/measures/facts';

/**
 * 与二、三级医院建立稳定帮扶关系的乡镇卫生院数 is compared with 乡镇卫生院总数 of the time point
 * (seed line 1731), so a township centre closed before the period's last day is not counted even
 * when it was a member or received support during the period (found on the demo: 167 > 166).
 */
const period = parsePeriod('2019');
const scope: FactScope = {
  kind: ScopeKind.REGION,
  code: '610900',
  period,
  subtree: new Set(['610900', '610921']),
  counties: ['610921'],
  ancestors: new Set(['610000', '610900']),
};

function member(
  orgCode: string,
  role: 'LEAD' | 'MEMBER',
  category: string,
  level: string,
  open = true,
): MembershipFact {
  return {
    periodId: '2019',
    allianceId: 'GT1',
    allianceName: '医共体',
    kindCode: 'GT',
    allianceDivision: '610921',
    leadOrgCode: 'LEAD',
    specialty: null,
    tcm: false,
    typical: false,
    servicePopulation: null,
    orgCode,
    role,
    categoryCode: category,
    hospLevel: level,
    ownership: '1',
    memberDivision: '610921',
    mutualRecognition: false,
    memberOpenAtEnd: open,
  };
}

function support(to: string, open: boolean): SupportPairCount {
  return {
    periodId: '2019',
    fromOrgCode: 'LEAD',
    toOrgCode: to,
    kind: 'NEW_TECH',
    fromCategory: 'A100',
    fromLevel: '2',
    toCategory: 'C220',
    toDivision: '610921',
    toOpenAtEnd: open,
    activities: 1,
  };
}

test('township centres closed before the time point are not stably supported', () => {
  const data = {
    members: [
      member('LEAD', 'LEAD', 'A100', '2'),
      member('T1', 'MEMBER', 'C210', '1'),
      member('CLOSED', 'MEMBER', 'C220', '1', false),
    ],
    support: [support('T2', true), support('CLOSED2', false)],
  } as unknown as FactData;
  expect([...stablySupported(scope, data, isTownshipCenter)].sort()).toEqual(['T1', 'T2']);
});
