/**
 * The data volumes of the benchmark's region, checked against the province minimums.
 */
import { createConnection } from 'mysql2/promise';
import type { SourcesConfig } from '../../adapters/sources/config';

export interface Volumes {
  readonly cities: number;
  readonly counties: number;
  readonly institutions: number;
  /** Outpatient registrations (vendor A `MZ_GHXX` + vendor B `outpatient_visit`), all years. */
  readonly outpatientVisits: number;
  /** Inpatient episodes (vendor A `BA_SY` + vendor B `inpatient_episode`), all years. */
  readonly discharges: number;
  readonly hisA: number;
  readonly hisB: number;
  /** Rows of every table of every source. */
  readonly totalRows: number;
  /** County codes (level 3), sorted. */
  readonly countyCodes: readonly string[];
  /** Institutions registered in each division (by `division_code`). */
  readonly institutionsByDivision: Readonly<Record<string, number>>;
}

/** Institutions registered in `divisions`. */
export function institutionsIn(v: Volumes, divisions: readonly string[]): number {
  return divisions.reduce((n, code) => n + (v.institutionsByDivision[code] ?? 0), 0);
}

/** One minimum of the issue and whether the region meets it. */
export interface VolumeCheck {
  readonly label: string;
  readonly value: number;
  readonly minimum: number;
  readonly met: boolean;
}

const sumOf = (rows: Record<string, number>, tables: readonly string[]): number =>
  Object.entries(rows)
    .filter(([key]) => tables.includes(key.slice(key.indexOf('.') + 1)))
    .reduce((n, [, v]) => n + v, 0);

/** Counts from the build's row counts, and cities and counties from the registry database. */
export async function volumesOf(sources: SourcesConfig, rows: Record<string, number>): Promise<Volumes> {
  const registry = sources.sources.find((s) => s.kind === 'registry');
  if (!registry) throw new Error('no registry source');
  const connection = await createConnection(registry.url.replace(/^mariadb:/, 'mysql:'));
  let divisions: Array<{ code: string; level: number }>;
  const institutionsByDivision: Record<string, number> = {};
  try {
    const [result] = await connection.query('SELECT code, level FROM admin_division ORDER BY code');
    divisions = (result as Array<{ code: string; level: number }>).map((d) => ({
      code: String(d.code),
      level: Number(d.level),
    }));
    const [held] = await connection.query(
      'SELECT division_code AS code, COUNT(*) AS n FROM institution GROUP BY division_code',
    );
    for (const row of held as Array<{ code: string; n: number }>) {
      institutionsByDivision[String(row.code)] = Number(row.n);
    }
  } finally {
    await connection.end();
  }
  const countyCodes = divisions.filter((d) => d.level === 3).map((d) => d.code);
  return {
    cities: divisions.filter((d) => d.level === 2).length,
    counties: countyCodes.length,
    institutions: rows['registry.institution'] ?? 0,
    outpatientVisits: sumOf(rows, ['MZ_GHXX', 'outpatient_visit']),
    discharges: sumOf(rows, ['BA_SY', 'inpatient_episode']),
    hisA: sources.sources.filter((s) => s.kind === 'his_a').length,
    hisB: sources.sources.filter((s) => s.kind === 'his_b').length,
    totalRows: Object.values(rows).reduce((n, v) => n + v, 0),
    countyCodes,
    institutionsByDivision,
  };
}

/** The minimums for a province: 10 cities, 100 counties, 3,000 institutions, 10 M visits, … */
export function volumeChecks(v: Volumes): VolumeCheck[] {
  const check = (label: string, value: number, minimum: number): VolumeCheck => ({
    label,
    value,
    minimum,
    met: value >= minimum,
  });
  return [
    check('cities', v.cities, 10),
    check('counties', v.counties, 100),
    check('institutions', v.institutions, 3_000),
    check('outpatient visits', v.outpatientVisits, 10_000_000),
    check('discharges', v.discharges, 1_000_000),
    check('HIS sources', v.hisA + v.hisB, 20),
    check('HIS sources of vendor A', v.hisA, 1),
    check('HIS sources of vendor B', v.hisB, 1),
  ];
}
