/**
 * Builds the embedded demo: a registry and three HIS databases (SQLite) for 安康市, plus the
 * `sources.json` naming them. Built once per generator version and scale; later calls reuse it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hisATables } from '../his_a/contract';
import { hisBTables } from '../his_b/contract';
import { registryTables } from '../registry/contract';
import { parseSourcesConfig } from '../sources/config';
import type { TableSpec } from '../sql/contract';
import { ContractWriter } from '../sql/writer';
import { buildAnkangRegion, institutionRow } from './ankang';
import type { DemoInstitution, DemoRegion, DemoSourceId } from './ankang';
import { generateCensus, generateEpisodes, hasWards, INPATIENT_COLUMNS, TransferTargets } from './inpatient';
import type { InpatientRows, InpatientState } from './inpatient';
import type { RegionalDemoSource } from './regional';
import { REGIONAL_DEMO_SOURCES } from './regional-sources';
import { MZ_GHXX_COLUMNS, OUTPATIENT_VISIT_COLUMNS, generateVisitMonth } from './visits';
import type { VisitVendor, VisitWriterState } from './visits';

/** Bumped whenever the generated data changes, so that an older demo build is not reused. */
export const GENERATOR_VERSION = 'ankang-demo-2';

/** How much demo data to generate. */
export interface DemoScale {
  /** Average visits per institution per working day, by institution class multiplier; 1 = default demo volume. */
  readonly visitScale: number;
  /** Years covered, default [2018, 2019, 2020]. */
  readonly years: readonly number[];
}

/** What `ensureDemoData` did. */
export interface DemoResult {
  /** Absolute path of the `sources.json` to load. */
  readonly sourcesFile: string;
  /** True when an existing build was reused untouched. */
  readonly reused: boolean;
  /** Rows per `source-id.table`. */
  readonly rows: Record<string, number>;
  /** Seconds this call took. */
  readonly seconds: number;
}

/** The default demo volume: three years, scale 1 (about 1.5 million registrations). */
export const DEFAULT_DEMO_SCALE: DemoScale = { visitScale: 1, years: [2018, 2019, 2020] };

const MARKER_FILE = 'demo.json';
const SOURCES_FILE = 'sources.json';
const REGISTRY_FILE = 'registry.sqlite';

interface HisDatabase {
  readonly id: DemoSourceId;
  readonly file: string;
  readonly kind: 'his_a' | 'his_b';
  readonly vendor: VisitVendor;
  readonly tables: readonly TableSpec[];
  readonly options?: Readonly<Record<string, string>>;
}

const HIS_DATABASES: readonly HisDatabase[] = [
  {
    id: 'his-a-city',
    file: 'his_a_city.sqlite',
    kind: 'his_a',
    vendor: 'A14',
    tables: hisATables({ ghsjFormat: 'CHAR14' }),
    options: { ghsjFormat: 'CHAR14' },
  },
  { id: 'his-b-county', file: 'his_b_county.sqlite', kind: 'his_b', vendor: 'B', tables: hisBTables },
  {
    id: 'his-a-primary',
    file: 'his_a_primary.sqlite',
    kind: 'his_a',
    vendor: 'A19',
    tables: hisATables({ ghsjFormat: 'CHAR19' }),
    options: { ghsjFormat: 'CHAR19' },
  },
];

/** Rows buffered before one insert (one transaction). */
const FLUSH_ROWS = 40_000;

interface Marker {
  readonly generatorVersion: string;
  readonly scale: DemoScale;
  readonly rows: Record<string, number>;
}

function resolveScale(partial: Partial<DemoScale> | undefined): DemoScale {
  const visitScale = partial?.visitScale ?? DEFAULT_DEMO_SCALE.visitScale;
  if (!Number.isFinite(visitScale) || visitScale <= 0)
    throw new Error(`demo: visitScale must be > 0, got ${visitScale}`);
  const years = [...new Set(partial?.years ?? DEFAULT_DEMO_SCALE.years)].sort((a, b) => a - b);
  if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) {
    throw new Error(`demo: years must be a non-empty list of years, got ${JSON.stringify(partial?.years)}`);
  }
  return { visitScale, years };
}

function readMarker(path: string): Marker | null {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<Marker>;
    if (typeof raw.generatorVersion !== 'string' || !raw.scale || typeof raw.rows !== 'object' || !raw.rows)
      return null;
    return raw as Marker;
  } catch {
    return null;
  }
}

function sameScale(a: DemoScale, b: DemoScale): boolean {
  return a.visitScale === b.visitScale && JSON.stringify(a.years) === JSON.stringify(b.years);
}

/** Write a file under a temporary name, then rename it into place. */
function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function sqliteUrl(path: string): string {
  return `sqlite:${path}`;
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

async function writeRegistry(region: DemoRegion, path: string, rows: Record<string, number>): Promise<void> {
  const writer = await ContractWriter.create(sqliteUrl(path), registryTables);
  try {
    const tables: Array<[string, readonly Record<string, unknown>[]]> = [
      ['admin_division', region.divisions],
      ['division_stat', region.divisionStats],
      ['institution', region.institutions.map(institutionRow)],
      ['ins_org_map', region.insOrgMap],
      ['alliance', region.alliances],
      ['alliance_member', region.allianceMembers],
      ['alliance_mechanism', region.allianceMechanisms],
      ['shared_center', region.sharedCenters],
      ['support_activity', region.supportActivities],
      ['policy_document', region.policyDocuments],
    ];
    for (const [table, data] of tables) {
      const spec = registryTables.find((t) => t.name === table);
      await writer.insert(
        table,
        data,
        spec?.columns.map((c) => c.name),
      );
      rows[`registry.${table}`] = data.length;
    }
  } finally {
    await writer.close();
  }
}

async function writeHis(
  db: HisDatabase,
  institutions: readonly DemoInstitution[],
  targets: TransferTargets,
  scale: DemoScale,
  path: string,
  rows: Record<string, number>,
): Promise<void> {
  const writer = await ContractWriter.create(sqliteUrl(path), db.tables);
  const visitTable = db.vendor === 'B' ? 'outpatient_visit' : 'MZ_GHXX';
  const columns: Record<string, readonly string[]> = {
    ...INPATIENT_COLUMNS,
    [visitTable]: db.vendor === 'B' ? OUTPATIENT_VISIT_COLUMNS : MZ_GHXX_COLUMNS,
  };
  const visitState: VisitWriterState = { vendor: db.vendor, nextVisitId: 1 };
  const inpatientState: InpatientState = { vendor: db.vendor, nextEpisodeId: 1, nextSurgeryId: 1 };
  const buffers: InpatientRows = { [visitTable]: [] };
  const flush = async (all: boolean): Promise<void> => {
    for (const [table, buffer] of Object.entries(buffers)) {
      if (buffer.length === 0 || (!all && buffer.length < FLUSH_ROWS)) continue;
      await writer.insert(table, buffer, columns[table]);
      rows[`${db.id}.${table}`] = (rows[`${db.id}.${table}`] ?? 0) + buffer.length;
      buffers[table] = [];
    }
  };
  try {
    // Institution by institution, in time order: rows arrive in index order, which keeps inserts fast.
    for (let i = 0; i < institutions.length; i++) {
      const inst = institutions[i];
      for (const year of scale.years) {
        for (let month = 1; month <= 12; month++) {
          generateVisitMonth(inst, i + 1, year, month, scale.visitScale, visitState, buffers[visitTable]);
          await flush(false);
        }
      }
      if (hasWards(inst)) {
        generateEpisodes(inst, i + 1, scale.years, scale.visitScale, targets, inpatientState, buffers);
        generateCensus(inst, scale.years, db.vendor, buffers);
        await flush(false);
      }
    }
    await flush(true);
  } finally {
    await writer.close();
  }
}

function sourcesJson(region: DemoRegion): object {
  const institutions = region.institutions;
  return {
    sources: [
      { id: 'registry', kind: 'registry', url: `sqlite:${REGISTRY_FILE}` },
      ...HIS_DATABASES.map((db) => ({
        id: db.id,
        kind: db.kind,
        url: `sqlite:${db.file}`,
        institutions: institutions.filter((i) => i.source === db.id).map((i) => i.orgCode),
        ...(db.options ? { options: db.options } : {}),
      })),
      ...REGIONAL_DEMO_SOURCES.map((r) => ({
        id: r.id,
        kind: r.kind,
        url: `sqlite:${r.file}`,
        ...(r.institutions ? { institutions: r.institutions(region) } : {}),
      })),
    ],
  };
}

async function writeRegional(
  source: RegionalDemoSource,
  region: DemoRegion,
  years: readonly number[],
  path: string,
  rows: Record<string, number>,
): Promise<void> {
  const writer = await ContractWriter.create(sqliteUrl(path), source.tables);
  try {
    for (const [table, chunk] of source.rows(region, years)) {
      const spec = source.tables.find((t) => t.name === table);
      if (!spec) throw new Error(`demo ${source.id}: no table ${table} in its contract`);
      await writer.insert(
        table,
        chunk,
        spec.columns.map((c) => c.name),
      );
      rows[`${source.id}.${table}`] = (rows[`${source.id}.${table}`] ?? 0) + chunk.length;
    }
  } finally {
    await writer.close();
  }
}

/** Build (once) SQLite databases for the demo under `dir` and a `sources.json` naming them; later calls reuse them when the marker matches. */
export async function ensureDemoData(
  dir: string,
  options: { scale?: Partial<DemoScale>; force?: boolean; log?: (line: string) => void } = {},
): Promise<DemoResult> {
  const started = performance.now();
  const log = options.log ?? ((): void => undefined);
  const scale = resolveScale(options.scale);
  const root = resolve(dir);
  const sourcesFile = join(root, SOURCES_FILE);
  const markerPath = join(root, MARKER_FILE);
  const files = [
    REGISTRY_FILE,
    ...HIS_DATABASES.map((d) => d.file),
    ...REGIONAL_DEMO_SOURCES.map((r) => r.file),
    SOURCES_FILE,
  ];

  if (!options.force) {
    const marker = readMarker(markerPath);
    if (
      marker &&
      marker.generatorVersion === GENERATOR_VERSION &&
      sameScale(marker.scale, scale) &&
      files.every((f) => existsSync(join(root, f)))
    ) {
      log(`demo data: reusing ${root} (${GENERATOR_VERSION})`);
      return { sourcesFile, reused: true, rows: { ...marker.rows }, seconds: seconds(started) };
    }
  }

  // The marker goes first and comes back last: an interrupted build is never reused.
  mkdirSync(root, { recursive: true });
  rmSync(markerPath, { force: true });
  log(`demo data: building ${root} (visit scale ${scale.visitScale}, years ${scale.years.join(', ')})`);
  const region = buildAnkangRegion(scale.years);
  const config = sourcesJson(region);
  parseSourcesConfig(config, { baseDir: root, env: {} });
  const rows: Record<string, number> = {};
  const building = (file: string): string => join(root, `${file}.building`);

  const targets = new TransferTargets(region.institutions);
  let step = performance.now();
  await writeRegistry(region, building(REGISTRY_FILE), rows);
  log(`demo data: registry, ${region.institutions.length} institutions (${seconds(step)} s)`);
  for (const db of HIS_DATABASES) {
    step = performance.now();
    const held = region.institutions.filter((i) => i.source === db.id);
    await writeHis(db, held, targets, scale, building(db.file), rows);
    const count = Object.entries(rows)
      .filter(([k]) => k.startsWith(`${db.id}.`))
      .reduce((s, [, n]) => s + n, 0);
    log(`demo data: ${db.id}, ${held.length} institutions, ${count} rows (${seconds(step)} s)`);
  }

  for (const regional of REGIONAL_DEMO_SOURCES) {
    step = performance.now();
    await writeRegional(regional, region, scale.years, building(regional.file), rows);
    log(`demo data: ${regional.id} (${seconds(step)} s)`);
  }

  for (const file of files.filter((f) => f !== SOURCES_FILE)) {
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(join(root, file + suffix), { force: true });
    renameSync(building(file), join(root, file));
  }
  writeAtomically(sourcesFile, `${JSON.stringify(config, null, 2)}\n`);
  const marker: Marker = { generatorVersion: GENERATOR_VERSION, scale, rows };
  writeAtomically(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  const result: DemoResult = { sourcesFile, reused: false, rows, seconds: seconds(started) };
  log(`demo data: done in ${result.seconds} s`);
  return result;
}
