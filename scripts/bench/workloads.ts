/**
 * The requests the benchmark times: 表2 for one city, 表1 for the province and a dashboard of 20
 * county indicators over every county, all for the closed year 2019.
 */
import { indicatorCatalog } from '../../schema/catalog';
import { DASHBOARD_QUERY } from '../../gateway/exports/operations';
import { EVALUATION_FORM_QUERY } from '../../gateway/exports/form-query';
import type { Operation } from './http';

/** A closed period: every answer may be cached. */
export const PERIOD = '2019';

/** One timed request. */
export interface Workload {
  readonly key: string;
  readonly label: string;
  readonly op: Operation;
}

/** The first 20 quantitative indicators a county can be asked for, in catalog order. */
export const DASHBOARD_CODES: readonly string[] = indicatorCatalog
  .filter((d) => d.scopes.includes('COUNTY') && d.kind === 'QUANTITATIVE')
  .slice(0, 20)
  .map((d) => d.code);

function form(form: 'T1' | 'T2', code: string): Operation {
  return {
    query: EVALUATION_FORM_QUERY,
    variables: { form, scope: { kind: 'REGION', code }, period: PERIOD },
  };
}

/** The dashboard over `counties`. */
export function dashboard(counties: readonly string[]): Operation {
  return {
    query: DASHBOARD_QUERY,
    variables: {
      scopes: counties.map((code) => ({ kind: 'REGION', code })),
      period: PERIOD,
      codes: DASHBOARD_CODES,
    },
  };
}

/** The three end-to-end workloads of the issue. */
export function workloads(counties: readonly string[]): Workload[] {
  return [
    { key: 't2', label: `表2 T2, city 610900, ${PERIOD}`, op: form('T2', '610900') },
    { key: 't1', label: `表1 T1, province 610000, ${PERIOD}`, op: form('T1', '610000') },
    {
      key: 'dashboard',
      label: `dashboard, ${DASHBOARD_CODES.length} indicators × ${counties.length} counties, ${PERIOD}`,
      op: dashboard(counties),
    },
  ];
}

/** The entity query of the gateway-overhead figure (served by the institutions subgraph alone). */
export const ENTITY_QUERY: Operation = { query: '{ region(code: "610900") { name level } }' };
