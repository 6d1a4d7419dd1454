/**
 * Build the 安康 demo's legacy databases on a MySQL/MariaDB server (the docker-compose demo):
 * the project's own DDL and generator, databases `<prefix>_<source>`, and a sources file naming
 * them for the subgraphs, with the measure store in a database `<prefix>_store` of the same server.
 *   DEMO_MYSQL_ADMIN_URL=mysql://root@legacy-db:3306 DEMO_SOURCES_OUT=/config/sources.json node dist/scripts/demo-mysql.js
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { buildDemoDatabases } from '../adapters/demo';

async function main(): Promise<void> {
  const adminUrl = process.env.DEMO_MYSQL_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306';
  const out = process.env.DEMO_SOURCES_OUT ?? '.demo-mysql/sources.json';
  const prefix = process.env.DEMO_MYSQL_PREFIX ?? 'hag_demo';
  const build = await buildDemoDatabases(
    { kind: 'mysql', adminUrl, prefix },
    { log: (line) => console.info(line) },
  );
  // The product's own measure store: a database of its own on the same server (the demo's only one).
  const storeDb = `${prefix}_store`;
  const admin = await createConnection(adminUrl);
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${storeDb}\``);
  } finally {
    await admin.end();
  }
  const config = { ...build.config, store: { url: `${adminUrl}/${storeDb}`, from: '2018-01-01' } };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(config, null, 2)}\n`);
  console.info(
    `demo on ${adminUrl.replace(/\/\/[^@]*@/, '//')}: ${build.institutions} institutions; sources in ${out}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
