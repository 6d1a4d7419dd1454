import { sha256Hex } from '../hardening';
import type { PersistedManifest } from '../hardening';
import { EVALUATION_FORM_QUERY } from './form-query';

/** A dashboard's registered operation: indicators of many scopes for one period. */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard($scopes: [EvaluationScopeInput!]!, $period: Period!, $codes: [String!]) {
    indicatorValues(scopes: $scopes, period: $period, codes: $codes) {
      scopeKind
      scopeCode
      indicators {
        code
        nameZh
        value
        display
        missing
        unit
      }
    }
  }
`;

/**
 * The operations app principals may run out of the box (持久化操作白名单): the form export and a
 * dashboard query. A deployment lists its own in the file its security configuration names.
 */
export function builtInOperations(): PersistedManifest {
  const documents = [EVALUATION_FORM_QUERY, DASHBOARD_QUERY];
  return { operations: new Map(documents.map((d) => [sha256Hex(d), d])) };
}
