/**
 * The composed schema, committed under schema/: `supergraph.graphql` (what the gateway routes
 * with) and `api.graphql` (the public API clients see). `npm run schema:update` rewrites them and
 * refuses breaking changes (removed or retyped fields, …) unless ALLOW_BREAKING=1; the test suite
 * recomposes and fails when they are out of date, listing every change by criticality.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { buildIndicatorsSchema } from '../subgraphs/indicators';
import { DOMAIN_SUBGRAPHS } from './subgraphs';

/** The project root: the nearest folder with a package.json (from scripts/ or dist/scripts/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const SCHEMA_DIR = join(projectRoot(), 'schema');
const SUPERGRAPH_FILE = 'supergraph.graphql';
const API_FILE = 'api.graphql';

export interface ComposedSchema {
  readonly supergraph: string;
  readonly api: string;
}

/** Compose every subgraph in-process, exactly as the gateway does from their `_service { sdl }`. */
export async function composeLocal(): Promise<ComposedSchema> {
  const subgraphs = [
    ...DOMAIN_SUBGRAPHS.map((s) => ({ name: s.name, build: s.build })),
    { name: 'indicators', build: buildIndicatorsSchema },
  ];
  const services = [];
  for (const s of subgraphs) {
    services.push({
      name: s.name,
      url: `http://${s.name}/graphql`,
      typeDefs: parse(printSubgraphSchema(await s.build())),
    });
  }
  const result = composeServices(services);
  if (result.errors)
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  const api = printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema()));
  return { supergraph: result.supergraphSdl, api: `${api}\n` };
}

export interface SchemaChange {
  readonly criticality: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  readonly message: string;
}

/** Every change of the public API from `before` to `after` (SDL texts), by criticality. */
export async function apiChanges(before: string, after: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  const level = (c: CriticalityLevel): SchemaChange['criticality'] =>
    c === CriticalityLevel.Breaking
      ? 'BREAKING'
      : c === CriticalityLevel.Dangerous
        ? 'DANGEROUS'
        : 'NON_BREAKING';
  return changes.map((c) => ({ criticality: level(c.criticality.level), message: c.message }));
}

export function readCommitted(dir = SCHEMA_DIR): ComposedSchema | null {
  try {
    return {
      supergraph: readFileSync(join(dir, SUPERGRAPH_FILE), 'utf8'),
      api: readFileSync(join(dir, API_FILE), 'utf8'),
    };
  } catch {
    return null;
  }
}

async function update(): Promise<void> {
  const composed = await composeLocal();
  const committed = readCommitted();
  if (committed) {
    const changes = await apiChanges(committed.api, composed.api);
    for (const c of changes) console.info(`${c.criticality.padEnd(12)} ${c.message}`);
    const breaking = changes.filter((c) => c.criticality === 'BREAKING');
    if (breaking.length && process.env.ALLOW_BREAKING !== '1') {
      console.error(
        `${breaking.length} breaking change(s): not written. Set ALLOW_BREAKING=1 if they are intended.`,
      );
      process.exit(1);
    }
  }
  writeFileSync(join(SCHEMA_DIR, SUPERGRAPH_FILE), composed.supergraph);
  writeFileSync(join(SCHEMA_DIR, API_FILE), composed.api);
  console.info(`schema/${SUPERGRAPH_FILE} and schema/${API_FILE} written`);
}

if (require.main === module) {
  update().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
