import { interpolateEnv } from '../../schema/env';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { INSTITUTION_FAMILIES, isInstitutionHeld, SYSTEM_KINDS } from './kinds';
import type { SystemKind } from './kinds';
import type { PeriodGranularity } from '../../schema/period';

/** One legacy database the gateway reads. */
export interface SourceConfig {
  /** Stable id, used in provenance (`sources` of every answer). */
  readonly id: string;
  readonly kind: SystemKind;
  /** `mysql://user:password@host:3306/db` (MySQL or MariaDB) or `sqlite:/path/file.sqlite`. */
  readonly url: string;
  /** For HIS/LIS kinds: the institutions (org_code) this database holds. */
  readonly institutions: readonly string[];
  /** Vendor options, e.g. `{ "ghsjFormat": "CHAR19" }` for an upgraded vendor-A HIS. */
  readonly options: Readonly<Record<string, string>>;
  /** Per-query timeout in milliseconds. */
  readonly queryTimeoutMs: number;
  /**
   * How long an answer of this source is reused for the same statement (seconds; absent or 0:
   * never). For master data read by every request: the configuration file's default is
   * `DEFAULT_REGISTRY_ANSWER_SECONDS` for the registry and 0 for the others, so a registry change
   * (an institution opened, a member joining an alliance) shows within that time.
   */
  readonly answerCacheSeconds?: number;
}

/** 5 minutes: how long registry answers are reused unless the configuration says otherwise. */
export const DEFAULT_REGISTRY_ANSWER_SECONDS = 300;

/**
 * The product's own measure store (daily aggregates per institution of the institution-held
 * facts): its database (never a legacy source) and how it is kept current.
 */
export interface StoreConfig {
  /** `sqlite:/path/store.sqlite` (created if absent) or `mysql://user:password@host/db` (an existing database). */
  readonly url: string;
  /** First day stored (`yyyyMMdd`); earlier days are always read live. */
  readonly from: string;
  /** Recent days re-aggregated on every refresh (late records, reversals, cancellations). */
  readonly windowDays: number;
  /** Minutes between background refreshes; 0: only at start and when an administrator asks. */
  readonly refreshMinutes: number;
  /** Months of older days verified (per-day totals compared) per fact and source on each refresh. */
  readonly verifyMonthsPerRun: number;
  /** Statements one source runs at once for the store (bounded so the store never floods a source). */
  readonly concurrencyPerSource: number;
  /** Months one fill statement covers. */
  readonly fillChunkMonths: number;
  /** Whether this process refreshes (false on all replicas but one that share a MySQL store). */
  readonly refresh: boolean;
  /**
   * Period kinds whose per-period facts (distinct counts, states on a period's last day: signed
   * persons, managed patients, practitioners on post) are stored for every closed period since
   * `from`; periods of other kinds are answered live. Summed facts (visits, settlements…) are
   * rolled up to the closed periods of these kinds too (MONTH excepted), so a year is read as
   * one row per institution and keys. Default: years and half-years.
   */
  readonly periods?: readonly PeriodGranularity[];
}

export interface SourcesConfig {
  readonly sources: readonly SourceConfig[];
  /** Absent: every answer is computed live. */
  readonly store?: StoreConfig;
}

export class SourceConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid sources configuration (数据源配置错误):\n - ${problems.join('\n - ')}`);
  }
}

const sourceSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'id: letters, digits, _ . - (1–64)'),
    kind: z.enum(SYSTEM_KINDS, {
      errorMap: () => ({ message: `kind must be one of ${SYSTEM_KINDS.join(', ')}` }),
    }),
    url: z.string().min(1),
    institutions: z
      .array(z.string().regex(/^[0-9A-Z]{18}$/, 'institutions: 18-character org codes'))
      .optional(),
    options: z.record(z.string()).optional(),
    queryTimeoutMs: z.number().int().positive().max(600_000).optional(),
    answerCacheSeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

const storeSchema = z
  .object({
    url: z.string().min(1),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-MM-dd'),
    windowDays: z.number().int().min(0).max(366).optional(),
    refreshMinutes: z
      .number()
      .min(0)
      .max(7 * 24 * 60)
      .optional(),
    verifyMonthsPerRun: z.number().int().min(0).max(120).optional(),
    concurrencyPerSource: z.number().int().min(1).max(8).optional(),
    fillChunkMonths: z.number().int().min(1).max(120).optional(),
    refresh: z.boolean().optional(),
    periods: z.array(z.enum(['YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH'])).optional(),
  })
  .strict();

const fileSchema = z
  .object({
    queryTimeoutMs: z.number().int().positive().max(600_000).optional(),
    sources: z.array(sourceSchema).min(1),
    store: storeSchema.optional(),
  })
  .strict();

const DEFAULT_TIMEOUT_MS = 15_000;

/** The period kinds of the national forms (年度, 半年): their per-period facts are stored by default. */
export const DEFAULT_STORED_PERIODS: readonly PeriodGranularity[] = ['YEAR', 'HALF_YEAR'];

/** A relative `sqlite:` path is taken relative to the configuration file. */
function resolveUrl(url: string, baseDir: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const path = url.slice('sqlite:'.length);
  return `sqlite:${isAbsolute(path) ? path : resolve(baseDir, path)}`;
}

/** Validate a parsed configuration object; throws SourceConfigError listing every problem. */
export function parseSourcesConfig(
  raw: unknown,
  options: { baseDir?: string; env?: NodeJS.ProcessEnv } = {},
): SourcesConfig {
  const env = options.env ?? process.env;
  const baseDir = options.baseDir ?? process.cwd();
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SourceConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const problems: string[] = [];
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  const sources: SourceConfig[] = parsed.data.sources.map((s, index) => {
    const where = `sources[${index}] (${s.id})`;
    if (ids.has(s.id)) problems.push(`${where}: duplicate source id`);
    ids.add(s.id);
    const url = resolveUrl(interpolateEnv(s.url, env, problems, where), baseDir);
    if (!/^(mysql|mariadb):\/\//.test(url) && !url.startsWith('sqlite:')) {
      problems.push(`${where}: url must start with mysql://, mariadb:// or sqlite:`);
    }
    const institutions = s.institutions ?? [];
    if (isInstitutionHeld(s.kind) && institutions.length === 0) {
      problems.push(`${where}: a ${s.kind} source must list the institutions it holds`);
    }
    const family = INSTITUTION_FAMILIES[s.kind];
    for (const org of institutions) {
      const key = `${family ?? s.kind}:${org}`;
      const owner = owners.get(key);
      if (owner) problems.push(`${where}: institution ${org} is already held by source ${owner}`);
      owners.set(key, s.id);
    }
    return {
      id: s.id,
      kind: s.kind,
      url,
      institutions,
      options: s.options ?? {},
      queryTimeoutMs: s.queryTimeoutMs ?? parsed.data.queryTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      answerCacheSeconds:
        s.answerCacheSeconds ?? (s.kind === 'registry' ? DEFAULT_REGISTRY_ANSWER_SECONDS : 0),
    };
  });
  const registries = sources.filter((s) => s.kind === 'registry').length;
  if (registries !== 1) problems.push(`exactly one registry source is required, found ${registries}`);
  const store = parsed.data.store ? storeOf(parsed.data.store, baseDir, env, problems) : undefined;
  if (problems.length) throw new SourceConfigError(problems);
  return store ? { sources, store } : { sources };
}

function storeOf(
  raw: z.infer<typeof storeSchema>,
  baseDir: string,
  env: NodeJS.ProcessEnv,
  problems: string[],
): StoreConfig {
  const url = resolveUrl(interpolateEnv(raw.url, env, problems, 'store'), baseDir);
  if (!/^(mysql|mariadb):\/\//.test(url) && !url.startsWith('sqlite:')) {
    problems.push('store: url must start with mysql://, mariadb:// or sqlite:');
  }
  const from = raw.from.replace(/-/g, '');
  if (Number.isNaN(Date.parse(raw.from))) problems.push(`store.from: ${raw.from} is not a date`);
  return {
    url,
    from,
    windowDays: raw.windowDays ?? 30,
    refreshMinutes: raw.refreshMinutes ?? 60,
    verifyMonthsPerRun: raw.verifyMonthsPerRun ?? 3,
    concurrencyPerSource: raw.concurrencyPerSource ?? 1,
    fillChunkMonths: raw.fillChunkMonths ?? 12,
    refresh: raw.refresh ?? env.MEASURE_STORE_REFRESH !== '0',
    periods: [...new Set(raw.periods ?? DEFAULT_STORED_PERIODS)],
  };
}

/** Read and validate the JSON file named by GATEWAY_SOURCES. */
export function loadSourcesConfig(path: string, env: NodeJS.ProcessEnv = process.env): SourcesConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SourceConfigError([`cannot read ${path}: ${(e as Error).message}`]);
  }
  return parseSourcesConfig(raw, { baseDir: dirname(resolve(path)), env });
}
