/**
 * Builds the demo databases: a registry, the HIS databases and the regional systems of the demo
 * region — 安康市 alone by default (three HIS databases), or a larger region of `DemoScale` (more
 * cities, counties, institutions and HIS databases). `ensureDemoData` writes them as SQLite files
 * with a `sources.json` naming them, once per generator version and scale (later calls reuse
 * them); `buildDemoDatabases` writes them as SQLite files or as databases of a MySQL/MariaDB server.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { hisATables } from '../his_a/contract';
import { hisBTables } from '../his_b/contract';
import { registryTables } from '../registry/contract';
import { parseSourcesConfig } from '../sources/config';
import type { SourcesConfig } from '../sources/config';
import type { TableSpec } from '../sql/contract';
import { ContractWriter } from '../sql/writer';
import {
  buildAnkangRegion,
  DEFAULT_REGION_SHAPE,
  hisSourceLayout,
  institutionRow,
  resolveRegionShape,
} from './ankang';
import type { DemoHisSource, DemoInstitution, DemoRegion, DemoSourceId, RegionShape } from './ankang';
import { generateCensus, generateEpisodes, hasWards, INPATIENT_COLUMNS, TransferTargets } from './inpatient';
import type { InpatientRows, InpatientState } from './inpatient';
import type { RegionalDemoSource } from './regional';
import { REGIONAL_DEMO_SOURCES } from './regional-sources';
import { MZ_GHXX_COLUMNS, OUTPATIENT_VISIT_COLUMNS, generateVisitMonth } from './visits';
import type { VisitVendor, VisitWriterState } from './visits';

/** Bumped whenever the generated data changes, so that an older demo build is not reused. */
export const GENERATOR_VERSION = 'ankang-demo-2';

/**
 * How much demo data to generate: the region's shape (cities, counties per added city,
 * institution scale, HIS databases per added city) and the visit volume and years.
 */
export interface DemoScale extends RegionShape {
  /**
   * Average visits per institution per working day, by institution class multiplier; 1 = default
   * demo volume. Admissions and discharges follow the same multiplier.
   */
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

/**
 * Where `buildDemoDatabases` writes: SQLite files in a folder, or databases
 * `<prefix>_<source id>` of a MySQL/MariaDB server.
 */
export type DemoTarget =
  | { readonly kind: 'sqlite'; readonly dir: string }
  | {
      readonly kind: 'mysql';
      /** Server URL with a user allowed to create databases, e.g. `mysql://root@127.0.0.1:3306`. */
      readonly adminUrl: string;
      /** Database name prefix: source `his-a-city` goes to `<prefix>_his_a_city`. */
      readonly prefix: string;
    };

/** The sources configuration as written to `sources.json`. */
export interface DemoSourcesFile {
  readonly sources: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** What `buildDemoDatabases` built. */
export interface DemoBuild {
  /** The sources configuration (SQLite URLs relative to the folder, as in its `sources.json`). */
  readonly config: DemoSourcesFile;
  /** The same, validated by `parseSourcesConfig` (URLs resolved). */
  readonly sources: SourcesConfig;
  /** Rows per `source-id.table`. */
  readonly rows: Record<string, number>;
  /** Institutions in the registry. */
  readonly institutions: number;
  /** Seconds the build took. */
  readonly seconds: number;
}

/** The default demo: 安康 alone, three years, scale 1 (about 1.5 million registrations). */
export const DEFAULT_DEMO_SCALE: DemoScale = {
  visitScale: 1,
  years: [2018, 2019, 2020],
  ...DEFAULT_REGION_SHAPE,
};

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

/** A HIS database of the layout: `his-a-city` is written to `his_a_city.sqlite`. */
function hisDatabase(source: DemoHisSource): HisDatabase {
  const file = `${source.id.replace(/-/g, '_')}.sqlite`;
  if (source.vendor === 'B') return { id: source.id, file, kind: 'his_b', vendor: 'B', tables: hisBTables };
  const ghsjFormat = source.vendor === 'A14' ? 'CHAR14' : 'CHAR19';
  return {
    id: source.id,
    file,
    kind: 'his_a',
    vendor: source.vendor,
    tables: hisATables({ ghsjFormat }),
    options: { ghsjFormat },
  };
}

/** Rows buffered before one insert (one transaction). */
const FLUSH_ROWS = 40_000;

interface Marker {
  readonly generatorVersion: string;
  /** As resolved (older markers lack the region shape: the default). */
  readonly scale: Partial<DemoScale>;
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
  return { visitScale, years, ...resolveRegionShape(partial) };
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

/** Same scale; a marker written before the region shape existed stands for the default shape. */
function sameScale(recorded: Partial<DemoScale>, b: DemoScale): boolean {
  let a: DemoScale;
  try {
    a = resolveScale(recorded);
  } catch {
    return false;
  }
  return (
    a.visitScale === b.visitScale &&
    JSON.stringify(a.years) === JSON.stringify(b.years) &&
    a.cities === b.cities &&
    a.countiesPerCity === b.countiesPerCity &&
    a.institutionScale === b.institutionScale &&
    a.hisSourcesPerCity === b.hisSourcesPerCity
  );
}

/** Write a file under a temporary name, then rename it into place. */
function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

/**
 * Inserts through a ContractWriter with one batch in flight: the next batch is generated while
 * the server stores the previous one (MySQL). Batches are written in order, each in its own
 * transaction, exactly as awaited inserts would be (SQLite runs them synchronously anyway).
 *
 * On MySQL/MariaDB the tables are created without their secondary indexes, which `finish` adds
 * once the rows are in (one sorted index build per table instead of random inserts into indexes
 * larger than the buffer pool); the result is the schema `ContractWriter.create` would make.
 * SQLite files are written exactly as `ContractWriter.create` makes them.
 */
class Loader {
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  private constructor(
    private readonly writer: ContractWriter,
    private readonly url: string,
    private readonly deferred: readonly TableSpec[],
  ) {}

  /** Create the database at `url` with `tables` (ContractWriter.create) and load it. */
  static async create(url: string, tables: readonly TableSpec[]): Promise<Loader> {
    if (url.startsWith('sqlite:')) return new Loader(await ContractWriter.create(url, tables), url, []);
    const bare = tables.map((t) => ({ ...t, indexes: [] }));
    const deferred = tables.filter((t) => (t.indexes ?? []).length > 0);
    return new Loader(await ContractWriter.create(url, bare), url, deferred);
  }

  /** Queue one batch; waits for the previous one first. The caller must not change `rows` afterwards. */
  async insert(
    table: string,
    rows: ReadonlyArray<Record<string, unknown>>,
    columns?: readonly string[],
  ): Promise<void> {
    await this.settle();
    this.pending = this.writer.insert(table, rows, columns).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Wait for the batch in flight; throws if any batch failed. */
  async settle(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure.error;
  }

  /** Every row is in: wait for the last batch, then add the deferred indexes (MySQL). */
  async finish(): Promise<void> {
    await this.settle();
    if (this.deferred.length === 0) return;
    const connection = await createConnection(this.url.replace(/^mariadb:/, 'mysql:'));
    try {
      for (const table of this.deferred) {
        const adds = (table.indexes ?? []).map(
          (columns, i) =>
            `ADD INDEX \`ix_${table.name}_${i + 1}\` (${columns.map((c) => `\`${c}\``).join(', ')})`,
        );
        await connection.query(`ALTER TABLE \`${table.name}\` ${adds.join(', ')}`);
      }
    } finally {
      await connection.end();
    }
  }

  /** Wait for the batch in flight, then close the connection. */
  async close(): Promise<void> {
    try {
      await this.pending;
    } finally {
      await this.writer.close();
    }
  }
}

/** Where each database goes and how `sources.json` names it. */
interface Placement {
  /** Shown in the log. */
  readonly where: string;
  /** Folder relative SQLite URLs are resolved against. */
  readonly baseDir: string;
  /** URL the writer creates the database at. */
  writeUrl(id: string, file: string): string;
  /** URL written into the sources configuration. */
  configUrl(id: string, file: string): string;
  /** After every database is written (SQLite: move the files into place). */
  finish(files: readonly string[]): void;
}

function sqlitePlacement(dir: string): Placement {
  const root = resolve(dir);
  const building = (file: string): string => join(root, `${file}.building`);
  return {
    where: root,
    baseDir: root,
    writeUrl: (_id, file) => `sqlite:${building(file)}`,
    configUrl: (_id, file) => `sqlite:${file}`,
    finish: (files) => {
      for (const file of files) {
        for (const suffix of ['-wal', '-shm', '-journal']) rmSync(join(root, file + suffix), { force: true });
        renameSync(building(file), join(root, file));
      }
    },
  };
}

function mysqlPlacement(adminUrl: string, prefix: string): Placement {
  if (!/^[A-Za-z0-9_]{1,40}$/.test(prefix))
    throw new Error(`demo: bad database prefix ${JSON.stringify(prefix)}`);
  if (!/^(mysql|mariadb):\/\//.test(adminUrl))
    throw new Error(`demo: adminUrl must be a mysql:// URL, got ${adminUrl}`);
  const url = (id: string): string => {
    const u = new URL(adminUrl);
    u.pathname = `/${prefix}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    return u.toString();
  };
  const server = new URL(adminUrl);
  return {
    where: `${server.protocol}//${server.host}/${prefix}_*`,
    baseDir: process.cwd(),
    writeUrl: url,
    configUrl: url,
    finish: () => undefined,
  };
}

async function writeRegistry(region: DemoRegion, url: string, rows: Record<string, number>): Promise<void> {
  const loader = await Loader.create(url, registryTables);
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
      await loader.insert(
        table,
        data,
        spec?.columns.map((c) => c.name),
      );
      rows[`registry.${table}`] = data.length;
    }
    await loader.finish();
  } finally {
    await loader.close();
  }
}

async function writeHis(
  db: HisDatabase,
  institutions: readonly DemoInstitution[],
  targets: TransferTargets,
  scale: DemoScale,
  url: string,
  rows: Record<string, number>,
): Promise<void> {
  const loader = await Loader.create(url, db.tables);
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
      buffers[table] = [];
      await loader.insert(table, buffer, columns[table]);
      rows[`${db.id}.${table}`] = (rows[`${db.id}.${table}`] ?? 0) + buffer.length;
    }
  };
  try {
    // Institution by institution, in time order: rows arrive in index order, which keeps inserts fast.
    // One institution-month at a time: memory stays flat whatever the scale.
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
    await loader.finish();
  } finally {
    await loader.close();
  }
}

function sourcesJson(
  region: DemoRegion,
  his: readonly HisDatabase[],
  url: (id: string, file: string) => string,
): DemoSourcesFile {
  const institutions = region.institutions;
  return {
    sources: [
      { id: 'registry', kind: 'registry', url: url('registry', REGISTRY_FILE) },
      ...his.map((db) => ({
        id: db.id,
        kind: db.kind,
        url: url(db.id, db.file),
        institutions: institutions.filter((i) => i.source === db.id).map((i) => i.orgCode),
        ...(db.options ? { options: db.options } : {}),
      })),
      ...REGIONAL_DEMO_SOURCES.map((r) => ({
        id: r.id,
        kind: r.kind,
        url: url(r.id, r.file),
        ...(r.institutions ? { institutions: r.institutions(region) } : {}),
      })),
    ],
  };
}

async function writeRegional(
  source: RegionalDemoSource,
  region: DemoRegion,
  years: readonly number[],
  url: string,
  rows: Record<string, number>,
): Promise<void> {
  const loader = await Loader.create(url, source.tables);
  try {
    for (const [table, chunk] of source.rows(region, years)) {
      const spec = source.tables.find((t) => t.name === table);
      if (!spec) throw new Error(`demo ${source.id}: no table ${table} in its contract`);
      await loader.insert(
        table,
        chunk,
        spec.columns.map((c) => c.name),
      );
      rows[`${source.id}.${table}`] = (rows[`${source.id}.${table}`] ?? 0) + chunk.length;
    }
    await loader.finish();
  } finally {
    await loader.close();
  }
}

function describe(scale: DemoScale): string {
  const region =
    scale.cities === 1 && scale.institutionScale === 1
      ? ''
      : `${scale.cities} cities, ${scale.countiesPerCity} counties per added city, ` +
        `institution scale ${scale.institutionScale}, ${scale.hisSourcesPerCity} HIS per added city, `;
  return `${region}visit scale ${scale.visitScale}, years ${scale.years.join(', ')}`;
}

/**
 * Build the demo databases of `scale` (default: the 安康 demo) at `target`: SQLite files in a
 * folder (replaced when they exist; `sources.json` is left to the caller), or databases
 * `<prefix>_<source id>` of a MySQL/MariaDB server (dropped and created). Rows are generated and
 * written one institution-month at a time, so memory stays flat whatever the scale. Returns the
 * sources configuration naming the databases, validated by `parseSourcesConfig`.
 */
export async function buildDemoDatabases(
  target: DemoTarget,
  options: { scale?: Partial<DemoScale>; log?: (line: string) => void } = {},
): Promise<DemoBuild> {
  const started = performance.now();
  const log = options.log ?? ((): void => undefined);
  const scale = resolveScale(options.scale);
  const place =
    target.kind === 'sqlite' ? sqlitePlacement(target.dir) : mysqlPlacement(target.adminUrl, target.prefix);
  if (target.kind === 'sqlite') {
    // A marker left by an earlier build no longer describes these files.
    mkdirSync(place.baseDir, { recursive: true });
    rmSync(join(place.baseDir, MARKER_FILE), { force: true });
  }
  log(`demo data: building ${place.where} (${describe(scale)})`);
  const region = buildAnkangRegion(scale.years, scale);
  const his = region.hisSources.map(hisDatabase);
  const config = sourcesJson(region, his, (id, file) => place.configUrl(id, file));
  const sources = parseSourcesConfig(config, { baseDir: place.baseDir, env: {} });
  const rows: Record<string, number> = {};

  const targets = new TransferTargets(
    region.institutions,
    region.cities.map((c) => c.name),
  );
  let step = performance.now();
  await writeRegistry(region, place.writeUrl('registry', REGISTRY_FILE), rows);
  log(`demo data: registry, ${region.institutions.length} institutions (${seconds(step)} s)`);
  for (const db of his) {
    step = performance.now();
    const held = region.institutions.filter((i) => i.source === db.id);
    await writeHis(db, held, targets, scale, place.writeUrl(db.id, db.file), rows);
    const count = Object.entries(rows)
      .filter(([k]) => k.startsWith(`${db.id}.`))
      .reduce((s, [, n]) => s + n, 0);
    log(`demo data: ${db.id}, ${held.length} institutions, ${count} rows (${seconds(step)} s)`);
  }

  for (const regional of REGIONAL_DEMO_SOURCES) {
    step = performance.now();
    await writeRegional(regional, region, scale.years, place.writeUrl(regional.id, regional.file), rows);
    log(`demo data: ${regional.id} (${seconds(step)} s)`);
  }
  place.finish([REGISTRY_FILE, ...his.map((d) => d.file), ...REGIONAL_DEMO_SOURCES.map((r) => r.file)]);
  return { config, sources, rows, institutions: region.institutions.length, seconds: seconds(started) };
}

/**
 * The demo's measure store: a SQLite file beside the demo databases, from the first demo year,
 * refreshed at start and hourly (see StoreConfig).
 */
export function demoStore(scale: Pick<DemoScale, 'years'>): Readonly<Record<string, unknown>> {
  return { url: 'sqlite:store.sqlite', from: `${scale.years[0]}-01-01` };
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
    ...hisSourceLayout(scale).map((s) => hisDatabase(s).file),
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
  const build = await buildDemoDatabases({ kind: 'sqlite', dir: root }, { scale, log });
  const config = { ...build.config, store: demoStore(scale) };
  writeAtomically(sourcesFile, `${JSON.stringify(config, null, 2)}\n`);
  const marker: Marker = { generatorVersion: GENERATOR_VERSION, scale, rows: build.rows };
  writeAtomically(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  const result: DemoResult = { sourcesFile, reused: false, rows: build.rows, seconds: seconds(started) };
  log(`demo data: done in ${result.seconds} s`);
  return result;
}
