import DataLoader from 'dataloader';
import { registryAdapter } from '../../adapters';
import type { InstitutionRecord, SourceRegistry, SystemKind } from '../../adapters';
import type { InstitutionIndex } from '../../adapters/registry/adapter';
import type { AllianceMemberRecord, AllianceRecord } from '../../adapters/registry/model';
import { madeOnce } from '../../adapters/sql/answer-cache';
import type {
  DivisionSignedPersons,
  FeeComposition,
  PaidContracts,
  TeamCounts,
  TeamOrgSignedPersons,
} from '../../adapters/fds/model';
import type {
  AssignmentFlow,
  FurtherTrainingFlow,
  FurtherTrainingPersons,
  GeneralPractitioners,
  PracticeSites,
  PractitionersOnPost,
  PractitionersOnPostTotals,
  Recruitments,
} from '../../adapters/hrm/model';
import type { Period } from '../../schema/period';
import { laterStoredThrough, SourceStatus } from '../common/provenance';
import { OncePer } from '../common/memo';
import { RegistryView, registryUnavailable } from '../common/registry-view';
import { HospitalLevel, RegionLevel } from '../../schema/enums';
import type { OpenedStore } from '../common/store/open';
import { fetchPeriods, periodStoredThrough } from '../common/store/period-fetch';
import type { PeriodFactSpec, PeriodRow } from '../common/store/period-spec';
import {
  ASSIGNMENTS_FACT,
  FEES_FACT,
  GPS_FACT,
  ON_POST_FACT,
  ON_POST_TOTALS_FACT,
  PRACTICE_SITES_FACT,
  RECRUITMENTS_FACT,
  TRAINING_PERSONS_FACT,
  TRAININGS_FACT,
  PAID_FACT,
  SIGNED_BY_DIVISION_FACT,
  SIGNED_BY_TEAM_ORG_FACT,
  TEAMS_FACT,
} from './store/facts';

/** The registry's 三级 and 二级 hospitals (codes, sorted). */
export interface HospitalLevels {
  readonly level3: readonly string[];
  readonly level2: readonly string[];
}

/** hospitalsByLevel's answers, per institution index (one per kept registry answer). */
const HOSPITAL_LEVELS = new WeakMap<InstitutionIndex, HospitalLevels>();

/** How one source fared for one statement. */
export interface SourceState {
  readonly id: string;
  readonly kind: string;
  readonly status: SourceStatus;
  /** The last day (yyyy-MM-dd) answered from the measure store; absent or null: read live. */
  readonly storedThrough?: string | null;
}

/**
 * Two states of one source merged: its first failure wins; the later stored-through day is kept
 * (how far an answer merged from several facts came from the store).
 */
export function mergeState(known: SourceState | undefined, next: SourceState): SourceState {
  if (!known) return next;
  const status = known.status === SourceStatus.OK ? next.status : known.status;
  const storedThrough = laterStoredThrough(known.storedThrough, next.storedThrough);
  return { id: known.id, kind: known.kind, status, ...(storedThrough ? { storedThrough } : {}) };
}

/** The rows of one (period, institution or county) key, and how the sources fared for them. */
export interface FactSlice<T> {
  readonly rows: readonly T[];
  readonly sources: readonly SourceState[];
}

/** Every row of a scope for one period, and the sources' states merged (any failure wins). */
export interface Gathered<T> {
  readonly rows: readonly T[];
  readonly sources: readonly SourceState[];
}

/**
 * A loader key: the institution or county codes of one scope, for one period. Made once per code
 * list and period (`scopeKey`), so a scope's measures share one key: a province's 24 000 codes are
 * one key, not 24 000 (each a promise and a cache entry, per fact and period).
 */
export interface ScopeKey {
  readonly period: Period;
  readonly codes: readonly string[];
}

/** A loader of one fact's slices per scope key. */
type FactLoader<T> = DataLoader<ScopeKey, FactSlice<T>>;

const SCOPE_KEYS = new OncePer<readonly string[], ScopeKey>();

function scopeKey(period: Period, codes: readonly string[]): ScopeKey {
  return SCOPE_KEYS.get(codes, period.id, () => ({ period, codes }));
}

/** A code list sorted without repeats, once per list (every fact of a scope asks for its own). */
const SORTED = new OncePer<readonly string[], readonly string[]>();
const sortedCodes = (codes: readonly string[]): readonly string[] =>
  SORTED.get(codes, '', () => [...new Set(codes)].sort());

/** The codes of a batch's keys, sorted without repeats. */
function codesOfKeys(keys: readonly ScopeKey[]): readonly string[] {
  if (keys.every((k) => k.codes === keys[0].codes)) return sortedCodes(keys[0].codes);
  const codes = new Set<string>();
  for (const k of keys) for (const c of k.codes) codes.add(c);
  return [...codes].sort();
}

/**
 * A per-request loader of one per-period fact: every (period, code) key asked in one tick is
 * answered by one read of the measure store for the periods it holds and one statement per source
 * for the rest (all the periods and codes at once; all live without a store), the rows then split
 * by key. `codesOf` names the keys a row belongs to (both ends for flows between institutions).
 */
function storedFactLoader<T extends PeriodRow>(
  sources: SourceRegistry,
  store: OpenedStore | undefined,
  spec: PeriodFactSpec<T>,
  codesOf: (row: T) => readonly string[],
): DataLoader<ScopeKey, FactSlice<T>> {
  return new DataLoader<ScopeKey, FactSlice<T>>(async (keys) => {
    const byId = new Map<string, Period>();
    for (const k of keys) byId.set(k.period.id, k.period);
    const periods = [...byId.keys()].sort().map((id) => byId.get(id)!);
    const fetched = await fetchPeriods({
      store,
      spec,
      sources,
      targets: sources.ofKinds(spec.kinds),
      periods,
      codes: codesOfKeys(keys),
    });
    const { outcomes } = fetched;
    // Per period: each source's state, with the period's last day when the store answered it.
    const statesOf = new Map(
      periods.map((period) => {
        const states: SourceState[] = outcomes.map((o) => {
          const state = {
            id: o.source.id,
            kind: o.source.kind,
            status: o.ok ? SourceStatus.OK : (o.failure as SourceStatus),
          };
          const storedThrough = o.ok ? periodStoredThrough(fetched.stored, o.source.id, period) : null;
          return storedThrough ? { ...state, storedThrough } : state;
        });
        return [period.id, states] as const;
      }),
    );
    // One key (one scope: a form's region, the usual batch): its rows are those with a code of
    // its own, in the order read, without an index of every code.
    if (keys.length === 1) {
      const [k] = keys;
      const own = new Set(k.codes);
      const rows: T[] = [];
      for (const o of outcomes) {
        if (!o.ok) continue;
        for (const row of o.value) {
          if (row.period !== k.period.id) continue;
          const codes = codesOf(row);
          // A flow between two of the scope's institutions twice, as the index gives it (`gather`).
          for (let i = 0; i < codes.length; i++)
            if (codes.indexOf(codes[i]) === i && own.has(codes[i])) rows.push(row);
        }
      }
      return [{ rows, sources: statesOf.get(k.period.id) ?? [] }];
    }
    // The rows by period, then by code (a flow under each of its two ends, once when they are one).
    const byPeriod = new Map<string, Map<string, T[]>>();
    const add = (byCode: Map<string, T[]>, code: string, row: T): void => {
      const list = byCode.get(code);
      if (list) list.push(row);
      else byCode.set(code, [row]);
    };
    for (const o of outcomes) {
      if (!o.ok) continue;
      for (const row of o.value) {
        let byCode = byPeriod.get(row.period);
        if (!byCode) {
          byCode = new Map();
          byPeriod.set(row.period, byCode);
        }
        const codes = codesOf(row);
        for (let i = 0; i < codes.length; i++) if (codes.indexOf(codes[i]) === i) add(byCode, codes[i], row);
      }
    }
    // A scope's rows: those of its codes (a flow between two of them twice: `gather` tells).
    return keys.map((k) => {
      const rows: T[] = [];
      const byCode = byPeriod.get(k.period.id);
      if (byCode) for (const code of k.codes) for (const row of byCode.get(code) ?? []) rows.push(row);
      return { rows, sources: statesOf.get(k.period.id) ?? [] };
    });
  });
}

/**
 * One request's view of the registry and of the workforce (hrm) and family-doctor (fds) sources:
 * every fact batched with DataLoader by (period, institution or county), so that an operation
 * sends one statement per adapter function and source, whatever the number of institutions and
 * regions asked, and one registry statement for the institutions of the regions.
 */
export class WorkforceView extends RegistryView {
  readonly onPost: FactLoader<PractitionersOnPost>;
  /** Per institution only: what the measures read. */
  readonly onPostTotals: FactLoader<PractitionersOnPostTotals>;
  readonly gps: FactLoader<GeneralPractitioners>;
  readonly assignments: FactLoader<AssignmentFlow>;
  readonly trainings: FactLoader<FurtherTrainingFlow>;
  readonly recruitments: FactLoader<Recruitments>;
  readonly signedByDivision: FactLoader<DivisionSignedPersons>;
  readonly signedByTeamOrg: FactLoader<TeamOrgSignedPersons>;
  readonly fees: FactLoader<FeeComposition>;
  readonly teams: FactLoader<TeamCounts>;
  readonly paid: FactLoader<PaidContracts>;
  readonly trainingPersons: FactLoader<FurtherTrainingPersons>;
  /** Physicians' sets of practice sites (practisingDownOf applies the registry's levels). */
  readonly practiceSites: FactLoader<PracticeSites>;
  readonly allianceById: DataLoader<string, AllianceRecord | null>;
  readonly allianceMembers: DataLoader<string, AllianceMemberRecord[]>;
  private index: Promise<InstitutionIndex> | null = null;

  constructor(sources: SourceRegistry, store?: OpenedStore) {
    super(sources);
    this.onPost = storedFactLoader(sources, store, ON_POST_FACT, (r) => [r.orgCode]);
    this.onPostTotals = storedFactLoader(sources, store, ON_POST_TOTALS_FACT, (r) => [r.orgCode]);
    this.gps = storedFactLoader(sources, store, GPS_FACT, (r) => [r.orgCode]);
    this.assignments = storedFactLoader(sources, store, ASSIGNMENTS_FACT, (r) => [
      r.fromOrgCode,
      r.toOrgCode,
    ]);
    this.trainings = storedFactLoader(sources, store, TRAININGS_FACT, (r) => [r.homeOrgCode, r.hostOrgCode]);
    this.recruitments = storedFactLoader(sources, store, RECRUITMENTS_FACT, (r) => [r.orgCode]);
    this.signedByDivision = storedFactLoader(sources, store, SIGNED_BY_DIVISION_FACT, (r) => [
      r.divisionCode,
    ]);
    this.signedByTeamOrg = storedFactLoader(sources, store, SIGNED_BY_TEAM_ORG_FACT, (r) => [r.orgCode]);
    this.fees = storedFactLoader(sources, store, FEES_FACT, (r) => [r.divisionCode]);
    this.teams = storedFactLoader(sources, store, TEAMS_FACT, (r) => [r.orgCode]);
    this.paid = storedFactLoader(sources, store, PAID_FACT, (r) => [r.divisionCode]);
    this.trainingPersons = storedFactLoader(sources, store, TRAINING_PERSONS_FACT, (r) => [r.homeOrgCode]);
    this.practiceSites = storedFactLoader(sources, store, PRACTICE_SITES_FACT, (r) => [r.mainOrgCode]);
    const registry = (): ReturnType<SourceRegistry['registry']> => sources.registry();
    this.allianceById = new DataLoader(async (ids) => {
      const rows = await registryAdapter.alliances(registry(), { ids }).catch(registryUnavailable);
      return ids.map((id) => rows.find((a) => a.allianceId === id) ?? null);
    });
    this.allianceMembers = new DataLoader(async (ids) => {
      const rows = await registryAdapter
        .allianceMembers(registry(), { allianceIds: ids })
        .catch(registryUnavailable);
      return ids.map((id) => rows.filter((m) => m.allianceId === id));
    });
  }

  /** Every institution of the region's registry by code (read once per operation). */
  async institutionMap(): Promise<ReadonlyMap<string, InstitutionRecord>> {
    return (await this.everyInstitution()).byCode;
  }

  /**
   * Every institution of the region's registry (all its counties; one statement), listed and by
   * code: one index per answer the registry keeps, shared by the requests while it is kept.
   */
  private everyInstitution(): Promise<InstitutionIndex> {
    this.index ??= this.divisions()
      .then((divisions) =>
        registryAdapter.institutionIndex(
          this.sources.registry(),
          divisions
            .all()
            .filter((d) => d.level === RegionLevel.COUNTY)
            .map((d) => d.code),
        ),
      )
      .catch(registryUnavailable);
    return this.index;
  }

  /** The registry's 三级 and 二级 hospitals (not primary care), for 到下级医疗机构执业: once per kept answer. */
  async hospitalsByLevel(): Promise<HospitalLevels> {
    const index = await this.everyInstitution();
    return madeOnce(HOSPITAL_LEVELS, index, ({ list }) => {
      const of = (level: HospitalLevel): string[] =>
        list
          .filter((r) => !r.primaryCare && r.level === level)
          .map((r) => r.orgCode)
          .sort();
      return { level3: of(HospitalLevel.LEVEL_3), level2: of(HospitalLevel.LEVEL_2) };
    });
  }

  /** The configured sources of a kind, as answered (nothing needed asking). */
  idle(kind: SystemKind): SourceState[] {
    return this.sources
      .ofKinds([kind])
      .map((s) => ({ id: s.config.id, kind: s.config.kind, status: SourceStatus.OK }));
  }

  /**
   * The rows of `codes` for one period from `loader` (one key for the whole list), each row once
   * (a flow between two institutions of the scope is indexed under both: `identity` removes the
   * repeat), and the sources' states of the batch.
   */
  async gather<T>(
    loader: DataLoader<ScopeKey, FactSlice<T>>,
    kind: SystemKind,
    period: Period,
    codes: readonly string[],
    identity?: (row: T) => string,
  ): Promise<Gathered<T>> {
    if (codes.length === 0) return { rows: [], sources: this.idle(kind) };
    const slice = await loader.load(scopeKey(period, codes));
    if (!identity) return { rows: slice.rows, sources: slice.sources };
    const rows: T[] = [];
    const seen = new Set<string>();
    for (const row of slice.rows) {
      const id = identity(row);
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push(row);
    }
    return { rows, sources: slice.sources };
  }
}
