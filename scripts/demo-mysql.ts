/**
 * Build the 安康 demo's legacy databases on a MySQL/MariaDB server (the docker-compose demo):
 * the project's own DDL and generator, databases `<prefix>_<source>`, and a sources file naming
 * them for the subgraphs.
 *   DEMO_MYSQL_ADMIN_URL=mysql://root@legacy-db:3306 DEMO_SOURCES_OUT=/config/sources.json node dist/scripts/demo-mysql.js
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildDemoDatabases } from '../adapters/demo';

async function main(): Promise<void> {
  const adminUrl = process.env.DEMO_MYSQL_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306';
  const out = process.env.DEMO_SOURCES_OUT ?? '.demo-mysql/sources.json';
  const build = await buildDemoDatabases(
    { kind: 'mysql', adminUrl, prefix: process.env.DEMO_MYSQL_PREFIX ?? 'hag_demo' },
    { log: (line) => console.info(line) },
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(build.config, null, 2)}\n`);
  console.info(
    `demo on ${adminUrl.replace(/\/\/[^@]*@/, '//')}: ${build.institutions} institutions; sources in ${out}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
